package postgres_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/store"
	"github.com/credence/credence/store/postgres/pgtest"
)

// TestWrittenKeysCostNoTrip: a key a transaction wrote is read back from
// memory after the write was sent with a read of another key, as a run of
// creates reads and writes the audit chain's head and the kept counts;
// only keys not yet read or written cost a round trip.
func TestWrittenKeysCostNoTrip(t *testing.T) {
	st := pgtest.Open(t)
	require.NoError(t, st.Update(t.Context(), func(tx store.Tx) error { return tx.Put("meta", []byte("head"), []byte("0")) }))
	before := st.RoundTrips()
	require.NoError(t, st.Update(t.Context(), func(tx store.Tx) error {
		for i, doc := range []string{"a", "b", "c", "d"} {
			// A create: is the id free (a new key: a trip), then the head.
			_, err := tx.Get("docs", []byte(doc))
			require.ErrorIs(t, err, store.ErrNotFound)
			head, err := tx.Get("meta", []byte("head"))
			require.NoError(t, err)
			assert.Equal(t, string(rune('0'+i)), string(head))
			require.NoError(t, tx.Put("docs", []byte(doc), []byte("{}")))
			require.NoError(t, tx.Put("meta", []byte("head"), []byte(string(rune('1'+i)))))
		}
		return nil
	}))
	// A trip for each id, the first carrying BEGIN, a trip for the head's
	// first read, one for COMMIT with the last writes.
	assert.Equal(t, int64(6), st.RoundTrips()-before)
}
