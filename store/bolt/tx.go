package bolt

import (
	"bytes"
	"fmt"

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
// transaction. Before each write it records how to revert it, so that the
// call can be undone without aborting the calls committed alongside it.
type tx struct {
	reader
	undo []func() error
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

// rollback reverts the writes of the call, newest first.
func (t *tx) rollback() error {
	for i := len(t.undo) - 1; i >= 0; i-- {
		if err := t.undo[i](); err != nil {
			return err
		}
	}
	t.undo = nil
	return nil
}

func (t *tx) Put(bucket string, key, value []byte) error {
	if len(key) == 0 {
		return fmt.Errorf("bolt: put %s: empty key", bucket)
	}
	name := []byte(bucket)
	b := t.btx.Bucket(name)
	if b == nil {
		var err error
		if b, err = t.btx.CreateBucket(name); err != nil {
			return fmt.Errorf("bolt: create bucket %s: %w", bucket, err)
		}
		t.undo = append(t.undo, func() error { return t.btx.DeleteBucket(name) })
	}
	// bbolt keeps the slices until commit: give it copies the caller
	// cannot change. A nil value would read back as absent, so store an
	// empty one instead.
	key, value = bytes.Clone(key), bytes.Clone(value)
	if value == nil {
		value = []byte{}
	}
	t.recordKey(b, name, key)
	if err := b.Put(key, value); err != nil {
		t.undo = t.undo[:len(t.undo)-1]
		return fmt.Errorf("bolt: put %s: %w", bucket, err)
	}
	return nil
}

func (t *tx) Delete(bucket string, key []byte) error {
	name := []byte(bucket)
	b := t.btx.Bucket(name)
	if b == nil || b.Get(key) == nil {
		return nil
	}
	key = bytes.Clone(key)
	t.recordKey(b, name, key)
	if err := b.Delete(key); err != nil {
		t.undo = t.undo[:len(t.undo)-1]
		return fmt.Errorf("bolt: delete %s: %w", bucket, err)
	}
	return nil
}

// recordKey appends the undo step that restores key in bucket name to its
// current state. It looks the bucket up again when undoing, because undo
// may have recreated it in between.
func (t *tx) recordKey(b *bbolt.Bucket, name, key []byte) {
	old := bytes.Clone(b.Get(key))
	t.undo = append(t.undo, func() error {
		b := t.btx.Bucket(name)
		switch {
		case b == nil:
			return fmt.Errorf("bucket %s vanished", name)
		case old == nil:
			return b.Delete(key)
		default:
			return b.Put(key, old)
		}
	})
}

func (t *tx) DeleteBucket(bucket string) error {
	name := []byte(bucket)
	b := t.btx.Bucket(name)
	if b == nil {
		return nil
	}
	// Deleting a bucket is rare: keep a full copy to restore it from.
	var keys, values [][]byte
	err := b.ForEach(func(k, v []byte) error {
		keys, values = append(keys, bytes.Clone(k)), append(values, bytes.Clone(v))
		return nil
	})
	if err != nil {
		return fmt.Errorf("bolt: delete bucket %s: %w", bucket, err)
	}
	if err := t.btx.DeleteBucket(name); err != nil {
		return fmt.Errorf("bolt: delete bucket %s: %w", bucket, err)
	}
	t.undo = append(t.undo, func() error {
		b, err := t.btx.CreateBucket(name)
		if err != nil {
			return err
		}
		for i := range keys {
			if err := b.Put(keys[i], values[i]); err != nil {
				return err
			}
		}
		return nil
	})
	return nil
}
