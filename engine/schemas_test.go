package engine_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const questionsSchema = `{
  "type": "object",
  "required": ["text", "points"],
  "properties": {
    "text": {"type": "string"},
    "points": {"type": "integer", "minimum": 1}
  }
}`

const quizzesSchema = `{
  "type": "object",
  "properties": {
    "title": {"type": "string"},
    "questions": {"type": "array", "items": {"$ref": "questions"}}
  }
}`

func TestSchemaDefinesCollection(t *testing.T) {
	srv := newServer(t)
	assertProblem(t, srv.get("/api/exams"), http.StatusNotFound)

	resp := srv.put("/api/_schemas/exams", examsSchema)
	require.Equal(t, http.StatusCreated, resp.Code, resp)
	assert.Equal(t, "/api/_schemas/exams", resp.Header.Get("Location"))
	assert.NotEmpty(t, resp.Header.Get("ETag"))
	schema := resp.object(t)
	assert.Equal(t, "exams", schema["id"])
	assert.EqualValues(t, 1, schema["_rev"])
	assert.NotContains(t, schema, "_warnings", "a schema without unknown keywords draws no warning")

	t.Run("routes work at once", func(t *testing.T) {
		doc := createDoc(t, srv, "exams", `{"title":"Automation 101"}`)
		assert.Equal(t, http.StatusOK, srv.get("/api/exams/"+doc["id"].(string)).Code)
		items, _ := srv.get("/api/exams").page(t)
		assert.Len(t, items, 1)
		assertProblem(t, srv.post("/api/exams", `{"title":1}`), http.StatusUnprocessableEntity)
	})

	t.Run("the schema reads back as a document", func(t *testing.T) {
		resp := srv.get("/api/_schemas/exams")
		require.Equal(t, http.StatusOK, resp.Code, resp)
		assert.JSONEq(t, contentJSON(t, schema), contentJSON(t, resp.object(t)))
		items, _ := srv.get("/api/_schemas").page(t)
		assert.Equal(t, []string{"_audit", "_keys", "_reports", "exams"}, idsOf(items), "the built-in schemas are documents too")
		items, _ = srv.get("/api/_schemas?filter=" + url.QueryEscape(`id == "exams"`)).page(t)
		assert.Equal(t, []string{"exams"}, idsOf(items))
	})

	t.Run("POST with the name as id", func(t *testing.T) {
		resp := srv.post("/api/_schemas", `{"id":"notes","type":"object"}`)
		require.Equal(t, http.StatusCreated, resp.Code, resp)
		assert.Equal(t, "/api/_schemas/notes", resp.Header.Get("Location"))
		createDoc(t, srv, "notes", `{"text":"hello"}`)

		p := assertProblem(t, srv.post("/api/_schemas", `{"type":"object"}`), http.StatusUnprocessableEntity)
		assert.Equal(t, []string{"/id"}, errorPaths(t, p))
	})

	t.Run("a new schema applies at once", func(t *testing.T) {
		resp := srv.put("/api/_schemas/notes", `{"type":"object","properties":{"text":{"type":"string","maxLength":5}}}`)
		require.Equal(t, http.StatusOK, resp.Code, resp)
		assert.EqualValues(t, 2, resp.object(t)["_rev"])
		p := assertProblem(t, srv.post("/api/notes", `{"text":"too long"}`), http.StatusUnprocessableEntity)
		assert.Equal(t, map[string]string{"/text": "must be at most 5 characters long"}, fieldErrors(t, p))
		createDoc(t, srv, "notes", `{"text":"short"}`)
	})

	t.Run("schema history", func(t *testing.T) {
		items, _ := srv.get("/api/_schemas/notes/revisions").page(t)
		assert.Len(t, items, 2)
	})
}

