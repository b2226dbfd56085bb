package engine

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"maps"
	"math"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
)

// The API reference page at /docs is rendered from the 3.1 spec the server
// serves, so it says what the spec says: one section per tag (a collection
// with its fields, example document and routes; the formula playground;
// health), then the shared problem format. It carries its CSS inline and
// nothing else: no script, no font, no image, nothing fetched.

//go:embed docs/docs.html
var docsFiles embed.FS

// docsTemplate is the page's template, parsed on first use.
var docsTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("docs.html").
		Funcs(template.FuncMap{"markdown": markdown, "inline": inlineMarkdown, "statusClassOf": statusClass}).
		ParseFS(docsFiles, "docs/docs.html"))
})

// originMark stands in the cached page for the server's address, which
// each request fills in.
const originMark = "credence-origin-5f0c9a"

// docsCSP lets the page use its inline CSS and nothing else.
const docsCSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

func (h *handlers) docs(w http.ResponseWriter, r *http.Request) {
	page, err := h.specs.page(r.Context(), h.svc, h.specOptions(r, "3.1", "json"))
	if err != nil {
		h.error(w, r, err)
		return
	}
	head, tail, _ := bytes.Cut(page, []byte(originMark))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", docsCSP)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Vary", "Authorization")
	w.Write(head)
	template.HTMLEscape(w, []byte(origin(r)))
	w.Write(tail)
}

// origin is the address a client reached the server at, for the examples.
func origin(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	host := r.Host
	if host == "" {
		host = "127.0.0.1:8080"
	}
	return scheme + "://" + host
}

// page returns the reference page of svc's collections. It is kept beside
// the spec it was rendered from, and only while that spec is the current
// one: a schema change that replaced the spec while the page was being
// rendered leaves the new spec without a stale page.
func (s *specs) page(ctx context.Context, svc Service, opts SpecOptions) ([]byte, error) {
	spec, err := s.get(ctx, svc, opts)
	if err != nil {
		return nil, err
	}
	docsKey := opts
	docsKey.Format = "html"
	s.mu.Lock()
	page, ok := s.built[docsKey]
	s.mu.Unlock()
	if ok {
		return page, nil
	}
	page, err = renderDocs(ctx, spec)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, b := range s.built {
		if len(b) > 0 && len(spec) > 0 && &b[0] == &spec[0] { // the very spec, still current
			s.built[docsKey] = page
			break
		}
	}
	return page, nil
}

// renderDocs renders the reference page of an OpenAPI 3.1 document.
func renderDocs(ctx context.Context, spec []byte) ([]byte, error) {
	loader := openapi3.NewLoader()
	loader.Context = ctx
	doc, err := loader.LoadFromData(spec)
	if err != nil {
		return nil, fmt.Errorf("docs: load the spec: %w", err)
	}
	view := newDocsBuilder(doc).view()
	var out bytes.Buffer
	if err := docsTemplate().Execute(&out, view); err != nil {
		return nil, fmt.Errorf("docs: render: %w", err)
	}
	return out.Bytes(), nil
}

// docsView is what the template shows.
type docsView struct {
	Title, Version, OpenAPI, Description string
	Origin                               string
	Collections, System, Other           []*docsSection
	Problem                              []docsField
	ProblemExample                       string
	Statuses                             []docsStatus
}

// docsSection is one tag: a collection, or a group of other routes.
type docsSection struct {
	Anchor, Name, Title, Description string
	Collection                       bool
	Closed                           bool // additionalProperties: false
	Fields                           []docsField
	Example                          string
	Ops                              []*docsOp
}

// docsField is one row of a field table; nested fields carry the path of
// their parent, such as "settings." or "choices[].".
type docsField struct {
	Parent, Name       string
	Type               []docsTypePart
	Format             string
	Enum               []string
	Required, ReadOnly bool
	Description        string
	Notes              []docsNote
}

// docsTypePart is a piece of a type; a part with an anchor names a schema
// described elsewhere on the page.
type docsTypePart struct{ Text, Anchor string }

// docsNote is a constraint or property of a field: a label, and a value
// shown as code when there is one.
type docsNote struct{ Label, Code string }

type docsOp struct {
	Anchor, Method, Summary, Description, OperationID string
	Path                                              []docsPathPart
	Params                                            []docsParam
	Body                                              *docsBody
	Responses                                         []docsResponse
	Errors                                            []docsStatus
	Curl                                              string
}

type docsPathPart struct {
	Text  string
	Param bool
}

type docsParam struct {
	Name, In    string
	Type        []docsTypePart
	Required    bool
	Description string
	Notes       []docsNote
}

