package engine_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
	"github.com/credence/credence/store/bolt"
)

// examsSchema is the collection most tests use: required and optional
// fields, an x-unique and an x-index property, nested objects and arrays.
const examsSchema = `{
  "type": "object",
  "title": "Exam",
  "required": ["title"],
  "additionalProperties": false,
  "properties": {
    "title": {"type": "string", "minLength": 3},
    "code": {"type": "string", "x-unique": true},
    "level": {"type": "string", "enum": ["fundamentals", "professional", "master"], "x-index": true},
    "passingScore": {"type": "integer", "minimum": 0, "maximum": 100},
    "tags": {"type": "array", "items": {"type": "string"}},
    "settings": {
      "type": "object",
      "properties": {
        "shuffle": {"type": "boolean"},
        "timeLimitMinutes": {"type": "integer", "minimum": 1}
      }
    }
  }
}`

// testServer is the real router on a real service on a bbolt file.
type testServer struct {
	handler http.Handler
	svc     *documents.Service
	store   *bolt.Store
	path    string
	cfg     engine.Config
	clock   func() time.Time
}

// newServer starts Credence on a fresh bbolt file in a temporary folder.
func newServer(t testing.TB) *testServer {
	return newServerConfig(t, engine.Config{})
}

// newServerConfig is newServer with an engine configuration.
func newServerConfig(t testing.TB, cfg engine.Config) *testServer {
	t.Helper()
	return openServer(t, filepath.Join(t.TempDir(), "credence.db"), cfg, tickingClock())
}

// openServer opens the bbolt file at path and builds the service and the
// router on it. The store is closed when the test ends.
func openServer(t testing.TB, path string, cfg engine.Config, clock func() time.Time) *testServer {
	t.Helper()
	if cfg.AnonymousRole == "" {
		// Most tests are about documents, not keys: callers without a
		// key are admins here. The access tests set their own role.
		cfg.AnonymousRole = documents.RoleAdmin
	}
	st, err := bolt.Open(path, bolt.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	svc, err := documents.New(t.Context(), st, documents.Options{Now: clock})
	require.NoError(t, err)
	return &testServer{handler: engine.New(cfg, svc), svc: svc, store: st, path: path, cfg: cfg, clock: clock}
}

// reopen closes the store and opens the same file again, with a new
// service and a new router: what a restart does.
func (s *testServer) reopen(t testing.TB) *testServer {
	t.Helper()
	require.NoError(t, s.store.Close())
	return openServer(t, s.path, s.cfg, s.clock)
}

// tickingClock returns a clock that moves one millisecond each time it is
// read, so that every write has its own _updatedAt and generated ids sort
// by creation, however fast the test runs.
func tickingClock() func() time.Time {
	start := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	var ticks atomic.Int64
	return func() time.Time { return start.Add(time.Duration(ticks.Add(1)) * time.Millisecond) }
}

// response is an answer of the router.
type response struct {
	Code   int
	Header http.Header
	Body   []byte
}

// send sends a request to the router. headers are name, value pairs. A
// body is sent as application/json, or as application/merge-patch+json for
// PATCH, unless headers name another Content-Type.
func (s *testServer) send(method, path, body string, headers ...string) *response {
	if len(headers)%2 != 0 {
		panic("headers are name, value pairs")
	}
	var r *http.Request
	if body == "" {
		r = httptest.NewRequest(method, path, nil)
	} else {
		r = httptest.NewRequest(method, path, strings.NewReader(body))
		if method == http.MethodPatch {
			r.Header.Set("Content-Type", "application/merge-patch+json")
		} else {
			r.Header.Set("Content-Type", "application/json")
		}
	}
	for i := 0; i < len(headers); i += 2 {
		r.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	s.handler.ServeHTTP(rec, r)
	return &response{Code: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
}

func (s *testServer) get(path string, headers ...string) *response {
	return s.send(http.MethodGet, path, "", headers...)
}

func (s *testServer) post(path, body string, headers ...string) *response {
	return s.send(http.MethodPost, path, body, headers...)
}

func (s *testServer) put(path, body string, headers ...string) *response {
	return s.send(http.MethodPut, path, body, headers...)
}

func (s *testServer) patch(path, body string, headers ...string) *response {
	return s.send(http.MethodPatch, path, body, headers...)
}

func (s *testServer) delete(path string, headers ...string) *response {
	return s.send(http.MethodDelete, path, "", headers...)
}

// object decodes the body as a JSON object.
func (r *response) object(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(r.Body, &m), "body: %s", r.Body)
	return m
}

// page decodes a list answer: its items and its next cursor.
func (r *response) page(t testing.TB) ([]map[string]any, string) {
	t.Helper()
	var p struct {
		Items      []map[string]any `json:"items"`
		NextCursor string           `json:"nextCursor"`
	}
	require.NoError(t, json.Unmarshal(r.Body, &p), "body: %s", r.Body)
	return p.Items, p.NextCursor
}

func (r *response) String() string {
	return fmt.Sprintf("%d %s", r.Code, r.Body)
}

// createCollection defines collection name with schema.
func createCollection(t testing.TB, s *testServer, name, schema string) {
	t.Helper()
	resp := s.put("/api/_schemas/"+name, schema)
	require.Equal(t, http.StatusCreated, resp.Code, "define %s: %s", name, resp)
}

// createDoc creates a document in coll and returns it as stored.
func createDoc(t testing.TB, s *testServer, coll, body string) map[string]any {
	t.Helper()
	resp := s.post("/api/"+coll, body)
	require.Equal(t, http.StatusCreated, resp.Code, "create in %s: %s", coll, resp)
	return resp.object(t)
}

// createMany creates n documents in coll, body(i) being the i-th, from 16
// concurrent writers whose commits the store groups: seeding many
// documents one fsync at a time would be slow.
func createMany(t testing.TB, s *testServer, coll string, n int, body func(i int) string) {
	t.Helper()
	answers := make([]*response, n)
	var next atomic.Int64
	race(16, func(int) {
		for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
			answers[i] = s.post("/api/"+coll, body(i))
		}
	})
	for i, resp := range answers {
		require.Equal(t, http.StatusCreated, resp.Code, "create %d in %s: %s", i, coll, resp)
	}
}

// etagOf returns the current ETag of a document.
func etagOf(t testing.TB, s *testServer, path string) string {
	t.Helper()
	resp := s.get(path)
	require.Equal(t, http.StatusOK, resp.Code, "get %s: %s", path, resp)
	tag := resp.Header.Get("ETag")
	require.NotEmpty(t, tag)
	return tag
}

// listAll follows the cursors of a list from its first page to its last
// and returns every item. path may carry a query.
func listAll(t testing.TB, s *testServer, path string) []map[string]any {
	t.Helper()
	var all []map[string]any
	cursor := ""
	for {
		p := path
		if cursor != "" {
			p = withQuery(path, "cursor", cursor)
		}
		resp := s.get(p)
		require.Equal(t, http.StatusOK, resp.Code, "list %s: %s", p, resp)
		items, next := resp.page(t)
		all = append(all, items...)
		if next == "" {
			return all
		}
		cursor = next
	}
}

// withQuery adds name=value to the query of path.
func withQuery(path, name, value string) string {
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return path + sep + name + "=" + url.QueryEscape(value)
}

// idsOf returns the id of each document, in order.
func idsOf(docs []map[string]any) []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i], _ = d["id"].(string)
	}
	return out
}

