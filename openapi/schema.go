package openapi

import (
	"fmt"
	"maps"
	"math"
	"net/url"
	"slices"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/credence/credence/schemas"
)

// renamed are Credence's x- keywords that a spec reader may use, under
// their name in the spec. The others (x-access, x-audience, x-private,
// x-rules, x-ui, x-title and unknown ones) say how the server guards or
// shows data, not what a client sends, and are dropped.
var renamed = map[string]string{
	"x-ref": "x-credence-ref", "x-on-delete": "x-credence-on-delete",
	"x-formula": "x-credence-formula", "x-computed": "x-credence-computed",
	"x-default": "x-credence-default", "x-unique": "x-credence-unique",
	"x-index": "x-credence-index", "x-publish": "x-credence-publish",
	"x-immutable": "x-credence-immutable",
}

// formulaKeywords are the renamed keywords whose value is a formula's
// source, which only callers who may read the schemas are shown.
var formulaKeywords = map[string]bool{"x-formula": true, "x-computed": true, "x-default": true}

// isPrivate reports whether a property's schema is x-private: true, which
// only privileged roles read.
func isPrivate(v any) bool {
	m, ok := v.(map[string]any)
	return ok && m["x-private"] == true
}

// v31Only are the 2020-12 keywords OpenAPI 3.0 has no form for.
var v31Only = []string{
	"prefixItems", "contains", "minContains", "maxContains", "patternProperties",
	"dependentSchemas", "dependentRequired", "propertyNames", "unevaluatedItems",
	"unevaluatedProperties", "if", "then", "else", "contentMediaType",
	"contentEncoding", "contentSchema", "$dynamicRef",
}

// converter turns the collection schemas of a registry into OpenAPI schemas.
type converter struct {
	v30        bool
	names      map[string]string // collection -> type name
	raws       map[string]any    // collection -> decoded schema
	components openapi3.Schemas
	// hideFormulas leaves formula sources out (x-credence-formula: true);
	// dropPrivate leaves out the x-private: true properties.
	hideFormulas, dropPrivate bool
	pending                   []*openapi3.SchemaRef // refs whose Value is set once every component exists
	depth                     int
}

// ref returns a reference to the component name; its Value is filled in
// by resolve once all components are built.
func (c *converter) ref(name string) *openapi3.SchemaRef {
	r := &openapi3.SchemaRef{Ref: "#/components/schemas/" + name}
	c.pending = append(c.pending, r)
	return r
}

// resolve points every reference at its component, so that Validate and
// callers walking the document see the schema behind each $ref.
func (c *converter) resolve() error {
	for _, r := range c.pending {
		name := strings.TrimPrefix(r.Ref, "#/components/schemas/")
		target, ok := c.components[name]
		if !ok {
			return fmt.Errorf("openapi: %s refers to a schema that was not built", r.Ref)
		}
		r.Value = target.Value
	}
	return nil
}

// defs lifts the $defs (and draft-7 definitions) of collection coll into
// components named <Name>_<def>.
func (c *converter) defs(coll string, root map[string]any) {
	for _, kw := range []string{"$defs", "definitions"} {
		defs, _ := root[kw].(map[string]any)
		for _, d := range sortedKeys(defs) {
			name := c.names[coll] + "_" + componentName(d)
			c.components[name] = c.schema(coll, defs[d])
			if sub, ok := defs[d].(map[string]any); ok {
				c.nestedDefs(coll, d, sub)
			}
		}
	}
}

// nestedDefs lifts $defs inside a $def: <Name>_<def>_<inner>.
func (c *converter) nestedDefs(coll, prefix string, s map[string]any) {
	for _, kw := range []string{"$defs", "definitions"} {
		defs, _ := s[kw].(map[string]any)
		for _, d := range sortedKeys(defs) {
			name := c.names[coll] + "_" + componentName(prefix+"_"+d)
			c.components[name] = c.schema(coll, defs[d])
		}
	}
}

