package schemas

import (
	"net/url"
	"strconv"
	"strings"
)

// nesting says where a keyword's value holds subschemas.
type nesting int

const (
	inValue   nesting = 1 << iota // the value is a schema ("not", "items")
	inItems                       // each array item is a schema ("allOf")
	inMembers                     // each object member is a schema ("properties")
)

// subschemaKeywords are the keywords whose values hold schemas, as
// jsonschema/v5 lists them for draft 2020-12 (and the older spellings it
// still reads). Every other keyword's value is data: enum, const, default,
// examples and the x- keywords are never read as schemas.
var subschemaKeywords = map[string]nesting{
	"not": inValue, "additionalProperties": inValue, "additionalItems": inValue,
	"propertyNames": inValue, "contains": inValue, "if": inValue, "then": inValue,
	"else": inValue, "unevaluatedProperties": inValue, "unevaluatedItems": inValue,
	"contentSchema": inValue,
	"items":         inValue | inItems,
	"allOf":         inItems, "anyOf": inItems, "oneOf": inItems, "prefixItems": inItems,
	"properties": inMembers, "patternProperties": inMembers, "$defs": inMembers,
	"definitions": inMembers, "dependentSchemas": inMembers, "dependencies": inMembers,
}

// walk calls fn for every schema object inside v, v first, with its JSON
// Pointer and its base URI (changed by $id as in JSON Schema 2020-12).
// Members are visited in sorted order so that results are deterministic.
func walk(v any, path, base string, fn func(path, base string, s map[string]any)) {
	s, ok := v.(map[string]any)
	if !ok {
		return
	}
	if id, ok := s["$id"].(string); ok {
		if u, err := resolve(base, id); err == nil {
			base, _, _ = strings.Cut(u, "#")
		}
	}
	fn(path, base, s)
	for _, k := range sortedKeys(s) {
		where := subschemaKeywords[k]
		p := path + "/" + escape(k)
		switch sub := s[k].(type) {
		case map[string]any:
			if where&inValue != 0 {
				walk(sub, p, base, fn)
			}
			if where&inMembers != 0 {
				for _, m := range sortedKeys(sub) {
					walk(sub[m], p+"/"+escape(m), base, fn)
				}
			}
		case []any:
			if where&inItems != 0 {
				for i, e := range sub {
					walk(e, p+"/"+strconv.Itoa(i), base, fn)
				}
			}
		}
	}
}

// reference is a $ref or $dynamicRef inside a collection schema.
type reference struct {
	path       string // JSON Pointer of the keyword
	target     string // absolute URI it resolves to
	collection string // the collection it names, if any
	err        string // why it is refused, if it is
}

// references lists the references in the schema doc of collection name.
// A reference may point inside the schema (including to a subschema with
// its own $id) or to a collection at BaseURI; anything else is refused with
// err set, so that compiling never reaches for a network or a file.
func references(name string, doc any) []reference {
	local := map[string]bool{}
	walk(doc, "", BaseURI+name, func(_, base string, _ map[string]any) { local[base] = true })
	var out []reference
	walk(doc, "", BaseURI+name, func(path, base string, s map[string]any) {
		for _, kw := range []string{"$ref", "$dynamicRef"} {
			ref, ok := s[kw].(string)
			if !ok {
				continue
			}
			r := reference{path: path + "/" + escape(kw)}
			target, err := resolve(base, ref)
			if err != nil {
				r.err = "is not a valid URI reference"
				out = append(out, r)
				continue
			}
			r.target = target
			doc, _, _ := strings.Cut(target, "#")
			coll, isColl := strings.CutPrefix(doc, BaseURI)
			switch {
			case doc == BaseURI+name:
				r.collection = name
			case local[doc]:
				// a subschema with its own $id
			case isColl && ValidName(coll):
				r.collection = coll
			default:
				r.err = "may refer only to a place inside this schema or to another collection, such as \"questions\" or \"questions#/$defs/choice\"; nothing is loaded from a network or a file"
			}
			out = append(out, r)
		}
	})
	return out
}

// resolve resolves ref against base as jsonschema/v5 does.
func resolve(base, ref string) (string, error) {
	if ref == "" {
		return base, nil
	}
	if strings.HasPrefix(ref, "urn:") {
		return ref, nil
	}
	r, err := url.Parse(ref)
	if err != nil {
		return "", err
	}
	if r.IsAbs() {
		return ref, nil
	}
	if strings.HasPrefix(base, "urn:") {
		b, _, _ := strings.Cut(base, "#")
		return b + ref, nil
	}
	b, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	return b.ResolveReference(r).String(), nil
}
