package openapi

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/credence/credence/schemas"
)

// collSpec is what the routes of one collection are built from.
type collSpec struct {
	coll, title, description string
	raw                      map[string]any
	derived                  map[string]bool   // x-formula and x-computed fields: the server writes them
	immutable                map[string]bool   // x-immutable fields: set once, never changed by a patch
	secret                   map[string]bool   // x-secret fields: written, never read back
	answered                 openapi3.Schemas  // members the server adds to its answers, beside the meta fields
	links                    map[string]string // x-ref fields: the collection referred to
	files                    []string          // x-file fields
	system                   bool
	publish                  bool // x-publish: publish and unpublish routes
	perm                     Permissions
}

// system adds the system collection _schemas, whose documents are the
// collections' JSON Schemas.
func (b *builder) system() {
	raw := map[string]any{
		"type":                 "object",
		"description":          "A collection's JSON Schema (draft 2020-12); its id is the collection's name. Writing one defines or changes the collection.",
		"additionalProperties": true,
		"properties": map[string]any{
			"type":        map[string]any{"type": "string", "const": "object"}, // typed, so a generator gives a string
			"title":       map[string]any{"type": "string"},
			"description": map[string]any{"type": "string"},
			// A subschema is an object or a boolean: said with anyOf, not a
			// type array, which oapi-codegen cannot type in 3.1.
			"properties": map[string]any{"type": "object", "additionalProperties": map[string]any{
				"anyOf": []any{map[string]any{"type": "object"}, map[string]any{"type": "boolean"}}}},
			"required": map[string]any{"type": "array", "items": map[string]any{"type": "string"}},
		},
		"required": []any{"type"},
	}
	b.conv.raws[schemasCollection] = raw
	warnings := &openapi3.SchemaRef{Value: &openapi3.Schema{
		Type:        &openapi3.Types{"array"},
		Items:       &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}}},
		ReadOnly:    true,
		Description: "On the answer to a write: what in the schema is stored but has no effect, such as an unknown x- keyword.",
	}}
	b.routes(collSpec{coll: schemasCollection, title: "Schemas",
		description: "The collections' JSON Schemas. PUT /api/_schemas/{name} defines or changes the collection name; DELETE removes it.",
		raw:         raw, system: true, answered: openapi3.Schemas{"_warnings": warnings}, perm: b.perm(schemasCollection)})
}

// collection adds the components and routes of a user collection.
func (b *builder) collection(c *schemas.Collection) {
	raw, _ := b.conv.raws[c.Name].(map[string]any)
	derived := map[string]bool{}
	for _, f := range c.Formulas {
		derived[f.Field] = true
	}
	for _, f := range c.Computed {
		derived[f.Field] = true
	}
	var answered openapi3.Schemas
	if len(c.Computed) > 0 {
		// A computed field that fails on a read is left out and said here.
		answered = openapi3.Schemas{"_errors": {Value: &openapi3.Schema{
			Type:        &openapi3.Types{"array"},
			Items:       b.conv.ref(computedErrorSchema),
			ReadOnly:    true,
			Description: "The x-computed fields that failed on this read, and why; absent when none did.",
		}}}
	}
	immutable := map[string]bool{}
	for _, f := range c.Immutable {
		immutable[f] = true
	}
	secret := map[string]bool{}
	for _, f := range c.Secrets {
		secret[f] = true
	}
	if len(c.Secrets) > len(c.ServerSecrets) {
		if answered == nil {
			answered = openapi3.Schemas{}
		}
		answered["_secrets"] = &openapi3.SchemaRef{Value: &openapi3.Schema{
			Type:        &openapi3.Types{"array"},
			Items:       &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}}},
			ReadOnly:    true,
			Description: "The x-secret fields the document holds a value for; their values are never returned.",
		}}
	}
	links := map[string]string{}
	for _, l := range c.Links {
		links[l.Field] = l.Target
	}
	var fileFields []string
	for _, f := range c.Files {
		fileFields = append(fileFields, f.Field)
	}
	b.routes(collSpec{coll: c.Name, title: c.Title, description: c.Description, raw: raw, derived: derived,
		immutable: immutable, secret: secret, answered: answered, publish: c.Publish, links: links, files: fileFields, perm: b.perm(c.Name)})
}