// refTarget rewrites a $ref written in the schema of coll to a component
// reference, or returns the subschema it points to when no component holds
// it (a pointer into properties, say).
func (c *converter) refTarget(coll, ref string) (*openapi3.SchemaRef, bool) {
	base, _ := url.Parse(schemas.BaseURI + coll)
	u, err := url.Parse(ref)
	if err != nil {
		return nil, false
	}
	abs := base.ResolveReference(u)
	frag := abs.Fragment
	abs.Fragment = ""
	target, ok := strings.CutPrefix(abs.String(), schemas.BaseURI)
	if !ok {
		return nil, false
	}
	name, known := c.names[target]
	if !known {
		return nil, false
	}
	toks := strings.Split(strings.TrimPrefix(frag, "/"), "/")
	for i, t := range toks {
		toks[i] = strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~")
	}
	switch {
	case frag == "":
		// Embedded data is checked against the collection's schema alone:
		// it has no id or meta fields, so it is the Content shape.
		return c.ref(name + "Content"), true
	case len(toks) == 2 && (toks[0] == "$defs" || toks[0] == "definitions"):
		return c.ref(name + "_" + componentName(toks[1])), true
	case len(toks) == 4 && (toks[0] == "$defs" || toks[0] == "definitions") && (toks[2] == "$defs" || toks[2] == "definitions"):
		return c.ref(name + "_" + componentName(toks[1]+"_"+toks[3])), true
	case strings.HasPrefix(frag, "/"):
		var v any = c.raws[target]
		for _, t := range toks {
			switch x := v.(type) {
			case map[string]any:
				v = x[t]
			case []any:
				var i int
				if _, err := fmt.Sscan(t, &i); err != nil || i < 0 || i >= len(x) {
					return nil, false
				}
				v = x[i]
			default:
				return nil, false
			}
		}
		if c.depth > 16 { // a pointer that leads back to itself
			return nil, false
		}
		c.depth++
		defer func() { c.depth-- }()
		return c.schema(target, v), true
	}
	return nil, false
}

// schema converts one JSON Schema 2020-12 value written in the schema of
// coll.
func (c *converter) schema(coll string, v any) *openapi3.SchemaRef {
	switch v := v.(type) {
	case bool:
		if v {
			return &openapi3.SchemaRef{Value: &openapi3.Schema{}}
		}
		return &openapi3.SchemaRef{Value: &openapi3.Schema{Not: &openapi3.SchemaRef{Value: &openapi3.Schema{}}}}
	case map[string]any:
		return c.object(coll, v)
	}
	return &openapi3.SchemaRef{Value: &openapi3.Schema{}}
}

