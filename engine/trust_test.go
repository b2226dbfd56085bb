package engine_test

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
	"github.com/credence/credence/engine/automations"
	"github.com/credence/credence/expressions"
	"github.com/credence/credence/store/bolt"
)

// trustAttempts is an attempt whose exam, owner and start are set once:
// the exam may not be swapped for an easier one once the questions are
// drawn, nor the attempt handed to someone else.
const trustAttempts = `{
  "type": "object",
  "required": ["exam"],
  "x-access": {
    "read": "auth.role in [\"admin\", \"editor\"] || doc.learner == auth.subject",
    "create": "auth.role == \"learner\"",
    "update": "auth.role == \"learner\" && doc.learner == auth.subject"
  },
  "properties": {
    "exam": {"type": "string", "x-immutable": true},
    "learner": {"type": "string", "x-default": "auth.subject", "x-immutable": true},
    "startedAt": {"type": "string", "format": "date-time", "x-formula": "now", "x-immutable": true},
    "limit": {"type": "integer", "x-formula": "len(doc.exam) * 10", "x-immutable": true},
    "room": {"type": "string", "x-immutable": true},
    "tags": {"type": "array", "items": {"type": "string"}, "x-immutable": true},
    "answers": {"type": "array", "items": {"type": "string"}}
  }
}`

func TestImmutableFields(t *testing.T) {
	srv := newServerConfig(t, engine.Config{AnonymousRole: documents.RolePublic})
	admin, _ := withKey(t, srv, documents.RoleAdmin, "")
	editor, _ := withKey(t, srv, documents.RoleEditor, "")
	ada, _ := withKey(t, srv, "learner", "ada")
	require.Equal(t, http.StatusCreated, admin.put("/api/_schemas/attempts", trustAttempts).Code)

	resp := ada.post("/api/attempts", `{"id":"a1","exam":"easy","tags":["x"],"answers":[]}`)
	require.Equal(t, http.StatusCreated, resp.Code, "%s", resp)
	created := resp.object(t)
	require.Equal(t, "ada", created["learner"])
	require.EqualValues(t, 40, created["limit"])

	cases := []struct {
		name   string
		caller keyCaller
		method string
		body   string
		status int
		paths  []string
	}{
		{"swap the exam", ada, http.MethodPatch, `{"exam":"master"}`, 422, []string{"/exam"}},
		{"hand the attempt to another", ada, http.MethodPatch, `{"learner":"bob"}`, 422, []string{"/learner"}},
		{"remove the exam", ada, http.MethodPatch, `{"exam":null}`, 422, []string{"/exam"}},
		{"change an array", ada, http.MethodPatch, `{"tags":["x","y"]}`, 422, []string{"/tags"}},
		{"two at once", ada, http.MethodPatch, `{"exam":"master","learner":"bob"}`, 422, []string{"/exam", "/learner"}},
		{"replace without the exam", ada, http.MethodPut, `{"learner":"ada","tags":["x"],"answers":["b"]}`, 422, []string{"/exam"}},
		{"an editor is held too", editor, http.MethodPatch, `{"exam":"master"}`, 422, []string{"/exam"}},
		{"the same value again", ada, http.MethodPatch, `{"exam":"easy","answers":["a"]}`, 200, nil},
		{"a replace that keeps them", ada, http.MethodPut, `{"exam":"easy","learner":"ada","tags":["x"],"answers":["b"]}`, 200, nil},
		{"a field left out on create is set once", ada, http.MethodPatch, `{"room":"r1"}`, 200, nil},
		{"and then it is set", ada, http.MethodPatch, `{"room":"r2"}`, 422, []string{"/room"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var resp *response
			if tc.method == http.MethodPut {
				resp = tc.caller.put("/api/attempts/a1", tc.body)
			} else {
				resp = tc.caller.patch("/api/attempts/a1", tc.body)
			}
			if tc.status != http.StatusOK {
				p := assertProblem(t, resp, tc.status)
				assert.Equal(t, tc.paths, errorPaths(t, p))
				return
			}
			assert.Equal(t, tc.status, resp.Code, "%s", resp)
		})
	}

	// Formula fields marked immutable keep the value computed on create,
	// whatever they read later.
	doc := ada.get("/api/attempts/a1").object(t)
	assert.Equal(t, created["startedAt"], doc["startedAt"], "startedAt was computed again")
	assert.EqualValues(t, 40, doc["limit"])
	assert.Equal(t, "easy", doc["exam"])
	assert.Equal(t, "ada", doc["learner"])

	// An admin corrects data.
	resp = admin.patch("/api/attempts/a1", `{"exam":"medium"}`)
	require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
	doc = resp.object(t)
	assert.Equal(t, "medium", doc["exam"])
	assert.EqualValues(t, 40, doc["limit"], "an immutable formula field is not computed again, even for an admin")

	// The spec says so: a patch leaves immutable fields out.
	spec := admin.get("/openapi.json").object(t)
	patch := dig(t, spec, "components", "schemas", "AttemptPatch", "properties", "exam")
	assert.Equal(t, true, patch["readOnly"], "exam in the patch shape: %v", patch)
	input := dig(t, spec, "components", "schemas", "AttemptInput", "properties", "exam")
	assert.NotEqual(t, true, input["readOnly"], "exam is given on create")
}

