package engine_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// richSchema exercises most of what a collection schema can say: formats,
// patterns, enums, numbers, nested objects, arrays, combinators,
// conditionals, local and cross-collection $refs, indexes and uniqueness.
const richSchema = `{
  "type": "object",
  "required": ["title"],
  "properties": {
    "title": {"type": "string", "minLength": 1, "maxLength": 200},
    "code": {"type": "string", "pattern": "^[A-Z]+-[0-9]+$", "x-unique": true},
    "level": {"type": "string", "enum": ["fundamentals", "professional", "master"], "x-index": true},
    "score": {"type": "number", "minimum": 0, "maximum": 100, "multipleOf": 0.5},
    "count": {"type": "integer", "x-index": true},
    "active": {"type": ["boolean", "null"]},
    "email": {"type": "string", "format": "email"},
    "startsAt": {"type": "string", "format": "date-time"},
    "tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": true, "maxItems": 10},
    "settings": {
      "type": "object",
      "additionalProperties": false,
      "properties": {"shuffle": {"type": "boolean"}, "limit": {"type": ["integer", "null"], "exclusiveMinimum": 0}}
    },
    "choice": {"oneOf": [{"type": "string"}, {"type": "object", "required": ["kind"], "properties": {"kind": {"const": "x"}}}]},
    "questions": {"type": "array", "items": {"$ref": "questions"}},
    "extra": {"$ref": "#/$defs/extra"}
  },
  "$defs": {
    "extra": {"type": "object", "patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": false}
  },
  "dependentRequired": {"code": ["level"]},
  "if": {"properties": {"level": {"const": "master"}}, "required": ["level"]},
  "then": {"required": ["score"]}
}`

// newFuzzServer returns a server with the questions and exams collections.
func newFuzzServer(f *testing.F) *testServer {
	srv := newServer(f)
	createCollection(f, srv, "questions", questionsSchema)
	createCollection(f, srv, "exams", richSchema)
	return srv
}

// checkAnswer fails on a status outside allowed and on an error that is
// not a problem document.
func checkAnswer(t *testing.T, resp *response, allowed ...int) {
	t.Helper()
	require.Contains(t, allowed, resp.Code, "answer: %s", resp)
	if resp.Code >= 400 {
		checkProblem(t, resp)
	}
}

// checkStored reads the document at path and checks that it is the one a
// write answered with and that it satisfies its collection's schema.
func checkStored(t *testing.T, srv *testServer, coll, path string, written *response) map[string]any {
	t.Helper()
	resp := srv.get(path + "?preview=true") // drafts too, where x-publish is set
	require.Equal(t, http.StatusOK, resp.Code, "read back %s: %s", path, resp)
	assert.Equal(t, written.Header.Get("ETag"), resp.Header.Get("ETag"))
	assert.Equal(t, string(written.Body), string(resp.Body))
	doc := decodeNumbers(t, resp.Body)
	c, ok := srv.svc.Registry().Collection(coll)
	require.True(t, ok)
	require.NoError(t, c.Validate(content(doc)), "stored: %s", resp.Body)
	return doc
}

// jsonObject decodes s when it is exactly one JSON object, keeping numbers
// as json.Number.
func jsonObject(s string) (map[string]any, bool) {
	if !json.Valid([]byte(s)) {
		return nil, false
	}
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil || m == nil {
		return nil, false
	}
	return m, true
}

func has(m map[string]any, key string) bool {
	_, ok := m[key]
	return ok
}

// decodeNumbers decodes a JSON object keeping numbers as json.Number, as the
// service does.
func decodeNumbers(t *testing.T, b []byte) map[string]any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var m map[string]any
	require.NoError(t, d.Decode(&m), "body: %s", b)
	return m
}

// rewrites reports whether decoding the JSON text body replaces part of it
// with U+FFFD: bytes that are not UTF-8, or an escaped lone surrogate.
func rewrites(body string) bool {
	if !json.Valid([]byte(body)) {
		return false
	}
	// Every string token, keys and values a later duplicate key replaces
	// included.
	got := 0
	d := json.NewDecoder(strings.NewReader(body))
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		if s, ok := tok.(string); ok {
			got += strings.Count(s, "\ufffd")
		}
	}
	held := strings.Count(body, "\ufffd") + strings.Count(strings.ToLower(body), `\ufffd`)
	return got > held
}