func TestSchemaWarnings(t *testing.T) {
	srv := newServer(t)
	resp := srv.put("/api/_schemas/exams", `{
		"type": "object",
		"x-colour": "blue",
		"x-publish": true,
		"properties": {
			"title": {"type": "string", "x-widget": "textarea", "x-title": "Title"},
			"score": {"type": "integer", "x-formula": "1 + 1", "x-index": true}
		}
	}`)
	require.Equal(t, http.StatusCreated, resp.Code, "an unknown keyword is no error: %s", resp)
	warnings, _ := resp.object(t)["_warnings"].([]any)
	require.Len(t, warnings, 2, "one warning per unknown keyword: %v", warnings)
	all := fmt.Sprint(warnings...)
	assert.Contains(t, all, "/x-colour")
	assert.Contains(t, all, "/properties/title/x-widget")

	stored := srv.get("/api/_schemas/exams").object(t)
	assert.Equal(t, "blue", stored["x-colour"], "unknown keywords are stored")
	assert.NotContains(t, stored, "_warnings", "warnings are not stored")
	createDoc(t, srv, "exams", `{"title":"Works","score":3}`)
}

func TestSchemaRefused(t *testing.T) {
	var fetched atomic.Int64
	remote := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fetched.Add(1)
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"type":"string"}`))
	}))
	t.Cleanup(remote.Close)

	cases := []struct {
		name   string
		schema string
		status int
		path   string // a JSON Pointer that the problem names, when set
	}{
		{"property starting with _", `{"type":"object","properties":{"_secret":{"type":"string"}}}`, http.StatusUnprocessableEntity, "/properties/_secret"},
		{"property _rev", `{"type":"object","properties":{"_rev":{"type":"integer"}}}`, http.StatusUnprocessableEntity, "/properties/_rev"},
		{"root is an array schema", `{"type":"array"}`, http.StatusUnprocessableEntity, "/type"},
		{"root has no type", `{"properties":{"title":{"type":"string"}}}`, http.StatusUnprocessableEntity, "/type"},
		{"root allows any type", `{"type":["object","null"]}`, http.StatusUnprocessableEntity, "/type"},
		{"root is not an object", `[{"type":"object"}]`, http.StatusUnprocessableEntity, ""},
		{"root is true", `true`, http.StatusUnprocessableEntity, ""},
		{"remote $ref over http", `{"type":"object","properties":{"a":{"$ref":"` + remote.URL + `/schema.json"}}}`, http.StatusUnprocessableEntity, ""},
		{"remote $ref over https", `{"type":"object","properties":{"a":{"$ref":"https://example.com/schema.json"}}}`, http.StatusUnprocessableEntity, ""},
		{"file $ref", `{"type":"object","properties":{"a":{"$ref":"file:///etc/passwd"}}}`, http.StatusUnprocessableEntity, ""},
		{"file $ref at the root", `{"type":"object","$ref":"file:///etc/passwd"}`, http.StatusUnprocessableEntity, ""},
		{"remote $id and relative $ref", `{"$id":"` + remote.URL + `/root.json","type":"object","properties":{"a":{"$ref":"other.json"}}}`, http.StatusUnprocessableEntity, ""},
		{"remote $schema", `{"$schema":"` + remote.URL + `/meta.json","type":"object"}`, http.StatusUnprocessableEntity, ""},
		{"$dynamicRef to a remote schema", `{"type":"object","properties":{"a":{"$dynamicRef":"` + remote.URL + `/d.json#x"}}}`, http.StatusUnprocessableEntity, ""},
		{"$ref to an unknown collection", `{"type":"object","properties":{"a":{"$ref":"nothing"}}}`, http.StatusUnprocessableEntity, ""},
		{"$ref to a missing definition", `{"type":"object","properties":{"a":{"$ref":"#/$defs/missing"}}}`, http.StatusUnprocessableEntity, ""},
		{"unknown type", `{"type":"object","properties":{"a":{"type":"strng"}}}`, http.StatusUnprocessableEntity, ""},
		{"negative minLength", `{"type":"object","properties":{"a":{"type":"string","minLength":-1}}}`, http.StatusUnprocessableEntity, ""},
		{"bad pattern", `{"type":"object","properties":{"a":{"type":"string","pattern":"("}}}`, http.StatusUnprocessableEntity, ""},
		{"x-unique on an object", `{"type":"object","properties":{"a":{"type":"object","x-unique":true}}}`, http.StatusUnprocessableEntity, "/properties/a/x-unique"},
		{"x-unique not a boolean", `{"type":"object","properties":{"a":{"type":"string","x-unique":"yes"}}}`, http.StatusUnprocessableEntity, "/properties/a/x-unique"},
		{"x-index below the top", `{"type":"object","properties":{"a":{"type":"object","properties":{"b":{"type":"string","x-index":true}}}}}`, http.StatusUnprocessableEntity, "/properties/a/properties/b/x-index"},
		{"x-publish not a boolean", `{"type":"object","x-publish":"yes"}`, http.StatusUnprocessableEntity, "/x-publish"},
		{"malformed JSON", `{"type":"object",}`, http.StatusBadRequest, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t)
			p := assertProblem(t, srv.put("/api/_schemas/exams", tc.schema), tc.status)
			if tc.path != "" && p != nil {
				assert.Contains(t, errorPaths(t, p), tc.path)
			}
			assertProblem(t, srv.get("/api/_schemas/exams"), http.StatusNotFound)
			assertProblem(t, srv.get("/api/exams"), http.StatusNotFound)
		})
	}
	assert.Zero(t, fetched.Load(), "nothing is ever fetched")

	names := map[string]string{
		"upper case":         "Exams",
		"leading digit":      "1exams",
		"leading underscore": "_exams",
		"dash":               "my-exams",
		"64 characters":      "e" + strings.Repeat("x", 63),
	}
	for name, coll := range names {
		t.Run("collection name/"+name, func(t *testing.T) {
			srv := newServer(t)
			resp := srv.put("/api/_schemas/"+coll, `{"type":"object"}`)
			assert.Equal(t, http.StatusBadRequest, resp.Code, resp)
			checkProblem(t, resp)
			assertProblem(t, srv.get("/api/"+coll), http.StatusNotFound)
		})
	}

	t.Run("the draft 2020-12 meta-schema is known", func(t *testing.T) {
		srv := newServer(t)
		createCollection(t, srv, "exams", `{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object"}`)
	})
}