type docsBody struct {
	MediaType string
	Type      []docsTypePart
	Fields    []docsField
}

type docsResponse struct {
	Status, Class, Description string
	Type                       []docsTypePart
	Headers                    []string
	Fields                     []docsField
}

type docsStatus struct {
	Status, Title, Description string
}

// docsBuilder walks the spec into a docsView.
type docsBuilder struct {
	doc *openapi3.T
	// anchors maps a component schema's name to the section that
	// describes it.
	anchors map[string]string
	ops     map[string][]docsOperation // by tag
	tags    []string                   // in the order of the page
}

// docsOperation is one operation of the spec with where it lives.
type docsOperation struct {
	method, path string
	item         *openapi3.PathItem
	op           *openapi3.Operation
}

const (
	schemaPrefix = "#/components/schemas/"
	problemMedia = "application/problem+json"
	errorsAnchor = "errors"
)

var methodOrder = []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete,
	http.MethodHead, http.MethodOptions, http.MethodTrace}

func newDocsBuilder(doc *openapi3.T) *docsBuilder {
	b := &docsBuilder{doc: doc, anchors: map[string]string{}, ops: map[string][]docsOperation{}}
	if doc.Paths != nil {
		for _, path := range doc.Paths.Keys() {
			item := doc.Paths.Value(path)
			for _, method := range methodOrder {
				op := item.GetOperation(method)
				if op == nil {
					continue
				}
				tag := "default"
				if len(op.Tags) > 0 {
					tag = op.Tags[0]
				}
				b.ops[tag] = append(b.ops[tag], docsOperation{method, path, item, op})
			}
		}
	}
	seen := map[string]bool{}
	for _, t := range doc.Tags {
		if !seen[t.Name] {
			seen[t.Name] = true
			b.tags = append(b.tags, t.Name)
		}
	}
	var rest []string
	for t := range b.ops {
		if !seen[t] {
			rest = append(rest, t)
		}
	}
	sort.Strings(rest)
	b.tags = append(b.tags, rest...)

	// Every schema a section's routes take or give is described in that
	// section; problems are described under Errors.
	for _, tag := range b.tags {
		for _, o := range b.ops[tag] {
			if o.op.RequestBody != nil && o.op.RequestBody.Value != nil {
				_, s := firstContent(o.op.RequestBody.Value.Content)
				b.claim(s, sectionAnchor(tag))
			}
			if o.op.Responses == nil {
				continue
			}
			for _, ref := range o.op.Responses.Map() {
				if ref == nil || ref.Value == nil {
					continue
				}
				mt, s := firstContent(ref.Value.Content)
				if mt == problemMedia {
					b.claim(s, errorsAnchor)
				} else {
					b.claim(s, sectionAnchor(tag))
				}
			}
		}
		if b.isCollection(tag) {
			// A $ref to the collection embeds its content shape, which the
			// openapi package names <Name>Content.
			if read := b.readShape(tag); read != nil && read.Ref != "" {
				b.claim(&openapi3.SchemaRef{Ref: read.Ref + "Content"}, sectionAnchor(tag))
			}
		}
	}
	return b
}

// claim says that the section at anchor describes the component s refers to.
func (b *docsBuilder) claim(s *openapi3.SchemaRef, anchor string) {
	if s == nil || s.Ref == "" {
		return
	}
	name := refName(s.Ref)
	if _, ok := b.anchors[name]; ok {
		return
	}
	if b.doc.Components != nil && b.doc.Components.Schemas[name] != nil {
		b.anchors[name] = anchor
	}
}

func sectionAnchor(tag string) string { return "tag-" + tag }

func refName(ref string) string { return strings.TrimPrefix(ref, schemaPrefix) }

// isCollection says whether the tag is a collection: one with /api/<tag>.
func (b *docsBuilder) isCollection(tag string) bool {
	return b.doc.Paths != nil && b.doc.Paths.Value("/api/"+tag) != nil
}

// readShape is the schema of a collection's documents as read: the answer
// of GET /api/<tag>/{id}.
func (b *docsBuilder) readShape(tag string) *openapi3.SchemaRef {
	mt := b.document(tag)
	if mt == nil {
		return nil
	}
	// The whole document or, with fields=, a partial one: the first.
	if s := mt.Schema; s != nil && s.Ref == "" && s.Value != nil && len(s.Value.AnyOf) > 0 {
		return s.Value.AnyOf[0]
	}
	return mt.Schema
}

// document is the JSON answer of GET /api/<tag>/{id}, whose example is a
// stored document.
func (b *docsBuilder) document(tag string) *openapi3.MediaType {
	item := b.doc.Paths.Value("/api/" + tag + "/{id}")
	if item == nil || item.Get == nil || item.Get.Responses == nil {
		return nil
	}
	resp := item.Get.Responses.Status(http.StatusOK)
	if resp == nil || resp.Value == nil {
		return nil
	}
	return resp.Value.Content.Get("application/json")
}

