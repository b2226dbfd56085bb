package documents

import (
	"bytes"
	"container/heap"
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/credence/credence/expressions"
	"github.com/credence/credence/schemas"
	"github.com/credence/credence/store"
)

// Limits of a list page.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
	maxSortKeys  = 8
)

// ReadOptions shape a read.
type ReadOptions struct {
	// Fields, when set, limits the answer to these top-level fields (id is
	// always included).
	Fields []string
	// IfNoneMatch is the If-None-Match header; a match is a KindNotModified error.
	IfNoneMatch string
	// Expand lists the references to resolve: "level", "exams.questions",
	// or "*" for every reference one level deep.
	Expand []string
	// ExpandDepth bounds how deep expand paths go: DefaultExpandDepth
	// when 0, at most MaxExpandDepth.
	ExpandDepth int
	// Preview admits drafts of collections with x-publish (editors and
	// admins only).
	Preview bool
}

// ListOptions shape a list.
type ListOptions struct {
	// Sort is a comma-separated list of top-level fields, each optionally
	// prefixed by "-" for descending order: "-score,title". Default "id".
	Sort string
	// Limit is the page size: DefaultLimit when 0, at most MaxLimit.
	Limit int
	// Cursor continues from the page that returned it.
	Cursor string
	// Fields, as in ReadOptions.
	Fields []string
	// Filter is a formula that each listed document satisfies, with its
	// top-level fields in scope by name: `level == "pro" && score >= 80`.
	Filter string
	// Explain asks the page to tell how it was found (editors and admins).
	Explain bool
	// At is the now of the filter and of the comparisons with now that
	// choose candidates from an index; the service's clock when zero.
	At time.Time
	// Narrow, for callers in the process (not settable over HTTP), is a
	// Bool formula whose comparisons of an x-index field with a constant or
	// with now choose the candidates from the index, as a filter's do. It
	// is not run: documents it would refuse may still be listed, and the
	// caller runs it (an automation's schedule, which logs a formula's
	// failure on one document rather than failing the whole list).
	Narrow *expressions.Program
	// IndexOrder, for callers in the process that read every page and need
	// no order (an automation's schedule), lets the pages follow the x-index
	// whose range chooses the candidates, by value and then id, with cursors
	// that resume inside the range: a pass over a range of n entries reads
	// each once, where id order reads the whole range again for every page.
	// When no range of an index serves the list, the order is id as usual.
	// It goes with the default sort only.
	IndexOrder bool
	// Expand, ExpandDepth and Preview, as in ReadOptions.
	Expand      []string
	ExpandDepth int
	Preview     bool

	// each, set by the service's own readers of whole lists (aggregates),
	// takes every document the list holds, as the caller sees it, in the
	// list's one read transaction: no page is made.
	each func(raw []byte) error
}

// Page is one page of a list.
type Page struct {
	// Items are the documents' JSON encodings, in order.
	Items [][]byte
	// Next is the cursor of the next page, empty on the last page.
	Next string
	// Explain tells how the page was found, when asked.
	Explain *Explain
}

// Explain tells how a list page was found.
type Explain struct {
	// Index is the x-index field that chose the candidates, or "" for a
	// scan of the whole collection.
	Index string `json:"index"`
	// Examined counts the documents read to make the page.
	Examined int `json:"examined"`
	// Matched counts those that passed the filter.
	Matched int `json:"matched"`
	// Intersect lists the other x-index fields whose equalities were
	// checked in their index before a candidate was read.
	Intersect []string `json:"intersect,omitempty"`
	// Order tells how the page was put in order: "id" (the documents'
	// own order), "index" (a walk of the sort field's index, which stops
	// after the page) or "memory" (every candidate read, the best kept);
	// for a count, "index" (an index's keys counted) or "counts" (the
	// counts kept as documents are written read, a key per group).
	Order string `json:"order"`
	// Advice, for an order in memory, says what would make the list cheap.
	Advice string `json:"advice,omitempty"`
}

type sortKey struct {
	field string
	desc  bool
}

func parseSort(spec string) ([]sortKey, error) {
	var keys []sortKey
	if spec != "" {
		for _, part := range strings.Split(spec, ",") {
			part = strings.TrimSpace(part)
			k := sortKey{field: part}
			if rest, ok := strings.CutPrefix(part, "-"); ok {
				k = sortKey{field: rest, desc: true}
			} else if rest, ok := strings.CutPrefix(part, "+"); ok {
				k.field = rest
			}
			if k.field == "" {
				return nil, errorf(KindBadRequest, "sort: empty field name in %q", spec)
			}
			keys = append(keys, k)
		}
	}
	if len(keys) > maxSortKeys {
		return nil, errorf(KindBadRequest, "sort: at most %d fields", maxSortKeys)
	}
	// The id breaks ties, in the direction of the first field: -score is
	// -score,-id, the reverse of score,id, as a walk of score's index
	// backwards gives it.
	if len(keys) == 0 || keys[len(keys)-1].field != fieldID {
		keys = append(keys, sortKey{field: fieldID, desc: len(keys) > 0 && keys[0].desc})
	}
	return keys, nil
}

func sortSpec(keys []sortKey) string {
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k.field
		if k.desc {
			parts[i] = "-" + k.field
		}
	}
	return strings.Join(parts, ",")
}

// cursor is the position after the last item of a page: the sort values of
// that item, tied to the sort it was made for.
type cursor struct {
	Sort   string `json:"s"`
	Values []any  `json:"v,omitempty"`
	// Key, in a cursor of a list in index order, is the index entry of
	// that item; Sort is then indexSort of the index's field.
	Key []byte `json:"k,omitempty"`
}