func TestSchemaRefToCollection(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "questions", questionsSchema)
	createCollection(t, srv, "quizzes", quizzesSchema)

	createDoc(t, srv, "quizzes", `{"title":"Quiz","questions":[{"text":"Q1","points":1},{"text":"Q2","points":2}]}`)
	p := assertProblem(t, srv.post("/api/quizzes", `{"questions":[{"text":"Q1","points":1},{"text":"Q2","points":0},{"points":3}]}`),
		http.StatusUnprocessableEntity)
	assert.Equal(t, map[string]string{
		"/questions/1/points": "must be at least 1",
		"/questions/2/text":   "is required",
	}, fieldErrors(t, p))

	t.Run("absolute URI form", func(t *testing.T) {
		createCollection(t, srv, "pools", `{"type":"object","properties":{"best":{"$ref":"credence://schemas/questions"}}}`)
		createDoc(t, srv, "pools", `{"best":{"text":"Q","points":5}}`)
		assertProblem(t, srv.post("/api/pools", `{"best":{"text":"Q"}}`), http.StatusUnprocessableEntity)
	})

	t.Run("a change of the referred schema applies to the referrers at once", func(t *testing.T) {
		resp := srv.put("/api/_schemas/questions", `{
			"type": "object",
			"required": ["text", "points", "answer"],
			"properties": {"text": {"type": "string"}, "points": {"type": "integer", "minimum": 1}, "answer": {"type": "string"}}
		}`)
		require.Equal(t, http.StatusOK, resp.Code, resp)
		p := assertProblem(t, srv.post("/api/quizzes", `{"questions":[{"text":"Q1","points":1}]}`), http.StatusUnprocessableEntity)
		assert.Equal(t, []string{"/questions/0/answer"}, errorPaths(t, p))
		createDoc(t, srv, "quizzes", `{"questions":[{"text":"Q1","points":1,"answer":"A"}]}`)
	})
}