// meta are the fields the server keeps on every document.
func metaFields() openapi3.Schemas {
	one := 1.0
	date := func(desc string) *openapi3.SchemaRef {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Format: "date-time", ReadOnly: true, Description: desc}}
	}
	return openapi3.Schemas{
		"_rev":       {Value: &openapi3.Schema{Type: &openapi3.Types{"integer"}, Format: "int64", Min: &one, ReadOnly: true, Description: "The revision, counting from 1."}},
		"_createdAt": date("When the document was created."),
		"_updatedAt": date("When the document was last written."),
		"_createdBy": {Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, ReadOnly: true, Description: "The id of the API key that created the document."}},
		"_updatedBy": {Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, ReadOnly: true, Description: "The id of the API key that wrote this revision."}},
		"_status": {Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Enum: []any{"draft", "published"},
			Description: "In collections with x-publish: draft or published. A create may set it; publish and unpublish change it."}},
	}
}

var metaRequired = []string{"id", "_rev", "_createdAt", "_updatedAt"}

func idSchema() *openapi3.SchemaRef {
	return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"},
		Description: "The document's id: given on create, or generated (sortable, URL-safe)."}}
}

// shapes builds the read, write and patch shapes of a collection.
func (b *builder) shapes(spec collSpec, name string) {
	comps := b.doc.Components.Schemas
	b.conv.defs(spec.coll, spec.raw)

	plain := b.conv.schema(spec.coll, spec.raw).Value
	plain.Description = strings.TrimSpace(plain.Description + "\n\nThe content of a document as the collection's schema describes it, without id and meta fields: what a $ref to the collection embeds.")
	comps[name+"Content"] = &openapi3.SchemaRef{Value: plain}

	read := b.conv.schema(spec.coll, spec.raw).Value
	props := make(openapi3.Schemas, len(read.Properties)+4+len(spec.answered))
	for p, s := range read.Properties {
		if spec.secret[p] {
			continue // no read shows it
		}
		if spec.derived[p] {
			s = readOnly(s)
		}
		if target, ok := spec.links[p]; ok {
			s = b.expandable(s, target)
		}
		props[p] = s
	}
	read.Required = slices.DeleteFunc(slices.Clone(read.Required), func(r string) bool { return spec.secret[r] })
	for p, s := range metaFields() {
		props[p] = s
	}
	for p, s := range spec.answered {
		props[p] = s
	}
	if _, ok := props["id"]; !ok {
		props["id"] = idSchema()
	}
	read.Properties = props
	read.Required = union(read.Required, metaRequired)
	comps[name] = &openapi3.SchemaRef{Value: read}

	// With fields=, a read keeps only the fields asked for: the partial
	// shape has the same fields, none but id and meta required.
	partial := *read
	partial.Required = slices.Clone(metaRequired)
	partial.Description = strings.TrimSpace(read.Description + "\n\nA document read with fields=: only the fields asked for, id and meta fields come back.")
	comps[name+"Partial"] = &openapi3.SchemaRef{Value: &partial}

	input := b.conv.schema(spec.coll, spec.raw).Value
	props = make(openapi3.Schemas, len(input.Properties)+1)
	for p, s := range input.Properties {
		if spec.secret[p] {
			if s.Value != nil && s.Value.ReadOnly {
				continue // set by the server: a key's hash
			}
			s = writeOnly(s)
		}
		if !spec.derived[p] {
			props[p] = withoutDefault(s)
		}
	}
	if _, ok := props["id"]; !ok {
		props["id"] = idSchema()
	}
	input.Properties = props
	var required []string
	for _, r := range input.Required {
		if !spec.derived[r] && r != "id" {
			required = append(required, r)
		}
	}
	input.Required = required
	comps[name+"Input"] = &openapi3.SchemaRef{Value: input}

	patch := *input
	patch.Required = nil
	patch.Properties = make(openapi3.Schemas, len(input.Properties))
	for p, s := range input.Properties {
		if spec.immutable[p] {
			// Set on create, never changed after: a patch leaves them out
			// (sending the stored value back is accepted).
			s = readOnly(s)
			s.Value.Description = strings.TrimSpace(s.Value.Description + "\n\nImmutable: set once, it cannot change (x-immutable).")
		} else if p != "id" && !slices.Contains(input.Required, p) {
			s = b.nullable(s) // null removes it
		}
		patch.Properties[p] = s
	}
	patch.Description = strings.TrimSpace(patch.Description + "\n\nA JSON Merge Patch (RFC 7396) of the document: every field optional, null removes a field that is not required.")
	comps[name+"Patch"] = &openapi3.SchemaRef{Value: &patch}

	comps[name+"Page"] = &openapi3.SchemaRef{Value: &openapi3.Schema{
		Type:        &openapi3.Types{"object"},
		Description: "A page of documents.",
		Required:    []string{"items"},
		Properties: openapi3.Schemas{
			"items": {Value: &openapi3.Schema{Type: &openapi3.Types{"array"}, Description: "The documents; with fields=, each holds only the fields asked for.",
				Items: &openapi3.SchemaRef{Value: &openapi3.Schema{AnyOf: openapi3.SchemaRefs{b.conv.ref(name), b.conv.ref(name + "Partial")}}}}},
			"nextCursor": {Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Description: "The cursor of the next page; absent on the last page."}},
			"explain": {Value: &openapi3.Schema{
				Type:        &openapi3.Types{"object"},
				Description: "With explain=true: how the filter was served.",
				Properties: openapi3.Schemas{
					"index":    {Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Description: "The x-index field that chose the candidates; empty for a scan."}},
					"examined": {Value: &openapi3.Schema{Type: &openapi3.Types{"integer"}, Description: "The documents read to make the page."}},
					"matched":  {Value: &openapi3.Schema{Type: &openapi3.Types{"integer"}, Description: "Those that passed the filter."}},
					"intersect": {Value: &openapi3.Schema{Type: &openapi3.Types{"array"}, Items: &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}}},
						Description: "Other x-index fields whose equalities were checked in their index before a document was read."}},
					"order": {Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Enum: []any{"id", "index", "memory"},
						Description: "id: the documents' own order; index: a walk of the sort field's index, which stops after the page; memory: every candidate read and sorted."}},
					"advice": {Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Description: "For an order in memory: what would make the list cheap."}},
				},
			}},
		},
	}}
}