// indexSort is the Sort of the cursors of a list in the order of the index
// on field: no sort spec, which always ends with the id, takes this form.
func indexSort(field string) string { return "@index " + field }

func encodeCursor(c cursor) string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s string, keys []sortKey) ([]any, error) {
	c, err := readCursor(s)
	if err != nil {
		return nil, err
	}
	if len(c.Values) != len(keys) || c.Key != nil {
		return nil, errorf(KindBadRequest, "cursor: not a cursor returned by this list")
	}
	if c.Sort != sortSpec(keys) {
		return nil, errorf(KindBadRequest, "cursor: made for sort %q, not %q", c.Sort, sortSpec(keys))
	}
	if _, ok := c.Values[len(c.Values)-1].(string); !ok {
		return nil, errorf(KindBadRequest, "cursor: not a cursor returned by this list")
	}
	return c.Values, nil
}

// readCursor decodes a cursor, of either kind.
func readCursor(s string) (cursor, error) {
	bad := errorf(KindBadRequest, "cursor: not a cursor returned by this list")
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return cursor{}, bad
	}
	var c cursor
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	if err := d.Decode(&c); err != nil {
		return cursor{}, bad
	}
	return c, nil
}

// List returns one page of a collection: the documents ctx's caller may
// see, as it may see them. Documents it may not see are skipped before the
// page is cut, so neither the page nor its cursor reveals them.
func (s *Service) List(ctx context.Context, coll string, opts ListOptions) (*Page, error) {
	rs, err := s.registryFor(ctx, coll)
	if err != nil {
		return nil, err
	}
	v, err := s.view(ctx, rs, coll, "list", opts.Preview)
	if err != nil {
		return nil, err
	}
	limit, err := pageLimit(opts.Limit)
	if err != nil {
		return nil, err
	}
	keys, err := parseSort(opts.Sort)
	if err != nil {
		return nil, err
	}
	for _, k := range keys {
		if v.hides(k.field) {
			return nil, errorf(KindBadRequest, "sort: %s is private", k.field)
		}
	}
	if opts.IndexOrder && (len(keys) != 1 || keys[0].desc) {
		return nil, errorf(KindBadRequest, "sort: a list in index order has the default sort")
	}
	var after []any
	var afterIndex cursor // a cursor of a list in index order, or of a walk
	if opts.Cursor != "" {
		if afterIndex, err = readCursor(opts.Cursor); err != nil {
			return nil, err
		}
		if afterIndex.Key == nil {
			if after, err = decodeCursor(opts.Cursor, keys); err != nil {
				return nil, err
			}
		}
	}
	c, _ := rs.reg.Collection(coll) // nil for _schemas
	var filter *expressions.Program
	if opts.Filter != "" {
		props := []string{fieldID}
		if c != nil {
			props = append(props, c.Properties...)
		}
		filter, err = s.cache.Compile(opts.Filter, expressions.Options{Mode: expressions.Bool, Fields: props})
		if err != nil {
			fe := formulaError("", err)
			return nil, &Error{Kind: KindBadRequest, Message: "the filter does not hold: " + fe.Message,
				Errors: []FieldError{{Path: "", Message: fe.Message}}, Details: positionOf(err)}
		}
	}
	var page *Page
	err = s.st.View(ctx, func(r store.Reader) error {
		r = s.reader(r, coll)
		ev := s.evaluation(ctx, r, rs)
		l := &lister{r: r, coll: coll, keys: keys, after: after, limit: limit, explain: &Explain{}, stop: ev.expired, maxSorted: s.maxSorted}
		var matchFilter func(d stored) (bool, error)
		fev := s.evaluation(ctx, r, rs)
		if !opts.At.IsZero() {
			ev.now, fev.now = opts.At, opts.At
		}
		fev.blind = !v.open || len(v.private) > 0 || v.audience != nil
		if filter != nil {
			matchFilter = func(d stored) (bool, error) {
				if len(v.private) > 0 {
					// The filter sees what the caller sees, so that it
					// cannot probe a private field.
					raw, err := recompose(d)
					if err != nil {
						return false, err
					}
					if raw, _, err = v.present(ev, raw); err != nil {
						return false, err
					}
					if d, err = decodeStored(raw); err != nil {
						return false, err
					}
				}
				fv := formulaValue(c, content(d))
				fv[fieldID] = d.str(fieldID)
				res, err := fev.run(filter, fv, nil, d.str(fieldID))
				if err != nil {
					if stop := fev.expired(); stop != nil {
						return false, stop // the list's time is up, not this document's
					}
					// The filter is a parameter of the request: its failure is a 400.
					fe := formulaRunError("", "the filter", err)
					fe.Kind, fe.Details = KindBadRequest, positionOf(err)
					return false, fe
				}
				return res == true, nil
			}
		}
		if c != nil {
			cs := conjuncts(filter, v.equal)
			if opts.Narrow != nil {
				more, _ := opts.Narrow.Conjuncts()
				cs = append(cs, more...)
			}
			l.plan(c, atTime(cs, ev.now), v.hides)
			if opts.each == nil && !opts.IndexOrder {
				// A cursor made by a walk continues the walk, and one made
				// by a sort in memory continues that: a page's plan does
				// not change under a reader between pages.
				resume := walkUnknown
				switch {
				case afterIndex.Key != nil:
					resume = walkYes
				case after != nil:
					resume = walkNo
				}
				if err := l.chooseWalk(c, v.hides, resume); err != nil {
					return err
				}
			}
			if matchFilter != nil && len(v.private) == 0 && filterServed(filter, l, c) {
				matchFilter = nil // every candidate the index gives holds it
			}
		}
		if opts.IndexOrder && l.index != "" && l.indexEq == nil {
			l.byIndex = true
		}
		// A cursor made under another plan (the schema changed between
		// pages) does not say where this one resumes.
		switch {
		case afterIndex.Key != nil && l.byIndex && afterIndex.Sort == indexSort(l.index),
			afterIndex.Key != nil && l.walk && afterIndex.Sort == sortSpec(keys) && bytes.HasPrefix(afterIndex.Key, appendString(nil, l.index)):
			l.afterKey = afterIndex.Key
		case afterIndex.Key != nil, after != nil && (l.byIndex || l.walk):
			return errorf(KindBadRequest, "cursor: made for another plan of this list; list again from the start")
		}
		if matchFilter == nil && v.filters() {
			l.match = func(raw []byte) (bool, error) { return v.admitRaw(ev, raw) }
		} else if matchFilter != nil || v.filters() {
			l.match = func(raw []byte) (bool, error) {
				d, err := decodeStored(raw)
				if err != nil {
					return false, err
				}
				if v.filters() {
					if ok, err := v.admit(ev, d); err != nil || !ok {
						return false, err
					}
				}
				if matchFilter == nil {
					return true, nil
				}
				return matchFilter(d)
			}
		}
		if opts.each != nil {
			page = &Page{Explain: l.explain}
			return l.all(func(raw []byte) error {
				if !v.plain() {
					var err error
					if raw, _, err = v.present(ev, raw); err != nil {
						return err
					}
				}
				return opts.each(raw)
			})
		}
		if page, err = l.page(); err != nil {
			return err
		}
		if !v.plain() {
			for i, raw := range page.Items {
				if page.Items[i], _, err = v.present(ev, raw); err != nil {
					return err
				}
			}
		}
		if len(opts.Expand) > 0 {
			x, err := s.newExpander(ctx, rs, r, coll, ReadOptions{Expand: opts.Expand, ExpandDepth: opts.ExpandDepth, Preview: opts.Preview})
			if err != nil {
				return err
			}
			if page.Items, err = x.expand(coll, page.Items); err != nil {
				return err
			}
		}
		// How many documents were examined would count hidden ones.
		if opts.Explain && privileged(ctx) {
			page.Explain = l.explain
		}
		return nil
	})
	if KindOf(err) != KindInternal {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", coll, err)
	}
	if len(opts.Fields) > 0 {
		for i, raw := range page.Items {
			if page.Items[i], err = project(raw, opts.Fields); err != nil {
				return nil, fmt.Errorf("list %s: %w", coll, err)
			}
		}
	}
	return page, nil
}

