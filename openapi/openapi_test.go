package openapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/openapi"
	"github.com/credence/credence/schemas"
)

// richRegistry compiles collections that use references between
// collections, arrays of objects, enums, oneOf, nullable fields, formats,
// patterns, const, exclusiveMinimum, $defs and Credence's x- keywords.
func richRegistry(t testing.TB) *schemas.Registry {
	t.Helper()
	raw := map[string]json.RawMessage{
		"questions": json.RawMessage(`{
			"type": "object", "title": "Questions", "description": "The question pool.",
			"required": ["text", "kind"],
			"$defs": {"choice": {"type": "object", "required": ["label"], "properties": {
				"label": {"type": "string", "minLength": 1}, "correct": {"type": "boolean", "x-private": true}}}},
			"properties": {
				"text": {"type": "string", "minLength": 3},
				"kind": {"type": "string", "enum": ["single", "multiple", "text"], "x-index": true},
				"choices": {"type": "array", "items": {"$ref": "#/$defs/choice"}},
				"points": {"type": "number", "exclusiveMinimum": 0, "maximum": 100}
			}
		}`),
		"exams": json.RawMessage(`{
			"type": "object", "title": "Exams",
			"required": ["title", "code"],
			"x-rules": [{"when": "doc.passingScore <= 100", "message": "too high"}],
			"x-access": {"read": "true"},
			"properties": {
				"title": {"type": "string", "minLength": 3, "examples": ["Automation 101"]},
				"code": {"type": "string", "pattern": "^[A-Z][0-9]{3}$", "x-unique": true},
				"level": {"type": "string", "enum": ["fundamentals", "professional", "master"]},
				"passingScore": {"type": "integer", "minimum": 0, "maximum": 100},
				"version": {"const": 2},
				"summary": {"type": ["string", "null"], "maxLength": 500},
				"mixed": {"type": ["string", "integer"]},
				"homepage": {"type": "string", "format": "uri"},
				"featured": {"$ref": "questions"},
				"firstChoice": {"$ref": "questions#/$defs/choice"},
				"sections": {"type": "array", "items": {"type": "object", "required": ["name"],
					"properties": {"name": {"type": "string"}, "weight": {"type": "number", "exclusiveMinimum": 0}}}},
				"delivery": {"oneOf": [
					{"type": "object", "required": ["online"], "properties": {"online": {"const": true}}},
					{"type": "object", "required": ["center"], "properties": {"center": {"type": "string"}}}
				]},
				"pair": {"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}]},
				"questionCount": {"type": "integer", "x-formula": "len(doc.sections)"},
				"status": {"type": "string", "x-computed": "\"open\""}
			}
		}`),
		"badge_tiers": json.RawMessage(`{"type": "object", "properties": {"name": {"type": "string"}, "since": {"type": "string", "format": "date"},
			"rank": {"type": ["integer", "null"]}, "weight": {"type": "number", "format": "float"}}}`),
		"categories": json.RawMessage(`{"type": "object", "description": "Groups of exams.", "properties": {"name": {"type": "string"}}, "additionalProperties": false}`),
		"news":       json.RawMessage(`{"type": "object", "properties": {"headline": {"type": "string"}}}`),
		"addresses":  json.RawMessage(`{"type": "object", "properties": {"street": {"type": "string"}}}`),
	}
	reg, err := schemas.Compile(raw)
	require.NoError(t, err)
	return reg
}

var exampleExam = json.RawMessage(`{"id": "automation-101", "title": "Automation 101", "code": "A101",
	"level": "professional", "passingScore": 80, "questionCount": 0, "status": "open",
	"_rev": 1, "_createdAt": "2026-11-24T10:00:00.000Z", "_updatedAt": "2026-11-24T10:00:00.000Z"}`)

func build(t *testing.T, version string) *openapi3.T {
	t.Helper()
	doc, err := openapi.Build(richRegistry(t), openapi.Options{
		Version: version, ServerURL: "http://127.0.0.1:8080",
		Examples: map[string]json.RawMessage{"exams": exampleExam},
	})
	require.NoError(t, err)
	return doc
}

// schemaJSON decodes the marshalled component schema name.
func schemaJSON(t *testing.T, doc *openapi3.T, name string) map[string]any {
	t.Helper()
	out, err := openapi.Marshal(doc, "json")
	require.NoError(t, err)
	var m struct {
		Components struct {
			Schemas map[string]map[string]any `json:"schemas"`
		} `json:"components"`
	}
	require.NoError(t, json.Unmarshal(out, &m))
	s, ok := m.Components.Schemas[name]
	require.True(t, ok, "no component %s", name)
	return s
}

