package engine_test

import (
	"testing"

	"github.com/credence/credence/store/postgres/pgtest"
)

// BenchmarkPostgres runs the get and create benchmarks on PostgreSQL and
// reports the database round trips each request costs.
func BenchmarkPostgres(b *testing.B) {
	b.Run("Get", func(b *testing.B) {
		st := pgtest.Open(b)
		h, ids := newBenchServerOn(b, st, 1000)
		before := st.RoundTrips()
		benchGet(b, h, ids)
		b.ReportMetric(float64(st.RoundTrips()-before)/float64(b.N), "roundtrips/op")
	})
	b.Run("Create", func(b *testing.B) {
		st := pgtest.Open(b)
		h, _ := newBenchServerOn(b, st, 0)
		before := st.RoundTrips()
		benchCreate(b, h)
		b.ReportMetric(float64(st.RoundTrips()-before)/float64(b.N), "roundtrips/op")
	})
}