func (c *converter) object(coll string, m map[string]any) *openapi3.SchemaRef {
	s := &openapi3.Schema{}
	var unexpressed []string
	if ref, ok := m["$ref"].(string); ok {
		target, found := c.refTarget(coll, ref)
		if !found {
			unexpressed = append(unexpressed, "$ref "+ref)
		} else if len(siblings(m)) == 0 {
			return target
		} else {
			// Keywords beside $ref constrain the referenced schema too;
			// allOf says so in both versions.
			s.AllOf = append(s.AllOf, target)
		}
	}
	s.Title = str(m["title"])
	s.Description = str(m["description"])
	s.Format = str(m["format"])
	s.Pattern = str(m["pattern"])
	s.Enum = list(m["enum"])
	s.Default = m["default"]
	s.ReadOnly, _ = m["readOnly"].(bool)
	s.WriteOnly, _ = m["writeOnly"].(bool)
	s.Deprecated, _ = m["deprecated"].(bool)
	s.UniqueItems, _ = m["uniqueItems"].(bool)
	s.Min = num(m["minimum"])
	s.Max = num(m["maximum"])
	s.MultipleOf = num(m["multipleOf"])
	s.MinLength = count(m["minLength"])
	s.MaxLength = countPtr(m["maxLength"])
	s.MinItems = count(m["minItems"])
	s.MaxItems = countPtr(m["maxItems"])
	s.MinProps = count(m["minProperties"])
	s.MaxProps = countPtr(m["maxProperties"])
	for _, r := range list(m["required"]) {
		if r, ok := r.(string); ok {
			s.Required = append(s.Required, r)
		}
	}
	for _, kw := range []string{"allOf", "anyOf", "oneOf"} {
		var refs openapi3.SchemaRefs
		for _, e := range list(m[kw]) {
			refs = append(refs, c.schema(coll, e))
		}
		switch kw {
		case "allOf":
			s.AllOf = append(s.AllOf, refs...)
		case "anyOf":
			s.AnyOf = refs
		case "oneOf":
			s.OneOf = refs
		}
	}
	if v, ok := m["not"]; ok {
		s.Not = c.schema(coll, v)
	}
	if v, ok := m["items"]; ok {
		s.Items = c.schema(coll, v)
	}
	if props, ok := m["properties"].(map[string]any); ok {
		s.Properties = make(openapi3.Schemas, len(props))
		for _, p := range sortedKeys(props) {
			if c.dropPrivate && isPrivate(props[p]) {
				// Never shown to this caller: not in its spec either.
				s.Required = slices.DeleteFunc(s.Required, func(r string) bool { return r == p })
				continue
			}
			s.Properties[p] = c.schema(coll, props[p])
		}
	}
	if v, ok := m["additionalProperties"]; ok {
		s.AdditionalProperties = c.boolSchema(coll, v)
	}
	c.types(s, m["type"])
	widths(s)
	if v, ok := m["const"]; ok {
		if c.v30 {
			s.Enum = []any{v}
			if v == nil {
				s.Nullable = true
			}
		} else {
			s.Const = v
			if v == nil {
				// kin-openapi leaves out a nil Const; an enum of null says the same.
				s.Enum = []any{nil}
			}
		}
	}
	c.bounds(s, m)
	if c.v30 && s.Items == nil && s.Type != nil && s.Type.Is("array") {
		// 3.0 wants items on every array; {} adds no constraint.
		s.Items = &openapi3.SchemaRef{Value: &openapi3.Schema{}}
	}
	if ex := list(m["examples"]); len(ex) > 0 {
		if c.v30 {
			s.Example = ex[0]
		} else {
			s.Examples = ex
		}
	}
	if c.v30 {
		for _, kw := range v31Only {
			if _, ok := m[kw]; ok {
				unexpressed = append(unexpressed, kw)
			}
		}
	} else {
		c.keywords31(coll, s, m)
	}
	for k, v := range m {
		if to, ok := renamed[k]; ok {
			if s.Extensions == nil {
				s.Extensions = map[string]any{}
			}
			if _, isFormula := v.(string); isFormula && c.hideFormulas && formulaKeywords[k] {
				v = true // computed, by a formula this caller may not read
			}
			s.Extensions[to] = v
		}
	}
	if v, ok := m["x-file"]; ok && v != false {
		// A file reference, set by an upload to the field's files route.
		str := func(desc string) *openapi3.SchemaRef {
			return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Description: desc}}
		}
		integer := func(desc string) *openapi3.SchemaRef {
			return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"integer"}, Format: "int64", Description: desc}}
		}
		s.Type = &openapi3.Types{"object"}
		s.Required = []string{"sha256"}
		s.Properties = openapi3.Schemas{
			"sha256": str("The SHA-256 of the file's bytes, hex: the file's id."), "name": str("The file's name as uploaded."),
			"type": str("Its media type, read from its bytes."), "size": integer("Its size in bytes."),
			"width": integer("An image's width in pixels."), "height": integer("An image's height in pixels."),
		}
		if s.Extensions == nil {
			s.Extensions = map[string]any{}
		}
		s.Extensions["x-credence-file"] = v
		s.Description = strings.TrimSpace(s.Description + "\n\nA file (x-file): upload it with POST .../files/{field}, read it with GET.")
	}
	if v, ok := m["x-private"]; ok && v != false {
		if s.Extensions == nil {
			s.Extensions = map[string]any{}
		}
		note := "Private (x-private): only admins and editors read it; other callers get the document without it."
		if _, isFormula := v.(string); isFormula {
			note = "Private (x-private): only the callers for whom its formula holds read it; others get the document without it."
			if c.hideFormulas {
				v = true
			}
		}
		s.Extensions["x-credence-private"] = v
		s.Description = strings.TrimSpace(s.Description + "\n\n" + note)
	}
	if len(unexpressed) > 0 {
		sort.Strings(unexpressed)
		note := "Not expressed in OpenAPI 3.0: " + strings.Join(unexpressed, ", ") + "."
		if !c.v30 {
			note = "Not expressed in this document: " + strings.Join(unexpressed, ", ") + "."
		}
		if s.Description != "" {
			s.Description += "\n\n"
		}
		s.Description += note
	}
	return &openapi3.SchemaRef{Value: s}
}

