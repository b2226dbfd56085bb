package documents

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/credence/credence/schemas"
	"github.com/credence/credence/store"
)

// maxReported bounds the documents named in a schema-change report.
const maxReported = 20

// SchemaReport tells what a schema change does to the documents stored in
// the collection. A dry run returns it without changing anything.
type SchemaReport struct {
	Collection string `json:"collection"`
	// New is set when the collection does not exist yet.
	New bool `json:"new"`
	// Documents is the number of documents checked.
	Documents int `json:"documents"`
	// InvalidCount is the number that the new schema refuses.
	InvalidCount int `json:"invalidCount"`
	// Invalid names up to 20 of them with their first error.
	Invalid  []InvalidDocument `json:"invalid"`
	Warnings []string          `json:"warnings"`
	// Recomputed is the number of documents whose x-formula fields the
	// change gives new values (written as new revisions).
	Recomputed int `json:"recomputed"`
}

// InvalidDocument is a stored document that a schema would refuse.
type InvalidDocument struct {
	ID      string `json:"id"`
	Path    string `json:"path"`
	Message string `json:"message"`
}

// putSchema defines or replaces the collection name with the schema m.
// written, when given, is the schema as its author wrote it: it is stored
// with its members in that order, so that forms and readers show the
// properties in the author's order.
func (s *Service) putSchema(ctx context.Context, name string, m map[string]any, written []byte, opts WriteOptions, mustCreate bool) (*Document, error) {
	auth, _ := AuthFrom(ctx)
	if !isAdmin(ctx) {
		return nil, forbidden(auth, "change", "collections")
	}
	if schemas.SystemName(name) {
		return nil, errorf(KindForbidden, "%s is a system collection: its schema is built in", name)
	}
	if !schemas.ValidName(name) {
		return nil, fieldError(KindBadRequest, "invalid collection name", "/id", "a collection name must match ^[a-z][a-z0-9_]{0,62}$")
	}
	fields := content(m)
	body, err := encodeContent(fields)
	if err != nil {
		return nil, errorf(KindBadRequest, "cannot encode the schema: %v", err)
	}
	raw := append(append([]byte{'{'}, body...), '}')
	asWritten := body
	if written != nil {
		if asWritten, err = orderedContent(written); err != nil {
			return nil, errorf(KindBadRequest, "cannot encode the schema: %v", err)
		}
	}

	s.schemaMu.Lock()
	defer s.schemaMu.Unlock()
	var doc *Document
	err = s.retry(ctx, func(rs *registryState) error {
		next, coll, err := rs.reg.Put(name, raw)
		if err != nil {
			return asError(err)
		}
		nextState, err := s.newState(next, rs.version+1)
		if err != nil {
			return err
		}
		prev, existed := rs.reg.Collection(name)
		// A changed x-formula applies to the documents already stored:
		// they are computed anew, checked, and written as new revisions.
		var recompute func(r store.Reader) func(string, stored) (map[string]any, error)
		if existed && !slices.Equal(prev.Formulas, coll.Formulas) && len(coll.Formulas) > 0 {
			f := nextState.formulas[name]
			recompute = func(r store.Reader) func(string, stored) (map[string]any, error) {
				ev := s.evaluation(ctx, r, nextState)
				return func(id string, d stored) (map[string]any, error) {
					out, _, _, err := ev.computeStored(coll, f, id, content(d), d, false)
					return out, err
				}
			}
		}
		check := func(r store.Reader, report *SchemaReport) ([]recomputed, error) {
			if recompute == nil {
				return checkDocuments(r, coll, report, nil)
			}
			return checkDocuments(r, coll, report, recompute(r))
		}
		report := &SchemaReport{Collection: name, New: !existed, Warnings: append([]string{}, coll.Warnings...), Invalid: []InvalidDocument{}}
		if opts.DryRun {
			err := s.st.View(ctx, func(r store.Reader) error {
				changed, err := check(r, report)
				report.Recomputed = len(changed)
				return err
			})
			if err != nil {
				return fmt.Errorf("check %s: %w", name, err)
			}
			b, _ := json.Marshal(report)
			doc = &Document{ID: name, JSON: b, Warnings: coll.Warnings}
			return nil
		}
		mode := writeMode{mustCreate: mustCreate, ifMatch: opts.IfMatch, ifNoneMatch: opts.IfNoneMatch}
		err = s.commit(ctx, func(tx store.Tx) error {
			// A store may run this again after a conflict: start afresh.
			report = &SchemaReport{Collection: name, New: !existed, Warnings: append([]string{}, coll.Warnings...), Invalid: []InvalidDocument{}}
			if err := checkVersion(tx, rs.version); err != nil {
				return err
			}
			// Preconditions first: a client with a stale view hears so
			// before it hears about the documents.
			old, exists, err := current(tx, SchemasCollection, name, mode)
			if err != nil {
				return err
			}
			changed, err := check(tx, report)
			if err != nil {
				return err
			}
			report.Recomputed = len(changed)
			if report.InvalidCount > 0 && !opts.Force {
				return &Error{Kind: KindConflict,
					Message: fmt.Sprintf("%d stored documents of %s do not match the new schema; fix them, or replace the schema with ?force=true", report.InvalidCount, name),
					Details: map[string]any{"invalidCount": report.InvalidCount, "invalid": report.Invalid}}
			}
			for _, rc := range changed {
				body, err := encodeContent(rc.fields)
				if err != nil {
					return err
				}
				// The indexes are rebuilt below, from the documents as written.
				if _, err := s.write(tx, auth, nil, name, rc.id, body, rc.fields, rc.old, true, ""); err != nil {
					return err
				}
			}
			if !existed || len(changed) > 0 || !slices.Equal(prev.Indexed, coll.Indexed) || !slices.Equal(prev.Unique, coll.Unique) || !slices.Equal(prev.Counted, coll.Counted) || !slices.Equal(prev.Links, coll.Links) {
				if err := rebuildIndexes(tx, coll); err != nil {
					return err
				}
			}
			doc, err = s.write(tx, auth, nil, SchemasCollection, name, asWritten, fields, old, exists, "")
			if err != nil {
				return err
			}
			return putVersion(tx, rs.version+1)
		})
		if err != nil {
			return err
		}
		doc.Warnings = coll.Warnings
		s.install(nextState)
		return nil
	})
	return doc, err
}

