// Package pack loads a pack — a folder of collection schemas and documents,
// system documents (automations, templates, webhooks) among them — into a
// document service, idempotently: loading a pack twice changes nothing the
// second time, and loading a changed pack writes only what changed.
//
// A pack is laid out as:
//
//	schemas/<collection>.json          the JSON Schema of a collection
//	documents/<collection>/<id>.json   one document (its "id" is the file name when absent)
//	documents/<collection>.json        an array of documents, each with an "id"
//
// Schemas are written first, in the order their references (x-ref, $ref)
// call for; then the documents of the program's collections, collections
// referred to before those that refer to them; then _webhooks and
// _templates; then _automations last, so that loading the program's
// documents does not set off the pack's own automations.
package pack

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/credence/credence/documents"
)

// Report counts what a load did.
type Report struct {
	Created   int
	Updated   int
	Unchanged int
}

func (r Report) String() string {
	return fmt.Sprintf("%d created, %d updated, %d unchanged", r.Created, r.Updated, r.Unchanged)
}

// Service is what loading needs of the document service.
type Service interface {
	Get(ctx context.Context, coll, id string, opts documents.ReadOptions) (*documents.Document, error)
	Put(ctx context.Context, coll, id string, body []byte, opts documents.WriteOptions) (*documents.Document, error)
}

// Error is a pack file that cannot be loaded: the file, the JSON Pointer
// inside it, and why.
type Error struct {
	File    string
	Pointer string
	Message string
	Err     error
}

func (e *Error) Error() string {
	if e.Pointer != "" {
		return fmt.Sprintf("%s: %s: %s", e.File, e.Pointer, e.Message)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Message)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// item is one document of the pack, with where it came from.
type item struct {
	coll    string
	id      string
	file    string
	pointer string // of the document inside file: "" or "/3"
	body    map[string]any
	// raw is the file as written, for a schema: the server keeps the
	// order of its properties, which forms follow.
	raw []byte
}

// Load loads the pack in fsys into svc. ctx should carry no documents.Auth
// (a trusted internal caller) or an admin's.
func Load(ctx context.Context, svc Service, fsys fs.FS) (Report, error) {
	var rep Report
	schemaItems, err := readSchemas(fsys)
	if err != nil {
		return rep, err
	}
	docs, err := readDocuments(fsys)
	if err != nil {
		return rep, err
	}
	if err := putAll(ctx, svc, orderSchemas(schemaItems), &rep); err != nil {
		return rep, err
	}
	if err := putAll(ctx, svc, orderDocuments(docs, schemaItems), &rep); err != nil {
		return rep, err
	}
	return rep, nil
}

func readSchemas(fsys fs.FS) ([]item, error) {
	names, err := fs.Glob(fsys, "schemas/*.json")
	if err != nil {
		return nil, err
	}
	var out []item
	for _, name := range names {
		m, err := readObject(fsys, name)
		if err != nil {
			return nil, err
		}
		raw, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		id := strings.TrimSuffix(path.Base(name), ".json")
		out = append(out, item{coll: documents.SchemasCollection, id: id, file: name, body: m, raw: raw})
	}
	return out, nil
}

func readDocuments(fsys fs.FS) ([]item, error) {
	var out []item
	entries, err := fs.ReadDir(fsys, "documents")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		name := path.Join("documents", e.Name())
		switch {
		case e.IsDir():
			files, err := fs.Glob(fsys, path.Join(name, "*.json"))
			if err != nil {
				return nil, err
			}
			for _, f := range files {
				m, err := readObject(fsys, f)
				if err != nil {
					return nil, err
				}
				id := strings.TrimSuffix(path.Base(f), ".json")
				if v, ok := m["id"]; ok {
					s, _ := v.(string)
					if s != id {
						return nil, &Error{File: f, Pointer: "/id", Message: fmt.Sprintf("must be %q, the file's name, or absent", id)}
					}
				}
				out = append(out, item{coll: e.Name(), id: id, file: f, body: m})
			}
		case strings.HasSuffix(e.Name(), ".json"):
			coll := strings.TrimSuffix(e.Name(), ".json")
			raw, err := fs.ReadFile(fsys, name)
			if err != nil {
				return nil, err
			}
			var list []json.RawMessage
			if err := json.Unmarshal(raw, &list); err != nil {
				return nil, syntaxError(name, raw, err, "must be an array of documents")
			}
			for i, r := range list {
				ptr := fmt.Sprintf("/%d", i)
				m, err := decodeObject(r)
				if err != nil {
					return nil, &Error{File: name, Pointer: ptr, Message: "must be an object", Err: err}
				}
				id, _ := m["id"].(string)
				if id == "" {
					return nil, &Error{File: name, Pointer: ptr + "/id", Message: "is required: the document's id"}
				}
				out = append(out, item{coll: coll, id: id, file: name, pointer: ptr, body: m})
			}
		}
	}
	return out, nil
}

