package documents

import (
	"context"
	"sync"
)

// keyLock is a set of mutexes by key, each held only while in use. The
// zero value is ready to use.
type keyLock struct {
	mu    sync.Mutex
	locks map[string]*keyEntry
}

type keyEntry struct {
	held  chan struct{} // holds a value while the key is locked
	users int           // holders and waiters; the entry goes at zero
}

// lock waits until key is free or ctx is done, and returns the function
// that frees key again.
func (k *keyLock) lock(ctx context.Context, key string) (unlock func(), err error) {
	k.mu.Lock()
	if k.locks == nil {
		k.locks = make(map[string]*keyEntry)
	}
	e := k.locks[key]
	if e == nil {
		e = &keyEntry{held: make(chan struct{}, 1)}
		k.locks[key] = e
	}
	e.users++
	k.mu.Unlock()

	select {
	case e.held <- struct{}{}:
		return func() {
			<-e.held
			k.release(key, e)
		}, nil
	case <-ctx.Done():
		k.release(key, e)
		return nil, ctx.Err()
	}
}

func (k *keyLock) release(key string, e *keyEntry) {
	k.mu.Lock()
	if e.users--; e.users == 0 {
		delete(k.locks, key)
	}
	k.mu.Unlock()
}
