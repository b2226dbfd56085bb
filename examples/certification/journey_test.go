package certification_test

import (
	"bytes"
	"context"
	"encoding/json"
	"github.com/credence/credence/engine/files"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
	"github.com/credence/credence/engine/automations"
	"github.com/credence/credence/engine/credentials"
	"github.com/credence/credence/engine/identity"
	"github.com/credence/credence/examples/pack"
	"github.com/credence/credence/store/bolt"
)

// clock is the program's time, moved by the test.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) { c.mu.Lock(); defer c.mu.Unlock(); c.t = c.t.Add(d) }

// program is the pack loaded into a fresh store behind the real router.
type program struct {
	t      *testing.T
	srv    *httptest.Server
	svc    *documents.Service
	runner *automations.Runner
	clock  *clock
}

func newProgram(t *testing.T) *program {
	t.Helper()
	ctx := context.Background()
	st, err := bolt.Open(filepath.Join(t.TempDir(), "program.db"), bolt.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	clk := &clock{t: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)}
	svc, err := documents.New(ctx, st, documents.Options{Now: clk.Now,
		System: append(automations.SystemCollections(automations.Egress{}), identity.SystemCollections()...)})
	require.NoError(t, err)
	rep, err := pack.Load(ctx, svc, os.DirFS("."))
	require.NoError(t, err)
	assert.Zero(t, rep.Updated+rep.Unchanged)
	keys, err := credentials.OpenKeys(ctx, st, []byte("the issuer secret of the tests, 32 bytes or more"), clk.Now)
	require.NoError(t, err)
	issuer := &credentials.Issuer{Keys: keys, Now: clk.Now}
	pub := &credentials.Publisher{Keys: keys, Issuer: issuer}
	runner := automations.New(svc, st, automations.Config{Now: clk.Now, Credentials: issuer})
	sessions, err := identity.OpenSessions(ctx, st, clk.Now)
	require.NoError(t, err)
	accounts, err := identity.New(svc, sessions, identity.Config{SignUp: "open", Now: clk.Now,
		Params: identity.Params{Memory: 1024, Time: 1, Threads: 1}, Mailer: mailer{runner}})
	require.NoError(t, err)
	srv := httptest.NewServer(engine.New(engine.Config{AnonymousRole: documents.RolePublic, Tokens: sessions, Files: &files.Store{St: st}, Routes: func(r chi.Router) {
		runner.Routes(r)
		pub.Routes(r)
		accounts.Routes(r)
	}}, svc))
	t.Cleanup(srv.Close)
	issuer.BaseURL = srv.URL
	return &program{t: t, srv: srv, svc: svc, runner: runner, clock: clk}
}

// mailer sends identity's messages through the runner, to the log channel.
type mailer struct{ r *automations.Runner }

func (m mailer) Mail(ctx context.Context, mail identity.Mail) error {
	return m.r.Send(ctx, automations.Message{Template: mail.Template, Subject: mail.Subject, Text: mail.Text,
		Channel: automations.ChannelLog, Email: mail.Email, Recipient: mail.Recipient, Data: mail.Data})
}

// session is a signed-in account: its token signs in again when the
// program's clock has moved past its lifetime.
type session struct {
	p                *program
	email, password  string
	account, subject string
	access           string
	issued           time.Time
}

// join signs a person up with her e-mail and password, verifies the
// address with the code the message path delivers, and returns her session.
func (p *program) join(email, password string) *session {
	p.t.Helper()
	status, body := p.call("", "POST", "/auth/signup", map[string]any{"email": email, "password": password})
	require.Equal(p.t, http.StatusAccepted, status, "%v", body)
	admin := p.key(documents.RoleAdmin, "")
	var code string
	require.Eventually(p.t, func() bool {
		for _, m := range p.messages(admin, "account-verify") {
			if m["to"] == email {
				code = strings.TrimSuffix(strings.TrimPrefix(m["text"].(string), "Your confirmation code is "), ". It works for 24 hours.")
				return true
			}
		}
		return false
	}, 5*time.Second, 10*time.Millisecond)
	tok := p.ok("", "POST", "/auth/verify", map[string]any{"email": email, "code": code})
	s := &session{p: p, email: email, password: password, access: tok["accessToken"].(string), issued: p.clock.Now()}
	me := p.ok(s.access, "GET", "/auth/me", nil)
	s.account, s.subject = me["account"].(string), me["subject"].(string)
	return s
}

