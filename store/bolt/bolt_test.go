package bolt

import (
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/store"
	"github.com/credence/credence/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		return openTemp(t, Options{})
	})
}

func BenchmarkStore(b *testing.B) {
	storetest.Bench(b, func(b *testing.B) store.Store {
		return openTemp(b, Options{})
	})
}

func TestDataSurvivesReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "credence.db")
	s, err := Open(path, Options{})
	require.NoError(t, err)
	require.NoError(t, s.Update(t.Context(), func(tx store.Tx) error {
		return tx.Put("fruit", []byte("apple"), []byte("red"))
	}))
	require.NoError(t, s.Close())

	s, err = Open(path, Options{ReadOnly: true})
	require.NoError(t, err)
	defer s.Close()

	var got []byte
	require.NoError(t, s.View(t.Context(), func(r store.Reader) error {
		got, err = r.Get("fruit", []byte("apple"))
		return err
	}))
	assert.Equal(t, "red", string(got))

	err = s.Update(t.Context(), func(tx store.Tx) error { return nil })
	assert.Error(t, err, "Update on a read-only store")
}

func TestOpenFileInUse(t *testing.T) {
	path := filepath.Join(t.TempDir(), "credence.db")
	s, err := Open(path, Options{})
	require.NoError(t, err)
	defer s.Close()

	const timeout = 100 * time.Millisecond
	began := time.Now()
	_, err = Open(path, Options{Timeout: timeout})

	assert.ErrorIs(t, err, ErrInUse)
	assert.ErrorContains(t, err, "in use by another process")
	// bbolt polls the lock every 50ms and gives up one poll early.
	assert.GreaterOrEqual(t, time.Since(began), timeout/2, "gave up without waiting")
}

func TestPanicInUpdate(t *testing.T) {
	s := openTemp(t, Options{})

	err := s.Update(t.Context(), func(tx store.Tx) error {
		if err := tx.Put("fruit", []byte("apple"), []byte("red")); err != nil {
			return err
		}
		panic("bad apple")
	})
	require.ErrorContains(t, err, "bad apple")

	require.NoError(t, s.Update(t.Context(), func(tx store.Tx) error {
		_, err := tx.Get("fruit", []byte("apple"))
		assert.ErrorIs(t, err, store.ErrNotFound, "write of the panicking call")
		return tx.Put("fruit", []byte("pear"), []byte("green"))
	}), "store keeps working")
}

func TestGroupCommit(t *testing.T) {
	const callers = 64
	tests := []struct {
		name        string
		maxBatch    int
		wantCommits int64
	}{
		// The first call commits alone; the rest queue behind it and
		// share the next commit.
		{"default batch", 0, 2},
		{"batch of one", 1, callers},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTemp(t, Options{MaxBatch: tt.maxBatch})
			before := s.commits.Load()

			// The first call holds the committer until the others
			// have queued up (as many as the queue takes).
			queued := min(callers-1, cap(s.calls))
			started := make(chan struct{})
			var wg sync.WaitGroup
			wg.Go(func() {
				assert.NoError(t, s.Update(t.Context(), func(tx store.Tx) error {
					close(started)
					waitFor(t, func() bool { return len(s.calls) >= queued })
					return tx.Put("calls", key(0), []byte("x"))
				}))
			})
			<-started
			for i := 1; i < callers; i++ {
				wg.Go(func() {
					assert.NoError(t, s.Update(t.Context(), func(tx store.Tx) error {
						return tx.Put("calls", key(i), []byte("x"))
					}))
				})
			}
			wg.Wait()

			assert.Equal(t, tt.wantCommits, s.commits.Load()-before, "commits")
			var n int
			require.NoError(t, s.View(t.Context(), func(r store.Reader) error {
				return r.Scan("calls", store.Range{}, func(_, _ []byte) bool { n++; return true })
			}))
			assert.Equal(t, callers, n, "keys written")
		})
	}
}

// waitFor polls cond for up to five seconds. It may run outside the test
// goroutine, so it reports with Errorf.
func waitFor(t *testing.T, cond func() bool) {
	for deadline := time.Now().Add(5 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Errorf("condition not met within 5s")
			return
		}
	}
}

func openTemp(tb testing.TB, opts Options) *Store {
	tb.Helper()
	s, err := Open(filepath.Join(tb.TempDir(), "credence.db"), opts)
	require.NoError(tb, err)
	tb.Cleanup(func() { assert.NoError(tb, s.Close()) })
	return s
}

func key(i int) []byte {
	return []byte{byte(i >> 8), byte(i)}
}
