package engine_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
)

// resultsSchema: scored results of learners, read by their owners, with a
// private note.
const resultsSchema = `{
  "type": "object",
  "x-access": {"list": "auth.role in [\"admin\", \"editor\"] || doc.learner == auth.subject"},
  "properties": {
    "learner": {"type": "string", "x-index": true},
    "exam":    {"type": "string", "x-index": true},
    "score":   {"type": "number"},
    "passed":  {"type": "boolean"},
    "takenAt": {"type": "string", "format": "date-time"},
    "note":    {"type": "string", "x-private": true},
    "tags":    {"type": "array", "items": {"type": "string"}}
  }
}`

// results are the documents of the tests: takenAt straddles Warsaw's
// spring-forward night (29 March 2026, 02:00 CET -> 03:00 CEST).
var results = []string{
	`{"id":"r1","learner":"ada","exam":"e1","score":40,"passed":false,"takenAt":"2026-03-28T22:30:00Z","note":"x"}`, // 23:30 on the 28th in Warsaw
	`{"id":"r2","learner":"ada","exam":"e1","score":80,"passed":true,"takenAt":"2026-03-28T23:30:00Z"}`,             // 00:30 on the 29th
	`{"id":"r3","learner":"bo","exam":"e1","score":90,"passed":true,"takenAt":"2026-03-29T21:30:00Z"}`,              // 23:30 on the 29th (CEST)
	`{"id":"r4","learner":"bo","exam":"e2","score":70,"passed":true,"takenAt":"2026-03-29T22:30:00Z"}`,              // 00:30 on the 30th
	`{"id":"r5","learner":"cy","exam":"e2","takenAt":"2026-03-30T08:00:00Z"}`,                                       // started, not scored
}

func newResults(t *testing.T) (*testServer, keyCaller, keyCaller) {
	t.Helper()
	srv := newServerConfig(t, engine.Config{AnonymousRole: documents.RolePublic})
	admin, _ := withKey(t, srv, "admin", "")
	require.Equal(t, http.StatusCreated, admin.put("/api/_schemas/results", resultsSchema).Code)
	for _, doc := range results {
		require.Equal(t, http.StatusCreated, admin.post("/api/results", doc).Code)
	}
	ada, _ := withKey(t, srv, "learner", "ada")
	return srv, admin, ada
}

// rows returns the rows of an aggregate answer.
func rows(t *testing.T, resp *response) []map[string]any {
	t.Helper()
	require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
	var out struct {
		Rows []map[string]any `json:"rows"`
	}
	require.NoError(t, json.Unmarshal(resp.Body, &out))
	return out.Rows
}

func aggregatePath(params ...string) string {
	q := url.Values{}
	for i := 0; i+1 < len(params); i += 2 {
		q.Set(params[i], params[i+1])
	}
	return "/api/results/_aggregate?" + q.Encode()
}

func TestAggregateMetrics(t *testing.T) {
	_, admin, _ := newResults(t)
	got := rows(t, admin.get(aggregatePath("groupBy", "exam",
		"metrics", "count,sum:score,avg:score,min:score,max:score,p50:score,p90:score,rate:passed,distinct:learner,sum:passed")))
	require.Len(t, got, 2)
	e1, e2 := got[0], got[1]
	assert.Equal(t, map[string]any{"exam": "e1"}, e1["key"])
	assert.EqualValues(t, 3, e1["count"])
	assert.EqualValues(t, 210, e1["sum:score"])
	assert.InDelta(t, 70, e1["avg:score"], 1e-9)
	assert.EqualValues(t, 40, e1["min:score"])
	assert.EqualValues(t, 90, e1["max:score"])
	assert.InDelta(t, 80, e1["p50:score"], 1e-9)
	assert.InDelta(t, 88, e1["p90:score"], 1e-9, "40, 80, 90: rank 1.8 is 80 + 0.8*10")
	assert.InDelta(t, 2.0/3, e1["rate:passed"], 1e-9)
	assert.EqualValues(t, 2, e1["distinct:learner"])
	assert.EqualValues(t, 2, e1["sum:passed"], "true counts as 1")

	assert.Equal(t, map[string]any{"exam": "e2"}, e2["key"])
	assert.EqualValues(t, 2, e2["count"], "an unscored result is counted")
	assert.InDelta(t, 70, e2["avg:score"], 1e-9, "and not measured")
	assert.InDelta(t, 1, e2["rate:passed"], 1e-9, "the rate is over the booleans")
	assert.EqualValues(t, 2, e2["distinct:learner"])

	// No groups: one row over everything.
	all := rows(t, admin.get(aggregatePath("metrics", "count,avg:score")))
	require.Len(t, all, 1)
	assert.EqualValues(t, 5, all[0]["count"])
	assert.InDelta(t, 70, all[0]["avg:score"], 1e-9)
	assert.Equal(t, map[string]any{}, all[0]["key"])

	// Two fields, and a filter served by an index.
	two := rows(t, admin.get(aggregatePath("groupBy", "exam,learner", "metrics", "count", "filter", `exam == "e1"`, "explain", "true")))
	require.Len(t, two, 2)
	assert.Equal(t, map[string]any{"exam": "e1", "learner": "ada"}, two[0]["key"])
	assert.EqualValues(t, 2, two[0]["count"])
	assert.Equal(t, map[string]any{"exam": "e1", "learner": "bo"}, two[1]["key"])
	var explained struct {
		Matched int               `json:"matched"`
		Explain documents.Explain `json:"explain"`
	}
	require.NoError(t, json.Unmarshal(admin.get(aggregatePath("metrics", "count", "filter", `exam == "e1"`, "explain", "true")).Body, &explained))
	assert.Equal(t, 3, explained.Matched)
	assert.Equal(t, "exam", explained.Explain.Index)
	assert.Equal(t, 3, explained.Explain.Examined, "only the index's candidates are read")
}