// keywords31 carries the 2020-12 keywords that only OpenAPI 3.1 has.
func (c *converter) keywords31(coll string, s *openapi3.Schema, m map[string]any) {
	for _, e := range list(m["prefixItems"]) {
		s.PrefixItems = append(s.PrefixItems, c.schema(coll, e))
	}
	if v, ok := m["contains"]; ok {
		s.Contains = c.schema(coll, v)
	}
	s.MinContains = countPtr(m["minContains"])
	s.MaxContains = countPtr(m["maxContains"])
	for kw, dst := range map[string]*openapi3.Schemas{"patternProperties": &s.PatternProperties, "dependentSchemas": &s.DependentSchemas} {
		if props, ok := m[kw].(map[string]any); ok {
			*dst = make(openapi3.Schemas, len(props))
			for _, p := range sortedKeys(props) {
				(*dst)[p] = c.schema(coll, props[p])
			}
		}
	}
	if dr, ok := m["dependentRequired"].(map[string]any); ok {
		s.DependentRequired = map[string][]string{}
		for k, v := range dr {
			for _, e := range list(v) {
				if e, ok := e.(string); ok {
					s.DependentRequired[k] = append(s.DependentRequired[k], e)
				}
			}
		}
	}
	if v, ok := m["propertyNames"]; ok {
		s.PropertyNames = c.schema(coll, v)
	}
	if v, ok := m["unevaluatedItems"]; ok {
		s.UnevaluatedItems = c.boolSchema(coll, v)
	}
	if v, ok := m["unevaluatedProperties"]; ok {
		s.UnevaluatedProperties = c.boolSchema(coll, v)
	}
	for kw, dst := range map[string]**openapi3.SchemaRef{"if": &s.If, "then": &s.Then, "else": &s.Else, "contentSchema": &s.ContentSchema} {
		if v, ok := m[kw]; ok {
			*dst = c.schema(coll, v)
		}
	}
	s.ContentMediaType = str(m["contentMediaType"])
	s.ContentEncoding = str(m["contentEncoding"])
	s.Comment = str(m["$comment"])
}

func (c *converter) boolSchema(coll string, v any) openapi3.BoolSchema {
	if b, ok := v.(bool); ok {
		return openapi3.BoolSchema{Has: &b}
	}
	return openapi3.BoolSchema{Schema: c.schema(coll, v)}
}