func prop(t *testing.T, s map[string]any, name string) map[string]any {
	t.Helper()
	props, _ := s["properties"].(map[string]any)
	p, ok := props[name].(map[string]any)
	require.True(t, ok, "no property %s", name)
	return p
}

func TestBuildValidates(t *testing.T) {
	for _, tc := range []struct{ name, version, openapi string }{
		{"3.1 by default", "", "3.1.0"},
		{"3.0", "3.0", "3.0.3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := build(t, tc.version)
			assert.Equal(t, tc.openapi, doc.OpenAPI)
			ctx := context.Background()
			require.NoError(t, doc.Validate(ctx))

			for _, format := range []string{"json", "yaml"} {
				out, err := openapi.Marshal(doc, format)
				require.NoError(t, err)
				again, err := openapi.Marshal(doc, format)
				require.NoError(t, err)
				assert.Equal(t, out, again, "stable output")
				loaded, err := openapi3.NewLoader().LoadFromData(out)
				require.NoError(t, err, format)
				require.NoError(t, loaded.Validate(ctx), format)
			}
		})
	}
}

func TestOperationIDs(t *testing.T) {
	doc := build(t, "")
	ops := map[string]string{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			ops[op.OperationID] = method + " " + path
		}
	}
	for _, tc := range []struct{ id, want string }{
		{"listExams", "GET /api/exams"},
		{"createExam", "POST /api/exams"},
		{"getExam", "GET /api/exams/{id}"},
		{"replaceExam", "PUT /api/exams/{id}"},
		{"patchExam", "PATCH /api/exams/{id}"},
		{"deleteExam", "DELETE /api/exams/{id}"},
		{"listExamRevisions", "GET /api/exams/{id}/revisions"},
		{"getExamRevision", "GET /api/exams/{id}/revisions/{rev}"},
		{"listBadgeTiers", "GET /api/badge_tiers"},
		{"getBadgeTier", "GET /api/badge_tiers/{id}"},
		{"getCategory", "GET /api/categories/{id}"},
		{"getAddress", "GET /api/addresses/{id}"},
		{"getNews", "GET /api/news/{id}"},
		{"listNews", "GET /api/news"},
		{"replaceSchema", "PUT /api/_schemas/{id}"},
		{"listSchemas", "GET /api/_schemas"},
		{"evalFormula", "POST /api/_eval"},
		{"health", "GET /healthz"},
	} {
		t.Run(tc.id, func(t *testing.T) { assert.Equal(t, tc.want, ops[tc.id]) })
	}
}

func TestTags(t *testing.T) {
	doc := build(t, "")
	tags := map[string]string{}
	for _, tag := range doc.Tags {
		tags[tag.Name] = tag.Description
	}
	assert.Equal(t, "Questions: The question pool.", tags["questions"])
	assert.Equal(t, "Exams", tags["exams"])
	assert.Equal(t, "Groups of exams.", tags["categories"])
	assert.Contains(t, tags, "_schemas")
	assert.Equal(t, []string{"exams"}, doc.Paths.Find("/api/exams").Get.Tags)
}