// recomputed is a stored document whose x-formula fields a schema change
// gives new values.
type recomputed struct {
	id     string
	old    stored
	fields map[string]any
}

// checkDocuments validates every document of coll against its (new)
// schema. When recompute is set (the x-formula fields changed), each
// document's formula fields are computed anew first, and the documents
// whose content changes are returned, to be written.
func checkDocuments(r store.Reader, coll *schemas.Collection, report *SchemaReport, recompute func(id string, d stored) (map[string]any, error)) ([]recomputed, error) {
	var changed []recomputed
	invalid := func(id string, ie *Error) {
		report.InvalidCount++
		if len(report.Invalid) < maxReported {
			bad := InvalidDocument{ID: id, Message: ie.Message}
			if len(ie.Errors) > 0 {
				bad.Path, bad.Message = ie.Errors[0].Path, ie.Errors[0].Message
			}
			report.Invalid = append(report.Invalid, bad)
		}
	}
	var derr error
	err := r.Scan(docsBucket(coll.Name), store.Range{}, func(k, v []byte) bool {
		d, err := decodeStored(v)
		if err != nil {
			derr = fmt.Errorf("stored %s/%s: %w", coll.Name, k, err)
			return false
		}
		report.Documents++
		fields := content(d)
		if recompute != nil {
			nf, err := recompute(string(k), d)
			var de *Error
			if errors.As(err, &de) {
				invalid(string(k), de)
				return true
			}
			if err != nil {
				derr = err
				return false
			}
			before, _ := encodeContent(fields)
			after, _ := encodeContent(nf)
			if !bytes.Equal(before, after) {
				changed = append(changed, recomputed{id: string(k), old: d, fields: nf})
			}
			fields = nf
		}
		err = asError(coll.Validate(fields))
		if err == nil {
			err = checkLinks(r, coll, string(k), fields)
		}
		var de *Error
		if errors.As(err, &de) {
			invalid(string(k), de)
		} else if err != nil {
			derr = err
			return false
		}
		return true
	})
	if err != nil {
		return nil, err
	}
	return changed, derr
}

