package bolt

import (
	"bytes"
	"fmt"
	"strings"

	"go.etcd.io/bbolt"

	"github.com/credence/credence/store"
)

// reader implements store.Reader on a bbolt transaction.
type reader struct {
	btx *bbolt.Tx
}

func (r reader) Get(bucket string, key []byte) ([]byte, error) {
	b := r.btx.Bucket([]byte(bucket))
	if b == nil {
		return nil, store.ErrNotFound
	}
	v := b.Get(key)
	if v == nil {
		return nil, store.ErrNotFound
	}
	return bytes.Clone(v), nil
}

func (r reader) Scan(bucket string, rg store.Range, fn func(key, value []byte) bool) error {
	b := r.btx.Bucket([]byte(bucket))
	if b == nil {
		return nil
	}
	c := b.Cursor()
	if rg.Reverse {
		k, v := last(c, rg.End)
		for ; k != nil && (rg.Start == nil || bytes.Compare(k, rg.Start) >= 0); k, v = c.Prev() {
			if !fn(k, v) {
				break
			}
		}
		return nil
	}
	k, v := first(c, rg.Start)
	for ; k != nil && (rg.End == nil || bytes.Compare(k, rg.End) < 0); k, v = c.Next() {
		if !fn(k, v) {
			break
		}
	}
	return nil
}

// first moves c to the first key >= start.
func first(c *bbolt.Cursor, start []byte) (k, v []byte) {
	if start == nil {
		return c.First()
	}
	return c.Seek(start)
}

// last moves c to the last key < end.
func last(c *bbolt.Cursor, end []byte) (k, v []byte) {
	if end == nil {
		return c.Last()
	}
	if k, _ := c.Seek(end); k == nil {
		return c.Last()
	}
	return c.Prev()
}

// tx implements store.Tx for one Update call inside a shared bbolt write
// transaction. It notes whether the call wrote: a call that fails after
// writing makes the committer run the group again without it, since bbolt
// cannot take back part of a transaction.
type tx struct {
	reader
	wrote bool
}

// run calls c.fn, turning a panic into an error.
func (t *tx) run(c *call) (err error) {
	if err := c.ctx.Err(); err != nil {
		return err
	}
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("bolt: update panicked: %v", p)
		}
	}()
	return c.fn(t)
}

func (t *tx) Put(bucket string, key, value []byte) error {
	if len(key) == 0 {
		return fmt.Errorf("bolt: put %s: empty key", bucket)
	}
	t.wrote = true
	b := t.btx.Bucket([]byte(bucket))
	if b == nil {
		var err error
		if b, err = t.btx.CreateBucket([]byte(bucket)); err != nil {
			return fmt.Errorf("bolt: create bucket %s: %w", bucket, err)
		}
	}
	if appendMostly(bucket) {
		b.FillPercent = 0.9
	}
	// bbolt keeps the slices until commit: give it copies the caller
	// cannot change. A nil value would read back as absent, so store an
	// empty one instead.
	key, value = bytes.Clone(key), bytes.Clone(value)
	if value == nil {
		value = []byte{}
	}
	if err := b.Put(key, value); err != nil {
		return fmt.Errorf("bolt: put %s: %w", bucket, err)
	}
	return nil
}

func (t *tx) Delete(bucket string, key []byte) error {
	b := t.btx.Bucket([]byte(bucket))
	if b == nil {
		return nil
	}
	t.wrote = true
	if err := b.Delete(key); err != nil {
		return fmt.Errorf("bolt: delete %s: %w", bucket, err)
	}
	return nil
}

func (t *tx) DeleteBucket(bucket string) error {
	if t.btx.Bucket([]byte(bucket)) == nil {
		return nil
	}
	t.wrote = true
	if err := t.btx.DeleteBucket([]byte(bucket)); err != nil {
		return fmt.Errorf("bolt: delete bucket %s: %w", bucket, err)
	}
	return nil
}

// appendMostly reports whether a bucket's new keys mostly sort after its
// others: documents under generated ids (in time order), revisions (under
// their document's id, in order), the outbox and the feed (in time
// order). bbolt then fills the pages it splits to 90% rather than half:
// pages left half full by appends would stay so.
func appendMostly(bucket string) bool {
	return strings.HasPrefix(bucket, "docs/") || strings.HasPrefix(bucket, "revs/") || bucket == "outbox" || bucket == "feed"
}
