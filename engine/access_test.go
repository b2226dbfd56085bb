package engine_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
	"github.com/credence/credence/store"
)

// The certification program of the access tests: questions carry their
// answer key (correct, and options[].correct through $defs) as x-private
// fields; attempts belong to the learner who made them.
const (
	accessQuestions = `{
  "type": "object",
  "required": ["text"],
  "x-access": {"read": "auth.role != \"public\""},
  "properties": {
    "text": {"type": "string"},
    "correct": {"type": "string", "x-private": true},
    "options": {"type": "array", "items": {"$ref": "#/$defs/option"}}
  },
  "$defs": {
    "option": {
      "type": "object",
      "properties": {
        "label": {"type": "string"},
        "correct": {"type": "boolean", "x-private": true}
      }
    }
  }
}`
	accessExams = `{
  "type": "object",
  "required": ["title"],
  "x-access": {"read": "auth.role != \"public\""},
  "properties": {
    "title": {"type": "string"},
    "questions": {"type": "array", "items": {"type": "string", "x-ref": "questions"}}
  }
}`
	accessAttempts = `{
  "type": "object",
  "required": ["exam"],
  "x-access": {
    "read": "auth.role in [\"admin\", \"editor\"] || doc.learner == auth.subject",
    "list": "auth.role in [\"admin\", \"editor\"] || doc.learner == auth.subject",
    "create": "auth.role == \"learner\"",
    "update": "auth.role == \"learner\" && doc.learner == auth.subject"
  },
  "properties": {
    "exam": {"type": "string", "x-ref": "exams"},
    "learner": {"type": "string", "x-default": "auth.subject", "x-index": true},
    "questions": {"type": "array", "items": {"type": "string", "x-ref": "questions"}},
    "answers": {"type": "array", "items": {"type": "string"}},
    "reviewerNote": {"type": "string", "x-private": true}
  },
  "x-rules": [
    {"when": "auth.role != \"learner\" || doc.learner == auth.subject", "message": "a learner writes only their own attempts"}
  ]
}`
	// accessDirectory is open to everyone, anonymous callers included.
	accessDirectory = `{
  "type": "object",
  "x-access": {"list": "true", "read": "true"},
  "properties": {"name": {"type": "string"}}
}`
	// accessNotes has no x-access: editors and admins only.
	accessNotes = `{"type": "object", "properties": {"text": {"type": "string"}}}`
)

// keyCaller sends requests to a test server with one API key (none for an
// anonymous keyCaller).
type keyCaller struct {
	srv *testServer
	hdr []string
}

func (c keyCaller) with(headers []string) []string {
	return append(append([]string(nil), c.hdr...), headers...)
}

func (c keyCaller) get(path string, headers ...string) *response {
	return c.srv.send(http.MethodGet, path, "", c.with(headers)...)
}

func (c keyCaller) post(path, body string, headers ...string) *response {
	return c.srv.send(http.MethodPost, path, body, c.with(headers)...)
}

func (c keyCaller) put(path, body string, headers ...string) *response {
	return c.srv.send(http.MethodPut, path, body, c.with(headers)...)
}

func (c keyCaller) patch(path, body string, headers ...string) *response {
	return c.srv.send(http.MethodPatch, path, body, c.with(headers)...)
}

func (c keyCaller) delete(path string, headers ...string) *response {
	return c.srv.send(http.MethodDelete, path, "", c.with(headers)...)
}

// keyHeader is the Authorization header of a key.
func keyHeader(secret string) []string {
	return []string{"Authorization", "Bearer " + secret}
}

// newAccessKey defines a key in the store and returns its id and secret.
func newAccessKey(t testing.TB, srv *testServer, spec documents.KeySpec) (id, secret string) {
	t.Helper()
	secret, doc, err := srv.svc.PutKey(t.Context(), spec)
	require.NoError(t, err)
	return doc.ID, secret
}

// withKey returns a keyCaller with a new key of role, acting for subject.
func withKey(t testing.TB, srv *testServer, role, subject string) (keyCaller, string) {
	t.Helper()
	id, secret := newAccessKey(t, srv, documents.KeySpec{Role: role, Subject: subject})
	return keyCaller{srv: srv, hdr: keyHeader(secret)}, id
}

// accessProgram is a server whose anonymous callers are public, with the
// program above, two questions, an exam, and attempts: a1 by learner l1,
// a2 and a3 by learner l2.
type accessProgram struct {
	srv               *testServer
	admin, editor     keyCaller
	l1, l2, anonymous keyCaller
	adminID, editorID string
	l1ID, l2ID        string
}

func newAccessProgram(t *testing.T, cfg engine.Config) *accessProgram {
	t.Helper()
	cfg.AnonymousRole = documents.RolePublic
	// The program is set up without limits; the configuration applies to
	// the router the test then gets, on the same service.
	srv := newServerConfig(t, engine.Config{AnonymousRole: documents.RolePublic})
	p := &accessProgram{srv: srv, anonymous: keyCaller{srv: srv}}
	p.admin, p.adminID = withKey(t, srv, documents.RoleAdmin, "")
	p.editor, p.editorID = withKey(t, srv, documents.RoleEditor, "")
	p.l1, p.l1ID = withKey(t, srv, "learner", "l1")
	p.l2, p.l2ID = withKey(t, srv, "learner", "l2")

	for _, c := range [][2]string{{"questions", accessQuestions}, {"exams", accessExams},
		{"attempts", accessAttempts}, {"directory", accessDirectory}, {"notes", accessNotes}} {
		resp := p.admin.put("/api/_schemas/"+c[0], c[1])
		require.Equal(t, http.StatusCreated, resp.Code, "define %s: %s", c[0], resp)
	}
	for _, body := range []string{
		`{"id":"q1","text":"Which trigger starts a journey?","correct":"b",
		  "options":[{"label":"a cron job","correct":false},{"label":"an event","correct":true}]}`,
		`{"id":"q2","text":"What does a segment hold?","correct":"a",
		  "options":[{"label":"profiles","correct":true},{"label":"events","correct":false}]}`,
	} {
		resp := p.editor.post("/api/questions", body)
		require.Equal(t, http.StatusCreated, resp.Code, "create question: %s", resp)
	}
	// A second revision, so that the history holds the answer key twice.
	resp := p.editor.patch("/api/questions/q1", `{"text":"Which trigger starts a journey in Synerise?"}`)
	require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
	resp = p.editor.post("/api/exams", `{"id":"e1","title":"Automation 101","questions":["q1","q2"]}`)
	require.Equal(t, http.StatusCreated, resp.Code, "create exam: %s", resp)
	resp = p.admin.post("/api/directory", `{"id":"d1","name":"Ada"}`)
	require.Equal(t, http.StatusCreated, resp.Code, "%s", resp)
	resp = p.admin.post("/api/notes", `{"id":"n1","text":"internal"}`)
	require.Equal(t, http.StatusCreated, resp.Code, "%s", resp)

	for _, a := range []struct {
		who keyCaller
		id  string
	}{{p.l1, "a1"}, {p.l2, "a2"}, {p.l2, "a3"}} {
		resp := a.who.post("/api/attempts", `{"id":"`+a.id+`","exam":"e1","questions":["q1","q2"],"answers":["b","a"]}`)
		require.Equal(t, http.StatusCreated, resp.Code, "create attempt %s: %s", a.id, resp)
	}
	resp = p.editor.patch("/api/attempts/a1", `{"reviewerNote":"looked over the shoulder of l2"}`)
	require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
	srv.cfg = cfg
	srv.handler = engine.New(cfg, srv.svc)
	return p
}

