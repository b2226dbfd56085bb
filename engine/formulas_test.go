package engine_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
)

// The exam program of the formulas issue: scores, pass marks, attempt
// limits and time limits as formulas in the schemas.
const (
	formulaExams = `{
  "type": "object",
  "required": ["title", "passingScore", "maxAttempts", "timeLimitMinutes"],
  "properties": {
    "title": {"type": "string"},
    "passingScore": {"type": "integer", "minimum": 0},
    "maxAttempts": {"type": "integer", "minimum": 1},
    "timeLimitMinutes": {"type": "integer", "minimum": 1}
  }
}`
	formulaAttempts = `{
  "type": "object",
  "required": ["exam", "learner"],
  "properties": {
    "exam": {"type": "string"},
    "learner": {"type": "string", "x-index": true},
    "startedAt": {"type": "string", "format": "date-time", "x-default": "now"},
    "submittedAt": {"type": "string", "format": "date-time"},
    "answers": {"type": "array", "items": {
      "type": "object", "required": ["question", "points"],
      "properties": {"question": {"type": "string"}, "points": {"type": "number"}}}},
    "score": {"type": "number", "x-formula": "sum(map(doc.answers ?? [], #.points))"},
    "passed": {"type": "boolean", "x-formula": "doc.score >= get(\"exams\", doc.exam).passingScore"},
    "expiresIn": {"type": "integer", "x-computed": "daysUntil(addMonths(doc.startedAt, 12))"}
  },
  "x-rules": [
    {"when": "old != nil || count(\"attempts\", {\"exam\": doc.exam, \"learner\": doc.learner}) < get(\"exams\", doc.exam).maxAttempts",
     "message": "no attempts left for this exam"},
    {"when": "doc.submittedAt == nil || doc.submittedAt <= addMinutes(doc.startedAt, get(\"exams\", doc.exam).timeLimitMinutes)",
     "message": "submitted after the time limit"}
  ]
}`
)

// formulaServer defines exams and attempts and one exam: pass mark 70,
// two attempts, thirty minutes.
func formulaServer(t *testing.T) *testServer {
	t.Helper()
	srv := newServer(t)
	createCollection(t, srv, "exams", formulaExams)
	createCollection(t, srv, "attempts", formulaAttempts)
	createDoc(t, srv, "exams", `{"id":"automation-101","title":"Automation 101","passingScore":70,"maxAttempts":2,"timeLimitMinutes":30}`)
	return srv
}

func TestFormulasExamJourney(t *testing.T) {
	srv := formulaServer(t)

	// The client's score and passed are not the server's: they are recomputed.
	first := createDoc(t, srv, "attempts", `{"id":"a1","exam":"automation-101","learner":"ada",
		"startedAt":"2026-11-23T10:00:00Z","submittedAt":"2026-11-23T10:20:00Z",
		"answers":[{"question":"q1","points":40},{"question":"q2","points":35}],
		"score":100,"passed":false}`)
	assert.EqualValues(t, 75, first["score"])
	assert.Equal(t, true, first["passed"])

	late := srv.post("/api/attempts", `{"exam":"automation-101","learner":"ada",
		"startedAt":"2026-11-23T10:00:00Z","submittedAt":"2026-11-23T10:31:00Z",
		"answers":[{"question":"q1","points":10}]}`)
	p := assertProblem(t, late, http.StatusUnprocessableEntity)
	assert.Equal(t, "submitted after the time limit", p["detail"])
	assert.Equal(t, []any{float64(1)}, p["rules"])

	second := createDoc(t, srv, "attempts", `{"id":"a2","exam":"automation-101","learner":"ada",
		"startedAt":"2026-11-23T11:00:00Z","submittedAt":"2026-11-23T11:30:00Z",
		"answers":[{"question":"q1","points":10}]}`)
	assert.EqualValues(t, 10, second["score"])
	assert.Equal(t, false, second["passed"])

	third := srv.post("/api/attempts", `{"exam":"automation-101","learner":"ada","startedAt":"2026-11-23T12:00:00Z"}`)
	p = assertProblem(t, third, http.StatusUnprocessableEntity)
	assert.Equal(t, "no attempts left for this exam", p["detail"])

	// Another learner has attempts of their own; an update is not a new attempt.
	createDoc(t, srv, "attempts", `{"id":"b1","exam":"automation-101","learner":"grace"}`)
	resp := srv.patch("/api/attempts/a2", `{"answers":[{"question":"q1","points":80}]}`)
	require.Equal(t, http.StatusOK, resp.Code, resp)
	assert.Equal(t, true, resp.object(t)["passed"], "passed follows the new score")

	// x-default stamps startedAt on create with the server's clock.
	grace := srv.get("/api/attempts/b1").object(t)
	startedAt, err := time.Parse(time.RFC3339, grace["startedAt"].(string))
	require.NoError(t, err, grace)
	assert.Equal(t, 2026, startedAt.Year())

	// x-computed on reads, in gets and in lists; never stored.
	got := srv.get("/api/attempts/a1").object(t)
	assert.InDelta(t, 365, got["expiresIn"], 1)
	items, _ := srv.get("/api/attempts?sort=id").page(t)
	require.Len(t, items, 3)
	for _, it := range items {
		assert.Contains(t, it, "expiresIn")
	}
	rev := srv.get("/api/attempts/a1/revisions/1").object(t)
	assert.NotContains(t, rev, "expiresIn", "a computed field is not stored")
}

