package schemas

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// Validate checks a document's content (without id and meta fields) against
// the collection's schema. It returns nil or an *InvalidError that lists every
// failing JSON Pointer with a readable message. Numbers in v should be
// json.Number (decode with UseNumber) so that no precision is lost.
func (c *Collection) Validate(v any) error {
	if bad := badNumbers(v); len(bad) > 0 {
		sortFieldErrors(bad)
		return &InvalidError{Message: "the document does not match the schema of " + c.Name, Errors: bad}
	}
	err := c.schema.Validate(v)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		msg := strings.TrimPrefix(err.Error(), "jsonschema: ")
		return &InvalidError{Message: "the document cannot be validated", Errors: []FieldError{{Message: msg}}}
	}
	return &InvalidError{Message: "the document does not match the schema of " + c.Name, Errors: c.fieldErrors(ve, v)}
}

// fieldErrors flattens a validation error tree into one readable message per
// failing location.
func (c *Collection) fieldErrors(ve *jsonschema.ValidationError, instance any) []FieldError {
	seen := map[FieldError]bool{}
	var out []FieldError
	add := func(fe FieldError) {
		if !seen[fe] {
			seen[fe] = true
			out = append(out, fe)
		}
	}
	for _, l := range leaves(ve, true) {
		path := pointer(l.InstanceLocation)
		kw, value, found := c.keyword(l.AbsoluteKeywordLocation)
		at := lookup(instance, path)
		switch kw {
		case "required":
			obj, _ := at.(map[string]any)
			missing := false
			for _, p := range strings_(value) {
				if _, ok := obj[p]; !ok {
					add(FieldError{Path: path + "/" + escape(p), Message: "is required"})
					missing = true
				}
			}
			if missing {
				continue
			}
		case "additionalProperties":
			if extra := c.extraProperties(l.AbsoluteKeywordLocation, at); len(extra) > 0 {
				for _, p := range extra {
					add(FieldError{Path: path + "/" + escape(p), Message: "is not allowed here"})
				}
				continue
			}
		}
		if kw != "const" && found && value == false {
			// The false schema: under properties, items, unevaluatedProperties, ...
			add(FieldError{Path: path, Message: "is not allowed here"})
			continue
		}
		if p, ok := dependentRequired(l.AbsoluteKeywordLocation); ok && found {
			if req, isString := value.(string); isString {
				add(FieldError{Path: path + "/" + escape(req), Message: "is required when " + p + " is present"})
				continue
			}
		}
		add(FieldError{Path: path, Message: message(kw, value, found, l.Message)})
	}
	sortFieldErrors(out)
	return out
}

// sortFieldErrors orders errors by path, as in the document: array indexes
// in numeric order ("/questions/2" before "/questions/10").
func sortFieldErrors(errs []FieldError) {
	sort.SliceStable(errs, func(i, j int) bool { return comparePointers(errs[i].Path, errs[j].Path) < 0 })
}

func comparePointers(a, b string) int {
	ta, tb := strings.Split(a, "/"), strings.Split(b, "/")
	for i := 0; i < len(ta) && i < len(tb); i++ {
		if ta[i] == tb[i] {
			continue
		}
		na, errA := strconv.ParseUint(ta[i], 10, 64)
		nb, errB := strconv.ParseUint(tb[i], 10, 64)
		if errA == nil && errB == nil && na != nb {
			return cmp.Compare(na, nb)
		}
		return strings.Compare(ta[i], tb[i])
	}
	return cmp.Compare(len(ta), len(tb))
}

// keyword returns the keyword at an absolute keyword location such as
// "credence://schemas/exams#/properties/title/minLength" and its value in the
// collection schemas of the registry; found is false when the value is not
// known (a location in a draft's meta-schema).
func (c *Collection) keyword(loc string) (kw string, value any, found bool) {
	base, frag, _ := strings.Cut(loc, "#")
	kw = lastToken(loc)
	doc, ok := c.all[base]
	if !ok {
		return kw, nil, false
	}
	value, found = lookupFragment(doc, frag)
	return kw, value, found
}

// lastToken returns the last reference token of the fragment of a location.
func lastToken(loc string) string {
	_, frag, _ := strings.Cut(loc, "#")
	i := strings.LastIndexByte(frag, '/')
	if i < 0 {
		return ""
	}
	return unescape(frag[i+1:])
}

// dependentRequired returns the property p when loc is the location of
// "dependentRequired/p/i" (or the older "dependencies/p/i").
func dependentRequired(loc string) (string, bool) {
	_, frag, _ := strings.Cut(loc, "#")
	toks := strings.Split(frag, "/")
	if n := len(toks); n >= 3 && (toks[n-3] == "dependentRequired" || toks[n-3] == "dependencies") {
		if p, err := url.PathUnescape(toks[n-2]); err == nil {
			return unescape(p), true
		}
	}
	return "", false
}

