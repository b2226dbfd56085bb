package documents

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/credence/credence/schemas"
	"github.com/credence/credence/store"
)

// SystemCollection is a built-in collection: its name starts with "_" and
// its schema comes with the program, not from _schemas. Its documents share
// the routes, revisions, validation, export and spec of every collection.
// Admins alone read and write them, unless their x-access grants others
// more (the recipients of _messages read their own).
type SystemCollection struct {
	// Name is the collection's name, "_" and a collection name: "_keys".
	Name string
	// Schema is the collection's JSON Schema, with Credence's x- keywords.
	Schema json.RawMessage
	// Check, when set, runs on every write after the schema validated the
	// document; a *Error of KindInvalid refuses the write with a 422.
	Check func(ctx context.Context, doc map[string]any) error
	// ReadOnly collections are written by the service alone (_audit).
	ReadOnly bool
}

// builtinCollections are the system collections of the service itself.
func builtinCollections() []SystemCollection {
	return []SystemCollection{keysCollection(), auditCollection(), reportsCollection()}
}

// systemSet holds the system collections of a Service.
type systemSet struct {
	byName map[string]SystemCollection
	raws   map[string]json.RawMessage
	// virtual are the stored forms of their schemas, as _schemas documents.
	virtual map[string][]byte
}

func newSystemSet(extra []SystemCollection, createdAt string) (*systemSet, error) {
	set := &systemSet{byName: map[string]SystemCollection{}, raws: map[string]json.RawMessage{}, virtual: map[string][]byte{}}
	for _, sc := range append(builtinCollections(), extra...) {
		if !schemas.SystemName(sc.Name) {
			return nil, fmt.Errorf("system collection %q: the name must be _ and a collection name", sc.Name)
		}
		if _, dup := set.byName[sc.Name]; dup {
			return nil, fmt.Errorf("system collection %q is defined twice", sc.Name)
		}
		if _, err := decodeObject(sc.Schema); err != nil {
			return nil, fmt.Errorf("system collection %s: %w", sc.Name, err)
		}
		body, err := orderedContent(sc.Schema) // as written, like a program's schemas
		if err != nil {
			return nil, fmt.Errorf("system collection %s: %w", sc.Name, err)
		}
		set.byName[sc.Name] = sc
		set.raws[sc.Name] = sc.Schema
		set.virtual[sc.Name] = compose(sc.Name, body, meta{rev: 1, createdAt: createdAt, updatedAt: createdAt})
	}
	return set, nil
}

// withSystem adds the system collections' schemas to raws.
func (set *systemSet) withSystem(raws map[string]json.RawMessage) map[string]json.RawMessage {
	for n, r := range set.raws {
		raws[n] = r
	}
	return raws
}

// check runs the collection's own check, if any.
func (set *systemSet) check(ctx context.Context, coll string, fields map[string]any) error {
	sc, ok := set.byName[coll]
	if !ok || sc.Check == nil {
		return nil
	}
	return sc.Check(ctx, fields)
}

// schemasReader is a Reader in which the _schemas bucket also holds the
// built-in schemas of the system collections, so that they read, list and
// filter like the others.
type schemasReader struct {
	store.Reader
	set *systemSet
}

// Get reads a key, built-in schemas first.
func (r schemasReader) Get(bucket string, key []byte) ([]byte, error) {
	if bucket == docsBucket(SchemasCollection) {
		if v, ok := r.set.virtual[string(key)]; ok {
			return bytes.Clone(v), nil
		}
	}
	return r.Reader.Get(bucket, key)
}

// Scan merges the built-in schemas into a scan of _schemas, in key order.
func (r schemasReader) Scan(bucket string, rng store.Range, fn func(k, v []byte) bool) error {
	if bucket != docsBucket(SchemasCollection) {
		return r.Reader.Scan(bucket, rng, fn)
	}
	var keys []string
	for k := range r.set.virtual {
		if (rng.Start == nil || k >= string(rng.Start)) && (rng.End == nil || k < string(rng.End)) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	if rng.Reverse {
		slices.Reverse(keys)
	}
	before := func(k string, stored []byte) bool {
		if rng.Reverse {
			return k > string(stored)
		}
		return k < string(stored)
	}
	stopped := false
	err := r.Reader.Scan(bucket, rng, func(k, v []byte) bool {
		for len(keys) > 0 && before(keys[0], k) {
			if !fn([]byte(keys[0]), r.set.virtual[keys[0]]) {
				stopped = true
				return false
			}
			keys = keys[1:]
		}
		if !fn(k, v) {
			stopped = true
			return false
		}
		return true
	})
	if err != nil || stopped {
		return err
	}
	for _, k := range keys {
		if !fn([]byte(k), r.set.virtual[k]) {
			break
		}
	}
	return nil
}

// reader returns r, seen with the built-in schemas when coll is _schemas.
func (s *Service) reader(r store.Reader, coll string) store.Reader {
	if coll == SchemasCollection {
		return schemasReader{Reader: r, set: s.system}
	}
	return r
}

// isSystem reports whether coll is a system collection other than _schemas.
func isSystem(coll string) bool {
	return strings.HasPrefix(coll, "_") && coll != SchemasCollection
}
