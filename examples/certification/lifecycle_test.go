package certification_test

import (
	"net/http"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
)

// day is a date of the simulated clock, at the hour the program's clock
// starts (09:00 UTC).
func day(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s+" 09:00")
	if err != nil {
		panic(err)
	}
	return t
}

// credential reads a credential as an admin.
func (p *program) credential(admin, id string) map[string]any {
	p.t.Helper()
	return p.ok(admin, "GET", "/api/credentials/"+id, nil)
}

// lastChange is the latest entry of a credential's history.
func lastChange(c map[string]any) map[string]any {
	h, _ := c["history"].([]any)
	if len(h) == 0 {
		return nil
	}
	return h[len(h)-1].(map[string]any)
}

// approve records an activity of the learner and has it approved by staff.
func (p *program) approve(learner, editor string, activity map[string]any) map[string]any {
	p.t.Helper()
	activity["status"] = "submitted"
	a := p.ok(learner, "POST", "/api/activities", activity)
	return p.ok(editor, "PATCH", "/api/activities/"+a["id"].(string), map[string]any{"status": "approved"})
}

// listed says whether the public directory shows the learner, and with
// which certifications and badges.
func (p *program) listed(learner string) (bool, []any, []any) {
	p.t.Helper()
	status, entry := p.call("", "GET", "/api/directory/"+learner, nil)
	if status == http.StatusNotFound {
		return false, nil, nil
	}
	require.Equal(p.t, http.StatusOK, status)
	certs, _ := entry["certifications"].([]any)
	badges, _ := entry["badges"].([]any)
	return true, certs, badges
}

// subjects lists the subjects of the messages key reads of one template.
func (p *program) subjects(key, template string) []string {
	var out []string
	for _, m := range p.messages(key, template) {
		out = append(out, m["subject"].(string))
	}
	return out
}

