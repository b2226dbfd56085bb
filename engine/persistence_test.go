package engine_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReopen(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "questions", questionsSchema)
	createCollection(t, srv, "quizzes", quizzesSchema)
	createCollection(t, srv, "exams", examsSchema)
	first := createDoc(t, srv, "exams", `{"title":"Automation 101","code":"A-101","level":"master"}`)
	id := first["id"].(string)
	require.Equal(t, http.StatusOK, srv.patch("/api/exams/"+id, `{"passingScore":70}`).Code)
	createDoc(t, srv, "exams", `{"id":"gone","title":"Deleted","code":"GONE"}`)
	require.Equal(t, http.StatusNoContent, srv.delete("/api/exams/gone").Code)
	createDoc(t, srv, "quizzes", `{"id":"q1","questions":[{"text":"Q1","points":2}]}`)
	before := srv.get("/api/exams/" + id)
	schemas := srv.get("/api/_schemas").Body

	srv = srv.reopen(t)

	t.Run("collections", func(t *testing.T) {
		assert.JSONEq(t, string(schemas), string(srv.get("/api/_schemas").Body))
		assertProblem(t, srv.post("/api/exams", `{"title":"ab"}`), http.StatusUnprocessableEntity)
	})

	t.Run("documents", func(t *testing.T) {
		resp := srv.get("/api/exams/" + id)
		require.Equal(t, http.StatusOK, resp.Code, resp)
		assert.Equal(t, before.Header.Get("ETag"), resp.Header.Get("ETag"))
		assert.Equal(t, string(before.Body), string(resp.Body))
		assertProblem(t, srv.get("/api/exams/gone"), http.StatusNotFound)
	})

	t.Run("revisions", func(t *testing.T) {
		items, _ := srv.get("/api/exams/" + id + "/revisions").page(t)
		require.Len(t, items, 2)
		assert.EqualValues(t, 2, items[0]["_rev"])
		assert.Equal(t, http.StatusOK, srv.get("/api/exams/"+id+"/revisions/1").Code)

		doc := srv.put("/api/exams/"+id, `{"title":"Automation 102","code":"A-101"}`, "If-Match", before.Header.Get("ETag")).object(t)
		assert.EqualValues(t, 3, doc["_rev"], "the history goes on")
		assert.Equal(t, first["_createdAt"], doc["_createdAt"])
	})

	t.Run("unique index", func(t *testing.T) {
		p := assertProblem(t, srv.post("/api/exams", `{"title":"Copy","code":"A-101"}`), http.StatusConflict)
		assert.Equal(t, []string{"/code"}, errorPaths(t, p))
		createDoc(t, srv, "exams", `{"title":"Reused","code":"GONE"}`)
	})

	t.Run("generated ids keep sorting after the old ones", func(t *testing.T) {
		doc := createDoc(t, srv, "exams", `{"title":"After the restart"}`)
		assert.Greater(t, doc["id"], id)
	})

	t.Run("references between collections", func(t *testing.T) {
		createDoc(t, srv, "quizzes", `{"questions":[{"text":"Q2","points":1}]}`)
		assertProblem(t, srv.post("/api/quizzes", `{"questions":[{"text":"Q3","points":0}]}`), http.StatusUnprocessableEntity)
		assertProblem(t, srv.delete("/api/_schemas/questions"), http.StatusConflict)
	})

	// Schema changes made after a restart persist too.
	require.Equal(t, http.StatusNoContent, srv.delete("/api/_schemas/quizzes?force=true").Code)
	srv = srv.reopen(t)
	assertProblem(t, srv.get("/api/quizzes"), http.StatusNotFound)
	assertProblem(t, srv.get("/api/quizzes/q1"), http.StatusNotFound)
	assert.Equal(t, http.StatusOK, srv.get("/api/exams/"+id).Code)
	createCollection(t, srv, "quizzes", quizzesSchema)
	items, _ := srv.get("/api/quizzes").page(t)
	assert.Empty(t, items, "a forced delete took the documents with it")
}
