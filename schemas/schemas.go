package schemas

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// BaseURI is the URI prefix under which every collection's schema is
// registered; "credence://schemas/exams" is the schema of "exams".
const BaseURI = "credence://schemas/"

var namePattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,62}$`)

// ValidName reports whether name is a valid user collection name.
func ValidName(name string) bool { return namePattern.MatchString(name) }

// knownKeywords are the x- keywords of Credence. Those not yet implemented
// are stored and ignored; any other x- keyword draws a warning.
var knownKeywords = map[string]bool{
	"x-ref": true, "x-on-delete": true, "x-formula": true, "x-computed": true,
	"x-default": true, "x-rules": true, "x-access": true, "x-private": true,
	"x-index": true, "x-unique": true, "x-publish": true, "x-audience": true,
	"x-title": true, "x-ui": true,
}

// FieldError is one failure at a JSON Pointer inside a document or schema.
type FieldError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// InvalidError reports a schema or a document that does not hold.
type InvalidError struct {
	Message string
	Errors  []FieldError
}

func (e *InvalidError) Error() string {
	if len(e.Errors) == 0 {
		return e.Message
	}
	return fmt.Sprintf("%s: %s %s", e.Message, e.Errors[0].Path, e.Errors[0].Message)
}

func invalid(path, format string, args ...any) *InvalidError {
	msg := fmt.Sprintf(format, args...)
	return &InvalidError{Message: "invalid schema", Errors: []FieldError{{Path: path, Message: msg}}}
}

// Collection is a compiled collection schema.
type Collection struct {
	// Name is the collection's name.
	Name string
	// Raw is the schema as the author wrote it.
	Raw json.RawMessage
	// Title and Description come from the schema root.
	Title, Description string
	// Indexed lists the top-level properties with x-index or x-unique, sorted.
	Indexed []string
	// Unique lists the top-level properties with x-unique, sorted.
	Unique []string
	// Publish is set by x-publish: the collection has a draft/published workflow.
	Publish bool
	// Warnings name unknown x- keywords; they are not errors.
	Warnings []string

	doc    any            // Raw decoded, for error messages
	all    map[string]any // every collection's decoded schema, by URI
	schema *jsonschema.Schema
}

// IsUnique reports whether property p carries x-unique.
func (c *Collection) IsUnique(p string) bool {
	for _, u := range c.Unique {
		if u == p {
			return true
		}
	}
	return false
}

// Registry is an immutable set of compiled collections.
type Registry struct {
	colls map[string]*Collection
}

// Empty returns a Registry without collections.
func Empty() *Registry { return &Registry{colls: map[string]*Collection{}} }

// Compile builds a Registry from raw schemas keyed by collection name.
func Compile(raw map[string]json.RawMessage) (*Registry, error) {
	return compile(raw)
}

// Collection returns the named collection.
func (r *Registry) Collection(name string) (*Collection, bool) {
	c, ok := r.colls[name]
	return c, ok
}

// Names returns the collection names in order.
func (r *Registry) Names() []string {
	names := make([]string, 0, len(r.colls))
	for n := range r.colls {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Put returns a new Registry in which name has the schema raw, and the
// compiled collection. The receiver is unchanged.
func (r *Registry) Put(name string, raw []byte) (*Registry, *Collection, error) {
	if !ValidName(name) {
		return nil, nil, invalid("", "collection name %q must match %s", name, namePattern)
	}
	all := r.raws()
	all[name] = raw
	next, err := compile(all)
	if err != nil {
		return nil, nil, err
	}
	return next, next.colls[name], nil
}

// Delete returns a new Registry without name. It fails when another
// collection's schema refers to name; the error names those collections.
func (r *Registry) Delete(name string) (*Registry, error) {
	all := r.raws()
	delete(all, name)
	next, err := compile(all)
	if err != nil {
		var users []string
		for n := range all {
			if refersTo(all[n], name) {
				users = append(users, n)
			}
		}
		sort.Strings(users)
		return nil, &InUseError{Name: name, By: users}
	}
	return next, nil
}

// InUseError reports a collection that other schemas still refer to.
type InUseError struct {
	Name string
	By   []string
}

func (e *InUseError) Error() string {
	return fmt.Sprintf("collection %s is referred to by the schema of %s", e.Name, strings.Join(e.By, ", "))
}

func refersTo(raw json.RawMessage, name string) bool {
	return bytes.Contains(raw, []byte(`"`+name)) || bytes.Contains(raw, []byte(BaseURI+name))
}

