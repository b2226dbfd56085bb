// Package store defines the storage Credence is built on: named buckets of
// ordered keys and byte values, read inside read transactions and changed
// inside write transactions.
//
// The package knows nothing of documents, schemas or HTTP. Engines live in
// sub-packages named after what they wrap: store/bolt (the embedded default)
// and, later, store/postgres. Every engine passes the conformance suite in
// store/storetest.
package store

import (
	"context"
	"errors"
)

// ErrNotFound is returned by Reader.Get when a key is absent.
var ErrNotFound = errors.New("store: key not found")

// ErrClosed is returned by a Store used after Close.
var ErrClosed = errors.New("store: closed")

// ErrUnavailable wraps the errors of a store that cannot be reached for now
// (a database restarting, a network cut): trying again later may succeed.
// A write that fails so may or may not have been committed.
var ErrUnavailable = errors.New("store: unavailable")

// Store is a transactional key-value store of named buckets.
type Store interface {
	// View runs fn in a read-only transaction that sees one consistent
	// snapshot of the store.
	View(ctx context.Context, fn func(Reader) error) error

	// Update runs fn in a write transaction. If fn returns an error, none
	// of its writes are applied and Update returns that error. Concurrent
	// Update calls appear to run one after another (serializable): fn sees
	// the writes of the calls committed before it. Engines may commit
	// several calls together (one commit, one fsync), and an engine whose
	// transactions can conflict (a database shared by several nodes) may
	// run fn again after a conflict: fn must have no effect outside the
	// transaction beyond setting its own results, which it overwrites on
	// each run. When Update returns nil, the writes are durable.
	// fn must not call View or Update on the same store: a transaction
	// waiting on another may never start.
	Update(ctx context.Context, fn func(Tx) error) error

	// Close waits for pending writes and releases the store.
	Close() error
}

// Reader reads inside a transaction.
//
// Buckets spring into existence on first write; reading a bucket that was
// never written behaves as reading an empty one.
type Reader interface {
	// Get returns a copy of the value stored under key, or ErrNotFound.
	Get(bucket string, key []byte) ([]byte, error)

	// Scan calls fn for each key in r, in ascending key order, or descending
	// when r.Reverse is set, until fn returns false. The key and value
	// passed to fn are valid only until fn returns: copy what you keep.
	// fn must not write in the same transaction while scanning.
	Scan(bucket string, r Range, fn func(key, value []byte) bool) error
}

// Tx reads and writes inside a write transaction.
type Tx interface {
	Reader

	// Put stores value under key, replacing any previous value. The store
	// keeps its own copy of key and value. Keys must not be empty.
	Put(bucket string, key, value []byte) error

	// Delete removes key. Deleting an absent key is not an error.
	Delete(bucket string, key []byte) error

	// DeleteBucket removes a bucket and every key in it. Deleting an absent
	// bucket is not an error.
	DeleteBucket(bucket string) error
}

// Range selects keys k with Start <= k < End. A nil Start means from the
// first key; a nil End means to the last.
type Range struct {
	Start   []byte
	End     []byte
	Reverse bool
}

// Prefix returns the Range of every key that starts with p.
func Prefix(p []byte) Range {
	return Range{Start: p, End: PrefixEnd(p)}
}

// PrefixEnd returns the smallest key greater than every key that starts
// with p, or nil when there is none (p is empty or all 0xff).
func PrefixEnd(p []byte) []byte {
	end := append([]byte(nil), p...)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}

// After returns the smallest key greater than k: k followed by a zero byte.
// It turns an exclusive lower bound into Range.Start.
func After(k []byte) []byte {
	return append(append(make([]byte, 0, len(k)+1), k...), 0)
}

// MultiGetter is a Reader that reads several keys of a bucket at once, in
// one round trip where the engine is a server (store/postgres).
type MultiGetter interface {
	// GetMany returns the values of keys, in their order; nil for a key
	// that is absent.
	GetMany(bucket string, keys [][]byte) ([][]byte, error)
}

// GetMany reads keys of bucket through r's GetMany when it has one, and
// one by one otherwise. A key that is absent gives nil.
func GetMany(r Reader, bucket string, keys [][]byte) ([][]byte, error) {
	if m, ok := r.(MultiGetter); ok {
		return m.GetMany(bucket, keys)
	}
	return getEach(r, len(keys), func(i int) (string, []byte) { return bucket, keys[i] })
}

// getEach reads n keys one by one, key(i) naming the i-th; nil for those
// absent.
func getEach(r Reader, n int, key func(i int) (string, []byte)) ([][]byte, error) {
	out := make([][]byte, n)
	for i := range n {
		v, err := r.Get(key(i))
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if v == nil {
			v = []byte{}
		}
		out[i] = v
	}
	return out, nil
}

// Key names one key of one bucket.
type Key struct {
	Bucket string
	Key    []byte
}

// KeysGetter is a Reader that reads keys of several buckets at once, in
// one round trip where the engine is a server (store/postgres): a
// document and the schema version it must be read with, say.
type KeysGetter interface {
	// GetKeys returns the values of keys, in their order; nil for a key
	// that is absent.
	GetKeys(keys []Key) ([][]byte, error)
}

// GetKeys reads keys through r's GetKeys when it has one, and one by one
// otherwise. A key that is absent gives nil.
func GetKeys(r Reader, keys []Key) ([][]byte, error) {
	if g, ok := r.(KeysGetter); ok {
		return g.GetKeys(keys)
	}
	return getEach(r, len(keys), func(i int) (string, []byte) { return keys[i].Bucket, keys[i].Key })
}
