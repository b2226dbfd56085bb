package certification_test

import (
	"encoding/json"
	"maps"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
)

// outcome is what a learner's change of one field of her own document
// gives.
type outcome string

const (
	accepted   outcome = "accepted"   // 200, and the value is stored
	recomputed outcome = "recomputed" // 200, and the server keeps its own value
	refused    outcome = "refused"    // 422, and nothing changes
	forbidden  outcome = "forbidden"  // 403, and nothing changes
)

// change is a learner's merge patch of one field of a document of hers.
type change struct {
	field string
	value any
	want  outcome
}

// learnerChanges places every top-level field of every collection a
// learner may write. The changes of a collection are made in this order
// on one document of hers; the last may close it (a submission), after
// which she changes nothing.
var learnerChanges = map[string][]change{
	"learners": {
		{"name", "Ada Lovelace", accepted},
		{"email", "ada@lovelace.example.org", accepted},
		{"headline", "Analytics lead", accepted},
		{"directoryOptIn", true, accepted},
		{"segment", "employee", refused},           // staff place her in a segment
		{"organization", "acme-partners", refused}, // staff record her organization
		{"experienceSince", "2001-01-01", refused}, // it counts toward prerequisites
		{"joinedAt", "2001-01-01T00:00:00Z", recomputed},
		{"account", "bob", recomputed},
		{"points", 1000, recomputed},
		{"level", "master", recomputed},
	},
	"applications": {
		{"learner", "bob", refused},
		{"certification", "syn-analytics-master", refused},
		{"kind", "renewal", refused},
		{"deadline", "2030-01-01T00:00:00Z", refused},
		{"reviewNote", "Approved in advance", refused},
		{"status", "approved", refused},
		{"submittedAt", "2026-01-01T00:00:00Z", recomputed},
		{"path", "analytics", recomputed},
		{"level", "master", recomputed},
		{"status", "submitted", accepted},
	},
	"activities": {
		{"learner", "bob", refused},
		{"credential", "ada--syn-automation-fundamentals", accepted},
		{"title", "Journeys course, second part", accepted},
		{"source", "conference", accepted},
		{"hours", 6, accepted},
		{"contributions", 2, accepted},
		{"evidence", "https://example.org/certificate.pdf", accepted},
		{"evidenceFile", map[string]any{"sha256": strings.Repeat("0", 64), "name": "forged.pdf"}, refused},
		{"reviewNote", "Looks fine", refused},
		{"points", 50, refused},
		{"ceus", 99, recomputed},
		{"certification", "syn-analytics-master", recomputed},
		{"submittedAt", "2026-01-01T00:00:00Z", recomputed},
		{"reviewedAt", "2026-01-01T00:00:00Z", recomputed},
		{"status", "approved", refused},
		{"status", "submitted", accepted},
	},
	"attempts": {
		{"learner", "bob", refused},
		{"exam", "analytics-master", refused},
		{"startedAt", "2030-01-01T00:00:00Z", recomputed},
		{"deadline", "2030-01-01T00:00:00Z", recomputed},
		{"questions", []string{"ana-q1", "ana-q2"}, recomputed},
		{"submittedAt", "2026-01-01T00:00:00Z", recomputed},
		{"maxScore", 1, recomputed},
		{"score", 1, recomputed},
		{"percentage", 100, recomputed},
		{"passed", true, recomputed},
		{"path", "analytics", recomputed},
		{"level", "master", recomputed},
		{"items", []any{map[string]any{"item": "ana-q1", "score": 1, "max": 1}}, recomputed},
		{"answers", []any{}, accepted},
	},
	"feedback": {
		{"learner", "bob", forbidden},
		{"attempt", "another-attempt", forbidden},
		{"score", 0, forbidden},
		{"comment", "changed my mind", forbidden},
		{"category", "promoter", forbidden},
	},
}

// request is one HTTP call of a test.
type request struct {
	method, path string
	body         any
}

