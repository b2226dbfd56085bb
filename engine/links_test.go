package engine_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	linkLevels    = `{"type":"object","properties":{"name":{"type":"string"}}}`
	linkQuestions = `{"type":"object","properties":{"text":{"type":"string"}}}`
	linkExams     = `{"type":"object","properties":{
		"title":{"type":"string"},
		"level":{"type":["string","null"],"x-ref":"levels"},
		"questions":{"type":"array","items":{"type":"string","x-ref":"questions","x-on-delete":"set-null"}},
		"next":{"type":"string","x-ref":"exams"}}}`
)

func linkServer(t *testing.T) *testServer {
	t.Helper()
	srv := newServer(t)
	createCollection(t, srv, "levels", linkLevels)
	createCollection(t, srv, "questions", linkQuestions)
	createCollection(t, srv, "exams", linkExams)
	createDoc(t, srv, "levels", `{"id":"pro","name":"Professional"}`)
	createDoc(t, srv, "questions", `{"id":"q1","text":"?"}`)
	createDoc(t, srv, "questions", `{"id":"q2","text":"?"}`)
	return srv
}

func TestReferencesOnWrite(t *testing.T) {
	srv := linkServer(t)

	exam := createDoc(t, srv, "exams", `{"id":"e1","title":"A","level":"pro","questions":["q1","q2"],"next":"e1"}`)
	assert.Equal(t, "pro", exam["level"], "a reference to a document that exists, and one to itself")
	createDoc(t, srv, "exams", `{"id":"e2","title":"B","level":null}`)

	tests := map[string]struct {
		method, path, body string
		missing            map[string]string
	}{
		"create": {http.MethodPost, "/api/exams", `{"title":"C","level":"master","questions":["q1","q9","q8"]}`,
			map[string]string{"/level": `"master" in levels`, "/questions/1": `"q9" in questions`, "/questions/2": `"q8" in questions`}},
		"replace": {http.MethodPut, "/api/exams/e2", `{"title":"B","next":"e9"}`,
			map[string]string{"/next": `"e9" in exams`}},
		"patch": {http.MethodPatch, "/api/exams/e1", `{"questions":["q1","gone"]}`,
			map[string]string{"/questions/1": `"gone" in questions`}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			before := srv.get("/api/exams/e1").Header.Get("ETag")
			p := assertProblem(t, srv.send(tt.method, tt.path, tt.body), http.StatusUnprocessableEntity)
			errs := fieldErrors(t, p)
			require.Len(t, errs, len(tt.missing), p)
			for path, msg := range tt.missing {
				assert.Contains(t, errs[path], msg)
			}
			assert.Equal(t, before, srv.get("/api/exams/e1").Header.Get("ETag"), "nothing written")
		})
	}
}

func TestReferencesAtSchemaSave(t *testing.T) {
	srv := linkServer(t)
	createDoc(t, srv, "exams", `{"id":"e1","title":"A","level":"pro"}`)
	tests := map[string]struct {
		schema, path string
		status       int
	}{
		"unknown collection":      {`{"type":"object","properties":{"a":{"type":"string","x-ref":"nowhere"}}}`, "/properties/a/x-ref", http.StatusUnprocessableEntity},
		"not a string":            {`{"type":"object","properties":{"a":{"type":"integer","x-ref":"levels"}}}`, "/properties/a/type", http.StatusUnprocessableEntity},
		"on the array, not items": {`{"type":"object","properties":{"a":{"type":"array","x-ref":"levels","items":{"type":"string"}}}}`, "/properties/a/x-ref", http.StatusUnprocessableEntity},
		"bad delete policy":       {`{"type":"object","properties":{"a":{"type":"string","x-ref":"levels","x-on-delete":"shrug"}}}`, "/properties/a/x-on-delete", http.StatusUnprocessableEntity},
		"below the top level":     {`{"type":"object","properties":{"o":{"type":"object","properties":{"a":{"type":"string","x-ref":"levels"}}}}}`, "/properties/o/properties/a/x-ref", http.StatusUnprocessableEntity},
		"on-delete without a ref": {`{"type":"object","properties":{"a":{"type":"string","x-on-delete":"cascade"}}}`, "/properties/a/x-on-delete", http.StatusUnprocessableEntity},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			p := assertProblem(t, srv.put("/api/_schemas/things", tt.schema), tt.status)
			assert.Contains(t, fieldErrors(t, p), tt.path, p)
		})
	}
	t.Run("a referred collection cannot be deleted", func(t *testing.T) {
		p := assertProblem(t, srv.delete("/api/_schemas/levels?force=true"), http.StatusConflict)
		assert.Equal(t, []any{"exams"}, p["referencedBy"])
	})
	t.Run("a new x-ref is checked against stored documents", func(t *testing.T) {
		createDoc(t, srv, "questions", `{"id":"q3","text":"see e9","about":"e9"}`)
		withRef := `{"type":"object","properties":{"text":{"type":"string"},"about":{"type":"string","x-ref":"exams"}}}`
		p := assertProblem(t, srv.put("/api/_schemas/questions", withRef), http.StatusConflict)
		assert.EqualValues(t, 1, p["invalidCount"])
		createDoc(t, srv, "exams", `{"id":"e9","title":"Nine"}`)
		resp := srv.put("/api/_schemas/questions", withRef)
		assert.Equal(t, http.StatusOK, resp.Code, resp)
	})
}