func TestImmutableSchemaErrors(t *testing.T) {
	srv := newServer(t)
	for name, schema := range map[string]string{
		"not a boolean": `{"type":"object","properties":{"a":{"type":"string","x-immutable":"yes"}}}`,
		"computed":      `{"type":"object","properties":{"a":{"type":"string","x-computed":"'x'","x-immutable":true}}}`,
		"nested":        `{"type":"object","properties":{"a":{"type":"object","properties":{"b":{"type":"string","x-immutable":true}}}}}`,
	} {
		t.Run(name, func(t *testing.T) {
			assertProblem(t, srv.put("/api/_schemas/c", schema), http.StatusUnprocessableEntity)
		})
	}
}

// dig follows keys through nested objects.
func dig(t testing.TB, v map[string]any, keys ...string) map[string]any {
	t.Helper()
	for _, k := range keys {
		next, ok := v[k].(map[string]any)
		require.True(t, ok, "no object at %q in %v", k, v)
		v = next
	}
	return v
}

// A uniqueness conflict tells a caller that the value is taken, and the
// id of the document holding it only to those who may read it.
func TestUniqueConflictHidesTheHolder(t *testing.T) {
	srv := newServerConfig(t, engine.Config{AnonymousRole: documents.RolePublic})
	admin, _ := withKey(t, srv, documents.RoleAdmin, "")
	editor, _ := withKey(t, srv, documents.RoleEditor, "")
	ada, _ := withKey(t, srv, "learner", "ada")
	bob, _ := withKey(t, srv, "learner", "bob")
	require.Equal(t, http.StatusCreated, admin.put("/api/_schemas/feedback", `{
	  "type": "object",
	  "x-access": {"read": "auth.role in [\"admin\", \"editor\"] || doc.learner == auth.subject", "create": "auth.role == \"learner\""},
	  "properties": {
	    "learner": {"type": "string", "x-default": "auth.subject"},
	    "attempt": {"type": "string", "x-unique": true}
	  }}`).Code)
	require.Equal(t, http.StatusCreated, ada.post("/api/feedback", `{"id":"ada-secret-feedback","attempt":"a1"}`).Code)

	p := assertProblem(t, bob.post("/api/feedback", `{"attempt":"a1"}`), http.StatusConflict)
	assert.Equal(t, []string{"/attempt"}, errorPaths(t, p))
	assert.NotContains(t, mustJSON(t, p), "ada-secret-feedback", "the conflict names a document bob may not read")

	p = assertProblem(t, editor.post("/api/feedback", `{"attempt":"a1"}`), http.StatusConflict)
	assert.Equal(t, "ada-secret-feedback", p["document"], "staff are told which document holds the value")
}

// A draw is seeded from the document's id and a key of the store's own:
// the server draws the same questions for an id again, another store (or a
// client searching ids offline) cannot foresee them.
func TestDrawsAreKeyedByTheStore(t *testing.T) {
	const schema = `{"type":"object","properties":{
	  "questions":{"type":"array","items":{"type":"integer"},"x-default":"sample(0..199, 5)"}}}`
	draw := func(srv *testServer, id string) []any {
		t.Helper()
		resp := srv.put("/api/attempts/"+id, `{}`)
		require.Equal(t, http.StatusCreated, resp.Code, "%s", resp)
		q, _ := resp.object(t)["questions"].([]any)
		require.Len(t, q, 5)
		require.Equal(t, http.StatusNoContent, srv.delete("/api/attempts/"+id).Code)
		return q
	}
	a := newServer(t)
	createCollection(t, a, "attempts", schema)
	first := draw(a, "chosen-id")
	assert.Equal(t, first, draw(a, "chosen-id"), "the same id draws the same questions again")
	a = a.reopen(t)
	assert.Equal(t, first, draw(a, "chosen-id"), "the key outlives a restart")

	b := newServer(t)
	createCollection(t, b, "attempts", schema)
	assert.NotEqual(t, first, draw(b, "chosen-id"), "another store draws otherwise for the same id")

	// What a client could compute from the id alone is not the draw.
	p, err := expressions.Compile("sample(0..199, 5)", expressions.Options{})
	require.NoError(t, err)
	unkeyed, err := p.Run(t.Context(), expressions.Env{Seed: "chosen-id/questions"}, nil, expressions.Limits{})
	require.NoError(t, err)
	assert.NotEqual(t, mustJSON(t, first), mustJSON(t, unkeyed))
}

