package engine_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loadSpec fetches a spec from the router and validates it with kin-openapi.
func loadSpec(t *testing.T, srv *testServer, path string) *openapi3.T {
	t.Helper()
	resp := srv.get(path)
	require.Equal(t, http.StatusOK, resp.Code, resp)
	doc, err := openapi3.NewLoader().LoadFromData(resp.Body)
	require.NoError(t, err)
	require.NoError(t, doc.Validate(t.Context()), "%s", path)
	return doc
}

func TestOpenAPIRoutes(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "exams", examsSchema)
	createDoc(t, srv, "exams", `{"title":"Automation 101","code":"A101","level":"master"}`)

	for path, version := range map[string]string{
		"/openapi.json":             "3.1.0",
		"/openapi.yaml":             "3.1.0",
		"/openapi.json?version=3.0": "3.0.3",
		"/openapi.yaml?version=3.0": "3.0.3",
	} {
		t.Run(path, func(t *testing.T) {
			doc := loadSpec(t, srv, path)
			assert.Equal(t, version, doc.OpenAPI)
			require.NotNil(t, doc.Paths.Find("/api/exams/{id}"))
			assert.Equal(t, "getExam", doc.Paths.Find("/api/exams/{id}").Get.OperationID)
		})
	}
	assert.Equal(t, "application/yaml", srv.get("/openapi.yaml").Header.Get("Content-Type"))
	assertProblem(t, srv.get("/openapi.json?version=2.0"), http.StatusBadRequest)

	// The spec follows a schema change at once.
	assert.Nil(t, loadSpec(t, srv, "/openapi.json").Paths.Find("/api/badges"))
	createCollection(t, srv, "badges", `{"type":"object","properties":{"tier":{"type":"string"}}}`)
	assert.NotNil(t, loadSpec(t, srv, "/openapi.json").Paths.Find("/api/badges"))
	assert.NotNil(t, loadSpec(t, srv, "/openapi.json?version=3.0").Paths.Find("/api/badges"))
}

// TestOpenAPIUnderSchemaWrites reads the spec while schemas change: every
// answer is a whole, valid document.
func TestOpenAPIUnderSchemaWrites(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "exams", examsSchema)
	whileDefining(t, srv, 10, func() { loadSpec(t, srv, "/openapi.json") })
	doc := loadSpec(t, srv, "/openapi.json")
	for i := range 10 {
		assert.NotNil(t, doc.Paths.Find(fmt.Sprintf("/api/c%d", i)))
	}
}

// whileDefining defines the collections c0..c{n-1} in the background and
// calls read until they are all defined, at least n times.
func whileDefining(t *testing.T, srv *testServer, n int, read func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range n {
			createCollection(t, srv, fmt.Sprintf("c%d", i), `{"type":"object","properties":{"n":{"type":"integer"}}}`)
		}
	}()
	for i := 0; ; i++ {
		select {
		case <-done:
			if i >= n {
				return
			}
		default:
		}
		read()
	}
}