// filterServed reports whether the filter is equalities of fields that
// are not dates with texts, each served exactly by the index's equality
// range or by a check of its own index, and comparisons of id with texts,
// which bound a scan: the candidates are the documents it holds for.
func filterServed(filter *expressions.Program, l *lister, c *schemas.Collection) bool {
	if filter == nil || !filter.IsConjunction() {
		return false
	}
	cs, _ := filter.Conjuncts()
	for _, cj := range cs {
		if _, text := cj.Value.(string); text && cj.Field == fieldID && l.index == "" {
			continue // the scan's range of ids is exactly it
		}
		if cj.Op != "==" || cj.Now || c.IsDate(cj.Field) {
			return false
		}
		if _, text := cj.Value.(string); !text {
			return false
		}
		// This very equality bounds the range or is checked in its index
		// (a == "x" && a == "y" is two checks, not one).
		p, _ := indexPrefix(cj.Field, cj.Value)
		if !bytes.Equal(p, l.indexEq) && !l.checks(p) {
			return false
		}
	}
	return len(cs) > 0
}

// positionOf gives the line and column of a formula error, for a problem.
func positionOf(err error) map[string]any {
	var fe *expressions.Error
	if !errors.As(err, &fe) {
		return nil
	}
	return map[string]any{"line": fe.Line, "column": fe.Column, "snippet": fe.Snippet}
}

// lister makes one page: it reads candidates (the whole collection, or the
// ids an index gives), keeps those that match, in the order asked.
type lister struct {
	r     store.Reader
	coll  string
	keys  []sortKey
	after []any
	limit int
	match func(raw []byte) (bool, error) // nil: every document
	// index, when set, is the field and key range whose entries give the
	// candidates; indexEq says the range holds one value, whose entries
	// are then in id order.
	index    string
	indexRng store.Range
	indexEq  []byte
	// inRange, when set, tells which entries of indexRng are candidates:
	// the range is widened around comparisons with times (see plan).
	inRange func(key []byte) bool
	// byIndex pages in the order of the index range (ListOptions.IndexOrder),
	// after the entry afterKey; at is the entry of the candidate fn is
	// given, while it runs.
	byIndex  bool
	afterKey []byte
	at       []byte
	// also are index prefixes (field = value) that a candidate's id must
	// have an entry under, checked before the candidate is read.
	also [][]byte
	// cs are the comparisons the plan served from indexes.
	cs []expressions.Conjunct
	// counted is how many entries of indexRng the plan counted (up to
	// planCount), -1 when it counted none.
	counted int
	// ids bounds the ids of a scan of the collection, from the filter's
	// comparisons of id with texts.
	ids store.Range
	// walk pages in the order of the sort field's index (keys[0], then
	// the id, both ascending or both descending), within indexRng, after
	// the entry afterKey: the page is read and no more.
	walk    bool
	explain *Explain
	// maxSorted bounds the candidates a sort in memory reads.
	maxSorted int
	// stop, when set, fails the list once it returns an error: checked
	// before each candidate that goes through formulas.
	stop func() error
}

