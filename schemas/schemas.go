package schemas

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
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

// SystemName reports whether name is a valid system collection name: "_"
// followed by a valid user collection name ("_keys"). System collections
// have built-in schemas; only the program that embeds Credence defines them.
func SystemName(name string) bool {
	rest, ok := strings.CutPrefix(name, "_")
	return ok && ValidName(rest)
}

// knownKeywords are the x- keywords of Credence. Those not yet implemented
// are stored and ignored; any other x- keyword draws a warning.
var knownKeywords = map[string]bool{
	"x-ref": true, "x-on-delete": true, "x-formula": true, "x-computed": true,
	"x-default": true, "x-rules": true, "x-access": true, "x-private": true,
	"x-index": true, "x-unique": true, "x-publish": true, "x-audience": true,
	"x-title": true, "x-ui": true, "x-immutable": true, "x-secret": true, "x-group": true,
	"x-file": true,
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

// Error returns the message with the first field error, if any.
func (e *InvalidError) Error() string {
	if len(e.Errors) == 0 {
		return e.Message
	}
	if e.Errors[0].Path == "" {
		return e.Message + ": " + e.Errors[0].Message
	}
	return fmt.Sprintf("%s: %s %s", e.Message, e.Errors[0].Path, e.Errors[0].Message)
}

// invalid reports one failure at path in the schema of the collection name.
func invalid(name, path, format string, args ...any) *InvalidError {
	msg := fmt.Sprintf(format, args...)
	return &InvalidError{Message: "the schema of " + name + " is invalid", Errors: []FieldError{{Path: path, Message: msg}}}
}

func nameError(name string) *InvalidError {
	return &InvalidError{Message: "invalid collection name", Errors: []FieldError{{
		Message: fmt.Sprintf("collection name %q must start with a lowercase letter, followed by up to 62 lowercase letters, digits or _", name)}}}
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
	// Counted lists the Indexed properties whose values are few (an enum
	// or a const of texts and booleans, or a boolean type), sorted: the
	// store keeps their documents' count by value, as it keeps the
	// collection's, so that a count by one reads a few keys.
	Counted []string
	// Publish is set by x-publish: the collection has a draft/published workflow.
	Publish bool
	// Properties names the top-level properties, sorted.
	Properties []string
	// Types gives the JSON types a top-level property declares ("type"),
	// when it declares any.
	Types map[string][]string
	// Formulas are the x-formula fields: stored, recomputed on every write.
	Formulas []Formula
	// Computed are the x-computed fields: virtual, computed on every read.
	Computed []Formula
	// Defaults are the x-default fields: evaluated on create when absent.
	Defaults []Formula
	// Literals are the JSON Schema defaults ("default") of top-level
	// properties without an x-default: set on create when absent.
	Literals map[string]any
	// Rules are the x-rules: invariants checked on create and update.
	Rules []Rule
	// Links are the x-ref properties: references to documents of
	// collections, checked on write.
	Links []Link
	// Files are the x-file properties: references to stored files.
	Files []FileField
	// Access holds the x-access formulas by operation (list, read, create,
	// update, delete).
	Access map[string]string
	// Audience is the x-audience formula: a document is delivered only to
	// the readers for whom it holds.
	Audience string
	// Private lists the x-private properties.
	Private []Private
	// Immutable lists the top-level properties with x-immutable, sorted:
	// set when a document is created, never changed after.
	Immutable []string
	// Secrets lists the top-level properties with x-secret, sorted: written,
	// stored, and never read back by any reader or formula.
	Secrets []string
	// ServerSecrets are the Secrets that are also readOnly: set by the
	// server itself (a key's hash), so that a reader need not be told that
	// a document has one.
	ServerSecrets []string
	// Warnings name unknown x- keywords; they are not errors.
	Warnings []string

	doc    any            // Raw decoded, for error messages
	dates  *shape         // where the documents hold dates
	all    map[string]any // every collection's decoded schema, by URI
	refs   []reference    // the $refs in the schema
	schema *jsonschema.Schema
}

// Formula is a formula-valued keyword on a top-level property.
type Formula struct {
	Field  string
	Source string
}

// Link is a reference property: a top-level string property, or a
// top-level array of strings, with x-ref naming the collection whose
// document ids it holds.
type Link struct {
	Field  string
	Many   bool   // an array of references
	Target string // the collection referred to
	// OnDelete is what deleting a referred document does: "restrict"
	// (the default), "cascade" or "set-null".
	OnDelete string
}

// Rule is one x-rules entry: When must hold, else Message is the error.
type Rule struct {
	When    string `json:"when"`
	Message string `json:"message"`
}

// HasFormulas reports whether writes to the collection run formulas.
func (c *Collection) HasFormulas() bool {
	return len(c.Formulas) > 0 || len(c.Defaults) > 0 || len(c.Rules) > 0
}

// IsCounted reports whether p is a counted property (see Counted).
func (c *Collection) IsCounted(p string) bool { return slices.Contains(c.Counted, p) }

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
		return nil, nil, nameError(name)
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
	var users []string
	for _, n := range r.Names() {
		if n != name && r.colls[n].refersTo(name) {
			users = append(users, n)
		}
	}
	if len(users) > 0 {
		return nil, &InUseError{Name: name, By: users}
	}
	all := r.raws()
	delete(all, name)
	return compile(all)
}