// inputShape is the schema of a collection's documents as written: the
// body of POST /api/<tag>.
func (b *docsBuilder) inputShape(tag string) *openapi3.SchemaRef {
	item := b.doc.Paths.Value("/api/" + tag)
	if item == nil || item.Post == nil || item.Post.RequestBody == nil || item.Post.RequestBody.Value == nil {
		return nil
	}
	_, s := firstContent(item.Post.RequestBody.Value.Content)
	return s
}

// firstContent returns the first media type of c, in name order, and its
// schema.
func firstContent(c openapi3.Content) (string, *openapi3.SchemaRef) {
	if len(c) == 0 {
		return "", nil
	}
	names := make([]string, 0, len(c))
	for n := range c {
		names = append(names, n)
	}
	sort.Strings(names)
	mt := c[names[0]]
	if mt == nil {
		return names[0], nil
	}
	return names[0], mt.Schema
}

func (b *docsBuilder) view() *docsView {
	v := &docsView{Title: "API", Origin: originMark, OpenAPI: b.doc.OpenAPI}
	if info := b.doc.Info; info != nil {
		v.Title, v.Version, v.Description = info.Title, info.Version, info.Description
	}
	statuses := map[string]docsStatus{}
	for _, tag := range b.tags {
		sec := b.section(tag, statuses)
		switch {
		case sec.Collection && strings.HasPrefix(tag, "_"):
			v.System = append(v.System, sec)
		case sec.Collection:
			v.Collections = append(v.Collections, sec)
		default:
			v.Other = append(v.Other, sec)
		}
	}
	for _, s := range statuses {
		v.Statuses = append(v.Statuses, s)
	}
	sort.Slice(v.Statuses, func(i, j int) bool { return v.Statuses[i].Status < v.Statuses[j].Status })
	// The problem schema is the one error responses give; the schemas it
	// holds (its field errors) are listed under it.
	for _, name := range slices.Sorted(maps.Keys(b.anchors)) {
		s := b.doc.Components.Schemas[name]
		if b.anchors[name] == errorsAnchor && s.Value != nil && s.Value.Properties["status"] != nil {
			v.Problem = b.fields(s, s.Value.Required, "", 0, map[string]bool{schemaPrefix + name: true})
			break
		}
	}
	v.ProblemExample = indentJSON(map[string]any{
		"type":      "urn:credence:problem:invalid",
		"title":     "Unprocessable Entity",
		"status":    422,
		"detail":    "the document does not match the schema of exams",
		"errors":    []any{map[string]any{"path": "/passingScore", "message": "must be at most 100"}},
		"instance":  "/api/exams",
		"requestId": "3f9a0c2b7d1e4a55",
	})
	return v
}

func (b *docsBuilder) section(tag string, statuses map[string]docsStatus) *docsSection {
	sec := &docsSection{Anchor: sectionAnchor(tag), Name: tag, Title: tag, Collection: b.isCollection(tag)}
	for _, t := range b.doc.Tags {
		if t.Name != tag {
			continue
		}
		sec.Description = t.Description
		if title, ok := t.Extensions["x-displayName"].(string); ok && title != "" {
			sec.Title = title
			// The tag's description starts with the title: say it once.
			sec.Description = strings.TrimPrefix(sec.Description, title+": ")
			if sec.Description == title {
				sec.Description = ""
			}
		}
	}

	var reqExample map[string]any
	exampleID := ""
	if sec.Collection {
		if read := b.readShape(tag); read != nil && read.Value != nil {
			var required []string
			if in := b.inputShape(tag); in != nil && in.Value != nil {
				required = in.Value.Required
			}
			seen := map[string]bool{}
			if read.Ref != "" {
				seen[read.Ref] = true
			}
			sec.Fields = b.fields(read, required, "", 0, seen)
			if has := read.Value.AdditionalProperties.Has; has != nil && !*has {
				sec.Closed = true
			}
		}
		if mt := b.document(tag); mt != nil && mt.Example != nil {
			sec.Example = indentJSON(mt.Example)
			if m, ok := mt.Example.(map[string]any); ok {
				exampleID, _ = m["id"].(string)
			}
		}
		if in := b.doc.Paths.Value("/api/" + tag); in != nil && in.Post != nil && in.Post.RequestBody != nil && in.Post.RequestBody.Value != nil {
			if mt := in.Post.RequestBody.Value.Content.Get("application/json"); mt != nil {
				reqExample, _ = mt.Example.(map[string]any)
			}
		}
	}
	for _, o := range b.ops[tag] {
		sec.Ops = append(sec.Ops, b.operation(o, sec.Collection, exampleID, reqExample, statuses))
	}
	return sec
}

