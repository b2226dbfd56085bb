package openapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v3"

	"github.com/credence/credence/schemas"
)

// Options shape the document.
type Options struct {
	// Version is "3.1" (the default: OpenAPI 3.1.0 with JSON Schema
	// 2020-12) or "3.0" (OpenAPI 3.0.3).
	Version string
	// Title is info.title, "Credence API" when empty.
	Title string
	// APIVersion is info.version, "1" when empty.
	APIVersion string
	// ServerURL is servers[0].url: the API's public address, "/" (the
	// document's own origin) when empty.
	ServerURL string
	// License is info.license.name: an SPDX identifier such as Apache-2.0,
	// or a name with LicenseURL. When both are empty: Proprietary (SPDX
	// LicenseRef-Proprietary in 3.1; in 3.0, which has no identifier, the
	// API's reference page, ServerURL/docs, as its URL).
	License string
	// LicenseURL is info.license.url: where the API's terms are.
	LicenseURL string
	// Access, when set, narrows the document to one caller's: the
	// operations of a collection it may possibly perform, and nothing of a
	// collection it may do nothing with. Without it, everything shows.
	Access map[string]Permissions
	// HideFormulas leaves formula sources out: x-credence-formula,
	// x-credence-computed, x-credence-default and a formula of
	// x-credence-private come as true.
	HideFormulas bool
	// Export adds GET /api/_export, which only admins may call.
	Export bool
	// HidePrivate leaves out the x-private: true properties, which the
	// caller never reads.
	HidePrivate bool
	// Examples holds a stored document per collection (its JSON), used as
	// the response example and, without meta fields, as the request example.
	Examples map[string]json.RawMessage
}

// Permissions are what the caller a document is built for may possibly do
// with a collection's documents.
type Permissions struct {
	List, Read, Create, Update, Delete bool
}

// any reports whether the caller may do anything with the collection.
func (p Permissions) any() bool { return p.List || p.Read || p.Create || p.Update || p.Delete }

// all are the permissions of a document built for every caller.
var all = Permissions{List: true, Read: true, Create: true, Update: true, Delete: true}

// perm returns what the caller may do with coll.
func (b *builder) perm(coll string) Permissions {
	if b.opts.Access == nil {
		return all
	}
	return b.opts.Access[coll]
}

// schemasCollection is the system collection whose documents are the
// collections' schemas.
const schemasCollection = "_schemas"

// Names of the fixed components.
const (
	problemSchema       = "Problem"
	fieldErrorSchema    = "FieldError"
	computedErrorSchema = "ComputedError"
	evalRequest         = "EvalRequest"
	evalResult          = "EvalResult"
	health              = "Health"
	schemaReport        = "SchemaReport"
	referrerPage        = "ReferrerPage"
	aggregateSchema     = "Aggregate"
	itemAnalysisSchema  = "ItemAnalysis"
)

// builder holds the document while Build assembles it.
type builder struct {
	opts Options
	doc  *openapi3.T
	conv *converter
	// shared parameters, headers and error responses, as references
	params    map[string]*openapi3.ParameterRef
	headers   map[string]*openapi3.HeaderRef
	responses map[int]*openapi3.ResponseRef
}

