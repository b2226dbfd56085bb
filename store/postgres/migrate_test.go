package postgres_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/store"
	"github.com/credence/credence/store/postgres"
	"github.com/credence/credence/store/postgres/pgtest"
)

// connect opens a plain connection to the test database, closed when the
// test ends, for the tests to look at the tables behind the store's back.
func connect(t *testing.T) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), pgtest.URL())
	require.NoError(t, err)
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// schemaVersions returns the rows of credence_schema_version in schema.
func schemaVersions(t *testing.T, conn *pgx.Conn, schema string) []int {
	t.Helper()
	rows, err := conn.Query(t.Context(), "SELECT version FROM "+pgx.Identifier{schema, "credence_schema_version"}.Sanitize())
	require.NoError(t, err)
	versions, err := pgx.CollectRows(rows, pgx.RowTo[int])
	require.NoError(t, err)
	return versions
}

func TestOpenRefusesNewerDatabase(t *testing.T) {
	schema, schemaURL := pgtest.Schema(t)
	ctx := t.Context()
	st, err := postgres.Open(ctx, pgtest.URL(), postgres.Options{Schema: schema})
	require.NoError(t, err)
	require.NoError(t, st.Update(ctx, func(tx store.Tx) error { return tx.Put("b", []byte("k"), []byte("kept")) }))
	require.NoError(t, st.Close())

	conn := connect(t)
	known := schemaVersions(t, conn, schema)
	require.Len(t, known, 1)
	table := pgx.Identifier{schema, "credence_schema_version"}.Sanitize()
	_, err = conn.Exec(ctx, "UPDATE "+table+" SET version = version + 1")
	require.NoError(t, err, "a newer binary migrated the database")

	opens := []struct {
		name string
		open func() (*postgres.Store, error)
	}{
		{"schema in the options", func() (*postgres.Store, error) {
			return postgres.Open(ctx, pgtest.URL(), postgres.Options{Schema: schema})
		}},
		{"search_path in the URL, as credence serve --data", func() (*postgres.Store, error) {
			return postgres.Open(ctx, schemaURL, postgres.Options{})
		}},
	}
	for _, o := range opens {
		t.Run(o.name, func(t *testing.T) {
			st, err := o.open()
			if !assert.Error(t, err, "an older binary must not open a newer database") {
				st.Close()
				return
			}
			assert.Contains(t, err.Error(), fmt.Sprintf("schema version %d", known[0]+1))
			assert.Contains(t, err.Error(), "newer than this binary knows")
			assert.Contains(t, err.Error(), "upgrade credence")
			assert.Equal(t, []int{known[0] + 1}, schemaVersions(t, conn, schema), "the refusal changes nothing")
		})
	}

	// Back at the version it knows, the binary opens the data it wrote.
	_, err = conn.Exec(ctx, "UPDATE "+table+" SET version = version - 1")
	require.NoError(t, err)
	st, err = postgres.Open(ctx, pgtest.URL(), postgres.Options{Schema: schema})
	require.NoError(t, err)
	defer st.Close()
	var got []byte
	require.NoError(t, st.View(ctx, func(r store.Reader) error {
		got, err = r.Get("b", []byte("k"))
		return err
	}))
	assert.Equal(t, "kept", string(got))
}

// TestConcurrentOpensMigrateOnce starts four nodes at once on a database
// that has never seen Credence: they all open, the migrations run once
// (one version row), and the stores they opened share the same data.
func TestConcurrentOpensMigrateOnce(t *testing.T) {
	const nodes = 4
	tests := []struct {
		name string
		// target returns the schema the stores share and how to open one.
		target func(t *testing.T) (schema, url string, opts postgres.Options)
	}{
		{"an empty schema named in the options", func(t *testing.T) (string, string, postgres.Options) {
			schema, _ := pgtest.Schema(t)
			return schema, pgtest.URL(), postgres.Options{Schema: schema}
		}},
		{"a schema the options name but nobody created", func(t *testing.T) (string, string, postgres.Options) {
			base, _ := pgtest.Schema(t)
			schema := base + "_new"
			conn := connect(t)
			t.Cleanup(func() {
				conn.Exec(context.Background(), "DROP SCHEMA IF EXISTS "+pgx.Identifier{schema}.Sanitize()+" CASCADE")
			})
			return schema, pgtest.URL(), postgres.Options{Schema: schema}
		}},
		{"an empty schema in the URL's search_path", func(t *testing.T) (string, string, postgres.Options) {
			schema, schemaURL := pgtest.Schema(t)
			return schema, schemaURL, postgres.Options{}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			schema, url, opts := tt.target(t)
			ctx := t.Context()
			stores := make([]*postgres.Store, nodes)
			errs := make([]error, nodes)
			var wg sync.WaitGroup
			start := make(chan struct{})
			for i := range nodes {
				wg.Go(func() {
					<-start
					stores[i], errs[i] = postgres.Open(ctx, url, opts)
				})
			}
			close(start)
			wg.Wait()
			for i, st := range stores {
				if st != nil {
					t.Cleanup(func() { st.Close() })
				}
				require.NoError(t, errs[i], "open %d of %d", i+1, nodes)
			}

			conn := connect(t)
			versions := schemaVersions(t, conn, schema)
			require.Len(t, versions, 1, "one version row: the migrations ran once")
			assert.Positive(t, versions[0])

			for i, st := range stores {
				require.NoError(t, st.Update(ctx, func(tx store.Tx) error {
					return tx.Put("nodes", fmt.Appendf(nil, "n%d", i), []byte("up"))
				}))
			}
			for i, st := range stores {
				n := 0
				require.NoError(t, st.View(ctx, func(r store.Reader) error {
					return r.Scan("nodes", store.Range{}, func(_, _ []byte) bool { n++; return true })
				}))
				assert.Equal(t, nodes, n, "store %d sees every node's write", i+1)
			}
		})
	}
}