func (b *docsBuilder) operation(o docsOperation, collection bool, exampleID string, reqExample map[string]any, statuses map[string]docsStatus) *docsOp {
	op := &docsOp{
		Method: o.method, Summary: o.op.Summary, Description: o.op.Description,
		OperationID: o.op.OperationID, Path: pathParts(o.path),
	}
	op.Anchor = "op-" + o.op.OperationID
	if o.op.OperationID == "" {
		op.Anchor = "op-" + strings.ToLower(o.method) + strings.NewReplacer("/", "-", "{", "", "}", "").Replace(o.path)
	}

	// Parameters of the path, then of the operation, which may override them.
	var params []*openapi3.Parameter
	for _, refs := range []openapi3.Parameters{o.item.Parameters, o.op.Parameters} {
		for _, ref := range refs {
			if ref == nil || ref.Value == nil {
				continue
			}
			p := ref.Value
			params = slices.DeleteFunc(params, func(q *openapi3.Parameter) bool { return q.Name == p.Name && q.In == p.In })
			params = append(params, p)
		}
	}
	for _, p := range params {
		dp := docsParam{Name: p.Name, In: p.In, Required: p.Required, Description: p.Description}
		if p.Schema != nil {
			dp.Type = b.typeOf(p.Schema, 0)
			if p.Schema.Value != nil {
				dp.Notes = notes(p.Schema.Value)
			}
		}
		op.Params = append(op.Params, dp)
	}

	var body any
	mediaType := ""
	if rb := o.op.RequestBody; rb != nil && rb.Value != nil {
		var schema *openapi3.SchemaRef
		mediaType, schema = firstContent(rb.Value.Content)
		op.Body = &docsBody{MediaType: mediaType, Type: b.typeOf(schema, 0)}
		// A collection's shapes are described once, in its section.
		if !collection || schema != nil && schema.Ref == "" {
			op.Body.Fields = b.fields(schema, requiredOf(schema), "", 0, map[string]bool{})
		}
		body = b.bodyExample(o, rb.Value.Content[mediaType], schema, collection, reqExample)
	}

	if o.op.Responses != nil {
		for _, code := range o.op.Responses.Keys() {
			ref := o.op.Responses.Value(code)
			if ref == nil || ref.Value == nil {
				continue
			}
			desc := ""
			if ref.Value.Description != nil {
				desc = *ref.Value.Description
			}
			mt, schema := firstContent(ref.Value.Content)
			if mt == problemMedia {
				st := docsStatus{Status: code, Title: statusText(code), Description: desc}
				op.Errors = append(op.Errors, st)
				if _, ok := statuses[code]; !ok {
					statuses[code] = st
				}
				continue
			}
			resp := docsResponse{Status: code, Class: statusClass(code), Description: desc}
			if schema != nil {
				resp.Type = b.typeOf(schema, 0)
				if !collection && strings.HasPrefix(code, "2") {
					resp.Fields = b.fields(schema, requiredOf(schema), "", 0, map[string]bool{})
				}
			}
			for h := range ref.Value.Headers {
				resp.Headers = append(resp.Headers, h)
			}
			sort.Strings(resp.Headers)
			op.Responses = append(op.Responses, resp)
		}
	}
	op.Curl = curl(o, params, exampleID, mediaType, body)
	return op
}

func requiredOf(s *openapi3.SchemaRef) []string {
	if s == nil || s.Value == nil {
		return nil
	}
	return s.Value.Required
}

func statusText(code string) string {
	n, err := strconv.Atoi(code)
	if err != nil {
		return ""
	}
	return http.StatusText(n)
}

func statusClass(code string) string {
	switch {
	case strings.HasPrefix(code, "2"):
		return "s2"
	case strings.HasPrefix(code, "3"):
		return "s3"
	case strings.HasPrefix(code, "4"):
		return "s4"
	case strings.HasPrefix(code, "5"):
		return "s5"
	}
	return ""
}

// pathParts splits a path template so that its parameters can be shown
// apart: /api/exams/{id} -> "/api/exams/", "{id}".
func pathParts(path string) []docsPathPart {
	var out []docsPathPart
	for path != "" {
		i := strings.IndexByte(path, '{')
		j := strings.IndexByte(path, '}')
		if i < 0 || j < i {
			out = append(out, docsPathPart{Text: path})
			break
		}
		if i > 0 {
			out = append(out, docsPathPart{Text: path[:i]})
		}
		out = append(out, docsPathPart{Text: path[i : j+1], Param: true})
		path = path[j+1:]
	}
	return out
}

