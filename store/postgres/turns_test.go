package postgres_test

import (
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/store"
	"github.com/credence/credence/store/postgres"
	"github.com/credence/credence/store/postgres/pgtest"
	"github.com/credence/credence/store/storetest"
)

// TestNodesTakeTurns: two nodes (two Stores on one database) that each
// read and write the same key 100 times at once, as creates extend the one
// audit chain, lose no increment, and no transaction of either is refused
// and run again: their write transactions take turns.
func TestNodesTakeTurns(t *testing.T) {
	name, _ := pgtest.Schema(t)
	nodes := [2]*postgres.Store{pgtest.OpenIn(t, name), pgtest.OpenIn(t, name)}
	const each = 100
	var wg sync.WaitGroup
	for _, st := range nodes {
		for range each {
			wg.Go(func() {
				assert.NoError(t, st.Update(t.Context(), func(tx store.Tx) error {
					return storetest.Increment(tx, "meta", "head")
				}))
			})
		}
	}
	wg.Wait()
	require.NoError(t, nodes[0].View(t.Context(), func(r store.Reader) error {
		v, err := r.Get("meta", []byte("head"))
		require.NoError(t, err)
		assert.Equal(t, strconv.Itoa(2*each), string(v))
		return nil
	}))
	assert.Zero(t, nodes[0].Conflicts()+nodes[1].Conflicts(), "transactions refused and run again")
}