// assertNoAnswerKey fails when an answer shows any part of the answer key
// (or the reviewers' notes).
func assertNoAnswerKey(t *testing.T, resp *response, what string) {
	t.Helper()
	assert.NotContains(t, string(resp.Body), `"correct"`, "%s shows the answer key: %s", what, resp)
	assert.NotContains(t, string(resp.Body), `reviewerNote`, "%s shows a private note: %s", what, resp)
}

func TestAccessAnswerKeyHiddenFromLearners(t *testing.T) {
	p := newAccessProgram(t, engine.Config{})

	// The editor sees the answer key: it is there to be hidden.
	resp := p.editor.get("/api/questions/q1")
	require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
	assert.Equal(t, "b", resp.object(t)["correct"])
	assert.Contains(t, string(resp.Body), `"correct":true`)

	reads := []struct {
		name string
		path string
	}{
		{"get", "/api/questions/q1"},
		{"get with fields", "/api/questions/q1?fields=text,correct,options"},
		{"list", "/api/questions"},
		{"list with fields", "/api/questions?fields=correct,options"},
		{"list sorted by text", "/api/questions?sort=-text"},
		{"expand an attempt's questions", "/api/attempts/a1?expand=questions"},
		{"expand two levels", "/api/attempts/a1?expand=exam.questions,questions"},
		{"expand every reference", "/api/attempts/a1?expand=*"},
		{"list attempts with expand", "/api/attempts?expand=questions,exam.questions"},
		{"expand an exam", "/api/exams/e1?expand=questions"},
		{"revisions", "/api/questions/q1/revisions"},
		{"revision 1", "/api/questions/q1/revisions/1"},
		{"revision 2", "/api/questions/q1/revisions/2"},
		{"own attempt", "/api/attempts/a1"},
		{"own attempt's revisions", "/api/attempts/a1/revisions"},
		{"own attempt's revision 2", "/api/attempts/a1/revisions/2"},
	}
	for _, tc := range reads {
		t.Run(tc.name, func(t *testing.T) {
			resp := p.l1.get(tc.path)
			require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
			assertNoAnswerKey(t, resp, tc.name)
			// The questions themselves come through, without their keys.
			if strings.Contains(tc.path, "questions") {
				assert.Contains(t, string(resp.Body), `"label":"an event"`, "%s", resp)
			}
		})
	}

	t.Run("an expanded attempt resolves the questions", func(t *testing.T) {
		doc := p.l1.get("/api/attempts/a1?expand=questions").object(t)
		qs, ok := doc["questions"].([]any)
		require.True(t, ok, "%v", doc)
		require.Len(t, qs, 2)
		q1, ok := qs[0].(map[string]any)
		require.True(t, ok, "q1 is expanded: %v", qs[0])
		assert.Equal(t, "q1", q1["id"])
		assert.NotContains(t, q1, "correct")
	})

	filters := []string{
		`correct == "b"`,
		`correct != nil`,
		`any(options, .correct == true)`,
		`len(filter(options, .correct == true)) > 0`,
		`string(options) contains "true"`,
	}
	for _, f := range filters {
		t.Run("filter "+f, func(t *testing.T) {
			resp := p.l1.get(withQuery("/api/questions", "filter", f))
			if resp.Code == http.StatusBadRequest {
				checkProblem(t, resp)
				assertNoAnswerKey(t, resp, "the filter's problem")
				return
			}
			require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
			items, next := resp.page(t)
			assert.Empty(t, items, "a filter on the answer key matches rows")
			assert.Empty(t, next)
		})
	}

	for _, sort := range []string{"correct", "-correct", "text,correct", "options"} {
		t.Run("sort "+sort, func(t *testing.T) {
			p := assertProblem(t, p.l1.get(withQuery("/api/questions", "sort", sort)), http.StatusBadRequest)
			assert.Contains(t, p["detail"], "private")
		})
	}

	t.Run("the playground", func(t *testing.T) {
		for _, body := range []string{
			`{"expr":"get(\"questions\", \"q1\").correct"}`,
			`{"expr":"doc.correct","collection":"questions","id":"q1"}`,
			`{"expr":"1 + 1"}`,
		} {
			assertProblem(t, p.l1.post("/api/_eval", body), http.StatusForbidden)
			assertProblem(t, p.anonymous.post("/api/_eval", body), http.StatusForbidden)
		}
		resp := p.editor.post("/api/_eval", `{"expr":"doc.correct","collection":"questions","id":"q1"}`)
		require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
		assert.Equal(t, "b", resp.object(t)["value"])
	})
}

