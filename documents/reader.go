package documents

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/credence/credence/expressions"
	"github.com/credence/credence/store"
)

// storeReader is what formulas read (get, find, count): documents of any
// collection, inside the transaction of the request that runs them. Its
// budget counts every document it reads in one run, matching or not, so
// that a find without an index over a large collection is bounded too.
type storeReader struct {
	r      store.Reader
	rs     *registryState
	budget *readBudget
	// ev is the request whose formulas read, nil for internal callers:
	// system collections are read as its caller may read them.
	ev *evaluation
}

// readBudget is the number of documents a run may still read.
type readBudget struct{ left int }

// take spends one read of coll.
func (b *readBudget) take(coll string) error {
	if b == nil {
		return nil
	}
	if b.left == 0 {
		return fmt.Errorf("%w: reading %s went past the bound (an x-index on the fields matched reads only the matches)", expressions.ErrReadLimit, coll)
	}
	b.left--
	return nil
}

var _ expressions.Reader = storeReader{}

// errBlind refuses the reads of a blind formula.
var errBlind = errors.New("a filter may read other documents (get, find, count) only for editors and admins")

// blindReader is the reader of formulas that may not read other documents.
type blindReader struct{}

func (blindReader) Get(context.Context, string, string) (map[string]any, error) { return nil, errBlind }
func (blindReader) Find(context.Context, string, map[string]any, int) ([]map[string]any, error) {
	return nil, errBlind
}
func (blindReader) Count(context.Context, string, map[string]any, int) (int, error) {
	return 0, errBlind
}

func (sr storeReader) Get(_ context.Context, coll, id string) (map[string]any, error) {
	v, err := sr.view(coll)
	if err != nil {
		return nil, err
	}
	if err := sr.budget.take(coll); err != nil {
		return nil, err
	}
	raw, err := sr.r.Get(docsBucket(coll), []byte(id))
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return sr.value(coll, v, raw)
}

// view is what the formula's caller may see of a system collection (nil:
// everything): formulas read _messages, _keys or _audit only as their
// caller could read them over HTTP. The program's collections are read
// whole, as the rules of the program need (an exam's answer key to score
// an attempt); filters that could probe them are blind.
func (sr storeReader) view(coll string) (*view, error) {
	if !sr.rs.exists(coll) {
		return nil, fmt.Errorf("no collection named %q", coll)
	}
	if sr.ev == nil || coll != SchemasCollection && !isSystem(coll) || isAdmin(sr.ev.ctx) {
		return nil, nil
	}
	v, err := sr.ev.s.view(sr.ev.ctx, sr.rs, coll, "read", false)
	if err != nil {
		a, _ := AuthFrom(sr.ev.ctx)
		return nil, fmt.Errorf("formulas run for the role %q may not read %s", a.Role, coll)
	}
	return v, nil
}

// value is a stored document as formulas see it, nil when v hides it: never
// with its x-secret fields, nor with the fields v hides.
func (sr storeReader) value(coll string, v *view, raw []byte) (map[string]any, error) {
	if v != nil {
		ok, err := v.admitRaw(sr.ev, raw)
		if err != nil || !ok {
			return nil, err
		}
		if raw, _, err = v.strip(sr.ev, raw, nil); err != nil {
			return nil, err
		}
	}
	d, err := decodeStored(raw)
	if err != nil {
		return nil, err
	}
	c, _ := sr.rs.reg.Collection(coll)
	if c != nil {
		for _, f := range c.Secrets {
			delete(d, f)
		}
	}
	delete(d, fieldSecrets)
	return formulaValue(c, d), nil
}

func (sr storeReader) Find(ctx context.Context, coll string, match map[string]any, limit int) ([]map[string]any, error) {
	var out []map[string]any
	err := sr.each(ctx, coll, match, func(d map[string]any) bool {
		out = append(out, d)
		return len(out) < limit
	})
	return out, err
}

func (sr storeReader) Count(ctx context.Context, coll string, match map[string]any, limit int) (int, error) {
	n := 0
	err := sr.each(ctx, coll, match, func(map[string]any) bool {
		n++
		return n < limit
	})
	return n, err
}

// KeptCount answers count(coll, match) from the counts kept as documents
// are written (see counts.go), reading one key, when it can: a collection
// formulas read whole (not a system collection read through the caller's
// view, not _schemas, whose built-in schemas are not stored, nor the audit
// log, which keeps no counts), matched on nothing or on one counted field
// with a scalar value. ok is false when it cannot; Count then reads.
func (sr storeReader) KeptCount(_ context.Context, coll string, match map[string]any) (n int, ok bool, err error) {
	if len(match) > 1 || coll == SchemasCollection || coll == AuditCollection {
		return 0, false, nil
	}
	v, err := sr.view(coll)
	if err != nil || v != nil {
		return 0, false, err
	}
	c, found := sr.rs.reg.Collection(coll)
	if !found {
		return 0, false, nil
	}
	key := totalKey
	for f, want := range match {
		if !c.IsCounted(f) || c.IsSecret(f) {
			return 0, false, nil
		}
		j, err := expressions.ToJSON(want)
		if err != nil {
			return 0, false, err
		}
		if key, ok = indexKey(f, j, ""); !ok {
			return 0, false, nil // a list or an object: only documents tell
		}
	}
	n, err = readCount(sr.r, coll, key)
	return n, err == nil, err
}