// writeOnly marks s writeOnly, with what a secret means for a writer.
func writeOnly(s *openapi3.SchemaRef) *openapi3.SchemaRef {
	v := *s.Value
	v.WriteOnly = true
	v.Description = strings.TrimSpace(v.Description + "\n\nA secret (x-secret): written, never returned; a read's _secrets names it once set. A replace without it keeps it.")
	return &openapi3.SchemaRef{Value: &v}
}

// withoutDefault returns s without its default, said in its description
// instead: a create may leave the field out (the server fills it in), and
// generators make a field with a default required.
func withoutDefault(s *openapi3.SchemaRef) *openapi3.SchemaRef {
	if s.Ref != "" || s.Value == nil {
		return s
	}
	v := *s.Value
	if v.Default != nil {
		def, err := json.Marshal(v.Default)
		if err == nil {
			v.Description = strings.TrimSpace(v.Description + "\n\nDefault: `" + string(def) + "`, set by the server when a create leaves it out.")
		}
		v.Default = nil
	}
	if len(v.Properties) > 0 {
		v.Properties = maps.Clone(v.Properties)
		for p, ps := range v.Properties {
			v.Properties[p] = withoutDefault(ps)
		}
	}
	if v.Items != nil {
		v.Items = withoutDefault(v.Items)
	}
	return &openapi3.SchemaRef{Value: &v}
}

