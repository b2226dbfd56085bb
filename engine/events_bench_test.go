package engine_test

import (
	"bufio"
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
)

// benchEventsSchema is a collection of learners' records: each learner
// reads her own; staff read all.
const benchEventsSchema = `{
  "type": "object",
  "required": ["learner"],
  "x-access": {
    "read": "auth.role in [\"admin\", \"editor\"] || doc.learner == auth.subject",
    "list": "auth.role in [\"admin\", \"editor\"] || doc.learner == auth.subject"
  },
  "properties": {
    "learner": {"type": "string", "x-index": true},
    "score": {"type": "integer"},
    "sentAt": {"type": "integer"},
    "note": {"type": "string", "x-private": true}
  }
}`

// BenchmarkCreateWithSubscribers creates documents from 32 callers while
// event streams listen over HTTP: none; 1,000 learners each subscribed to
// the collection (each sees her own records: every create is sent to one);
// the same while the creates are for learners without a stream (decided,
// sent to none); 100 staff streams (every create is sent to all of them). It reports the create rate and the delay from a create's
// request to its event's arrival (p50, p99).
func BenchmarkCreateWithSubscribers(b *testing.B) {
	for _, c := range []struct {
		name      string
		streams   int
		role      string
		learnerOf func(i int) string
	}{
		{"none", 0, "", nil},
		{"1000-learners", 1000, "learner", func(i int) string { return fmt.Sprintf("l%d", i) }},
		// The same streams, while the creates are other learners': every
		// create is decided, none sent.
		{"1000-learners-quiet", 1000, "learner", func(i int) string { return fmt.Sprintf("q%d", i) }},
		{"100-staff", 100, documents.RoleEditor, func(int) string { return "" }},
	} {
		b.Run(c.name, func(b *testing.B) {
			svc := newBenchService(b)
			h := engine.New(engine.Config{AnonymousRole: documents.RoleAdmin}, svc)
			if rec := do(h, http.MethodPut, "/api/_schemas/records", benchEventsSchema); rec.Code != http.StatusCreated {
				b.Fatalf("define records: %d %s", rec.Code, rec.Body)
			}
			hs := httptest.NewServer(h)
			defer hs.Close()
			defer hs.CloseClientConnections() // the streams never end by themselves
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 2000}}
			var (
				mu        sync.Mutex
				delays    []time.Duration
				delivered atomic.Int64
				dropped   atomic.Int64
				open      sync.WaitGroup
			)
			for i := range c.streams {
				secret, _, err := svc.PutKey(b.Context(), documents.KeySpec{Role: c.role, Subject: c.learnerOf(i)})
				if err != nil {
					b.Fatal(err)
				}
				req, _ := http.NewRequestWithContext(b.Context(), http.MethodGet, hs.URL+"/api/_events?collections=records", nil)
				req.Header.Set("Authorization", "Bearer "+secret)
				resp, err := client.Do(req)
				if err != nil || resp.StatusCode != http.StatusOK {
					b.Fatalf("stream %d: %v %v", i, err, resp)
				}
				open.Add(1)
				go func() {
					defer open.Done()
					defer resp.Body.Close()
					sc := bufio.NewScanner(resp.Body)
					sc.Buffer(make([]byte, 0, 4<<10), 1<<20)
					for sc.Scan() {
						line := sc.Bytes()
						if bytes.HasPrefix(line, []byte("event: resync")) {
							dropped.Add(1)
							return
						}
						i := bytes.Index(line, []byte(`"sentAt":`))
						if !bytes.HasPrefix(line, []byte("data: ")) || i < 0 {
							continue
						}
						sent, _ := strconv.ParseInt(string(line[i+9:i+9+bytes.IndexAny(line[i+9:], ",}")]), 10, 64)
						d := time.Since(time.Unix(0, sent))
						mu.Lock()
						delays = append(delays, d)
						mu.Unlock()
						delivered.Add(1)
					}
				}()
			}
			time.Sleep(200 * time.Millisecond) // every stream joined
			var n atomic.Int64
			b.SetParallelism(16) // 16 x GOMAXPROCS(2) = 32 callers
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					i := n.Add(1)
					learner := "l0"
					if c.streams > 0 {
						learner = fmt.Sprintf("l%d", int(i)%c.streams)
					}
					if c.name == "1000-learners-quiet" {
						learner = "nobody"
					}
					body := fmt.Sprintf(`{"learner":%q,"score":%d,"sentAt":%d,"note":"private"}`, learner, i%100, time.Now().UnixNano())
					if rec := do(h, http.MethodPost, "/api/records", body); rec.Code != http.StatusCreated {
						b.Fatalf("create: %d %s", rec.Code, rec.Body)
					}
				}
			})
			b.StopTimer()
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "creates/s")
			if c.streams == 0 || c.name == "1000-learners-quiet" {
				return
			}
			want := int64(b.N)
			if c.role != "learner" {
				want *= int64(c.streams)
			}
			deadline := time.Now().Add(30 * time.Second)
			for delivered.Load() < want && dropped.Load() == 0 && time.Now().Before(deadline) {
				time.Sleep(10 * time.Millisecond)
			}
			if dropped.Load() > 0 {
				b.Logf("%d of %d streams fell behind and were told to resync", dropped.Load(), c.streams)
			} else if got := delivered.Load(); got < want {
				b.Errorf("delivered %d of %d events", got, want)
			}
			mu.Lock()
			slices.Sort(delays)
			if len(delays) > 0 {
				b.ReportMetric(float64(delays[len(delays)/2].Microseconds())/1000, "p50-ms")
				b.ReportMetric(float64(delays[len(delays)*99/100].Microseconds())/1000, "p99-ms")
			}
			mu.Unlock()
		})
	}
}
