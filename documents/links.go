package documents

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"slices"

	"github.com/credence/credence/schemas"
	"github.com/credence/credence/store"
)

// checkLinks checks, inside the write's transaction, that every x-ref of
// the content points at a document that exists: a 422 lists the missing
// ones by JSON Pointer. A document may refer to itself.
func checkLinks(r store.Reader, c *schemas.Collection, id string, fields map[string]any) error {
	var missing []FieldError
	check := func(path, target string, v any) error {
		ref, ok := v.(string)
		if !ok || target == c.Name && ref == id {
			return nil // not a reference (null, where the schema allows it), or itself
		}
		_, err := r.Get(docsBucket(target), []byte(ref))
		if errors.Is(err, store.ErrNotFound) {
			missing = append(missing, FieldError{Path: path, Message: fmt.Sprintf("refers to %q in %s, which does not exist", ref, target)})
			return nil
		}
		return err
	}
	for _, l := range c.Links {
		v, ok := fields[l.Field]
		if !ok {
			continue
		}
		path := "/" + pointerToken(l.Field)
		if !l.Many {
			if err := check(path, l.Target, v); err != nil {
				return err
			}
			continue
		}
		list, _ := v.([]any)
		for i, e := range list {
			if err := check(fmt.Sprintf("%s/%d", path, i), l.Target, e); err != nil {
				return err
			}
		}
	}
	if len(missing) > 0 {
		return &Error{Kind: KindInvalid, Message: "the document refers to documents that do not exist", Errors: missing}
	}
	return nil
}

// The reverse-reference index: for every reference, an entry in refsBucket
// keyed (target collection, target id, source collection, source id,
// field), so that deleting a document finds who refers to it without a
// scan; and the same entry, keyed from the source side, in the source
// collection's links bucket, so that its entries can be dropped and
// rebuilt when its schema changes.
const refsBucket = "refs"

func linksBucket(c string) string { return "links/" + c }

// linkKeys returns the reverse and forward keys of one reference.
func linkKeys(target, targetID, source, sourceID, field string) (rev, fwd []byte) {
	for _, s := range []string{target, targetID, source, sourceID, field} {
		rev = appendString(rev, s)
	}
	for _, s := range []string{sourceID, field, target, targetID} {
		fwd = appendString(fwd, s)
	}
	return rev, fwd
}

