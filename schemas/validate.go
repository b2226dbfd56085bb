package schemas

import (
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
	err := c.schema.Validate(v)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return &InvalidError{Message: "the document cannot be validated", Errors: []FieldError{{Message: err.Error()}}}
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
	for _, l := range leaves(ve) {
		kw, value := c.keyword(l.AbsoluteKeywordLocation)
		at := lookup(instance, l.InstanceLocation)
		switch kw {
		case "required":
			obj, _ := at.(map[string]any)
			for _, p := range strings_(value) {
				if _, ok := obj[p]; !ok {
					add(FieldError{Path: l.InstanceLocation + "/" + escape(p), Message: "is required"})
				}
			}
			continue
		case "additionalProperties":
			if extra := c.extraProperties(l.AbsoluteKeywordLocation, at); len(extra) > 0 {
				for _, p := range extra {
					add(FieldError{Path: l.InstanceLocation + "/" + escape(p), Message: "is not allowed here"})
				}
				continue
			}
		}
		add(FieldError{Path: l.InstanceLocation, Message: message(kw, value, l.Message)})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// keyword returns the keyword at an absolute keyword location such as
// "credence://schemas/exams#/properties/title/minLength" and its value in the
// collection schemas of the registry.
func (c *Collection) keyword(loc string) (string, any) {
	base, frag, _ := strings.Cut(loc, "#")
	i := strings.LastIndexByte(frag, '/')
	if i < 0 {
		return "", nil
	}
	kw := unescape(frag[i+1:])
	doc, ok := c.all[base]
	if !ok {
		return kw, nil
	}
	return kw, lookup(doc, frag)
}

// message turns a failing keyword into a sentence for a business user,
// falling back on the validator's own words.
func message(kw string, v any, fallback string) string {
	n := func() string { return fmt.Sprint(v) }
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
		if v != nil {
			b, _ := json.Marshal(v)
			return "must be " + string(b)
		}
	case "minItems":
		return "must have at least " + n() + " items"
	case "maxItems":
		return "must have at most " + n() + " items"
	case "uniqueItems":
		return "must not contain the same item twice (" + fallback + ")"
	case "minProperties":
		return "must have at least " + n() + " properties"
	case "maxProperties":
		return "must have at most " + n() + " properties"
	case "oneOf":
		return "must match exactly one of the allowed shapes"
	case "anyOf":
		return "must match at least one of the allowed shapes"
	case "not":
		return "must not match the excluded shape"
	case "false":
		return "is not allowed here"
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
	parent, _ := lookup(doc, strings.TrimSuffix(frag, "/additionalProperties")).(map[string]any)
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

// lookup resolves a JSON Pointer (RFC 6901, optionally URL-escaped as in a
// URI fragment) inside a decoded JSON value; it returns nil when absent.
func lookup(v any, ptr string) any {
	if p, err := url.PathUnescape(ptr); err == nil {
		ptr = p
	}
	if ptr == "" || ptr == "/" && v == nil {
		return v
	}
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		tok = unescape(tok)
		switch c := v.(type) {
		case map[string]any:
			v = c[tok]
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(c) {
				return nil
			}
			v = c[i]
		default:
			return nil
		}
	}
	return v
}

func unescape(s string) string {
	if !strings.Contains(s, "~") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
}