// conjuncts are the comparisons a list may serve from an index: those of
// the filter (nil for none), and those the caller's access comes to.
func conjuncts(filter *expressions.Program, equal []expressions.FieldValue) []expressions.Conjunct {
	var cs []expressions.Conjunct
	if filter != nil {
		cs, _ = filter.Conjuncts()
	}
	cs = slices.Clip(cs)
	for _, fv := range equal {
		cs = append(cs, expressions.Conjunct{Field: fv.Field, Op: "==", Value: fv.Value})
	}
	return cs
}

// atTime puts now in the comparisons with now: the time of the list.
func atTime(cs []expressions.Conjunct, now time.Time) []expressions.Conjunct {
	for i, cj := range cs {
		if cj.Now {
			cs[i].Value, cs[i].Now = now, false
		}
	}
	return cs
}

// plan serves the comparisons cs from an x-index when one allows: an
// equality first, else the range of the comparisons on one field. Every
// candidate still goes through the filter and the caller's view.
//
// A comparison with a time (now, put in by atTime) compares the entries'
// text with the time as ToJSON writes it, RFC 3339 in UTC with
// milliseconds: the spelling of the dates stored formulas write, whose
// byte order is their time order. Dates written in other spellings (no
// milliseconds, an offset) order by their text only to within a day
// (their wall clock is within 25 hours of UTC, and "Z" sorts after "."
// within a second), so the range is widened by two days around the time,
// and an entry in another spelling is a candidate when its text read as a
// date (as formulas read it) holds the comparisons: the index reads the
// entries of the widened range, and fetches only the candidates.
func (l *lister) plan(c *schemas.Collection, cs []expressions.Conjunct, hidden func(string) bool) {
	// The fields whose index could serve: those compared, in the order of
	// their first comparison, equalities first. A field hidden from the
	// caller is not served from its index, whose errors and order would
	// tell its values.
	var fields []string
	for _, eq := range []bool{true, false} {
		for _, cj := range cs {
			if (cj.Op == "==") == eq && isIndexed(c, cj.Field) && !hidden(cj.Field) && !slices.Contains(fields, cj.Field) {
				fields = append(fields, cj.Field)
			}
		}
	}
	l.cs, l.counted = cs, -1
	l.ids = idRange(cs)
	if len(fields) == 0 {
		return
	}
	l.planField(cs, fields[0])
	if len(fields) > 1 {
		// Several could: the one whose range holds the fewest entries,
		// counted up to planCount each.
		best, fewest := l.index, -1
		if l.index != "" {
			if n, err := l.countUpTo(planCount); err == nil {
				fewest = n
			}
		}
		for _, f := range fields[1:] {
			if fewest >= 0 && fewest < planCount/10 {
				break // few enough
			}
			try := &lister{r: l.r, coll: l.coll, explain: &Explain{}}
			if try.planField(cs, f); try.index == "" {
				continue
			}
			if n, err := try.countUpTo(planCount); err == nil {
				if fewest < 0 || n < fewest {
					best, fewest = f, n
				}
			}
		}
		if best != l.index {
			l.replan(best)
		}
		if fewest >= 0 {
			l.counted = fewest // best's
		}
	}
	// The equalities on other indexed fields are checked in their index
	// before a candidate is read: an entry of field = value for its id.
	// Not for dates, whose equality holds across spellings.
	for _, cj := range cs {
		if cj.Op != "==" || cj.Field == l.index || !isIndexed(c, cj.Field) || hidden(cj.Field) || c.IsDate(cj.Field) {
			continue
		}
		if _, isTime := cj.Value.(time.Time); isTime {
			continue
		}
		jv, err := expressions.ToJSON(cj.Value)
		if err != nil {
			continue
		}
		if p, ok := indexPrefix(cj.Field, jv); ok && !l.checks(p) {
			l.also = append(l.also, p)
			l.explain.Intersect = append(l.explain.Intersect, cj.Field)
		}
	}
}

// checks reports whether the index prefix p (field = value) is one that a
// candidate's id is checked against.
func (l *lister) checks(p []byte) bool {
	return slices.ContainsFunc(l.also, func(q []byte) bool { return bytes.Equal(q, p) })
}

// idRange is the range of ids the comparisons of id with texts allow.
func idRange(cs []expressions.Conjunct) store.Range {
	var rng store.Range
	narrow := func(lo, hi []byte) {
		if lo != nil && (rng.Start == nil || bytes.Compare(lo, rng.Start) > 0) {
			rng.Start = lo
		}
		if hi != nil && (rng.End == nil || bytes.Compare(hi, rng.End) < 0) {
			rng.End = hi
		}
	}
	for _, cj := range cs {
		v, ok := cj.Value.(string)
		if cj.Field != fieldID || !ok {
			continue
		}
		switch cj.Op {
		case "==":
			narrow([]byte(v), store.After([]byte(v)))
		case ">":
			narrow(store.After([]byte(v)), nil)
		case ">=":
			narrow([]byte(v), nil)
		case "<":
			narrow(nil, []byte(v))
		case "<=":
			narrow(nil, store.After([]byte(v)))
		}
	}
	return rng
}