// TestAccessFilterFunctionsCannotReadHiddenData: a list filter is a formula
// the keyCaller writes; get, find and count inside it must not read what the
// keyCaller may not see (the answer key, other learners' attempts).
func TestAccessFilterFunctionsCannotReadHiddenData(t *testing.T) {
	p := newAccessProgram(t, engine.Config{})
	for _, tc := range []struct{ name, yes, no string }{
		{"get reads the answer key", `get("questions", "q1").correct == "b"`, `get("questions", "q1").correct == "a"`},
		{"get reads another learner's attempt", `get("attempts", "a2") != nil`, `get("attempts", "a9") != nil`},
		{"count counts another learner's attempts", `count("attempts", {"learner": "l2"}) == 2`, `count("attempts", {"learner": "l2"}) == 3`},
		{"find finds another learner's attempts", `len(find("attempts", {"learner": "l2"})) == 2`, `len(find("attempts", {"learner": "l2"})) == 3`},
		{"get reads a key", `get("_keys", "` + p.adminID + `").role == "admin"`, `get("_keys", "` + p.adminID + `").role == "editor"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Whether a true and a false guess about hidden data list the
			// same rows: if not, the filter is an oracle.
			yes := p.l1.get(withQuery("/api/directory", "filter", tc.yes))
			no := p.l1.get(withQuery("/api/directory", "filter", tc.no))
			assert.Equal(t, no.Code, yes.Code, "a filter tells a true guess about hidden data from a false one: %s / %s", yes, no)
			// The problem of a refused filter quotes the filter: compare
			// what the answers say about the data.
			y, n := yes.object(t), no.object(t)
			assert.Equal(t, n["items"], y["items"], "a filter tells a true guess about hidden data from a false one")
			assert.Equal(t, n["detail"], y["detail"], "a filter tells a true guess about hidden data from a false one")
		})
	}
}

// TestAccessIdempotencyKeyReplaysOnlyOwnWrites: an Idempotency-Key replays
// the write its keyCaller made, not someone else's document.
func TestAccessIdempotencyKeyReplaysOnlyOwnWrites(t *testing.T) {
	p := newAccessProgram(t, engine.Config{})
	resp := p.editor.post("/api/questions", `{"id":"q9","text":"Hidden","correct":"c"}`, "Idempotency-Key", "create-q9")
	require.Equal(t, http.StatusCreated, resp.Code, "%s", resp)
	resp = p.l2.post("/api/attempts", `{"id":"a9","exam":"e1"}`, "Idempotency-Key", "l2-attempt")
	require.Equal(t, http.StatusCreated, resp.Code, "%s", resp)

	for _, key := range []string{"create-q9", "l2-attempt"} {
		t.Run(key, func(t *testing.T) {
			resp := p.l1.post("/api/attempts", `{"exam":"e1"}`, "Idempotency-Key", key)
			assertNoAnswerKey(t, resp, "a replay")
			assert.NotContains(t, string(resp.Body), `"l2"`, "a replay shows l2's attempt: %s", resp)
			assert.NotContains(t, string(resp.Body), `"Hidden"`, "a replay shows the editor's question: %s", resp)
		})
	}
}

// TestAccessWriteAnswersHidePrivateFields: what a learner writes comes back
// as the learner may read it.
func TestAccessWriteAnswersHidePrivateFields(t *testing.T) {
	p := newAccessProgram(t, engine.Config{})
	resp := p.l1.patch("/api/attempts/a1", `{"answers":["b","b"]}`)
	require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
	assertNoAnswerKey(t, resp, "the answer to a PATCH")

	resp = p.l1.put("/api/attempts/a1", `{"exam":"e1","learner":"l1","answers":["a"]}`)
	require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
	// PUT replaces: the note is gone from the new revision, but it was in
	// the old one, which the learner must not get back either.
	assertNoAnswerKey(t, resp, "the answer to a PUT")
	assertNoAnswerKey(t, p.l1.get("/api/attempts/a1/revisions"), "the revisions")
}

func TestAccessAttemptsAreOwnerScoped(t *testing.T) {
	p := newAccessProgram(t, engine.Config{})
	// More of l2's attempts, so that a page and its cursor could tell.
	for i := range 5 {
		resp := p.l2.post("/api/attempts", fmt.Sprintf(`{"id":"b%d","exam":"e1"}`, i))
		require.Equal(t, http.StatusCreated, resp.Code, "%s", resp)
	}

	t.Run("x-default stamps the owner", func(t *testing.T) {
		assert.Equal(t, "l1", p.editor.get("/api/attempts/a1").object(t)["learner"])
		assert.Equal(t, "l2", p.editor.get("/api/attempts/a2").object(t)["learner"])
	})

	t.Run("another learner's attempt does not exist", func(t *testing.T) {
		for _, path := range []string{"/api/attempts/a2", "/api/attempts/a2/revisions", "/api/attempts/a2/revisions/1",
			"/api/attempts/a2?expand=questions", "/api/attempts/a2?fields=learner"} {
			hidden := assertProblem(t, p.l1.get(path), http.StatusNotFound)
			missing := assertProblem(t, p.l1.get(strings.Replace(path, "a2", "zz", 1)), http.StatusNotFound)
			if hidden != nil && missing != nil {
				assert.Equal(t, strings.ReplaceAll(missing["detail"].(string), "zz", "a2"), hidden["detail"], "%s", path)
			}
		}
		// The owner reads it.
		assert.Equal(t, http.StatusOK, p.l2.get("/api/attempts/a2").Code)
	})

	lists := []struct {
		name, query string
	}{
		{"plain", ""},
		{"limit 1", "?limit=1"},
		{"sorted", "?sort=-exam&limit=1"},
		{"sorted by learner", "?sort=learner&limit=1"},
		{"descending id", "?sort=-id&limit=1"},
		{"filter on the index", "?limit=1&filter=" + url.QueryEscape(`learner == "l2"`)},
		{"filter on exam", "?limit=1&filter=" + url.QueryEscape(`exam == "e1"`)},
		{"explain", "?explain=true"},
		{"expand", "?expand=questions&limit=1"},
	}
	for _, tc := range lists {
		t.Run("l1 lists "+tc.name, func(t *testing.T) {
			resp := p.l1.get("/api/attempts" + tc.query)
			require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
			items, next := resp.page(t)
			if strings.Contains(tc.query, "l2") {
				assert.Empty(t, items)
			} else {
				assert.Equal(t, []string{"a1"}, idsOf(items))
			}
			assert.Empty(t, next, "a cursor says there is more to see")
			assert.NotContains(t, resp.object(t), "explain", "explain counts hidden documents")
		})
	}

	t.Run("l2 pages through its own", func(t *testing.T) {
		var all []string
		cursor := ""
		for {
			path := "/api/attempts?limit=2"
			if cursor != "" {
				path = withQuery(path, "cursor", cursor)
			}
			resp := p.l2.get(path)
			require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
			items, next := resp.page(t)
			all = append(all, idsOf(items)...)
			if next == "" {
				break
			}
			cursor = next
		}
		assert.Equal(t, []string{"a2", "a3", "b0", "b1", "b2", "b3", "b4"}, all)
	})

	t.Run("editors see every attempt and the explain", func(t *testing.T) {
		resp := p.editor.get("/api/attempts?explain=true")
		require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
		items, _ := resp.page(t)
		assert.Len(t, items, 8)
		assert.Contains(t, resp.object(t), "explain")
	})

	t.Run("a learner cannot write for someone else", func(t *testing.T) {
		p := assertProblem(t, p.l1.post("/api/attempts", `{"exam":"e1","learner":"l2"}`), http.StatusUnprocessableEntity)
		assert.Contains(t, fmt.Sprint(p), "a learner writes only their own attempts")
	})

	t.Run("a learner cannot take over another's attempt", func(t *testing.T) {
		assertProblem(t, p.l1.patch("/api/attempts/a1", `{"learner":"l2"}`), http.StatusUnprocessableEntity)
		for _, w := range []struct{ method, body string }{
			{http.MethodPatch, `{"answers":["x"]}`},
			{http.MethodPatch, `{"learner":"l1","answers":["x"]}`},
			{http.MethodPut, `{"exam":"e1","learner":"l1","answers":["x"]}`},
			{http.MethodDelete, ""},
		} {
			resp := p.srv.send(w.method, "/api/attempts/a2", w.body, p.l1.hdr...)
			assert.Contains(t, []int{http.StatusForbidden, http.StatusNotFound}, resp.Code, "%s %s: %s", w.method, w.body, resp)
		}
		a2 := p.editor.get("/api/attempts/a2").object(t)
		assert.Equal(t, "l2", a2["learner"], "a2 is still l2's: %v", a2)
		assert.EqualValues(t, 1, a2["_rev"], "a2 is unchanged: %v", a2)
	})

	t.Run("referrers do not list hidden attempts", func(t *testing.T) {
		for _, c := range []struct {
			name string
			who  keyCaller
		}{{"learner", p.l1}, {"anonymous", p.anonymous}} {
			resp := c.who.get("/api/exams/e1/referrers")
			assert.NotContains(t, string(resp.Body), `"a2"`, "%s sees l2's attempt among the referrers: %s", c.name, resp)
			assert.NotContains(t, string(resp.Body), `"b0"`, "%s sees l2's attempt among the referrers: %s", c.name, resp)
		}
	})
}

func TestAccessSystemCollectionsAndRoles(t *testing.T) {
	p := newAccessProgram(t, engine.Config{})
	newSchema := `{"type":"object","properties":{"x":{"type":"string"}}}`

	denied := []struct {
		name   string
		who    keyCaller
		method string
		path   string
		body   string
	}{
		{"learner defines a collection", p.l1, http.MethodPut, "/api/_schemas/hacks", newSchema},
		{"learner posts a collection", p.l1, http.MethodPost, "/api/_schemas", `{"id":"hacks","type":"object"}`},
		{"learner changes a schema", p.l1, http.MethodPatch, "/api/_schemas/questions", `{"x-access":{"read":"true"}}`},
		{"learner deletes a schema", p.l1, http.MethodDelete, "/api/_schemas/questions", ""},
		{"learner reads the schemas", p.l1, http.MethodGet, "/api/_schemas", ""},
		{"learner creates a key", p.l1, http.MethodPost, "/api/_keys", `{"role":"admin"}`},
		{"learner puts a key", p.l1, http.MethodPut, "/api/_keys/mine", `{"role":"admin"}`},
		{"learner promotes itself", p.l1, http.MethodPatch, "/api/_keys/" + p.l1ID, `{"role":"admin"}`},
		{"learner lists keys", p.l1, http.MethodGet, "/api/_keys", ""},
		{"learner reads its key", p.l1, http.MethodGet, "/api/_keys/" + p.l1ID, ""},
		{"learner reads the audit", p.l1, http.MethodGet, "/api/_audit", ""},
		{"learner writes a question", p.l1, http.MethodPost, "/api/questions", `{"text":"mine"}`},
		{"learner changes a question", p.l1, http.MethodPatch, "/api/questions/q1", `{"text":"mine"}`},
		{"learner deletes an exam", p.l1, http.MethodDelete, "/api/exams/e1", ""},
		{"learner lists notes", p.l1, http.MethodGet, "/api/notes", ""},
		{"learner reads a note", p.l1, http.MethodGet, "/api/notes/n1", ""},
		{"editor defines a collection", p.editor, http.MethodPut, "/api/_schemas/hacks", newSchema},
		{"editor changes a schema", p.editor, http.MethodPatch, "/api/_schemas/questions", `{"title":"Q"}`},
		{"editor deletes a schema", p.editor, http.MethodDelete, "/api/_schemas/notes?force=true", ""},
		{"editor creates a key", p.editor, http.MethodPost, "/api/_keys", `{"role":"admin"}`},
		{"editor puts a key", p.editor, http.MethodPut, "/api/_keys/mine", `{"role":"admin"}`},
		{"editor promotes itself", p.editor, http.MethodPatch, "/api/_keys/" + p.editorID, `{"role":"admin"}`},
		{"editor revokes the admin", p.editor, http.MethodPatch, "/api/_keys/" + p.adminID, `{"revoked":true}`},
		{"editor deletes a key", p.editor, http.MethodDelete, "/api/_keys/" + p.adminID, ""},
		{"editor lists keys", p.editor, http.MethodGet, "/api/_keys", ""},
		{"editor reads a key", p.editor, http.MethodGet, "/api/_keys/" + p.editorID, ""},
		{"editor reads the audit", p.editor, http.MethodGet, "/api/_audit", ""},
		{"admin writes the audit", p.admin, http.MethodPost, "/api/_audit", `{"op":"created"}`},
		{"admin deletes an audit entry", p.admin, http.MethodDelete, "/api/_audit/0000000000000001", ""},
		{"anonymous creates a key", p.anonymous, http.MethodPost, "/api/_keys", `{"role":"admin"}`},
		{"anonymous defines a collection", p.anonymous, http.MethodPut, "/api/_schemas/hacks", newSchema},
		{"anonymous writes the directory", p.anonymous, http.MethodPost, "/api/directory", `{"name":"Eve"}`},
		{"anonymous lists notes", p.anonymous, http.MethodGet, "/api/notes", ""},
		{"anonymous reads a note", p.anonymous, http.MethodGet, "/api/notes/n1", ""},
		{"anonymous lists keys", p.anonymous, http.MethodGet, "/api/_keys", ""},
		{"anonymous reads the schemas", p.anonymous, http.MethodGet, "/api/_schemas", ""},
		{"anonymous creates an attempt", p.anonymous, http.MethodPost, "/api/attempts", `{"exam":"e1"}`},
	}
	for _, tc := range denied {
		t.Run(tc.name, func(t *testing.T) {
			resp := tc.who.srv.send(tc.method, tc.path, tc.body, tc.who.hdr...)
			assertProblem(t, resp, http.StatusForbidden)
		})
	}

	// Nothing above changed anything.
	assert.Equal(t, http.StatusNotFound, p.admin.get("/api/_schemas/hacks").Code)
	assert.Equal(t, http.StatusOK, p.admin.get("/api/notes/n1").Code)
	assert.Equal(t, "learner", p.admin.get("/api/_keys/" + p.l1ID).object(t)["role"])
	assert.Equal(t, "editor", p.admin.get("/api/_keys/" + p.editorID).object(t)["role"])
	assert.Equal(t, http.StatusOK, p.admin.get("/api/exams/e1").Code)
	assert.Equal(t, http.StatusOK, p.admin.get("/api/_audit/0000000000000001").Code)

	t.Run("editors read the schemas and CRUD the program", func(t *testing.T) {
		resp := p.editor.get("/api/_schemas")
		require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
		assert.Contains(t, idsOf(pageItems(resp.page(t))), "questions")
		assert.Equal(t, http.StatusOK, p.editor.get("/api/_schemas/questions").Code)

		resp = p.editor.post("/api/exams", `{"id":"e2","title":"Segments 201"}`)
		require.Equal(t, http.StatusCreated, resp.Code, "%s", resp)
		assert.Equal(t, http.StatusOK, p.editor.get("/api/exams/e2").Code)
		assert.Equal(t, http.StatusOK, p.editor.patch("/api/exams/e2", `{"title":"Segments 202"}`).Code)
		assert.Equal(t, http.StatusOK, p.editor.put("/api/exams/e2", `{"title":"Segments 203"}`).Code)
		assert.Equal(t, http.StatusNoContent, p.editor.delete("/api/exams/e2").Code)
		assert.Equal(t, http.StatusOK, p.editor.get("/api/notes/n1").Code)
	})

	t.Run("anonymous callers get what x-access grants", func(t *testing.T) {
		resp := p.anonymous.get("/api/directory")
		require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
		assert.Equal(t, []string{"d1"}, idsOf(pageItems(resp.page(t))))
		assert.Equal(t, http.StatusOK, p.anonymous.get("/api/directory/d1").Code)
		// Questions and exams are for signed-in callers: hidden, not refused.
		for _, path := range []string{"/api/questions", "/api/exams", "/api/attempts"} {
			resp := p.anonymous.get(path)
			require.Equal(t, http.StatusOK, resp.Code, "%s: %s", path, resp)
			items, next := resp.page(t)
			assert.Empty(t, items, path)
			assert.Empty(t, next, path)
		}
		assertProblem(t, p.anonymous.get("/api/questions/q1"), http.StatusNotFound)
		assertProblem(t, p.anonymous.get("/api/attempts/a1"), http.StatusNotFound)
		// The learner, signed in, reads questions.
		assert.Equal(t, http.StatusOK, p.l1.get("/api/questions/q1").Code)
		assert.Equal(t, http.StatusOK, p.l1.get("/api/directory/d1").Code)
	})

	t.Run("keys show their secret once and never their hash", func(t *testing.T) {
		resp := p.admin.post("/api/_keys", `{"role":"learner","subject":"l3"}`)
		require.Equal(t, http.StatusCreated, resp.Code, "%s", resp)
		doc := resp.object(t)
		secret, _ := doc["secret"].(string)
		require.GreaterOrEqual(t, len(secret), 32, "%v", doc)
		assert.NotContains(t, doc, "secretHash")
		id := doc["id"].(string)

		for _, path := range []string{"/api/_keys/" + id, "/api/_keys", "/api/_keys/" + id + "/revisions", "/api/_keys/" + id + "/revisions/1"} {
			resp := p.admin.get(path)
			require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
			assert.NotContains(t, string(resp.Body), secret, path)
			assert.NotContains(t, string(resp.Body), "secretHash", path)
		}
		l3 := keyCaller{srv: p.srv, hdr: keyHeader(secret)}
		resp = l3.post("/api/attempts", `{"id":"c1","exam":"e1"}`)
		require.Equal(t, http.StatusCreated, resp.Code, "%s", resp)
		assert.Equal(t, "l3", resp.object(t)["learner"])

		// An admin's change keeps the secret working, and cannot set it.
		resp = p.admin.patch("/api/_keys/"+id, `{"name":"l3's phone","secretHash":"00"}`)
		require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
		assert.NotContains(t, string(resp.Body), "secret")
		assert.Equal(t, http.StatusOK, l3.get("/api/attempts/c1").Code)
	})
}

// pageItems returns the items of a page.
func pageItems(items []map[string]any, _ string) []map[string]any { return items }

func TestAccessBadKeys(t *testing.T) {
	// Every bad key here comes from one address: past the failure limit,
	// they would be 429s (TestAccessAuthFailureLimit).
	p := newAccessProgram(t, engine.Config{AuthFailures: engine.AuthFailureLimit{PerMinute: -1}})
	srv := p.srv
	start := srv.clock()

	_, expired := newAccessKey(t, srv, documents.KeySpec{Role: documents.RoleAdmin, ExpiresAt: start.Add(-time.Minute)})
	_, later := newAccessKey(t, srv, documents.KeySpec{Role: documents.RoleAdmin, ExpiresAt: start.Add(time.Hour)})

	resp := p.admin.post("/api/_keys", `{"role":"editor"}`)
	require.Equal(t, http.StatusCreated, resp.Code, "%s", resp)
	doc := resp.object(t)
	revokedID, revoked := doc["id"].(string), doc["secret"].(string)
	revokedCaller := keyCaller{srv: srv, hdr: keyHeader(revoked)}
	require.Equal(t, http.StatusOK, revokedCaller.get("/api/notes/n1").Code, "the key works until revoked")
	resp = p.admin.patch("/api/_keys/"+revokedID, `{"revoked":true}`)
	require.Equal(t, http.StatusOK, resp.Code, "%s", resp)

	resp = p.admin.post("/api/_keys", `{"role":"editor"}`)
	require.Equal(t, http.StatusCreated, resp.Code, "%s", resp)
	doc = resp.object(t)
	deletedID, deleted := doc["id"].(string), doc["secret"].(string)
	require.Equal(t, http.StatusNoContent, p.admin.delete("/api/_keys/"+deletedID).Code)

	assert.Equal(t, http.StatusOK, srv.get("/api/notes/n1", keyHeader(later)...).Code, "a key before its end works")

	for _, tc := range []struct {
		name, header string
	}{
		{"revoked", "Bearer " + revoked},
		{"expired", "Bearer " + expired},
		{"deleted", "Bearer " + deleted},
		{"garbage", "Bearer not-a-key"},
		{"a hash for a secret", "Bearer " + strings.Repeat("ab", 32)},
		{"empty bearer", "Bearer "},
		{"basic", "Basic YWRtaW46YWRtaW4="},
		{"no scheme", revoked},
		{"very long", "Bearer " + strings.Repeat("x", 4096)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, method := range []string{http.MethodGet, http.MethodPost} {
				resp := srv.send(method, "/api/directory", `{"name":"x"}`, "Authorization", tc.header)
				assertProblem(t, resp, http.StatusUnauthorized)
				assert.True(t, strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Bearer"), "WWW-Authenticate: %q", resp.Header.Get("WWW-Authenticate"))
			}
		})
	}

	t.Run("a key expires with the service's clock", func(t *testing.T) {
		var now time.Time
		clock := func() time.Time { return now }
		now = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
		srv := openServer(t, t.TempDir()+"/clock.db", engine.Config{AnonymousRole: documents.RolePublic}, clock)
		_, secret := newAccessKey(t, srv, documents.KeySpec{Role: documents.RoleAdmin, ExpiresAt: now.Add(time.Hour)})
		assert.Equal(t, http.StatusOK, srv.get("/api/_keys", keyHeader(secret)...).Code)
		now = now.Add(time.Hour)
		assertProblem(t, srv.get("/api/_keys", keyHeader(secret)...), http.StatusUnauthorized)
	})
}

func TestAccessAudit(t *testing.T) {
	p := newAccessProgram(t, engine.Config{})
	ctx := t.Context()

	resp := p.admin.get("/api/_audit?limit=1000")
	require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
	entries, _ := resp.page(t)
	find := func(coll, id string, rev int) map[string]any {
		for _, e := range entries {
			if e["collection"] == coll && e["docId"] == id && e["rev"] == float64(rev) {
				return e
			}
		}
		t.Fatalf("no audit entry for %s/%s rev %d among %d", coll, id, rev, len(entries))
		return nil
	}
	for _, tc := range []struct {
		coll, id string
		rev      int
		keyID    string
		role, op string
	}{
		{"_keys", p.adminID, 1, "internal", documents.RoleAdmin, "created"},
		{"_schemas", "questions", 1, p.adminID, documents.RoleAdmin, "created"},
		{"questions", "q1", 1, p.editorID, documents.RoleEditor, "created"},
		{"questions", "q1", 2, p.editorID, documents.RoleEditor, "updated"},
		{"attempts", "a1", 1, p.l1ID, "learner", "created"},
		{"attempts", "a2", 1, p.l2ID, "learner", "created"},
		{"attempts", "a1", 2, p.editorID, documents.RoleEditor, "updated"},
	} {
		e := find(tc.coll, tc.id, tc.rev)
		assert.Equal(t, tc.keyID, e["keyId"], "%s/%s/%d", tc.coll, tc.id, tc.rev)
		assert.Equal(t, tc.role, e["role"], "%s/%s/%d", tc.coll, tc.id, tc.rev)
		assert.Equal(t, tc.op, e["op"], "%s/%s/%d", tc.coll, tc.id, tc.rev)
		assert.NotEmpty(t, e["hash"])
		assert.NotEmpty(t, e["at"])
	}
	for i, e := range entries {
		assert.Equal(t, fmt.Sprintf("%016d", i+1), e["id"])
		assert.EqualValues(t, i+1, e["seq"])
		if i > 0 {
			assert.Equal(t, entries[i-1]["hash"], e["prev"], "entry %d links to %d", i+1, i)
		}
	}

	// A delete is audited too.
	require.Equal(t, http.StatusCreated, p.editor.post("/api/exams", `{"id":"e3","title":"Gone soon"}`).Code)
	require.Equal(t, http.StatusNoContent, p.editor.delete("/api/exams/e3").Code)
	del := p.admin.get(withQuery("/api/_audit", "filter", `collection == "exams" && op == "deleted"`))
	require.Equal(t, http.StatusOK, del.Code, "%s", del)
	items, _ := del.page(t)
	if assert.Len(t, items, 1, "%s", del) {
		assert.Equal(t, p.editorID, items[0]["keyId"])
	}

	// Admins alone read it.
	assertProblem(t, p.l1.get("/api/_audit"), http.StatusForbidden)
	assertProblem(t, p.l1.get("/api/_audit/0000000000000001"), http.StatusForbidden)
	assertProblem(t, p.editor.get("/api/_audit"), http.StatusForbidden)
	assertProblem(t, p.anonymous.get("/api/_audit"), http.StatusForbidden)

	rep, err := p.srv.svc.VerifyAudit(ctx)
	require.NoError(t, err)
	require.True(t, rep.OK, "%+v", rep)
	assert.EqualValues(t, len(entries)+2, rep.Entries, "the entries listed, the exam created and deleted")

	// l1's first attempt, rewritten as the editor's in the store itself.
	target := find("attempts", "a1", 1)["id"].(string)
	err = p.srv.store.Update(ctx, func(tx store.Tx) error {
		raw, err := tx.Get("docs/_audit", []byte(target))
		if err != nil {
			return err
		}
		edited := bytes.Replace(raw, []byte(`"role":"learner"`), []byte(`"role":"editor"`), 1)
		require.NotEqual(t, string(raw), string(edited), "the entry: %s", raw)
		return tx.Put("docs/_audit", []byte(target), edited)
	})
	require.NoError(t, err)

	rep, err = p.srv.svc.VerifyAudit(ctx)
	require.NoError(t, err)
	assert.False(t, rep.OK)
	assert.Equal(t, target, rep.BrokenAt)
	assert.NotEmpty(t, rep.Problem)

	t.Run("a removed entry", func(t *testing.T) {
		p := newAccessProgram(t, engine.Config{})
		err := p.srv.store.Update(ctx, func(tx store.Tx) error {
			return tx.Delete("docs/_audit", []byte(fmt.Sprintf("%016d", 3)))
		})
		require.NoError(t, err)
		rep, err := p.srv.svc.VerifyAudit(ctx)
		require.NoError(t, err)
		assert.False(t, rep.OK)
		assert.Equal(t, fmt.Sprintf("%016d", 4), rep.BrokenAt, "%+v", rep)
	})
	t.Run("the last entry removed", func(t *testing.T) {
		p := newAccessProgram(t, engine.Config{})
		rep, err := p.srv.svc.VerifyAudit(ctx)
		require.NoError(t, err)
		last := fmt.Sprintf("%016d", rep.Entries)
		err = p.srv.store.Update(ctx, func(tx store.Tx) error {
			return tx.Delete("docs/_audit", []byte(last))
		})
		require.NoError(t, err)
		rep, err = p.srv.svc.VerifyAudit(ctx)
		require.NoError(t, err)
		assert.False(t, rep.OK)
		assert.Equal(t, last, rep.BrokenAt, "%+v", rep)
	})
}

func TestAccessRateLimitPerKey(t *testing.T) {
	// A slow refill, so that a slow test run does not earn a token back.
	p := newAccessProgram(t, engine.Config{RateLimit: engine.RateLimit{PerSecond: 0.01, Burst: 3}})
	for i := range 3 {
		require.Equal(t, http.StatusOK, p.l1.get("/api/directory").Code, "request %d", i+1)
	}
	resp := p.l1.get("/api/directory")
	assertProblem(t, resp, http.StatusTooManyRequests)
	retry, err := strconv.Atoi(resp.Header.Get("Retry-After"))
	require.NoError(t, err, "Retry-After: %q", resp.Header.Get("Retry-After"))
	assert.Positive(t, retry)
	assertProblem(t, p.l1.post("/api/attempts", `{"exam":"e1"}`), http.StatusTooManyRequests)

	// Another key, and the anonymous callers, have their own buckets.
	assert.Equal(t, http.StatusOK, p.l2.get("/api/directory").Code)
	assert.Equal(t, http.StatusOK, p.anonymous.get("/api/directory").Code)
}

func TestAccessCORS(t *testing.T) {
	p := newAccessProgram(t, engine.Config{CORSOrigins: []string{"https://portal.example"}})
	preflight := func(origin string) *response {
		return p.srv.send(http.MethodOptions, "/api/attempts", "", "Origin", origin,
			"Access-Control-Request-Method", http.MethodPost, "Access-Control-Request-Headers", "authorization, content-type")
	}

	resp := preflight("https://portal.example")
	assert.Less(t, resp.Code, 300, "%s", resp)
	assert.Equal(t, "https://portal.example", resp.Header.Get("Access-Control-Allow-Origin"))
	assert.Contains(t, resp.Header.Get("Access-Control-Allow-Methods"), http.MethodPost)
	assert.Contains(t, strings.ToLower(resp.Header.Get("Access-Control-Allow-Headers")), "authorization")
	assert.Contains(t, resp.Header.Values("Vary"), "Origin")

	resp = preflight("https://evil.example")
	assert.Empty(t, resp.Header.Get("Access-Control-Allow-Origin"), "%v", resp.Header)
	assert.Empty(t, resp.Header.Get("Access-Control-Allow-Methods"), "%v", resp.Header)

	// A real request from the portal can read its answer, a 401 included.
	resp = p.l1.get("/api/attempts", "Origin", "https://portal.example")
	require.Equal(t, http.StatusOK, resp.Code)
	assert.Equal(t, "https://portal.example", resp.Header.Get("Access-Control-Allow-Origin"))
	resp = p.srv.get("/api/attempts", "Origin", "https://portal.example", "Authorization", "Bearer nope")
	assert.Equal(t, http.StatusUnauthorized, resp.Code)
	assert.Equal(t, "https://portal.example", resp.Header.Get("Access-Control-Allow-Origin"))
	resp = p.l1.get("/api/attempts", "Origin", "https://evil.example")
	assert.Empty(t, resp.Header.Get("Access-Control-Allow-Origin"))

	// No origins configured: no CORS at all.
	q := newAccessProgram(t, engine.Config{})
	resp = q.srv.send(http.MethodOptions, "/api/attempts", "", "Origin", "https://portal.example", "Access-Control-Request-Method", http.MethodGet)
	assert.Empty(t, resp.Header.Get("Access-Control-Allow-Origin"))
}

func TestAccessSpecDeclaresBearerAndErrors(t *testing.T) {
	p := newAccessProgram(t, engine.Config{})
	resp := p.admin.get("/openapi.json")
	require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
	spec := resp.object(t)
	schemes, _ := spec["components"].(map[string]any)["securitySchemes"].(map[string]any)
	var bearerScheme bool
	for _, s := range schemes {
		m, _ := s.(map[string]any)
		if m["type"] == "http" && strings.EqualFold(fmt.Sprint(m["scheme"]), "bearer") {
			bearerScheme = true
		}
	}
	assert.True(t, bearerScheme, "securitySchemes: %v", schemes)

	paths, _ := spec["paths"].(map[string]any)
	for _, path := range []string{"/api/attempts", "/api/attempts/{id}"} {
		item, _ := paths[path].(map[string]any)
		require.NotNil(t, item, "no %s in the spec", path)
		op, _ := item["get"].(map[string]any)
		responses, _ := op["responses"].(map[string]any)
		for _, status := range []string{"401", "403", "429"} {
			assert.Contains(t, responses, status, "GET %s", path)
		}
	}
}

// TestAccessSpecShowsNoHiddenData: the spec is the same document for every
// caller; its examples come from stored documents, and must not carry what
// the caller may not read.
func TestAccessSpecShowsNoHiddenData(t *testing.T) {
	for _, first := range []string{"admin", "learner"} {
		t.Run(first+" asks first", func(t *testing.T) {
			p := newAccessProgram(t, engine.Config{})
			callers := map[string]keyCaller{"admin": p.admin, "editor": p.editor, "learner": p.l1, "anonymous": p.anonymous}
			order := []string{first, "admin", "editor", "learner", "anonymous"}
			for _, who := range order {
				for _, path := range []string{"/openapi.json", "/openapi.yaml"} {
					resp := callers[who].get(path)
					assert.Equal(t, http.StatusOK, resp.Code, "%s %s: %s", who, path, resp)
					if who != "admin" && who != "editor" {
						assert.NotContains(t, string(resp.Body), "looked over the shoulder", "%s %s shows a private note", who, path)
						assert.NotRegexp(t, `"?correct"?: ?("b"|true)`, string(resp.Body), "%s %s shows the answer key", who, path)
						assert.NotContains(t, string(resp.Body), p.l1ID, "%s %s shows the audit or the keys", who, path)
					}
				}
			}
		})
	}
}

// TestAccessIndexedPrivateFieldIsNoOracle: a filter on an x-private field
// that also has x-index must not answer differently for a true and a false
// guess.
func TestAccessIndexedPrivateFieldIsNoOracle(t *testing.T) {
	p := newAccessProgram(t, engine.Config{})
	resp := p.admin.put("/api/_schemas/items", `{"type":"object","x-access":{"read":"true"},
		"properties":{"text":{"type":"string"},"key":{"type":"string","x-private":true,"x-index":true}}}`)
	require.Equal(t, http.StatusCreated, resp.Code, "%s", resp)
	require.Equal(t, http.StatusCreated, p.editor.post("/api/items", `{"id":"i1","text":"x","key":"m"}`).Code)
	for _, pair := range [][2]string{
		{`key >= "a"`, `key >= "z"`},
		{`key > "l" && key < "n"`, `key > "x" && key < "y"`},
		{`key == "m"`, `key == "q"`},
	} {
		yes := p.l1.get(withQuery("/api/items", "filter", pair[0]))
		no := p.l1.get(withQuery("/api/items", "filter", pair[1]))
		assert.Equal(t, no.Code, yes.Code, "%s: %s / %s: %s", pair[0], yes, pair[1], no)
		assert.Equal(t, string(no.Body[:min(len(no.Body), 40)]), string(yes.Body[:min(len(yes.Body), 40)]), "%s / %s", pair[0], pair[1])
	}
}

// TestAccessDecidedFormulas checks x-access read formulas that are decided
// once per caller (comparisons of auth, strings and top-level fields)
// against what the formula gives when it runs: a date is not a string, a
// number is not a string, meta fields are not in doc, a draft stays hidden.
func TestAccessDecidedFormulas(t *testing.T) {
	tests := []struct {
		name, read string
		publish    bool
		want       map[string][]string // role/subject → ids seen
	}{
		{name: "owner", read: `doc.owner == auth.subject`,
			want: map[string][]string{"s1": {"d1", "d3"}, "s2": {"d2"}, "2026-01-02": nil, "7": nil}},
		{name: "role or owner", read: `auth.role == "auditor" || doc.owner == auth.subject`,
			want: map[string][]string{"s1": {"d1", "d3"}, "auditor": {"d1", "d2", "d3"}}},
		{name: "owner and role", read: `doc.owner == auth.subject && auth.role == "member"`,
			want: map[string][]string{"s1": {"d1", "d3"}, "auditor": nil}},
		{name: "a date is not a string", read: `doc.due == auth.subject`,
			want: map[string][]string{"2026-01-02": nil, "s1": nil}},
		{name: "a number is not a string", read: `doc.n == auth.subject`,
			want: map[string][]string{"7": nil}},
		{name: "meta fields are not in doc", read: `doc._createdBy == auth.subject || doc._status == auth.subject`,
			want: map[string][]string{"s1": nil, "published": nil}},
		{name: "the id", read: `doc.id == auth.subject`,
			want: map[string][]string{"d2": {"d2"}, "s1": nil}},
		{name: "drafts stay hidden", read: `doc.owner == auth.subject`, publish: true,
			want: map[string][]string{"s1": {"d1"}, "s2": {"d2"}, "s3": nil}},
		{name: "nothing", read: `auth.role == "nobody"`,
			want: map[string][]string{"s1": nil, "auditor": nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServerConfig(t, engine.Config{AnonymousRole: documents.RolePublic})
			admin, _ := withKey(t, srv, documents.RoleAdmin, "")
			publish := ""
			if tt.publish {
				publish = `"x-publish": true,`
			}
			schema := fmt.Sprintf(`{"type": "object", %s "x-access": {"read": %q},
  "properties": {"owner": {"type": "string"}, "due": {"type": "string", "format": "date"}, "n": {"type": "integer"}}}`,
				publish, tt.read)
			require.Equal(t, http.StatusCreated, admin.put("/api/_schemas/things", schema).Code)
			for _, d := range []string{
				`{"id": "d1", "owner": "s1", "due": "2026-01-02", "n": 7, "_status": "published"}`,
				`{"id": "d2", "owner": "s2", "_status": "published"}`,
				`{"id": "d3", "owner": "s1"}`,
			} {
				resp := admin.post("/api/things", d)
				require.Equal(t, http.StatusCreated, resp.Code, "%s", resp)
			}
			for who, want := range tt.want {
				role, subject := "member", who
				if who == "auditor" {
					role, subject = "auditor", ""
				}
				caller, _ := withKey(t, srv, role, subject)
				var seen []string
				for _, id := range []string{"d1", "d2", "d3"} {
					resp := caller.get("/api/things/" + id)
					if resp.Code == http.StatusOK {
						seen = append(seen, id)
					} else {
						assert.Equal(t, http.StatusNotFound, resp.Code, "%s", resp)
					}
				}
				assert.Equal(t, want, seen, "%s reads", who)
				var listed []string
				for _, item := range caller.get("/api/things").object(t)["items"].([]any) {
					listed = append(listed, item.(map[string]any)["id"].(string))
				}
				assert.Equal(t, want, listed, "%s lists", who)
			}
		})
	}
}
