package documents

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/credence/credence/expressions"
	"github.com/credence/credence/schemas"
	"github.com/credence/credence/store"
)

// Bounds of an aggregate.
const (
	// MaxGroups is the most groups an aggregate answers.
	MaxGroups = 10000
	// MaxPercentileValues is the most values an aggregate keeps for its
	// percentiles, over all groups.
	MaxPercentileValues = 2_000_000
)

// AggregateQuery is what an aggregate computes: the documents a list with
// Filter would give the caller, grouped by fields and a time bucket, with
// metrics over each group.
type AggregateQuery struct {
	// GroupBy are top-level fields (or meta fields: _status, _createdBy,
	// ...) whose values make the groups.
	GroupBy []string
	// Bucket groups by a date field's day, week (from Monday), month or
	// year in TZ ("createdAt:day"); empty for none.
	Bucket string
	// TZ is the IANA time zone buckets are cut in; UTC when empty.
	TZ string
	// Metrics: count; sum, avg, min, max, pNN (a percentile: p50, p90),
	// rate (the share of true among the booleans) and distinct (the
	// number of values) of a field: "avg:score".
	Metrics []string
	// Filter, Preview and At, as in ListOptions.
	Filter  string
	Preview bool
	At      time.Time
	// Explain adds how the documents were found (editors and admins).
	Explain bool
}

// AggregateRow is one group: its key and its metrics.
type AggregateRow struct {
	// Key holds the group's value of each GroupBy field and, under the
	// bucket's field name, its bucket (2026-11-24, 2026-11, 2026).
	Key map[string]any
	// Values holds each metric by its name as asked ("avg:score"); a
	// metric of a group without values is null.
	Values map[string]any
}

// MarshalJSON writes the key under "key" and the metrics beside it.
func (r AggregateRow) MarshalJSON() ([]byte, error) {
	m := make(map[string]any, len(r.Values)+1)
	for k, v := range r.Values {
		m[k] = v
	}
	m["key"] = r.Key
	return json.Marshal(m)
}

// Aggregate is the answer of an aggregate.
type Aggregate struct {
	GroupBy []string       `json:"groupBy"`
	Bucket  *BucketSpec    `json:"bucket,omitempty"`
	Metrics []string       `json:"metrics"`
	Rows    []AggregateRow `json:"rows"`
	// Matched counts the documents aggregated.
	Matched int      `json:"matched"`
	Explain *Explain `json:"explain,omitempty"`
}

// BucketSpec is how documents are cut into time buckets.
type BucketSpec struct {
	Field string `json:"field"`
	Unit  string `json:"unit"`
	TZ    string `json:"tz"`
}

// metric is one parsed metric.
type metric struct {
	name, op, field string
	pct             float64 // of a percentile
}

// aggregator folds documents into groups.
type aggregator struct {
	q        AggregateQuery
	metrics  []metric
	bucket   *BucketSpec
	loc      *time.Location
	fields   []string // the top-level members read
	groups   map[string]*group
	kept     int // values kept for percentiles
	matched  int
	keyParts []any
	keyBuf   []byte
	values   map[string][]byte
}

type group struct {
	key  []any
	accs []acc
}

// acc accumulates one metric of one group.
type acc struct {
	n, trues   int
	sum        float64
	min, max   float64
	vals       []float64
	distinct   map[string]struct{}
	hasNumbers bool
}

// parameterError is a 400 naming the parameter and the position (from 1)
// of the culprit in it.
func parameterError(param, value, item, format string, args ...any) *Error {
	pos := strings.Index(value, item) + 1
	if pos == 0 {
		pos = 1
	}
	return &Error{Kind: KindBadRequest, Message: param + ": " + fmt.Sprintf(format, args...),
		Details: map[string]any{"parameter": param, "position": pos}}
}

// metaAggregatable are the meta fields an aggregate groups or buckets by.
var metaAggregatable = []string{fieldID, "_createdAt", "_updatedAt", "_createdBy", "_updatedBy", fieldStatus}