// Build builds the OpenAPI document of every collection of reg, the system
// collection _schemas included.
func Build(reg *schemas.Registry, opts Options) (*openapi3.T, error) {
	switch opts.Version {
	case "", "3.1", "3.1.0":
		opts.Version = "3.1.0"
	case "3.0", "3.0.3":
		opts.Version = "3.0.3"
	default:
		return nil, fmt.Errorf("openapi: unknown version %q: want 3.1 or 3.0", opts.Version)
	}
	if opts.Title == "" {
		opts.Title = "Credence API"
	}
	if opts.APIVersion == "" {
		opts.APIVersion = "1"
	}
	if opts.ServerURL == "" {
		opts.ServerURL = "/"
	}
	license := &openapi3.License{Name: opts.License, URL: opts.LicenseURL}
	switch {
	case license.Name == "":
		license.Name = "Proprietary"
		if opts.Version == "3.0.3" && license.URL == "" {
			license.URL = strings.TrimRight(opts.ServerURL, "/") + "/docs"
		} else if license.URL == "" {
			license.Identifier = "LicenseRef-Proprietary"
		}
	case license.URL == "" && opts.Version != "3.0.3":
		license.Identifier = license.Name // an SPDX expression
	}
	if reg == nil {
		reg = schemas.Empty()
	}
	doc := &openapi3.T{
		OpenAPI: opts.Version,
		Info: &openapi3.Info{
			Title:       opts.Title,
			Version:     opts.APIVersion,
			Description: "The REST API of Credence: one set of routes per collection, generated from the collections' JSON Schemas. This document shows what its caller may do: an anonymous caller's is smaller than an admin's.",
			License:     license,
		},
		Paths: openapi3.NewPaths(),
		Components: &openapi3.Components{
			Schemas:    openapi3.Schemas{},
			Parameters: openapi3.ParametersMap{},
			Headers:    openapi3.Headers{},
			Responses:  openapi3.ResponseBodies{},
		},
	}
	doc.Servers = openapi3.Servers{{URL: opts.ServerURL, Description: "The API."}}
	// An API key is a bearer token; without one, the caller has the
	// anonymous role, so the key is optional ({}) in the requirement.
	doc.Components.SecuritySchemes = openapi3.SecuritySchemes{"apiKey": &openapi3.SecuritySchemeRef{Value: &openapi3.SecurityScheme{
		Type: "http", Scheme: "bearer",
		Description: "An API key: Authorization: Bearer <secret>. Keys are documents of _keys; each has a role (admin, editor, or a role the program names).",
	}}}
	doc.Security = openapi3.SecurityRequirements{{"apiKey": []string{}}, {}}
	b := &builder{
		opts: opts, doc: doc,
		conv: &converter{
			v30:          opts.Version == "3.0.3",
			names:        map[string]string{},
			raws:         map[string]any{},
			components:   doc.Components.Schemas,
			hideFormulas: opts.HideFormulas,
			dropPrivate:  opts.HidePrivate,
		},
		params:    map[string]*openapi3.ParameterRef{},
		headers:   map[string]*openapi3.HeaderRef{},
		responses: map[int]*openapi3.ResponseRef{},
	}
	names := &namer{taken: map[string]bool{
		problemSchema: true, fieldErrorSchema: true, computedErrorSchema: true,
		evalRequest: true, evalResult: true, health: true, schemaReport: true, referrerPage: true,
		aggregateSchema: true, itemAnalysisSchema: true,
	}}
	colls := reg.Names()
	for _, n := range colls {
		b.conv.names[n] = names.name(typeName(n))
	}
	b.conv.names[schemasCollection] = names.name("Schema")
	for _, n := range colls {
		c, _ := reg.Collection(n)
		var raw any
		if err := json.Unmarshal(c.Raw, &raw); err != nil {
			return nil, fmt.Errorf("openapi: the schema of %s: %w", n, err)
		}
		b.conv.raws[n] = raw
	}
	b.shared()
	b.system()
	if _, ok := reg.Collection(accountsCollection); ok {
		b.identity()
	}
	for _, n := range colls {
		c, _ := reg.Collection(n)
		b.collection(c)
	}
	if err := b.conv.resolve(); err != nil {
		return nil, err
	}
	prune(doc)
	return doc, nil
}