func TestFormulasAtSave(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "exams", formulaExams)
	tests := map[string]struct {
		schema  string
		path    string
		message string
	}{
		"syntax error with position": {
			`{"type":"object","properties":{"a":{"type":"number","x-formula":"doc.b +* 2"}}}`,
			"/properties/a/x-formula", "line 1, column",
		},
		"result that cannot fit its property": {
			`{"type":"object","properties":{"a":{"type":"integer","x-formula":"\"text\""}}}`,
			"/properties/a/x-formula", "gives a string",
		},
		"rule that is not a boolean": {
			`{"type":"object","properties":{"a":{"type":"string"}},"x-rules":[{"when":"len(doc.a)","message":"m"}]}`,
			"/x-rules/0/when", "",
		},
		"cycle between formulas": {
			`{"type":"object","properties":{
				"a":{"type":"number","x-formula":"doc.b + 1"},
				"b":{"type":"number","x-formula":"doc.c + 1"},
				"c":{"type":"number","x-formula":"doc.a + 1"}}}`,
			"/properties/a/x-formula", "a → b → c → a",
		},
		"misuse of a function": {
			`{"type":"object","properties":{"a":{"type":"number","x-formula":"get(\"exams\")"}}}`,
			"/properties/a/x-formula", "line 1",
		},
		"formula below the top level": {
			`{"type":"object","properties":{"o":{"type":"object","properties":{"a":{"type":"number","x-formula":"1"}}}}}`,
			"/properties/o/properties/a/x-formula", "top-level",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			p := assertProblem(t, srv.put("/api/_schemas/things", tt.schema), http.StatusUnprocessableEntity)
			errs := fieldErrors(t, p)
			require.Contains(t, errs, tt.path, p)
			assert.Contains(t, errs[tt.path], tt.message)
			assertProblem(t, srv.get("/api/things"), http.StatusNotFound)
		})
	}
}

func TestFormulasDependencyOrder(t *testing.T) {
	srv := newServer(t)
	// Declared in the reverse of the order they must run in.
	createCollection(t, srv, "chain", `{"type":"object","properties":{
		"a":{"type":"number","x-formula":"doc.b * 2"},
		"b":{"type":"number","x-formula":"doc.c + 1"},
		"c":{"type":"number","x-formula":"doc.base * 10"},
		"base":{"type":"number"}}}`)
	doc := createDoc(t, srv, "chain", `{"base":2}`)
	assert.EqualValues(t, 20, doc["c"])
	assert.EqualValues(t, 21, doc["b"])
	assert.EqualValues(t, 42, doc["a"])
}

