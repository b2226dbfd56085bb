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

func TestDeletePolicies(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "levels", linkLevels)
	createCollection(t, srv, "questions", linkQuestions)
	// exams: its level holds it back (restrict); its questions are
	// dropped from it when deleted (set-null); its prerequisite too.
	createCollection(t, srv, "exams", `{"type":"object","properties":{
		"title":{"type":"string"},
		"level":{"type":"string","x-ref":"levels"},
		"questions":{"type":"array","items":{"type":"string","x-ref":"questions","x-on-delete":"set-null"}},
		"prerequisite":{"type":"string","x-ref":"exams","x-on-delete":"set-null"},
		"self":{"type":"string","x-ref":"exams"}}}`)
	// attempts and their reviews go with their exam (cascade, two levels).
	createCollection(t, srv, "attempts", `{"type":"object","properties":{
		"exam":{"type":"string","x-ref":"exams","x-on-delete":"cascade"}}}`)
	createCollection(t, srv, "reviews", `{"type":"object","properties":{
		"attempt":{"type":"string","x-ref":"attempts","x-on-delete":"cascade"},
		"other":{"type":"string","x-ref":"reviews","x-on-delete":"cascade"}}}`)
	createDoc(t, srv, "levels", `{"id":"pro"}`)
	createDoc(t, srv, "questions", `{"id":"q1"}`)
	createDoc(t, srv, "questions", `{"id":"q2"}`)
	createDoc(t, srv, "exams", `{"id":"basics","title":"Basics"}`)
	createDoc(t, srv, "exams", `{"id":"e1","title":"A","level":"pro","questions":["q1","q2"],"prerequisite":"basics","self":"e1"}`)
	createDoc(t, srv, "attempts", `{"id":"a1","exam":"e1"}`)
	createDoc(t, srv, "attempts", `{"id":"a2","exam":"e1"}`)
	createDoc(t, srv, "reviews", `{"id":"r1","attempt":"a1"}`)
	createDoc(t, srv, "reviews", `{"id":"r2","attempt":"a2","other":"r1"}`)
	require.Equal(t, http.StatusOK, srv.patch("/api/reviews/r1", `{"other":"r2"}`).Code, "r1 and r2 refer to each other")

	t.Run("restrict", func(t *testing.T) {
		p := assertProblem(t, srv.delete("/api/levels/pro"), http.StatusConflict)
		assert.Equal(t, []any{map[string]any{"collection": "exams", "id": "e1", "field": "level"}}, p["referrers"])
		assert.Equal(t, http.StatusOK, srv.get("/api/levels/pro").Code)
	})
	t.Run("set-null in an array", func(t *testing.T) {
		require.Equal(t, http.StatusNoContent, srv.delete("/api/questions/q1").Code)
		e1 := srv.get("/api/exams/e1").object(t)
		assert.Equal(t, []any{"q2"}, e1["questions"])
		assert.EqualValues(t, 2, e1["_rev"], "a new revision")
	})
	t.Run("set-null of a single reference", func(t *testing.T) {
		require.Equal(t, http.StatusNoContent, srv.delete("/api/exams/basics").Code)
		assert.NotContains(t, srv.get("/api/exams/e1").object(t), "prerequisite")
	})
	t.Run("cascade through two collections, with a cycle and a self-reference", func(t *testing.T) {
		resp := srv.delete("/api/exams/e1")
		require.Equal(t, http.StatusNoContent, resp.Code, resp)
		for _, path := range []string{"/api/exams/e1", "/api/attempts/a1", "/api/attempts/a2", "/api/reviews/r1", "/api/reviews/r2"} {
			assert.Equal(t, http.StatusNotFound, srv.get(path).Code, path)
		}
		// The level is free now: its referrer is gone.
		assert.Equal(t, http.StatusNoContent, srv.delete("/api/levels/pro").Code)
	})
	t.Run("a refused delete changes nothing", func(t *testing.T) {
		createDoc(t, srv, "levels", `{"id":"master"}`)
		createDoc(t, srv, "exams", `{"id":"e2","level":"master"}`)
		createDoc(t, srv, "attempts", `{"id":"a3","exam":"e2"}`)
		createDoc(t, srv, "exams", `{"id":"e3","level":"master"}`)
		// Deleting the level is refused: exams refer to it. Deleting e2
		// cascades to its attempt; the level still holds.
		assertProblem(t, srv.delete("/api/levels/master"), http.StatusConflict)
		assert.Equal(t, http.StatusOK, srv.get("/api/attempts/a3").Code)
	})
}

func TestReferenceIndexFollowsSchemas(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "levels", linkLevels)
	createCollection(t, srv, "exams", `{"type":"object","properties":{"level":{"type":"string"}}}`)
	createDoc(t, srv, "levels", `{"id":"pro"}`)
	createDoc(t, srv, "exams", `{"id":"e1","level":"pro"}`)
	require.Equal(t, http.StatusNoContent, srv.delete("/api/levels/pro").Code, "no reference yet")

	createDoc(t, srv, "levels", `{"id":"pro"}`)
	resp := srv.put("/api/_schemas/exams", `{"type":"object","properties":{"level":{"type":"string","x-ref":"levels"}}}`)
	require.Equal(t, http.StatusOK, resp.Code, resp)
	assertProblem(t, srv.delete("/api/levels/pro"), http.StatusConflict)

	// The reference goes away with the x-ref, and with the referrer.
	resp = srv.put("/api/_schemas/exams", `{"type":"object","properties":{"level":{"type":"string"}}}`)
	require.Equal(t, http.StatusOK, resp.Code, resp)
	assert.Equal(t, http.StatusNoContent, srv.delete("/api/levels/pro").Code)
}

func TestReferrers(t *testing.T) {
	srv := linkServer(t)
	createDoc(t, srv, "exams", `{"id":"e1","level":"pro","questions":["q1"]}`)
	createDoc(t, srv, "exams", `{"id":"e2","level":"pro","questions":["q1","q2"]}`)
	createDoc(t, srv, "exams", `{"id":"e3","level":"pro"}`)

	first := srv.get("/api/levels/pro/referrers?limit=2").object(t)
	items, _ := first["items"].([]any)
	require.Len(t, items, 2)
	assert.Equal(t, map[string]any{"collection": "exams", "id": "e1", "path": "/level"}, items[0])
	cursor, _ := first["nextCursor"].(string)
	require.NotEmpty(t, cursor)
	rest := srv.get("/api/levels/pro/referrers?limit=2&cursor=" + cursor).object(t)
	assert.Equal(t, []any{map[string]any{"collection": "exams", "id": "e3", "path": "/level"}}, rest["items"])
	assert.NotContains(t, rest, "nextCursor")

	q1 := srv.get("/api/questions/q1/referrers").object(t)
	assert.Len(t, q1["items"], 2)
	assert.Equal(t, []any{map[string]any{"collection": "exams", "id": "e2", "path": "/questions"}},
		srv.get("/api/questions/q2/referrers").object(t)["items"])
	assertProblem(t, srv.get("/api/levels/nope/referrers"), http.StatusNotFound)
	assertProblem(t, srv.get("/api/levels/pro/referrers?cursor=!!!"), http.StatusBadRequest)
}