// TestLearnerWritesOnlyAsHerself plays a learner, Ada, against the pack:
// in every collection she may write, she changes each field of a
// document of hers, as the table above says it must go; and another
// learner, Bob, tries to write in her name, and to read, change, replace
// and delete her documents.
func TestLearnerWritesOnlyAsHerself(t *testing.T) {
	p := newProgram(t)
	t0 := p.clock.Now()
	admin := p.key(documents.RoleAdmin, "")
	ada := p.key("learner", "ada")
	bob := p.key("learner", "bob")
	schemas := packSchemas(t)

	t.Run("the table places every field a learner may write", func(t *testing.T) {
		for coll, schema := range schemas {
			changes, placed := learnerChanges[coll]
			if !learnerMayWrite(schema) {
				assert.False(t, placed, "a learner may not write %s: it has no place in the table", coll)
				continue
			}
			if !assert.True(t, placed, "a learner may write %s: place its fields in the table", coll) {
				continue
			}
			props := schema["properties"].(map[string]any)
			for field := range props {
				assert.True(t, slices.ContainsFunc(changes, func(c change) bool { return c.field == field }),
					"%s.%s: place the field in the table", coll, field)
			}
			for _, c := range changes {
				assert.Contains(t, props, c.field, "%s.%s: the schema has no such field", coll, c.field)
			}
		}
		for coll := range learnerChanges {
			assert.Contains(t, schemas, coll, "the table names a collection the pack lacks")
		}
	})

	t.Run("the other collections refuse her", func(t *testing.T) {
		for coll, schema := range schemas {
			if !learnerMayWrite(schema) {
				status, body := p.in(t).call(bob, "POST", "/api/"+coll, map[string]any{})
				assert.Equal(t, http.StatusForbidden, status, "%s lets a learner write: place it in the table (%v)", coll, body)
			}
		}
	})

	// For each collection of the table, in order (profiles first: the other
	// documents refer to them): what her document refers to (a credential
	// awarded by hand, for an activity to count toward; an attempt she
	// submitted, to give feedback on), the writes with which Bob tries to
	// make or take one in her name (Bob, without a profile yet, tries to
	// take hers), and how she makes one through the real flow.
	var attempt string
	fixtures := []struct {
		coll      string
		prepare   func(p *program)
		inHerName func() []request
		create    func(p *program) string
	}{
		{
			coll: "learners",
			inHerName: func() []request {
				profile := map[string]any{"name": "Ada", "email": "bob@example.org"}
				return []request{{"PUT", "/api/learners/ada", profile}, {"POST", "/api/learners", withField(profile, "id", "ada")}}
			},
			create: func(p *program) string {
				p.ok(ada, "PUT", "/api/learners/ada", map[string]any{"name": "Ada", "email": "ada@example.org"})
				p.ok(bob, "PUT", "/api/learners/bob", map[string]any{"name": "Bob", "email": "bob@example.org"})
				return "/api/learners/ada"
			},
		},
		{
			coll: "applications",
			inHerName: func() []request {
				return []request{{"POST", "/api/applications", map[string]any{"learner": "ada",
					"certification": "syn-automation-fundamentals", "deadline": t0.Add(100 * 24 * time.Hour).Format(time.RFC3339)}}}
			},
			create: func(p *program) string {
				return "/api/applications/" + p.ok(ada, "POST", "/api/applications", map[string]any{
					"certification": "syn-automation-fundamentals", "deadline": t0.Add(100 * 24 * time.Hour).Format(time.RFC3339)})["id"].(string)
			},
		},
		{
			coll: "activities",
			prepare: func(p *program) {
				p.ok(admin, "PUT", "/api/credentials/ada--syn-automation-fundamentals", map[string]any{"learner": "ada",
					"certification": "syn-automation-fundamentals", "via": "manual", "status": "active", "issuedAt": t0.Format(time.RFC3339)})
			},
			inHerName: func() []request {
				return []request{
					{"POST", "/api/activities", map[string]any{"learner": "ada", "title": "Talk", "source": "community", "contributions": 1}},
					{"POST", "/api/activities", map[string]any{"title": "Talk", "source": "community", "contributions": 1,
						"credential": "ada--syn-automation-fundamentals"}},
				}
			},
			create: func(p *program) string {
				return "/api/activities/" + p.ok(ada, "POST", "/api/activities", map[string]any{
					"title": "Journeys course", "source": "training", "hours": 4})["id"].(string)
			},
		},
		{
			coll: "attempts",
			inHerName: func() []request {
				return []request{{"POST", "/api/attempts", map[string]any{"learner": "ada", "exam": "automation-fundamentals"}}}
			},
			create: func(p *program) string {
				return "/api/attempts/" + p.ok(ada, "POST", "/api/attempts", map[string]any{"exam": "automation-fundamentals"})["id"].(string)
			},
		},
		{
			coll: "feedback",
			prepare: func(p *program) {
				attempt = p.ok(ada, "POST", "/api/attempts", map[string]any{"exam": "communication-fundamentals"})["id"].(string)
				p.ok(ada, "PATCH", "/api/attempts/"+attempt, map[string]any{"answers": []any{}})
			},
			inHerName: func() []request {
				return []request{
					{"POST", "/api/feedback", map[string]any{"attempt": attempt, "learner": "ada", "score": 0}},
					{"POST", "/api/feedback", map[string]any{"attempt": attempt, "score": 0}},
				}
			},
			create: func(p *program) string {
				return "/api/feedback/" + p.ok(ada, "POST", "/api/feedback", map[string]any{"attempt": attempt, "score": 8})["id"].(string)
			},
		},
	}

	var colls []string
	for _, f := range fixtures {
		colls = append(colls, f.coll)
	}
	require.ElementsMatch(t, slices.Collect(maps.Keys(learnerChanges)), colls, "a way to make a document of each collection of the table")

	for _, f := range fixtures {
		coll := f.coll
		t.Run(coll, func(t *testing.T) {
			p := p.in(t)
			if f.prepare != nil {
				f.prepare(p)
			}

			// Bob writes in her name: refused, and nothing is written.
			count := len(p.ok(admin, "GET", "/api/"+coll+"?limit=1000", nil)["items"].([]any))
			for _, r := range f.inHerName() {
				status, body := p.call(bob, r.method, r.path, r.body)
				assert.Contains(t, []int{http.StatusForbidden, http.StatusUnprocessableEntity}, status, "bob: %s %s %v: %v", r.method, r.path, r.body, body)
			}
			assert.Len(t, p.ok(admin, "GET", "/api/"+coll+"?limit=1000", nil)["items"], count, "bob wrote in her name")

			// She still writes her own, and changes it field by field.
			path := f.create(p)
			immutable := immutableFields(schemas[coll])
			for _, c := range learnerChanges[coll] {
				t.Run(c.field+" "+string(c.want), func(t *testing.T) {
					p := p.in(t)
					before := p.ok(admin, "GET", path, nil)
					require.NotEqual(t, jsonValue(t, c.value), before[c.field], "the table's value is no change")
					status, body := p.call(ada, "PATCH", path, map[string]any{c.field: c.value})
					after := p.ok(admin, "GET", path, nil)
					switch c.want {
					case accepted:
						assert.Equal(t, http.StatusOK, status, "%v", body)
						assert.Equal(t, jsonValue(t, c.value), after[c.field])
					case recomputed:
						assert.Equal(t, http.StatusOK, status, "%v", body)
						assert.Equal(t, before[c.field], after[c.field], "the server keeps its own value")
					case refused:
						assert.Equal(t, http.StatusUnprocessableEntity, status, "%v", body)
						if slices.Contains(immutable, c.field) {
							assert.Contains(t, errorPaths(body), "/"+c.field)
						}
						assert.Equal(t, before, after, "a refused change stores nothing")
					case forbidden:
						assert.Equal(t, http.StatusForbidden, status, "%v", body)
						assert.Equal(t, before, after, "a refused change stores nothing")
					}
				})
			}

			// Bob cannot read, change, replace or delete it.
			doc := p.ok(admin, "GET", path, nil)
			first := learnerChanges[coll][0]
			for _, r := range []request{{"GET", path, nil}, {"PATCH", path, map[string]any{first.field: first.value}},
				{"PUT", path, content(doc)}, {"DELETE", path, nil}} {
				status, body := p.call(bob, r.method, r.path, r.body)
				assert.Contains(t, []int{http.StatusNotFound, http.StatusForbidden}, status, "bob: %s %s: %v", r.method, r.path, body)
				if r.method == "GET" {
					assert.Equal(t, http.StatusNotFound, status, "her document does not exist for him")
				}
			}
			assert.Equal(t, doc, p.ok(admin, "GET", path, nil), "bob changed her document")
		})
	}
}

