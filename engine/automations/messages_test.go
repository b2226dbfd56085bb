package automations_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine/automations"
)

const learnersSchema = `{"type": "object", "properties": {
  "email": {"type": "string", "format": "email"}, "name": {"type": "string"},
  "active": {"type": "boolean"}, "level": {"type": "string", "x-ref": "levels"}}}`

const levelsSchema = `{"type": "object", "properties": {"title": {"type": "string"}}}`

func (e *env) learners() {
	e.put("_schemas", "levels", levelsSchema)
	e.put("_schemas", "learners", learnersSchema)
	e.put("levels", "pro", `{"title": "Professional"}`)
	e.put("learners", "ada", `{"email": "ada@example.org", "name": "Ada", "active": true, "level": "pro"}`)
	e.put("learners", "bob", `{"email": "bob@example.org", "name": "Bob", "active": true, "level": "pro"}`)
	e.put("learners", "cy", `{"email": "cy@example.org", "name": "Cy", "active": true, "level": "pro"}`)
	e.put("learners", "dee", `{"email": "dee@example.org", "name": "Dee", "active": false, "level": "pro"}`)
}

// messages returns the _messages documents, in id order.
func (e *env) messages(filter string) []map[string]any { return e.list("_messages", filter) }

func TestReminderOffsetsFireOnceEachAtTheirDates(t *testing.T) {
	e := newEnv(t)
	e.learners()
	e.put("_schemas", "certifications", certificationsSchema)
	e.put("_templates", "renewal", `{
	  "subject": "{{if ge .offset 0}}Your certification expires in {{.offset}} days{{else}}Your certification has lapsed{{end}}",
	  "text": "Dear {{.recipient.name}}, renew {{.doc.course}} before {{date \"2 January 2006\" .doc.expiresAt}}."}`)
	e.put("_automations", "renewal-reminders", `{
	  "on": {"collection": "certifications", "every": "1h", "where": "doc.status == \"active\"",
	         "date": "expiresAt", "offsets": [90, 60, 30, 7, 1, -7]},
	  "do": [{"message": {"template": "renewal",
	          "to": "let l = get(\"learners\", doc.learner); {email: l.email, name: l.name, subject: l.id}"}}]}`)
	start := e.clock.Now()
	expires := start.AddDate(0, 0, 100)
	e.put("certifications", "c1", `{"learner": "ada", "course": "Printing", "status": "active",
	  "expiresAt": "`+expires.Format(time.RFC3339)+`"}`)
	e.put("certifications", "c2", `{"learner": "bob", "course": "Printing", "status": "suspended",
	  "expiresAt": "`+expires.Format(time.RFC3339)+`"}`)

	// 120 days, a pass every six hours.
	sentOn := map[int]string{}
	for step := 0; step <= 120*4; step++ {
		e.runOnce()
		for _, m := range e.smtp.messages()[len(sentOn):] {
			day := int(e.clock.Now().Sub(start).Hours() / 24)
			sentOn[day] = m.subject()
			assert.Equal(t, "ada@example.org", m.To)
		}
		e.clock.Advance(6 * time.Hour)
	}
	assert.Equal(t, map[int]string{
		10:  "Your certification expires in 90 days",
		40:  "Your certification expires in 60 days",
		70:  "Your certification expires in 30 days",
		93:  "Your certification expires in 7 days",
		99:  "Your certification expires in 1 days",
		107: "Your certification has lapsed",
	}, sentOn)
	mail := e.smtp.messages()
	require.Len(t, mail, 6)
	assert.Contains(t, mail[0].Text, "Dear Ada, renew Printing before 4 March 2027.")

	msgs := e.messages(`recipient == "ada"`)
	assert.Len(t, msgs, 6, "the recipient's subject is recorded, so they can read their messages")

	// Renewal moves the date: the reminders of the new date fire in turn.
	e.patch("certifications", "c1", `{"expiresAt": "`+e.clock.Now().AddDate(0, 0, 30).Format(time.RFC3339)+`"}`)
	e.runOnce()
	require.Len(t, e.smtp.messages(), 7)
	assert.Equal(t, "Your certification expires in 30 days", e.smtp.messages()[6].subject())
}

