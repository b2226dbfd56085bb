package schemas

// shape records where a schema declares date strings ("format": "date-time"
// or "date"), through nested objects and arrays.
type shape struct {
	date  bool
	props map[string]*shape
	items *shape
}

// dateShape reads the dates a schema declares; nil when it declares none.
// It follows properties and items, not $ref or combinators.
func dateShape(v any) *shape {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	sh := &shape{}
	found := false
	if f, _ := m["format"].(string); f == "date-time" || f == "date" {
		sh.date, found = true, true
	}
	if props, ok := m["properties"].(map[string]any); ok {
		for name, p := range props {
			if sub := dateShape(p); sub != nil {
				if sh.props == nil {
					sh.props = map[string]*shape{}
				}
				sh.props[name], found = sub, true
			}
		}
	}
	if sub := dateShape(m["items"]); sub != nil {
		sh.items, found = sub, true
	}
	if !found {
		return nil
	}
	return sh
}

// HasDates reports whether the schema declares date strings anywhere.
func (c *Collection) HasDates() bool { return c.dates != nil }

// IsDate reports whether the top-level property p is declared a date.
func (c *Collection) IsDate(p string) bool {
	return c.dates != nil && c.dates.props[p] != nil && c.dates.props[p].date
}

// ConvertDates replaces, in place, the strings of v that the schema
// declares as dates with what parse makes of them (when it can), and
// returns v. Formulas see dates as times this way.
func (c *Collection) ConvertDates(v any, parse func(string) (any, bool)) any {
	return convert(c.dates, v, parse)
}

func convert(sh *shape, v any, parse func(string) (any, bool)) any {
	if sh == nil {
		return v
	}
	switch x := v.(type) {
	case string:
		if sh.date {
			if t, ok := parse(x); ok {
				return t
			}
		}
	case map[string]any:
		for k, sub := range sh.props {
			if e, ok := x[k]; ok {
				x[k] = convert(sub, e, parse)
			}
		}
	case []any:
		for i, e := range x {
			x[i] = convert(sh.items, e, parse)
		}
	}
	return v
}
