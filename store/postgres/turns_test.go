package postgres_test

import (
	"errors"
	"strconv"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
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

// TestTurnLeavesVacuumAlone: while a write transaction holds the writers'
// turn, VACUUM and ANALYZE of the documents' table run at once: the turn
// is a lock on a table of its own, so autovacuum is never made to wait
// (and cancelled) by a stream of writes.
func TestTurnLeavesVacuumAlone(t *testing.T) {
	name, _ := pgtest.Schema(t)
	st := pgtest.OpenIn(t, name)
	held, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	done := make(chan error, 1)
	go func() {
		done <- st.Update(t.Context(), func(tx store.Tx) error {
			if _, err := tx.Get("b", []byte("k")); !errors.Is(err, store.ErrNotFound) {
				return err // the read sent BEGIN and the turn
			}
			once.Do(func() { close(held) })
			<-release
			return tx.Put("b", []byte("k"), []byte("v"))
		})
	}()
	<-held
	conn := connect(t)
	for _, sql := range []string{"SET search_path = " + pgx.Identifier{name}.Sanitize(), "SET lock_timeout = '2s'", "VACUUM credence_kv", "ANALYZE credence_kv"} {
		_, err := conn.Exec(t.Context(), sql)
		assert.NoError(t, err, sql)
	}
	close(release)
	require.NoError(t, <-done)
}