// TestConversationIQLifecycle runs three years of one ConversationIQ
// learner over HTTP: the award from a weighted assessment, CEUs that count
// and CEUs that do not, a renewal by CEUs from the old expiry, a period
// missed, the lapse and its consequences (directory, badge, reminders,
// prerequisites), a reinstatement by an admin, and a second renewal.
func TestConversationIQLifecycle(t *testing.T) {
	p := newProgram(t)
	admin := p.key(documents.RoleAdmin, "")
	editor := p.key(documents.RoleEditor, "")
	cy := p.key("learner", "cy")
	p.ok(cy, "PUT", "/api/learners/cy", map[string]any{"name": "Cy", "email": "cy@example.org", "directoryOptIn": true})
	p.ok(admin, "PATCH", "/api/learners/cy", map[string]any{"experienceSince": "2024-01-01"})

	// A training approved before the award: outside any period, it never counts.
	early := p.approve(cy, editor, map[string]any{"title": "Onboarding course", "source": "training", "hours": 8})
	assert.EqualValues(t, 8, early["ceus"])
	p.at(day("2026-11-25"))

	// A weighted assessment under the passing score is no award, even
	// with every component at its minimum... (Certified User: 80 each,
	// 80 weighted: 80/80/80 passes; 79 in one component does not).
	failed := p.ok(admin, "POST", "/api/assessments", map[string]any{"learner": "cy", "certification": "ciq-certified-user",
		"scores": map[string]any{"written": 100, "practical": 79, "caseStudy": 100}})
	assert.Equal(t, false, failed["passed"])
	p.work()
	status, _ := p.call(admin, "GET", "/api/credentials/cy--ciq-certified-user", nil)
	assert.Equal(t, http.StatusNotFound, status)

	// ... a pass issues the credential by automation: 12 months, 10 CEUs to renew.
	p.ok(admin, "PUT", "/api/assessments/"+failed["id"].(string), map[string]any{"learner": "cy", "certification": "ciq-certified-user",
		"scores": map[string]any{"written": 90, "practical": 85, "caseStudy": 80}})
	p.work()
	c1 := p.credential(admin, "cy--ciq-certified-user")
	assert.Equal(t, "active", c1["status"])
	assert.Equal(t, "assessment", c1["via"])
	assert.Equal(t, "2027-11-25T09:00:00.000Z", c1["expiresAt"])
	assert.EqualValues(t, 10, c1["ceuRequired"])
	assert.EqualValues(t, 0, c1["ceuEarned"], "approved before the period: does not count")
	assert.Equal(t, "bronze", c1["badge"])
	assert.Equal(t, map[string]any{"from": "", "to": "active", "at": "2026-11-25T09:00:00.000Z", "by": "automation:award-on-assessment"}, lastChange(c1))
	assert.Equal(t, []string{"Congratulations, Cy: you are certified"}, p.subjects(cy, "certified"))
	ok, certs, badges := p.listed("cy")
	assert.True(t, ok)
	assert.Equal(t, []any{"ciq-certified-user"}, certs)
	assert.Equal(t, []any{"bronze"}, badges)
	entry := p.ok("", "GET", "/api/directory/cy", nil)
	assert.Equal(t, []any{"/credentials/cy--ciq-certified-user"}, entry["verify"], "each listed credential links to its verification")
	_, verified := p.raw("", "POST", "/api/_verify", "", p.raw2("/credentials/cy--ciq-certified-user"))
	assert.Contains(t, verified, `"valid":true`)

	// CEUs through the year: 4 hours of training count; a rejected
	// activity does not; a professional development day counts half.
	p.at(day("2027-02-01"))
	p.approve(cy, editor, map[string]any{"title": "Analytics webinar series", "source": "training", "hours": 4})
	rejected := p.ok(cy, "POST", "/api/activities", map[string]any{"title": "Reading", "source": "training", "hours": 20, "status": "submitted"})
	p.ok(editor, "PATCH", "/api/activities/"+rejected["id"].(string), map[string]any{"status": "rejected"})
	p.approve(cy, editor, map[string]any{"title": "Mentoring workshop", "source": "professional-development", "hours": 2})
	p.work()
	c1 = p.credential(admin, "cy--ciq-certified-user")
	assert.EqualValues(t, 5, c1["ceuEarned"], "4 + 2 hours at 1 per 2 hours")
	assert.Equal(t, "active", c1["status"])

	// 90 days before expiry the renewal window opens: expiring, and the
	// first reminder.
	p.at(day("2027-08-28"))
	c1 = p.credential(admin, "cy--ciq-certified-user")
	assert.Equal(t, "expiring", c1["status"])
	assert.Equal(t, "automation:renewal-window", lastChange(c1)["by"])
	assert.Equal(t, []string{"Your certification expires in 90 days"}, p.subjects(cy, "renewal-reminder"))

	// A community contribution (5 CEUs) reaches the 10: renewed at once;
	// the next period runs from the old expiry, not from today.
	p.at(day("2027-09-10"))
	p.approve(cy, editor, map[string]any{"title": "Forum guide on escalations", "source": "community", "contributions": 1})
	p.work()
	c1 = p.credential(admin, "cy--ciq-certified-user")
	assert.Equal(t, "renewed", c1["status"])
	assert.Equal(t, "cy--ciq-certified-user--2", c1["renewedBy"])
	assert.EqualValues(t, 10, c1["ceuEarned"])
	assert.Equal(t, map[string]any{"from": "expiring", "to": "renewed", "at": "2027-09-10T09:00:00.000Z",
		"by": "automation:renew-on-ceus", "note": "10 CEUs of 10 earned"}, lastChange(c1))
	c2 := p.credential(admin, "cy--ciq-certified-user--2")
	assert.Equal(t, "active", c2["status"])
	assert.Equal(t, "ceus", c2["via"])
	assert.Equal(t, "cy--ciq-certified-user", c2["previous"])
	assert.EqualValues(t, 2, c2["cycle"])
	assert.Equal(t, "2027-09-10T09:00:00.000Z", c2["issuedAt"])
	assert.Equal(t, "2028-11-25T09:00:00.000Z", c2["expiresAt"], "one validity after the old expiry")
	assert.EqualValues(t, 0, c2["ceuEarned"], "the CEUs of the period before do not count again")
	renewed := p.messages(cy, "renewed")
	require.Len(t, renewed, 1)
	assert.Contains(t, renewed[0]["text"], "until 25 November 2028")
	ok, certs, _ = p.listed("cy")
	assert.True(t, ok)
	assert.Equal(t, []any{"ciq-certified-user"}, certs)

	// The renewed credential gets no more reminders: the old expiry passes in silence.
	p.at(day("2027-09-27"))
	p.at(day("2027-10-27"))
	p.at(day("2027-11-19"))
	p.at(day("2027-11-26"))
	assert.Len(t, p.messages(cy, "renewal-reminder"), 1)
	assert.Equal(t, "renewed", p.credential(admin, "cy--ciq-certified-user")["status"])
	assert.Equal(t, "active", p.credential(admin, "cy--ciq-certified-user--2")["status"])

	// An Advanced Practitioner assessment in progress: the prerequisite holds.
	adv := p.ok(admin, "POST", "/api/assessments", map[string]any{"learner": "cy", "certification": "ciq-advanced-practitioner",
		"scores": map[string]any{"written": 90}})
	assert.Equal(t, true, adv["prerequisitesMet"])
	assert.Equal(t, false, adv["passed"], "three components still to score")

	// The second period is missed: no CEUs. The reminders come at 90,
	// 60, 30, 7 and 1 days; then the credential lapses.
	for _, d := range []string{"2028-08-28", "2028-09-27", "2028-10-27", "2028-11-19", "2028-11-24"} {
		p.at(day(d))
	}
	assert.Equal(t, []string{"Your certification expires in 1 days", "Your certification expires in 30 days",
		"Your certification expires in 60 days", "Your certification expires in 7 days",
		"Your certification expires in 90 days", "Your certification expires in 90 days"}, sorted(p.subjects(cy, "renewal-reminder")))
	assert.Equal(t, "expiring", p.credential(admin, "cy--ciq-certified-user--2")["status"])
	p.at(day("2028-11-25").Add(time.Hour))
	c2 = p.credential(admin, "cy--ciq-certified-user--2")
	assert.Equal(t, "lapsed", c2["status"])
	assert.Equal(t, map[string]any{"from": "expiring", "to": "lapsed", "at": "2028-11-25T10:00:00.000Z",
		"by": "automation:lapse-expired", "note": "expired unrenewed"}, lastChange(c2))
	assert.Len(t, p.messages(cy, "lapsed"), 1)

	// Lapse has consequences: the directory entry and badge go, the
	// reminders stop, the prerequisite no longer holds; points stay.
	ok, _, _ = p.listed("cy")
	assert.False(t, ok, "a lapsed credential is not in the public directory")
	_, verified = p.raw("", "POST", "/api/_verify", "", p.raw2("/credentials/cy--ciq-certified-user--2"))
	assert.Contains(t, verified, `"valid":false`)
	assert.Contains(t, verified, "suspended by the issuer", "its verifiable credential is suspended while lapsed")
	adv = p.ok(admin, "PUT", "/api/assessments/"+adv["id"].(string), map[string]any{"learner": "cy", "certification": "ciq-advanced-practitioner",
		"scores": map[string]any{"written": 90, "simulation": 90, "coaching": 90, "project": 90}})
	assert.Equal(t, false, adv["prerequisitesMet"])
	assert.Equal(t, false, adv["passed"], "every component passes, but the prerequisite has lapsed")
	p.at(day("2029-01-10"))
	assert.Len(t, p.messages(cy, "renewal-reminder"), 6, "no reminder after expiry")
	late := p.approve(cy, editor, map[string]any{"title": "Conference", "source": "conference", "hours": 3})
	p.work()
	assert.Equal(t, "lapsed", p.credential(admin, "cy--ciq-certified-user--2")["status"], "CEUs do not revive a lapsed credential")
	assert.EqualValues(t, 3, late["ceus"])

	// Reinstatement: not by the learner, not by an editor, not by an
	// admin without a note or with the old expiry.
	reinstate := map[string]any{"status": "active", "note": "CEUs documented late; fee paid", "expiresAt": "2029-11-25T09:00:00.000Z"}
	status, _ = p.call(cy, "PATCH", "/api/credentials/cy--ciq-certified-user--2", reinstate)
	assert.Equal(t, http.StatusForbidden, status)
	status, _ = p.call(editor, "PATCH", "/api/credentials/cy--ciq-certified-user--2", reinstate)
	assert.Equal(t, http.StatusUnprocessableEntity, status)
	status, _ = p.call(admin, "PATCH", "/api/credentials/cy--ciq-certified-user--2", map[string]any{"status": "active", "expiresAt": "2029-11-25T09:00:00.000Z"})
	assert.Equal(t, http.StatusUnprocessableEntity, status, "a reinstatement says why")
	status, body := p.call(admin, "PATCH", "/api/credentials/cy--ciq-certified-user--2", map[string]any{"status": "active", "note": "fee paid"})
	assert.Equal(t, http.StatusUnprocessableEntity, status, "%v", body)
	c2 = p.ok(admin, "PATCH", "/api/credentials/cy--ciq-certified-user--2", reinstate)
	assert.Equal(t, "active", c2["status"])
	change := lastChange(c2)
	assert.Equal(t, "lapsed", change["from"])
	assert.Equal(t, "active", change["to"])
	assert.Equal(t, "CEUs documented late; fee paid", change["note"])
	assert.NotEmpty(t, change["by"], "the admin's key")
	assert.NotContains(t, change["by"], "automation:")
	p.work()
	ok, certs, badges = p.listed("cy")
	assert.True(t, ok, "reinstated: listed again")
	assert.Equal(t, []any{"ciq-certified-user"}, certs)
	assert.Equal(t, []any{"bronze"}, badges)
	c2 = p.credential(admin, "cy--ciq-certified-user--2")
	require.NotEqual(t, "cy--ciq-certified-user--2", c2["vc"], "a reinstatement that moves the expiry issues anew")
	_, verified = p.raw("", "POST", "/api/_verify", "", p.raw2("/credentials/"+c2["vc"].(string)))
	assert.Contains(t, verified, `"valid":true`, "reinstated: verifiable again, until the new expiry")
	assert.Contains(t, verified, "2029-11-25T09:00:00Z")
	_, oldPage := p.raw("", "GET", "/credentials/cy--ciq-certified-user--2", "text/html", "")
	assert.Contains(t, oldPage, "superseded by a newer credential")
	adv = p.ok(admin, "PUT", "/api/assessments/"+adv["id"].(string), map[string]any{"learner": "cy", "certification": "ciq-advanced-practitioner",
		"scores": map[string]any{"written": 80, "simulation": 90, "coaching": 90, "project": 90}})
	assert.Equal(t, true, adv["prerequisitesMet"], "the reinstated credential counts again")

	// A second renewal: the conference (3) and 7 hours of training reach
	// the 10 of the reinstated period.
	p.at(day("2029-03-01"))
	p.approve(cy, editor, map[string]any{"title": "Advanced routing course", "source": "training", "hours": 7})
	p.work()
	c2 = p.credential(admin, "cy--ciq-certified-user--2")
	assert.Equal(t, "renewed", c2["status"])
	c3 := p.credential(admin, "cy--ciq-certified-user--3")
	assert.Equal(t, "active", c3["status"])
	assert.EqualValues(t, 3, c3["cycle"])
	assert.Equal(t, "2030-11-25T09:00:00.000Z", c3["expiresAt"])
	assert.Len(t, p.messages(cy, "renewed"), 2)

	// The whole story, in order, in the history of each period.
	var steps []string
	for _, id := range []string{"cy--ciq-certified-user", "cy--ciq-certified-user--2", "cy--ciq-certified-user--3"} {
		for _, h := range p.credential(admin, id)["history"].([]any) {
			steps = append(steps, id+": "+h.(map[string]any)["to"].(string))
		}
	}
	assert.Equal(t, []string{
		"cy--ciq-certified-user: active", "cy--ciq-certified-user: expiring", "cy--ciq-certified-user: renewed",
		"cy--ciq-certified-user--2: active", "cy--ciq-certified-user--2: expiring", "cy--ciq-certified-user--2: lapsed",
		"cy--ciq-certified-user--2: active", "cy--ciq-certified-user--2: renewed",
		"cy--ciq-certified-user--3: active",
	}, steps)

	// Staff other than admins cannot take a credential away, nor end it
	// as renewed without a successor.
	for _, patch := range []map[string]any{
		{"status": "revoked", "note": "suspected misconduct"},
		{"status": "suspended", "note": "under review"},
		{"status": "renewed", "note": "renewed elsewhere"},
		{"expiresAt": "2026-12-31T00:00:00.000Z"},
	} {
		status, body := p.call(editor, "PATCH", "/api/credentials/cy--ciq-certified-user--3", patch)
		assert.Equal(t, http.StatusUnprocessableEntity, status, "%v: %v", patch, body)
	}
	status, _ = p.call(admin, "PATCH", "/api/credentials/cy--ciq-certified-user--3", map[string]any{"status": "revoked"})
	assert.Equal(t, http.StatusUnprocessableEntity, status, "a revocation says why")
	assert.Equal(t, "active", p.credential(admin, "cy--ciq-certified-user--3")["status"])
	history := p.credential(admin, "cy--ciq-certified-user--3")["history"]
	status, _ = p.call(admin, "PATCH", "/api/credentials/cy--ciq-certified-user--3", map[string]any{"history": []any{}})
	assert.Equal(t, http.StatusOK, status)
	assert.Equal(t, history, p.credential(admin, "cy--ciq-certified-user--3")["history"], "the history is the server's")

	// The learner reads her own credentials, each period's.
	page := p.ok(cy, "GET", "/api/credentials?filter="+url.QueryEscape(`certification == "ciq-certified-user"`)+"&sort=cycle", nil)
	assert.Equal(t, []string{"cy--ciq-certified-user", "cy--ciq-certified-user--2", "cy--ciq-certified-user--3"}, ids(page["items"]))
}