// InUseError reports a collection that other schemas still refer to.
type InUseError struct {
	// Name is the collection that cannot be deleted.
	Name string
	// By lists the collections whose schemas refer to it, sorted.
	By []string
}

// Error names the collection and the schemas that refer to it.
func (e *InUseError) Error() string {
	return fmt.Sprintf("collection %s is referred to by the schema of %s", e.Name, strings.Join(e.By, ", "))
}

// refersTo reports whether the schema has a $ref to the collection name.
func (c *Collection) refersTo(name string) bool {
	for _, ref := range c.refs {
		if ref.collection == name {
			return true
		}
	}
	for _, l := range c.Links {
		if l.Target == name && name != c.Name {
			return true
		}
	}
	return false
}

func (r *Registry) raws() map[string]json.RawMessage {
	all := make(map[string]json.RawMessage, len(r.colls)+1)
	for n, c := range r.colls {
		all[n] = c.Raw
	}
	return all
}

func compile(raw map[string]json.RawMessage) (*Registry, error) {
	names := make([]string, 0, len(raw))
	for name := range raw {
		names = append(names, name)
	}
	sort.Strings(names) // the first error found does not depend on map order
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	c.LoadURL = refuseLoad
	colls := make(map[string]*Collection, len(raw))
	for _, name := range names {
		coll, err := check(name, raw[name])
		if err != nil {
			return nil, err
		}
		if err := c.AddResource(BaseURI+name, bytes.NewReader(raw[name])); err != nil {
			return nil, invalid(name, "", "not valid JSON: %s", strings.TrimPrefix(err.Error(), "jsonschema: "))
		}
		colls[name] = coll
	}
	for _, name := range names {
		for _, l := range colls[name].Links {
			if _, ok := colls[l.Target]; !ok {
				path := "/properties/" + escape(l.Field)
				if l.Many {
					path += "/items"
				}
				return nil, invalid(name, path+"/x-ref", "refers to the collection %q, which does not exist", l.Target)
			}
		}
		for _, ref := range colls[name].refs {
			if ref.collection == "" {
				continue
			}
			target, ok := colls[ref.collection]
			if !ok {
				return nil, invalid(name, ref.path, "refers to the collection %q, which does not exist", ref.collection)
			}
			// A pointer into a schema that does not hold it: say where, before
			// the compiler answers with a URI.
			if _, frag, _ := strings.Cut(ref.target, "#"); strings.HasPrefix(frag, "/") {
				if _, found := lookupFragment(target.doc, frag); !found {
					return nil, invalid(name, ref.path, "refers to #%s in the schema of %s, which has nothing there", pointer(frag), ref.collection)
				}
			}
		}
	}
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
// references refuses what would reach it first; this is the last guard,
// for instance for a "$schema" that is not a known draft.
func refuseLoad(url string) (io.ReadCloser, error) {
	if name, ok := strings.CutPrefix(url, BaseURI); ok {
		return nil, fmt.Errorf("there is no collection named %q", name)
	}
	return nil, fmt.Errorf("%q cannot be loaded: a schema may refer only to itself or to another collection; nothing is loaded from a network or a file", url)
}

func compileError(name string, err error) error {
	var se *jsonschema.SchemaError
	if errors.As(err, &se) {
		var ve *jsonschema.ValidationError
		if errors.As(se.Err, &ve) {
			out := &InvalidError{Message: "the schema of " + name + " is not a valid JSON Schema"}
			seen := map[FieldError]bool{}
			for _, l := range leaves(ve, false) {
				fe := FieldError{Path: pointer(l.InstanceLocation), Message: l.Message}
				if !seen[fe] {
					seen[fe] = true
					out.Errors = append(out.Errors, fe)
				}
			}
			sortFieldErrors(out.Errors)
			return out
		}
		err = se.Err
	}
	var loop jsonschema.InfiniteLoopError
	if errors.As(err, &loop) {
		_, at, _ := strings.Cut(string(loop), "#")
		return invalid(name, pointer(at), "refers to itself in an endless loop")
	}
	msg := strings.TrimPrefix(err.Error(), "jsonschema: ")
	return &InvalidError{Message: "the schema of " + name + " does not compile", Errors: []FieldError{{Path: "", Message: msg}}}
}

// leaves lists the failures at the ends of a validation error tree. With
// collapse, a failed anyOf, oneOf or contains is one failure: the failures of
// each alternative would contradict one another ("must be a string", "must be
// a number").
func leaves(ve *jsonschema.ValidationError, collapse bool) []*jsonschema.ValidationError {
	if len(ve.Causes) == 0 {
		return []*jsonschema.ValidationError{ve}
	}
	if collapse {
		switch lastToken(ve.AbsoluteKeywordLocation) {
		case "anyOf", "oneOf", "minContains":
			return []*jsonschema.ValidationError{ve}
		}
	}
	var out []*jsonschema.ValidationError
	for _, c := range ve.Causes {
		out = append(out, leaves(c, collapse)...)
	}
	return out
}

// check parses one collection schema and applies Credence's own rules:
// the root describes an object, no property name starts with "_", x-
// keywords are well formed, references stay inside the registry. The JSON
// Schema itself is checked by compile.
func check(name string, raw json.RawMessage) (*Collection, error) {
	if !ValidName(name) && !SystemName(name) {
		return nil, nameError(name)
	}
	doc, err := decode(raw)
	if err != nil {
		return nil, invalid(name, "", "not valid JSON: %v", err)
	}
	root, ok := doc.(map[string]any)
	if !ok {
		return nil, invalid(name, "", "a collection schema must be a JSON object")
	}
	if bad := badNumbers(doc); len(bad) > 0 {
		sortFieldErrors(bad)
		return nil, &InvalidError{Message: "the schema of " + name + " is invalid", Errors: bad}
	}
	if t, _ := root["type"].(string); t != "object" {
		return nil, invalid(name, "/type", `the root of a collection schema must have "type": "object"`)
	}
	if id, ok := root["$id"]; ok {
		// The schema's URI is the collection's: {"$ref": "questions"} resolves against it.
		if s, _ := id.(string); s != BaseURI+name {
			return nil, invalid(name, "/$id", "must be left out: the schema of %s is identified by its name", name)
		}
	}
	// The registry outlives the caller's buffer, which may be reused.
	coll := &Collection{Name: name, Raw: bytes.Clone(raw), doc: doc}
	coll.Title, _ = root["title"].(string)
	coll.Description, _ = root["description"].(string)
	if v, ok := root["x-publish"]; ok {
		b, isBool := v.(bool)
		if !isBool {
			return nil, invalid(name, "/x-publish", "must be true or false")
		}
		coll.Publish = b
	}
	props, _ := root["properties"].(map[string]any)
	var unindexed []string // warnings: x-index or x-unique on x-computed fields
	for _, p := range sortedKeys(props) {
		if strings.HasPrefix(p, "_") {
			return nil, invalid(name, "/properties/"+escape(p), "property names starting with _ are reserved for meta fields")
		}
		if p == "id" {
			continue
		}
		prop, _ := props[p].(map[string]any)
		coll.Properties = append(coll.Properties, p)
		if ts := types(prop["type"]); len(ts) > 0 {
			if coll.Types == nil {
				coll.Types = map[string][]string{}
			}
			coll.Types[p] = ts
		}
		if err := formulas(coll, p, prop); err != nil {
			return nil, err
		}
		if v, ok := prop["default"]; ok && prop["x-default"] == nil {
			if coll.Literals == nil {
				coll.Literals = map[string]any{}
			}
			coll.Literals[p] = v
		}
		if err := link(coll, p, prop); err != nil {
			return nil, err
		}
		if err := immutable(coll, p, prop); err != nil {
			return nil, err
		}
		if err := secret(coll, p, prop); err != nil {
			return nil, err
		}
		if err := file(coll, p, prop); err != nil {
			return nil, err
		}
		for _, kw := range []string{"x-index", "x-unique"} {
			v, ok := prop[kw]
			if !ok {
				continue
			}
			b, isBool := v.(bool)
			if !isBool {
				return nil, invalid(name, "/properties/"+escape(p)+"/"+kw, "must be true or false")
			}
			if !b {
				continue
			}
			if !scalarType(prop["type"]) && !scalarEnum(prop) {
				return nil, invalid(name, "/properties/"+escape(p)+"/"+kw, "%s needs a property of type string, number, integer or boolean (or an enum of those)", kw)
			}
			if _, computed := prop["x-computed"]; computed {
				// Not stored, so nothing to index: every entry would be null.
				unindexed = append(unindexed, fmt.Sprintf("/properties/%s/%s: an x-computed field is not stored, so %s has no effect", escape(p), kw, kw))
				continue
			}
			if kw == "x-unique" {
				coll.Unique = append(coll.Unique, p)
			}
			if len(coll.Indexed) == 0 || coll.Indexed[len(coll.Indexed)-1] != p {
				coll.Indexed = append(coll.Indexed, p)
				if fewValues(prop) {
					coll.Counted = append(coll.Counted, p)
				}
			}
		}
	}
	var nested *InvalidError
	walk(doc, "", BaseURI+name, func(path, _ string, s map[string]any) {
		if nested != nil || isTopProperty(path) {
			return
		}
		for _, kw := range []string{"x-index", "x-unique", "x-formula", "x-computed", "x-default", "x-ref", "x-on-delete", "x-immutable", "x-secret", "x-file"} {
			if _, ok := s[kw]; !ok {
				continue
			}
			if (kw == "x-ref" || kw == "x-on-delete") && isTopItems(path) {
				continue // the items of a top-level array of references
			}
			nested = invalid(name, path+"/"+kw, "%s applies only to top-level properties", kw)
			return
		}
	})
	if nested != nil {
		return nil, nested
	}
	if v, ok := root["x-rules"]; ok {
		rules, err := parseRules(name, v)
		if err != nil {
			return nil, err
		}
		coll.Rules = rules
	}
	if err := access(coll, root, doc); err != nil {
		return nil, err
	}
	coll.dates = dateShape(doc)
	coll.refs = references(name, doc)
	for _, r := range coll.refs {
		if r.err != "" {
			return nil, invalid(name, r.path, "%s", r.err)
		}
	}
	coll.Warnings = append(unknownKeywords(doc), unindexed...)
	return coll, nil
}

// formulas reads the formula keywords of the top-level property p.
func formulas(coll *Collection, p string, prop map[string]any) error {
	for _, kw := range []string{"x-formula", "x-computed", "x-default"} {
		v, ok := prop[kw]
		if !ok {
			continue
		}
		src, isString := v.(string)
		if !isString || strings.TrimSpace(src) == "" {
			return invalid(coll.Name, "/properties/"+escape(p)+"/"+kw, "must be a formula (a non-empty string)")
		}
		f := Formula{Field: p, Source: src}
		switch kw {
		case "x-formula":
			coll.Formulas = append(coll.Formulas, f)
		case "x-computed":
			coll.Computed = append(coll.Computed, f)
		case "x-default":
			coll.Defaults = append(coll.Defaults, f)
		}
	}
	_, formula := prop["x-formula"]
	_, computed := prop["x-computed"]
	_, def := prop["x-default"]
	if formula && computed || (formula || computed) && def {
		return invalid(coll.Name, "/properties/"+escape(p), "a property takes one of x-formula, x-computed and x-default")
	}
	return nil
}

// immutable reads x-immutable on the top-level property p.
func immutable(coll *Collection, p string, prop map[string]any) error {
	v, ok := prop["x-immutable"]
	if !ok {
		return nil
	}
	path := "/properties/" + escape(p) + "/x-immutable"
	b, isBool := v.(bool)
	switch {
	case !isBool:
		return invalid(coll.Name, path, "must be true or false")
	case b && prop["x-computed"] != nil:
		return invalid(coll.Name, path, "an x-computed field is not stored: it cannot be immutable")
	case b:
		coll.Immutable = append(coll.Immutable, p)
	}
	return nil
}

// secret reads x-secret on the top-level property p: a string that is
// written and never read back.
func secret(coll *Collection, p string, prop map[string]any) error {
	v, ok := prop["x-secret"]
	if !ok {
		return nil
	}
	path := "/properties/" + escape(p) + "/x-secret"
	b, isBool := v.(bool)
	switch {
	case !isBool:
		return invalid(coll.Name, path, "must be true or false")
	case !b:
		return nil
	case prop["x-formula"] != nil || prop["x-computed"] != nil || prop["x-default"] != nil:
		return invalid(coll.Name, path, "a secret is given by a writer, not computed by a formula")
	case !slices.Equal(types(prop["type"]), []string{"string"}):
		return invalid(coll.Name, path, `a secret is a property of "type": "string"`)
	}
	coll.Secrets = append(coll.Secrets, p)
	if prop["readOnly"] == true {
		coll.ServerSecrets = append(coll.ServerSecrets, p)
	}
	return nil
}

// IsSecret reports whether property p carries x-secret.
func (c *Collection) IsSecret(p string) bool {
	_, ok := slices.BinarySearch(c.Secrets, p)
	return ok
}

// IsImmutable reports whether property p carries x-immutable.
func (c *Collection) IsImmutable(p string) bool {
	_, ok := slices.BinarySearch(c.Immutable, p)
	return ok
}

// IsFormula reports whether property p is an x-formula field.
func (c *Collection) IsFormula(p string) bool {
	return slices.ContainsFunc(c.Formulas, func(f Formula) bool { return f.Field == p })
}

// link reads x-ref and x-on-delete on the top-level property p: on a
// string property, or on the items of an array property.
func link(coll *Collection, p string, prop map[string]any) error {
	path := "/properties/" + escape(p)
	holder, many := prop, false
	if items, ok := prop["items"].(map[string]any); ok && slices.Contains(types(prop["type"]), "array") {
		if _, ok := items["x-ref"]; ok {
			holder, many, path = items, true, path+"/items"
		}
	}
	if _, ok := prop["x-ref"]; ok && (many || slices.Contains(types(prop["type"]), "array")) {
		return invalid(coll.Name, "/properties/"+escape(p)+"/x-ref", "put x-ref on the items of an array, not on the array")
	}
	v, ok := holder["x-ref"]
	if !ok {
		if _, ok := holder["x-on-delete"]; ok {
			return invalid(coll.Name, path+"/x-on-delete", "x-on-delete goes beside an x-ref")
		}
		return nil
	}
	target, isString := v.(string)
	if !isString || (target != coll.Name && !ValidName(target)) {
		return invalid(coll.Name, path+"/x-ref", "must name a collection")
	}
	if !slices.Contains(types(holder["type"]), "string") {
		return invalid(coll.Name, path+"/type", `a reference holds a document id: its type must be "string"`)
	}
	l := Link{Field: p, Many: many, Target: target, OnDelete: "restrict"}
	if od, ok := holder["x-on-delete"]; ok {
		s, _ := od.(string)
		if s != "restrict" && s != "cascade" && s != "set-null" {
			return invalid(coll.Name, path+"/x-on-delete", `must be "restrict", "cascade" or "set-null"`)
		}
		l.OnDelete = s
	}
	coll.Links = append(coll.Links, l)
	return nil
}

// parseRules reads x-rules: [{"when": formula, "message": text}, ...].
func parseRules(name string, v any) ([]Rule, error) {
	list, ok := v.([]any)
	if !ok {
		return nil, invalid(name, "/x-rules", `must be a list of {"when": formula, "message": text}`)
	}
	rules := make([]Rule, 0, len(list))
	for i, e := range list {
		m, _ := e.(map[string]any)
		when, _ := m["when"].(string)
		msg, _ := m["message"].(string)
		path := fmt.Sprintf("/x-rules/%d", i)
		if strings.TrimSpace(when) == "" {
			return nil, invalid(name, path+"/when", "must be a formula (a non-empty string)")
		}
		if strings.TrimSpace(msg) == "" {
			return nil, invalid(name, path+"/message", "must say, for a person, what is wrong")
		}
		rules = append(rules, Rule{When: when, Message: msg})
	}
	return rules, nil
}

// types returns the JSON types a "type" keyword names.
func types(t any) []string {
	switch t := t.(type) {
	case string:
		return []string{t}
	case []any:
		out := make([]string, 0, len(t))
		for _, e := range t {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// isTopItems reports whether path is the items schema of a top-level
// property: /properties/{name}/items.
func isTopItems(path string) bool {
	rest, ok := strings.CutSuffix(path, "/items")
	return ok && isTopProperty(rest)
}

// isTopProperty reports whether the schema at path describes a top-level property.
func isTopProperty(path string) bool {
	rest, ok := strings.CutPrefix(path, "/properties/")
	return ok && !strings.Contains(rest, "/")
}

// scalarType reports whether a "type" value admits only scalars, at least
// one of them not null.
// scalarEnum reports whether prop has no type and an enum of strings,
// numbers and booleans (null allowed), with at least one of those.
func scalarEnum(prop map[string]any) bool {
	values, ok := prop["enum"].([]any)
	if !ok || prop["type"] != nil {
		return false
	}
	some := false
	for _, v := range values {
		switch v.(type) {
		case string, json.Number, bool:
			some = true
		case nil:
		default:
			return false
		}
	}
	return some
}

// fewValues reports whether a property's schema lists its values: an
// enum or a const of texts, booleans and null, or the type boolean.
func fewValues(prop map[string]any) bool {
	values, listed := prop["enum"].([]any)
	if c, ok := prop["const"]; ok {
		values, listed = []any{c}, true
	}
	if listed {
		for _, v := range values {
			switch v.(type) {
			case string, bool, nil:
			default:
				return false
			}
		}
		return len(values) > 0
	}
	switch t := prop["type"].(type) {
	case string:
		return t == "boolean"
	case []any:
		return len(t) > 0 && !slices.ContainsFunc(t, func(e any) bool { return e != "boolean" && e != "null" })
	}
	return false
}

func scalarType(t any) bool {
	switch t := t.(type) {
	case string:
		return t == "string" || t == "number" || t == "integer" || t == "boolean"
	case []any:
		some := false
		for _, e := range t {
			s, _ := e.(string)
			switch {
			case scalarType(s):
				some = true
			case s != "null":
				return false
			}
		}
		return some
	}
	return false
}

// unknownKeywords warns of the x- keywords that Credence does not know, in
// every schema of doc; names (of properties, definitions) and values (of
// enum, default, x-ui, ...) are not keywords.
func unknownKeywords(doc any) []string {
	var out []string
	walk(doc, "", "", func(path, _ string, s map[string]any) {
		for _, k := range sortedKeys(s) {
			if strings.HasPrefix(k, "x-") && !knownKeywords[k] {
				out = append(out, fmt.Sprintf("%s/%s: unknown keyword %s is stored but has no effect", path, escape(k), k))
			}
		}
	})
	sort.Strings(out)
	return out
}

func sortedKeys(m map[string]any) []string { return slices.Sorted(maps.Keys(m)) }

func decode(raw []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := d.Token(); !errors.Is(err, io.EOF) {
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
