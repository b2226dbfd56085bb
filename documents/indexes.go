package documents

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/credence/credence/schemas"
	"github.com/credence/credence/store"
)

// Every document has one entry in the index of each indexed field, so that
// a walk of a field's entries is a walk of the whole collection in that
// field's order: a missing or null value is entered as null (first, as
// compareValues orders it), an array or an object (which only a document
// stored with ?force can hold there) as tagOther, after every scalar.
// The meta fields _createdAt and _updatedAt are indexed in every
// collection whose writes go through updateIndexes (all but the audit log,
// whose ids are in time order already).

// tagOther is the index entry of a value that is no scalar.
const tagOther = 0x07

// indexesFormatKey holds the format of the stored index entries: stores
// written before every document had an entry in every index (format 1)
// are rebuilt once, when a service opens them; stores written before the
// counts were kept (format 2) are counted once, from their indexes.
var indexesFormatKey = []byte("indexes.format")

const indexesFormat = 3

// isIndexed reports whether the entries of field in c's index hold every
// document of c.
func isIndexed(c *schemas.Collection, field string) bool {
	if field == fieldCreatedAt || field == fieldUpdatedAt {
		return c.Name != AuditCollection
	}
	return slices.Contains(c.Indexed, field)
}

// entryKey is the index entry of id for field = v (JSON): every value has
// one, unlike indexKey's, which a uniqueness check and a prefix also use.
func entryKey(field string, v any, id string) []byte {
	return appendString(valueKey(field, v), id)
}

// valueKey is field = v as the index entries of v begin, and as the key of
// their kept count: tagOther for a value that is no scalar.
func valueKey(field string, v any) []byte {
	k, ok := indexKey(field, v, "")
	if !ok {
		k = append(appendString(nil, field), tagOther)
	}
	return k
}

// times are a revision's _createdAt and _updatedAt, as indexed.
type times struct{ created, updated string }

// timesOf are the meta times of a stored document.
func timesOf(d stored) times {
	return times{created: d.str(fieldCreatedAt), updated: d.str(fieldUpdatedAt)}
}

// updateIndexes moves the index entries of id from the old document (nil
// on create) to the new fields and times, refusing a duplicate unique
// value; fields nil removes the document's entries.
func updateIndexes(tx store.Tx, c *schemas.Collection, id string, old stored, fields map[string]any, now times) error {
	// A taken unique value is refused before anything is written: a call
	// that fails after writing costs the calls committed with it a rerun.
	for _, f := range c.Unique {
		if old != nil && fields != nil && equalKeys(f, old[f], fields[f]) {
			continue // its own value still: nothing to check
		}
		if err := checkUnique(tx, c, f, id, fields[f]); err != nil {
			return err
		}
	}
	if err := updateLinks(tx, c, id, old, fields); err != nil {
		return err
	}
	if err := updateFileRefs(tx, c, id, old, fields); err != nil {
		return err
	}
	gone := fields == nil
	move := func(f string, ov, nv any) error {
		var oldKey []byte
		if old != nil {
			oldKey = entryKey(f, ov, id)
		}
		var newKey []byte
		if !gone {
			newKey = entryKey(f, nv, id)
		}
		if oldKey != nil && bytes.Equal(oldKey, newKey) {
			return nil
		}
		if oldKey != nil {
			if err := tx.Delete(idxBucket(c.Name), oldKey); err != nil {
				return err
			}
		}
		if newKey == nil {
			return nil
		}
		// The entry's value is the id, so that a scan of the index yields
		// ids without decoding keys.
		return tx.Put(idxBucket(c.Name), newKey, []byte(id))
	}
	for _, f := range c.Indexed {
		ov, nv := old[f], fields[f]
		if err := move(f, ov, nv); err != nil {
			return err
		}
		if c.IsUnique(f) {
			if err := moveUnique(tx, c, f, id, ov, nv); err != nil {
				return err
			}
		}
	}
	if c.Name == AuditCollection {
		return nil
	}
	if err := updateCounts(tx, c, old, fields); err != nil {
		return err
	}
	if err := move(fieldCreatedAt, old[fieldCreatedAt], now.created); err != nil {
		return err
	}
	if err := move(fieldUpdatedAt, old[fieldUpdatedAt], now.updated); err != nil {
		return err
	}
	return nil
}

// checkUnique refuses the value nv of the unique field f when another
// document than id holds it. Null is not unique: like SQL's NULL, it
// never conflicts.
func checkUnique(tx store.Tx, c *schemas.Collection, f, id string, nv any) error {
	key, ok := indexKey(f, nv, "")
	if !ok || nv == nil {
		return nil
	}
	holder, err := tx.Get(uniqBucket(c.Name), key)
	if err == nil && string(holder) != id {
		return uniqueConflict(f, string(holder))
	}
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	return nil
}

// equalKeys reports whether a and b have the same index key as values of f.
func equalKeys(f string, a, b any) bool {
	ka, okA := indexKey(f, a, "")
	kb, okB := indexKey(f, b, "")
	return okA && okB && bytes.Equal(ka, kb)
}