// TestMaintenanceLifecycle runs three years of one 3D Systems partner:
// the award from courses, confirmed by an admin; the yearly maintenance
// course, its reminders weekly then daily and none once it is done; the
// renewal it brings; the next cycle's course enrolling her when it is
// published; a deadline missed, the lapse, the reinstatement, and a second
// renewal.
func TestMaintenanceLifecycle(t *testing.T) {
	p := newProgram(t)
	admin := p.key(documents.RoleAdmin, "")
	dee := p.key("learner", "dee")
	p.ok(dee, "PUT", "/api/learners/dee", map[string]any{"name": "Dee", "email": "dee@printers.example.com", "directoryOptIn": true})
	complete := func(course string) {
		p.ok(admin, "POST", "/api/completions", map[string]any{"learner": "dee", "course": course, "completedAt": p.clock.Now().Format(time.RFC3339)})
		p.work()
	}

	// The award: the alternative path's course, then an admin confirms.
	complete("3d-service-fundamentals")
	c1 := p.credential(admin, "dee--3d-certified-printer")
	assert.Equal(t, "pending", c1["status"])
	assert.Len(t, p.messages(admin, "admin-new-certification"), 1)
	assert.Empty(t, p.messages(dee, "certified"), "not until confirmed")
	ok, _, _ := p.listed("dee")
	assert.False(t, ok, "pending is not certified yet")
	p.ok(admin, "PATCH", "/api/credentials/dee--3d-certified-printer", map[string]any{"status": "active"})
	p.work()
	c1 = p.credential(admin, "dee--3d-certified-printer")
	require.Len(t, c1["history"], 2)
	assert.Equal(t, []any{"", "pending"}, []any{c1["history"].([]any)[0].(map[string]any)["from"], c1["history"].([]any)[0].(map[string]any)["to"]})
	assert.Equal(t, []any{"pending", "active"}, []any{lastChange(c1)["from"], lastChange(c1)["to"]})
	assert.Equal(t, "2027-11-24T09:00:00.000Z", c1["expiresAt"])
	assert.Len(t, p.messages(dee, "certified"), 1)
	ok, _, _ = p.listed("dee")
	assert.True(t, ok)
	m1 := p.ok(dee, "GET", "/api/maintenance/dee--3d-certified-printer--3d-maintenance-2026", nil)
	assert.Equal(t, "enrolled", m1["status"])
	assert.Equal(t, "2027-01-01T00:00:00.000Z", m1["deadline"])

	// Reminders by proximity: at most weekly while the deadline is more
	// than a week away, daily in its last week, none once done.
	var sentAt []time.Time
	seen := len(p.messages(dee, "maintenance-pending"))
	for d := day("2026-11-25"); d.Before(day("2026-12-29")); d = d.Add(24 * time.Hour) {
		p.at(d)
		if n := len(p.messages(dee, "maintenance-pending")); n > seen {
			require.Equal(t, seen+1, n, "one reminder at a time on %s", d)
			sentAt, seen = append(sentAt, d), n
		}
	}
	deadline := day("2027-01-01").Add(-9 * time.Hour)
	var far, near []time.Time
	for _, s := range sentAt {
		if int(deadline.Sub(s)/(24*time.Hour)) > 7 {
			far = append(far, s)
		} else {
			near = append(near, s)
		}
	}
	require.NotEmpty(t, far)
	for i := 1; i < len(far); i++ {
		assert.Equal(t, 7*24*time.Hour, far[i].Sub(far[i-1]), "weekly while far: %v", far)
	}
	assert.Equal(t, []time.Time{day("2026-12-24"), day("2026-12-25"), day("2026-12-26"), day("2026-12-27"), day("2026-12-28")}, near,
		"daily in the last week (daysUntil 7 to 3)")
	complete("3d-maintenance-2026")
	m1 = p.ok(dee, "GET", "/api/maintenance/dee--3d-certified-printer--3d-maintenance-2026", nil)
	assert.Equal(t, "completed", m1["status"])
	for d := day("2026-12-30"); d.Before(day("2027-01-03")); d = d.Add(24 * time.Hour) {
		p.at(d)
	}
	assert.Len(t, p.messages(dee, "maintenance-pending"), seen, "none once the maintenance is done")

	// Completing maintenance renewed the credential from its old expiry.
	c1 = p.credential(admin, "dee--3d-certified-printer")
	assert.Equal(t, "renewed", c1["status"])
	assert.Equal(t, "automation:renew-on-maintenance", lastChange(c1)["by"])
	c2 := p.credential(admin, "dee--3d-certified-printer--2")
	assert.Equal(t, "active", c2["status"])
	assert.Equal(t, "maintenance", c2["via"])
	assert.Equal(t, "2028-11-24T09:00:00.000Z", c2["expiresAt"])
	assert.Len(t, p.messages(dee, "renewed"), 1)
	status, _ := p.call(dee, "GET", "/api/maintenance/dee--3d-certified-printer--2--3d-maintenance-2026", nil)
	assert.Equal(t, http.StatusNotFound, status, "not enrolled again in the course she has done")

	// The next cycle's course is published and made current: she is
	// enrolled, and told.
	p.at(day("2027-02-01"))
	p.ok(admin, "PUT", "/api/courses/3d-maintenance-2027", map[string]any{"program": "3dsystems", "title": "Maintenance of certification 2027",
		"kind": "maintenance", "hours": 2, "opensAt": "2027-02-01", "closesAt": "2027-12-31"})
	status, _ = p.call(admin, "PATCH", "/api/certifications/3d-certified-printer", map[string]any{"maintenanceCourse": "3d-maintenance-2027"})
	assert.Equal(t, http.StatusUnprocessableEntity, status, "a draft course is not the maintenance course yet")
	p.ok(admin, "POST", "/api/courses/3d-maintenance-2027/publish", nil)
	p.ok(admin, "PATCH", "/api/certifications/3d-certified-printer", map[string]any{"maintenanceCourse": "3d-maintenance-2027"})
	p.work()
	m2 := p.ok(dee, "GET", "/api/maintenance/dee--3d-certified-printer--2--3d-maintenance-2027", nil)
	assert.Equal(t, "enrolled", m2["status"])
	assert.Equal(t, "2028-01-01T00:00:00.000Z", m2["deadline"])
	assert.Len(t, p.messages(dee, "maintenance-enrolled"), 2)

	// She misses it: on 1 January the credential lapses, and leaves the directory.
	p.at(day("2027-12-31"))
	assert.Equal(t, "active", p.credential(admin, "dee--3d-certified-printer--2")["status"])
	p.at(day("2028-01-01"))
	c2 = p.credential(admin, "dee--3d-certified-printer--2")
	assert.Equal(t, "lapsed", c2["status"])
	assert.Equal(t, "automation:lapse-missed-maintenance", lastChange(c2)["by"])
	assert.Equal(t, "missed", p.ok(dee, "GET", "/api/maintenance/dee--3d-certified-printer--2--3d-maintenance-2027", nil)["status"])
	ok, _, _ = p.listed("dee")
	assert.False(t, ok)
	reminders := len(p.messages(dee, "maintenance-pending"))
	p.at(day("2028-01-15"))
	assert.Len(t, p.messages(dee, "maintenance-pending"), reminders, "no reminder for a missed course")

	// An admin reinstates her, with a note; listed again.
	p.ok(admin, "PATCH", "/api/credentials/dee--3d-certified-printer--2", map[string]any{"status": "active", "note": "completed late with the instructor"})
	p.work()
	ok, _, _ = p.listed("dee")
	assert.True(t, ok)
	assert.Len(t, p.messages(dee, "maintenance-enrolled"), 2, "a reinstatement does not enrol again")

	// The 2028 course: enrolled when it is current, completed, renewed a second time.
	p.at(day("2028-02-01"))
	p.ok(admin, "PUT", "/api/courses/3d-maintenance-2028", map[string]any{"program": "3dsystems", "title": "Maintenance of certification 2028",
		"kind": "maintenance", "hours": 2, "opensAt": "2028-02-01", "closesAt": "2028-12-31"})
	p.ok(admin, "POST", "/api/courses/3d-maintenance-2028/publish", nil)
	p.ok(admin, "PATCH", "/api/certifications/3d-certified-printer", map[string]any{"maintenanceCourse": "3d-maintenance-2028"})
	p.work()
	assert.Equal(t, "enrolled", p.ok(dee, "GET", "/api/maintenance/dee--3d-certified-printer--2--3d-maintenance-2028", nil)["status"])
	p.at(day("2028-06-01"))
	complete("3d-maintenance-2028")
	assert.Equal(t, "renewed", p.credential(admin, "dee--3d-certified-printer--2")["status"])
	c3 := p.credential(admin, "dee--3d-certified-printer--3")
	assert.Equal(t, "active", c3["status"])
	assert.Equal(t, "2029-11-24T09:00:00.000Z", c3["expiresAt"])
	assert.Len(t, p.messages(dee, "renewed"), 2)
	ok, _, _ = p.listed("dee")
	assert.True(t, ok)
}