func TestFilters(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "exams", examsSchema)
	levels := []string{"fundamentals", "professional", "master"}
	createMany(t, srv, "exams", 60, func(i int) string {
		return `{"title":"Exam ` + strings.Repeat("x", i%3+1) + `","level":"` + levels[i%3] + `","passingScore":` + strconv.Itoa(50+i%50) + `}`
	})

	t.Run("scan", func(t *testing.T) {
		items := listAll(t, srv, "/api/exams?filter="+url.QueryEscape(`passingScore >= 90`))
		for _, it := range items {
			assert.GreaterOrEqual(t, it["passingScore"], float64(90))
		}
		assert.Len(t, items, 10)
		ex := srv.get("/api/exams?explain=true&filter=" + url.QueryEscape(`passingScore >= 90`)).object(t)["explain"].(map[string]any)
		assert.Equal(t, "", ex["index"])
		assert.EqualValues(t, 60, ex["examined"])
	})
	t.Run("index equality", func(t *testing.T) {
		q := url.QueryEscape(`level == "master" && passingScore >= 60`)
		items := listAll(t, srv, "/api/exams?filter="+q)
		assert.NotEmpty(t, items)
		for _, it := range items {
			assert.Equal(t, "master", it["level"])
			assert.GreaterOrEqual(t, it["passingScore"], float64(60))
		}
		ex := srv.get("/api/exams?explain=true&filter=" + q).object(t)["explain"].(map[string]any)
		assert.Equal(t, "level", ex["index"])
		assert.EqualValues(t, 20, ex["examined"], "only the masters are read")
		assert.EqualValues(t, len(items), ex["matched"])
	})
	t.Run("index range with paging and sort", func(t *testing.T) {
		q := url.QueryEscape(`doc.level > "master"`) // professional
		items := listAll(t, srv, "/api/exams?limit=7&sort=-passingScore&filter="+q)
		assert.Len(t, items, 20)
		for i, it := range items {
			assert.Equal(t, "professional", it["level"])
			if i > 0 {
				assert.LessOrEqual(t, it["passingScore"], items[i-1]["passingScore"])
			}
		}
	})
	t.Run("bad filter", func(t *testing.T) {
		p := assertProblem(t, srv.get("/api/exams?filter="+url.QueryEscape(`level == `)), http.StatusBadRequest)
		assert.EqualValues(t, 1, p["line"])
		assert.Contains(t, p, "column")
		assertProblem(t, srv.get("/api/exams?filter="+url.QueryEscape(`passingScore + 1`)), http.StatusBadRequest)
	})
}

func TestEval(t *testing.T) {
	srv := formulaServer(t)
	createDoc(t, srv, "attempts", `{"id":"a1","exam":"automation-101","learner":"ada","answers":[{"question":"q","points":90}]}`)
	tests := map[string]struct {
		body  string
		value any
		typ   string
	}{
		"sample document":   {`{"expr":"doc.score * 2","collection":"attempts","doc":{"score":21}}`, float64(42), "integer"},
		"stored document":   {`{"expr":"doc.passed","collection":"attempts","id":"a1"}`, true, "boolean"},
		"reads another":     {`{"expr":"get(\"exams\", \"automation-101\").passingScore","collection":"attempts"}`, float64(70), "integer"},
		"a date":            {`{"expr":"addDays(doc.startedAt, 1)","collection":"attempts","doc":{"startedAt":"2026-01-31T00:00:00Z"}}`, "2026-02-01T00:00:00.000Z", "date"},
		"filter mode":       {`{"expr":"learner == \"ada\"","mode":"filter","collection":"attempts","id":"a1"}`, true, "boolean"},
		"without a collect": {`{"expr":"len(\"abc\")"}`, float64(3), "integer"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			resp := srv.post("/api/_eval", tt.body)
			require.Equal(t, http.StatusOK, resp.Code, resp)
			out := resp.object(t)
			assert.Equal(t, tt.value, out["value"])
			assert.Equal(t, tt.typ, out["type"])
			assert.Contains(t, out, "micros")
		})
	}
	t.Run("error with its position", func(t *testing.T) {
		p := assertProblem(t, srv.post("/api/_eval", `{"expr":"doc.score +\n  * 2","collection":"attempts"}`), http.StatusUnprocessableEntity)
		assert.EqualValues(t, 2, p["line"])
		assert.Contains(t, p, "snippet")
	})
	t.Run("unknown document", func(t *testing.T) {
		assertProblem(t, srv.post("/api/_eval", `{"expr":"1","collection":"attempts","id":"nope"}`), http.StatusNotFound)
	})
}