func TestReadAndWriteShapes(t *testing.T) {
	for _, version := range []string{"3.1", "3.0"} {
		t.Run(version, func(t *testing.T) {
			doc := build(t, version)
			read := schemaJSON(t, doc, "Exam")
			for _, meta := range []string{"_rev", "_createdAt", "_updatedAt"} {
				assert.Equal(t, true, prop(t, read, meta)["readOnly"], meta)
			}
			assert.Subset(t, read["required"], []any{"id", "_rev", "_createdAt", "_updatedAt", "title", "code"})
			assert.Equal(t, true, prop(t, read, "questionCount")["readOnly"])
			assert.Equal(t, true, prop(t, read, "status")["readOnly"])

			input := schemaJSON(t, doc, "ExamInput")
			props := input["properties"].(map[string]any)
			for _, gone := range []string{"_rev", "_createdAt", "_updatedAt", "questionCount", "status"} {
				assert.NotContains(t, props, gone)
			}
			assert.Contains(t, props, "id")
			assert.ElementsMatch(t, []any{"title", "code"}, input["required"])

			patch := schemaJSON(t, doc, "ExamPatch")
			assert.NotContains(t, patch, "required")
			op := doc.Paths.Find("/api/exams/{id}").Patch
			assert.Contains(t, op.RequestBody.Value.Content, "application/merge-patch+json")

			page := schemaJSON(t, doc, "ExamPage")
			// Whole documents, or partial ones with fields=.
			items := prop(t, page, "items")["items"].(map[string]any)["anyOf"].([]any)
			require.Len(t, items, 2)
			assert.Equal(t, "#/components/schemas/Exam", items[0].(map[string]any)["$ref"])
			assert.Equal(t, "#/components/schemas/ExamPartial", items[1].(map[string]any)["$ref"])
			assert.Contains(t, page["properties"], "nextCursor")

			// A read of a collection with x-computed fields may say which
			// failed; a write never sends that.
			errs := prop(t, read, "_errors")
			assert.Equal(t, true, errs["readOnly"])
			assert.Equal(t, "#/components/schemas/ComputedError", errs["items"].(map[string]any)["$ref"])
			assert.NotContains(t, props, "_errors")
			assert.NotContains(t, schemaJSON(t, doc, "Question")["properties"], "_errors")
			assert.ElementsMatch(t, []any{"field", "message"}, schemaJSON(t, doc, "ComputedError")["required"])

			// _schemas has its shapes too; the answer to a write may carry warnings.
			sch := schemaJSON(t, doc, "Schema")
			assert.Contains(t, sch["required"], "_rev")
			assert.Equal(t, true, prop(t, sch, "_warnings")["readOnly"])
			assert.NotContains(t, schemaJSON(t, doc, "SchemaInput")["properties"], "_warnings")
		})
	}
}

// TestNumberWidths checks that numbers and integers without a format say
// the width Credence keeps, so that generators do not pick float32 or int32.
func TestNumberWidths(t *testing.T) {
	for _, version := range []string{"3.1", "3.0"} {
		t.Run(version, func(t *testing.T) {
			doc := build(t, version)
			exam := schemaJSON(t, doc, "Exam")
			tiers := schemaJSON(t, doc, "BadgeTier")
			assert.Equal(t, "int64", prop(t, exam, "passingScore")["format"])
			assert.Equal(t, "double", prop(t, schemaJSON(t, doc, "Question"), "points")["format"])
			assert.Equal(t, "int64", prop(t, tiers, "rank")["format"], "nullable")
			assert.Equal(t, "float", prop(t, tiers, "weight")["format"], "the author's format stays")
			assert.Equal(t, "uri", prop(t, exam, "homepage")["format"])
			assert.NotContains(t, prop(t, exam, "title"), "format")
			mixed := prop(t, exam, "mixed")
			assert.NotContains(t, mixed, "format", "a format would speak for one type of several")
			if version == "3.0" {
				alts := mixed["oneOf"].([]any)
				assert.Equal(t, "int64", alts[1].(map[string]any)["format"])
				assert.NotContains(t, alts[0], "format")
			}
		})
	}
}

func TestErrorResponsesUseProblem(t *testing.T) {
	for _, version := range []string{"3.1", "3.0"} {
		t.Run(version, func(t *testing.T) {
			doc := build(t, version)
			problem := doc.Components.Schemas["Problem"].Value
			require.NotNil(t, problem)
			for _, p := range []string{"type", "title", "status", "detail", "instance", "requestId", "errors"} {
				assert.Contains(t, problem.Properties, p)
			}
			n := 0
			for path, item := range doc.Paths.Map() {
				for method, op := range item.Operations() {
					for code, resp := range op.Responses.Map() {
						status, err := strconv.Atoi(code)
						require.NoError(t, err)
						if status < 400 {
							continue
						}
						n++
						mt := resp.Value.Content["application/problem+json"]
						if assert.NotNil(t, mt, "%s %s %s", method, path, code) {
							assert.Equal(t, "#/components/schemas/Problem", mt.Schema.Ref, "%s %s %s", method, path, code)
						}
					}
				}
			}
			assert.Greater(t, n, 50)
			exams := doc.Paths.Find("/api/exams/{id}")
			assert.NotNil(t, exams.Put.Responses.Status(412))
			assert.NotNil(t, exams.Patch.Responses.Status(415))
			assert.NotNil(t, exams.Delete.Responses.Status(409))
			assert.NotNil(t, exams.Get.Responses.Status(304))
			assert.NotNil(t, doc.Paths.Find("/api/exams").Post.Responses.Status(201).Value.Headers["Location"])
		})
	}
}

