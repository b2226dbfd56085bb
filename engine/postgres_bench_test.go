package engine_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/credence/credence/store/postgres"
)

// openBenchPostgres opens a store in a fresh PostgreSQL schema, dropped at
// the end; it skips when no database answers.
func openBenchPostgres(b *testing.B) *postgres.Store {
	b.Helper()
	url := os.Getenv("CREDENCE_TEST_POSTGRES")
	if url == "" {
		url = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		b.Skipf("PostgreSQL is not reachable at %s (set CREDENCE_TEST_POSTGRES): %v", url, err)
	}
	var r [6]byte
	rand.Read(r[:])
	schema := "credence_bench_" + hex.EncodeToString(r[:])
	st, err := postgres.Open(ctx, url, postgres.Options{Schema: schema})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		st.Close()
		conn.Exec(ctx, "DROP SCHEMA "+pgx.Identifier{schema}.Sanitize()+" CASCADE")
		conn.Close(ctx)
	})
	return st
}

// BenchmarkPostgres runs the get and create benchmarks on PostgreSQL and
// reports the database round trips each request costs.
func BenchmarkPostgres(b *testing.B) {
	b.Run("Get", func(b *testing.B) {
		st := openBenchPostgres(b)
		h, ids := newBenchServerOn(b, st, 1000)
		before := st.RoundTrips()
		benchGet(b, h, ids)
		b.ReportMetric(float64(st.RoundTrips()-before)/float64(b.N), "roundtrips/op")
	})
	b.Run("Create", func(b *testing.B) {
		st := openBenchPostgres(b)
		h, _ := newBenchServerOn(b, st, 0)
		before := st.RoundTrips()
		benchCreate(b, h)
		b.ReportMetric(float64(st.RoundTrips()-before)/float64(b.N), "roundtrips/op")
	})
}