// fields flattens the properties of s into rows: id first, then the
// author's fields, then the meta fields, each followed by the fields of an
// object or array of objects it holds. A schema described in a section of
// its own is named, not repeated.
func (b *docsBuilder) fields(s *openapi3.SchemaRef, required []string, parent string, depth int, seen map[string]bool) []docsField {
	if s == nil || s.Value == nil || depth > 4 {
		return nil
	}
	v := s.Value
	names := make([]string, 0, len(v.Properties))
	for n := range v.Properties {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		ri, rj := fieldRank(names[i]), fieldRank(names[j])
		if ri != rj {
			return ri < rj
		}
		return names[i] < names[j]
	})
	var out []docsField
	for _, n := range names {
		p := v.Properties[n]
		if p == nil {
			continue
		}
		f := docsField{Parent: parent, Name: n, Type: b.typeOf(p, 0), Required: slices.Contains(required, n)}
		if p.Ref == "" && p.Value != nil {
			describe(&f, p.Value)
		}
		out = append(out, f)
		if obj, suffix, key := b.nested(p, 0); obj != nil && !seen[key] {
			inner := seen
			if key != "" {
				inner = make(map[string]bool, len(seen)+1)
				for k := range seen {
					inner[k] = true
				}
				inner[key] = true
			}
			out = append(out, b.fields(obj, obj.Value.Required, parent+n+suffix, depth+1, inner)...)
		}
	}
	return out
}

func fieldRank(name string) int {
	switch {
	case name == "id":
		return 0
	case strings.HasPrefix(name, "_"):
		return 2
	}
	return 1
}

// nested returns the object whose fields belong under a field of schema
// s: s itself, or its items (suffix "[]."), unless a section of its own
// describes it. key is the reference that led there, for cycles.
func (b *docsBuilder) nested(s *openapi3.SchemaRef, depth int) (obj *openapi3.SchemaRef, suffix, key string) {
	if s == nil || s.Value == nil || depth > 4 {
		return nil, "", ""
	}
	if s.Ref != "" && b.anchors[refName(s.Ref)] != "" {
		return nil, "", ""
	}
	v := s.Value
	if inner := wrapped(v); inner != nil {
		return b.nested(inner, depth+1)
	}
	if len(v.Properties) > 0 {
		return s, ".", s.Ref
	}
	if v.Type != nil && v.Type.Includes("array") && v.Items != nil {
		obj, _, key := b.nested(v.Items, depth+1)
		return obj, "[].", key
	}
	return nil, "", ""
}

// wrapped returns the one schema of an allOf that only adds keywords such
// as readOnly to a reference; nil for other schemas.
func wrapped(v *openapi3.Schema) *openapi3.SchemaRef {
	if len(v.AllOf) == 1 && v.Type == nil && len(v.Properties) == 0 && len(v.OneOf) == 0 && len(v.AnyOf) == 0 {
		return v.AllOf[0]
	}
	return nil
}

// describe fills in what a field's own schema says of it.
func describe(f *docsField, v *openapi3.Schema) {
	f.Description = v.Description
	if f.Description == "" {
		f.Description = v.Title
	}
	f.ReadOnly = v.ReadOnly
	f.Format = v.Format
	enum := v.Enum
	if len(enum) == 0 && v.Items != nil && v.Items.Ref == "" && v.Items.Value != nil {
		enum = v.Items.Value.Enum
		if f.Format == "" {
			f.Format = v.Items.Value.Format
		}
	}
	for _, e := range enum {
		if s, ok := e.(string); ok {
			f.Enum = append(f.Enum, s)
		} else {
			f.Enum = append(f.Enum, compactJSON(e))
		}
	}
	f.Notes = notes(v)
}

