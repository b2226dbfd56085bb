package automations_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine/automations"
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