func readObject(fsys fs.FS, name string) (map[string]any, error) {
	raw, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	m, err := decodeObject(raw)
	if err != nil {
		return nil, syntaxError(name, raw, err, "must be a JSON object")
	}
	return m, nil
}

func decodeObject(raw []byte) (map[string]any, error) {
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&m); err != nil {
		return nil, err
	}
	if m == nil {
		return nil, errors.New("null")
	}
	if dec.More() {
		return nil, errors.New("more than one JSON value")
	}
	return m, nil
}

// syntaxError names the line and column of a JSON syntax error.
func syntaxError(file string, raw []byte, err error, otherwise string) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line := 1 + bytes.Count(raw[:se.Offset], []byte("\n"))
		col := int(se.Offset) - bytes.LastIndexByte(raw[:se.Offset], '\n') - 1
		return &Error{File: file, Message: fmt.Sprintf("line %d, column %d: %v", line, col, se), Err: err}
	}
	return &Error{File: file, Pointer: "", Message: otherwise + ": " + err.Error(), Err: err}
}

// references lists the collections a schema refers to, through x-ref or
// a $ref to another collection, anywhere in it.
func references(schema any) []string {
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, c := range v {
				if s, ok := c.(string); ok && (k == "x-ref" || k == "$ref") {
					name, _, _ := strings.Cut(s, "#")
					if name != "" && !strings.Contains(name, ":") {
						out = append(out, name)
					}
				}
				walk(c)
			}
		case []any:
			for _, c := range v {
				walk(c)
			}
		}
	}
	walk(schema)
	return out
}

// rank orders collections so that those referred to come first; ties and
// cycles keep name order (a cycle is resolved by retrying, in putAll).
func rank(schemas []item) map[string]int {
	deps := map[string][]string{}
	var names []string
	for _, s := range schemas {
		names = append(names, s.id)
		deps[s.id] = references(s.body)
	}
	sort.Strings(names)
	ranks := map[string]int{}
	visiting := map[string]bool{}
	var next int
	var visit func(string)
	visit = func(n string) {
		if _, done := ranks[n]; done || visiting[n] {
			return
		}
		visiting[n] = true
		d := slices.Clone(deps[n])
		sort.Strings(d)
		for _, m := range d {
			if _, ok := deps[m]; ok {
				visit(m)
			}
		}
		ranks[n] = next
		next++
	}
	for _, n := range names {
		visit(n)
	}
	return ranks
}

func orderSchemas(schemas []item) []item {
	r := rank(schemas)
	out := slices.Clone(schemas)
	sort.SliceStable(out, func(i, j int) bool { return r[out[i].id] < r[out[j].id] })
	return out
}

// systemOrder places the system collections after the program's: the
// endpoints and templates automations name, then the automations.
var systemOrder = map[string]int{"_webhooks": 1, "_templates": 2, "_automations": 3}

func orderDocuments(docs []item, schemas []item) []item {
	r := rank(schemas)
	key := func(it item) (int, int) {
		if strings.HasPrefix(it.coll, "_") {
			return 1 + systemOrder[it.coll], 0
		}
		n, ok := r[it.coll]
		if !ok {
			n = len(r)
		}
		return 0, n
	}
	out := slices.Clone(docs)
	sort.SliceStable(out, func(i, j int) bool {
		a1, a2 := key(out[i])
		b1, b2 := key(out[j])
		if a1 != b1 {
			return a1 < b1
		}
		if a2 != b2 {
			return a2 < b2
		}
		if out[i].coll != out[j].coll {
			return out[i].coll < out[j].coll
		}
		return false
	})
	return out
}

// putAll writes the items in order. Items refused because of what is not
// written yet (a reference to a later document, a schema that $refs one
// not yet defined) are tried again after the others, until a round makes
// no progress; then the first refusal is the error.
func putAll(ctx context.Context, svc Service, items []item, rep *Report) error {
	pending := items
	for len(pending) > 0 {
		var failed []item
		var firstErr error
		for _, it := range pending {
			err := putOne(ctx, svc, it, rep)
			if err == nil {
				continue
			}
			kind := documents.KindOf(err)
			if kind != documents.KindInvalid && kind != documents.KindNotFound && kind != documents.KindConflict {
				return fileError(it, err)
			}
			failed = append(failed, it)
			if firstErr == nil {
				firstErr = fileError(it, err)
			}
		}
		if len(failed) == len(pending) {
			return firstErr
		}
		pending = failed
	}
	return nil
}

