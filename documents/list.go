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
	"strconv"
	"strings"

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
}

// Page is one page of a list.
type Page struct {
	// Items are the documents' JSON encodings, in order.
	Items [][]byte
	// Next is the cursor of the next page, empty on the last page.
	Next string
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
	if len(keys) == 0 || keys[len(keys)-1].field != fieldID {
		keys = append(keys, sortKey{field: fieldID})
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
	Values []any  `json:"v"`
}

func encodeCursor(c cursor) string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s string, keys []sortKey) ([]any, error) {
	bad := errorf(KindBadRequest, "cursor: not a cursor returned by this list")
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, bad
	}
	var c cursor
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	if err := d.Decode(&c); err != nil || len(c.Values) != len(keys) {
		return nil, bad
	}
	if c.Sort != sortSpec(keys) {
		return nil, errorf(KindBadRequest, "cursor: made for sort %q, not %q", c.Sort, sortSpec(keys))
	}
	if _, ok := c.Values[len(c.Values)-1].(string); !ok {
		return nil, bad
	}
	return c.Values, nil
}

// List returns one page of a collection.
func (s *Service) List(ctx context.Context, coll string, opts ListOptions) (*Page, error) {
	if !s.state.Load().exists(coll) {
		return nil, errorf(KindNotFound, "no collection named %q", coll)
	}
	limit, err := pageLimit(opts.Limit)
	if err != nil {
		return nil, err
	}
	keys, err := parseSort(opts.Sort)
	if err != nil {
		return nil, err
	}
	var after []any
	if opts.Cursor != "" {
		if after, err = decodeCursor(opts.Cursor, keys); err != nil {
			return nil, err
		}
	}
	var page *Page
	err = s.st.View(ctx, func(r store.Reader) error {
		if len(keys) == 1 {
			page, err = listByID(r, coll, keys[0].desc, after, limit)
		} else {
			page, err = listSorted(r, coll, keys, after, limit)
		}
		return err
	})
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

func pageLimit(n int) (int, error) {
	switch {
	case n == 0:
		return DefaultLimit, nil
	case n < 0 || n > MaxLimit:
		return 0, errorf(KindBadRequest, "limit must be between 1 and %d", MaxLimit)
	}
	return n, nil
}

// listByID pages through the documents in key order: the fast path, which
// reads only the page it returns.
func listByID(r store.Reader, coll string, desc bool, after []any, limit int) (*Page, error) {
	rng := store.Range{Reverse: desc}
	if after != nil {
		last := []byte(after[0].(string))
		if desc {
			rng.End = last
		} else {
			rng.Start = store.After(last)
		}
	}
	page := &Page{}
	var lastID []byte
	more := false
	err := r.Scan(docsBucket(coll), rng, func(k, v []byte) bool {
		if len(page.Items) == limit {
			more = true
			return false
		}
		page.Items = append(page.Items, append([]byte(nil), v...))
		lastID = append(lastID[:0], k...)
		return true
	})
	if err != nil {
		return nil, err
	}
	if more {
		keys := []sortKey{{field: fieldID, desc: desc}}
		page.Next = encodeCursor(cursor{Sort: sortSpec(keys), Values: []any{string(lastID)}})
	}
	return page, nil
}

// listSorted pages through the documents in the order of any fields: it
// reads the whole collection and keeps the best limit+1 in a heap.
func listSorted(r store.Reader, coll string, keys []sortKey, after []any, limit int) (*Page, error) {
	h := &topK{keys: keys}
	var derr error
	err := r.Scan(docsBucket(coll), store.Range{}, func(_, v []byte) bool {
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
		if h.Len() == limit+1 {
			if compareTuples(keys, vals, h.items[0].vals) >= 0 {
				return true
			}
			heap.Pop(h)
		}
		heap.Push(h, row{vals: vals, raw: append([]byte(nil), v...)})
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
// the revision number to continue below.
func (s *Service) Revisions(ctx context.Context, coll, id string, opts ListOptions) (*Page, error) {
	if !s.state.Load().exists(coll) {
		return nil, errorf(KindNotFound, "no collection named %q", coll)
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
		return r.Scan(revsBucket(coll), rng, func(k, v []byte) bool {
			if len(page.Items) == limit {
				more = true
				return false
			}
			page.Items = append(page.Items, append([]byte(nil), v...))
			lastRev = int64(binary.BigEndian.Uint64(k[len(prefix):]))
			return true
		})
	})
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

// Revision returns one revision of a document.
func (s *Service) Revision(ctx context.Context, coll, id string, rev int64) (*Document, error) {
	if !s.state.Load().exists(coll) {
		return nil, errorf(KindNotFound, "no collection named %q", coll)
	}
	raw, err := s.getOne(ctx, revsBucket(coll), revKey(id, rev))
	if errors.Is(err, store.ErrNotFound) {
		return nil, errorf(KindNotFound, "no revision %d of %q in %s", rev, id, coll)
	}
	if err != nil {
		return nil, fmt.Errorf("revision %s/%s/%d: %w", coll, id, rev, err)
	}
	return &Document{ID: id, Rev: rev, ETag: etag(raw), JSON: raw}, nil
}