func (r *Registry) raws() map[string]json.RawMessage {
	all := make(map[string]json.RawMessage, len(r.colls)+1)
	for n, c := range r.colls {
		all[n] = c.Raw
	}
	return all
}

func compile(raw map[string]json.RawMessage) (*Registry, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	c.LoadURL = refuseLoad
	colls := make(map[string]*Collection, len(raw))
	names := make([]string, 0, len(raw))
	for name, r := range raw {
		coll, err := check(name, r)
		if err != nil {
			return nil, err
		}
		if err := c.AddResource(BaseURI+name, bytes.NewReader(r)); err != nil {
			return nil, invalid("", "%s: %v", name, err)
		}
		colls[name] = coll
		names = append(names, name)
	}
	sort.Strings(names)
	all := make(map[string]any, len(colls))
	for name, coll := range colls {
		all[BaseURI+name] = coll.doc
		coll.all = all
	}
	for _, name := range names {
		s, err := c.Compile(BaseURI + name)
		if err != nil {
			return nil, compileError(name, err)
		}
		colls[name].schema = s
	}
	return &Registry{colls: colls}, nil
}

// refuseLoad replaces the compiler's loader: nothing is ever fetched.
func refuseLoad(url string) (io.ReadCloser, error) {
	if name, ok := strings.CutPrefix(url, BaseURI); ok {
		return nil, fmt.Errorf("$ref to %q: no collection named %q", url, name)
	}
	return nil, fmt.Errorf("$ref to %q: only references inside the schema or to registered collections are allowed; nothing is loaded from a network or a file", url)
}

func compileError(name string, err error) error {
	var se *jsonschema.SchemaError
	if errors.As(err, &se) {
		var ve *jsonschema.ValidationError
		if errors.As(se.Err, &ve) {
			out := &InvalidError{Message: "the schema of " + name + " is not a valid JSON Schema"}
			for _, l := range leaves(ve) {
				out.Errors = append(out.Errors, FieldError{Path: l.InstanceLocation, Message: l.Message})
			}
			return out
		}
		err = se.Err
	}
	msg := strings.TrimPrefix(err.Error(), "jsonschema: ")
	return &InvalidError{Message: "the schema of " + name + " does not compile", Errors: []FieldError{{Path: "", Message: msg}}}
}