// TestLearnerAttacks replays the moves with which learners broke the
// pack's rules, each by a learner of its own.
func TestLearnerAttacks(t *testing.T) {
	p := newProgram(t)
	admin := p.key(documents.RoleAdmin, "")
	editor := p.key(documents.RoleEditor, "")

	t.Run("the exam swap", func(t *testing.T) {
		p := p.in(t)
		ada := p.signUp("ada")

		// Swapping the exam of an unsubmitted attempt for the Master exam,
		// to keep the easy questions, is refused.
		att := p.ok(ada, "POST", "/api/attempts", map[string]any{"exam": "automation-fundamentals"})
		path := "/api/attempts/" + att["id"].(string)
		status, body := p.call(ada, "PATCH", path, map[string]any{"exam": "analytics-master"})
		require.Equal(t, http.StatusUnprocessableEntity, status, "%v", body)
		assert.Equal(t, []string{"/exam"}, errorPaths(body))
		got := p.ok(ada, "GET", path, nil)
		assert.Equal(t, "automation-fundamentals", got["exam"])
		assert.Equal(t, att["questions"], got["questions"])
		assert.Equal(t, att["deadline"], got["deadline"])

		// She passes the exam she took, and only that one is awarded.
		status, body = p.submitRight(admin, ada, att)
		require.Equal(t, http.StatusOK, status, "%v", body)
		assert.Equal(t, true, body["passed"])
		p.work()
		p.ok(ada, "GET", "/api/credentials/ada--syn-automation-fundamentals", nil)
		status, _ = p.call(admin, "GET", "/api/credentials/ada--syn-analytics-master", nil)
		assert.Equal(t, http.StatusNotFound, status, "the Master credential is not awarded")
		assert.Equal(t, "fundamentals", p.ok(ada, "GET", "/api/learners/ada", nil)["level"])

		// A swap does not free an attempt: three were the limit.
		second := p.ok(ada, "POST", "/api/attempts", map[string]any{"exam": "automation-fundamentals"})
		third := p.ok(ada, "POST", "/api/attempts", map[string]any{"exam": "automation-fundamentals"})
		status, _ = p.call(ada, "PATCH", "/api/attempts/"+second["id"].(string), map[string]any{"exam": "integration-fundamentals"})
		assert.Equal(t, http.StatusUnprocessableEntity, status)
		status, body = p.call(ada, "POST", "/api/attempts", map[string]any{"exam": "automation-fundamentals"})
		assert.Equal(t, http.StatusUnprocessableEntity, status, "a fourth attempt: %v", body)
		assert.Equal(t, 3, p.attempts(admin, "ada", "automation-fundamentals"))
		assert.Zero(t, p.attempts(admin, "ada", "integration-fundamentals"))
		assert.Zero(t, p.attempts(admin, "ada", "analytics-master"))

		// Nor does it move an expired deadline (20 minutes against 60).
		p.clock.Add(21 * time.Minute)
		path = "/api/attempts/" + third["id"].(string)
		status, _ = p.call(ada, "PATCH", path, map[string]any{"exam": "analytics-master"})
		assert.Equal(t, http.StatusUnprocessableEntity, status)
		assert.Equal(t, third["deadline"], p.ok(ada, "GET", path, nil)["deadline"])
		status, body = p.submitRight(admin, ada, third)
		assert.Equal(t, http.StatusUnprocessableEntity, status, "late: %v", body)
	})

	t.Run("the deadline holds when the exam's time limit changes", func(t *testing.T) {
		p := p.in(t)
		eve := p.signUp("eve")

		att := p.ok(eve, "POST", "/api/attempts", map[string]any{"exam": "integration-fundamentals"})
		p.ok(editor, "PATCH", "/api/exams/integration-fundamentals", map[string]any{"timeLimitMinutes": 90})
		p.clock.Add(31 * time.Minute)
		status, body := p.submitRight(admin, eve, att)
		assert.Equal(t, http.StatusUnprocessableEntity, status, "the attempt started with 30 minutes: %v", body)
		assert.Equal(t, att["deadline"], p.ok(eve, "GET", "/api/attempts/"+att["id"].(string), nil)["deadline"])

		// Attempts started from now on have an hour and a half.
		next := p.ok(eve, "POST", "/api/attempts", map[string]any{"exam": "integration-fundamentals"})
		assert.Equal(t, p.clock.Now().Add(90*time.Minute).Format("2006-01-02T15:04:05.000Z"), next["deadline"])
	})

	t.Run("an exam or a certification in draft", func(t *testing.T) {
		p := p.in(t)
		dan := p.signUp("dan")
		p.ok(editor, "PUT", "/api/exams/automation-expert", map[string]any{"title": "Automation Expert", "path": "automation",
			"level": "master", "questionCount": 2, "timeLimitMinutes": 30, "passingScore": 90, "maxAttempts": 1})
		p.ok(editor, "PUT", "/api/certifications/syn-automation-expert", map[string]any{"title": "Automation Expert",
			"program": "synerise", "kind": "user", "level": "master", "exams": []string{"automation-expert"}})

		status, body := p.call(dan, "POST", "/api/attempts", map[string]any{"exam": "automation-expert"})
		assert.Equal(t, http.StatusUnprocessableEntity, status, "an exam she cannot read: %v", body)
		status, body = p.call(dan, "POST", "/api/applications", map[string]any{"certification": "syn-automation-expert",
			"deadline": p.clock.Now().Add(30 * 24 * time.Hour).Format(time.RFC3339)})
		assert.Equal(t, http.StatusUnprocessableEntity, status, "a certification she cannot read: %v", body)

		p.ok(editor, "POST", "/api/exams/automation-expert/publish", nil)
		p.ok(dan, "POST", "/api/attempts", map[string]any{"exam": "automation-expert"})
	})

	t.Run("points once per passed exam", func(t *testing.T) {
		p := p.in(t)
		bea := p.signUp("bea")

		pass := func(exam string) map[string]any {
			status, body := p.submitRight(admin, bea, p.ok(bea, "POST", "/api/attempts", map[string]any{"exam": exam}))
			require.Equal(t, http.StatusOK, status, "%v", body)
			require.Equal(t, true, body["passed"])
			return p.ok(bea, "GET", "/api/learners/bea", nil)
		}
		once := pass("automation-fundamentals")
		require.EqualValues(t, 60, once["points"])
		require.Equal(t, "fundamentals", once["level"])

		twice := pass("automation-fundamentals")
		assert.EqualValues(t, 60, twice["points"], "the exam's 60 points, once")
		assert.Equal(t, "fundamentals", twice["level"], "120 points would unlock Professional")

		// Another exam passed counts too.
		other := pass("communication-fundamentals")
		assert.EqualValues(t, 110, other["points"])
		assert.Equal(t, "professional", other["level"])
	})

	t.Run("feedback as someone else", func(t *testing.T) {
		p := p.in(t)
		cy := p.signUp("cy")
		bob := p.signUp("bob")
		att := p.ok(cy, "POST", "/api/attempts", map[string]any{"exam": "communication-fundamentals"})
		p.ok(cy, "PATCH", "/api/attempts/"+att["id"].(string), map[string]any{"answers": []any{}})
		onHers := "/api/feedback?filter=" + url.QueryEscape(`attempt == "`+att["id"].(string)+`"`)

		// Bob files feedback on her attempt, in her name or in his: refused.
		for _, fb := range []map[string]any{
			{"attempt": att["id"], "learner": "cy", "score": 0},
			{"attempt": att["id"], "score": 0},
		} {
			status, body := p.call(bob, "POST", "/api/feedback", fb)
			assert.Equal(t, http.StatusUnprocessableEntity, status, "%v: %v", fb, body)
		}
		assert.Empty(t, p.ok(admin, "GET", onHers, nil)["items"])

		// Her own feedback goes through; Bob still cannot file one, and
		// is not told which document holds the attempt.
		mine := p.ok(cy, "POST", "/api/feedback", map[string]any{"attempt": att["id"], "score": 9})
		assert.Equal(t, "cy", mine["learner"])
		status, body := p.call(bob, "POST", "/api/feedback", map[string]any{"attempt": att["id"], "score": 0})
		assert.Equal(t, http.StatusUnprocessableEntity, status, "%v", body)
		assert.NotContains(t, mustJSON(t, body), mine["id"])

		// A second feedback on the attempt is a conflict that names no document.
		status, body = p.call(cy, "POST", "/api/feedback", map[string]any{"attempt": att["id"], "score": 3})
		assert.Equal(t, http.StatusConflict, status, "%v", body)
		assert.Equal(t, []string{"/attempt"}, errorPaths(body))
		assert.NotContains(t, mustJSON(t, body), mine["id"])
	})
}