func TestSchemaReplace(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "exams", `{"type":"object","properties":{"title":{"type":"string"},"level":{"type":"string"}}}`)
	for i := range 25 {
		createDoc(t, srv, "exams", fmt.Sprintf(`{"id":"e%02d","title":"Exam %d"}`, i, i))
	}
	createDoc(t, srv, "exams", `{"id":"ok","title":"Has a level","level":"master"}`)
	stricter := `{"type":"object","required":["level"],"properties":{"title":{"type":"string"},"level":{"type":"string"}}}`
	schemaTag := etagOf(t, srv, "/api/_schemas/exams")

	t.Run("dry run reports and changes nothing", func(t *testing.T) {
		resp := srv.put("/api/_schemas/exams?dryRun=true", stricter)
		require.Equal(t, http.StatusOK, resp.Code, resp)
		assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
		report := resp.object(t)
		assert.Equal(t, "exams", report["collection"])
		assert.Equal(t, false, report["new"])
		assert.EqualValues(t, 26, report["documents"])
		assert.EqualValues(t, 25, report["invalidCount"])
		invalid, _ := report["invalid"].([]any)
		require.Len(t, invalid, 20, "at most 20 are named")
		assert.Equal(t, map[string]any{"id": "e00", "path": "/level", "message": "is required"}, invalid[0])

		assert.Equal(t, schemaTag, etagOf(t, srv, "/api/_schemas/exams"))
		assert.Equal(t, http.StatusOK, srv.put("/api/exams/e00", `{"title":"Still no level"}`).Code, "the old schema still applies")
	})

	t.Run("dry run of a harmless change", func(t *testing.T) {
		resp := srv.put("/api/_schemas/exams?dryRun=true", `{"type":"object"}`)
		require.Equal(t, http.StatusOK, resp.Code, resp)
		assert.EqualValues(t, 0, resp.object(t)["invalidCount"])
		assert.Equal(t, []any{}, resp.object(t)["invalid"])
	})

	t.Run("dry run of a new collection", func(t *testing.T) {
		resp := srv.put("/api/_schemas/drafts?dryRun=true", `{"type":"object"}`)
		require.Equal(t, http.StatusOK, resp.Code, resp)
		assert.Equal(t, true, resp.object(t)["new"])
		assertProblem(t, srv.get("/api/drafts"), http.StatusNotFound)
		assertProblem(t, srv.get("/api/_schemas/drafts"), http.StatusNotFound)
	})

	t.Run("conflict names the offending documents", func(t *testing.T) {
		p := assertProblem(t, srv.put("/api/_schemas/exams", stricter), http.StatusConflict)
		assert.EqualValues(t, 25, p["invalidCount"])
		invalid, _ := p["invalid"].([]any)
		require.Len(t, invalid, 20)
		for _, entry := range invalid {
			bad, _ := entry.(map[string]any)
			assert.Regexp(t, `^e\d\d$`, bad["id"])
			assert.Equal(t, "/level", bad["path"])
			assert.Equal(t, "is required", bad["message"])
		}
		assert.Equal(t, schemaTag, etagOf(t, srv, "/api/_schemas/exams"), "the schema is unchanged")
	})

	t.Run("a PATCH of the schema is checked the same way", func(t *testing.T) {
		assertProblem(t, srv.patch("/api/_schemas/exams", `{"required":["level"]}`), http.StatusConflict)
		assert.Equal(t, schemaTag, etagOf(t, srv, "/api/_schemas/exams"))
	})

	t.Run("If-Match on the schema", func(t *testing.T) {
		assertProblem(t, srv.put("/api/_schemas/exams", stricter, "If-Match", `"0123456789abcdef"`), http.StatusPreconditionFailed)
	})

	t.Run("force applies it", func(t *testing.T) {
		resp := srv.put("/api/_schemas/exams?force=true", stricter, "If-Match", schemaTag)
		require.Equal(t, http.StatusOK, resp.Code, resp)
		assert.EqualValues(t, 2, resp.object(t)["_rev"])

		p := assertProblem(t, srv.post("/api/exams", `{"title":"No level"}`), http.StatusUnprocessableEntity)
		assert.Equal(t, []string{"/level"}, errorPaths(t, p))
		assert.Equal(t, http.StatusOK, srv.get("/api/exams/e01").Code, "documents stay, even invalid ones")
		assert.Len(t, listAll(t, srv, "/api/exams"), 26)
		p = assertProblem(t, srv.patch("/api/exams/e01", `{"title":"Still invalid"}`), http.StatusUnprocessableEntity)
		assert.Equal(t, []string{"/level"}, errorPaths(t, p))
		assert.Equal(t, http.StatusOK, srv.patch("/api/exams/e01", `{"level":"master"}`).Code, "and can be fixed")
	})

	t.Run("force applies a PATCH", func(t *testing.T) {
		resp := srv.patch("/api/_schemas/exams?force=true", `{"properties":{"level":{"enum":["master"]}}}`)
		require.Equal(t, http.StatusOK, resp.Code, resp)
		assertProblem(t, srv.post("/api/exams", `{"title":"New","level":"novice"}`), http.StatusUnprocessableEntity)
	})
}

