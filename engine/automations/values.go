package automations

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/expressions"
)

// decode reads a stored document's JSON, numbers as json.Number.
func decode(raw []byte) (map[string]any, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil {
		return nil, err
	}
	return m, nil
}

// metaDates are the meta fields that formulas see as dates.
var metaDates = []string{"_createdAt", "_updatedAt"}

// formulaDoc turns a document of coll, decoded, into what formulas see:
// numbers as int or float64, and the fields its schema declares as dates
// (and the meta dates) as times. It returns nil for nil.
func formulaDoc(svc Documents, coll string, m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	v, _ := expressions.FromJSON(m).(map[string]any)
	if c, ok := svc.Registry().Collection(coll); ok && c.HasDates() {
		c.ConvertDates(v, func(s string) (any, bool) { return expressions.ParseTime(s) })
	}
	for _, f := range metaDates {
		if s, ok := v[f].(string); ok {
			if t, ok := expressions.ParseTime(s); ok {
				v[f] = t
			}
		}
	}
	return v
}

// run runs a formula of an automation over doc and old at now, reading
// other documents through the document service.
func (r *Runner) run(ctx context.Context, p *expressions.Program, doc, old map[string]any, now time.Time, seed string) (any, error) {
	env := expressions.Env{Doc: doc, Old: old, Now: now, Seed: seed,
		Auth: expressions.Auth{Role: documents.RoleAdmin}}
	return p.Run(ctx, env, reader{r.svc}, r.cfg.Limits)
}

// holds runs a Bool formula; a nil formula holds.
func (r *Runner) holds(ctx context.Context, p *expressions.Program, doc, old map[string]any, now time.Time) (bool, error) {
	if p == nil {
		return true, nil
	}
	v, err := r.run(ctx, p, doc, old, now, "")
	if err != nil {
		return false, err
	}
	b, _ := v.(bool)
	return b, nil
}

// reader is what get, find and count read in an automation's formulas:
// the documents as the service serves them, outside any transaction.
type reader struct{ svc Documents }

var _ expressions.Reader = reader{}

func (rd reader) Get(ctx context.Context, coll, id string) (map[string]any, error) {
	d, err := rd.svc.Get(ctx, coll, id, documents.ReadOptions{})
	if documents.KindOf(err) == documents.KindNotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return rd.value(coll, d.JSON)
}

func (rd reader) value(coll string, raw []byte) (map[string]any, error) {
	m, err := decode(raw)
	if err != nil {
		return nil, err
	}
	return formulaDoc(rd.svc, coll, m), nil
}

func (rd reader) Find(ctx context.Context, coll string, match map[string]any, limit int) ([]map[string]any, error) {
	var out []map[string]any
	err := rd.each(ctx, coll, match, limit, func(raw []byte) error {
		v, err := rd.value(coll, raw)
		out = append(out, v)
		return err
	})
	return out, err
}

func (rd reader) Count(ctx context.Context, coll string, match map[string]any, limit int) (int, error) {
	n := 0
	err := rd.each(ctx, coll, match, limit, func([]byte) error { n++; return nil })
	return n, err
}

// each lists the documents of coll whose fields equal match's values,
// through a list filter (served by an x-index where there is one), up to
// limit.
func (rd reader) each(ctx context.Context, coll string, match map[string]any, limit int, fn func([]byte) error) error {
	filter, err := matchFilter(match)
	if err != nil {
		return err
	}
	cursor := ""
	for seen := 0; seen < limit; {
		page, err := rd.svc.List(ctx, coll, documents.ListOptions{Filter: filter, Cursor: cursor, Limit: min(limit-seen, documents.MaxLimit)})
		if err != nil {
			return err
		}
		for _, raw := range page.Items {
			if err := fn(raw); err != nil {
				return err
			}
			seen++
		}
		if page.Next == "" || len(page.Items) == 0 {
			return nil
		}
		cursor = page.Next
	}
	return nil
}

// matchFilter writes {field: value} as a filter formula:
// doc["field"] == value && ...
func matchFilter(match map[string]any) (string, error) {
	if len(match) == 0 {
		return "", nil
	}
	var parts []string
	for _, k := range sortedKeys(match) {
		lit, err := literal(match[k])
		if err != nil {
			return "", fmt.Errorf("find: the value of %s: %w", k, err)
		}
		parts = append(parts, "doc["+strconv.Quote(k)+"] == "+lit)
	}
	return strings.Join(parts, " && "), nil
}

func literal(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "nil", nil
	case bool:
		return strconv.FormatBool(x), nil
	case int:
		return strconv.Itoa(x), nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64), nil
	case string:
		b, _ := json.Marshal(x)
		return string(b), nil
	case time.Time:
		return `date("` + x.UTC().Format(time.RFC3339Nano) + `")`, nil
	}
	return "", fmt.Errorf("only text, numbers, true, false, nil and dates can be matched, not %T", v)
}