// Marshal encodes doc as JSON ("json") or YAML ("yaml"), with the members
// of every object in sorted order, so that one document always gives the
// same bytes.
func Marshal(doc *openapi3.T, format string) ([]byte, error) {
	j, err := json.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("openapi: encode: %w", err)
	}
	switch format {
	case "json", "":
		var out bytes.Buffer
		if err := json.Indent(&out, j, "", "  "); err != nil {
			return nil, fmt.Errorf("openapi: encode: %w", err)
		}
		out.WriteByte('\n')
		return out.Bytes(), nil
	case "yaml":
		// Through a generic value: yaml sorts map keys as encoding/json does.
		var v any
		if err := json.Unmarshal(j, &v); err != nil {
			return nil, fmt.Errorf("openapi: encode: %w", err)
		}
		var out bytes.Buffer
		enc := yaml.NewEncoder(&out)
		enc.SetIndent(2)
		if err := enc.Encode(v); err != nil {
			return nil, fmt.Errorf("openapi: encode yaml: %w", err)
		}
		if err := enc.Close(); err != nil {
			return nil, fmt.Errorf("openapi: encode yaml: %w", err)
		}
		return out.Bytes(), nil
	}
	return nil, fmt.Errorf("openapi: unknown format %q: want json or yaml", format)
}

