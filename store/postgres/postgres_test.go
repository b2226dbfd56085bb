package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/credence/credence/store"
	"github.com/credence/credence/store/postgres"
	"github.com/credence/credence/store/storetest"
)

// testURL is the database the tests use: CREDENCE_TEST_POSTGRES, or the
// local one CI runs.
func testURL() string {
	if u := os.Getenv("CREDENCE_TEST_POSTGRES"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
}

// openTest opens a Store in a fresh PostgreSQL schema, dropped after the
// test; it skips when no database answers.
func openTest(tb testing.TB) *postgres.Store {
	tb.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, testURL())
	if err != nil {
		tb.Skipf("PostgreSQL is not reachable at %s (set CREDENCE_TEST_POSTGRES): %v", testURL(), err)
	}
	var b [6]byte
	rand.Read(b[:])
	schema := "credence_test_" + hex.EncodeToString(b[:])
	st, err := postgres.Open(ctx, testURL(), postgres.Options{Schema: schema})
	if err != nil {
		conn.Close(ctx)
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() {
		st.Close()
		conn.Exec(ctx, "DROP SCHEMA "+pgx.Identifier{schema}.Sanitize()+" CASCADE")
		conn.Close(ctx)
	})
	return st
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTest(t) })
}

func BenchmarkStore(b *testing.B) {
	storetest.Bench(b, func(b *testing.B) store.Store { return openTest(b) })
}