func TestListParameters(t *testing.T) {
	doc := build(t, "")
	op := doc.Paths.Find("/api/exams").Get
	for _, name := range []string{"filter", "sort", "limit", "cursor", "fields", "explain"} {
		p := op.Parameters.GetByInAndName("query", name)
		if assert.NotNil(t, p, name) {
			assert.NotEmpty(t, p.Description, name)
		}
	}
	limit := op.Parameters.GetByInAndName("query", "limit").Schema.Value
	assert.Equal(t, 1.0, *limit.Min)
	assert.Equal(t, 1000.0, *limit.Max)
}

func TestReferencesBetweenCollections(t *testing.T) {
	for _, version := range []string{"3.1", "3.0"} {
		t.Run(version, func(t *testing.T) {
			doc := build(t, version)
			read := schemaJSON(t, doc, "Exam")
			// Embedded documents carry no meta fields: the Content shape.
			assert.Equal(t, "#/components/schemas/QuestionContent", prop(t, read, "featured")["$ref"])
			content := schemaJSON(t, doc, "QuestionContent")
			assert.NotContains(t, content["required"], "_rev")
			assert.NotContains(t, content["properties"], "_rev")
			assert.Equal(t, "#/components/schemas/Question_choice", prop(t, read, "firstChoice")["$ref"])
			q := schemaJSON(t, doc, "Question")
			assert.NotContains(t, q, "$defs")
			assert.Equal(t, "#/components/schemas/Question_choice", prop(t, q, "choices")["items"].(map[string]any)["$ref"])
			schemaJSON(t, doc, "Question_choice")
		})
	}
}

func TestKeywords31(t *testing.T) {
	doc := build(t, "3.1")
	exam := schemaJSON(t, doc, "Exam")
	assert.Equal(t, []any{"string", "null"}, prop(t, exam, "summary")["type"])
	assert.Equal(t, 2.0, prop(t, exam, "version")["const"])
	assert.Equal(t, 0.0, prop(t, schemaJSON(t, doc, "Question"), "points")["exclusiveMinimum"])
	assert.Equal(t, []any{"Automation 101"}, prop(t, exam, "title")["examples"])
	assert.Len(t, prop(t, exam, "pair")["prefixItems"], 2)
	assert.Equal(t, "^[A-Z][0-9]{3}$", prop(t, exam, "code")["pattern"])
	assert.Equal(t, "uri", prop(t, exam, "homepage")["format"])
}

func TestConversion30(t *testing.T) {
	doc := build(t, "3.0")
	exam := schemaJSON(t, doc, "Exam")
	points := prop(t, schemaJSON(t, doc, "Question"), "points")
	for _, tc := range []struct {
		name string
		got  any
		want any
	}{
		{"type array with null becomes nullable", prop(t, exam, "summary")["type"], "string"},
		{"nullable", prop(t, exam, "summary")["nullable"], true},
		{"const becomes a one-item enum", prop(t, exam, "version")["enum"], []any{2.0}},
		{"const is gone", prop(t, exam, "version")["const"], nil},
		{"exclusiveMinimum moves to minimum", points["minimum"], 0.0},
		{"exclusiveMinimum boolean", points["exclusiveMinimum"], true},
		{"maximum stays", points["maximum"], 100.0},
		{"examples becomes example", prop(t, exam, "title")["example"], "Automation 101"},
		{"examples is gone", prop(t, exam, "title")["examples"], nil},
		{"prefixItems is gone", prop(t, exam, "pair")["prefixItems"], nil},
		{"not expressed is said", prop(t, exam, "pair")["description"], "Not expressed in OpenAPI 3.0: prefixItems."},
		{"several types become oneOf", len(prop(t, exam, "mixed")["oneOf"].([]any)), 2},
	} {
		t.Run(tc.name, func(t *testing.T) { assert.Equal(t, tc.want, tc.got) })
	}
}

func TestXKeywords(t *testing.T) {
	for _, version := range []string{"3.1", "3.0"} {
		t.Run(version, func(t *testing.T) {
			doc := build(t, version)
			out, err := openapi.Marshal(doc, "json")
			require.NoError(t, err)
			for _, gone := range []string{`"x-formula"`, `"x-computed"`, `"x-unique"`, `"x-index"`, `"x-private"`, `"x-rules"`, `"x-access"`} {
				assert.NotContains(t, string(out), gone)
			}
			exam := schemaJSON(t, doc, "Exam")
			assert.Equal(t, true, prop(t, exam, "code")["x-credence-unique"])
			assert.Equal(t, "len(doc.sections)", prop(t, exam, "questionCount")["x-credence-formula"])
			assert.Equal(t, true, prop(t, schemaJSON(t, doc, "Question"), "kind")["x-credence-index"])
		})
	}
}