// moveUnique moves the uniqueness entry of field from ov to nv (either
// nil), checked by checkUnique.
func moveUnique(tx store.Tx, c *schemas.Collection, f, id string, ov, nv any) error {
	oldKey, oldOK := indexKey(f, ov, "")
	newKey, newOK := indexKey(f, nv, "")
	oldOK, newOK = oldOK && ov != nil, newOK && nv != nil
	if oldOK && newOK && bytes.Equal(oldKey, newKey) {
		return nil
	}
	if oldOK {
		if err := tx.Delete(uniqBucket(c.Name), oldKey); err != nil {
			return err
		}
	}
	if newOK {
		return tx.Put(uniqBucket(c.Name), newKey, []byte(id))
	}
	return nil
}

// migrateIndexes rebuilds the indexes of every collection of a store
// written in an older format of index entries, once: nodes opening it
// together agree, since the transaction rebuilds only when no other did.
func (s *Service) migrateIndexes(ctx context.Context) error {
	format := func(r store.Reader) (int, error) {
		v, err := r.Get(metaBucket, indexesFormatKey)
		if errors.Is(err, store.ErrNotFound) {
			return 0, nil
		}
		if err != nil || len(v) != 1 {
			return 0, err
		}
		return int(v[0]), nil
	}
	var current int
	err := s.st.View(ctx, func(r store.Reader) error {
		var err error
		current, err = format(r)
		return err
	})
	if err != nil || current == indexesFormat {
		return err
	}
	if current > indexesFormat {
		return fmt.Errorf("the store's indexes are in format %d, newer than this version's %d: upgrade Credence", current, indexesFormat)
	}
	reg := s.state.Load().reg
	return s.st.Update(ctx, func(tx store.Tx) error {
		f, err := format(tx)
		if err != nil || f == indexesFormat {
			return err
		}
		for _, name := range reg.Names() {
			c, ok := reg.Collection(name)
			if !ok || c.Name == AuditCollection {
				continue
			}
			if f >= 2 { // the entries are right: only the counts are new
				if err := recount(tx, c); err != nil {
					return fmt.Errorf("count the documents of %s: %w", name, err)
				}
				continue
			}
			if err := rebuildIndexes(tx, c); err != nil {
				return fmt.Errorf("rebuild the indexes of %s: %w", name, err)
			}
		}
		return tx.Put(metaBucket, indexesFormatKey, []byte{indexesFormat})
	})
}

// walkResume says what a list's cursor continues: a walk of the sort
// field's index, a sort in memory, or neither (the first page).
type walkResume int

const (
	walkUnknown walkResume = iota
	walkYes
	walkNo
)

// walkCheck is how many entries of another index's range a first page
// counts before it prefers a walk of the sort field's index: a range of
// fewer candidates is read whole and sorted in memory.
const walkCheck = 1000

// DefaultMaxSortScan is how many documents a list sorted in memory (by a
// field without an index) reads at most before it is refused.
const DefaultMaxSortScan = 50_000

// chooseWalk makes a list sorted by one indexed field (then the id, in the
// same direction) a walk of that field's index, which reads the page and
// stops: within the filter's range of that field when it has one, else
// over the whole index, unless the filter's range of another index holds
// fewer than walkCheck candidates. Other sorts are made in memory, and
// the explain says why.
func (l *lister) chooseWalk(c *schemas.Collection, hidden func(string) bool, resume walkResume) error {
	keys := l.keys
	if len(keys) == 1 {
		return nil // id order
	}
	f := keys[0].field
	switch {
	case len(keys) > 2:
		l.explain.Advice = "a sort by several fields is made in memory: sort by one field with an index"
		return nil
	case f == fieldID || keys[1].desc != keys[0].desc:
		l.explain.Advice = "an index breaks ties by id in the sort's own direction: sort by " + sortSpec(keys[:1])
		return nil
	case !isIndexed(c, f) || hidden(f):
		l.explain.Advice = fmt.Sprintf(`%s has no index: add "x-index": true to it in the schema of %s, or filter on an indexed field`, f, c.Name)
		return nil
	case resume == walkNo:
		return nil
	}
	if l.index != f && l.index != "" && resume == walkUnknown {
		n := l.counted // counted up to planCount >= walkCheck when the plan chose
		if n < 0 {
			var err error
			if n, err = l.countUpTo(walkCheck); err != nil {
				return err
			}
		}
		if n < walkCheck {
			return nil // few candidates: read them all, sort in memory
		}
	}
	if l.index != f {
		// The walk takes the sort field's own range (its comparisons in
		// the filter) or its whole index; an equality of the index it
		// leaves is checked in that index instead, and one of the sort
		// field is its range already.
		oldField, oldEq := l.index, l.indexEq
		if l.replan(f); l.index == "" {
			l.index, l.explain.Index = f, f
			l.indexRng = store.Prefix(appendString(nil, f))
		}
		if i := slices.Index(l.explain.Intersect, f); i >= 0 {
			l.explain.Intersect = slices.Delete(l.explain.Intersect, i, i+1)
			l.also = slices.Delete(l.also, i, i+1)
		}
		if oldEq != nil && !c.IsDate(oldField) {
			l.also = append(l.also, oldEq)
			l.explain.Intersect = append(l.explain.Intersect, oldField)
		}
	}
	l.indexEq = nil
	l.walk = true
	l.explain.Order = "index"
	return nil
}

// countUpTo counts the candidates of the index range, up to n.
func (l *lister) countUpTo(n int) (int, error) {
	count := 0
	err := l.r.Scan(idxBucket(l.coll), l.indexRng, func(k, _ []byte) bool {
		if l.inRange == nil || l.inRange(k) {
			count++
		}
		return count < n
	})
	return count, err
}