// each calls fn for the documents of coll whose top-level fields equal
// match, until fn returns false. An equality on an x-index field is served
// from the index, which reads only the documents that match; else the
// collection is read whole. Each document read spends the run's budget.
func (sr storeReader) each(ctx context.Context, coll string, match map[string]any, fn func(map[string]any) bool) error {
	read := func() error { return sr.budget.take(coll) }
	v, err := sr.view(coll)
	if err != nil {
		return err
	}
	c, _ := sr.rs.reg.Collection(coll)
	for k := range match {
		if c != nil && c.IsSecret(k) || v != nil && v.hides(k) {
			return fmt.Errorf("%s.%s cannot be matched: its value is not readable", coll, k)
		}
	}
	matches := func(d map[string]any) bool {
		if d == nil {
			return false // hidden from the caller
		}
		for k, want := range match {
			if !equalValues(d[k], want) {
				return false
			}
		}
		return true
	}
	if c != nil {
		for _, f := range c.Indexed {
			want, ok := match[f]
			if !ok {
				continue
			}
			j, err := expressions.ToJSON(want)
			if err != nil {
				return err
			}
			prefix, ok := indexPrefix(f, j)
			if !ok {
				break
			}
			var ids [][]byte
			err = sr.r.Scan(idxBucket(coll), store.Prefix(prefix), func(_, v []byte) bool {
				ids = append(ids, slices.Clone(v))
				return true
			})
			if err != nil {
				return err
			}
			for _, id := range ids {
				if err := ctx.Err(); err != nil {
					return err
				}
				if err := read(); err != nil {
					return err
				}
				raw, err := sr.r.Get(docsBucket(coll), id)
				if errors.Is(err, store.ErrNotFound) {
					continue
				}
				if err != nil {
					return err
				}
				d, err := sr.value(coll, v, raw)
				if err != nil {
					return err
				}
				if matches(d) && !fn(d) {
					return nil
				}
			}
			return nil
		}
	}
	var ferr error
	err = sr.r.Scan(docsBucket(coll), store.Range{}, func(_, raw []byte) bool {
		if ferr = ctx.Err(); ferr != nil {
			return false
		}
		if ferr = read(); ferr != nil {
			return false
		}
		d, err := sr.value(coll, v, raw)
		if err != nil {
			ferr = err
			return false
		}
		return !matches(d) || fn(d)
	})
	if err != nil {
		return err
	}
	return ferr
}

// equalValues compares formula values, numbers by value whatever their
// Go type.
func equalValues(a, b any) bool {
	fa, aNum := number(a)
	fb, bNum := number(b)
	if aNum || bNum {
		return aNum && bNum && fa == fb
	}
	switch a.(type) {
	case map[string]any, []any:
		return false
	}
	switch b.(type) {
	case map[string]any, []any:
		return false
	}
	return a == b
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}

// Reader returns what get, find and count read in formulas run outside a
// request, such as automations': each call reads a consistent snapshot of
// its own, and the reader's calls together read at most the documents one
// formula run may (Limits.MaxReads). Use one Reader per formula run.
func (s *Service) Reader() expressions.Reader {
	maxReads := s.limits.MaxReads
	if maxReads == 0 {
		maxReads = expressions.DefaultLimits().MaxReads
	}
	return viewReader{s: s, budget: &readBudget{left: maxReads}}
}

// viewReader is a storeReader whose calls each run in a read transaction.
type viewReader struct {
	s      *Service
	budget *readBudget
}

func (vr viewReader) with(ctx context.Context, fn func(storeReader) error) error {
	rs := vr.s.state.Load()
	return vr.s.st.View(ctx, func(r store.Reader) error {
		return fn(storeReader{r: r, rs: rs, budget: vr.budget})
	})
}

func (vr viewReader) Get(ctx context.Context, coll, id string) (out map[string]any, err error) {
	err = vr.with(ctx, func(sr storeReader) error { out, err = sr.Get(ctx, coll, id); return err })
	return out, err
}

func (vr viewReader) Find(ctx context.Context, coll string, match map[string]any, limit int) (out []map[string]any, err error) {
	err = vr.with(ctx, func(sr storeReader) error { out, err = sr.Find(ctx, coll, match, limit); return err })
	return out, err
}

func (vr viewReader) Count(ctx context.Context, coll string, match map[string]any, limit int) (n int, err error) {
	err = vr.with(ctx, func(sr storeReader) error { n, err = sr.Count(ctx, coll, match, limit); return err })
	return n, err
}

// KeptCount is storeReader's, in a snapshot of its own.
func (vr viewReader) KeptCount(ctx context.Context, coll string, match map[string]any) (n int, ok bool, err error) {
	err = vr.with(ctx, func(sr storeReader) error { n, ok, err = sr.KeptCount(ctx, coll, match); return err })
	return n, ok, err
}