// notes lists the constraints and Credence keywords of a schema.
func notes(v *openapi3.Schema) []docsNote {
	var out []docsNote
	add := func(label, code string) { out = append(out, docsNote{label, code}) }
	num := func(label string, f *float64) {
		if f != nil {
			add(label, strconv.FormatFloat(*f, 'f', -1, 64))
		}
	}
	count := func(label string, n *uint64) {
		if n != nil {
			add(label, strconv.FormatUint(*n, 10))
		}
	}
	nonZero := func(label string, n uint64) {
		if n > 0 {
			count(label, &n)
		}
	}
	if v.Const != nil {
		add("always", compactJSON(v.Const))
	}
	if v.ExclusiveMin.Value != nil {
		num("greater than", v.ExclusiveMin.Value)
	} else if v.ExclusiveMin.IsTrue() {
		num("greater than", v.Min)
	} else {
		num("minimum", v.Min)
	}
	if v.ExclusiveMax.Value != nil {
		num("less than", v.ExclusiveMax.Value)
	} else if v.ExclusiveMax.IsTrue() {
		num("less than", v.Max)
	} else {
		num("maximum", v.Max)
	}
	if v.ExclusiveMin.Value != nil {
		num("minimum", v.Min)
	}
	if v.ExclusiveMax.Value != nil {
		num("maximum", v.Max)
	}
	num("multiple of", v.MultipleOf)
	nonZero("min length", v.MinLength)
	count("max length", v.MaxLength)
	if v.Pattern != "" {
		add("pattern", v.Pattern)
	}
	nonZero("min items", v.MinItems)
	count("max items", v.MaxItems)
	if v.UniqueItems {
		add("unique items", "")
	}
	nonZero("min fields", v.MinProps)
	count("max fields", v.MaxProps)
	if v.Default != nil {
		add("default", compactJSON(v.Default))
	}
	if len(v.Examples) > 0 {
		add("example", compactJSON(v.Examples[0]))
	} else if v.Example != nil {
		add("example", compactJSON(v.Example))
	}
	if v.Deprecated {
		add("deprecated", "")
	}
	if v.WriteOnly {
		add("write-only", "")
	}
	ext := func(name string) (any, bool) { x, ok := v.Extensions[name]; return x, ok }
	if x, ok := ext("x-credence-unique"); ok && x == true {
		add("unique", "")
	}
	if x, ok := ext("x-credence-index"); ok && x == true {
		add("indexed", "")
	}
	for _, kw := range []struct{ name, label string }{
		{"x-credence-formula", "formula"},
		{"x-credence-computed", "computed on read"},
		{"x-credence-default", "default formula"},
		{"x-credence-ref", "refers to"},
		{"x-credence-on-delete", "on delete"},
	} {
		if x, ok := ext(kw.name); ok {
			s, isString := x.(string)
			if !isString {
				s = compactJSON(x)
			}
			add(kw.label, s)
		}
	}
	return out
}

// typeOf describes the type of a schema: string, array of Exam,
// string | null, one of integer | string...
func (b *docsBuilder) typeOf(s *openapi3.SchemaRef, depth int) []docsTypePart {
	text := func(t string) []docsTypePart { return []docsTypePart{{Text: t}} }
	if s == nil {
		return text("any")
	}
	if s.Ref != "" {
		name := refName(s.Ref)
		return []docsTypePart{{Text: name, Anchor: b.anchors[name]}}
	}
	v := s.Value
	if v == nil {
		return text("any")
	}
	if depth > 4 {
		return text("…")
	}
	if inner := wrapped(v); inner != nil {
		return b.typeOf(inner, depth+1)
	}
	join := func(prefix string, alts [][]docsTypePart) []docsTypePart {
		var out []docsTypePart
		if prefix != "" {
			out = text(prefix)
		}
		for i, a := range alts {
			if i > 0 {
				out = append(out, docsTypePart{Text: " | "})
			}
			out = append(out, a...)
		}
		return out
	}
	var alts [][]docsTypePart
	if v.Type != nil {
		for _, t := range v.Type.Slice() {
			switch {
			case t == "array" && v.Items != nil:
				alts = append(alts, append(text("array of "), b.typeOf(v.Items, depth+1)...))
			case t == "object" && len(v.Properties) == 0 && v.AdditionalProperties.Schema != nil:
				alts = append(alts, append(text("map of "), b.typeOf(v.AdditionalProperties.Schema, depth+1)...))
			default:
				alts = append(alts, text(t))
			}
		}
		if v.Nullable {
			alts = append(alts, text("null"))
		}
		return join("", alts)
	}
	for _, c := range []struct {
		prefix string
		refs   openapi3.SchemaRefs
	}{{"one of ", v.OneOf}, {"any of ", v.AnyOf}, {"all of ", v.AllOf}} {
		if len(c.refs) == 0 {
			continue
		}
		for _, r := range c.refs {
			alts = append(alts, b.typeOf(r, depth+1))
		}
		return join(c.prefix, alts)
	}
	switch {
	case v.Const != nil:
		return text(jsonType(v.Const))
	case len(v.Enum) > 0:
		return text(jsonType(v.Enum[0]))
	case len(v.Properties) > 0:
		return text("object")
	}
	return text("any")
}

func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case float64, int, int64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	}
	return "object"
}