// Aggregate groups the documents of coll that ctx's caller may list (and
// that the filter keeps) and computes metrics over each group, in one read
// of the store that streams the documents, decoding only the fields the
// groups and metrics read. A field the caller may not read cannot be
// grouped by or measured.
func (s *Service) Aggregate(ctx context.Context, coll string, q AggregateQuery) (*Aggregate, error) {
	fields, err := s.listFields(ctx, coll, q.Preview)
	if err != nil {
		return nil, err
	}
	known := func(f string) bool { return slices.Contains(metaAggregatable, f) || fields.has(f) }
	a := &aggregator{q: q, groups: map[string]*group{}, values: map[string][]byte{}}
	joined := strings.Join(q.GroupBy, ",")
	for _, f := range q.GroupBy {
		switch {
		case f == "":
			return nil, parameterError("groupBy", joined, ",,", "a field name is empty")
		case !known(f):
			return nil, parameterError("groupBy", joined, f, "%s has no field %q", coll, f)
		case fields.hidden(f):
			return nil, parameterError("groupBy", joined, f, "%s is private", f)
		}
		a.fields = appendOnce(a.fields, f)
	}
	if q.Bucket != "" {
		field, unit, _ := strings.Cut(q.Bucket, ":")
		switch {
		case !known(field):
			return nil, parameterError("bucket", q.Bucket, field, "%s has no field %q", coll, field)
		case fields.hidden(field):
			return nil, parameterError("bucket", q.Bucket, field, "%s is private", field)
		case !slices.Contains([]string{"hour", "day", "week", "month", "year"}, unit):
			return nil, parameterError("bucket", q.Bucket, ":"+unit, "the unit %q is not hour, day, week, month or year", unit)
		}
		a.loc = time.UTC
		if q.TZ != "" {
			if a.loc, err = time.LoadLocation(q.TZ); err != nil || q.TZ == "Local" {
				return nil, parameterError("tz", q.TZ, q.TZ, "%q is not an IANA time zone such as Europe/Warsaw", q.TZ)
			}
		}
		a.bucket = &BucketSpec{Field: field, Unit: unit, TZ: a.loc.String()}
		a.fields = appendOnce(a.fields, field)
	}
	if len(q.Metrics) == 0 {
		q.Metrics = []string{"count"}
		a.q.Metrics = q.Metrics
	}
	metricsText := strings.Join(q.Metrics, ",")
	for _, name := range q.Metrics {
		m := metric{name: name}
		op, field, hasField := strings.Cut(name, ":")
		m.op = op
		switch {
		case op == "count" && !hasField:
		case op == "count":
			return nil, parameterError("metrics", metricsText, name, "count takes no field: sum:%s counts its true values", field)
		case op == "sum" || op == "avg" || op == "min" || op == "max" || op == "rate" || op == "distinct":
		case len(op) > 1 && op[0] == 'p':
			p, err := strconv.ParseFloat(op[1:], 64)
			if err != nil || p <= 0 || p >= 100 {
				return nil, parameterError("metrics", metricsText, name, "%s is not a metric: a percentile is p1 to p99 (p50, p90)", op)
			}
			m.op, m.pct = "percentile", p
		default:
			return nil, parameterError("metrics", metricsText, name, "%q is not a metric: use count, sum, avg, min, max, p50, p90, rate or distinct", op)
		}
		if m.op != "count" {
			switch {
			case !hasField || field == "":
				return nil, parameterError("metrics", metricsText, name, "%s needs a field: %s:score", op, op)
			case !known(field):
				return nil, parameterError("metrics", metricsText, name, "%s has no field %q", coll, field)
			case fields.hidden(field):
				return nil, parameterError("metrics", metricsText, name, "%s is private", field)
			}
			m.field = field
			a.fields = appendOnce(a.fields, field)
		}
		if slices.ContainsFunc(a.metrics, func(o metric) bool { return o.name == name }) {
			return nil, parameterError("metrics", metricsText, name, "%s is asked twice", name)
		}
		a.metrics = append(a.metrics, m)
	}
	if ex, ok, err := s.countFromIndex(ctx, coll, q, a, fields); err != nil {
		return nil, err
	} else if ok {
		out := a.result()
		if q.Explain && privileged(ctx) {
			out.Explain = ex
		}
		return out, nil
	}
	page, err := s.List(ctx, coll, ListOptions{Filter: q.Filter, Preview: q.Preview, At: q.At, each: a.add})
	if err != nil {
		return nil, err
	}
	out := a.result()
	if q.Explain && privileged(ctx) {
		out.Explain = page.Explain
	}
	return out, nil
}