// fileError names the file and the JSON Pointer of a refused write.
func fileError(it item, err error) error {
	var de *documents.Error
	if errors.As(err, &de) && len(de.Errors) > 0 {
		return &Error{File: it.file, Pointer: it.pointer + de.Errors[0].Path,
			Message: de.Message + ": " + de.Errors[0].Message, Err: err}
	}
	return &Error{File: it.file, Pointer: it.pointer, Message: err.Error(), Err: err}
}

func putOne(ctx context.Context, svc Service, it item, rep *Report) error {
	cur, err := svc.Get(ctx, it.coll, it.id, documents.ReadOptions{Preview: true})
	switch {
	case err == nil:
		same, err := unchanged(ctx, svc, it, cur.JSON)
		if err != nil {
			return err
		}
		if same {
			rep.Unchanged++
			return nil
		}
	case documents.KindOf(err) != documents.KindNotFound:
		return err
	}
	body := it.raw
	if body == nil {
		if body, err = json.Marshal(it.body); err != nil {
			return err
		}
	}
	doc, err := svc.Put(ctx, it.coll, it.id, body, documents.WriteOptions{})
	if err != nil {
		return err
	}
	if doc.Created {
		rep.Created++
	} else {
		rep.Updated++
	}
	return nil
}

// unchanged reports whether the stored document already says what the
// pack says: every field of the pack's document has the same value, and
// every other stored field is meta (_rev, ...) or derived by a formula
// (x-formula, x-computed, x-default).
func unchanged(ctx context.Context, svc Service, it item, stored []byte) (bool, error) {
	var cur map[string]any
	if err := json.Unmarshal(stored, &cur); err != nil {
		return false, err
	}
	fields, err := fieldsOf(ctx, svc, it.coll)
	if err != nil {
		return false, err
	}
	for k, v := range it.body {
		if k == "id" {
			continue
		}
		if strings.HasPrefix(k, "_") && k != "_status" {
			continue
		}
		if fields.secret[k] {
			// No read shows a secret: compare it where it is kept.
			sr, ok := svc.(secretReader)
			if !ok {
				return false, nil
			}
			got, err := sr.Secret(ctx, it.coll, it.id, k)
			if err != nil || got != v {
				return false, err
			}
			continue
		}
		if !equalJSON(cur[k], v) {
			return false, nil
		}
	}
	if it.coll == documents.SchemasCollection {
		for k := range cur {
			if _, ok := it.body[k]; !ok && k != "id" && !strings.HasPrefix(k, "_") {
				return false, nil
			}
		}
		return true, nil
	}
	derived := fields.derived
	for k := range cur {
		if _, ok := it.body[k]; ok || k == "id" || strings.HasPrefix(k, "_") || derived[k] {
			continue
		}
		return false, nil
	}
	return true, nil
}

func equalJSON(a, b any) bool {
	// Both sides went through encoding/json: numbers are float64, so 2 and
	// 2.0 compare equal, as the store treats them.
	return reflect.DeepEqual(a, b)
}

// secretReader is a Service that reads x-secret fields, which no Get shows.
type secretReader interface {
	Secret(ctx context.Context, coll, id, field string) (string, error)
}

// schemaFields are what unchanged needs to know of a collection's
// properties: those whose values the server computes, or that a default
// fills in (derived), and the x-secret ones.
type schemaFields struct {
	derived, secret map[string]bool
}

func fieldsOf(ctx context.Context, svc Service, coll string) (schemaFields, error) {
	var out schemaFields
	doc, err := svc.Get(ctx, documents.SchemasCollection, coll, documents.ReadOptions{})
	if err != nil {
		if documents.KindOf(err) == documents.KindNotFound {
			return out, nil
		}
		return out, err
	}
	var s struct {
		Properties map[string]map[string]any `json:"properties"`
	}
	if err := json.Unmarshal(doc.JSON, &s); err != nil {
		return out, err
	}
	out.derived, out.secret = map[string]bool{}, map[string]bool{}
	for name, p := range s.Properties {
		for _, kw := range []string{"x-formula", "x-computed", "x-default"} {
			if _, ok := p[kw]; ok {
				out.derived[name] = true
			}
		}
		if p["x-secret"] == true {
			out.secret[name] = true
		}
	}
	return out, nil
}