// assertProblem checks that resp is an RFC 9457 problem with status, and
// returns it decoded.
func assertProblem(t testing.TB, resp *response, status int) map[string]any {
	t.Helper()
	if !assert.Equal(t, status, resp.Code, "answer: %s", resp) {
		return nil
	}
	return checkProblem(t, resp)
}

// checkProblem checks that resp is a well-formed problem document, whatever
// its status, and returns it decoded.
func checkProblem(t testing.TB, resp *response) map[string]any {
	t.Helper()
	assert.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"), "answer: %s", resp)
	var p map[string]any
	if !assert.NoError(t, json.Unmarshal(resp.Body, &p), "problem body: %s", resp.Body) {
		return nil
	}
	assert.IsType(t, "", p["type"], "type: %s", resp.Body)
	assert.NotEmpty(t, p["type"], "type: %s", resp.Body)
	assert.Equal(t, http.StatusText(resp.Code), p["title"], "title: %s", resp.Body)
	assert.EqualValues(t, resp.Code, p["status"], "status: %s", resp.Body)
	assert.IsType(t, "", p["detail"], "detail: %s", resp.Body)
	assert.NotEmpty(t, p["detail"], "detail: %s", resp.Body)
	return p
}

// fieldErrors returns the errors member of a problem as path -> message.
func fieldErrors(t testing.TB, problem map[string]any) map[string]string {
	t.Helper()
	list, _ := problem["errors"].([]any)
	out := make(map[string]string, len(list))
	for _, e := range list {
		fe, ok := e.(map[string]any)
		require.True(t, ok, "an error is an object: %v", e)
		path, _ := fe["path"].(string)
		msg, _ := fe["message"].(string)
		out[path] = msg
	}
	return out
}

// errorPaths returns the paths of the errors member of a problem, sorted.
func errorPaths(t testing.TB, problem map[string]any) []string {
	t.Helper()
	return slices.Sorted(maps.Keys(fieldErrors(t, problem)))
}

// mustJSON encodes v.
func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// content returns the author's fields of a document: all but id and the
// meta fields.
func content(doc map[string]any) map[string]any {
	out := make(map[string]any, len(doc))
	for k, v := range doc {
		if k != "id" && !strings.HasPrefix(k, "_") {
			out[k] = v
		}
	}
	return out
}

// contentJSON returns the author's fields of a document as JSON.
func contentJSON(t testing.TB, doc map[string]any) string {
	t.Helper()
	return mustJSON(t, content(doc))
}