func FuzzCreateDocument(f *testing.F) {
	for _, seed := range []string{
		`{"title":"Automation 101"}`,
		`{"id":"exam-1","title":"Automation 101","code":"AB-12","level":"master","score":99.5,"count":3,"active":null,
		  "email":"a@b.example","startsAt":"2026-11-23T10:00:00Z","tags":["a","b"],"settings":{"shuffle":true,"limit":5},
		  "choice":{"kind":"x"},"questions":[{"text":"Q","points":1}],"extra":{"x-a":"b"}}`,
		`{"title":"Missing score","level":"master"}`,
		`{"title":"Dependent","code":"A-1"}`,
		`{"title":"","score":100.25,"tags":["a","a"],"settings":{"other":1,"limit":0},"choice":{"kind":"y"}}`,
		`{"title":"Huge","count":1e400,"score":-0}`,
		`{"title":"Precise","count":123456789012345678901234567890}`,
		`{"title":"Formats","email":"nope","startsAt":"yesterday"}`,
		`{"title":"Questions","questions":[{"text":1,"points":0},{},"q"]}`,
		`{"title":"Meta","_rev":7,"_createdAt":"never","_private":{"a":1}}`,
		`{"id":"","title":"Empty id"}`,
		`{"id":"-x","title":"Bad id"}`,
		`{"id":7,"title":"Numeric id"}`,
		`{"title":"Escapes \u0000 \ud800 \" \\ /","extra":{"x-\u00e9~/":"v"}}`,
		`{"title":"Duplicate","title":"keys"}`,
		`{"title":"Deep","choice":[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]}`,
		`{"title":"Trailing"} {}`,
		`{"title":"Trailing"} x`,
		`{"title":`,
		`[]`,
		`null`,
		`"title"`,
		``,
		"\xff\xfe{}",
	} {
		f.Add(seed)
	}
	srv := newFuzzServer(f)

	f.Fuzz(func(t *testing.T, body string) {
		resp := srv.post("/api/exams", body)
		checkAnswer(t, resp, http.StatusCreated, http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity)
		if resp.Code == http.StatusCreated {
			require.True(t, json.Valid([]byte(body)), "created from malformed JSON: %q", body)
		}
		if json.Valid([]byte(body)) && rewrites(body) {
			require.Equal(t, http.StatusBadRequest, resp.Code, "text a decoder rewrites is refused: %q", body)
			return
		}
		// Without an id in the way, the schema alone decides.
		if doc, ok := jsonObject(body); ok && !has(doc, "id") {
			coll, _ := srv.svc.Registry().Collection("exams")
			if err := coll.Validate(content(doc)); err != nil {
				require.Equal(t, http.StatusUnprocessableEntity, resp.Code, "the schema refuses %s: %v", body, err)
			} else {
				require.Equal(t, http.StatusCreated, resp.Code, "the schema accepts %s", body)
			}
		}

		if resp.Code != http.StatusCreated {
			items, _ := srv.get("/api/exams?limit=1").page(t)
			require.Empty(t, items, "a refused create wrote: %s", body)
			return
		}
		loc := resp.Header.Get("Location")
		doc := checkStored(t, srv, "exams", loc, resp)
		assert.Equal(t, "/api/exams/"+doc["id"].(string), loc)
		assert.Equal(t, json.Number("1"), doc["_rev"])
		// Start the next input from an empty collection again.
		require.Equal(t, http.StatusNoContent, srv.delete(loc).Code)
	})
}