// nullable returns s that also accepts null.
func (b *builder) nullable(s *openapi3.SchemaRef) *openapi3.SchemaRef {
	if v := s.Value; s.Ref == "" && v != nil && v.Type == nil && len(v.AnyOf)+len(v.OneOf)+len(v.AllOf)+len(v.Enum) == 0 && v.Const == nil && v.Not == nil {
		return s // no type: null is already allowed
	}
	null := &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"null"}}}
	if b.conv.v30 {
		if s.Ref != "" {
			return &openapi3.SchemaRef{Value: &openapi3.Schema{AllOf: openapi3.SchemaRefs{s}, Nullable: true}}
		}
		v := *s.Value
		if v.Type == nil {
			if t := enumType(v.Enum); t != "" {
				v.Type = &openapi3.Types{t}
			} else {
				return s // 3.0 has nullable only beside a type
			}
		}
		v.Nullable = true
		if len(v.Enum) > 0 && !slices.Contains(v.Enum, any(nil)) {
			v.Enum = append(slices.Clone(v.Enum), nil)
		}
		return &openapi3.SchemaRef{Value: &v}
	}
	if s.Ref == "" && s.Value != nil && s.Value.Type != nil && len(*s.Value.Type) > 0 &&
		len(s.Value.AnyOf) == 0 && len(s.Value.OneOf) == 0 && len(s.Value.AllOf) == 0 {
		v := *s.Value
		if !v.Type.Includes("null") {
			t := append(slices.Clone(*v.Type), "null")
			v.Type = &t
			if len(v.Enum) > 0 && !slices.Contains(v.Enum, any(nil)) {
				v.Enum = append(slices.Clone(v.Enum), nil)
			}
		}
		return &openapi3.SchemaRef{Value: &v}
	}
	return &openapi3.SchemaRef{Value: &openapi3.Schema{AnyOf: openapi3.SchemaRefs{s, null}}}
}

// enumType is the JSON type every value of enum has, or "".
func enumType(enum []any) string {
	t := ""
	for _, e := range enum {
		var et string
		switch e.(type) {
		case string:
			et = "string"
		case bool:
			et = "boolean"
		case float64, int, int64:
			et = "number"
		default:
			return ""
		}
		if t != "" && t != et {
			return ""
		}
		t = et
	}
	return t
}

// expandable types a reference field (x-ref) as the id it holds or, with
// expand=, the document it names, when the caller may read that
// collection; an array of references item by item.
func (b *builder) expandable(s *openapi3.SchemaRef, target string) *openapi3.SchemaRef {
	name, known := b.conv.names[target]
	if !known || !b.perm(target).Read || s.Value == nil {
		return s
	}
	if s.Ref == "" && s.Value.Items != nil && s.Value.Type != nil && s.Value.Type.Is("array") {
		v := *s.Value
		v.Items = &openapi3.SchemaRef{Value: &openapi3.Schema{AnyOf: openapi3.SchemaRefs{v.Items, b.conv.ref(name)}}}
		v.Description = strings.TrimSpace(v.Description + "\n\nIds of " + target + "; with expand=, the documents they name.")
		return &openapi3.SchemaRef{Value: &v}
	}
	return &openapi3.SchemaRef{Value: &openapi3.Schema{
		AnyOf:       openapi3.SchemaRefs{s, b.conv.ref(name)},
		Description: "An id of " + target + "; with expand=, the document it names.",
		ReadOnly:    s.Value.ReadOnly,
	}}
}

// readOnly marks s readOnly; a bare $ref is wrapped, since keywords beside
// it would not be carried.
func readOnly(s *openapi3.SchemaRef) *openapi3.SchemaRef {
	if s.Ref != "" {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{AllOf: openapi3.SchemaRefs{s}, ReadOnly: true}}
	}
	v := *s.Value
	v.ReadOnly = true
	return &openapi3.SchemaRef{Value: &v}
}

func union(a, b []string) []string {
	out := append([]string(nil), a...)
	for _, s := range b {
		found := false
		for _, t := range out {
			if t == s {
				found = true
				break
			}
		}
		if !found {
			out = append(out, s)
		}
	}
	return out
}