func leaves(ve *jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(ve.Causes) == 0 {
		return []*jsonschema.ValidationError{ve}
	}
	var out []*jsonschema.ValidationError
	for _, c := range ve.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

// check parses one collection schema and applies Credence's own rules:
// the root describes an object, no property name starts with "_", x-
// keywords are well formed. The JSON Schema itself is checked by compile.
func check(name string, raw json.RawMessage) (*Collection, error) {
	if !ValidName(name) {
		return nil, invalid("", "collection name %q must match %s", name, namePattern)
	}
	doc, err := decode(raw)
	if err != nil {
		return nil, invalid("", "not valid JSON: %v", err)
	}
	root, ok := doc.(map[string]any)
	if !ok {
		return nil, invalid("", "a collection schema must be a JSON object")
	}
	if t, _ := root["type"].(string); t != "object" {
		return nil, invalid("/type", `the root of a collection schema must have "type": "object"`)
	}
	coll := &Collection{Name: name, Raw: raw, doc: doc}
	coll.Title, _ = root["title"].(string)
	coll.Description, _ = root["description"].(string)
	if v, ok := root["x-publish"]; ok {
		b, isBool := v.(bool)
		if !isBool {
			return nil, invalid("/x-publish", "must be true or false")
		}
		coll.Publish = b
	}
	props, _ := root["properties"].(map[string]any)
	for _, p := range sortedKeys(props) {
		if strings.HasPrefix(p, "_") {
			return nil, invalid("/properties/"+escape(p), "property names starting with _ are reserved for meta fields")
		}
		if p == "id" {
			continue
		}
		prop, _ := props[p].(map[string]any)
		for _, kw := range []string{"x-index", "x-unique"} {
			v, ok := prop[kw]
			if !ok {
				continue
			}
			b, isBool := v.(bool)
			if !isBool {
				return nil, invalid("/properties/"+escape(p)+"/"+kw, "must be true or false")
			}
			if !b {
				continue
			}
			if !scalarType(prop["type"]) {
				return nil, invalid("/properties/"+escape(p)+"/"+kw, "%s needs a property of type string, number, integer or boolean", kw)
			}
			if kw == "x-unique" {
				coll.Unique = append(coll.Unique, p)
			}
			if len(coll.Indexed) == 0 || coll.Indexed[len(coll.Indexed)-1] != p {
				coll.Indexed = append(coll.Indexed, p)
			}
		}
	}
	if err := checkNested(doc, "", true); err != nil {
		return nil, err
	}
	coll.Warnings = unknownKeywords(doc, "")
	return coll, nil
}

// checkNested refuses x-index and x-unique below the top level.
func checkNested(v any, path string, top bool) error {
	switch v := v.(type) {
	case map[string]any:
		for _, k := range sortedKeys(v) {
			p := path + "/" + escape(k)
			if (k == "x-index" || k == "x-unique") && !isTopProperty(path) {
				return invalid(p, "%s applies only to top-level properties", k)
			}
			if err := checkNested(v[k], p, false); err != nil {
				return err
			}
		}
	case []any:
		for i, e := range v {
			if err := checkNested(e, fmt.Sprintf("%s/%d", path, i), false); err != nil {
				return err
			}
		}
	}
	return nil
}

func isTopProperty(path string) bool {
	rest, ok := strings.CutPrefix(path, "/properties/")
	return ok && !strings.Contains(rest, "/")
}

func scalarType(t any) bool {
	switch t := t.(type) {
	case string:
		return t == "string" || t == "number" || t == "integer" || t == "boolean"
	case []any:
		for _, e := range t {
			if s, _ := e.(string); s != "null" && !scalarType(s) {
				return false
			}
		}
		return len(t) > 0
	}
	return false
}

func unknownKeywords(v any, path string) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		for _, k := range sortedKeys(v) {
			p := path + "/" + escape(k)
			// Keys under properties, $defs and the like are names, not keywords.
			named := strings.HasSuffix(path, "/properties") || strings.HasSuffix(path, "/$defs") ||
				strings.HasSuffix(path, "/patternProperties") || strings.HasSuffix(path, "/dependentSchemas") ||
				strings.HasSuffix(path, "/definitions") || strings.HasSuffix(path, "/x-ui") || strings.HasSuffix(path, "/x-access")
			if !named && strings.HasPrefix(k, "x-") && !knownKeywords[k] {
				out = append(out, fmt.Sprintf("%s: unknown keyword %s is stored but has no effect", p, k))
			}
			if !named && (k == "x-ui" || k == "enum" || k == "const" || k == "examples" || k == "default") {
				continue // values, not schemas
			}
			out = append(out, unknownKeywords(v[k], p)...)
		}
	case []any:
		for i, e := range v {
			out = append(out, unknownKeywords(e, fmt.Sprintf("%s/%d", path, i))...)
		}
	}
	return out
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func decode(raw []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if d.More() {
		return nil, errors.New("unexpected data after the JSON value")
	}
	return v, nil
}

// escape encodes a JSON Pointer reference token (RFC 6901).
func escape(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}