// replan serves the plan's comparisons from the index of field instead.
func (l *lister) replan(field string) {
	l.index, l.indexRng, l.indexEq, l.inRange, l.counted = "", store.Range{}, nil, nil, -1
	l.planField(l.cs, field)
}

// planCount caps the entries counted in each index range a list could be
// served from, to choose among them.
const planCount = 2000

// planField serves the comparisons cs on best from its index: the range
// they allow, or nothing when a value has no index form.
func (l *lister) planField(cs []expressions.Conjunct, best string) {
	field := appendString(nil, best)
	prefix := func(v any) ([]byte, bool) {
		jv, err := expressions.ToJSON(v)
		if err != nil {
			return nil, false
		}
		return indexPrefix(best, jv)
	}
	var lo, hi, wideLo, wideHi []byte // the exact range, and the widened one
	var times []expressions.Conjunct
	narrower := func(lo, hi, cLo, cHi []byte) ([]byte, []byte) {
		if lo == nil || bytes.Compare(cLo, lo) > 0 {
			lo = cLo
		}
		if hi == nil || bytes.Compare(cHi, hi) < 0 {
			hi = cHi
		}
		return lo, hi
	}
	for _, cj := range cs {
		if cj.Field != best {
			continue
		}
		p, ok := prefix(cj.Value)
		if !ok {
			return
		}
		tag := p[len(field)]
		typeLo, typeHi := append(slices.Clone(field), tag), append(slices.Clone(field), tag+1)
		var cLo, cHi []byte
		switch cj.Op {
		case "==":
			cLo, cHi = p, store.PrefixEnd(p)
		case ">":
			cLo, cHi = store.PrefixEnd(p), typeHi
		case ">=":
			cLo, cHi = p, typeHi
		case "<":
			cLo, cHi = typeLo, p
		case "<=":
			cLo, cHi = typeLo, store.PrefixEnd(p)
		default:
			continue
		}
		lo, hi = narrower(lo, hi, cLo, cHi)
		if t, ok := cj.Value.(time.Time); ok {
			times = append(times, cj)
			early, _ := prefix(t.Add(-spellingSlack))
			late, _ := prefix(t.Add(spellingSlack))
			switch cj.Op {
			case "==":
				cLo, cHi = early, store.PrefixEnd(late)
			case ">", ">=":
				cLo = early
			case "<", "<=":
				cHi = store.PrefixEnd(late)
			}
		}
		wideLo, wideHi = narrower(wideLo, wideHi, cLo, cHi)
	}
	if lo == nil {
		return
	}
	l.index, l.explain.Index = best, best
	l.indexRng = store.Range{Start: lo, End: hi}
	if len(times) > 0 {
		l.indexRng = store.Range{Start: wideLo, End: wideHi}
		l.inRange = func(key []byte) bool {
			if t, ok := otherSpelling(key[len(field):]); ok {
				return timesHold(t, times)
			}
			return bytes.Compare(key, lo) >= 0 && bytes.Compare(key, hi) < 0
		}
		return
	}
	if p, ok := equalityPrefix(cs, best); ok && bytes.Equal(lo, p) && bytes.Equal(hi, store.PrefixEnd(p)) {
		l.indexEq = p
	}
}

// spellingSlack is how far from a time the text of a date written in any
// RFC 3339 spelling can sort: its wall clock is within 25 hours of UTC
// (Go reads offsets up to 24:59).
const spellingSlack = 48 * time.Hour

// otherSpelling reads the text of an index entry (its key after the
// field) as a date, when it is one not spelled as ToJSON writes dates.
// Text in that spelling orders as its time, and other text (not a date)
// as text: the filter says what it makes of it.
func otherSpelling(entry []byte) (time.Time, bool) {
	if len(entry) == 0 || entry[0] != tagString {
		return time.Time{}, false // a number, a bool
	}
	text := entry[1:]
	end := bytes.IndexByte(text, 0)
	if end < 0 || end+1 < len(text) && text[end+1] == 0xff {
		return time.Time{}, false // text with a zero byte is no date
	}
	text = text[:end]
	if len(text) == len(expressions.TimeLayout) && text[19] == '.' && text[23] == 'Z' {
		return time.Time{}, false
	}
	return expressions.ParseTime(string(text))
}

// timesHold reports whether t holds every comparison cs with a time.
func timesHold(t time.Time, cs []expressions.Conjunct) bool {
	for _, cj := range cs {
		now := cj.Value.(time.Time)
		var holds bool
		switch cj.Op {
		case "==":
			holds = t.Equal(now)
		case "<":
			holds = t.Before(now)
		case "<=":
			holds = !t.After(now)
		case ">":
			holds = t.After(now)
		case ">=":
			holds = !t.Before(now)
		}
		if !holds {
			return false
		}
	}
	return true
}

// equalityPrefix is the index prefix of the equality conjunct on field.
func equalityPrefix(cs []expressions.Conjunct, field string) ([]byte, bool) {
	for _, cj := range cs {
		if cj.Field == field && cj.Op == "==" {
			jv, err := expressions.ToJSON(cj.Value)
			if err != nil {
				return nil, false
			}
			return indexPrefix(field, jv)
		}
	}
	return nil, false
}

