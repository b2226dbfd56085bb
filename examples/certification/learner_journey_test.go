package certification_test

import (
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
)

// messages lists the messages key may read (a learner: their own),
// optionally of one template.
func (p *program) messages(key, template string) []map[string]any {
	p.t.Helper()
	path := "/api/_messages?limit=200"
	if template != "" {
		path += "&filter=" + url.QueryEscape(`template == "`+template+`"`)
	}
	var out []map[string]any
	for _, it := range p.ok(key, "GET", path, nil)["items"].([]any) {
		out = append(out, it.(map[string]any))
	}
	return out
}

// at moves the program's clock to t and runs the automations.
func (p *program) at(t time.Time) {
	p.t.Helper()
	now := p.clock.Now()
	require.False(p.t, t.Before(now), "the clock only moves forward")
	p.clock.Add(t.Sub(now))
	p.work()
}

// TestLearnerJourney drives one learner through a whole program over
// HTTP: enrolment, an exam, the credential, CE activities under review,
// reminders as the dates pass, maintenance missed, suspension,
// reinstatement and the public directory; then a partner's awards.
func TestLearnerJourney(t *testing.T) {
	p := newProgram(t)
	t0 := p.clock.Now()
	admin := p.key(documents.RoleAdmin, "")
	editor := p.key(documents.RoleEditor, "")
	// Lin signs up herself; an admin makes her account act for the
	// learner profile "lin".
	lin := p.join("lin@example.org", "lin's own passphrase")
	assert.NotEqual(t, "lin", lin.subject, "a signed-up account acts for an id of its own")
	lin.actAs(admin, "lin")
	max := p.key("learner", "max")

	// Enrolment: a profile, then an application with its deadline; the
	// welcome is in her message log.
	p.ok(lin.key(), "PUT", "/api/learners/lin", map[string]any{"name": "Lin", "email": "lin@example.org",
		"headline": "Automation lead", "directoryOptIn": true})
	p.ok(max, "PUT", "/api/learners/max", map[string]any{"name": "Max", "email": "max@example.org"})
	deadline := t0.Add(100 * 24 * time.Hour)
	app := p.ok(lin.key(), "POST", "/api/applications", map[string]any{"certification": "syn-automation-fundamentals",
		"deadline": deadline.Format(time.RFC3339)})
	assert.Equal(t, "lin", app["learner"])
	assert.Equal(t, "started", app["status"])
	status, _ := p.call(max, "GET", "/api/applications/"+app["id"].(string), nil)
	assert.Equal(t, http.StatusNotFound, status, "another learner's application does not exist for him")
	p.work()
	welcome := p.messages(lin.key(), "application-welcome")
	require.Len(t, welcome, 1)
	assert.Equal(t, "lin@example.org", welcome[0]["to"])
	assert.Empty(t, p.messages(max, "application-welcome"), "nobody reads another's messages")

	// The exam: questions drawn on the server, no answer key; a late
	// submission refused, an on-time one scored.
	att := p.ok(lin.key(), "POST", "/api/attempts", map[string]any{"exam": "automation-fundamentals"})
	drawn := ids(att["questions"])
	require.Len(t, drawn, 5)
	expanded := p.ok(lin.key(), "GET", "/api/attempts/"+att["id"].(string)+"?expand=questions", nil)
	for _, q := range expanded["questions"].([]any) {
		q := q.(map[string]any)
		assert.NotContains(t, q, "keywords")
		options, _ := q["options"].([]any)
		for _, o := range options {
			assert.NotContains(t, o, "correct")
		}
	}
	// A learner reads the questions drawn for her, no other.
	var other string
	for _, q := range p.ok(admin, "GET", "/api/questions?limit=200", nil)["items"].([]any) {
		if id := q.(map[string]any)["id"].(string); !slices.Contains(drawn, id) {
			other = id
		}
	}
	status, _ = p.call(lin.key(), "GET", "/api/questions/"+other, nil)
	assert.Equal(t, http.StatusNotFound, status, "a question not drawn for her")
	assert.NotEmpty(t, p.ok(lin.key(), "GET", "/api/questions/"+drawn[0], nil)["text"])
	p.clock.Add(21 * time.Minute)
	status, body := p.call(lin.key(), "PATCH", "/api/attempts/"+att["id"].(string), map[string]any{"answers": []any{}})
	assert.Equal(t, http.StatusUnprocessableEntity, status, "%v", body)
	fresh := p.ok(lin.key(), "POST", "/api/attempts", map[string]any{"exam": "automation-fundamentals"})
	var answers []any
	for _, qid := range ids(fresh["questions"]) {
		answers = append(answers, p.answerKey(admin, qid))
	}
	scored := p.ok(lin.key(), "PATCH", "/api/attempts/"+fresh["id"].(string), map[string]any{"answers": answers, "passed": true, "score": 999})
	assert.Equal(t, true, scored["passed"])
	assert.EqualValues(t, scored["maxScore"], scored["score"], "the server scores")

	// The credential, with the level's validity (Fundamentals: 24 months).
	p.work()
	cred := p.ok(lin.key(), "GET", "/api/credentials/lin--syn-automation-fundamentals", nil)
	assert.Equal(t, "active", cred["state"])
	issued, err := time.Parse(time.RFC3339, cred["issuedAt"].(string))
	require.NoError(t, err)
	assert.Equal(t, issued.AddDate(0, 24, 0).Format("2006-01-02T15:04:05.000Z"), cred["expiresAt"])
	require.Len(t, p.messages(lin.key(), "certified"), 1)

	// CE activities: one returned for more information, then approved.
	talk := p.ok(lin.key(), "POST", "/api/activities", map[string]any{"title": "Meetup talk", "source": "community", "contributions": 1, "status": "submitted"})
	course := p.ok(lin.key(), "POST", "/api/activities", map[string]any{"title": "Journeys course", "source": "training", "hours": 4, "status": "submitted"})
	assert.EqualValues(t, 5, talk["ceus"])
	assert.EqualValues(t, 4, course["ceus"])
	status, _ = p.call(lin.key(), "PATCH", "/api/activities/"+course["id"].(string), map[string]any{"status": "approved"})
	assert.Equal(t, http.StatusForbidden, status, "a learner does not approve her own activity")
	status, _ = p.call(editor, "PATCH", "/api/activities/"+course["id"].(string), map[string]any{"status": "returned"})
	assert.Equal(t, http.StatusUnprocessableEntity, status, "a return says what is missing")
	p.ok(editor, "PATCH", "/api/activities/"+course["id"].(string), map[string]any{"status": "returned", "reviewNote": "Attach the certificate"})
	p.work()
	reviewed := p.messages(lin.key(), "activity-reviewed")
	require.Len(t, reviewed, 1)
	assert.Contains(t, reviewed[0]["text"], "Attach the certificate")
	p.ok(lin.key(), "PATCH", "/api/activities/"+course["id"].(string), map[string]any{"status": "submitted", "evidence": "https://example.org/certificate.pdf"})
	p.ok(editor, "PATCH", "/api/activities/"+course["id"].(string), map[string]any{"status": "approved"})
	p.ok(editor, "PATCH", "/api/activities/"+talk["id"].(string), map[string]any{"status": "approved"})
	p.work()
	assert.Len(t, p.messages(lin.key(), "activity-reviewed"), 3)

	// 3D Systems: both courses of a path complete the certification,
	// pending an admin's confirmation; the admins are told.
	for _, c := range []string{"3d-printer-basics", "3d-printer-operation"} {
		p.ok(admin, "POST", "/api/completions", map[string]any{"learner": "lin", "course": c, "completedAt": t0.Format(time.RFC3339)})
	}
	p.work()
	printer := p.ok(lin.key(), "GET", "/api/credentials/lin--3d-certified-printer", nil)
	assert.Equal(t, "pending", printer["state"])
	assert.Equal(t, "courses", printer["via"])
	toAdmins := p.messages(admin, "admin-new-certification")
	require.Len(t, toAdmins, 1)
	assert.Equal(t, "certification-admins@example.org", toAdmins[0]["to"])
	p.ok(admin, "PATCH", "/api/credentials/lin--3d-certified-printer", map[string]any{"status": "active"})
	p.work()
	maint := p.ok(lin.key(), "GET", "/api/maintenance/lin--3d-certified-printer--3d-maintenance-2026", nil)
	assert.Equal(t, "enrolled", maint["status"])
	assert.Equal(t, "2027-01-01T00:00:00.000Z", maint["deadline"], "the day after the course closes")
	enrolled := p.messages(lin.key(), "maintenance-enrolled")
	require.Len(t, enrolled, 1)
	assert.Contains(t, enrolled[0]["subject"], "1 January 2027")

	// Reminders as the application's deadline comes: 90, 60 and 30 days
	// before, an inactivity prompt on the way; none once it is submitted.
	reminders := func() int { return len(p.messages(lin.key(), "deadline-reminder")) }
	p.at(deadline.Add(-90*24*time.Hour + time.Hour))
	assert.Equal(t, 1, reminders())
	assert.NotEmpty(t, p.messages(lin.key(), "maintenance-pending"), "the digest of pending maintenance")
	p.at(deadline.Add(-60*24*time.Hour + time.Hour))
	assert.Equal(t, 2, reminders())
	assert.Len(t, p.messages(lin.key(), "inactivity-prompt"), 1, "started 40 days ago and untouched")

	// Maintenance was due on 1 January (two days ago): missed, the
	// credential lapsed.
	assert.Equal(t, "missed", p.ok(admin, "GET", "/api/maintenance/lin--3d-certified-printer--3d-maintenance-2026", nil)["status"])
	printer = p.ok(lin.key(), "GET", "/api/credentials/lin--3d-certified-printer", nil)
	assert.Equal(t, "lapsed", printer["state"])
	history := printer["history"].([]any)
	assert.Equal(t, map[string]any{"from": "active", "to": "lapsed", "at": "2027-01-03T10:00:00.000Z",
		"by": "automation:lapse-missed-maintenance", "note": "maintenance course 3d-maintenance-2026 not completed by its deadline"}, history[len(history)-1])
	status, _ = p.call(lin.key(), "PATCH", "/api/credentials/lin--3d-certified-printer", map[string]any{"status": "active"})
	assert.Equal(t, http.StatusForbidden, status, "a learner does not reinstate herself")

	p.at(deadline.Add(-30*24*time.Hour + time.Hour))
	assert.Equal(t, 3, reminders())
	past := p.messages(lin.key(), "deadline-reminder")
	assert.Contains(t, past[0]["subject"].(string)+past[1]["subject"].(string)+past[2]["subject"].(string), "30 days left")

	// An admin reinstates the credential; it is not enrolled again.
	p.ok(admin, "PATCH", "/api/credentials/lin--3d-certified-printer", map[string]any{"status": "active",
		"note": "maintenance done late, fee paid"})
	p.work()
	assert.Equal(t, "active", p.ok(lin.key(), "GET", "/api/credentials/lin--3d-certified-printer", nil)["state"])
	assert.Len(t, p.messages(lin.key(), "maintenance-enrolled"), 1)

	// Submitted: a confirmation, and the reminders stop.
	p.ok(lin.key(), "PATCH", "/api/applications/"+app["id"].(string), map[string]any{"status": "submitted"})
	p.at(deadline.Add(-24*time.Hour + time.Hour))
	p.at(deadline.Add(25 * time.Hour))
	assert.Equal(t, 3, reminders())
	assert.Len(t, p.messages(lin.key(), "application-submitted"), 1)

	// The public directory lists her, with nothing private.
	entry := p.ok("", "GET", "/api/directory/lin", nil)
	assert.Equal(t, "Lin", entry["name"])
	assert.Equal(t, "Automation lead", entry["headline"])
	assert.ElementsMatch(t, []any{"syn-automation-fundamentals", "3d-certified-printer"}, entry["certifications"])
	for _, private := range []string{"email", "segment", "experienceSince", "account"} {
		assert.NotContains(t, entry, private)
	}
	status, _ = p.call("", "GET", "/api/learners/lin", nil)
	assert.Equal(t, http.StatusNotFound, status)
	status, _ = p.call("", "GET", "/api/directory/max", nil)
	assert.Equal(t, http.StatusNotFound, status, "not certified, not opted in: not listed")

	// A program announcement, once published, goes to every certificant.
	p.ok(editor, "PUT", "/api/pages/announcement", map[string]any{"title": "New exam rules", "intro": "from March, exams are proctored."})
	p.work()
	assert.Empty(t, p.messages(admin, "announcement"), "a draft is not announced")
	p.ok(editor, "POST", "/api/pages/announcement/publish", nil)
	p.work()
	news := p.messages(admin, "announcement")
	require.Len(t, news, 1, "lin holds credentials; max none")
	assert.Equal(t, "lin", news[0]["recipient"])
	assert.Equal(t, "New exam rules", news[0]["subject"])

	// Her message log: everything sent to her, and only that.
	log := p.messages(lin.key(), "")
	assert.GreaterOrEqual(t, len(log), 12)
	for _, m := range log {
		assert.Equal(t, "lin", m["recipient"])
		assert.Contains(t, []any{"sent", "delivered"}, m["status"], "%v", m)
	}
	for _, m := range p.messages(max, "") {
		assert.Equal(t, "max", m["recipient"])
	}

	// Her credential is a signed Open Badge anyone verifies: as JSON, as a
	// JWT, on its page; then revoked, it fails verification, and says why.
	status, vc := p.raw("", "GET", "/credentials/lin--syn-automation-fundamentals", "application/json", "")
	require.Equal(t, http.StatusOK, status, vc)
	assert.Contains(t, vc, `"OpenBadgeCredential"`)
	assert.Contains(t, vc, `"eddsa-jcs-2022"`)
	assert.NotContains(t, vc, "lin@example.org", "the e-mail is hashed")
	_, jwt := p.raw("", "GET", "/credentials/lin--syn-automation-fundamentals", "application/vc+jwt", "")
	assert.Equal(t, 2, strings.Count(jwt, "."), "a compact JWS")
	for _, form := range []string{vc, jwt} {
		status, res := p.raw("", "POST", "/api/_verify", "", form)
		require.Equal(t, http.StatusOK, status, res)
		assert.Contains(t, res, `"valid":true`)
	}
	_, page := p.raw("", "GET", "/credentials/lin--syn-automation-fundamentals", "text/html", "")
	assert.Contains(t, page, "Valid credential")
	assert.Contains(t, page, "Synerise Automation Fundamentals")
	assert.NotContains(t, page, "<script")

	p.ok(admin, "PATCH", "/api/credentials/lin--syn-automation-fundamentals", map[string]any{"status": "revoked", "note": "exam misconduct found on review"})
	p.work()
	for _, form := range []string{vc, jwt} {
		_, res := p.raw("", "POST", "/api/_verify", "", form)
		assert.Contains(t, res, `"valid":false`)
		assert.Contains(t, res, "revoked by the issuer")
	}
	_, page = p.raw("", "GET", "/credentials/lin--syn-automation-fundamentals", "text/html", "")
	assert.Contains(t, page, "This credential is not valid")
	assert.Contains(t, page, "revoked by the issuer")
}