// shared adds the components every collection uses: the problem schema,
// error responses, parameters and headers.
func (b *builder) shared() {
	str := func(desc string) *openapi3.SchemaRef {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Description: desc}}
	}
	integer := func(desc string) *openapi3.SchemaRef {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"integer"}, Description: desc}}
	}
	yes := true
	comps := b.doc.Components
	comps.Schemas[fieldErrorSchema] = &openapi3.SchemaRef{Value: &openapi3.Schema{
		Type:        &openapi3.Types{"object"},
		Description: "One failure at a place in the request.",
		Required:    []string{"path", "message"},
		Properties: openapi3.Schemas{
			"path":    str("A JSON Pointer (RFC 6901) to the failing value; empty for the whole document."),
			"message": str("What is wrong, for a person."),
		},
	}}
	comps.Schemas[computedErrorSchema] = &openapi3.SchemaRef{Value: &openapi3.Schema{
		Type:        &openapi3.Types{"object"},
		Description: "An x-computed field that could not be computed on a read: the document comes back without it.",
		Required:    []string{"field", "message"},
		Properties: openapi3.Schemas{
			"field":   str("The name of the x-computed field."),
			"message": str("Why it failed, for a person."),
		},
	}}
	comps.Schemas[problemSchema] = &openapi3.SchemaRef{Value: &openapi3.Schema{
		Type:                 &openapi3.Types{"object"},
		Description:          "An error, as RFC 9457 problem details. Some problems carry more members, such as line, column and snippet for a formula.",
		Required:             []string{"type", "title", "status"},
		AdditionalProperties: openapi3.AdditionalProperties{Has: &yes},
		Properties: openapi3.Schemas{
			"type":      str("A URI that names the kind of problem, such as urn:credence:problem:invalid."),
			"title":     str("The HTTP status text."),
			"status":    integer("The HTTP status code."),
			"detail":    str("What went wrong, for a person."),
			"instance":  str("The path of the request."),
			"requestId": str("The request's id, as in the logs."),
			"errors": {Value: &openapi3.Schema{
				Type:        &openapi3.Types{"array"},
				Description: "The failing fields, for a document or schema that does not hold.",
				Items:       b.conv.ref(fieldErrorSchema),
			}},
		},
	}}
	for status, desc := range map[int]string{
		400: "The request is malformed: bad JSON, a bad parameter or an invalid id.",
		404: "No such collection, document or revision.",
		409: "A conflict: a duplicate id or unique value, or a document still referred to.",
		412: "If-Match does not match the document's current ETag.",
		413: "The body is over the size limit.",
		415: "The body is not JSON.",
		422: "The document does not hold: the errors list every failing field.",
		503: "The store cannot be reached for now; a write may or may not have been applied.",
		401: "The API key is missing where one is needed, not valid, revoked or expired.",
		403: "The caller's role may not do this.",
		429: "Too many requests for this API key, or too many failed authentications from the caller's address; wait Retry-After seconds.",
	} {
		name := strings.ReplaceAll(http.StatusText(status), " ", "")
		content := openapi3.Content{"application/problem+json": &openapi3.MediaType{Schema: b.conv.ref(problemSchema)}}
		resp := &openapi3.Response{Description: &desc, Content: content}
		if status == 503 || status == 429 {
			resp.Headers = openapi3.Headers{"Retry-After": {Value: &openapi3.Header{Parameter: openapi3.Parameter{
				Description: "Seconds to wait before trying again.",
				Schema:      integer(""),
			}}}}
		}
		comps.Responses[name] = &openapi3.ResponseRef{Value: resp}
		b.responses[status] = &openapi3.ResponseRef{Ref: "#/components/responses/" + name, Value: resp}
	}

	param := func(name string, p *openapi3.Parameter) {
		comps.Parameters[name] = &openapi3.ParameterRef{Value: p}
		b.params[name] = &openapi3.ParameterRef{Ref: "#/components/parameters/" + name, Value: p}
	}
	one, max, def, ten := 1.0, 1000.0, 50, 10.0
	param("id", &openapi3.Parameter{Name: "id", In: "path", Required: true,
		Description: "The document's id.", Schema: str("")})
	param("rev", &openapi3.Parameter{Name: "rev", In: "path", Required: true,
		Description: "The revision number, from 1.",
		Schema:      &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"integer"}, Format: "int64", Min: &one}}})
	param("filter", &openapi3.Parameter{Name: "filter", In: "query",
		Description: "A formula that must hold for each listed document, with the top-level fields in scope by name: `level == \"master\" && passingScore >= 80`. An equality or range on an x-index field is served from the index.",
		Schema:      str("")})
	param("sort", &openapi3.Parameter{Name: "sort", In: "query",
		Description: "Comma-separated fields to sort by, each with - for descending; meta fields such as _createdAt too: `-passingScore,title`. Id order when absent.",
		Schema:      str("")})
	param("limit", &openapi3.Parameter{Name: "limit", In: "query",
		Description: "The largest number of documents in the page.",
		Schema:      &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"integer"}, Min: &one, Max: &max, Default: def}}})
	param("cursor", &openapi3.Parameter{Name: "cursor", In: "query",
		Description: "The nextCursor of the previous page, as given: an opaque keyset position.",
		Schema:      str("")})
	param("fields", &openapi3.Parameter{Name: "fields", In: "query",
		Description: "Comma-separated top-level fields to return; id and meta fields always come back.",
		Schema:      str("")})
	param("explain", &openapi3.Parameter{Name: "explain", In: "query",
		Description: "true adds explain to the page: which index served the filter and how many documents were examined and matched.",
		Schema:      &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"boolean"}}}})
	param("If-Match", &openapi3.Parameter{Name: "If-Match", In: "header",
		Description: "Write only if the document's current ETag is this one (412 otherwise).",
		Schema:      str("")})
	param("If-None-Match", &openapi3.Parameter{Name: "If-None-Match", In: "header",
		Description: "On a read, an ETag: 304 when it is still current. On a PUT, * creates only.",
		Schema:      str("")})
	param("expand", &openapi3.Parameter{Name: "expand", In: "query",
		Description: "Comma-separated references (x-ref) to resolve into the documents they name, through dots for deeper levels: `level,exams.questions`; `*` for every reference one level deep. A document the caller may not see stays an id.",
		Schema:      str("")})
	param("expandDepth", &openapi3.Parameter{Name: "expandDepth", In: "query",
		Description: "How many references deep expand paths may go: 3 by default, at most 10.",
		Schema:      &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"integer"}, Min: &one, Max: &ten}}})
	param("preview", &openapi3.Parameter{Name: "preview", In: "query",
		Description: "true reads drafts too, in collections with x-publish (editors and admins).",
		Schema:      &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"boolean"}}}})
	param("Idempotency-Key", &openapi3.Parameter{Name: "Idempotency-Key", In: "header",
		Description: "Makes the write happen at most once: a write repeated with the same key changes nothing and answers with the document as it stands.",
		Schema:      str("")})
	param("force", &openapi3.Parameter{Name: "force", In: "query",
		Description: "Apply a schema change or delete a collection even though stored documents stand in the way.",
		Schema:      &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"boolean"}}}})
	param("dryRun", &openapi3.Parameter{Name: "dryRun", In: "query",
		Description: "Report what a schema change would do to the stored documents, without changing anything.",
		Schema:      &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"boolean"}}}})

	header := func(name, desc string) {
		h := &openapi3.Header{Parameter: openapi3.Parameter{Description: desc, Schema: str("")}}
		comps.Headers[name] = &openapi3.HeaderRef{Value: h}
		b.headers[name] = &openapi3.HeaderRef{Ref: "#/components/headers/" + name, Value: h}
	}
	header("ETag", "An opaque validator of the document as it stands (a quoted hash, not the revision number): give it back as received in If-Match or If-None-Match.")
	header("Location", "The URL of the created document.")

	b.eval()
	b.health()
	b.events()
	b.analytics()
	if b.opts.Export {
		b.export()
	}
}

