package documents

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/credence/credence/schemas"
	"github.com/credence/credence/store"
)

// Kept counts. A collection's documents are counted as they are written,
// in the transaction that writes their index entries: in all, and by each
// value of the collection's counted fields (schemas.Collection.Counted,
// the indexed fields whose schema lists their values). A count of a whole
// collection, or by one counted field, then reads a few keys rather than
// an index of a million entries (see countFromIndex).
//
// The counts hold what the indexes hold: a document whose counted field
// is missing is counted as null, one stored with ?force holding a value
// that is no scalar as tagOther. A count that falls to zero is deleted, so
// that a group appears exactly when some document has its value.

// countsBucket holds the kept counts of a collection.
func countsBucket(c string) string { return "counts/" + c }

// totalKey holds the number of documents of a collection. A counted
// field's counts are under its index prefix (the field, then the value),
// which starts with tagString.
var totalKey = []byte{0}

// countDelta adds n to the count at key.
type countDelta struct {
	key []byte
	n   int64
}

// updateCounts moves a document's counts from old (nil on create) to
// fields (nil on delete).
func updateCounts(tx store.Tx, c *schemas.Collection, old stored, fields map[string]any) error {
	var buf [5]countDelta
	ds := buf[:0]
	switch {
	case old == nil && fields != nil:
		ds = append(ds, countDelta{totalKey, 1})
	case old != nil && fields == nil:
		ds = append(ds, countDelta{totalKey, -1})
	}
	for _, f := range c.Counted {
		var was, is []byte
		if old != nil {
			was = valueKey(f, old[f])
		}
		if fields != nil {
			is = valueKey(f, fields[f])
		}
		if bytes.Equal(was, is) {
			continue
		}
		if was != nil {
			ds = append(ds, countDelta{was, -1})
		}
		if is != nil {
			ds = append(ds, countDelta{is, 1})
		}
	}
	if len(ds) == 0 {
		return nil
	}
	if t, ok := tx.(*tally); ok {
		t.add(c.Name, ds)
		return nil
	}
	return addCounts(tx, c.Name, ds)
}

// addCounts adds the deltas to the kept counts of coll.
func addCounts(tx store.Tx, coll string, ds []countDelta) error {
	keys := make([][]byte, len(ds))
	for i, d := range ds {
		keys[i] = d.key
	}
	bucket := countsBucket(coll)
	values, err := store.GetMany(tx, bucket, keys)
	if err != nil {
		return err
	}
	for i, d := range ds {
		n, err := decodeCount(values[i])
		if err != nil {
			return fmt.Errorf("the count of %s at %x: %w", coll, d.key, err)
		}
		if n += d.n; n > 0 {
			err = tx.Put(bucket, d.key, binary.BigEndian.AppendUint64(nil, uint64(n)))
		} else {
			err = tx.Delete(bucket, d.key)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// tally is a transaction whose writes' counts are gathered, to be added
// once by flush: the many writes of an import's batch or of a rebuild
// then read and write each count once.
type tally struct {
	store.Tx
	deltas map[string]map[string]int64 // by collection, then key
}

func (t *tally) add(coll string, ds []countDelta) {
	if t.deltas == nil {
		t.deltas = map[string]map[string]int64{}
	}
	m := t.deltas[coll]
	if m == nil {
		m = map[string]int64{}
		t.deltas[coll] = m
	}
	for _, d := range ds {
		m[string(d.key)] += d.n
	}
}

// flush adds the gathered counts, in the order of collections and keys.
func (t *tally) flush() error {
	for _, coll := range slices.Sorted(maps.Keys(t.deltas)) {
		m := t.deltas[coll]
		var ds []countDelta
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if m[k] != 0 {
				ds = append(ds, countDelta{key: []byte(k), n: m[k]})
			}
		}
		if len(ds) == 0 {
			continue
		}
		if err := addCounts(t.Tx, coll, ds); err != nil {
			return err
		}
	}
	t.deltas = nil
	return nil
}

// readCount reads the count at key of coll's kept counts.
func readCount(r store.Reader, coll string, key []byte) (int, error) {
	v, err := r.Get(countsBucket(coll), key)
	if errors.Is(err, store.ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	n, err := decodeCount(v)
	if err != nil {
		return 0, fmt.Errorf("the count of %s at %x: %w", coll, key, err)
	}
	return int(n), nil
}

// decodeCount reads a kept count; nil (no key) is zero.
func decodeCount(v []byte) (int64, error) {
	switch len(v) {
	case 0:
		return 0, nil
	case 8:
		return int64(binary.BigEndian.Uint64(v)), nil
	}
	return 0, fmt.Errorf("a count of %d bytes", len(v))
}

// recount sets the counts of a collection from its index entries, for a
// store written before counts were kept: every document has one entry of
// _createdAt, and one of each counted field (its key is the field, the
// value, then the id, which is also the entry's value).
func recount(tx store.Tx, c *schemas.Collection) error {
	bucket := countsBucket(c.Name)
	if err := tx.DeleteBucket(bucket); err != nil {
		return err
	}
	counts := map[string]int64{}
	var bad error
	for _, f := range append([]string{fieldCreatedAt}, c.Counted...) {
		prefix := appendString(nil, f)
		err := tx.Scan(idxBucket(c.Name), store.Prefix(prefix), func(k, v []byte) bool {
			if f == fieldCreatedAt {
				counts[string(totalKey)]++
				return true
			}
			id := appendString(nil, string(v))
			if !bytes.HasSuffix(k, id) || len(k) < len(prefix)+len(id) {
				bad = fmt.Errorf("index entry %x does not end with its id %q", k, v)
				return false
			}
			counts[string(k[:len(k)-len(id)])]++
			return true
		})
		if err != nil {
			return err
		}
		if bad != nil {
			return bad
		}
	}
	for k, n := range counts {
		if err := tx.Put(bucket, []byte(k), binary.BigEndian.AppendUint64(nil, uint64(n))); err != nil {
			return err
		}
	}
	return nil
}

// keptCounts reads the counts of a collection's documents by field (the
// whole collection when field is ""), in value order; ok is false when a
// count's value is not null, a boolean or a text (a document stored with
// ?force), or the field is not counted.
func keptCounts(r store.Reader, c *schemas.Collection, field string) (runs []valueCount, ok bool, err error) {
	bucket := countsBucket(c.Name)
	if field == "" {
		n, err := readCount(r, c.Name, totalKey)
		if err != nil || n == 0 {
			return nil, err == nil, err
		}
		return []valueCount{{n: n}}, true, nil
	}
	if !c.IsCounted(field) {
		return nil, false, nil
	}
	prefix := appendString(nil, field)
	ok = true
	err = r.Scan(bucket, store.Prefix(prefix), func(k, v []byte) bool {
		value, size, good := entryValue(k[len(prefix):])
		n, derr := decodeCount(v)
		if !good || size != len(k)-len(prefix) || derr != nil {
			ok = false
			return false
		}
		runs = append(runs, valueCount{value: value, n: int(n)})
		return true
	})
	if err != nil || !ok {
		return nil, false, err
	}
	return runs, true, nil
}