func TestExamples(t *testing.T) {
	doc := build(t, "")
	resp := doc.Paths.Find("/api/exams/{id}").Get.Responses.Status(200).Value.Content["application/json"].Example
	assert.Equal(t, 1.0, resp.(map[string]any)["_rev"])
	req := doc.Paths.Find("/api/exams").Post.RequestBody.Value.Content["application/json"].Example.(map[string]any)
	assert.NotContains(t, req, "_rev")
	assert.NotContains(t, req, "questionCount")
	assert.Equal(t, "A101", req["code"])
}

func TestBuildErrors(t *testing.T) {
	_, err := openapi.Build(schemas.Empty(), openapi.Options{Version: "2.0"})
	assert.Error(t, err)
	_, err = openapi.Marshal(&openapi3.T{}, "xml")
	assert.Error(t, err)
	doc, err := openapi.Build(nil, openapi.Options{})
	require.NoError(t, err)
	require.NoError(t, doc.Validate(context.Background()))
}

func BenchmarkBuild(b *testing.B) {
	raw := make(map[string]json.RawMessage, 50)
	for i := range 50 {
		props := make([]string, 0, 10)
		for j := range 10 {
			var p string
			switch j % 5 {
			case 0:
				p = `{"type": "string", "minLength": 1}`
			case 1:
				p = `{"type": ["integer", "null"], "exclusiveMinimum": 0}`
			case 2:
				p = `{"type": "string", "enum": ["a", "b", "c"], "x-index": true}`
			case 3:
				p = `{"type": "array", "items": {"type": "object", "properties": {"x": {"type": "number"}}}}`
			case 4:
				p = `{"type": "string", "format": "date-time"}`
			}
			props = append(props, fmt.Sprintf(`"f%d": %s`, j, p))
		}
		raw[fmt.Sprintf("coll%02ds", i)] = json.RawMessage(`{"type": "object", "title": "C", "properties": {` + strings.Join(props, ",") + `}}`)
	}
	reg, err := schemas.Compile(raw)
	require.NoError(b, err)
	for _, version := range []string{"3.1", "3.0"} {
		b.Run(version, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := openapi.Build(reg, openapi.Options{Version: version}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestDryRunReport: a schema PUT answers the schema, or with dryRun=true
// the report; the spec says both.
func TestDryRunReport(t *testing.T) {
	for _, version := range []string{"3.1", "3.0"} {
		t.Run(version, func(t *testing.T) {
			doc := build(t, version)
			put := doc.Paths.Find("/api/_schemas/{id}").Put
			ok := put.Responses.Value("200").Value.Content["application/json"].Schema.Value
			require.Len(t, ok.OneOf, 2)
			assert.Equal(t, "#/components/schemas/SchemaReport", ok.OneOf[1].Ref)
			assert.Contains(t, doc.Components.Schemas["SchemaReport"].Value.Required, "invalidCount")
		})
	}
}

func TestSecurity(t *testing.T) {
	for _, version := range []string{"3.1", "3.0"} {
		t.Run(version, func(t *testing.T) {
			doc := build(t, version)
			scheme := doc.Components.SecuritySchemes["apiKey"]
			require.NotNil(t, scheme)
			assert.Equal(t, "http", scheme.Value.Type)
			assert.Equal(t, "bearer", scheme.Value.Scheme)
			require.Len(t, doc.Security, 2, "a key, or none for the anonymous role")
			assert.Contains(t, doc.Security[0], "apiKey")
			assert.Empty(t, doc.Security[1])
			for path, item := range doc.Paths.Map() {
				for method, op := range item.Operations() {
					if path == "/healthz" {
						continue
					}
					for _, status := range []int{401, 403, 429} {
						assert.NotNil(t, op.Responses.Status(status), "%s %s %d", method, path, status)
					}
				}
			}
			assert.NotNil(t, doc.Components.Responses["TooManyRequests"].Value.Headers["Retry-After"])
		})
	}
}

func TestReadParameters(t *testing.T) {
	doc := build(t, "")
	for _, op := range []*openapi3.Operation{doc.Paths.Find("/api/exams").Get, doc.Paths.Find("/api/exams/{id}").Get} {
		for _, name := range []string{"expand", "expandDepth", "preview"} {
			assert.NotNil(t, op.Parameters.GetByInAndName("query", name), name)
		}
	}
	assert.NotNil(t, doc.Paths.Find("/api/exams").Post.Parameters.GetByInAndName("header", "Idempotency-Key"))
}
