package engine_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
	"github.com/credence/credence/store"
	"github.com/credence/credence/store/bolt"
)

const benchSchema = `{
  "type": "object",
  "required": ["title", "code"],
  "properties": {
    "title": {"type": "string", "minLength": 3},
    "code": {"type": "string", "x-unique": true},
    "level": {"type": "string", "enum": ["fundamentals", "professional", "master"], "x-index": true},
    "passingScore": {"type": "integer", "minimum": 0, "maximum": 100},
    "timeLimitMinutes": {"type": "integer", "minimum": 1},
    "tags": {"type": "array", "items": {"type": "string"}}
  }
}`

func benchDoc(i int) string {
	return fmt.Sprintf(`{"title":"Exam number %d","code":"C-%d","level":"professional","passingScore":%d,"timeLimitMinutes":60,"tags":["automation","api"]}`, i, i, i%100)
}

// newBenchServer returns the real handler on a bbolt file with the exams
// collection and n documents, whose ids are returned.
func newBenchServer(b *testing.B, n int) (http.Handler, []string) {
	b.Helper()
	return newBenchServerOn(b, newBenchStore(b), n)
}

// newBenchStore opens a bbolt file of the benchmark's own.
func newBenchStore(b *testing.B) store.Store {
	b.Helper()
	st, err := bolt.Open(filepath.Join(b.TempDir(), "bench.db"), bolt.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// newBenchService is a document service on a store of its own.
func newBenchService(b *testing.B) *documents.Service {
	b.Helper()
	svc, err := documents.New(context.Background(), newBenchStore(b), documents.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return svc
}

// newBenchServerOn is newBenchServer on a given store.
func newBenchServerOn(b *testing.B, st store.Store, n int) (http.Handler, []string) {
	b.Helper()
	ctx := context.Background()
	svc, err := documents.New(ctx, st, documents.Options{})
	if err != nil {
		b.Fatal(err)
	}
	h := engine.New(engine.Config{AnonymousRole: documents.RoleAdmin}, svc)
	if rec := do(h, http.MethodPut, "/api/_schemas/exams", benchSchema); rec.Code != http.StatusCreated {
		b.Fatalf("define exams: %d %s", rec.Code, rec.Body)
	}
	ids := make([]string, n)
	for i := range n {
		doc, err := svc.Create(ctx, "exams", []byte(benchDoc(i)), documents.WriteOptions{})
		if err != nil {
			b.Fatal(err)
		}
		ids[i] = doc.ID
	}
	return h, ids
}

func do(h http.Handler, method, path, body string) *httptest.ResponseRecorder {
	var r *http.Request
	if body == "" {
		r = httptest.NewRequest(method, path, nil)
	} else {
		r = httptest.NewRequest(method, path, bytes.NewBufferString(body))
		r.Header.Set("Content-Type", "application/json")
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	return rec
}

// BenchmarkGet reads one document by id through the handler, on all cores.
func BenchmarkGet(b *testing.B) {
	h, ids := newBenchServer(b, 1000)
	benchGet(b, h, ids)
}

func benchGet(b *testing.B, h http.Handler, ids []string) {
	var n atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			id := ids[n.Add(1)%int64(len(ids))]
			if rec := do(h, http.MethodGet, "/api/exams/"+id, ""); rec.Code != http.StatusOK {
				b.Fatalf("get: %d %s", rec.Code, rec.Body)
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}

// BenchmarkCreate creates documents through the handler with 32 concurrent
// callers, whose writes share commits.
func BenchmarkCreate(b *testing.B) {
	h, _ := newBenchServer(b, 0)
	benchCreate(b, h)
}

func benchCreate(b *testing.B, h http.Handler) {
	var n atomic.Int64
	b.SetParallelism(16) // 16 x GOMAXPROCS(2) = 32 callers
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if rec := do(h, http.MethodPost, "/api/exams", benchDoc(int(n.Add(1)))); rec.Code != http.StatusCreated {
				b.Fatalf("create: %d %s", rec.Code, rec.Body)
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}

// BenchmarkCreateSerial creates documents one at a time: one fsync each.
func BenchmarkCreateSerial(b *testing.B) {
	h, _ := newBenchServer(b, 0)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if rec := do(h, http.MethodPost, "/api/exams", benchDoc(i)); rec.Code != http.StatusCreated {
			b.Fatalf("create: %d %s", rec.Code, rec.Body)
		}
	}
}

// BenchmarkList reads a page of 50 in id order, and in the order of a
// field, which reads the whole collection.
func BenchmarkList(b *testing.B) {
	h, _ := newBenchServer(b, 1000)
	for _, path := range []string{"/api/exams?limit=50", "/api/exams?limit=50&sort=-passingScore"} {
		b.Run(path[len("/api/exams?"):], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if rec := do(h, http.MethodGet, path, ""); rec.Code != http.StatusOK {
					b.Fatalf("list: %d %s", rec.Code, rec.Body)
				}
			}
		})
	}
}

// BenchmarkSortedList reads the first page of 50 of 10,000 exams sorted by
// a field: through its index (a walk that stops after the page), and in
// memory (no index: every document read, the best 50 kept), with a filter
// on another index, and by the meta times every collection indexes.
func BenchmarkSortedList(b *testing.B) {
	svc := newBenchService(b)
	h := engine.New(engine.Config{AnonymousRole: documents.RoleAdmin}, svc)
	schema := strings.Replace(benchSchema, `"passingScore": {"type": "integer",`, `"passingScore": {"type": "integer", "x-index": true,`, 1)
	if rec := do(h, http.MethodPut, "/api/_schemas/exams", schema); rec.Code != http.StatusCreated {
		b.Fatalf("define exams: %d %s", rec.Code, rec.Body)
	}
	seedExams(b, svc, 10000)
	for _, bc := range []struct{ name, query, order string }{
		{"index", "sort=-passingScore", "index"},
		{"memory", "sort=-timeLimitMinutes", "memory"},
		{"index+filter", "sort=-passingScore&filter=" + url.QueryEscape(`level == "master"`), "index"},
		{"createdAt", "sort=-_createdAt", "index"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			path := "/api/exams?limit=50&explain=true&" + bc.query
			if rec := do(h, http.MethodGet, path, ""); !strings.Contains(rec.Body.String(), `"order":"`+bc.order+`"`) {
				b.Fatalf("%s: not in %s order: %s", path, bc.order, rec.Body.String()[max(0, rec.Body.Len()-200):])
			}
			b.ReportAllocs()
			for b.Loop() {
				if rec := do(h, http.MethodGet, path, ""); rec.Code != http.StatusOK {
					b.Fatalf("list: %d %s", rec.Code, rec.Body)
				}
			}
		})
	}
}

// seedExams creates n exams through the service, 8 writers at a time:
// levels in turn, scores 0 to 99, time limits 1 to 120.
func seedExams(b *testing.B, svc *documents.Service, n int) {
	seedWith(b, svc, n, func(i int) string {
		return fmt.Sprintf(`{"title":"Exam %d","code":"C-%d","level":%q,"passingScore":%d,"timeLimitMinutes":%d}`, i, i, benchLevels[i%3], (i*37)%100, 1+(i*53)%120)
	})
}

var benchLevels = [...]string{"fundamentals", "professional", "master"}

// seedWith creates the exams doc(0) to doc(n-1), 8 writers at a time.
func seedWith(b *testing.B, svc *documents.Service, n int, doc func(i int) string) {
	b.Helper()
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := w; i < n; i += 8 {
				if _, err := svc.Create(context.Background(), "exams", []byte(doc(i)), documents.WriteOptions{}); err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
}

// BenchmarkFilter filters 10,000 exams by a scan of the collection and
// through an index: one exam by its code (x-unique) against its title (no
// index), and a page of the third of them at one level (x-index) against
// the same values in rank (no index).
func BenchmarkFilter(b *testing.B) {
	svc := newBenchService(b)
	h := engine.New(engine.Config{AnonymousRole: documents.RoleAdmin}, svc)
	// rank is the same as level, without an index.
	schema := strings.Replace(benchSchema, `"timeLimitMinutes"`, `"rank": {"type": "string"}, "timeLimitMinutes"`, 1)
	if rec := do(h, http.MethodPut, "/api/_schemas/exams", schema); rec.Code != http.StatusCreated {
		b.Fatalf("define exams: %d %s", rec.Code, rec.Body)
	}
	seedWith(b, svc, 10000, func(i int) string {
		return fmt.Sprintf(`{"title":"Exam %d","code":"C-%d","level":%q,"rank":%q,"passingScore":%d}`, i, i, benchLevels[i%3], benchLevels[i%3], i%100)
	})
	for _, bc := range []struct{ name, filter string }{
		{"one/scan", `title == "Exam 7777"`},
		{"one/index", `code == "C-7777"`},
		{"third/scan", `rank == "master"`},
		{"third/index", `level == "master"`},
	} {
		b.Run(bc.name, func(b *testing.B) {
			path := "/api/exams?limit=50&filter=" + url.QueryEscape(bc.filter)
			b.ReportAllocs()
			for b.Loop() {
				if rec := do(h, http.MethodGet, path, ""); rec.Code != http.StatusOK {
					b.Fatalf("list: %d %s", rec.Code, rec.Body)
				}
			}
		})
	}
}

// BenchmarkOpenAPI serves the spec of a collection from the cache.
func BenchmarkOpenAPI(b *testing.B) {
	h, _ := newBenchServer(b, 1)
	if rec := do(h, http.MethodGet, "/openapi.json", ""); rec.Code != http.StatusOK {
		b.Fatalf("openapi: %d %s", rec.Code, rec.Body)
	}
	b.ReportAllocs()
	for b.Loop() {
		if rec := do(h, http.MethodGet, "/openapi.json", ""); rec.Code != http.StatusOK {
			b.Fatalf("openapi: %d", rec.Code)
		}
	}
}

// BenchmarkGetAccess reads one document as callers of several kinds: what
// authentication, x-access and x-private cost a read.
func BenchmarkGetAccess(b *testing.B) {
	ctx := context.Background()
	svc := newBenchService(b)
	schema := strings.Replace(benchSchema, `"type": "object",`, `"type": "object", "x-access": {"read": "auth.role in [\"admin\", \"learner\"] || doc.level == auth.subject"},`, 1)
	// shared: x-access only; exams: x-access and a private field.
	if _, err := svc.Put(ctx, documents.SchemasCollection, "shared", []byte(schema), documents.WriteOptions{}); err != nil {
		b.Fatal(err)
	}
	schema = strings.Replace(schema, `"passingScore": {"type": "integer", "minimum": 0, "maximum": 100}`, `"passingScore": {"type": "integer", "minimum": 0, "maximum": 100, "x-private": true}`, 1)
	if _, err := svc.Put(ctx, documents.SchemasCollection, "exams", []byte(schema), documents.WriteOptions{}); err != nil {
		b.Fatal(err)
	}
	ids := make([]string, 1000)
	for i := range ids {
		doc, err := svc.Create(ctx, "exams", []byte(benchDoc(i)), documents.WriteOptions{})
		if err != nil {
			b.Fatal(err)
		}
		ids[i] = doc.ID
		body := strings.Replace(benchDoc(i), `{`, `{"id":"`+doc.ID+`",`, 1)
		if _, err := svc.Create(ctx, "shared", []byte(body), documents.WriteOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	adminKey, _, err := svc.PutKey(ctx, documents.KeySpec{Role: documents.RoleAdmin})
	if err != nil {
		b.Fatal(err)
	}
	learnerKey, _, err := svc.PutKey(ctx, documents.KeySpec{Role: "learner", Subject: "l1"})
	if err != nil {
		b.Fatal(err)
	}
	// A role whose x-access reads a field of the document and who sees
	// every field: what the access formula alone costs.
	ownerKey, _, err := svc.PutKey(ctx, documents.KeySpec{Role: "owner", Subject: "professional"})
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name, anonymous, key, coll string
	}{
		{"no key, anonymous admin", documents.RoleAdmin, "", "shared"},
		{"admin key", documents.RolePublic, adminKey, "shared"},
		{"key with x-access reading a field", documents.RolePublic, ownerKey, "shared"},
		{"learner key, x-access and x-private", documents.RolePublic, learnerKey, "exams"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			h := engine.New(engine.Config{AnonymousRole: bc.anonymous}, svc)
			var n atomic.Int64
			b.ReportAllocs()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				// The requests are built once, so that what is measured
				// is the server's work: reading the key included.
				reqs := make([]*http.Request, len(ids))
				for i, id := range ids {
					reqs[i] = httptest.NewRequest(http.MethodGet, "/api/"+bc.coll+"/"+id, nil)
					if bc.key != "" {
						reqs[i].Header.Set("Authorization", "Bearer "+bc.key)
					}
				}
				for pb.Next() {
					r := reqs[n.Add(1)%int64(len(ids))]
					rec := httptest.NewRecorder()
					h.ServeHTTP(rec, r)
					if rec.Code != http.StatusOK {
						b.Fatalf("get: %d %s", rec.Code, rec.Body)
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
		})
	}
}

// BenchmarkListOwnerScoped lists a learner's own 20 attempts among 2,000,
// with an x-access read formula on the owner field: served from the
// owner's x-index, and without one.
func BenchmarkListOwnerScoped(b *testing.B) {
	for _, indexed := range []bool{true, false} {
		b.Run(fmt.Sprintf("x-index %v", indexed), func(b *testing.B) {
			ctx := context.Background()
			svc := newBenchService(b)
			schema := fmt.Sprintf(`{"type": "object",
  "x-access": {"read": "auth.role in [\"admin\", \"editor\"] || doc.learner == auth.subject"},
  "properties": {"learner": {"type": "string", "x-index": %v}, "score": {"type": "integer"}}}`, indexed)
			if _, err := svc.Put(ctx, documents.SchemasCollection, "attempts", []byte(schema), documents.WriteOptions{}); err != nil {
				b.Fatal(err)
			}
			for i := range 2000 {
				body := fmt.Sprintf(`{"learner": "l%d", "score": %d}`, i%100, i)
				if _, err := svc.Create(ctx, "attempts", []byte(body), documents.WriteOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			key, _, err := svc.PutKey(ctx, documents.KeySpec{Role: "learner", Subject: "l7"})
			if err != nil {
				b.Fatal(err)
			}
			h := engine.New(engine.Config{AnonymousRole: documents.RolePublic}, svc)
			r := httptest.NewRequest(http.MethodGet, "/api/attempts?limit=50", nil)
			r.Header.Set("Authorization", "Bearer "+key)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, r)
				if rec.Code != http.StatusOK || strings.Count(rec.Body.String(), `"learner":"l7"`) != 20 {
					b.Fatalf("list: %d %s", rec.Code, rec.Body)
				}
			}
		})
	}
}

// BenchmarkScale imports CREDENCE_BENCH_DOCS exams (10,000 unless set;
// 1000000 for the README's figures) through the import path, then reads
// them through the handler: a get by id, a page of 50 in id order, a page
// sorted by an indexed date (_createdAt) and by an indexed number, a page
// filtered on an indexed equality (alone and sorted), and a count by
// level and in all (from the kept counts). The import's rate, the heap it kept and the file's size per
// document are logged (go test -v).
func BenchmarkScale(b *testing.B) {
	n := 10000
	if v := os.Getenv("CREDENCE_BENCH_DOCS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 100 {
			b.Fatalf("CREDENCE_BENCH_DOCS=%q: a number of documents, at least 100", v)
		}
	}
	path := filepath.Join(b.TempDir(), "scale.db")
	st, err := bolt.Open(path, bolt.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	svc, err := documents.New(context.Background(), st, documents.Options{})
	if err != nil {
		b.Fatal(err)
	}
	h := engine.New(engine.Config{AnonymousRole: documents.RoleAdmin}, svc)
	var schema bytes.Buffer
	if err := json.Compact(&schema, []byte(strings.Replace(benchSchema, `"passingScore": {"type": "integer",`, `"passingScore": {"type": "integer", "x-index": true,`, 1))); err != nil {
		b.Fatal(err)
	}
	pr, pw := io.Pipe()
	go func() {
		w := bufio.NewWriter(pw)
		fmt.Fprintf(w, `{"collection":"_schemas","document":%s}`+"\n", strings.Replace(schema.String(), "{", `{"id":"exams","_rev":1,"_createdAt":"2026-01-01T00:00:00.000Z","_updatedAt":"2026-01-01T00:00:00.000Z",`, 1))
		levels := []string{"fundamentals", "professional", "master"}
		start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := range n {
			at := start.Add(time.Duration(i) * time.Second).Format("2006-01-02T15:04:05.000Z")
			fmt.Fprintf(w, `{"collection":"exams","document":{"id":"e%08d","code":"C-%d","level":%q,"passingScore":%d,"tags":["automation","api"],"timeLimitMinutes":%d,"title":"Exam number %d","_rev":1,"_createdAt":%q,"_updatedAt":%q}}`+"\n",
				i, i, levels[i%3], (i*37)%101, 1+(i*53)%120, i, at, at)
		}
		pw.CloseWithError(w.Flush())
	}()
	began := time.Now()
	stats, err := svc.ReadNDJSON(context.Background(), pr)
	if err != nil {
		b.Fatal(err)
	}
	took := time.Since(began)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("imported %d documents in %s: %.0f documents/s; heap in use after: %.0f MB; file: %.0f MB, %.0f bytes a document",
		stats.Documents, took.Round(time.Millisecond), float64(stats.Documents)/took.Seconds(), float64(ms.HeapInuse)/1e6, float64(fi.Size())/1e6, float64(fi.Size())/float64(n))
	master := url.QueryEscape(`level == "master"`)
	for _, bc := range []struct{ name, path string }{
		{"get", fmt.Sprintf("/api/exams/e%08d", n/2)},
		{"page", "/api/exams?limit=50"},
		{"page-after", fmt.Sprintf("/api/exams?limit=50&filter=%s", url.QueryEscape(fmt.Sprintf(`id > "e%08d"`, n/2)))},
		{"sorted-date", "/api/exams?limit=50&sort=-_createdAt"},
		{"sorted-score", "/api/exams?limit=50&sort=-passingScore"},
		{"filter", "/api/exams?limit=50&filter=" + master},
		{"filter-sorted", "/api/exams?limit=50&sort=-passingScore&filter=" + master},
		{"count", "/api/exams/_aggregate?metrics=count"},
		{"count-by-level", "/api/exams/_aggregate?groupBy=level&metrics=count"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			if rec := do(h, http.MethodGet, bc.path, ""); rec.Code != http.StatusOK {
				b.Fatalf("%s: %d %s", bc.path, rec.Code, rec.Body)
			}
			b.ReportAllocs()
			for b.Loop() {
				if rec := do(h, http.MethodGet, bc.path, ""); rec.Code != http.StatusOK {
					b.Fatalf("%s: %d", bc.path, rec.Code)
				}
			}
		})
	}
}