func TestDryRunOnlyForSchemaPut(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "exams", examsSchema)
	createDoc(t, srv, "exams", `{"id":"e1","title":"Automation 101"}`)
	schemaTag := etagOf(t, srv, "/api/_schemas/exams")
	docTag := etagOf(t, srv, "/api/exams/e1")

	// A dry run that wrote would be worse than no dry run: refuse it where
	// it is not supported.
	assertProblem(t, srv.put("/api/exams/e2?dryRun=true", `{"title":"Dry"}`), http.StatusBadRequest)
	assertProblem(t, srv.put("/api/exams/e1?dryRun=true", `{"title":"Dry"}`), http.StatusBadRequest)
	assertProblem(t, srv.patch("/api/exams/e1?dryRun=true", `{"title":"Dry"}`), http.StatusBadRequest)
	assertProblem(t, srv.delete("/api/exams/e1?dryRun=true"), http.StatusBadRequest)
	assertProblem(t, srv.patch("/api/_schemas/exams?dryRun=true", `{"required":["code"]}`), http.StatusBadRequest)
	assertProblem(t, srv.delete("/api/_schemas/exams?dryRun=true"), http.StatusBadRequest)
	assertProblem(t, srv.put("/api/_schemas/exams?dryRun=maybe", examsSchema), http.StatusBadRequest)
	assertProblem(t, srv.post("/api/exams?dryRun=true", `{"id":"e3","title":"Dry"}`), http.StatusBadRequest)
	assertProblem(t, srv.post("/api/_schemas?dryRun=true", `{"id":"drafts","type":"object"}`), http.StatusBadRequest)

	assertProblem(t, srv.get("/api/exams/e2"), http.StatusNotFound)
	assertProblem(t, srv.get("/api/exams/e3"), http.StatusNotFound)
	assertProblem(t, srv.get("/api/drafts"), http.StatusNotFound)
	assert.Equal(t, docTag, etagOf(t, srv, "/api/exams/e1"))
	assert.Equal(t, schemaTag, etagOf(t, srv, "/api/_schemas/exams"))
}

func TestSchemaAddsUnique(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "exams", `{"type":"object","properties":{"code":{"type":"string"},"slug":{"type":"string"}}}`)
	createDoc(t, srv, "exams", `{"id":"e1","code":"A","slug":"one"}`)
	createDoc(t, srv, "exams", `{"id":"e2","code":"A","slug":"two"}`)
	schemaTag := etagOf(t, srv, "/api/_schemas/exams")

	p := assertProblem(t, srv.put("/api/_schemas/exams", `{"type":"object","properties":{"code":{"type":"string","x-unique":true}}}`),
		http.StatusConflict)
	assert.Contains(t, p["detail"], "unique")
	assert.Equal(t, schemaTag, etagOf(t, srv, "/api/_schemas/exams"))
	createDoc(t, srv, "exams", `{"code":"A"}`)

	t.Run("without duplicates the index is built from the stored documents", func(t *testing.T) {
		resp := srv.put("/api/_schemas/exams", `{"type":"object","properties":{"code":{"type":"string"},"slug":{"type":"string","x-unique":true}}}`)
		require.Equal(t, http.StatusOK, resp.Code, resp)
		p := assertProblem(t, srv.post("/api/exams", `{"slug":"one"}`), http.StatusConflict)
		assert.Equal(t, []string{"/slug"}, errorPaths(t, p))
		createDoc(t, srv, "exams", `{"slug":"three"}`)
	})

	t.Run("dropping x-unique drops the index", func(t *testing.T) {
		resp := srv.put("/api/_schemas/exams", `{"type":"object","properties":{"code":{"type":"string"},"slug":{"type":"string"}}}`)
		require.Equal(t, http.StatusOK, resp.Code, resp)
		createDoc(t, srv, "exams", `{"slug":"one"}`)
	})
}

