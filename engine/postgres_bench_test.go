package engine_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
	"github.com/credence/credence/store/postgres"
	"github.com/credence/credence/store/postgres/pgtest"
)

// BenchmarkPostgres runs gets, lists (a page of 50 in id order, sorted by
// an indexed field, filtered on an indexed equality) and creates on
// PostgreSQL, with what decides how many API nodes one database serves:
// the database round trips a request costs, the API node's CPU time a
// request (this process: the handler and the driver, PostgreSQL's own
// time apart) and PostgreSQL's (its processes' CPU time, read from /proc
// when the database runs on this machine).
func BenchmarkPostgres(b *testing.B) {
	setup := func(b *testing.B, n int) (http.Handler, []string, *postgres.Store) {
		st := pgtest.Open(b)
		svc, err := documents.New(b.Context(), st, documents.Options{})
		if err != nil {
			b.Fatal(err)
		}
		h := engine.New(engine.Config{AnonymousRole: documents.RoleAdmin}, svc)
		schema := strings.Replace(benchSchema, `"passingScore": {"type": "integer",`, `"passingScore": {"type": "integer", "x-index": true,`, 1)
		if rec := do(h, http.MethodPut, "/api/_schemas/exams", schema); rec.Code != http.StatusCreated {
			b.Fatalf("define exams: %d %s", rec.Code, rec.Body)
		}
		seedExams(b, svc, n)
		if n > 0 {
			// The statistics autovacuum keeps (an empty table's would
			// make a growing one's plans scans).
			if err := st.Analyze(b.Context()); err != nil {
				b.Fatal(err)
			}
		}
		page, err := svc.List(documents.WithAuth(b.Context(), documents.Auth{Role: documents.RoleAdmin}), "exams", documents.ListOptions{Limit: 1000, Fields: []string{"id"}})
		if err != nil {
			b.Fatal(err)
		}
		ids := make([]string, len(page.Items))
		for i, raw := range page.Items {
			ids[i] = strings.Split(string(raw), `"`)[3]
		}
		return h, ids, st
	}
	measure := func(b *testing.B, st *postgres.Store, run func()) {
		trips, node, db := st.RoundTrips(), processCPU(), postgresCPU()
		run()
		b.ReportMetric(float64(st.RoundTrips()-trips)/float64(b.N), "roundtrips/op")
		b.ReportMetric(float64(processCPU()-node)/float64(time.Microsecond)/float64(b.N), "node-cpu-µs/op")
		if db >= 0 {
			b.ReportMetric(float64(postgresCPU()-db)/float64(time.Microsecond)/float64(b.N), "pg-cpu-µs/op")
		}
	}
	b.Run("Get", func(b *testing.B) {
		h, ids, st := setup(b, 1000)
		measure(b, st, func() { benchGet(b, h, ids) })
	})
	for _, lc := range []struct{ name, query string }{
		{"List", "limit=50"},
		{"Sorted", "limit=50&sort=-passingScore"},
		{"Filter", "limit=50&filter=" + url.QueryEscape(`level == "master"`)},
	} {
		b.Run(lc.name, func(b *testing.B) {
			h, _, st := setup(b, 10000)
			measure(b, st, func() {
				b.ResetTimer()
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						if rec := do(h, http.MethodGet, "/api/exams?"+lc.query, ""); rec.Code != http.StatusOK {
							b.Fatalf("list: %d %s", rec.Code, rec.Body)
						}
					}
				})
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
			})
		})
	}
	b.Run("Create", func(b *testing.B) {
		h, _, st := setup(b, 0)
		measure(b, st, func() { benchCreate(b, h) })
	})
}

// processCPU is this process's CPU time, user and system.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// postgresCPU is the CPU time of this machine's postgres processes, from
// /proc; -1 where there is none to read.
func postgresCPU() time.Duration {
	dirs, err := filepath.Glob("/proc/[0-9]*/stat")
	if err != nil {
		return -1
	}
	ticks, found := int64(0), false
	for _, p := range dirs {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		// pid (comm) state ppid ... utime stime: fields 14 and 15.
		open, end := bytes.IndexByte(b, '('), bytes.LastIndexByte(b, ')')
		if open < 0 || end < open || string(b[open+1:end]) != "postgres" {
			continue
		}
		f := strings.Fields(string(b[end+1:]))
		if len(f) < 13 {
			continue
		}
		u, _ := strconv.ParseInt(f[11], 10, 64)
		s, _ := strconv.ParseInt(f[12], 10, 64)
		ticks += u + s
		found = true
	}
	if !found {
		return -1
	}
	return time.Duration(ticks) * time.Second / 100 // USER_HZ
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
