// Package bolt is the embedded storage engine: a store.Store kept in one
// file by go.etcd.io/bbolt.
//
// Each store bucket is a top-level bbolt bucket. Writes go through one
// committer goroutine that groups concurrent Update calls into a single
// bbolt write transaction, so a burst of writers pays for one fsync instead
// of one each. Every call stays atomic on its own: when a call fails after
// it wrote, the committer drops the transaction and runs the group again
// without it (a call that fails before writing costs nothing), as
// store.Store allows: a call's function may run more than once.
package bolt

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"go.etcd.io/bbolt"
	bberrors "go.etcd.io/bbolt/errors"

	"github.com/credence/credence/store"
)

// ErrInUse is returned by Open when another process (or another Store in
// this process) holds the database file.
var ErrInUse = errors.New("bolt: database is in use by another process")

// Options configures Open. The zero value is ready to use.
type Options struct {
	// Timeout bounds the wait for the file lock; 0 means one second.
	Timeout time.Duration

	// ReadOnly opens the file for reading only; Update then fails.
	ReadOnly bool

	// MaxBatch is the most Update calls committed in one transaction;
	// 0 means 1000.
	MaxBatch int
}

// Store is a store.Store in a bbolt file. Use Open to create one.
type Store struct {
	db       *bbolt.DB
	readOnly bool
	maxBatch int

	// mu guards closed and the sends on calls, so that Close can close
	// the channel once no sender is left.
	mu     sync.RWMutex
	closed bool
	calls  chan *call
	done   chan struct{} // closed when the committer has stopped

	commits atomic.Int64 // bbolt write transactions run, for tests
}

var _ store.Store = (*Store)(nil)

// call is one Update waiting for the committer.
type call struct {
	ctx    context.Context
	fn     func(store.Tx) error
	result chan error
}

// Open opens the bbolt file at path, creating it unless opts.ReadOnly is
// set. It returns an error wrapping ErrInUse when the file stays locked
// for opts.Timeout.
func Open(path string, opts Options) (*Store, error) {
	if opts.Timeout == 0 {
		opts.Timeout = time.Second
	}
	if opts.MaxBatch <= 0 {
		opts.MaxBatch = 1000
	}
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: opts.Timeout, ReadOnly: opts.ReadOnly})
	if errors.Is(err, bberrors.ErrTimeout) {
		return nil, fmt.Errorf("open %s: %w", path, ErrInUse)
	}
	if err != nil {
		return nil, fmt.Errorf("bolt: open %s: %w", path, err)
	}
	s := &Store{
		db:       db,
		readOnly: opts.ReadOnly,
		maxBatch: opts.MaxBatch,
		calls:    make(chan *call, opts.MaxBatch),
		done:     make(chan struct{}),
	}
	go s.commitLoop()
	return s, nil
}

// View runs fn in a bbolt read transaction.
func (s *Store) View(ctx context.Context, fn func(store.Reader) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.RLock()
	closed := s.closed
	s.mu.RUnlock()
	if closed {
		return store.ErrClosed
	}
	err := s.db.View(func(btx *bbolt.Tx) error { return fn(reader{btx}) })
	if errors.Is(err, bberrors.ErrDatabaseNotOpen) {
		return store.ErrClosed // Close won the race after our check.
	}
	return err
}

// Update queues fn for the committer and waits until the transaction that
// ran it is committed and synced to disk.
func (s *Store) Update(ctx context.Context, fn func(store.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.readOnly {
		return fmt.Errorf("bolt: update: %w", bberrors.ErrDatabaseReadOnly)
	}
	c := &call{ctx: ctx, fn: fn, result: make(chan error, 1)}
	if err := s.enqueue(c); err != nil {
		return err
	}
	// Once queued, the call will run unless its ctx is done by then, so
	// wait for the answer even if ctx is cancelled meanwhile.
	return <-c.result
}

func (s *Store) enqueue(c *call) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return store.ErrClosed
	}
	select {
	case s.calls <- c:
		return nil
	case <-c.ctx.Done():
		return c.ctx.Err()
	}
}

// Close runs the Update calls already queued, then closes the file. Calls
// after Close return store.ErrClosed; closing twice is not an error.
func (s *Store) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	close(s.calls)
	s.mu.Unlock()

	<-s.done
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("bolt: close: %w", err)
	}
	return nil
}

// commitLoop runs queued calls until Close. It takes the first call as
// soon as it arrives and, without waiting, whatever else is queued behind
// it: a lone writer commits at once, and writers that arrive during an
// fsync share the next one.
func (s *Store) commitLoop() {
	defer close(s.done)
	for c := range s.calls {
		s.commit(s.drain([]*call{c}))
	}
}

// drain adds the calls already queued to batch, up to maxBatch.
func (s *Store) drain(batch []*call) []*call {
	for len(batch) < s.maxBatch {
		select {
		case c, ok := <-s.calls:
			if !ok {
				return batch
			}
			batch = append(batch, c)
		default:
			return batch
		}
	}
	return batch
}

// errRedo drops a transaction in which a call failed after writing.
var errRedo = errors.New("bolt: a call failed after writing")

// commit runs batch in one bbolt write transaction and answers each call.
// A call that fails after writing is answered with its error and the
// others run again, in order, in a new transaction: each such failure
// leaves the group, so a batch of n runs at most n times.
func (s *Store) commit(batch []*call) {
	errs := make([]error, len(batch))
	failed := make([]bool, len(batch)) // failed after writing: left out
	for {
		err := s.db.Update(func(btx *bbolt.Tx) error {
			for i, c := range batch {
				if failed[i] {
					continue
				}
				t := &tx{reader: reader{btx}}
				if errs[i] = t.run(c); errs[i] != nil && t.wrote {
					failed[i] = true
					return errRedo
				}
			}
			return nil
		})
		if errors.Is(err, errRedo) {
			if !slices.Contains(failed, false) {
				break
			}
			continue
		}
		s.commits.Add(1)
		for i := range batch {
			if err != nil && errs[i] == nil {
				errs[i] = err
			}
		}
		break
	}
	for i, c := range batch {
		c.result <- errs[i]
	}
}