// routes adds the tag, components and paths of one collection.
func (b *builder) routes(spec collSpec) {
	name := b.conv.names[spec.coll]
	plural := pascal(spec.coll)
	b.shapes(spec, name)
	perm := spec.perm
	if !perm.any() {
		return // its shapes stay for the $refs of others; prune drops them otherwise
	}

	tag := &openapi3.Tag{Name: spec.coll, Description: tagDescription(spec)}
	if spec.title != "" {
		tag.Extensions = map[string]any{"x-displayName": spec.title}
	}
	b.doc.Tags = append(b.doc.Tags, tag)
	tags := []string{spec.coll}

	readRef := func() *openapi3.SchemaRef { return b.conv.ref(name) }
	// A read with fields= gives the partial shape.
	readOrPartial := func() *openapi3.SchemaRef {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{AnyOf: openapi3.SchemaRefs{readRef(), b.conv.ref(name + "Partial")}}}
	}
	about := tagDescription(spec)
	describe := func(what string) string { return what + "\n\n" + about }
	respEx, reqEx := b.examples(spec)
	docResponse := func(desc string, headers ...string) *openapi3.ResponseRef {
		r := jsonResponse(desc, readRef())
		r.Value.Content["application/json"].Example = respEx
		if len(headers) > 0 {
			r.Value.Headers = openapi3.Headers{}
			for _, h := range headers {
				r.Value.Headers[h] = b.headers[h]
			}
		}
		return r
	}
	body := func(mediaType, schema string, example any) *openapi3.RequestBodyRef {
		return &openapi3.RequestBodyRef{Value: &openapi3.RequestBody{Required: true,
			Content: openapi3.Content{mediaType: &openapi3.MediaType{Schema: b.conv.ref(schema), Example: example}}}}
	}
	params := func(names ...string) openapi3.Parameters {
		out := make(openapi3.Parameters, 0, len(names))
		for _, n := range names {
			out = append(out, b.params[n])
		}
		return out
	}
	// replaced is the 200 of a PUT; for _schemas, with dryRun=true, it is
	// the report of what the change would do instead.
	replaced := func() *openapi3.ResponseRef {
		r := docResponse("Replaced.", "ETag")
		if spec.system {
			*r.Value.Description = "Replaced; with dryRun=true, the report of what the change would do, and nothing changed."
			r.Value.Content["application/json"].Schema = &openapi3.SchemaRef{Value: &openapi3.Schema{
				OneOf: openapi3.SchemaRefs{readRef(), b.conv.ref(schemaReport)}}}
		}
		return r
	}
	pageResponse := func(desc string) *openapi3.ResponseRef { return jsonResponse(desc, b.conv.ref(name+"Page")) }
	notModified := "Not modified: the ETag given in If-None-Match is still current."
	noContent := "Deleted."

	base := "/api/" + spec.coll
	putParams := params("If-Match", "If-None-Match", "Idempotency-Key")
	deleteParams := params("If-Match")
	if spec.system {
		putParams = append(putParams, params("force", "dryRun")...)
		deleteParams = append(deleteParams, params("force")...)
	}
	items := &openapi3.PathItem{}
	if perm.List {
		page := pageResponse("A page of documents.")
		items.Get = &openapi3.Operation{
			OperationID: "list" + plural, Tags: tags,
			Summary:     "List " + spec.coll,
			Description: describe("Lists the documents of " + spec.coll + " the caller may see, a page at a time, filtered and sorted; with fields=, each item holds only the fields asked for."),
			Parameters:  params("filter", "sort", "limit", "cursor", "fields", "explain", "expand", "expandDepth", "preview"),
			Responses:   b.responsesOf(map[int]*openapi3.ResponseRef{200: page}, 400, 404, 503),
		}
	}
	if perm.Create {
		items.Post = &openapi3.Operation{
			OperationID: "create" + name, Tags: tags,
			Summary:     "Create a document of " + spec.coll,
			Description: describe("Creates a document of " + spec.coll + " with the id given, or a generated one; the server fills in defaults and formulas."),
			Parameters:  params("Idempotency-Key"),
			RequestBody: body("application/json", name+"Input", reqEx),
			Responses: b.responsesOf(map[int]*openapi3.ResponseRef{
				201: docResponse("Created.", "Location", "ETag"),
				200: docResponse("Already created with this Idempotency-Key: the document as it stands.", "ETag"),
			}, 400, 404, 409, 413, 415, 422, 503),
		}
	}
	if items.Get != nil || items.Post != nil {
		b.doc.Paths.Set(base, items)
	}
	if perm.List && !spec.system {
		b.analyticsRoutes(spec, name, plural, describe, params)
	}
	item := &openapi3.PathItem{Parameters: params("id")}
	if perm.Read {
		read := docResponse("The document; with fields=, only the fields asked for.", "ETag")
		read.Value.Content["application/json"].Schema = readOrPartial()
		item.Get = &openapi3.Operation{
			OperationID: "get" + name, Tags: tags,
			Summary:     "Read a document of " + spec.coll,
			Description: describe("Reads one document of " + spec.coll + ", with its references expanded on request; a document the caller may not see is a 404."),
			Parameters:  params("fields", "expand", "expandDepth", "preview", "If-None-Match"),
			Responses: b.responsesOf(map[int]*openapi3.ResponseRef{
				200: read,
				304: {Value: &openapi3.Response{Description: &notModified}},
			}, 400, 404, 503),
		}
	}
	if perm.Create || perm.Update {
		item.Put = &openapi3.Operation{
			OperationID: "replace" + name, Tags: tags,
			Summary:     "Replace a document of " + spec.coll + ", or create it with this id",
			Description: describe("Replaces the whole document (fields left out are removed), or creates it with this id; If-None-Match: * creates only."),
			Parameters:  putParams,
			RequestBody: body("application/json", name+"Input", reqEx),
			Responses: b.responsesOf(map[int]*openapi3.ResponseRef{
				200: replaced(),
				201: docResponse("Created.", "Location", "ETag"),
			}, 400, 409, 412, 413, 415, 422, 503),
		}
	}
	if perm.Update {
		item.Patch = &openapi3.Operation{
			OperationID: "patch" + name, Tags: tags,
			Summary:     "Change fields of a document of " + spec.coll + " with a JSON Merge Patch",
			Description: describe("Changes the fields given and keeps the others (RFC 7396); null removes a field."),
			Parameters:  params("If-Match", "Idempotency-Key"),
			RequestBody: body("application/merge-patch+json", name+"Patch", nil),
			Responses:   b.responsesOf(map[int]*openapi3.ResponseRef{200: docResponse("Patched.", "ETag")}, 400, 404, 409, 412, 413, 415, 422, 503),
		}
	}
	if perm.Delete {
		item.Delete = &openapi3.Operation{
			OperationID: "delete" + name, Tags: tags,
			Summary:     "Delete a document of " + spec.coll,
			Description: describe("Deletes the document and its revisions: its history goes with it (the audit log keeps an entry of the delete). A document still referred to is a 409, unless the reference says cascade or set-null."),
			Parameters:  deleteParams,
			Responses:   b.responsesOf(map[int]*openapi3.ResponseRef{204: {Value: &openapi3.Response{Description: &noContent}}}, 400, 404, 409, 412, 503),
		}
	}
	if item.Get != nil || item.Put != nil || item.Patch != nil || item.Delete != nil {
		b.doc.Paths.Set(base+"/{id}", item)
	}
	if perm.Read {
		b.doc.Paths.Set(base+"/{id}/revisions", &openapi3.PathItem{
			Parameters: params("id"),
			Get: &openapi3.Operation{
				OperationID: "list" + name + "Revisions", Tags: tags,
				Summary:     "List the revisions of a document of " + spec.coll + ", newest first",
				Description: describe("Lists every revision the document has had, newest first."),
				Parameters:  params("limit", "cursor"),
				Responses:   b.responsesOf(map[int]*openapi3.ResponseRef{200: pageResponse("A page of revisions.")}, 400, 404, 503),
			},
		})
		b.doc.Paths.Set(base+"/{id}/revisions/{rev}", &openapi3.PathItem{
			Parameters: params("id", "rev"),
			Get: &openapi3.Operation{
				OperationID: "get" + name + "Revision", Tags: tags,
				Summary:     "Read a document of " + spec.coll + " as it was at a revision",
				Description: describe("Reads the document as it was written at one revision."),
				Responses:   b.responsesOf(map[int]*openapi3.ResponseRef{200: docResponse("The revision.")}, 400, 404, 503),
			},
		})
		b.doc.Paths.Set(base+"/{id}/referrers", &openapi3.PathItem{
			Parameters: params("id"),
			Get: &openapi3.Operation{
				OperationID: "list" + name + "Referrers", Tags: tags,
				Summary:     "List the documents that refer to a document of " + spec.coll + " (x-ref)",
				Description: describe("Lists the documents whose references (x-ref) name this one, by collection, id and field."),
				Parameters:  params("limit", "cursor"),
				Responses: b.responsesOf(map[int]*openapi3.ResponseRef{
					200: jsonResponse("A page of referrers.", b.conv.ref(referrerPage)),
				}, 400, 404, 503),
			},
		})
	}
	for _, field := range spec.files {
		b.fileRoutes(spec, name, field, perm, describe, params, docResponse)
	}
	if spec.publish && perm.Update {
		for _, op := range []struct{ verb, summary string }{{"publish", "Publish a document of " + spec.coll + ": readers see it"}, {"unpublish", "Take a document of " + spec.coll + " back to draft"}} {
			b.doc.Paths.Set(base+"/{id}/"+op.verb, &openapi3.PathItem{
				Parameters: params("id"),
				Post: &openapi3.Operation{
					OperationID: op.verb + name, Tags: tags, Summary: op.summary,
					Description: describe("Writes a new revision with _status " + map[string]string{"publish": "published", "unpublish": "draft"}[op.verb] + "."),
					Parameters:  params("If-Match"),
					Responses:   b.responsesOf(map[int]*openapi3.ResponseRef{200: docResponse("The document, as a new revision.", "ETag")}, 404, 409, 412, 422, 503),
				},
			})
		}
	}
}

