package storetest

import (
	"math/rand/v2"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credence/credence/store"
)

const (
	benchKeys      = 10_000
	benchValueSize = 1024
	benchScanLen   = 50
)

// Bench runs the standard benchmarks. open must return a new, empty store
// and arrange for it to be closed when the benchmark ends.
func Bench(b *testing.B, open func(b *testing.B) store.Store) {
	b.Run("Get", func(b *testing.B) { benchGet(b, open(b)) })
	b.Run("Put", func(b *testing.B) { benchPut(b, open(b)) })
	b.Run("PutParallel32", func(b *testing.B) { benchPutParallel(b, open(b), 32) })
	b.Run("Scan50", func(b *testing.B) { benchScan(b, open(b)) })
}

// benchGet reads a random key out of benchKeys.
func benchGet(b *testing.B, s store.Store) {
	fill(b, s)
	rng := rand.New(rand.NewPCG(1, 2))
	b.ReportAllocs()
	for b.Loop() {
		err := s.View(b.Context(), func(r store.Reader) error {
			_, err := r.Get("bench", key(rng.IntN(benchKeys)))
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// benchPut writes new keys one Update at a time.
func benchPut(b *testing.B, s store.Store) {
	value := benchValue()
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		err := s.Update(b.Context(), func(tx store.Tx) error {
			return tx.Put("bench", key(i), value)
		})
		if err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// benchPutParallel writes new keys from at least callers goroutines.
func benchPutParallel(b *testing.B, s store.Store, callers int) {
	value := benchValue()
	var next atomic.Int64
	procs := runtime.GOMAXPROCS(0)
	b.SetParallelism((callers + procs - 1) / procs) // goroutines = parallelism × GOMAXPROCS
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := int(next.Add(1))
			err := s.Update(b.Context(), func(tx store.Tx) error {
				return tx.Put("bench", key(i), value)
			})
			if err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// benchScan reads benchScanLen consecutive keys from a random start.
func benchScan(b *testing.B, s store.Store) {
	fill(b, s)
	rng := rand.New(rand.NewPCG(1, 2))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		err := s.View(b.Context(), func(r store.Reader) error {
			start := store.Range{Start: key(rng.IntN(benchKeys - benchScanLen))}
			return r.Scan("bench", start, func(_, _ []byte) bool {
				n++
				return n < benchScanLen
			})
		})
		if err != nil {
			b.Fatal(err)
		}
		if n != benchScanLen {
			b.Fatalf("scanned %d keys, want %d", n, benchScanLen)
		}
	}
}

// fill writes benchKeys keys with benchValueSize-byte values.
func fill(b *testing.B, s store.Store) {
	b.Helper()
	value := benchValue()
	for first := 0; first < benchKeys; first += 1000 {
		err := s.Update(b.Context(), func(tx store.Tx) error {
			for i := first; i < first+1000; i++ {
				if err := tx.Put("bench", key(i), value); err != nil {
					return err
				}
			}
			return nil
		})
		require.NoError(b, err)
	}
}

func benchValue() []byte {
	v := make([]byte, benchValueSize)
	for i := range v {
		v[i] = byte(i)
	}
	return v
}