// TestExpiryReminders: the reminders 90, 60, 30, 7 and 1 days before
// expiry go to the holder of an active credential, and not to the holder
// of a lapsed, renewed or revoked one; none after the expiry, even when the
// program was down over the last one.
func TestExpiryReminders(t *testing.T) {
	p := newProgram(t)
	admin := p.key(documents.RoleAdmin, "")
	editor := p.key(documents.RoleEditor, "")
	keys := map[string]string{}
	for _, l := range []string{"act", "lap", "ren", "rev", "down"} {
		keys[l] = p.key("learner", l)
		p.ok(keys[l], "PUT", "/api/learners/"+l, map[string]any{"name": l, "email": l + "@example.org"})
		issued := "2026-11-24T09:00:00Z"
		if l == "down" {
			issued = "2026-11-26T09:00:00Z" // two days after the others
		}
		p.ok(admin, "PUT", "/api/credentials/"+l+"--ciq-certified-user", map[string]any{"learner": l, "certification": "ciq-certified-user",
			"via": "manual", "issuedAt": issued})
	}
	p.ok(admin, "PATCH", "/api/credentials/lap--ciq-certified-user", map[string]any{"status": "lapsed", "note": "no CE evidence on audit"})
	p.ok(admin, "PATCH", "/api/credentials/rev--ciq-certified-user", map[string]any{"status": "revoked", "note": "exam misconduct"})
	p.at(day("2026-12-01"))
	p.approve(keys["ren"], editor, map[string]any{"title": "Course", "source": "training", "hours": 10})
	p.work()
	require.Equal(t, "renewed", p.credential(admin, "ren--ciq-certified-user")["status"])
	require.Equal(t, "2028-11-24T09:00:00.000Z", p.credential(admin, "ren--ciq-certified-user--2")["expiresAt"])

	// The program runs at each reminder of the first four; the fifth
	// ("down") expires two days later, and the program is down from one
	// day before its expiry until two hours after it.
	expiry := day("2027-11-24")
	for _, before := range []int{90, 60, 30, 7, 1} {
		p.at(expiry.AddDate(0, 0, -before).Add(time.Hour))
	}
	want := []string{"Your certification expires in 1 days", "Your certification expires in 30 days",
		"Your certification expires in 60 days", "Your certification expires in 7 days", "Your certification expires in 90 days"}
	assert.Equal(t, want, sorted(p.subjects(keys["act"], "renewal-reminder")))
	for _, l := range []string{"lap", "ren", "rev"} {
		assert.Empty(t, p.messages(keys[l], "renewal-reminder"), l)
	}
	p.at(expiry.Add(2 * time.Hour))
	assert.Len(t, p.messages(keys["act"], "renewal-reminder"), 5)
	assert.Equal(t, "lapsed", p.credential(admin, "act--ciq-certified-user")["status"])
	p.at(expiry.Add(48 * time.Hour))
	assert.Len(t, p.messages(keys["act"], "renewal-reminder"), 5, "nothing after expiry")
	assert.Equal(t, "lapsed", p.credential(admin, "down--ciq-certified-user")["status"])
	assert.Equal(t, []string{"Your certification expires in 30 days", "Your certification expires in 60 days",
		"Your certification expires in 7 days", "Your certification expires in 90 days"}, sorted(p.subjects(keys["down"], "renewal-reminder")),
		"the last reminder, passed over while the program was down, is not sent after the expiry")
	for _, l := range []string{"lap", "ren", "rev"} {
		assert.Empty(t, p.messages(keys[l], "renewal-reminder"), l)
	}
	assert.Equal(t, "revoked", p.credential(admin, "rev--ciq-certified-user")["status"])
}

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