func appendOnce(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// listFields is what a caller may read of a collection's fields, for the
// readers of whole lists (aggregates, item analyses).
type listFields struct {
	v *view
	c *schemas.Collection // nil for _schemas
}

// listFields returns the fields of coll as ctx's caller lists them.
func (s *Service) listFields(ctx context.Context, coll string, preview bool) (listFields, error) {
	rs, err := s.registryFor(ctx, coll)
	if err != nil {
		return listFields{}, err
	}
	v, err := s.view(ctx, rs, coll, "list", preview)
	if err != nil {
		return listFields{}, err
	}
	c, _ := rs.reg.Collection(coll)
	return listFields{v: v, c: c}, nil
}

// has reports whether f is a top-level property of the collection.
func (lf listFields) has(f string) bool { return lf.c != nil && slices.Contains(lf.c.Properties, f) }

// hidden reports whether the caller may not read f: x-private for it, or
// x-secret for everyone.
func (lf listFields) hidden(f string) bool { return lf.v.hides(f) || lf.c != nil && lf.c.IsSecret(f) }

// countFromIndex answers a count of a whole collection, by nothing or by
// one indexed field, from the kept counts (see counts.go) or else from that
// field's index alone (the documents are not read: a key each, in value
// order), when the caller sees every document
// as it is stored. ok is false when it cannot: a filter, a bucket, another
// metric, a view that hides documents, a value that is not text, true,
// false or null.
func (s *Service) countFromIndex(ctx context.Context, coll string, q AggregateQuery, a *aggregator, lf listFields) (*Explain, bool, error) {
	if q.Filter != "" || q.Bucket != "" || len(q.GroupBy) > 1 || lf.c == nil || lf.v.none || lf.v.filters() {
		return nil, false, nil
	}
	for _, m := range a.metrics {
		if m.op != "count" {
			return nil, false, nil
		}
	}
	group := "" // the whole collection: its total is kept
	if len(q.GroupBy) == 1 {
		group = q.GroupBy[0]
		if !isIndexed(lf.c, group) || lf.hidden(group) {
			return nil, false, nil
		}
	} else if lf.c.Name == AuditCollection {
		return nil, false, nil // the audit log keeps no counts
	}
	var runs []valueCount
	ok, kept := true, false
	err := s.st.View(ctx, func(r store.Reader) error {
		var err error
		if runs, kept, err = keptCounts(r, lf.c, group); kept || err != nil {
			return err
		}
		runs, ok, err = indexCounts(s.reader(r, coll), coll, group)
		return err
	})
	if err != nil || !ok {
		return nil, false, err
	}
	total := 0
	for _, rn := range runs {
		if err := a.count(rn.value, group != "", rn.n); err != nil {
			return nil, false, err
		}
		total += rn.n
	}
	ex := &Explain{Index: group, Matched: total, Order: "index"}
	if kept {
		ex.Order = "counts" // no index was read
	}
	return ex, true, nil
}

// valueCount is how many documents have a value.
type valueCount struct {
	value any
	n     int
}

// indexCounts counts the entries of field's index by value, in value
// order: a key each. ok is false when a value is not null, a boolean or a
// text, or when there are more than MaxGroups values.
func indexCounts(r store.Reader, coll, field string) (runs []valueCount, ok bool, err error) {
	prefix := appendString(nil, field)
	ok = true
	var last []byte // the value part of the run's keys
	err = r.Scan(idxBucket(coll), store.Prefix(prefix), func(k, _ []byte) bool {
		rest := k[len(prefix):]
		// The same value as the run's: its bytes, not followed by the
		// 0xff of an escaped zero inside a longer text.
		if len(runs) > 0 && len(rest) > len(last) && bytes.Equal(rest[:len(last)], last) && rest[len(last)] != 0xff {
			runs[len(runs)-1].n++
			return true
		}
		v, size, good := entryValue(rest)
		if !good || len(runs) > MaxGroups {
			// Past MaxGroups the aggregate is refused: let its reader
			// say so, rather than hold a value for every document.
			ok = false
			return false
		}
		last = append(last[:0], rest[:size]...)
		runs = append(runs, valueCount{value: v, n: 1})
		return true
	})
	if err != nil || !ok {
		return nil, false, err
	}
	return runs, true, nil
}

// entryValue reads the value at the start of an index entry's key after
// its field: null, false, true or a text, and how many bytes it took; good
// is false for a number or anything else.
func entryValue(b []byte) (v any, size int, good bool) {
	if len(b) == 0 {
		return nil, 0, false
	}
	switch b[0] {
	case tagNull:
		return nil, 1, true
	case tagFalse:
		return false, 1, true
	case tagTrue:
		return true, 1, true
	case tagString:
		var text []byte
		for i := 1; i < len(b); i++ {
			switch {
			case b[i] != 0:
				text = append(text, b[i])
			case i+1 < len(b) && b[i+1] == 0xff:
				text = append(text, 0)
				i++
			default:
				return string(text), i + 1, true
			}
		}
	}
	return nil, 0, false
}

// group is the group of the key in keyParts and keyBuf, made on first use.
func (a *aggregator) group() (*group, error) {
	if g, ok := a.groups[string(a.keyBuf)]; ok {
		return g, nil
	}
	if len(a.groups) == MaxGroups {
		return nil, &Error{Kind: KindBadRequest, Message: fmt.Sprintf("the aggregate makes more than %d groups: group by fewer fields, a longer bucket, or filter", MaxGroups)}
	}
	g := &group{key: slices.Clone(a.keyParts), accs: make([]acc, len(a.metrics))}
	a.groups[string(a.keyBuf)] = g
	return g, nil
}

// count adds n documents to the group of value (grouped) or to the one
// group of them all.
func (a *aggregator) count(value any, grouped bool, n int) error {
	a.keyParts, a.keyBuf = a.keyParts[:0], a.keyBuf[:0]
	if grouped {
		a.keyParts = append(a.keyParts, value)
		a.keyBuf = appendKey(a.keyBuf, value)
	}
	g, err := a.group()
	if err != nil {
		return err
	}
	a.matched += n
	for i := range g.accs {
		g.accs[i].n += n
	}
	return nil
}

// add folds one document into its group.
func (a *aggregator) add(raw []byte) error {
	clear(a.values)
	err := topFields(raw, a.fields, func(k string, value []byte) error {
		a.values[k] = value
		return nil
	})
	if err != nil {
		return err
	}
	a.keyParts = a.keyParts[:0]
	a.keyBuf = a.keyBuf[:0]
	for _, f := range a.q.GroupBy {
		val, err := scalar(a.values[f])
		if err != nil {
			return err
		}
		a.keyParts = append(a.keyParts, val)
		a.keyBuf = appendKey(a.keyBuf, val)
	}
	if a.bucket != nil {
		val, err := scalar(a.values[a.bucket.Field])
		if err != nil {
			return err
		}
		var b any
		if text, ok := val.(string); ok {
			if t, ok := expressions.ParseTime(text); ok {
				b = bucketOf(t.In(a.loc), a.bucket.Unit)
			}
		}
		a.keyParts = append(a.keyParts, b)
		a.keyBuf = appendKey(a.keyBuf, b)
	}
	g, err := a.group()
	if err != nil {
		return err
	}
	a.matched++
	for i, m := range a.metrics {
		ac := &g.accs[i]
		if m.op == "count" {
			ac.n++
			continue
		}
		raw := a.values[m.field]
		if raw == nil {
			continue
		}
		if m.op == "distinct" {
			if ac.distinct == nil {
				ac.distinct = map[string]struct{}{}
			}
			if string(raw) != "null" {
				ac.distinct[string(raw)] = struct{}{}
			}
			continue
		}
		val, err := scalar(raw)
		if err != nil {
			return err
		}
		var x float64
		switch val := val.(type) {
		case float64:
			x = val
		case bool:
			if val {
				x = 1
				ac.trues++
			}
			if m.op == "rate" {
				ac.n++
				continue
			}
		default:
			continue // text, null, lists: not measured
		}
		if m.op == "rate" {
			continue
		}
		if !ac.hasNumbers || x < ac.min {
			ac.min = x
		}
		if !ac.hasNumbers || x > ac.max {
			ac.max = x
		}
		ac.hasNumbers = true
		ac.n++
		ac.sum += x
		if m.op == "percentile" {
			if a.kept == MaxPercentileValues {
				return &Error{Kind: KindBadRequest, Message: fmt.Sprintf("percentiles over more than %d values: filter the documents first", MaxPercentileValues)}
			}
			a.kept++
			ac.vals = append(ac.vals, x)
		}
	}
	return nil
}

// scalar decodes a member's value: a string, a float64, a bool, nil, or
// the JSON text of an array or object.
func scalar(raw []byte) (any, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	switch raw[0] {
	case '"':
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	case 't':
		return true, nil
	case 'f':
		return false, nil
	case 'n':
		return nil, nil
	case '[', '{':
		return string(raw), nil
	}
	return strconv.ParseFloat(string(raw), 64)
}

// appendKey appends a group value to a map key, typed so that "1" and 1
// are two groups.
func appendKey(b []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(b, 'n', 0)
	case string:
		return append(append(append(b, 's'), v...), 0)
	case bool:
		return append(append(b, 'b'), strconv.FormatBool(v)...)
	case float64:
		return append(strconv.AppendFloat(append(b, 'f'), v, 'g', -1, 64), 0)
	}
	return b
}