// each calls fn with the candidates in id order (descending if desc),
// starting after the id from, until fn returns false; in a list by index
// (byIndex), in the order of the index range after the entry afterKey.
func (l *lister) each(desc bool, from string, fn func(id, raw []byte) bool) error {
	if l.index == "" {
		rng := store.Range{Start: l.ids.Start, End: l.ids.End, Reverse: desc}
		if from != "" {
			rng = resumeAfter(rng, []byte(from))
		}
		if empty(rng) {
			return nil
		}
		return l.r.Scan(docsBucket(l.coll), rng, func(k, v []byte) bool {
			l.explain.Examined++
			return fn(k, v)
		})
	}
	// fetchAll fetches the candidates of rng as the index gives them, a
	// chunk at a time: their index checks and documents are read together
	// (one round trip each where the store is a server), the first chunk
	// as large as the page, the next ones twice the one before.
	fetchAll := func(rng store.Range) error {
		chunk := l.firstChunk()
		for {
			var keys, ids [][]byte
			var last []byte
			full := false
			err := l.r.Scan(idxBucket(l.coll), rng, func(k, v []byte) bool {
				last = append(last[:0], k...)
				if l.inRange != nil && !l.inRange(k) {
					return true
				}
				keys, ids = append(keys, slices.Clone(k)), append(ids, slices.Clone(v))
				full = len(ids) == chunk
				return !full
			})
			if err != nil {
				return err
			}
			more, err := l.fetchMany(keys, ids, fn)
			if err != nil || !more || !full {
				return err
			}
			if rng.Reverse {
				rng.End = last
			} else {
				rng.Start = store.After(last)
			}
			chunk = min(2*chunk, maxFetchChunk)
		}
	}
	if l.walk {
		rng := l.indexRng
		rng.Reverse = desc
		if l.afterKey != nil {
			rng = resumeAfter(rng, l.afterKey)
		}
		if empty(rng) {
			return nil // past the end
		}
		return fetchAll(rng)
	}
	if l.indexEq != nil {
		// One value: the entries are in id order already; read from the
		// cursor on, and only as far as the page needs.
		rng := store.Range{Start: l.indexRng.Start, End: l.indexRng.End, Reverse: desc}
		if from != "" {
			rng = resumeAfter(rng, appendString(slices.Clone(l.indexEq), from))
		}
		return fetchAll(rng)
	}
	if l.byIndex {
		// The order of the index: read from the cursor's entry on, and
		// only as far as the page needs.
		rng := l.indexRng
		if l.afterKey != nil {
			rng = resumeAfter(rng, l.afterKey)
		}
		return fetchAll(rng)
	}
	var ids []string
	err := l.r.Scan(idxBucket(l.coll), l.indexRng, func(k, v []byte) bool {
		if from != "" && (!desc && string(v) <= from || desc && string(v) >= from) {
			return true // on a page before
		}
		if l.inRange != nil && !l.inRange(k) {
			return true
		}
		ids = append(ids, string(v))
		return true
	})
	if err != nil {
		return err
	}
	slices.Sort(ids)
	if desc {
		slices.Reverse(ids)
	}
	chunk := l.firstChunk()
	for len(ids) > 0 {
		n := min(chunk, len(ids))
		batch := make([][]byte, n)
		for i, id := range ids[:n] {
			batch[i] = []byte(id)
		}
		if more, err := l.fetchMany(nil, batch, fn); err != nil || !more {
			return err
		}
		ids = ids[n:]
		chunk = min(2*chunk, maxFetchChunk)
	}
	return nil
}

// maxFetchChunk bounds the candidates an index list reads at once.
const maxFetchChunk = 256

// firstChunk is how many candidates an index list reads first: a page's
// worth, and one to tell whether there is more.
func (l *lister) firstChunk() int { return min(max(l.limit+1, 16), maxFetchChunk) }

// resumeAfter narrows rng to the keys after at in its direction: above at
// going up, below it going down.
func resumeAfter(rng store.Range, at []byte) store.Range {
	switch {
	case rng.Reverse && (rng.End == nil || bytes.Compare(at, rng.End) < 0):
		rng.End = at
	case !rng.Reverse && bytes.Compare(store.After(at), rng.Start) > 0:
		rng.Start = store.After(at)
	}
	return rng
}

// empty reports whether rng holds no key.
func empty(rng store.Range) bool { return rng.End != nil && bytes.Compare(rng.Start, rng.End) >= 0 }

// fetchMany reads the candidates ids (their index entries keys, or nil)
// that pass the index checks (also), and gives each to fn, in order,
// until fn returns false; more is false then.
func (l *lister) fetchMany(keys, ids [][]byte, fn func(id, raw []byte) bool) (more bool, err error) {
	for _, p := range l.also {
		if len(ids) == 0 {
			break
		}
		entries := make([][]byte, len(ids))
		for i, id := range ids {
			entries[i] = appendString(slices.Clone(p), string(id))
		}
		found, err := store.GetMany(l.r, idxBucket(l.coll), entries)
		if err != nil {
			return false, err
		}
		kept := 0
		for i := range ids {
			if found[i] != nil {
				ids[kept] = ids[i]
				if keys != nil {
					keys[kept] = keys[i]
				}
				kept++
			}
		}
		ids = ids[:kept]
		if keys != nil {
			keys = keys[:kept]
		}
	}
	if len(ids) == 0 {
		return true, nil
	}
	raws, err := store.GetMany(l.r, docsBucket(l.coll), ids)
	if err != nil {
		return false, err
	}
	defer func() { l.at = nil }()
	for i, raw := range raws {
		if raw == nil {
			continue // gone since the index was read
		}
		if keys != nil {
			l.at = keys[i]
		}
		l.explain.Examined++
		if !fn(ids[i], raw) {
			return false, nil
		}
	}
	return true, nil
}