// types sets "type": as written in 3.1; in 3.0 null becomes nullable and
// several other types become a oneOf.
func (c *converter) types(s *openapi3.Schema, t any) {
	var ts []string
	switch t := t.(type) {
	case string:
		ts = []string{t}
	case []any:
		for _, e := range t {
			if e, ok := e.(string); ok {
				ts = append(ts, e)
			}
		}
	}
	if len(ts) == 0 {
		return
	}
	if !c.v30 {
		types := openapi3.Types(ts)
		s.Type = &types
		return
	}
	var rest []string
	for _, e := range ts {
		if e == "null" {
			s.Nullable = true
		} else {
			rest = append(rest, e)
		}
	}
	switch len(rest) {
	case 0: // only null: 3.0 has no null type
		s.Enum = []any{nil}
	case 1:
		s.Type = &openapi3.Types{rest[0]}
	default:
		var alts openapi3.SchemaRefs
		for _, e := range rest {
			one := &openapi3.Schema{Type: &openapi3.Types{e}, Nullable: s.Nullable}
			widths(one)
			alts = append(alts, &openapi3.SchemaRef{Value: one})
		}
		if len(s.OneOf) == 0 {
			s.OneOf = alts
		} else {
			// The author's own oneOf stays; the types join it through allOf.
			s.AllOf = append(s.AllOf, &openapi3.SchemaRef{Value: &openapi3.Schema{OneOf: alts}})
		}
	}
}

// widths gives a number or an integer that has no format the width
// Credence keeps: "double" (decimals are IEEE 754 doubles) and "int64"
// (integers are exact to 64 bits). Generators choose a type from the
// format and a narrow one without it: oapi-codegen decodes a bare number
// into a float32 (123456.789 comes back 123456.79, 1e39 does not decode),
// Java and C# generators a bare integer into an int32.
func widths(s *openapi3.Schema) {
	if s.Format != "" || s.Type == nil {
		return
	}
	var only string
	for _, t := range *s.Type {
		if t == "null" {
			continue
		}
		if only != "" {
			return // several types: a format would speak for only one
		}
		only = t
	}
	switch only {
	case "integer":
		s.Format = "int64"
	case "number":
		s.Format = "double"
	}
}

// bounds sets exclusiveMinimum and exclusiveMaximum: numbers in 3.1, in
// 3.0 the bound moves to minimum (maximum) with the boolean form, unless the
// inclusive bound written beside it is the stricter one.
func (c *converter) bounds(s *openapi3.Schema, m map[string]any) {
	for _, b := range []struct {
		kw         string
		inclusive  **float64
		exclusive  *openapi3.ExclusiveBound
		isStricter func(ex, in float64) bool
	}{
		{"exclusiveMinimum", &s.Min, &s.ExclusiveMin, func(ex, in float64) bool { return ex >= in }},
		{"exclusiveMaximum", &s.Max, &s.ExclusiveMax, func(ex, in float64) bool { return ex <= in }},
	} {
		ex := num(m[b.kw])
		if ex == nil {
			continue
		}
		if !c.v30 {
			b.exclusive.Value = ex
			continue
		}
		if *b.inclusive == nil || b.isStricter(*ex, **b.inclusive) {
			*b.inclusive = ex
			t := true
			b.exclusive.Bool = &t
		}
	}
}

// siblings lists the keywords beside $ref that constrain or describe.
func siblings(m map[string]any) []string {
	var out []string
	for k := range m {
		switch {
		case k == "$ref", k == "$id", k == "$schema", k == "$anchor", k == "$comment",
			k == "$defs", k == "definitions":
		case strings.HasPrefix(k, "x-"):
			if _, ok := renamed[k]; ok {
				out = append(out, k)
			}
		default:
			out = append(out, k)
		}
	}
	return out
}

func sortedKeys(m map[string]any) []string { return slices.Sorted(maps.Keys(m)) }

func str(v any) string { s, _ := v.(string); return s }

func list(v any) []any { l, _ := v.([]any); return l }

func num(v any) *float64 {
	f, ok := v.(float64)
	if !ok {
		return nil
	}
	return &f
}

func count(v any) uint64 {
	f, ok := v.(float64)
	if !ok || f < 0 || f > math.MaxInt64 {
		return 0
	}
	return uint64(f)
}

func countPtr(v any) *uint64 {
	if _, ok := v.(float64); !ok {
		return nil
	}
	n := count(v)
	return &n
}