// The regular expression that held a core for minutes is refused at once,
// in a list filter as in the playground, for an anonymous caller too.
func TestHostileFormulasAreRefusedQuickly(t *testing.T) {
	srv := newServerConfig(t, engine.Config{AnonymousRole: documents.RolePublic})
	admin, _ := withKey(t, srv, documents.RoleAdmin, "")
	require.Equal(t, http.StatusCreated, admin.put("/api/_schemas/certifications",
		`{"type":"object","x-access":{"list":"true","read":"true"},"properties":{"title":{"type":"string"}}}`).Code)
	require.Equal(t, http.StatusCreated, admin.post("/api/certifications", `{"title":"Automation"}`).Code)
	hostile := []string{
		`repeat("a", 500000) matches repeat("a?", 1000) + repeat("a", 1000) + "b"`,
		`repeat("a", 500000) matches repeat("a?", 300) + repeat("a", 300) + "b"`,
		`title + repeat("a", 400000) matches "(a|aa)+(b|c|d|e)+x"`,
		`duration("2562047h") * 1000 > duration("1h")`,
	}
	anonymous := keyCaller{srv: srv}
	for _, f := range hostile {
		t.Run(f, func(t *testing.T) {
			p := assertProblem(t, anonymous.get(withQuery("/api/certifications", "filter", f)), http.StatusBadRequest)
			assert.NotNil(t, p)
			p = assertProblem(t, admin.post("/api/_eval", mustJSON(t, map[string]any{"expr": f})), http.StatusUnprocessableEntity)
			assert.Contains(t, mustJSON(t, p), "line")
		})
	}
}