func TestDeleteCollection(t *testing.T) {
	srv := newServer(t)

	t.Run("empty", func(t *testing.T) {
		createCollection(t, srv, "empty", `{"type":"object"}`)
		assert.Equal(t, http.StatusNoContent, srv.delete("/api/_schemas/empty").Code)
		assertProblem(t, srv.get("/api/empty"), http.StatusNotFound)
		assertProblem(t, srv.get("/api/_schemas/empty"), http.StatusNotFound)
		assertProblem(t, srv.post("/api/empty", `{}`), http.StatusNotFound)
		assertProblem(t, srv.delete("/api/_schemas/empty"), http.StatusNotFound)
	})

	t.Run("with documents", func(t *testing.T) {
		createCollection(t, srv, "exams", examsSchema)
		createDoc(t, srv, "exams", `{"id":"e1","title":"Automation 101","code":"A"}`)
		createDoc(t, srv, "exams", `{"id":"e2","title":"Automation 102","code":"B"}`)
		require.Equal(t, http.StatusOK, srv.patch("/api/exams/e1", `{"level":"master"}`).Code)

		p := assertProblem(t, srv.delete("/api/_schemas/exams"), http.StatusConflict)
		assert.EqualValues(t, 2, p["documents"])
		assert.Equal(t, http.StatusOK, srv.get("/api/exams/e1").Code, "nothing is deleted")

		assert.Equal(t, http.StatusNoContent, srv.delete("/api/_schemas/exams?force=true").Code)
		assertProblem(t, srv.get("/api/exams"), http.StatusNotFound)
		assertProblem(t, srv.get("/api/exams/e1"), http.StatusNotFound)
		assertProblem(t, srv.get("/api/exams/e1/revisions"), http.StatusNotFound)
		assertProblem(t, srv.get("/api/_schemas/exams"), http.StatusNotFound)

		// Defined again, the collection starts empty: documents, revisions
		// and unique values went with it.
		createCollection(t, srv, "exams", examsSchema)
		items, _ := srv.get("/api/exams").page(t)
		assert.Empty(t, items)
		assertProblem(t, srv.get("/api/exams/e1/revisions/1"), http.StatusNotFound)
		doc := createDoc(t, srv, "exams", `{"id":"e1","title":"Automation 101","code":"A"}`)
		assert.EqualValues(t, 1, doc["_rev"])
	})

	t.Run("If-Match", func(t *testing.T) {
		createCollection(t, srv, "cond", `{"type":"object"}`)
		assertProblem(t, srv.delete("/api/_schemas/cond", "If-Match", `"0123456789abcdef"`), http.StatusPreconditionFailed)
		assert.Equal(t, http.StatusNoContent, srv.delete("/api/_schemas/cond", "If-Match", etagOf(t, srv, "/api/_schemas/cond")).Code)
	})

	t.Run("referred to by another collection", func(t *testing.T) {
		createCollection(t, srv, "questions", questionsSchema)
		createCollection(t, srv, "quizzes", quizzesSchema)

		p := assertProblem(t, srv.delete("/api/_schemas/questions"), http.StatusConflict)
		assert.Equal(t, []any{"quizzes"}, p["referencedBy"])
		assertProblem(t, srv.delete("/api/_schemas/questions?force=true"), http.StatusConflict)
		assert.Equal(t, http.StatusOK, srv.get("/api/_schemas/questions").Code)
		createDoc(t, srv, "quizzes", `{"questions":[{"text":"Q","points":1}]}`)

		assert.Equal(t, http.StatusNoContent, srv.delete("/api/_schemas/quizzes?force=true").Code)
		assert.Equal(t, http.StatusNoContent, srv.delete("/api/_schemas/questions").Code)
	})
}