// linkTargets lists the ids a document refers to through l.
func linkTargets(l schemas.Link, fields map[string]any) []string {
	v, ok := fields[l.Field]
	if !ok {
		return nil
	}
	if !l.Many {
		if s, ok := v.(string); ok {
			return []string{s}
		}
		return nil
	}
	var out []string
	list, _ := v.([]any)
	for _, e := range list {
		if s, ok := e.(string); ok && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// updateLinks moves the reference entries of id from the old document (nil
// on create) to the new fields (nil on delete).
func updateLinks(tx store.Tx, c *schemas.Collection, id string, old stored, fields map[string]any) error {
	for _, l := range c.Links {
		before, after := linkTargets(l, old), linkTargets(l, fields)
		for _, t := range before {
			if !slices.Contains(after, t) {
				rev, fwd := linkKeys(l.Target, t, c.Name, id, l.Field)
				if err := tx.Delete(refsBucket, rev); err != nil {
					return err
				}
				if err := tx.Delete(linksBucket(c.Name), fwd); err != nil {
					return err
				}
			}
		}
		for _, t := range after {
			if !slices.Contains(before, t) {
				rev, fwd := linkKeys(l.Target, t, c.Name, id, l.Field)
				if err := tx.Put(refsBucket, rev, []byte{}); err != nil {
					return err
				}
				if err := tx.Put(linksBucket(c.Name), fwd, rev); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// dropLinks removes every reference entry whose source is the collection
// coll, before a rebuild or when the collection is deleted.
func dropLinks(tx store.Tx, coll string) error {
	var revs [][]byte
	err := tx.Scan(linksBucket(coll), store.Range{}, func(_, v []byte) bool {
		revs = append(revs, slices.Clone(v))
		return true
	})
	if err != nil {
		return err
	}
	for _, rev := range revs {
		if err := tx.Delete(refsBucket, rev); err != nil {
			return err
		}
	}
	return tx.DeleteBucket(linksBucket(coll))
}

// referrer is a document that refers to another, through field.
type referrer struct {
	Collection string `json:"collection"`
	ID         string `json:"id"`
	Field      string `json:"field"`
}

// referrers lists who refers to coll/id, reading the reverse index.
func referrers(r store.Reader, coll, id string) ([]referrer, error) {
	prefix := appendString(appendString(nil, coll), id)
	var out []referrer
	var derr error
	err := r.Scan(refsBucket, store.Prefix(prefix), func(k, _ []byte) bool {
		parts, ok := splitStrings(k[len(prefix):])
		if !ok || len(parts) != 3 {
			derr = fmt.Errorf("corrupt reference entry %q", k)
			return false
		}
		out = append(out, referrer{Collection: parts[0], ID: parts[1], Field: parts[2]})
		return true
	})
	if err != nil {
		return nil, err
	}
	return out, derr
}

// splitStrings decodes a key made of appendString elements.
func splitStrings(b []byte) ([]string, bool) {
	var out []string
	for len(b) > 0 {
		if b[0] != tagString {
			return nil, false
		}
		b = b[1:]
		var s []byte
		for {
			if len(b) == 0 {
				return nil, false
			}
			if b[0] == 0 {
				if len(b) > 1 && b[1] == 0xff {
					s = append(s, 0)
					b = b[2:]
					continue
				}
				b = b[1:]
				break
			}
			s = append(s, b[0])
			b = b[1:]
		}
		out = append(out, string(s))
	}
	return out, true
}

// remove deletes coll/id inside tx after applying the x-on-delete policy of
// every reference to it: restrict (a 409 naming up to 20 referrers),
// cascade (the referrer is removed too, recursively) or set-null (the
// reference is taken out of the referrer, as a new revision). seen ends
// cycles of cascades. A document referring to itself does not hold itself.
func (s *Service) remove(tx store.Tx, a Auth, rs *registryState, coll, id, ifMatch string, seen map[string]bool) error {
	if seen[coll+"/"+id] {
		return nil
	}
	seen[coll+"/"+id] = true
	refs, err := referrers(tx, coll, id)
	if err != nil {
		return err
	}
	var blocking []referrer
	for _, rf := range refs {
		if rf.Collection == coll && rf.ID == id {
			continue
		}
		src, ok := rs.reg.Collection(rf.Collection)
		if !ok {
			continue
		}
		policy := "restrict"
		for _, l := range src.Links {
			if l.Field == rf.Field && l.Target == coll {
				policy = l.OnDelete
			}
		}
		switch policy {
		case "cascade":
			if err := s.remove(tx, a, rs, rf.Collection, rf.ID, "", seen); err != nil && KindOf(err) != KindNotFound {
				return err
			}
		case "set-null":
			if err := s.unlink(tx, a, src, rf.ID, rf.Field, id); err != nil {
				return err
			}
		default:
			blocking = append(blocking, rf)
		}
	}
	if len(blocking) > 0 {
		return &Error{Kind: KindConflict,
			Message: fmt.Sprintf("%s %q is referred to by %d documents; delete or change them first", coll, id, len(blocking)),
			Details: map[string]any{"referrers": blocking[:min(len(blocking), maxReported)]}}
	}
	c, _ := rs.reg.Collection(coll)
	return s.deleteDoc(tx, &a, c, coll, id, ifMatch)
}

// unlink takes the reference to target out of field of the document id of
// src: a single reference is removed, an array loses the items. It is
// written as a new revision, not validated again (a required reference
// that a set-null policy removes is the schema's choice).
func (s *Service) unlink(tx store.Tx, a Auth, src *schemas.Collection, id, field, target string) error {
	raw, err := tx.Get(docsBucket(src.Name), []byte(id))
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	old, err := decodeStored(raw)
	if err != nil {
		return fmt.Errorf("stored %s/%s: %w", src.Name, id, err)
	}
	fields := content(old)
	switch v := fields[field].(type) {
	case []any:
		fields[field] = slices.DeleteFunc(slices.Clone(v), func(e any) bool { return e == target })
	default:
		delete(fields, field)
	}
	body, err := encodeContent(fields)
	if err != nil {
		return err
	}
	_, err = s.write(tx, a, src, src.Name, id, body, fields, old, true, "")
	return err
}

// Referrer is a document that refers to another one.
type Referrer struct {
	Collection string `json:"collection"`
	ID         string `json:"id"`
	// Path is the JSON Pointer of the referring property.
	Path string `json:"path"`
}

// ReferrerPage is one page of the referrers of a document.
type ReferrerPage struct {
	Items []Referrer `json:"items"`
	Next  string     `json:"nextCursor,omitempty"`
}

// Referrers lists who refers to coll/id, from the reverse-reference index.
func (s *Service) Referrers(ctx context.Context, coll, id string, opts ListOptions) (*ReferrerPage, error) {
	rs, err := s.registryFor(ctx, coll)
	if err != nil {
		return nil, err
	}
	v, err := s.view(ctx, rs, coll, "read", opts.Preview)
	if err != nil {
		return nil, err
	}
	limit, err := pageLimit(opts.Limit)
	if err != nil {
		return nil, err
	}
	prefix := appendString(appendString(nil, coll), id)
	rng := store.Prefix(prefix)
	if opts.Cursor != "" {
		after, err := base64.RawURLEncoding.DecodeString(opts.Cursor)
		if err != nil {
			return nil, errorf(KindBadRequest, "cursor: not a cursor returned by this list")
		}
		rng.Start = store.After(append(slices.Clone(prefix), after...))
	}
	page := &ReferrerPage{Items: []Referrer{}}
	exists := false
	err = s.st.View(ctx, func(r store.Reader) error {
		ev := s.evaluation(ctx, r, rs)
		if err := s.admitStored(r, ev, v, id); err != nil {
			return err
		}
		if _, err := r.Get(docsBucket(coll), []byte(id)); err == nil {
			exists = true
		} else if !errors.Is(err, store.ErrNotFound) {
			return err
		}
		// Referrers the caller may not see are skipped before the page
		// is cut: neither the page nor its cursor tells of them.
		views := map[string]*view{}
		visible := func(coll, id string) (bool, error) {
			rv, ok := views[coll]
			if !ok {
				var err error
				rv, err = s.view(ctx, rs, coll, "read", opts.Preview)
				if KindOf(err) == KindForbidden || KindOf(err) == KindNotFound {
					rv, err = nil, nil
				}
				if err != nil {
					return false, err
				}
				views[coll] = rv
			}
			if rv == nil {
				return false, nil
			}
			err := s.admitStored(r, ev, rv, id)
			if KindOf(err) == KindNotFound {
				return false, nil
			}
			return err == nil, err
		}
		var derr error
		var last []byte
		err := r.Scan(refsBucket, rng, func(k, _ []byte) bool {
			if len(page.Items) == limit {
				page.Next = base64.RawURLEncoding.EncodeToString(last)
				return false
			}
			parts, ok := splitStrings(k[len(prefix):])
			if !ok || len(parts) != 3 {
				derr = fmt.Errorf("corrupt reference entry %q", k)
				return false
			}
			ok, err := visible(parts[0], parts[1])
			if err != nil {
				derr = err
				return false
			}
			if !ok {
				return true
			}
			page.Items = append(page.Items, Referrer{Collection: parts[0], ID: parts[1], Path: "/" + pointerToken(parts[2])})
			last = append(last[:0], k[len(prefix):]...)
			return true
		})
		if err != nil {
			return err
		}
		return derr
	})
	if err != nil {
		return nil, fmt.Errorf("referrers of %s/%s: %w", coll, id, err)
	}
	if !exists {
		return nil, errorf(KindNotFound, "no document %q in %s", id, coll)
	}
	return page, nil
}