// bucketOf names the bucket of t: 2026-11-24T09 (hour), 2026-11-24 (day),
// the Monday of its week (week), 2026-11 (month) or 2026 (year), in t's
// location.
func bucketOf(t time.Time, unit string) string {
	switch unit {
	case "hour":
		return t.Format("2006-01-02T15")
	case "day":
		return t.Format(time.DateOnly)
	case "week":
		back := (int(t.Weekday()) + 6) % 7 // days since Monday
		y, m, d := t.Date()
		return time.Date(y, m, d-back, 12, 0, 0, 0, t.Location()).Format(time.DateOnly)
	case "month":
		return t.Format("2006-01")
	}
	return t.Format("2006")
}

// result orders the groups by key and computes their metrics.
func (a *aggregator) result() *Aggregate {
	out := &Aggregate{GroupBy: a.q.GroupBy, Bucket: a.bucket, Metrics: a.q.Metrics, Matched: a.matched, Rows: []AggregateRow{}}
	if out.GroupBy == nil {
		out.GroupBy = []string{}
	}
	groups := make([]*group, 0, len(a.groups))
	for _, g := range a.groups {
		groups = append(groups, g)
	}
	sort.Slice(groups, func(i, j int) bool {
		for k := range groups[i].key {
			if c := compareValues(groups[i].key[k], groups[j].key[k]); c != 0 {
				return c < 0
			}
		}
		return false
	})
	for _, g := range groups {
		row := AggregateRow{Key: map[string]any{}, Values: map[string]any{}}
		for i, f := range a.q.GroupBy {
			row.Key[f] = g.key[i]
		}
		if a.bucket != nil {
			row.Key[a.bucket.Field] = g.key[len(g.key)-1]
		}
		for i, m := range a.metrics {
			row.Values[m.name] = g.accs[i].value(m)
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// value is the metric m of the group, or nil when it has no values.
func (ac *acc) value(m metric) any {
	switch m.op {
	case "count":
		return ac.n
	case "distinct":
		return len(ac.distinct)
	case "rate":
		if ac.n == 0 {
			return nil
		}
		return float64(ac.trues) / float64(ac.n)
	}
	if !ac.hasNumbers {
		return nil
	}
	switch m.op {
	case "sum":
		return ac.sum
	case "avg":
		return ac.sum / float64(ac.n)
	case "min":
		return ac.min
	case "max":
		return ac.max
	}
	return percentile(ac.vals, m.pct)
}

// percentile is the p-th percentile of vals by linear interpolation
// between the closest ranks (the method of NumPy's default and Excel's
// PERCENTILE.INC): p50 of 1, 2, 3, 4 is 2.5.
func percentile(vals []float64, p float64) float64 {
	slices.Sort(vals)
	if len(vals) == 1 {
		return vals[0]
	}
	rank := p / 100 * float64(len(vals)-1)
	lo := int(math.Floor(rank))
	hi := min(lo+1, len(vals)-1)
	return vals[lo] + (rank-float64(lo))*(vals[hi]-vals[lo])
}