func TestFormulaLimits(t *testing.T) {
	srv := formulaServer(t)
	t.Run("memory", func(t *testing.T) {
		p := assertProblem(t, srv.post("/api/_eval", `{"expr":"sum(map(1..100000000, # * 2))"}`), http.StatusUnprocessableEntity)
		assert.Contains(t, strings.Join(errorMessages(p), " "), "memory")
	})
	t.Run("reads", func(t *testing.T) {
		createMany(t, srv, "exams", 1001, func(i int) string {
			return `{"title":"E","passingScore":1,"maxAttempts":1,"timeLimitMinutes":1}`
		})
		p := assertProblem(t, srv.post("/api/_eval", `{"expr":"len(find(\"exams\", {\"title\": \"E\"}))"}`), http.StatusUnprocessableEntity)
		assert.Contains(t, strings.Join(errorMessages(p), " "), "reads too many documents")
		// Without an index, a count reads the whole collection: that is
		// what the bound counts.
		p = assertProblem(t, srv.post("/api/_eval", `{"expr":"count(\"exams\", {\"passingScore\": 70})"}`), http.StatusUnprocessableEntity)
		assert.Contains(t, strings.Join(errorMessages(p), " "), "reads too many documents")
		// Through an x-index, it reads only what matches.
		createDoc(t, srv, "attempts", `{"exam":"automation-101","learner":"ada"}`)
		resp := srv.post("/api/_eval", `{"expr":"count(\"attempts\", {\"learner\": \"ada\"})"}`)
		require.Equal(t, http.StatusOK, resp.Code, resp)
		assert.EqualValues(t, 1, resp.object(t)["value"])
	})
}

func errorMessages(p map[string]any) []string {
	var out []string
	list, _ := p["errors"].([]any)
	for _, e := range list {
		m, _ := e.(map[string]any)
		s, _ := m["message"].(string)
		out = append(out, s)
	}
	return out
}

// TestRulesHoldUnderConcurrentWriters: formulas run inside the write's
// transaction, so ten simultaneous attempts at an exam that allows two
// leave exactly two.
func TestRulesHoldUnderConcurrentWriters(t *testing.T) {
	srv := formulaServer(t)
	var wg sync.WaitGroup
	codes := make(chan int, 10)
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes <- srv.post("/api/attempts", `{"exam":"automation-101","learner":"ada"}`).Code
		}()
	}
	wg.Wait()
	close(codes)
	count := map[int]int{}
	for c := range codes {
		count[c]++
	}
	assert.Equal(t, map[int]int{http.StatusCreated: 2, http.StatusUnprocessableEntity: 8}, count)
	items := listAll(t, srv, "/api/attempts?filter="+url.QueryEscape(`learner == "ada"`))
	assert.Len(t, items, 2)
}

// TestFormulaChangeRecomputes: raising the pass mark formula re-scores the
// attempts already stored, as new revisions; a formula that fails on them
// is a 409 naming them, like any schema they would not satisfy.
func TestFormulaChangeRecomputes(t *testing.T) {
	srv := formulaServer(t)
	createDoc(t, srv, "attempts", `{"id":"a1","exam":"automation-101","learner":"ada","answers":[{"question":"q","points":75}]}`)
	createDoc(t, srv, "attempts", `{"id":"a2","exam":"automation-101","learner":"bob","answers":[{"question":"q","points":95}]}`)
	require.Equal(t, true, srv.get("/api/attempts/a1").object(t)["passed"])

	stricter := strings.Replace(formulaAttempts,
		`"doc.score >= get(\"exams\", doc.exam).passingScore"`, `"doc.score >= get(\"exams\", doc.exam).passingScore + 10"`, 1)
	require.NotEqual(t, formulaAttempts, stricter)

	report := srv.put("/api/_schemas/attempts?dryRun=true", stricter)
	require.Equal(t, http.StatusOK, report.Code, report)
	assert.EqualValues(t, 1, report.object(t)["recomputed"], "only a1 changes")
	assert.Equal(t, true, srv.get("/api/attempts/a1").object(t)["passed"], "a dry run changes nothing")

	resp := srv.put("/api/_schemas/attempts", stricter)
	require.Equal(t, http.StatusOK, resp.Code, resp)
	a1 := srv.get("/api/attempts/a1").object(t)
	assert.Equal(t, false, a1["passed"])
	assert.EqualValues(t, 2, a1["_rev"], "the recomputation is a revision")
	assert.EqualValues(t, 1, srv.get("/api/attempts/a2").object(t)["_rev"], "an unchanged document is left alone")
	items := listAll(t, srv, "/api/attempts?filter="+url.QueryEscape(`passed == true`))
	assert.Equal(t, []string{"a2"}, idsOf(items), "filters see the new values")

	broken := strings.Replace(formulaAttempts, `"sum(map(doc.answers ?? [], #.points))"`, `"sum(map(doc.answers ?? [], #.points)) / 0"`, 1)
	require.NotEqual(t, formulaAttempts, broken)
	p := assertProblem(t, srv.put("/api/_schemas/attempts", broken), http.StatusConflict)
	assert.EqualValues(t, 2, p["invalidCount"])
	assert.Equal(t, false, srv.get("/api/attempts/a1").object(t)["passed"], "a refused change changes nothing")
}