func FuzzMergePatch(f *testing.F) {
	const base = `{"title":"Automation 101","code":"AB-12","level":"master","score":80,"count":3,
		"tags":["a","b"],"settings":{"shuffle":true,"limit":5},"choice":{"kind":"x"},
		"questions":[{"text":"Q","points":1}],"extra":{"x-a":"b"}}`
	for _, seed := range []string{
		`{}`,
		`{"score":90.5}`,
		`{"code":null,"level":null,"score":null}`,
		`{"title":null}`,
		`{"level":"fundamentals"}`,
		`{"settings":{"limit":null,"shuffle":false}}`,
		`{"settings":{"other":1}}`,
		`{"settings":null,"extra":{"x-a":null,"x-b":"c"}}`,
		`{"tags":["a","a"]}`,
		`{"questions":[{"text":"Q2","points":0}]}`,
		`{"choice":{"kind":null}}`,
		`{"choice":"plain"}`,
		`{"id":"base","_rev":1,"_updatedAt":null}`,
		`{"id":"other"}`,
		`{"id":null}`,
		`{"count":1e400}`,
		`{"code":"CD-34","score":-1}`,
		`[{"op":"remove","path":"/title"}]`,
		`null`,
		`"x"`,
		`1`,
		`{"title":`,
		``,
	} {
		f.Add(seed)
	}
	srv := newFuzzServer(f)
	resp := srv.put("/api/exams/base", base)
	require.Equal(f, http.StatusCreated, resp.Code, "create base: %s", resp)
	baseContent, ok := jsonObject(base)
	require.True(f, ok)

	f.Fuzz(func(t *testing.T, patch string) {
		before := etagOf(t, srv, "/api/exams/base")
		resp := srv.patch("/api/exams/base", patch)
		checkAnswer(t, resp, http.StatusOK, http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity)

		if json.Valid([]byte(patch)) && rewrites(patch) {
			require.Equal(t, http.StatusBadRequest, resp.Code, "text a decoder rewrites is refused: %q", patch)
		}
		// A well-formed patch that keeps the id is refused only when its
		// result breaks the schema.
		if p, ok := jsonObject(patch); ok && !rewrites(patch) && (!has(p, "id") || p["id"] == "base") {
			coll, _ := srv.svc.Registry().Collection("exams")
			merged, _ := mergeReference(baseContent, content(p)).(map[string]any)
			if err := coll.Validate(merged); err != nil {
				require.Equal(t, http.StatusUnprocessableEntity, resp.Code, "the schema refuses the result of %s: %v", patch, err)
			} else {
				require.Equal(t, http.StatusOK, resp.Code, "the schema accepts the result of %s", patch)
			}
		}
		if resp.Code != http.StatusOK {
			assert.Equal(t, before, etagOf(t, srv, "/api/exams/base"), "a refused patch changed the document: %s", patch)
			return
		}
		doc := checkStored(t, srv, "exams", "/api/exams/base", resp)
		p, ok := jsonObject(patch)
		require.True(t, ok, "a 200 for a patch that is no JSON object: %q", patch)
		assert.Equal(t, mergeReference(baseContent, content(p)), content(doc), "RFC 7396 result of %s", patch)

		// Start the next input from the base document again.
		restored := srv.put("/api/exams/base", base, "If-Match", resp.Header.Get("ETag"))
		require.Equal(t, http.StatusOK, restored.Code, "restore: %s", restored)
	})
}

// mergeReference is RFC 7396 section 2, as written there.
func mergeReference(target, patch any) any {
	p, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	t, ok := target.(map[string]any)
	if !ok {
		t = map[string]any{}
	}
	out := make(map[string]any, len(t))
	for k, v := range t {
		out[k] = v
	}
	for k, v := range p {
		if v == nil {
			delete(out, k)
		} else {
			out[k] = mergeReference(out[k], v)
		}
	}
	return out
}