// key is a valid access token of the session: the last one, or a new one.
func (s *session) key() string {
	s.p.t.Helper()
	if s.p.clock.Now().Sub(s.issued) >= identity.AccessTTL-time.Minute {
		tok := s.p.ok("", "POST", "/auth/signin", map[string]any{"email": s.email, "password": s.password})
		s.access, s.issued = tok["accessToken"].(string), s.p.clock.Now()
	}
	return s.access
}

// actAs makes the session's account act for the document id: an admin's
// change, taken up at its next sign-in.
func (s *session) actAs(admin, id string) {
	s.p.t.Helper()
	s.p.ok(admin, "PATCH", "/api/_accounts/"+s.account, map[string]any{"subject": id})
	s.issued = time.Time{}
	s.subject = id
}

// key creates a key and returns its secret.
func (p *program) key(role, subject string) string {
	p.t.Helper()
	secret, _, err := p.svc.PutKey(context.Background(), documents.KeySpec{Role: role, Subject: subject, Name: role + " " + subject})
	require.NoError(p.t, err)
	return secret
}

// call makes a request with the key (none when empty) and returns the
// status and the decoded body.
func (p *program) call(key, method, path string, body any) (int, map[string]any) {
	p.t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		require.NoError(p.t, err)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, p.srv.URL+path, rd)
	require.NoError(p.t, err)
	if body != nil {
		ct := "application/json"
		if method == http.MethodPatch {
			ct = "application/merge-patch+json"
		}
		req.Header.Set("Content-Type", ct)
	}
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(p.t, err)
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	require.NoError(p.t, err)
	var m map[string]any
	if len(raw) > 0 {
		require.NoError(p.t, json.Unmarshal(raw, &m), "%s %s: %s", method, path, raw)
	}
	return res.StatusCode, m
}

func (p *program) ok(key, method, path string, body any) map[string]any {
	p.t.Helper()
	status, m := p.call(key, method, path, body)
	require.Less(p.t, status, 300, "%s %s: %d %v", method, path, status, m)
	return m
}

// work runs the automations until they have nothing left to do.
func (p *program) work() {
	p.t.Helper()
	for range 5 {
		require.NoError(p.t, p.runner.RunOnce(context.Background()))
	}
}

func ids(items any) []string {
	var out []string
	for _, it := range items.([]any) {
		switch v := it.(type) {
		case string:
			out = append(out, v)
		case map[string]any:
			out = append(out, v["id"].(string))
		}
	}
	return out
}

// answerKey reads the correct answers as the admin sees them.
func (p *program) answerKey(admin, question string) map[string]any {
	q := p.ok(admin, "GET", "/api/questions/"+question, nil)
	a := map[string]any{"question": question}
	if q["format"] == "open" {
		text := ""
		for _, k := range q["keywords"].([]any) {
			text += k.(string) + " "
		}
		a["text"] = text
		return a
	}
	var choices []string
	for _, o := range q["options"].([]any) {
		if o.(map[string]any)["correct"] == true {
			choices = append(choices, o.(map[string]any)["id"].(string))
		}
	}
	a["choices"] = choices
	return a
}