// bodyExample is the request body of an operation's example: the spec's
// example, or one made of placeholders from the schema. A merge patch
// changes one field. A made-up body leaves out a document's id: the server
// generates one, and the path names it.
func (b *docsBuilder) bodyExample(o docsOperation, mt *openapi3.MediaType, schema *openapi3.SchemaRef, collection bool, reqExample map[string]any) any {
	skipID := collection
	if o.method == http.MethodPatch {
		var m map[string]any
		if mt != nil {
			m, _ = mt.Example.(map[string]any)
		}
		if m == nil {
			m = reqExample
		}
		if m == nil {
			m, _ = b.placeholder(schema, 0, skipID).(map[string]any)
		}
		return oneField(m)
	}
	if mt != nil && mt.Example != nil {
		return mt.Example
	}
	body := b.placeholder(schema, 0, skipID)
	if m, ok := body.(map[string]any); ok && !collection && len(requiredOf(schema)) > 0 {
		// Outside collections, fields are often alternatives (doc or id):
		// the required ones make the example.
		for k := range m {
			if !slices.Contains(requiredOf(schema), k) {
				delete(m, k)
			}
		}
	}
	return body
}

// oneField returns a one-field patch from m, preferring a text field.
func oneField(m map[string]any) map[string]any {
	keys := make([]string, 0, len(m))
	for k := range m {
		if k != "id" && !strings.HasPrefix(k, "_") {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, want := range []func(any) bool{
		func(v any) bool { _, ok := v.(string); return ok },
		func(v any) bool {
			switch v.(type) {
			case float64, bool:
				return true
			}
			return false
		},
		func(any) bool { return true },
	} {
		for _, k := range keys {
			if want(m[k]) {
				return map[string]any{k: m[k]}
			}
		}
	}
	return map[string]any{}
}

// placeholder makes a value that fits schema s as far as a sample can:
// its example, default, const or first enum value, or a plain value of its
// type within its bounds.
func (b *docsBuilder) placeholder(s *openapi3.SchemaRef, depth int, skipID bool) any {
	if s == nil || s.Value == nil || depth > 4 {
		return nil
	}
	v := s.Value
	switch {
	case len(v.Examples) > 0:
		return v.Examples[0]
	case v.Example != nil:
		return v.Example
	case v.Default != nil:
		return v.Default
	case v.Const != nil:
		return v.Const
	case len(v.Enum) > 0:
		return v.Enum[0]
	}
	if inner := wrapped(v); inner != nil {
		return b.placeholder(inner, depth+1, false)
	}
	if v.Type == nil {
		for _, alts := range []openapi3.SchemaRefs{v.OneOf, v.AnyOf} {
			if len(alts) > 0 {
				return b.placeholder(alts[0], depth+1, false)
			}
		}
		if len(v.Properties) == 0 {
			return nil
		}
	}
	typ := "object"
	if v.Type != nil {
		typ = ""
		for _, t := range v.Type.Slice() {
			if t != "null" {
				typ = t
				break
			}
		}
	}
	switch typ {
	case "string":
		return stringPlaceholder(v)
	case "integer":
		return math.Ceil(numberPlaceholder(v))
	case "number":
		return numberPlaceholder(v)
	case "boolean":
		return true
	case "array":
		if v.MaxItems != nil && *v.MaxItems == 0 {
			return []any{}
		}
		return []any{b.placeholder(v.Items, depth+1, false)}
	case "object":
		out := map[string]any{}
		for name, p := range v.Properties {
			if p == nil || (skipID && name == "id") || (p.Value != nil && p.Value.ReadOnly) {
				continue
			}
			out[name] = b.placeholder(p, depth+1, false)
		}
		return out
	}
	return nil
}

func stringPlaceholder(v *openapi3.Schema) string {
	s := "text"
	switch v.Format {
	case "date-time":
		s = "2026-01-15T09:30:00Z"
	case "date":
		s = "2026-01-15"
	case "time":
		s = "09:30:00"
	case "email", "idn-email":
		s = "someone@example.com"
	case "uri", "iri", "url":
		s = "https://example.com/"
	case "uri-reference", "iri-reference":
		s = "/path"
	case "uuid":
		s = "3f0c8a8e-2c1b-4d4e-9a57-0b6f2d8c1e11"
	case "hostname", "idn-hostname":
		s = "example.com"
	case "ipv4":
		s = "192.0.2.1"
	case "ipv6":
		s = "2001:db8::1"
	case "duration":
		s = "PT1H"
	}
	for uint64(len(s)) < v.MinLength {
		s += " text"
	}
	if v.MaxLength != nil && uint64(len(s)) > *v.MaxLength {
		s = s[:*v.MaxLength]
	}
	return s
}

func numberPlaceholder(v *openapi3.Schema) float64 {
	switch {
	case v.Min != nil:
		if v.ExclusiveMin.IsTrue() {
			return *v.Min + 1
		}
		return *v.Min
	case v.ExclusiveMin.Value != nil:
		return *v.ExclusiveMin.Value + 1
	case v.Max != nil && *v.Max < 0:
		return *v.Max
	case v.ExclusiveMax.Value != nil && *v.ExclusiveMax.Value <= 0:
		return *v.ExclusiveMax.Value - 1
	}
	return 1
}

// curl writes the example command of an operation; B holds the server's
// address.
func curl(o docsOperation, params []*openapi3.Parameter, exampleID, mediaType string, body any) string {
	path := o.path
	query := ""
	for _, p := range params {
		switch {
		case p.In == "path":
			val := "1"
			if p.Schema == nil || p.Schema.Value == nil || p.Schema.Value.Type == nil || !p.Schema.Value.Type.Includes("integer") {
				val = strings.ToUpper(p.Name)
				if p.Name == "id" && exampleID != "" {
					val = exampleID
				}
			}
			path = strings.ReplaceAll(path, "{"+p.Name+"}", url.PathEscape(val))
		case p.In == "query" && p.Name == "limit" && o.method == http.MethodGet:
			query = "?limit=20"
		}
	}
	var sb strings.Builder
	sb.WriteString("curl -s")
	if o.method != http.MethodGet {
		sb.WriteString(" -X " + o.method)
	}
	sb.WriteString(` "$B` + shellDouble(path+query) + `"`)
	if mediaType != "" {
		sb.WriteString(" \\\n  -H 'Content-Type: " + mediaType + "'")
		// Indented under -d, closing where -d opens.
		text := strings.ReplaceAll(indentJSON(body), "\n", "\n  ")
		sb.WriteString(" \\\n  -d '" + strings.ReplaceAll(text, "'", `'\''`) + "'")
	}
	return sb.String()
}

// shellDouble escapes s for the inside of a double-quoted shell word.
func shellDouble(s string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`, "$", `\$`, "`", "\\`").Replace(s)
}

func compactJSON(v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // the template escapes
	if err := enc.Encode(v); err != nil {
		return fmt.Sprint(v)
	}
	return strings.TrimSpace(buf.String())
}

// indentJSON writes v with one member or item per line, except that an
// object or array short enough stays on one line: ["a", "b"].
func indentJSON(v any) string {
	var sb strings.Builder
	writeJSON(&sb, v, "")
	return sb.String()
}

func writeJSON(sb *strings.Builder, v any, indent string) {
	if flat := flatJSON(v); len(indent)+len(flat) <= 64 {
		sb.WriteString(flat)
		return
	}
	inner := indent + "  "
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		sb.WriteString("{")
		for i, k := range keys {
			if i > 0 {
				sb.WriteString(",")
			}
			sb.WriteString("\n" + inner + compactJSON(k) + ": ")
			writeJSON(sb, v[k], inner)
		}
		sb.WriteString("\n" + indent + "}")
	case []any:
		sb.WriteString("[")
		for i, e := range v {
			if i > 0 {
				sb.WriteString(",")
			}
			sb.WriteString("\n" + inner)
			writeJSON(sb, e, inner)
		}
		sb.WriteString("\n" + indent + "]")
	default:
		sb.WriteString(compactJSON(v))
	}
}

// flatJSON writes v on one line, with a space after each comma and colon.
func flatJSON(v any) string {
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = compactJSON(k) + ": " + flatJSON(v[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = flatJSON(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return compactJSON(v)
}

// markdown shows the little Markdown the spec's descriptions use:
// paragraphs and `code`. Everything else is escaped text.
func markdown(s string) template.HTML {
	var sb strings.Builder
	for _, para := range strings.Split(strings.TrimSpace(s), "\n\n") {
		if para = strings.TrimSpace(para); para == "" {
			continue
		}
		sb.WriteString("<p>")
		sb.WriteString(string(inlineMarkdown(para)))
		sb.WriteString("</p>")
	}
	return template.HTML(sb.String())
}

// inlineMarkdown escapes s and shows its `code` spans as code.
func inlineMarkdown(s string) template.HTML {
	parts := strings.Split(s, "`")
	if len(parts)%2 == 0 { // an unpaired backtick is text
		parts[len(parts)-2] += "`" + parts[len(parts)-1]
		parts = parts[:len(parts)-1]
	}
	var sb strings.Builder
	for i, p := range parts {
		if i%2 == 1 {
			sb.WriteString("<code>" + template.HTMLEscapeString(p) + "</code>")
		} else {
			sb.WriteString(template.HTMLEscapeString(p))
		}
	}
	return template.HTML(sb.String())
}