// in is the program as seen from the (sub)test t.
func (p *program) in(t *testing.T) *program {
	q := *p
	q.t = t
	return &q
}

// signUp gives the learner id a key and a profile, and returns the key.
func (p *program) signUp(id string) string {
	p.t.Helper()
	key := p.key("learner", id)
	p.ok(key, "PUT", "/api/learners/"+id, map[string]any{"name": id, "email": id + "@example.org"})
	return key
}

// submitRight submits the right answers (read with the admin's key) to
// the questions drawn for the attempt.
func (p *program) submitRight(admin, key string, attempt map[string]any) (int, map[string]any) {
	p.t.Helper()
	var answers []any
	for _, q := range ids(attempt["questions"]) {
		answers = append(answers, p.answerKey(admin, q))
	}
	return p.call(key, "PATCH", "/api/attempts/"+attempt["id"].(string), map[string]any{"answers": answers})
}

// attempts counts the learner's attempts at exam.
func (p *program) attempts(admin, learner, exam string) int {
	p.t.Helper()
	filter := url.QueryEscape(`learner == "` + learner + `" && exam == "` + exam + `"`)
	return len(p.ok(admin, "GET", "/api/attempts?limit=1000&filter="+filter, nil)["items"].([]any))
}

// packSchemas reads the pack's schemas by collection.
func packSchemas(t *testing.T) map[string]map[string]any {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("schemas", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	out := map[string]map[string]any{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		var s map[string]any
		require.NoError(t, json.Unmarshal(b, &s), f)
		out[strings.TrimSuffix(filepath.Base(f), ".json")] = s
	}
	return out
}

// learnerMayWrite reports whether a schema's x-access grants the learner
// role creates or updates by naming it; a grant made otherwise (to every
// role, say) shows when a learner tries the other collections.
func learnerMayWrite(schema map[string]any) bool {
	access, _ := schema["x-access"].(map[string]any)
	for _, op := range []string{"create", "update"} {
		if f, _ := access[op].(string); strings.Contains(f, `"learner"`) {
			return true
		}
	}
	return false
}

// immutableFields lists a schema's x-immutable properties.
func immutableFields(schema map[string]any) []string {
	var out []string
	for name, prop := range schema["properties"].(map[string]any) {
		if prop.(map[string]any)["x-immutable"] == true {
			out = append(out, name)
		}
	}
	return out
}

// content is a document without its id and meta fields.
func content(doc map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range doc {
		if k != "id" && !strings.HasPrefix(k, "_") {
			out[k] = v
		}
	}
	return out
}

// withField is m with one more field.
func withField(m map[string]any, k string, v any) map[string]any {
	out := map[string]any{k: v}
	for mk, mv := range m {
		out[mk] = mv
	}
	return out
}

// errorPaths lists the JSON Pointers of a problem's field errors.
func errorPaths(problem map[string]any) []string {
	var out []string
	errs, _ := problem["errors"].([]any)
	for _, e := range errs {
		if m, ok := e.(map[string]any); ok {
			if path, _ := m["path"].(string); path != "" {
				out = append(out, path)
			}
		}
	}
	return out
}

// jsonValue is v as it comes back from JSON.
func jsonValue(t *testing.T, v any) any {
	t.Helper()
	var out any
	require.NoError(t, json.Unmarshal([]byte(mustJSON(t, v)), &out))
	return out
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}