func TestSyneriseJourney(t *testing.T) {
	p := newProgram(t)
	admin := p.key(documents.RoleAdmin, "")
	ada := p.key("learner", "ada")

	// An admin sees the program.
	page := p.ok(admin, "GET", "/api/exams?limit=100", nil)
	assert.Len(t, page["items"], 6)

	// The learner signs up: her own profile, nobody else's. Staff place
	// her in the partners' segment.
	p.ok(ada, "PUT", "/api/learners/ada", map[string]any{"id": "ada", "name": "Ada", "email": "ada@example.org", "directoryOptIn": true})
	status, _ := p.call(ada, "PUT", "/api/learners/bob", map[string]any{"name": "Bob", "email": "bob@example.org"})
	assert.Equal(t, http.StatusForbidden, status, "a profile's id is its key's subject")
	p.ok(admin, "PATCH", "/api/learners/ada", map[string]any{"segment": "partner"})

	// The About page, expanded: sections for partners, not for customers.
	about := p.ok(ada, "GET", "/api/pages/about?expand=sections,certifications", nil)
	var headings []string
	for _, s := range about["sections"].([]any) {
		if m, ok := s.(map[string]any); ok {
			headings = append(headings, m["heading"].(string))
		}
	}
	assert.Contains(t, headings, "For partners")
	assert.NotContains(t, headings, "For customers")

	// An attempt draws its questions on the server; no answer key shows.
	att := p.ok(ada, "POST", "/api/attempts", map[string]any{"exam": "automation-fundamentals", "questions": []string{"auto-q1"}})
	drawn := ids(att["questions"])
	require.Len(t, drawn, 5)
	assert.NotEqual(t, []string{"auto-q1"}, drawn)
	q := p.ok(ada, "GET", "/api/questions/"+drawn[0], nil)
	assert.NotContains(t, q, "keywords")
	opts, _ := q["options"].([]any)
	for _, o := range opts {
		assert.NotContains(t, o, "correct")
	}
	again := p.ok(ada, "GET", "/api/attempts/"+att["id"].(string)+"?expand=questions", nil)
	assert.Equal(t, drawn, ids(again["questions"]))

	// A late submission is refused.
	late := p.ok(ada, "POST", "/api/attempts", map[string]any{"exam": "automation-fundamentals"})
	p.clock.Add(21 * time.Minute)
	status, _ = p.call(ada, "PATCH", "/api/attempts/"+late["id"].(string), map[string]any{"answers": []any{}})
	assert.Equal(t, http.StatusUnprocessableEntity, status)

	// An on-time one is scored; the learner cannot set the score.
	fresh := p.ok(ada, "POST", "/api/attempts", map[string]any{"exam": "automation-fundamentals"})
	var answers []any
	for _, qid := range ids(fresh["questions"]) {
		answers = append(answers, p.answerKey(admin, qid))
	}
	scored := p.ok(ada, "PATCH", "/api/attempts/"+fresh["id"].(string), map[string]any{"answers": answers, "score": 0, "passed": false})
	assert.Equal(t, true, scored["passed"])
	assert.EqualValues(t, 100, scored["percentage"])

	// Three attempts were the limit.
	status, _ = p.call(ada, "POST", "/api/attempts", map[string]any{"exam": "automation-fundamentals"})
	assert.Equal(t, http.StatusUnprocessableEntity, status)

	// Points and level: 60 points keep her at Fundamentals; a staff-approved
	// activity worth 50 more unlocks Professional.
	me := p.ok(admin, "GET", "/api/learners/ada", nil)
	assert.EqualValues(t, 60, me["points"])
	assert.Equal(t, "fundamentals", me["level"])
	act := p.ok(ada, "POST", "/api/activities", map[string]any{"title": "Community talk", "source": "community", "contributions": 1, "status": "submitted"})
	p.ok(admin, "PATCH", "/api/activities/"+act["id"].(string), map[string]any{"status": "approved", "points": 50})
	me = p.ok(ada, "GET", "/api/learners/ada", nil)
	assert.EqualValues(t, 110, me["points"])
	assert.Equal(t, "professional", me["level"])

	// NPS after the exam.
	fb := p.ok(ada, "POST", "/api/feedback", map[string]any{"attempt": fresh["id"], "score": 9})
	assert.Equal(t, "promoter", fb["category"])

	// The credential is awarded by automation; the directory lists her
	// anonymously, with nothing private.
	p.work()
	cred := p.ok(admin, "GET", "/api/credentials/ada--syn-automation-fundamentals", nil)
	assert.Equal(t, "active", cred["state"])
	assert.Equal(t, "bronze", cred["badge"])
	entry := p.ok("", "GET", "/api/directory/ada", nil)
	assert.Equal(t, "Ada", entry["name"])
	assert.NotContains(t, entry, "email")
	status, _ = p.call("", "GET", "/api/learners/ada", nil)
	assert.Equal(t, http.StatusNotFound, status)
}