// keep reports whether a candidate passes the filter, and counts it.
func (l *lister) keep(raw []byte) (bool, error) {
	if l.match == nil {
		l.explain.Matched++
		return true, nil
	}
	if l.stop != nil {
		if err := l.stop(); err != nil {
			return false, err
		}
	}
	ok, err := l.match(raw)
	if ok {
		l.explain.Matched++
	}
	return ok, err
}

// all calls fn with every candidate that passes the filter.
func (l *lister) all(fn func(raw []byte) error) error {
	var ferr error
	err := l.each(false, "", func(_, raw []byte) bool {
		ok, err := l.keep(raw)
		if err == nil && ok {
			err = fn(raw)
		}
		ferr = err
		return err == nil
	})
	if err != nil {
		return err
	}
	return ferr
}

func (l *lister) page() (*Page, error) {
	if len(l.keys) == 1 || l.walk {
		if l.explain.Order == "" {
			l.explain.Order = "id"
		}
		return l.byID()
	}
	return l.sorted()
}

func pageLimit(n int) (int, error) {
	switch {
	case n == 0:
		return DefaultLimit, nil
	case n < 0 || n > MaxLimit:
		return 0, errorf(KindBadRequest, "limit must be between 1 and %d", MaxLimit)
	}
	return n, nil
}

// byID pages through the documents in id order: the fast path, which
// stops as soon as the page is full.
func (l *lister) byID() (*Page, error) {
	desc := l.keys[0].desc
	from := ""
	if l.after != nil {
		from = l.after[0].(string)
	}
	page := &Page{}
	var lastID, lastKey []byte
	more := false
	var ferr error
	err := l.each(desc, from, func(k, v []byte) bool {
		ok, err := l.keep(v)
		if err != nil {
			ferr = err
			return false
		}
		if !ok {
			return true
		}
		if len(page.Items) == l.limit {
			more = true
			return false
		}
		page.Items = append(page.Items, bytes.Clone(v))
		lastID = append(lastID[:0], k...)
		lastKey = append(lastKey[:0], l.at...)
		return true
	})
	if err != nil {
		return nil, err
	}
	if ferr != nil {
		return nil, ferr
	}
	switch {
	case more && l.walk:
		page.Next = encodeCursor(cursor{Sort: sortSpec(l.keys), Key: lastKey})
	case more && l.byIndex:
		page.Next = encodeCursor(cursor{Sort: indexSort(l.index), Key: lastKey})
	case more:
		page.Next = encodeCursor(cursor{Sort: sortSpec(l.keys), Values: []any{string(lastID)}})
	}
	return page, nil
}

// sorted pages through the documents in the order of any fields: it reads
// every candidate and keeps the best limit+1 in a heap.
func (l *lister) sorted() (*Page, error) {
	keys, after, limit := l.keys, l.after, l.limit
	h := &topK{keys: keys}
	l.explain.Order = "memory"
	var derr error
	err := l.each(false, "", func(_, v []byte) bool {
		if l.maxSorted > 0 && l.explain.Examined > l.maxSorted {
			derr = errorf(KindBadRequest, "sort: this list would read more than %d documents to sort by %s; %s",
				l.maxSorted, keys[0].field, l.explain.Advice)
			return false
		}
		d, err := decodeStored(v)
		if err != nil {
			derr = err
			return false
		}
		vals := make([]any, len(keys))
		for i, k := range keys {
			vals[i] = d[k.field]
		}
		if after != nil && compareTuples(keys, vals, after) <= 0 {
			return true
		}
		if h.Len() == limit+1 && compareTuples(keys, vals, h.items[0].vals) >= 0 {
			return true
		}
		ok, err := l.keep(v)
		if err != nil {
			derr = err
			return false
		}
		if !ok {
			return true
		}
		if h.Len() == limit+1 {
			heap.Pop(h)
		}
		heap.Push(h, row{vals: vals, raw: bytes.Clone(v)})
		return true
	})
	if err != nil {
		return nil, err
	}
	if derr != nil {
		return nil, derr
	}
	rows := make([]row, h.Len())
	for i := len(rows) - 1; i >= 0; i-- {
		rows[i] = heap.Pop(h).(row)
	}
	page := &Page{}
	for i, rw := range rows {
		if i == limit {
			page.Next = encodeCursor(cursor{Sort: sortSpec(keys), Values: rows[limit-1].vals})
			break
		}
		page.Items = append(page.Items, rw.raw)
	}
	return page, nil
}

type row struct {
	vals []any
	raw  []byte
}

// topK is a max-heap of rows: the root is the last in sort order, the first
// to drop when a better row arrives.
type topK struct {
	keys  []sortKey
	items []row
}

func (h *topK) Len() int { return len(h.items) }
func (h *topK) Less(i, j int) bool {
	return compareTuples(h.keys, h.items[i].vals, h.items[j].vals) > 0
}
func (h *topK) Swap(i, j int) { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *topK) Push(x any)    { h.items = append(h.items, x.(row)) }
func (h *topK) Pop() any {
	n := len(h.items) - 1
	x := h.items[n]
	h.items = h.items[:n]
	return x
}

func compareTuples(keys []sortKey, a, b []any) int {
	for i, k := range keys {
		c := compareValues(a[i], b[i])
		if k.desc {
			c = -c
		}
		if c != 0 {
			return c
		}
	}
	return 0
}