// TestFormulasSeeTheID: doc.id is in scope in every formula of a document.
func TestFormulasSeeTheID(t *testing.T) {
	srv := newServerConfig(t, engine.Config{AnonymousRole: documents.RolePublic})
	admin := bearer(t, srv, documents.RoleAdmin, "")
	learner := bearer(t, srv, "learner", "ada")
	require.Equal(t, http.StatusCreated, srv.put("/api/_schemas/profiles", `{"type":"object",
		"x-access":{"read":"doc.id == auth.subject","create":"doc.id == auth.subject","update":"doc.id == auth.subject"},
		"x-rules":[{"when":"len(doc.id) >= 3","message":"ids have three characters or more"}],
		"properties":{"name":{"type":"string"},"slug":{"type":"string","x-formula":"\"p-\" + doc.id"},
			"link":{"type":"string","x-computed":"\"/profiles/\" + doc.id"}}}`, admin...).Code)

	created := srv.put("/api/profiles/ada", `{"name":"Ada"}`, learner...)
	require.Equal(t, http.StatusCreated, created.Code, created)
	doc := created.object(t)
	assert.Equal(t, "p-ada", doc["slug"], "x-formula")
	assert.Equal(t, "/profiles/ada", srv.get("/api/profiles/ada", learner...).object(t)["link"], "x-computed")
	assertProblem(t, srv.put("/api/profiles/bob", `{"name":"Bob"}`, learner...), http.StatusForbidden)
	assertProblem(t, srv.put("/api/profiles/al", `{"name":"Al"}`, admin...), http.StatusUnprocessableEntity)
	assertProblem(t, srv.get("/api/profiles/al", learner...), http.StatusNotFound)
}

// TestFilterWithNowUsesTheIndex: a comparison of an x-index date with now
// is served from the index, at the time of the request.
func TestFilterWithNowUsesTheIndex(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "passes", `{"type": "object", "properties": {
	  "expiresAt": {"type": "string", "format": "date-time", "x-index": true}}}`)
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC) // the test server's clock
	for i := range 30 {
		at := now.AddDate(0, 0, i-10).Add(12 * time.Hour) // 10 in the past, 20 to come
		createDoc(t, srv, "passes", `{"expiresAt": "`+at.Format("2006-01-02T15:04:05.000Z")+`"}`)
	}
	for _, tc := range []struct {
		filter string
		want   int
	}{
		{`expiresAt < now`, 10},
		{`now > doc.expiresAt`, 10},
		{`expiresAt >= now`, 20},
	} {
		body := srv.get("/api/passes?explain=true&limit=100&filter=" + url.QueryEscape(tc.filter)).object(t)
		assert.Len(t, body["items"], tc.want, tc.filter)
		ex := body["explain"].(map[string]any)
		assert.Equal(t, "expiresAt", ex["index"], tc.filter)
		assert.EqualValues(t, tc.want, ex["examined"], "%s: only the range is read", tc.filter)
	}
}