func TestConversationIQWeightedComponents(t *testing.T) {
	p := newProgram(t)
	admin := p.key(documents.RoleAdmin, "")
	p.ok(admin, "PUT", "/api/learners/cy", map[string]any{"name": "Cy", "email": "cy@example.org", "experienceSince": "2025-01-01"})

	a := p.ok(admin, "POST", "/api/assessments", map[string]any{"learner": "cy", "certification": "ciq-certified-user",
		"scores": map[string]any{"written": 90, "practical": 85, "caseStudy": 80}})
	assert.EqualValues(t, 86, a["weighted"]) // 36 + 34 + 16
	assert.Equal(t, true, a["passed"])

	b := p.ok(admin, "POST", "/api/assessments", map[string]any{"learner": "cy", "certification": "ciq-certified-user",
		"scores": map[string]any{"written": 100, "practical": 100, "caseStudy": 70}})
	assert.Equal(t, false, b["passed"], "each component needs 80")

	// Advanced Practitioner needs a valid Certified User credential first.
	c := p.ok(admin, "POST", "/api/assessments", map[string]any{"learner": "cy", "certification": "ciq-advanced-practitioner",
		"scores": map[string]any{"written": 90, "simulation": 90, "coaching": 90, "project": 90}})
	assert.Equal(t, false, c["prerequisitesMet"])
	p.ok(admin, "PUT", "/api/credentials/cy--ciq-certified-user", map[string]any{"learner": "cy", "certification": "ciq-certified-user",
		"issuedAt": "2026-11-24T09:00:00Z", "status": "active", "via": "assessment"})
	c = p.ok(admin, "PUT", "/api/assessments/"+c["id"].(string), map[string]any{"learner": "cy", "certification": "ciq-advanced-practitioner",
		"scores": map[string]any{"written": 90, "simulation": 90, "coaching": 90, "project": 90}})
	assert.Equal(t, true, c["passed"])

	// Foundation is valid 12 months; a year and a day later it has lapsed.
	cred := p.ok(admin, "GET", "/api/credentials/cy--ciq-certified-user", nil)
	assert.Equal(t, "2027-11-24T09:00:00.000Z", cred["expiresAt"])
	p.clock.Add(366 * 24 * time.Hour)
	cred = p.ok(admin, "GET", "/api/credentials/cy--ciq-certified-user", nil)
	assert.Equal(t, "lapsed", cred["state"])
}

// BenchmarkLoadPack loads the whole pack into a fresh store: what the first
// start of serve --load examples/certification does.
func BenchmarkLoadPack(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		st, err := bolt.Open(filepath.Join(b.TempDir(), "program.db"), bolt.Options{})
		require.NoError(b, err)
		svc, err := documents.New(ctx, st, documents.Options{System: automations.SystemCollections(automations.Egress{})})
		require.NoError(b, err)
		b.StartTimer()
		_, err = pack.Load(ctx, svc, os.DirFS("."))
		require.NoError(b, err)
		b.StopTimer()
		st.Close()
		b.StartTimer()
	}
}
