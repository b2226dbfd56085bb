package automations_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine/automations"
	"github.com/credence/credence/expressions"
	"github.com/credence/credence/store"
	"github.com/credence/credence/store/bolt"
)

// benchEnv is a service over bbolt with a collection "items" and,
// optionally, a wrapper around the store.
func benchEnv(b *testing.B, wrap func(store.Store) store.Store) (*documents.Service, store.Store) {
	b.Helper()
	st, err := bolt.Open(filepath.Join(b.TempDir(), "bench.db"), bolt.Options{})
	require.NoError(b, err)
	b.Cleanup(func() { st.Close() })
	var s store.Store = st
	if wrap != nil {
		s = wrap(st)
	}
	svc, err := documents.New(context.Background(), s, documents.Options{System: automations.SystemCollections(automations.Egress{})})
	require.NoError(b, err)
	_, err = svc.Put(context.Background(), "_schemas", "items", []byte(`{"type": "object", "properties": {"n": {"type": "integer"}}}`), documents.WriteOptions{})
	require.NoError(b, err)
	return svc, s
}

// fill creates n items from 16 writers (bbolt groups their commits).
func fill(b *testing.B, svc *documents.Service, n int) {
	b.Helper()
	var next atomic.Int64
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			for {
				i := next.Add(1)
				if i > int64(n) {
					return
				}
				_, err := svc.Create(context.Background(), "items", fmt.Appendf(nil, `{"n": %d}`, i), documents.WriteOptions{})
				if err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
}

// BenchmarkEventsNoOpAutomation measures the events a runner consumes per
// second when an automation watches them and its condition does not hold:
// the cost of reading, matching, evaluating and acknowledging an event.
func BenchmarkEventsNoOpAutomation(b *testing.B) {
	benchmarkEvents(b, `{"on": {"collection": "items", "events": ["created"]}, "when": "doc.n < 0",
	  "do": [{"create": {"collection": "items", "fields": {"n": "0"}}}]}`)
}

// BenchmarkEventsCreateAction measures events whose automation creates a
// document each: the job stored, run and recorded done.
func BenchmarkEventsCreateAction(b *testing.B) {
	b.Run("", func(b *testing.B) {
		benchmarkEvents(b, `{"on": {"collection": "items", "events": ["created"]}, "when": "doc.n > 0",
		  "do": [{"create": {"collection": "copies", "fields": {"n": "doc.n"}}}]}`)
	})
}

func benchmarkEvents(b *testing.B, automation string) {
	svc, st := benchEnv(b, nil)
	ctx := context.Background()
	_, err := svc.Put(ctx, "_schemas", "copies", []byte(`{"type": "object", "properties": {"n": {"type": "integer"}}}`), documents.WriteOptions{})
	require.NoError(b, err)
	_, err = svc.Put(ctx, "_automations", "a", []byte(automation), documents.WriteOptions{})
	require.NoError(b, err)
	r := automations.New(svc, st, automations.Config{})
	require.NoError(b, r.RunOnce(ctx))
	fill(b, svc, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	require.NoError(b, r.RunOnce(ctx))
	b.StopTimer()
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "events/s")
	left, err := svc.PendingEvents(ctx, 10)
	require.NoError(b, err)
	require.Empty(b, left)
}

// BenchmarkCreate measures the create path, one caller: as it is (the
// outbox event written in the document's transaction), with the outbox
// writes dropped by the store, and with a runner consuming the outbox at
// the same time.
func BenchmarkCreate(b *testing.B) { benchmarkCreate(b, false) }

// BenchmarkCreateParallel is BenchmarkCreate with 32 callers.
func BenchmarkCreateParallel(b *testing.B) { benchmarkCreate(b, true) }

func benchmarkCreate(b *testing.B, parallel bool) {
	for _, tc := range []struct {
		name   string
		wrap   func(store.Store) store.Store
		runner bool
	}{
		{"outbox", nil, false},
		{"outbox-dropped", func(s store.Store) store.Store { return dropOutbox{s} }, false},
		{"outbox-consumed", nil, true},
	} {
		b.Run(tc.name, func(b *testing.B) {
			svc, st := benchEnv(b, tc.wrap)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tc.runner {
				_, err := svc.Put(ctx, "_automations", "a", []byte(`{"on": {"collection": "items", "events": ["created"]}, "when": "doc.n < 0",
				  "do": [{"create": {"collection": "items", "fields": {"n": "0"}}}]}`), documents.WriteOptions{})
				require.NoError(b, err)
				r := automations.New(svc, st, automations.Config{})
				done := make(chan struct{})
				go func() { r.Run(ctx); close(done) }()
				defer func() { cancel(); <-done }()
			}
			body := []byte(`{"n": 1}`)
			b.ReportAllocs()
			b.ResetTimer()
			if parallel {
				// 32 callers: commits are shared, so the figure is the
				// work of a create rather than the wait for the disk.
				b.SetParallelism(16)
				b.RunParallel(func(pb *testing.PB) {
					for pb.Next() {
						if _, err := svc.Create(ctx, "items", body, documents.WriteOptions{}); err != nil {
							b.Error(err)
							return
						}
					}
				})
				return
			}
			for b.Loop() {
				if _, err := svc.Create(ctx, "items", body, documents.WriteOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// dropOutbox is a store whose transactions do not write the outbox: the
// create path without it, for comparison.
type dropOutbox struct{ store.Store }

func (d dropOutbox) Update(ctx context.Context, fn func(store.Tx) error) error {
	return d.Store.Update(ctx, func(tx store.Tx) error { return fn(dropTx{tx}) })
}

type dropTx struct{ store.Tx }

func (t dropTx) Put(bucket string, k, v []byte) error {
	if bucket == "outbox" {
		return nil
	}
	return t.Tx.Put(bucket, k, v)
}

// credentialsSchema is the shape of a program's credentials: lapsesAt is
// the expiry while the credential is current, indexed, and absent after.
const credentialsSchema = `{"type": "object", "properties": {
  "learner": {"type": "string"},
  "status": {"enum": ["active", "expiring", "lapsed"], "x-index": true},
  "expiresAt": {"type": "string", "format": "date-time"},
  "lapsesAt": {"type": "string", "format": "date-time", "x-index": true,
    "x-formula": "doc.status in [\"active\", \"expiring\"] ? doc.expiresAt : nil"}}}`

// BenchmarkSweep measures an hourly lapse sweep over 100,000 credentials:
// one op is a whole pass of the runner (the tick, then the jobs it queues,
// run until none is left). With the where served by the lapsesAt index,
// and with one that no index serves, which reads every credential.
func BenchmarkSweep(b *testing.B) {
	const total = 100_000
	for _, tc := range []struct {
		name, where string
	}{
		{"index", `doc.lapsesAt <= now`},
		{"scan", `doc.status in ["active", "expiring"] && doc.expiresAt <= now`},
	} {
		for _, due := range []int{0, total / 100} {
			b.Run(fmt.Sprintf("%s/%d of %d due", tc.name, due, total), func(b *testing.B) {
				benchmarkSweep(b, total, due, tc.where)
			})
		}
	}
	// An index range that holds every credential, none of them due: the
	// tick reads the whole range once, page after page.
	b.Run(fmt.Sprintf("index range of all/0 of %d due", total), func(b *testing.B) {
		benchmarkSweep(b, total, 0, `doc.lapsesAt > now && doc.learner == "nobody"`)
	})
}

func benchmarkSweep(b *testing.B, total, due int, where string) {
	ctx := context.Background()
	st, err := bolt.Open(filepath.Join(b.TempDir(), "bench.db"), bolt.Options{})
	require.NoError(b, err)
	b.Cleanup(func() { st.Close() })
	clk := newClock()
	svc, err := documents.New(ctx, st, documents.Options{Now: clk.Now, System: automations.SystemCollections(automations.Egress{})})
	require.NoError(b, err)
	_, err = svc.Put(ctx, "_schemas", "credentials", []byte(credentialsSchema), documents.WriteOptions{})
	require.NoError(b, err)
	loadCredentials(b, svc, clk.Now(), total, due)
	_, err = svc.Put(ctx, "_automations", "lapse", fmt.Appendf(nil, `{"on": {"collection": "credentials", "every": "1h", "where": %q},
	  "do": [{"update": {"collection": "credentials", "id": "doc.id", "fields": {"status": "\"lapsed\""}}}]}`, where), documents.WriteOptions{})
	require.NoError(b, err)
	runner := automations.New(svc, st, automations.Config{Now: clk.Now})
	require.NoError(b, runner.RunOnce(ctx)) // the first tick: nothing due yet
	clk.Advance(time.Hour)

	b.ReportAllocs()
	round := 0
	for b.Loop() {
		require.NoError(b, runner.RunOnce(ctx))
		b.StopTimer()
		lapsed, err := svc.List(ctx, "credentials", documents.ListOptions{Filter: `status == "lapsed"`, Limit: documents.MaxLimit})
		require.NoError(b, err)
		require.Len(b, lapsed.Items, due)
		// Renewed, to lapse again in the next round's hour.
		round++
		expires := clk.Now().Add(30 * time.Minute).Format(time.RFC3339)
		for i := range due {
			_, err := svc.Patch(ctx, "credentials", credentialID(i), fmt.Appendf(nil, `{"status": "active", "expiresAt": %q}`, expires), documents.WriteOptions{})
			require.NoError(b, err)
		}
		require.NoError(b, runner.RunOnce(ctx)) // the renewals' events
		clk.Advance(time.Hour)
		b.StartTimer()
	}
}

func credentialID(i int) string { return fmt.Sprintf("c%06d", i) }

// loadCredentials imports total active credentials, as an export would
// bring them (256 to a transaction, no events): the first due expire half
// an hour from now, the others over the next three years. lapsesAt is
// written as its formula writes it.
func loadCredentials(b *testing.B, svc *documents.Service, now time.Time, total, due int) {
	b.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for i := range total {
		expires := now.Add(30 * time.Minute)
		if i >= due {
			expires = now.Add(time.Duration(1+i%1095) * 24 * time.Hour)
		}
		lapses, err := expressions.ToJSON(expires)
		require.NoError(b, err)
		require.NoError(b, enc.Encode(documents.Record{Collection: "credentials", Document: fmt.Appendf(nil,
			`{"id": %q, "learner": "l%05d", "status": "active", "expiresAt": %q, "lapsesAt": %q, "_rev": 1, "_createdAt": %q, "_updatedAt": %q}`,
			credentialID(i), i/3, expires.Format(time.RFC3339), lapses, now.Format(time.RFC3339), now.Format(time.RFC3339))}))
	}
	stats, err := svc.ReadNDJSON(context.Background(), &buf)
	require.NoError(b, err)
	require.Equal(b, total, stats.Documents)
}