// formats names the values that a format keyword asks for.
var formats = map[string]string{
	"email":     "a valid email address",
	"idn-email": "a valid email address",
	"date-time": "a valid date and time, such as 2024-05-31T09:30:00Z",
	"date":      "a valid date, such as 2024-05-31",
	"time":      "a valid time, such as 09:30:00Z",
	"duration":  "a valid duration, such as P3D or PT1H30M",
	"uri":       "a valid absolute URI, such as https://example.com/page",
	"uuid":      "a valid UUID",
	"ipv4":      "a valid IPv4 address",
	"ipv6":      "a valid IPv6 address",
	"hostname":  "a valid host name",
}

// message turns a failing keyword with the value v (if found) into a
// sentence for a business user, falling back on the validator's own words.
func message(kw string, v any, found bool, fallback string) string {
	n := func() string { return fmt.Sprint(v) }
	switch kw {
	case "oneOf":
		return "must match exactly one of the allowed shapes"
	case "anyOf":
		return "must match at least one of the allowed shapes"
	case "not":
		return "must not match the excluded shape"
	case "minContains":
		if !found {
			return "must contain at least one matching item"
		}
		return "must contain at least " + n() + " matching items"
	case "uniqueItems":
		return "must not contain the same item twice (" + fallback + ")"
	}
	if !found {
		return fallback
	}
	switch kw {
	case "type":
		switch t := v.(type) {
		case string:
			return "must be " + article(t)
		case []any:
			parts := make([]string, len(t))
			for i, e := range t {
				parts[i] = article(fmt.Sprint(e))
			}
			return "must be " + strings.Join(parts, " or ")
		}
	case "minimum":
		return "must be at least " + n()
	case "maximum":
		return "must be at most " + n()
	case "exclusiveMinimum":
		return "must be greater than " + n()
	case "exclusiveMaximum":
		return "must be less than " + n()
	case "multipleOf":
		return "must be a multiple of " + n()
	case "minLength":
		return "must be at least " + n() + " characters long"
	case "maxLength":
		return "must be at most " + n() + " characters long"
	case "pattern":
		return "must match the pattern " + n()
	case "format":
		if name, ok := formats[n()]; ok {
			return "must be " + name
		}
		return "must be a valid " + n()
	case "enum":
		if list, ok := v.([]any); ok {
			parts := make([]string, len(list))
			for i, e := range list {
				b, _ := json.Marshal(e)
				parts[i] = string(b)
			}
			return "must be one of " + strings.Join(parts, ", ")
		}
	case "const":
		b, _ := json.Marshal(v)
		return "must be " + string(b)
	case "minItems":
		return "must have at least " + n() + " items"
	case "maxItems":
		return "must have at most " + n() + " items"
	case "minProperties":
		return "must have at least " + n() + " properties"
	case "maxProperties":
		return "must have at most " + n() + " properties"
	case "maxContains":
		return "must contain at most " + n() + " matching items"
	}
	return fallback
}

func article(t string) string {
	switch t {
	case "object", "array", "integer":
		return "an " + t
	case "null":
		return "null"
	}
	return "a " + t
}

// extraProperties lists the members of obj that the schema around an
// additionalProperties keyword at loc does not declare.
func (c *Collection) extraProperties(loc string, obj any) []string {
	base, frag, _ := strings.Cut(loc, "#")
	m, ok := obj.(map[string]any)
	doc, known := c.all[base]
	if !known || !ok {
		return nil
	}
	around, _ := lookupFragment(doc, strings.TrimSuffix(frag, "/additionalProperties"))
	parent, _ := around.(map[string]any)
	declared, _ := parent["properties"].(map[string]any)
	patterns, _ := parent["patternProperties"].(map[string]any)
	var out []string
	for _, k := range sortedKeys(m) {
		if _, ok := declared[k]; ok {
			continue
		}
		matched := false
		for p := range patterns {
			if re, err := regexp.Compile(p); err == nil && re.MatchString(k) {
				matched = true
				break
			}
		}
		if !matched {
			out = append(out, k)
		}
	}
	return out
}

func strings_(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, e := range list {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// pointer turns an instance location of jsonschema/v5, whose reference
// tokens are URL-escaped, into a plain JSON Pointer (RFC 6901).
func pointer(loc string) string {
	if !strings.Contains(loc, "%") {
		return loc
	}
	// The validator escapes "/" as "~1" before URL-escaping, so no token
	// boundary is lost.
	if p, err := url.PathUnescape(loc); err == nil {
		return p
	}
	return loc
}

// lookupFragment resolves the fragment of a keyword location, a JSON Pointer
// with URL-escaped tokens, inside a decoded schema.
func lookupFragment(v any, frag string) (any, bool) {
	return resolvePointer(v, pointer(frag))
}

// lookup resolves a JSON Pointer (RFC 6901) inside a decoded JSON value; it
// returns nil when absent.
func lookup(v any, ptr string) any {
	v, _ = resolvePointer(v, ptr)
	return v
}

func resolvePointer(v any, ptr string) (any, bool) {
	if ptr == "" {
		return v, true
	}
	if ptr[0] != '/' {
		return nil, false
	}
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = unescape(tok)
		switch c := v.(type) {
		case map[string]any:
			next, ok := c[tok]
			if !ok {
				return nil, false
			}
			v = next
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(c) {
				return nil, false
			}
			v = c[i]
		default:
			return nil, false
		}
	}
	return v, true
}

func unescape(s string) string {
	if !strings.Contains(s, "~") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
}