func tagDescription(spec collSpec) string {
	switch {
	case spec.title != "" && spec.description != "":
		return spec.title + ": " + spec.description
	case spec.title != "":
		return spec.title
	case spec.description != "":
		return spec.description
	}
	return "The collection " + spec.coll + "."
}

// examples returns the stored example of a collection as a response
// example and, without meta and server-written fields, as a request example.
func (b *builder) examples(spec collSpec) (resp, req any) {
	raw, ok := b.opts.Examples[spec.coll]
	if !ok {
		return nil, nil
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil || doc == nil {
		return nil, nil
	}
	in := make(map[string]any, len(doc))
	for k, v := range doc {
		if !strings.HasPrefix(k, "_") && !spec.derived[k] {
			in[k] = v
		}
	}
	return doc, in
}

// fileRoutes adds the upload and download of an x-file field.
func (b *builder) fileRoutes(spec collSpec, name, field string, perm Permissions, describe func(string) string,
	params func(...string) openapi3.Parameters, docResponse func(string, ...string) *openapi3.ResponseRef) {
	item := &openapi3.PathItem{Parameters: params("id")}
	op := pascal(field)
	if perm.Read {
		desc := "The file's bytes, with its media type."
		item.Get = &openapi3.Operation{
			OperationID: "download" + name + op, Tags: []string{spec.coll},
			Summary:     "Download the file of " + field + " of a document of " + spec.coll,
			Description: describe("The file the field names, to a caller who may read the document: ETag (its SHA-256), Range, nosniff."),
			Parameters:  params("If-None-Match"),
			Responses: b.responsesOf(map[int]*openapi3.ResponseRef{
				200: {Value: &openapi3.Response{Description: &desc, Content: openapi3.Content{"application/octet-stream": &openapi3.MediaType{
					Schema: &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Format: "binary"}}}}}},
			}, 400, 404, 503),
		}
	}
	if perm.Update {
		form := &openapi3.Schema{Type: &openapi3.Types{"object"}, Required: []string{"file"}, Properties: openapi3.Schemas{
			"file": {Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Format: "binary", Description: "The file; its media type is read from its bytes."}}}}
		item.Post = &openapi3.Operation{
			OperationID: "upload" + name + op, Tags: []string{spec.coll},
			Summary:     "Upload the file of " + field + " of a document of " + spec.coll,
			Description: describe("Streams the part file into the store, refused past the field's size (413) or when its bytes are not of the field's types (422); then sets the field to the file's reference, as a merge patch by the caller."),
			Parameters:  params("If-Match"),
			RequestBody: &openapi3.RequestBodyRef{Value: &openapi3.RequestBody{Required: true,
				Content: openapi3.Content{"multipart/form-data": &openapi3.MediaType{Schema: &openapi3.SchemaRef{Value: form}}}}},
			Responses: b.responsesOf(map[int]*openapi3.ResponseRef{200: docResponse("The document, its field naming the file.", "ETag")},
				400, 404, 409, 412, 413, 422, 503),
		}
	}
	if item.Get != nil || item.Post != nil {
		b.doc.Paths.Set("/api/"+spec.coll+"/{id}/files/"+field, item)
	}
	if perm.Read {
		str := func(desc string) *openapi3.SchemaRef {
			return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Description: desc}}
		}
		signed := &openapi3.Schema{Type: &openapi3.Types{"object"}, Required: []string{"url", "expiresAt"}, Properties: openapi3.Schemas{
			"url":       str("The file's address, /files/{sha256}?exp=&sig=: it works without a key until expiresAt."),
			"expiresAt": {Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Format: "date-time"}}}}
		ttl := &openapi3.ParameterRef{Value: &openapi3.Parameter{Name: "ttl", In: "query", Description: "How long the address works: a duration up to 1h, 5m by default.",
			Schema: str("")}}
		if b.doc.Paths.Value("/files/{sha256}") == nil {
			desc := "The file's bytes."
			q := func(name, d string) *openapi3.ParameterRef {
				return &openapi3.ParameterRef{Value: &openapi3.Parameter{Name: name, In: "query", Required: name != "thumb", Description: d, Schema: str("")}}
			}
			b.doc.Paths.Set("/files/{sha256}", &openapi3.PathItem{Get: &openapi3.Operation{
				OperationID: "getSignedFile", Tags: []string{"files"},
				Summary:     "Read a file by a signed address",
				Description: "What a file's /url operation signed: the file, without a key, until exp; a changed or expired address is a 403.",
				Security:    &openapi3.SecurityRequirements{{}},
				Parameters: openapi3.Parameters{
					{Value: &openapi3.Parameter{Name: "sha256", In: "path", Required: true, Description: "The file's SHA-256.", Schema: str("")}},
					q("exp", "The expiry, in Unix seconds."), q("sig", "The signature."), q("thumb", "WIDTHxHEIGHT: a thumbnail of an image."),
				},
				Responses: b.responsesOf(map[int]*openapi3.ResponseRef{
					200: {Value: &openapi3.Response{Description: &desc, Content: openapi3.Content{"application/octet-stream": &openapi3.MediaType{
						Schema: &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Format: "binary"}}}}}},
				}, 400, 404, 503),
			}})
			b.doc.Tags = append(b.doc.Tags, &openapi3.Tag{Name: "files", Description: "Files by signed address."})
		}
		b.doc.Paths.Set("/api/"+spec.coll+"/{id}/files/"+field+"/url", &openapi3.PathItem{Parameters: params("id"), Get: &openapi3.Operation{
			OperationID: "signed" + name + op + "URL", Tags: []string{spec.coll},
			Summary:     "A short-lived address of the file of " + field + " of a document of " + spec.coll,
			Description: describe("For an <img> or a link: an address of the file that works without a key for a few minutes, to a caller who may read the document."),
			Parameters:  openapi3.Parameters{ttl},
			Responses:   b.responsesOf(map[int]*openapi3.ResponseRef{200: jsonResponse("The signed address.", &openapi3.SchemaRef{Value: signed})}, 400, 404, 503),
		}})
	}
}