// A list's formulas are bounded in all, not only one document's: a filter
// that takes milliseconds per document fails the list after FormulaTime
// rather than reading on for minutes.
func TestListFormulaTimeIsBounded(t *testing.T) {
	st, err := bolt.Open(filepath.Join(t.TempDir(), "credence.db"), bolt.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	svc, err := documents.New(t.Context(), st, documents.Options{FormulaTime: 300 * time.Millisecond})
	require.NoError(t, err)
	srv := &testServer{handler: engine.New(engine.Config{AnonymousRole: documents.RoleAdmin}, svc), svc: svc}
	createCollection(t, srv, "items", `{"type":"object","properties":{"n":{"type":"integer"}}}`)
	createMany(t, srv, "items", 400, func(i int) string { return fmt.Sprintf(`{"n":%d}`, i) })

	slow := `none(1..900000, # < n - 1000)` // a few milliseconds a document: seconds for 400
	p := assertProblem(t, srv.get(withQuery("/api/items?limit=1000", "filter", slow)), http.StatusBadRequest)
	assert.Contains(t, p["detail"], "formulas")

	// The same list stops when its caller goes away.
	ctx, cancel := context.WithCancel(t.Context())
	time.AfterFunc(100*time.Millisecond, cancel)
	_, err = svc.List(ctx, "items", documents.ListOptions{Filter: slow, Limit: 1000})
	require.Error(t, err)
	assert.ErrorIs(t, err, context.Canceled)

	// A cheap filter over the same documents is untouched by the bound.
	items := listAll(t, srv, withQuery("/api/items?limit=1000", "filter", "n % 2 == 0"))
	assert.Len(t, items, 200)
}

// Formulas read system collections only as their caller may, and secrets
// never: not through get, find, count, a filter, the playground or a read.
func TestFormulasReadNoSecret(t *testing.T) {
	st, err := bolt.Open(filepath.Join(t.TempDir(), "credence.db"), bolt.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	svc, err := documents.New(t.Context(), st, documents.Options{System: automations.SystemCollections(automations.Egress{})})
	require.NoError(t, err)
	srv := &testServer{handler: engine.New(engine.Config{AnonymousRole: documents.RolePublic}, svc), svc: svc}
	admin, _ := withKey(t, srv, documents.RoleAdmin, "")
	editor, _ := withKey(t, srv, documents.RoleEditor, "")
	l1, _ := withKey(t, srv, "learner", "l1")
	const secret = "0123456789abcdef-webhook-signing-key"
	require.Equal(t, http.StatusCreated, admin.put("/api/_webhooks/x",
		`{"url":"https://hooks.example.org/credence","secret":"`+secret+`"}`).Code)
	for _, m := range []string{`{"channel":"log","status":"sent","recipient":"l1"}`, `{"channel":"log","status":"sent","recipient":"l2"}`} {
		require.Equal(t, http.StatusCreated, admin.post("/api/_messages", m).Code)
	}
	require.Equal(t, http.StatusCreated, admin.put("/api/_schemas/profiles", `{"type":"object",
	  "x-access":{"read":"true","list":"true"},
	  "properties":{"name":{"type":"string"},
	    "messages":{"type":"integer","x-computed":"count(\"_messages\", {})"}}}`).Code)
	require.Equal(t, http.StatusCreated, admin.put("/api/profiles/p", `{"name":"Ada"}`).Code)

	eval := func(c keyCaller, expr string) *response {
		return c.post("/api/_eval", mustJSON(t, map[string]any{"expr": expr}))
	}
	t.Run("an editor's formulas do not read admin-only collections", func(t *testing.T) {
		for _, f := range []string{`get("_webhooks", "x")`, `find("_keys", {})`, `count("_audit", {})`, `count("_webhooks", {})`} {
			p := assertProblem(t, eval(editor, f), http.StatusUnprocessableEntity)
			assert.Contains(t, mustJSON(t, p), "may not read", f)
			assert.NotContains(t, mustJSON(t, p), secret)
		}
		p := assertProblem(t, editor.post("/api/_eval", `{"expr":"doc.secret","collection":"_webhooks","id":"x"}`), http.StatusForbidden)
		assert.NotContains(t, mustJSON(t, p), secret)
	})
	t.Run("not even an admin's formulas read a secret", func(t *testing.T) {
		for f, want := range map[string]any{
			`get("_webhooks", "x").secret`:                  nil,
			`get("_webhooks", "x").url`:                     "https://hooks.example.org/credence",
			`map(find("_keys", {}), .secretHash)`:           []any{nil, nil, nil},
			`toJSON(get("_webhooks", "x")) contains "0123"`: false,
			`len(find("_keys", {role: "admin"}))`:           float64(1),
		} {
			resp := eval(admin, f)
			require.Equal(t, http.StatusOK, resp.Code, "%s: %s", f, resp)
			assert.Equal(t, want, resp.object(t)["value"], f)
		}
		p := assertProblem(t, eval(admin, `count("_keys", {secretHash: "abc"})`), http.StatusUnprocessableEntity)
		assert.Contains(t, mustJSON(t, p), "cannot be matched")
		resp := admin.post("/api/_eval", `{"expr":"doc.secret","collection":"_webhooks","id":"x"}`)
		require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
		assert.Nil(t, resp.object(t)["value"])
	})
	t.Run("a filter cannot guess a secret", func(t *testing.T) {
		for _, f := range []string{`get("_webhooks","x").secret startsWith "0123"`, `count("_keys", {}) > 0`} {
			assertProblem(t, keyCaller{srv: srv}.get(withQuery("/api/profiles", "filter", f)), http.StatusBadRequest)
			assertProblem(t, editor.get(withQuery("/api/profiles", "filter", f)), http.StatusBadRequest)
		}
		for _, f := range []string{`secret startsWith "0"`, `secret != nil`} {
			items, _ := admin.get(withQuery("/api/_webhooks", "filter", f)).page(t)
			assert.Empty(t, items, f)
		}
		assertProblem(t, admin.get("/api/_keys?sort=secretHash"), http.StatusBadRequest)
	})
	t.Run("reads show that a secret is set, never its value", func(t *testing.T) {
		for _, path := range []string{"/api/_webhooks/x", "/api/_webhooks", "/api/_webhooks/x/revisions", "/api/_webhooks/x/revisions/1"} {
			resp := admin.get(path)
			require.Equal(t, http.StatusOK, resp.Code, "%s: %s", path, resp)
			assert.NotContains(t, string(resp.Body), secret, path)
			assert.Contains(t, string(resp.Body), `"_secrets":["secret"]`, path)
		}
		// A replace without the secret keeps it; the answer does not show it.
		resp := admin.put("/api/_webhooks/x", `{"url":"https://hooks.example.org/v2"}`)
		require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
		assert.NotContains(t, string(resp.Body), secret)
		got, err := srv.svc.Secret(context.Background(), "_webhooks", "x", "secret")
		require.NoError(t, err)
		assert.Equal(t, secret, got)
		_, err = srv.svc.Secret(documents.WithAuth(context.Background(), documents.Auth{Role: documents.RoleAdmin}), "_webhooks", "x", "secret")
		assert.Error(t, err, "only Credence itself reads a secret")
		// Keys never show their hash, nor say they have one.
		resp = admin.get("/api/_keys")
		assert.NotContains(t, string(resp.Body), "secretHash")
	})
	t.Run("the spec says a secret is written, never read", func(t *testing.T) {
		spec := admin.get("/openapi.json").object(t)
		read := dig(t, spec, "components", "schemas", "Webhook", "properties")
		assert.NotContains(t, read, "secret")
		assert.Contains(t, read, "_secrets")
		assert.Equal(t, true, dig(t, spec, "components", "schemas", "WebhookInput", "properties", "secret")["writeOnly"])
		assert.NotContains(t, dig(t, spec, "components", "schemas", "Key", "properties"), "secretHash")
		assert.NotContains(t, dig(t, spec, "components", "schemas", "KeyInput", "properties"), "secretHash")
	})
	t.Run("a learner's formulas read her own messages only", func(t *testing.T) {
		assert.EqualValues(t, 1, l1.get("/api/profiles/p").object(t)["messages"])
		assert.EqualValues(t, 2, editor.get("/api/profiles/p").object(t)["messages"])
		assert.EqualValues(t, 0, keyCaller{srv: srv}.get("/api/profiles/p").object(t)["messages"], "the public reads no one's messages")
	})
}

// Text that is not UTF-8 is refused, not rewritten: two different byte
// strings would otherwise store the same text and collide on an x-unique
// field.
func TestInvalidUTF8IsRefused(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "codes", `{"type":"object","properties":{"code":{"type":"string","x-unique":true}}}`)
	cases := map[string]string{
		"a byte that starts nothing":  "{\"code\":\"a\xffb\"}",
		"a truncated character":       "{\"code\":\"a\xc3\"}",
		"an overlong encoding":        "{\"code\":\"\xc0\xaf\"}",
		"a lone surrogate escape":     `{"code":"a\ud800b"}`,
		"a lone low surrogate escape": `{"code":"\udc00"}`,
		"in a key":                    "{\"co\xfede\":\"x\"}",
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			p := assertProblem(t, srv.post("/api/codes", body), http.StatusBadRequest)
			assert.Regexp(t, `byte \d+`, p["detail"])
			assertProblem(t, srv.put("/api/codes/c1", body), http.StatusBadRequest)
		})
	}
	created := srv.post("/api/codes", `{"id":"c1","code":"a\ud83d\ude00b"}`)
	require.Equal(t, http.StatusCreated, created.Code, "a surrogate pair is text: %s", created)
	assertProblem(t, srv.patch("/api/codes/c1", "{\"code\":\"\xfe\"}"), http.StatusBadRequest)
	assert.Equal(t, "a😀b", srv.get("/api/codes/c1").object(t)["code"], "a refused patch changed nothing")
	assertProblem(t, srv.get(withQuery("/api/codes", "filter", "code == \"\xff\"")), http.StatusBadRequest)
}

