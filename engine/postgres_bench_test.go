package engine_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
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

// BenchmarkPostgresFeedPoll is what a node listening for other nodes'
// writes costs the database: a read of the feed after its newest entry
// (nothing new), as each node does every 100 ms while anyone listens, over
// a feed of 10,000 entries.
func BenchmarkPostgresFeedPoll(b *testing.B) {
	st := pgtest.Open(b)
	svc, err := documents.New(b.Context(), st, documents.Options{})
	if err != nil {
		b.Fatal(err)
	}
	h := engine.New(engine.Config{AnonymousRole: documents.RoleAdmin}, svc)
	if rec := do(h, http.MethodPut, "/api/_schemas/notes", `{"type": "object"}`); rec.Code != http.StatusCreated {
		b.Fatalf("define notes: %d %s", rec.Code, rec.Body)
	}
	for i := range 10000 {
		if rec := do(h, http.MethodPost, "/api/notes", fmt.Sprintf(`{"n": %d}`, i)); rec.Code != http.StatusCreated {
			b.Fatalf("create: %d %s", rec.Code, rec.Body)
		}
	}
	head, err := svc.FeedHead(b.Context())
	if err != nil {
		b.Fatal(err)
	}
	t, _ := documents.FeedKeyTime(head)
	for _, c := range []struct {
		name, from string
		want       int
	}{
		{"nothing-new", head, 0},
		{"settle-window", documents.FeedKeyAt(t.Add(-documents.FeedSettle)), -1},
	} {
		b.Run(c.name, func(b *testing.B) {
			before := st.RoundTrips()
			n := 0
			for b.Loop() {
				entries, err := svc.Feed(b.Context(), c.from, 500)
				if err != nil {
					b.Fatal(err)
				}
				n = len(entries)
			}
			if c.want >= 0 && n != c.want {
				b.Fatalf("read %d entries, want %d", n, c.want)
			}
			b.ReportMetric(float64(n), "entries")
			b.ReportMetric(float64(st.RoundTrips()-before)/float64(b.N), "roundtrips/op")
		})
	}
}