// TestSchemaDefaults: a top-level property's JSON Schema default is set on
// create when the document leaves the property out (x-default, a formula,
// wins over it); an x-index on an enum needs no type beside it.
func TestSchemaDefaults(t *testing.T) {
	srv := newServer(t)
	require.Equal(t, http.StatusCreated, srv.put("/api/_schemas/tasks", `{"type": "object", "properties": {
  "status": {"enum": ["draft", "open"], "default": "draft", "x-index": true},
  "tags": {"type": "array", "items": {"type": "string"}, "default": ["new"]},
  "size": {"type": "integer", "default": 3},
  "rank": {"type": "integer", "default": 1, "x-default": "2"},
  "note": {"type": "string"}}}`).Code)

	tests := []struct {
		name, body string
		want       map[string]any
	}{
		{"all defaults", `{"id": "t1"}`, map[string]any{"status": "draft", "tags": []any{"new"}, "size": 3.0, "rank": 2.0}},
		{"given values win", `{"id": "t2", "status": "open", "tags": [], "size": 0, "rank": 9}`,
			map[string]any{"status": "open", "tags": []any{}, "size": 0.0, "rank": 9.0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := srv.post("/api/tasks", tt.body)
			require.Equal(t, http.StatusCreated, resp.Code, "%s", resp)
			doc := resp.object(t)
			for k, v := range tt.want {
				assert.Equal(t, v, doc[k], k)
			}
		})
	}
	t.Run("a default is not shared between documents", func(t *testing.T) {
		require.Equal(t, http.StatusOK, srv.patch("/api/tasks/t1", `{"tags": ["new", "urgent"]}`, "Content-Type", "application/merge-patch+json").Code)
		resp := srv.post("/api/tasks", `{"id": "t3"}`)
		require.Equal(t, http.StatusCreated, resp.Code)
		assert.Equal(t, []any{"new"}, resp.object(t)["tags"])
	})
	t.Run("only on create", func(t *testing.T) {
		resp := srv.put("/api/tasks/t1", `{"note": "replaced"}`)
		require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
		assert.NotContains(t, resp.object(t), "size")
	})
	t.Run("the enum's index serves a filter", func(t *testing.T) {
		resp := srv.get("/api/tasks?explain=true&filter=" + url.QueryEscape(`status == "draft"`))
		require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
		items, _ := resp.page(t)
		assert.Equal(t, []string{"t3"}, idsOf(items))
		assert.Equal(t, "status", resp.object(t)["explain"].(map[string]any)["index"])
	})
}

// TestSchemaKeepsTheAuthorsOrder: a schema comes back with its members in
// the order written, nested ones too, so that forms show the author's
// order; id and meta fields sent with it are not stored.
func TestSchemaKeepsTheAuthorsOrder(t *testing.T) {
	srv := newServer(t)
	schema := `{"type": "object", "title": "Questions", "id": "questions", "_rev": 9,
	  "properties": {"text": {"type": "string", "title": "Question"}, "points": {"type": "integer"},
	    "options": {"type": "array", "items": {"type": "object", "properties": {"text": {"type": "string"}, "correct": {"type": "boolean"}, "id": {"type": "string"}}}},
	    "difficulty": {"enum": ["easy", "hard"]}},
	  "required": ["text"]}`
	require.Equal(t, http.StatusCreated, srv.put("/api/_schemas/questions", schema).Code)
	body := string(srv.get("/api/_schemas/questions").Body)
	order := func(names ...string) {
		t.Helper()
		last := -1
		for _, n := range names {
			i := strings.Index(body, `"`+n+`":`)
			require.GreaterOrEqual(t, i, 0, "%s in %s", n, body)
			assert.Greater(t, i, last, "%s comes after the one before it in %s", n, body)
			last = i
		}
	}
	order("type", "title", "properties", "text", "points", "options", "correct", "difficulty", "required")
	assert.NotContains(t, body, `"_rev":9`)
	assert.Contains(t, body, `"id":"questions"`)
	// Documents of the collection are validated as before.
	assert.Equal(t, http.StatusCreated, srv.post("/api/questions", `{"text": "Why?", "points": 2}`).Code)
	assertProblem(t, srv.post("/api/questions", `{"points": 2}`), http.StatusUnprocessableEntity)
}
