package bolt

import (
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
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

// TestFailedCallInGroup: a call that fails after writing makes the group
// run again without it, so that the calls after it never see its writes;
// a call that fails before writing costs the group nothing.
func TestFailedCallInGroup(t *testing.T) {
	for _, writes := range []bool{true, false} {
		t.Run(fmt.Sprintf("fails after writing: %v", writes), func(t *testing.T) {
			s := openTemp(t, Options{})
			before := s.commits.Load()
			var runsA, runsB, runsC atomic.Int32
			started, release := make(chan struct{}), make(chan struct{})
			var wg sync.WaitGroup
			wg.Go(func() {
				assert.NoError(t, s.Update(t.Context(), func(tx store.Tx) error {
					close(started)
					<-release // until the three calls are queued
					return nil
				}))
			})
			<-started
			queue := func(fn func(tx store.Tx) error, want error) {
				n := len(s.calls)
				wg.Go(func() { assert.ErrorIs(t, s.Update(t.Context(), fn), want) })
				waitFor(t, func() bool { return len(s.calls) > n }) // in this order
			}
			queue(func(tx store.Tx) error {
				runsA.Add(1)
				return tx.Put("b", []byte("a"), []byte("x"))
			}, nil)
			boom := errors.New("boom")
			queue(func(tx store.Tx) error {
				runsB.Add(1)
				if writes {
					if err := tx.Put("b", []byte("b"), []byte("x")); err != nil {
						return err
					}
				}
				return boom
			}, boom)
			queue(func(tx store.Tx) error {
				runsC.Add(1)
				_, err := tx.Get("b", []byte("b"))
				assert.ErrorIs(t, err, store.ErrNotFound, "a failed call's write is seen")
				v, err := tx.Get("b", []byte("a"))
				assert.NoError(t, err, "the call before is not seen")
				assert.Equal(t, "x", string(v))
				return tx.Put("b", []byte("c"), []byte("x"))
			}, nil)
			close(release)
			wg.Wait()
			runs := int32(1)
			if writes {
				runs = 2
			}
			assert.Equal(t, runs, runsA.Load(), "runs of the call before")
			assert.Equal(t, int32(1), runsB.Load(), "runs of the failing call")
			assert.Equal(t, int32(1), runsC.Load(), "runs of the call after: the first run stopped at the failure")
			assert.Equal(t, int64(2), s.commits.Load()-before, "commits")
			var keys []string
			require.NoError(t, s.View(t.Context(), func(r store.Reader) error {
				return r.Scan("b", store.Range{}, func(k, _ []byte) bool { keys = append(keys, string(k)); return true })
			}))
			assert.Equal(t, []string{"a", "c"}, keys)
		})
	}
}