// TestCEUsCountInsideThePeriodCappedAndScoped: a source's cap per period,
// an activity for one certification only, and the CEUs of a learner who
// holds two certifications that renew by CEUs.
func TestCEUsCountInsideThePeriodCappedAndScoped(t *testing.T) {
	p := newProgram(t)
	admin := p.key(documents.RoleAdmin, "")
	editor := p.key(documents.RoleEditor, "")
	eve := p.key("learner", "eve")
	p.ok(eve, "PUT", "/api/learners/eve", map[string]any{"name": "Eve", "email": "eve@example.org"})
	for _, c := range []string{"ciq-certified-user", "ciq-sales-professional"} {
		p.ok(admin, "PUT", "/api/credentials/eve--"+c, map[string]any{"learner": "eve", "certification": c, "via": "manual",
			"issuedAt": "2026-11-24T09:00:00Z"})
	}
	p.ok(admin, "PATCH", "/api/ceu_sources/community", map[string]any{"capPerPeriod": 5})
	p.at(day("2026-12-01"))

	// Two contributions (10 CEUs), capped at 5; 3 hours of training
	// toward the sales certification only.
	p.approve(eve, editor, map[string]any{"title": "Forum guide", "source": "community", "contributions": 2})
	p.approve(eve, editor, map[string]any{"title": "Sales course", "source": "training", "hours": 3, "credential": "eve--ciq-sales-professional"})
	p.work()
	user := p.credential(admin, "eve--ciq-certified-user")
	sales := p.credential(admin, "eve--ciq-sales-professional")
	assert.EqualValues(t, 5, user["ceuEarned"], "the community cap")
	assert.EqualValues(t, 8, sales["ceuEarned"], "5 (capped) + 3 toward this certification")
	assert.EqualValues(t, 10, user["ceuRequired"], "Foundation")
	assert.EqualValues(t, 15, sales["ceuRequired"], "Professional level")

	// Staff withdraw the approval of the training: counted again, without it.
	acts := p.ok(admin, "GET", "/api/activities?filter="+url.QueryEscape(`source == "training"`), nil)["items"].([]any)
	require.Len(t, acts, 1)
	p.ok(editor, "PATCH", "/api/activities/"+acts[0].(map[string]any)["id"].(string), map[string]any{"status": "rejected"})
	p.work()
	assert.EqualValues(t, 5, p.credential(admin, "eve--ciq-sales-professional")["ceuEarned"])

	// 5 hours of training reach the Foundation's 10, not the sales 15: one renewal.
	p.approve(eve, editor, map[string]any{"title": "Platform course", "source": "training", "hours": 5})
	p.work()
	assert.Equal(t, "renewed", p.credential(admin, "eve--ciq-certified-user")["status"])
	sales = p.credential(admin, "eve--ciq-sales-professional")
	assert.Equal(t, "active", sales["status"])
	assert.EqualValues(t, 10, sales["ceuEarned"])
}

// raw2 reads a public path as text (a credential's JSON).
func (p *program) raw2(path string) string {
	p.t.Helper()
	status, body := p.raw("", "GET", path, "application/vc+ld+json", "")
	require.Equal(p.t, http.StatusOK, status, body)
	return body
}