// export adds GET /api/_export.
func (b *builder) export() {
	desc := "One JSON record per line: {collection, document, revisions}, the schemas first, from one consistent snapshot."
	op := &openapi3.Operation{
		OperationID: "exportStore",
		Summary:     "Export every collection",
		Description: "Streams what credence export writes, for admins: every collection's schema, the stored files, and the documents with their revisions, as NDJSON (the audit log stays with its store). credence import reads it back.",
		Tags:        []string{"store"},
		Responses: b.responsesOf(map[int]*openapi3.ResponseRef{
			200: {Value: &openapi3.Response{Description: &desc, Content: openapi3.Content{"application/x-ndjson": &openapi3.MediaType{
				Schema: &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}}}}}}},
		}, 503),
	}
	b.doc.Paths.Set("/api/_export", &openapi3.PathItem{Get: op})
	b.doc.Tags = append(b.doc.Tags, &openapi3.Tag{Name: "store", Description: "The store as a whole."})
	str := func(desc string) *openapi3.SchemaRef {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Description: desc}}
	}
	report := &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"object"}, Required: []string{"entries", "ok"},
		Description: "What a check of the audit log's chain found.",
		Properties: openapi3.Schemas{
			"entries":  {Value: &openapi3.Schema{Type: &openapi3.Types{"integer"}, Format: "int64", Description: "The entries checked."}},
			"ok":       {Value: &openapi3.Schema{Type: &openapi3.Types{"boolean"}, Description: "Every entry is linked to the one before."}},
			"brokenAt": str("The first entry that does not hold."),
			"problem":  str("Why."),
		}}}
	b.doc.Paths.Set("/api/_audit/_verify", &openapi3.PathItem{Get: &openapi3.Operation{
		OperationID: "verifyAudit",
		Summary:     "Check the audit log's chain",
		Description: "For admins: reads every audit entry and checks that each holds the hash of the one before, as credence audit verify does; a removed or changed entry breaks the chain.",
		Tags:        []string{"store"},
		Responses:   b.responsesOf(map[int]*openapi3.ResponseRef{200: jsonResponse("What the check found.", report)}, 503),
	}})
}