// TestAggregateBuckets: days are cut in the time zone asked for, across a
// change of daylight saving time.
func TestAggregateBuckets(t *testing.T) {
	_, admin, _ := newResults(t)
	days := func(params ...string) map[string]float64 {
		out := map[string]float64{}
		for _, r := range rows(t, admin.get(aggregatePath(append([]string{"metrics", "count"}, params...)...))) {
			out[r["key"].(map[string]any)["takenAt"].(string)] = r["count"].(float64)
		}
		return out
	}
	assert.Equal(t, map[string]float64{"2026-03-28": 1, "2026-03-29": 2, "2026-03-30": 2},
		days("bucket", "takenAt:day", "tz", "Europe/Warsaw"))
	assert.Equal(t, map[string]float64{"2026-03-28": 2, "2026-03-29": 2, "2026-03-30": 1},
		days("bucket", "takenAt:day"), "UTC by default")
	assert.Equal(t, map[string]float64{"2026-03-23": 3, "2026-03-30": 2},
		days("bucket", "takenAt:week", "tz", "Europe/Warsaw"), "weeks start on Monday")
	assert.Equal(t, map[string]float64{"2026-03": 5}, days("bucket", "takenAt:month", "tz", "America/New_York"))
	assert.Equal(t, map[string]float64{"2026-03-28T23": 1, "2026-03-29T00": 1, "2026-03-29T23": 1, "2026-03-30T00": 1, "2026-03-30T10": 1},
		days("bucket", "takenAt:hour", "tz", "Europe/Warsaw"))

	// Buckets and groups together: the bucket is part of the key.
	both := rows(t, admin.get(aggregatePath("groupBy", "exam", "bucket", "takenAt:day", "tz", "Europe/Warsaw", "metrics", "count")))
	require.Len(t, both, 3)
	assert.Equal(t, map[string]any{"exam": "e1", "takenAt": "2026-03-28"}, both[0]["key"])

	// Meta fields bucket too.
	created := rows(t, admin.get("/api/results/_aggregate?bucket=_createdAt:year&metrics=count"))
	require.Len(t, created, 1)
	assert.EqualValues(t, 5, created[0]["count"])
}