// compareValues orders JSON values: null (or absent) < false < true <
// numbers < strings < arrays and objects (by their encoding).
func compareValues(a, b any) int {
	ra, rb := rank(a), rank(b)
	if ra != rb {
		return ra - rb
	}
	switch a := a.(type) {
	case bool:
		if a == b.(bool) {
			return 0
		}
		if !a {
			return -1
		}
		return 1
	case json.Number:
		fa, _ := a.Float64()
		fb, _ := b.(json.Number).Float64()
		switch {
		case fa < fb:
			return -1
		case fa > fb:
			return 1
		}
		return 0
	case string:
		return strings.Compare(a, b.(string))
	case nil:
		return 0
	}
	ea, _ := json.Marshal(a)
	eb, _ := json.Marshal(b)
	return bytes.Compare(ea, eb)
}

func rank(v any) int {
	switch v := v.(type) {
	case nil:
		return 0
	case bool:
		return 1
	case json.Number:
		if _, err := v.Float64(); err != nil {
			return 4
		}
		return 2
	case string:
		return 3
	}
	return 4
}

// project keeps id and the named top-level fields of a stored document, in
// the order asked.
func project(raw []byte, fields []string) ([]byte, error) {
	d, err := decodeStored(raw)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.WriteString(`{"id":`)
	idb, _ := marshal(d[fieldID])
	buf.Write(idb)
	seen := map[string]bool{fieldID: true}
	for _, f := range fields {
		v, ok := d[f]
		if !ok || seen[f] {
			continue
		}
		seen[f] = true
		kb, _ := marshal(f)
		vb, err := marshal(v)
		if err != nil {
			return nil, err
		}
		buf.WriteByte(',')
		buf.Write(kb)
		buf.WriteByte(':')
		buf.Write(vb)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// Revisions lists the revisions of a document, newest first. The cursor is
// the revision number to continue below. A caller sees the history of the
// documents it may read, with the fields it may see.
func (s *Service) Revisions(ctx context.Context, coll, id string, opts ListOptions) (*Page, error) {
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
	prefix := append([]byte(id), 0)
	rng := store.Prefix(prefix)
	rng.Reverse = true
	if opts.Cursor != "" {
		below, err := strconv.ParseInt(opts.Cursor, 10, 64)
		if err != nil || below < 1 {
			return nil, errorf(KindBadRequest, "cursor: not a cursor returned by this list")
		}
		rng.End = revKey(id, below)
	}
	page := &Page{}
	var lastRev int64
	more := false
	err = s.st.View(ctx, func(r store.Reader) error {
		ev := s.evaluation(ctx, r, rs)
		if err := s.admitStored(r, ev, v, id); err != nil {
			return err
		}
		var perr error
		err := r.Scan(revsBucket(coll), rng, func(k, raw []byte) bool {
			if len(page.Items) == limit {
				more = true
				return false
			}
			shown, _, err := v.strip(ev, bytes.Clone(raw), nil)
			if err != nil {
				perr = err
				return false
			}
			page.Items = append(page.Items, shown)
			lastRev = int64(binary.BigEndian.Uint64(k[len(prefix):]))
			return true
		})
		return errors.Join(err, perr)
	})
	if KindOf(err) != KindInternal {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("revisions %s/%s: %w", coll, id, err)
	}
	if len(page.Items) == 0 && opts.Cursor == "" {
		return nil, errorf(KindNotFound, "no document %q in %s", id, coll)
	}
	if more {
		page.Next = strconv.FormatInt(lastRev, 10)
	}
	return page, nil
}

// admitStored fails with a not-found error unless the caller may see the
// current document id (a deleted one stays visible to open views, whose
// history lives on until the revisions go).
func (s *Service) admitStored(r store.Reader, ev *evaluation, v *view, id string) error {
	if !v.filters() {
		return nil
	}
	raw, err := r.Get(docsBucket(v.coll), []byte(id))
	if errors.Is(err, store.ErrNotFound) {
		return errorf(KindNotFound, "no document %q in %s", id, v.coll)
	}
	if err != nil {
		return err
	}
	d, err := decodeStored(raw)
	if err != nil {
		return err
	}
	if ok, err := v.admit(ev, d); err != nil || !ok {
		return errors.Join(err, errorf(KindNotFound, "no document %q in %s", id, v.coll))
	}
	return nil
}

// Revision returns one revision of a document.
func (s *Service) Revision(ctx context.Context, coll, id string, rev int64) (*Document, error) {
	rs, err := s.registryFor(ctx, coll)
	if err != nil {
		return nil, err
	}
	v, err := s.view(ctx, rs, coll, "read", false)
	if err != nil {
		return nil, err
	}
	var doc *Document
	err = s.st.View(ctx, func(r store.Reader) error {
		ev := s.evaluation(ctx, r, rs)
		if err := s.admitStored(r, ev, v, id); err != nil {
			return err
		}
		raw, err := r.Get(revsBucket(coll), revKey(id, rev))
		if errors.Is(err, store.ErrNotFound) {
			return errorf(KindNotFound, "no revision %d of %q in %s", rev, id, coll)
		}
		if err != nil {
			return err
		}
		tag := etag(raw)
		shown, changed, err := v.strip(ev, raw, nil)
		if err != nil {
			return err
		}
		if changed {
			tag = "W/" + tag
		}
		doc = &Document{ID: id, Rev: rev, ETag: tag, JSON: shown}
		return nil
	})
	if KindOf(err) != KindInternal {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("revision %s/%s/%d: %w", coll, id, rev, err)
	}
	return doc, nil
}