// events adds GET /api/_events, the Server-Sent Events of writes.
func (b *builder) events() {
	str := func(desc string, enum ...any) *openapi3.SchemaRef {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Description: desc, Enum: enum}}
	}
	query := func(name, desc string) *openapi3.ParameterRef {
		return &openapi3.ParameterRef{Value: &openapi3.Parameter{Name: name, In: "query", Description: desc, Schema: str("")}}
	}
	data := &openapi3.Schema{
		Type:        &openapi3.Types{"object"},
		Description: "The data of a created, updated or deleted event (JSON).",
		Required:    []string{"collection", "id", "rev", "op", "at"},
		Properties: openapi3.Schemas{
			"collection": str("The document's collection."),
			"id":         str("The document's id."),
			"rev":        {Value: &openapi3.Schema{Type: &openapi3.Types{"integer"}, Format: "int64", Description: "The revision written (for a delete, the last one). With collection and id, it tells a repeated event."}},
			"op":         str("What happened, as the caller sees it: a document that became visible to it comes as created, one it no longer sees as deleted.", "created", "updated", "deleted"),
			"visibility": str("Set when the write changed whether the caller sees the document rather than (only) the document.", "shown", "hidden"),
			"at":         {Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Format: "date-time", Description: "When it was written."}},
			"doc":        {Value: &openapi3.Schema{Type: &openapi3.Types{"object"}, Description: "The document as the caller reads it at this revision (private fields removed); for a delete, as it was; absent when it became hidden."}},
		},
	}
	desc := "A stream of text/event-stream events: `id` (resume after it), `event` (created, updated, deleted or resync) and `data` (JSON, the schema in x-credence-event-data). Comments (`: ping`) every 15 s keep it open."
	op := &openapi3.Operation{
		OperationID: "streamEvents",
		Summary:     "Listen to the writes you may see",
		Description: "Server-Sent Events (use the browser's EventSource) of the writes the caller may read, each decided as a read of that revision would be: documents it may not read are never announced, private fields never sent. " +
			"An event's id resumes the stream: reconnecting with Last-Event-ID (EventSource does it) sends what was missed, within an hour; a client further behind, or one that falls 4 MiB behind while connected, gets a resync event and reads afresh. " +
			"On several nodes an event may come twice after a reconnection: its collection, id and rev tell. At most 8 streams per caller (429).",
		Tags: []string{"events"},
		Parameters: openapi3.Parameters{
			query("collections", "Comma-separated collections to listen to; all when absent."),
			query("id", "Only this document (with one collection)."),
			query("filter", "Only the documents this formula holds for, as the caller sees them (with one collection), as a list's filter; a document that comes to hold it is created, one that stops deleted."),
			query("lastEventId", "As the Last-Event-ID header, for clients that cannot set it."),
			{Value: &openapi3.Parameter{Name: "Last-Event-ID", In: "header", Description: "The id of the last event received: the stream resumes after it.", Schema: str("")}},
		},
		Responses: b.responsesOf(map[int]*openapi3.ResponseRef{
			200: {Value: &openapi3.Response{Description: &desc, Content: openapi3.Content{"text/event-stream": &openapi3.MediaType{
				Schema:     &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}}},
				Example:    "id: 01kbx7x3w5w9s6f0h5f0qkq2de\nevent: updated\ndata: {\"collection\":\"attempts\",\"id\":\"a1\",\"rev\":2,\"op\":\"updated\",\"at\":\"2026-12-06T10:00:00Z\",\"doc\":{}}\n\n",
				Extensions: map[string]any{"x-credence-event-data": data},
			}}}},
		}, 400, 404),
	}
	op.Parameters = append(op.Parameters, query("ticket", "A ticket from POST /api/_events/ticket, for clients that cannot send an Authorization header (the browser's EventSource): the stream is its caller's. A stream opened so ends after an hour; resume it with a new ticket and lastEventId."))
	b.doc.Paths.Set("/api/_events", &openapi3.PathItem{Get: op})
	ticket := &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"object"}, Required: []string{"ticket", "expiresAt"},
		Properties: openapi3.Schemas{
			"ticket":    str("Pass it as ?ticket= to GET /api/_events."),
			"expiresAt": {Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Format: "date-time", Description: "It opens a stream until then (a minute)."}},
		}}}
	b.doc.Paths.Set("/api/_events/ticket", &openapi3.PathItem{Post: &openapi3.Operation{
		OperationID: "eventTicket",
		Summary:     "Get a ticket to open an event stream",
		Description: "A browser's EventSource cannot send an Authorization header: ask for a ticket with it, then open GET /api/_events?ticket=... The ticket stands for the caller for a minute, and for opening a stream only.",
		Tags:        []string{"events"},
		Responses:   b.responsesOf(map[int]*openapi3.ResponseRef{201: jsonResponse("The ticket.", ticket)}),
	}})
	b.doc.Tags = append(b.doc.Tags, &openapi3.Tag{Name: "events", Description: "Realtime: the writes the caller may see, as they happen."})
}

