package postgres_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/store"
	"github.com/credence/credence/store/postgres"
	"github.com/credence/credence/store/postgres/pgtest"
)

// TestPlansWithStaleStatistics: with statistics taken when the table was
// empty (a new database, analyzed before it filled up), the statements a
// read of several keys and a read of a range send are still served from
// the primary key, a lookup for each key, rather than by reading the bucket.
func TestPlansWithStaleStatistics(t *testing.T) {
	schema, _ := pgtest.Schema(t)
	st := pgtest.OpenIn(t, schema)
	conn := connect(t)
	_, err := conn.Exec(t.Context(), "SET search_path = "+pgx.Identifier{schema}.Sanitize())
	require.NoError(t, err)
	_, err = conn.Exec(t.Context(), "ANALYZE credence_kv")
	require.NoError(t, err)
	require.NoError(t, st.Update(t.Context(), func(tx store.Tx) error {
		for i := range 3000 {
			if err := tx.Put("b", fmt.Appendf(nil, "k%05d", i), []byte("v")); err != nil {
				return err
			}
		}
		return nil
	}))
	// What the store's sessions set, and the plan a prepared statement
	// gets after a few runs.
	for _, set := range []string{"enable_seqscan = off", "enable_bitmapscan = off", "enable_sort = off", "plan_cache_mode = force_generic_plan"} {
		_, err := conn.Exec(t.Context(), "SET "+set)
		require.NoError(t, err)
	}
	plan := func(query string, args ...any) string {
		rows, err := conn.Query(t.Context(), "EXPLAIN (ANALYZE, COSTS OFF) "+query, args...)
		require.NoError(t, err)
		lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
		require.NoError(t, err)
		return strings.Join(lines, "\n")
	}
	// A read of several keys (GetMany): the primary key looks each up.
	many := plan(postgres.GetManySQL, "b", [][]byte{[]byte("k00010"), []byte("k02000")})
	assert.Contains(t, many, "Index Scan using credence_kv_pkey", many)
	assert.Contains(t, many, ") AND (key = ANY (", many)
	assert.Contains(t, many, "rows=2 ", many)
	assert.NotContains(t, many, "Rows Removed by Filter", many)
	// A range, backwards (Scan): the index, in order, no sort.
	rng := plan(`SELECT key, value FROM credence_kv WHERE bucket = $1 AND key >= $2 AND key < $3 ORDER BY key DESC LIMIT 64`,
		"b", []byte("k01000"), []byte("k02000"))
	assert.Contains(t, rng, "Index Scan Backward")
	assert.NotContains(t, rng, "Sort", rng)
	// What the store reads through them.
	require.NoError(t, st.View(t.Context(), func(r store.Reader) error {
		got, err := store.GetMany(r, "b", [][]byte{[]byte("k00010"), []byte("nope"), []byte("k02999"), []byte("k00010")})
		require.NoError(t, err)
		assert.Equal(t, [][]byte{[]byte("v"), nil, []byte("v"), []byte("v")}, got)
		return nil
	}))
}