func TestInactivityPromptFiresOncePerRevision(t *testing.T) {
	e := newEnv(t)
	e.learners()
	e.put("_schemas", "applications", `{"type": "object", "properties": {"learner": {"type": "string"}, "status": {"type": "string"}}}`)
	e.put("_templates", "nudge", `{"subject": "You started an application", "text": "Finish it, {{.recipient.name}}."}`)
	e.put("_automations", "nudge", `{
	  "on": {"collection": "applications", "every": "1d", "where": "doc.status == \"started\" && daysSince(doc._updatedAt) >= 14"},
	  "do": [{"message": {"template": "nudge", "channel": "log", "to": "{email: get(\"learners\", doc.learner).email, name: \"Ada\", subject: doc.learner}"}}]}`)
	e.put("applications", "a1", `{"learner": "ada", "status": "started"}`)
	for range 40 {
		e.runOnce()
		e.clock.Advance(24 * time.Hour)
	}
	msgs := e.messages(`channel == "log"`)
	require.Len(t, msgs, 1, "once for the revision, however many ticks")
	assert.Equal(t, "delivered", msgs[0]["status"])

	e.patch("applications", "a1", `{"status": "started"}`) // activity: a new revision
	for range 20 {
		e.runOnce()
		e.clock.Advance(24 * time.Hour)
	}
	assert.Len(t, e.messages(`channel == "log"`), 2)
}