// eval adds POST /api/_eval, the formula playground.
func (b *builder) eval() {
	comps := b.doc.Components
	str := func(desc string, enum ...any) *openapi3.SchemaRef {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Description: desc, Enum: enum}}
	}
	comps.Schemas[evalRequest] = &openapi3.SchemaRef{Value: &openapi3.Schema{
		Type:        &openapi3.Types{"object"},
		Description: "A formula to evaluate against a sample document or a stored one.",
		Required:    []string{"expr"},
		Properties: openapi3.Schemas{
			"expr":       str("The formula."),
			"mode":       str("value (as x-formula, the default), bool (as x-rules) or filter (a list filter).", "value", "bool", "filter"),
			"collection": str("The collection that gives the document its schema and scope."),
			"doc":        {Value: &openapi3.Schema{Type: &openapi3.Types{"object"}, Description: "A sample document."}},
			"id":         str("The id of a stored document of collection, instead of doc."),
		},
	}}
	invalid := &openapi3.Schema{Type: &openapi3.Types{"object"}, Required: []string{"id", "path", "message"},
		Properties: openapi3.Schemas{"id": str("The document's id."), "path": str("Where its first error is, as a JSON Pointer."), "message": str("What is wrong.")}}
	comps.Schemas[schemaReport] = &openapi3.SchemaRef{Value: &openapi3.Schema{
		Type:        &openapi3.Types{"object"},
		Description: "What a schema change would do to the stored documents: the answer of PUT /api/_schemas/{id}?dryRun=true.",
		Required:    []string{"collection", "new", "documents", "invalidCount", "invalid", "warnings", "recomputed"},
		Properties: openapi3.Schemas{
			"collection":   str("The collection."),
			"new":          {Value: &openapi3.Schema{Type: &openapi3.Types{"boolean"}, Description: "The collection does not exist yet."}},
			"documents":    {Value: &openapi3.Schema{Type: &openapi3.Types{"integer"}, Format: "int64", Description: "The documents checked."}},
			"invalidCount": {Value: &openapi3.Schema{Type: &openapi3.Types{"integer"}, Format: "int64", Description: "How many the new schema refuses."}},
			"invalid":      {Value: &openapi3.Schema{Type: &openapi3.Types{"array"}, Items: &openapi3.SchemaRef{Value: invalid}, Description: "Up to 20 of them, with their first error."}},
			"warnings":     {Value: &openapi3.Schema{Type: &openapi3.Types{"array"}, Items: str("")}},
			"recomputed":   {Value: &openapi3.Schema{Type: &openapi3.Types{"integer"}, Format: "int64", Description: "How many documents a changed x-formula gives new values, written as new revisions."}},
		},
	}}
	referrer := &openapi3.Schema{Type: &openapi3.Types{"object"}, Required: []string{"collection", "id", "path"},
		Properties: openapi3.Schemas{"collection": str("The collection of the referring document."), "id": str("Its id."),
			"path": str("The JSON Pointer of the referring property.")}}
	comps.Schemas[referrerPage] = &openapi3.SchemaRef{Value: &openapi3.Schema{
		Type:        &openapi3.Types{"object"},
		Description: "A page of the documents that refer to a document.",
		Required:    []string{"items"},
		Properties: openapi3.Schemas{
			"items":      {Value: &openapi3.Schema{Type: &openapi3.Types{"array"}, Items: &openapi3.SchemaRef{Value: referrer}}},
			"nextCursor": str("The cursor of the next page; absent on the last page."),
		},
	}}
	comps.Schemas[evalResult] = &openapi3.SchemaRef{Value: &openapi3.Schema{
		Type:        &openapi3.Types{"object"},
		Description: "The value of a formula.",
		Required:    []string{"value", "type", "micros"},
		Properties: openapi3.Schemas{
			"value":  {Value: &openapi3.Schema{Description: "The value, as JSON; dates as RFC 3339 text."}},
			"type":   str("The value's type.", "null", "boolean", "integer", "number", "string", "date", "array", "object", "unknown"),
			"micros": {Value: &openapi3.Schema{Type: &openapi3.Types{"integer"}, Format: "int64", Description: "How long the run took, in microseconds."}},
		},
	}}
	op := &openapi3.Operation{
		OperationID: "evalFormula",
		Summary:     "Evaluate a formula",
		Description: "Tries a formula before it is saved, on a sample document or a stored one. A formula that does not compile or fails is a 422 with line, column and snippet.",
		Tags:        []string{"formulas"},
		RequestBody: &openapi3.RequestBodyRef{Value: &openapi3.RequestBody{Required: true,
			Content: openapi3.Content{"application/json": &openapi3.MediaType{Schema: b.conv.ref(evalRequest)}}}},
		Responses: b.responsesOf(map[int]*openapi3.ResponseRef{
			200: jsonResponse("The formula's value.", b.conv.ref(evalResult)),
		}, 400, 404, 413, 415, 422, 503),
	}
	if b.opts.HideFormulas {
		return // the playground is for those who read the formulas
	}
	b.doc.Paths.Set("/api/_eval", &openapi3.PathItem{Post: op})
	b.doc.Tags = append(b.doc.Tags, &openapi3.Tag{Name: "formulas", Description: "The formula playground."})
}