// TestAggregateAccess: an aggregate counts what the caller may list, and
// measures no field it may not read.
func TestAggregateAccess(t *testing.T) {
	srv, admin, ada := newResults(t)
	mine := rows(t, ada.get(aggregatePath("groupBy", "learner", "metrics", "count,avg:score")))
	require.Len(t, mine, 1, "ada sees her own results only")
	assert.Equal(t, map[string]any{"learner": "ada"}, mine[0]["key"])
	assert.EqualValues(t, 2, mine[0]["count"])
	assert.InDelta(t, 60, mine[0]["avg:score"], 1e-9)

	for _, params := range [][]string{
		{"metrics", "distinct:note"},
		{"groupBy", "note"},
		{"bucket", "note:day"},
	} {
		resp := ada.get(aggregatePath(params...))
		assert.Equal(t, http.StatusBadRequest, resp.Code, "%v: %s", params, resp)
	}
	assert.Equal(t, http.StatusOK, admin.get(aggregatePath("metrics", "distinct:note")).Code, "admins read the note")

	// A filter sees what she sees: it cannot probe the note of r1.
	probe := rows(t, ada.get(aggregatePath("metrics", "count", "filter", `note == "x"`)))
	assert.Empty(t, probe)

	// The explain, which counts hidden documents, is not a learner's.
	var answer map[string]any
	require.NoError(t, json.Unmarshal(ada.get(aggregatePath("metrics", "count", "explain", "true")).Body, &answer))
	assert.NotContains(t, answer, "explain")
	assert.EqualValues(t, 2, answer["matched"])

	// The public lists nothing here, as in a list.
	assert.Empty(t, rows(t, srv.get(aggregatePath("metrics", "count"))))
}

func TestAggregateBadInput(t *testing.T) {
	_, admin, _ := newResults(t)
	for _, tt := range []struct {
		params   []string
		param    string
		position float64
		says     string
	}{
		{[]string{"metrics", "count,avg:scroe"}, "metrics", 7, `no field "scroe"`},
		{[]string{"metrics", "count,median:score"}, "metrics", 7, "not a metric"},
		{[]string{"metrics", "p100:score"}, "metrics", 1, "p1 to p99"},
		{[]string{"metrics", "count:score"}, "metrics", 1, "count takes no field"},
		{[]string{"metrics", "avg"}, "metrics", 1, "needs a field"},
		{[]string{"metrics", "count,count"}, "metrics", 1, "asked twice"},
		{[]string{"groupBy", "exam,levle"}, "groupBy", 6, `no field "levle"`},
		{[]string{"bucket", "takenAt:fortnight"}, "bucket", 8, "not hour, day, week, month or year"},
		{[]string{"bucket", "nope:day"}, "bucket", 1, `no field "nope"`},
		{[]string{"bucket", "takenAt:day", "tz", "Mars/Olympus_Mons"}, "tz", 1, "IANA"},
	} {
		t.Run(strings.Join(tt.params, "="), func(t *testing.T) {
			p := assertProblem(t, admin.get(aggregatePath(tt.params...)), http.StatusBadRequest)
			assert.Equal(t, tt.param, p["parameter"])
			assert.Equal(t, tt.position, p["position"])
			assert.Contains(t, p["detail"], tt.says)
		})
	}
	// A filter that does not compile says where.
	p := assertProblem(t, admin.get(aggregatePath("metrics", "count", "filter", "score >")), http.StatusBadRequest)
	assert.Contains(t, p, "line")
	assertProblem(t, admin.get("/api/nothing/_aggregate"), http.StatusNotFound)
}

func TestAggregateCSV(t *testing.T) {
	_, admin, _ := newResults(t)
	admin.post("/api/results", `{"id":"r6","learner":"=cmd()","exam":"e3","score":1}`)
	resp := admin.get(strings.Replace(aggregatePath("groupBy", "exam,learner", "metrics", "count,avg:score"), "_aggregate?", "_aggregate.csv?", 1))
	require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
	assert.Equal(t, "text/csv; charset=utf-8", resp.Header.Get("Content-Type"))
	lines := strings.Split(strings.TrimSpace(string(resp.Body)), "\n")
	assert.Equal(t, "exam,learner,count,avg:score", lines[0])
	assert.Equal(t, "e1,ada,2,60", lines[1])
	assert.Contains(t, lines, "e3,'=cmd(),1,1", "a cell a spreadsheet would run is quoted")
}

// TestVerifyAuditOverHTTP: admins check the audit chain from the API (the
// admin UI's operations screen does); others may not.
func TestVerifyAuditOverHTTP(t *testing.T) {
	srv, admin, ada := newResults(t)
	resp := admin.get("/api/_audit/_verify")
	require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
	rep := resp.object(t)
	assert.Equal(t, true, rep["ok"])
	assert.GreaterOrEqual(t, rep["entries"], float64(len(results)), "every write is an entry")
	assertProblem(t, ada.get("/api/_audit/_verify"), http.StatusForbidden)
	assertProblem(t, srv.get("/api/_audit/_verify"), http.StatusForbidden)
}
