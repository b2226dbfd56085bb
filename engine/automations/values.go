package automations

import (
	"bytes"
	"context"
	"encoding/json"
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
	env := expressions.Env{Doc: doc, Old: old, Now: now, Seed: seed, SeedKey: r.svc.SeedKey(),
		Auth: expressions.Auth{Role: documents.RoleAdmin}}
	return p.Run(ctx, env, r.svc.Reader(), r.cfg.Limits)
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