// rebuildIndexes drops and rebuilds the secondary and unique indexes of coll.
func rebuildIndexes(tx store.Tx, coll *schemas.Collection) error {
	if err := tx.DeleteBucket(idxBucket(coll.Name)); err != nil {
		return err
	}
	if err := tx.DeleteBucket(uniqBucket(coll.Name)); err != nil {
		return err
	}
	if err := tx.DeleteBucket(countsBucket(coll.Name)); err != nil {
		return err
	}
	if err := dropLinks(tx, coll.Name); err != nil {
		return err
	}
	type entry struct {
		id     string
		fields map[string]any
		times  times
	}
	// A chunk of documents at a time (a scan must not write), so that a
	// rebuild of a million holds a chunk, not a million.
	const chunk = 10_000
	rng := store.Range{}
	for {
		var entries []entry
		var derr error
		err := tx.Scan(docsBucket(coll.Name), rng, func(k, v []byte) bool {
			d, err := decodeStored(v)
			if err != nil {
				derr = fmt.Errorf("stored %s/%s: %w", coll.Name, k, err)
				return false
			}
			fields := make(map[string]any, len(coll.Indexed)+len(coll.Links))
			for _, f := range coll.Indexed {
				if v, ok := d[f]; ok {
					fields[f] = v
				}
			}
			for _, l := range coll.Links {
				if v, ok := d[l.Field]; ok {
					fields[l.Field] = v
				}
			}
			entries = append(entries, entry{id: string(k), fields: fields, times: timesOf(d)})
			return len(entries) < chunk
		})
		if err != nil {
			return err
		}
		if derr != nil {
			return derr
		}
		t := &tally{Tx: tx} // the chunk's counts, added once
		for _, e := range entries {
			if err := updateIndexes(t, coll, e.id, nil, e.fields, e.times); err != nil {
				var de *Error
				if errors.As(err, &de) && de.Kind == KindConflict {
					de.Message = fmt.Sprintf("stored documents share a value of a unique field (document %q)", e.id)
				}
				return err
			}
		}
		if err := t.flush(); err != nil {
			return err
		}
		if len(entries) < chunk {
			return nil
		}
		rng.Start = store.After([]byte(entries[len(entries)-1].id))
	}
}

func putVersion(tx store.Tx, v uint64) error {
	return tx.Put(metaBucket, versionKey, binary.BigEndian.AppendUint64(nil, v))
}

// deleteSchema deletes the collection name. A collection that holds
// documents is deleted, with them, only when opts.Force is set.
func (s *Service) deleteSchema(ctx context.Context, name string, opts WriteOptions) error {
	auth, _ := AuthFrom(ctx)
	if !isAdmin(ctx) {
		return forbidden(auth, "delete", "collections")
	}
	if schemas.SystemName(name) {
		return errorf(KindForbidden, "%s is a system collection: it cannot be deleted", name)
	}
	s.schemaMu.Lock()
	defer s.schemaMu.Unlock()
	return s.retry(ctx, func(rs *registryState) error {
		if _, err := rs.collection(name); err != nil {
			return err
		}
		next, err := rs.reg.Delete(name)
		if err != nil {
			return asError(err)
		}
		nextState, err := s.newState(next, rs.version+1)
		if err != nil {
			return err
		}
		err = s.commit(ctx, func(tx store.Tx) error {
			if err := checkVersion(tx, rs.version); err != nil {
				return err
			}
			if !opts.Force {
				n := 0
				if err := tx.Scan(docsBucket(name), store.Range{}, func(_, _ []byte) bool { n++; return true }); err != nil {
					return err
				}
				if n > 0 {
					return &Error{Kind: KindConflict, Details: map[string]any{"documents": n},
						Message: fmt.Sprintf("collection %s holds %d documents; delete them first, or delete the collection with ?force=true", name, n)}
				}
			}
			if err := s.deleteDoc(tx, &auth, nil, SchemasCollection, name, opts.IfMatch); err != nil {
				return err
			}
			if err := dropLinks(tx, name); err != nil {
				return err
			}
			for _, b := range []string{docsBucket(name), revsBucket(name), idxBucket(name), uniqBucket(name), countsBucket(name)} {
				if err := tx.DeleteBucket(b); err != nil {
					return err
				}
			}
			return putVersion(tx, rs.version+1)
		})
		if err != nil {
			return err
		}
		s.install(nextState)
		return nil
	})
}