func FuzzPutSchema(f *testing.F) {
	for _, seed := range []string{
		`{"type":"object"}`,
		examsSchema,
		richSchema,
		quizzesSchema,
		`{"type":"object","properties":{"a":{"$ref":"credence://schemas/questions"}}}`,
		`{"type":"object","properties":{"a":{"$ref":"x"}}}`,
		`{"type":"object","$ref":"#"}`,
		`{"type":"object","properties":{"a":{"$ref":"#/properties/a"}}}`,
		`{"type":"object","$defs":{"n":{"type":"array","items":{"$ref":"#/$defs/n"}}},"properties":{"a":{"$ref":"#/$defs/n"}}}`,
		`{"type":"object","$id":"credence://schemas/questions"}`,
		`{"type":"object","$id":"https://example.com/s","properties":{"a":{"$ref":"t"}}}`,
		`{"type":"object","$schema":"https://json-schema.org/draft/2020-12/schema"}`,
		`{"type":"object","$schema":"http://json-schema.org/draft-07/schema#"}`,
		`{"type":"object","$anchor":"a","$dynamicAnchor":"b","properties":{"a":{"$dynamicRef":"#b"}}}`,
		`{"type":"object","properties":{"a":{"$ref":"https://example.com/s.json"}}}`,
		`{"type":"object","properties":{"a":{"$ref":"file:///etc/passwd"}}}`,
		`{"type":"object","properties":{"_a":{}}}`,
		`{"type":"object","properties":{"a":{"type":"string","x-unique":true},"b":{"type":"integer","x-index":true}}}`,
		`{"type":"object","properties":{"a":{"type":"object","x-unique":true}}}`,
		`{"type":"object","properties":{"a":{"type":"string","pattern":"(","format":"nope"}}}`,
		`{"type":"object","properties":{"a":{"type":"string","pattern":"^(a+)+$"}}}`,
		`{"type":"object","properties":{"a":{"minimum":"1","multipleOf":0}}}`,
		`{"type":"object","properties":{"a":{"multipleOf":1e-400,"maximum":1e400}}}`,
		`{"type":"object","required":["a","a"],"properties":{"a":{"const":{"b":[1,{}]}}}}`,
		`{"type":"object","x-unknown":{"x-nested":1},"properties":{"a":{"x-ui":{"x-widget":1}}}}`,
		`{"type":"object","x-publish":true,"x-rules":[{"when":"true","message":"m"}]}`,
		`{"type":"object","allOf":[{"not":{}}],"additionalProperties":false}`,
		`{"type":"object","if":{},"then":false,"else":true,"dependentSchemas":{"a":false}}`,
		`{"type":"array"}`,
		`{"type":["object"]}`,
		`{}`,
		`true`,
		`[]`,
		`{"type":`,
		``,
	} {
		f.Add(seed)
	}
	srv := newServer(f)
	createCollection(f, srv, "questions", questionsSchema)

	f.Fuzz(func(t *testing.T, schema string) {
		resp := srv.put("/api/_schemas/x", schema)
		checkAnswer(t, resp, http.StatusCreated, http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity)

		if resp.Code == http.StatusCreated {
			require.True(t, json.Valid([]byte(schema)), "a collection from malformed JSON: %q", schema)
		}
		if resp.Code != http.StatusCreated {
			assertProblem(t, srv.get("/api/_schemas/x"), http.StatusNotFound)
			assertProblem(t, srv.get("/api/x"), http.StatusNotFound)
			return
		}
		got := srv.get("/api/_schemas/x")
		require.Equal(t, http.StatusOK, got.Code, "read back: %s", got)
		assert.Equal(t, resp.Header.Get("ETag"), got.Header.Get("ETag"))
		assert.Equal(t, http.StatusOK, srv.get("/api/x").Code)

		// The new collection validates documents without failing: an empty
		// one, and the schema itself taken as a document.
		for _, doc := range []string{`{}`, schema} {
			created := srv.post("/api/x", doc)
			checkAnswer(t, created, http.StatusCreated, http.StatusBadRequest, http.StatusConflict, http.StatusUnprocessableEntity)
			if created.Code == http.StatusCreated {
				checkStored(t, srv, "x", created.Header.Get("Location"), created)
			}
		}

		// Start the next input without the collection again.
		require.Equal(t, http.StatusNoContent, srv.delete("/api/_schemas/x?force=true").Code)
		assertProblem(t, srv.get("/api/x"), http.StatusNotFound)
	})
}