// Arithmetic that would wrap around is an error with its position: in the
// playground, and in a stored formula, whose write is refused rather than
// storing a negative duration or a date in the past.
func TestOverflowOverHTTP(t *testing.T) {
	srv := newServer(t)
	for _, f := range []string{`duration("2562047h") * 1000`, `addMonths(now, 9223372036854775807)`} {
		p := assertProblem(t, srv.post("/api/_eval", mustJSON(t, map[string]any{"expr": f})), http.StatusUnprocessableEntity)
		assert.EqualValues(t, 1, p["line"], f)
		assert.NotZero(t, p["column"], f)
		assert.Regexp(t, "too large|out of range", mustJSON(t, p), f)
	}
	createCollection(t, srv, "grants", `{"type":"object","properties":{
	  "months":{"type":"integer"},
	  "until":{"type":"string","format":"date-time","x-formula":"addMonths(date(\"2026-01-01\"), doc.months)"},
	  "weight":{"type":"integer","x-formula":"doc.months * 4611686018427387904"}}}`)
	p := assertProblem(t, srv.post("/api/grants", `{"months":9223372036854775807}`), http.StatusUnprocessableEntity)
	assert.Contains(t, mustJSON(t, p), "line 1, column")
	p = assertProblem(t, srv.post("/api/grants", `{"months":2}`), http.StatusUnprocessableEntity)
	assert.Equal(t, []string{"/weight"}, errorPaths(t, p), "2 × 2^62 does not fit")
	items, _ := srv.get("/api/grants").page(t)
	assert.Empty(t, items)
}