// health adds GET /healthz.
func (b *builder) health() {
	b.doc.Components.Schemas[health] = &openapi3.SchemaRef{Value: &openapi3.Schema{
		Type:     &openapi3.Types{"object"},
		Required: []string{"status"},
		Properties: openapi3.Schemas{
			"status": {Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Enum: []any{"ok"}}},
		},
	}}
	op := &openapi3.Operation{
		OperationID: "health",
		Summary:     "Check that the server and its store answer",
		Description: "200 when the store answers within two seconds, 503 otherwise: for load balancers and probes.",
		Tags:        []string{"health"},
		Responses: b.responsesOf(map[int]*openapi3.ResponseRef{
			200: jsonResponse("The store answers.", b.conv.ref(health)),
		}, 503),
	}
	b.doc.Paths.Set("/healthz", &openapi3.PathItem{Get: op})
	b.doc.Tags = append(b.doc.Tags, &openapi3.Tag{Name: "health", Description: "Liveness of the server and its store."})
}

func jsonResponse(desc string, schema *openapi3.SchemaRef) *openapi3.ResponseRef {
	return &openapi3.ResponseRef{Value: &openapi3.Response{Description: &desc,
		Content: openapi3.Content{"application/json": &openapi3.MediaType{Schema: schema}}}}
}

// responsesOf returns the responses ok plus the shared error responses for
// the statuses errs.
func (b *builder) responsesOf(ok map[int]*openapi3.ResponseRef, errs ...int) *openapi3.Responses {
	r := openapi3.NewResponsesWithCapacity(len(ok) + len(errs) + 3)
	for status, resp := range ok {
		r.Set(strconv.Itoa(status), resp)
	}
	// Every operation answers to its caller's key and rate.
	errs = append(errs, 401, 403, 429)
	for _, status := range errs {
		r.Set(strconv.Itoa(status), b.responses[status])
	}
	return r
}