// raw makes a request with a text body and an Accept header, and returns
// the status and the body as text.
func (p *program) raw(key, method, path, accept, body string) (int, string) {
	p.t.Helper()
	req, err := http.NewRequest(method, p.srv.URL+path, strings.NewReader(body))
	require.NoError(p.t, err)
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(p.t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(p.t, err)
	return res.StatusCode, string(b)
}

// TestPartnerAwards: a partner's certification awarded when the required
// courses are complete, with its expiry; a manual award with its dates;
// an organization's certification with a start and an end; drafts of
// certifications hidden until published.
func TestPartnerAwards(t *testing.T) {
	p := newProgram(t)
	t0 := p.clock.Now()
	admin := p.key(documents.RoleAdmin, "")
	pat := p.key("learner", "pat")
	p.ok(pat, "PUT", "/api/learners/pat", map[string]any{"name": "Pat", "email": "pat@acme.example.com"})
	p.ok(admin, "PATCH", "/api/learners/pat", map[string]any{"organization": "acme-partners", "segment": "partner"})

	p.ok(admin, "POST", "/api/completions", map[string]any{"learner": "pat", "course": "partner-onboarding", "completedAt": t0.Format(time.RFC3339)})
	p.work()
	status, _ := p.call(pat, "GET", "/api/credentials/pat--partner-certified-seller", nil)
	assert.Equal(t, http.StatusNotFound, status, "one course of two: not yet")
	p.ok(admin, "POST", "/api/completions", map[string]any{"learner": "pat", "course": "partner-selling", "completedAt": t0.Format(time.RFC3339)})
	p.work()
	seller := p.ok(pat, "GET", "/api/credentials/pat--partner-certified-seller", nil)
	assert.Equal(t, "active", seller["state"], "no confirmation asked")
	assert.Equal(t, "2028-11-24T09:00:00.000Z", seller["expiresAt"], "the certification's own 24 months")

	// A manual award with its completion and expiry dates.
	manual := p.ok(admin, "PUT", "/api/credentials/pat--3d-certified-printer", map[string]any{"learner": "pat",
		"certification": "3d-certified-printer", "via": "manual", "status": "active",
		"issuedAt": "2026-03-01T00:00:00Z", "expiresAt": "2027-03-01T00:00:00.000Z"})
	assert.Equal(t, "2027-03-01T00:00:00.000Z", manual["expiresAt"])
	assert.Equal(t, "active", manual["state"])

	// The organization's certification holds between its dates.
	org := p.ok(pat, "GET", "/api/org_credentials/acme-gold-2026?expand=certification", nil)
	assert.Equal(t, true, org["current"])
	assert.Equal(t, "Gold Partner Organization", org["certification"].(map[string]any)["title"])

	// A certification in draft is the admins' until it is published.
	p.ok(admin, "PUT", "/api/certifications/partner-elite-seller", map[string]any{"program": "partners", "kind": "user",
		"title": "Elite Seller", "courses": []string{"partner-selling"}})
	status, _ = p.call(pat, "GET", "/api/certifications/partner-elite-seller", nil)
	assert.Equal(t, http.StatusNotFound, status)
	p.ok(admin, "POST", "/api/certifications/partner-elite-seller/publish", nil)
	assert.Equal(t, "Elite Seller", p.ok(pat, "GET", "/api/certifications/partner-elite-seller", nil)["title"])

	p.clock.Add(400 * 24 * time.Hour)
	assert.Equal(t, false, p.ok(pat, "GET", "/api/org_credentials/acme-gold-2026", nil)["current"])
	assert.Equal(t, "lapsed", p.ok(pat, "GET", "/api/credentials/pat--3d-certified-printer", nil)["state"])
	assert.True(t, strings.HasPrefix(p.ok(pat, "GET", "/api/credentials/pat--partner-certified-seller", nil)["state"].(string), "active"))
}