// receiver is a webhook endpoint that fails a number of times first and
// verifies signatures.
type receiver struct {
	t      *testing.T
	secret string
	clock  *clock
	mu     sync.Mutex
	fail   int
	calls  int
	got    []string // bodies accepted
	ids    []string // delivery ids of every call
	badSig int
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.calls++
	rc.ids = append(rc.ids, r.Header.Get(automations.DeliveryHeader))
	if err := automations.Verify(rc.secret, r.Header.Get(automations.SignatureHeader), body, rc.clock.Now(), 5*time.Minute); err != nil {
		rc.badSig++
		http.Error(w, err.Error(), http.StatusUnauthorized)
		return
	}
	if rc.fail > 0 {
		rc.fail--
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	rc.got = append(rc.got, string(body))
}

func TestWebhookIsRetriedWithBackoffThenDeliveredOnceSigned(t *testing.T) {
	e := newEnv(t)
	e.put("_schemas", "certifications", certificationsSchema)
	rc := &receiver{t: t, secret: "s3cret-s3cret-s3cret", clock: e.clock, fail: 2}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	e.put("_webhooks", "crm", `{"url": "`+srv.URL+`/hook", "secret": "s3cret-s3cret-s3cret"}`)
	e.put("_automations", "sync-crm", `{
	  "on": {"collection": "certifications", "events": ["created"]},
	  "do": [{"webhook": {"endpoint": "crm", "payload": "{learner: doc.learner, status: doc.status, issuedAt: doc.issuedAt}"}}]}`)
	e.put("certifications", "c1", `{"learner": "ada", "status": "active", "issuedAt": "2026-11-24T09:00:00Z"}`)

	e.runOnce()
	require.Equal(t, 1, rc.calls)
	msgs := e.messages(`channel == "webhook"`)
	require.Len(t, msgs, 1)
	assert.Equal(t, "queued", msgs[0]["status"])
	assert.EqualValues(t, 1, msgs[0]["attempts"])
	assert.Contains(t, msgs[0]["error"], "503")

	e.runOnce()
	assert.Equal(t, 1, rc.calls, "not before the backoff")

	for range 2 {
		e.clock.Advance(15 * time.Minute)
		e.runOnce()
	}
	assert.Equal(t, 3, rc.calls)
	assert.Zero(t, rc.badSig, "every signature verifies")
	require.Len(t, rc.got, 1, "delivered once")
	assert.JSONEq(t, `{"learner": "ada", "status": "active", "issuedAt": "2026-11-24T09:00:00.000Z"}`, rc.got[0])
	assert.Equal(t, []string{rc.ids[0], rc.ids[0], rc.ids[0]}, rc.ids, "one delivery id across attempts")

	m := e.messages(`channel == "webhook"`)[0]
	assert.Equal(t, "delivered", m["status"])
	assert.EqualValues(t, 3, m["attempts"])
	assert.Len(t, m["log"], 3, "every attempt logged")

	e.clock.Advance(time.Hour)
	e.runOnce()
	assert.Equal(t, 3, rc.calls, "nothing more")
}

func TestWebhookSubscribedToEvents(t *testing.T) {
	e := newEnv(t)
	e.put("_schemas", "certifications", certificationsSchema)
	rc := &receiver{t: t, secret: "s3cret-s3cret-s3cret", clock: e.clock}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	e.put("_webhooks", "badges", `{"url": "`+srv.URL+`", "secret": "s3cret-s3cret-s3cret", "events": ["certifications.*"]}`)
	e.put("certifications", "c1", `{"learner": "ada", "status": "active"}`)
	e.patch("certifications", "c1", `{"status": "suspended"}`)
	e.runOnce()
	require.Len(t, rc.got, 2)
	var first, second map[string]any
	require.NoError(t, json.Unmarshal([]byte(rc.got[0]), &first))
	require.NoError(t, json.Unmarshal([]byte(rc.got[1]), &second))
	assert.Equal(t, "certifications.created", first["event"])
	assert.Equal(t, "certifications.updated", second["event"])
	assert.Equal(t, "suspended", second["doc"].(map[string]any)["status"])
	assert.Equal(t, "active", second["old"].(map[string]any)["status"])
}

func TestEmailArrivesRenderedAndTracksOpens(t *testing.T) {
	e := newEnv(t)
	e.learners()
	e.put("_templates", "welcome", `{
	  "subject": "Welcome to the {{.doc.level.title}} level, {{.doc.name}}",
	  "text": "Hello {{.doc.name}}, you are enrolled at {{.doc.level.title}}.",
	  "html": "<p>Hello <b>{{.doc.name}}</b> &amp; welcome to {{.doc.level.title}}</p>"}`)
	e.put("_automations", "welcome", `{
	  "on": {"collection": "learners", "events": ["created"]},
	  "do": [{"message": {"template": "welcome", "to": "{email: doc.email, name: doc.name, subject: doc.id}", "expand": ["level"]}}]}`)
	e.put("learners", "eve", `{"email": "eve@example.org", "name": "Eve <3", "level": "pro"}`)
	e.runOnce()

	mail := e.smtp.messages()
	require.Len(t, mail, 1)
	m := mail[0]
	assert.Equal(t, "eve@example.org", m.To)
	assert.Equal(t, "certs@example.org", m.From)
	assert.Equal(t, "Welcome to the Professional level, Eve <3", m.subject())
	assert.Equal(t, "Hello Eve <3, you are enrolled at Professional.", strings.TrimSpace(m.Text))
	assert.Contains(t, m.HTML, "<p>Hello <b>Eve &lt;3</b> &amp; welcome to Professional</p>", "html/template escapes")

	msgs := e.messages("")
	require.Len(t, msgs, 1)
	assert.Equal(t, "sent", msgs[0]["status"])
	assert.Equal(t, "eve", msgs[0]["recipient"])

	// The pixel: a forged token changes nothing, the real one marks it opened.
	pixel := regexp.MustCompile(`https://cert\.example\.org(/track/[^"]+)"`).FindStringSubmatch(m.HTML)
	require.Len(t, pixel, 2, m.HTML)
	router := chi.NewRouter()
	e.runner(nil).Routes(router)
	forged := strings.Replace(pixel[1], ".", ".x", 1)
	for _, path := range []string{forged, pixel[1]} {
		rec := httptest.NewRecorder()
		router.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		assert.Equal(t, http.StatusOK, rec.Code)
		assert.Equal(t, "image/gif", rec.Header().Get("Content-Type"))
		if path == forged {
			assert.Equal(t, "sent", e.messages("")[0]["status"])
		}
	}
	opened := e.messages("")[0]
	assert.Equal(t, "opened", opened["status"])
	assert.NotEmpty(t, opened["openedAt"])
}

func TestDigestMergesMessagesToOneRecipient(t *testing.T) {
	e := newEnv(t)
	e.learners()
	e.put("_schemas", "activities", `{"type": "object", "properties": {"learner": {"type": "string"}, "title": {"type": "string"}}}`)
	e.put("_templates", "approved", `{"subject": "Activity approved: {{.doc.title}}", "text": "{{.doc.title}} counts toward your renewal.",
	  "digestSubject": "{{.count}} activities approved"}`)
	e.put("_automations", "approved", `{
	  "on": {"collection": "activities", "events": ["created"]},
	  "do": [{"message": {"template": "approved", "digest": "24h",
	          "to": "let l = get(\"learners\", doc.learner); {email: l.email, name: l.name, subject: l.id}"}}]}`)
	e.put("activities", "a1", `{"learner": "ada", "title": "Webinar"}`)
	e.put("activities", "a2", `{"learner": "ada", "title": "Workshop"}`)
	e.put("activities", "a3", `{"learner": "bob", "title": "Course"}`)
	e.clock.Advance(2 * time.Hour)
	e.put("activities", "a4", `{"learner": "ada", "title": "Conference"}`)
	e.runOnce()
	assert.Empty(t, e.smtp.messages(), "held until the window closes")

	e.clock.Advance(24 * time.Hour)
	e.runOnce()
	mail := e.smtp.messages()
	require.Len(t, mail, 2)
	byTo := map[string]received{}
	for _, m := range mail {
		byTo[m.To] = m
	}
	ada := byTo["ada@example.org"]
	assert.Equal(t, "3 activities approved", ada.subject())
	for _, title := range []string{"Webinar", "Workshop", "Conference"} {
		assert.Contains(t, ada.Text, title+" counts toward your renewal.")
	}
	assert.Equal(t, "Activity approved: Course", byTo["bob@example.org"].subject(), "a digest of one is the message")

	msgs := e.messages(`recipient == "ada"`)
	require.Len(t, msgs, 3)
	merged := 0
	for _, m := range msgs {
		assert.Equal(t, "sent", m["status"])
		if m["mergedInto"] != nil {
			merged++
		}
	}
	assert.Equal(t, 2, merged)
}

func TestBroadcastReachesEverySelectedRecipientOnce(t *testing.T) {
	e := newEnv(t)
	e.cfg.LeaseTTL = 300 * time.Millisecond
	e.learners()
	e.put("_schemas", "announcements", `{"type": "object", "properties": {"title": {"type": "string"}}}`)
	e.put("_templates", "announce", `{"subject": "{{.trigger.title}}", "text": "Dear {{.doc.name}}: {{.trigger.title}}."}`)
	e.put("_automations", "announce", `{
	  "on": {"collection": "announcements", "events": ["created"]},
	  "do": [{"message": {"template": "announce", "to": "{email: doc.email, name: doc.name, subject: doc.id}",
	          "broadcast": {"collection": "learners", "where": "doc.active"}}}]}`)
	e.put("announcements", "n1", `{"title": "Eligibility requirements change in 2027"}`)
	e.runOnce()
	e.runOnce()
	mail := e.smtp.messages()
	require.Len(t, mail, 3)
	var to []string
	for _, m := range mail {
		to = append(to, m.To)
		assert.Equal(t, "Eligibility requirements change in 2027", m.subject())
	}
	assert.ElementsMatch(t, []string{"ada@example.org", "bob@example.org", "cy@example.org"}, to)
	assert.Contains(t, mail[0].Text, "Eligibility requirements change in 2027.")
}

func TestOperatorRetriesAFailedMessage(t *testing.T) {
	e := newEnv(t)
	e.cfg.MaxAttempts = 2
	e.learners()
	e.put("_templates", "welcome", `{"subject": "Welcome", "text": "Hello"}`)
	e.put("_automations", "welcome", `{"on": {"collection": "learners", "events": ["created"]},
	  "do": [{"message": {"template": "welcome", "to": "doc.email"}}]}`)
	e.smtp.mu.Lock()
	e.smtp.refuse = 2
	e.smtp.mu.Unlock()
	e.put("learners", "eve", `{"email": "eve@example.org", "name": "Eve"}`)
	e.runOnce()
	e.clock.Advance(time.Hour)
	e.runOnce()
	failed := e.messages(`status == "failed"`)
	require.Len(t, failed, 1)
	assert.Contains(t, failed[0]["error"], "try again later")
	assert.EqualValues(t, 2, failed[0]["attempts"])

	router := chi.NewRouter()
	router.Use(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			role := r.Header.Get("X-Test-Role")
			next.ServeHTTP(w, r.WithContext(documents.WithAuth(r.Context(), documents.Auth{KeyID: "k", Role: role})))
		})
	})
	e.runner(nil).Routes(router)
	retry := func(role, id string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, "/api/_messages/"+id+"/retry", nil)
		req.Header.Set("X-Test-Role", role)
		rec := httptest.NewRecorder()
		router.ServeHTTP(rec, req)
		return rec
	}
	id := failed[0]["id"].(string)
	assert.Equal(t, http.StatusForbidden, retry("editor", id).Code)
	assert.Equal(t, http.StatusNotFound, retry("admin", "nope").Code)
	rec := retry("admin", id)
	require.Equal(t, http.StatusAccepted, rec.Code, rec.Body.String())
	assert.Contains(t, rec.Body.String(), `"status":"queued"`)

	e.runOnce()
	require.Len(t, e.smtp.messages(), 1)
	assert.Equal(t, "sent", e.get("_messages", id)["status"])
	assert.Equal(t, http.StatusConflict, retry("admin", id).Code, "a sent message is not sent again")
}

func TestRecipientsReadTheirOwnMessages(t *testing.T) {
	e := newEnv(t)
	e.learners()
	e.put("_templates", "hi", `{"subject": "Hi", "text": "Hi"}`)
	e.put("_automations", "hi", `{"on": {"collection": "levels", "events": ["updated"]},
	  "do": [{"message": {"template": "hi", "channel": "log", "to": "{email: doc.id, subject: doc.id}",
	          "broadcast": {"collection": "learners"}}}]}`)
	e.patch("levels", "pro", `{"title": "Pro"}`)
	e.runOnce()
	require.Len(t, e.messages(""), 4)

	ada := documents.WithAuth(e.ctx, documents.Auth{KeyID: "k-ada", Role: "learner", Subject: "ada"})
	page, err := e.svc.List(ada, "_messages", documents.ListOptions{})
	require.NoError(t, err)
	require.Len(t, page.Items, 1)
	var m map[string]any
	require.NoError(t, json.Unmarshal(page.Items[0], &m))
	assert.Equal(t, "ada", m["recipient"])
	_, err = e.svc.Get(ada, "_messages", e.messages(`recipient == "bob"`)[0]["id"].(string), documents.ReadOptions{})
	assert.Error(t, err, "another's message")
}
