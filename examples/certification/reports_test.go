package certification_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
)

// TestReports: learners take an exam; the attempts carry their item
// results (private: the learner sees none), the item analysis reads them,
// and every report of the pack runs.
func TestReports(t *testing.T) {
	p := newProgram(t)
	admin := p.key(documents.RoleAdmin, "")
	var ada string
	for i, id := range []string{"ada", "bo", "cy", "di"} {
		key := p.signUp(id)
		if i == 0 {
			ada = key
		}
		attempt := p.ok(key, "POST", "/api/attempts", map[string]any{"exam": "automation-fundamentals"})
		if i%2 == 0 {
			status, body := p.submitRight(admin, key, attempt)
			require.Equal(t, 200, status, "%v", body)
		} else {
			p.ok(key, "PATCH", "/api/attempts/"+attempt["id"].(string), map[string]any{"answers": []any{}})
		}
	}
	p.work()

	// The item results: one per drawn question, with the key, for staff.
	page := p.ok(admin, "GET", "/api/attempts?limit=10", nil)["items"].([]any)
	require.Len(t, page, 4)
	first := page[0].(map[string]any)
	items, ok := first["items"].([]any)
	require.True(t, ok, "a submitted attempt has its item results: %v", first)
	assert.Len(t, items, len(first["questions"].([]any)))
	item := items[0].(map[string]any)
	for _, f := range []string{"item", "score", "max", "choices", "key", "options"} {
		assert.Contains(t, item, f)
	}
	assert.Equal(t, "automation", first["path"])
	assert.Equal(t, "fundamentals", first["level"])
	mine := p.ok(ada, "GET", "/api/attempts", nil)["items"].([]any)
	require.Len(t, mine, 1)
	assert.NotContains(t, mine[0], "items", "the learner does not see the key")

	analysis := p.ok(admin, "GET", "/api/attempts/_itemAnalysis?minSeen=1&filter="+url.QueryEscape(`exam == "automation-fundamentals"`), nil)
	assert.EqualValues(t, 4, analysis["responses"])
	test := analysis["test"].(map[string]any)
	assert.InDelta(t, 0.5, test["passRate"], 1e-9, "two of four passed")
	assert.NotEmpty(t, analysis["items"])

	// The awarded credentials know how long they took.
	creds := p.ok(admin, "GET", "/api/credentials?limit=100", nil)["items"].([]any)
	require.NotEmpty(t, creds)
	for _, c := range creds {
		assert.Contains(t, c.(map[string]any), "daysToAward")
	}

	// Every report of the pack runs, as an editor would run it.
	editor := p.key(documents.RoleEditor, "")
	reports := p.ok(editor, "GET", "/api/_reports?limit=100", nil)["items"].([]any)
	require.GreaterOrEqual(t, len(reports), 8)
	for _, r := range reports {
		rep := r.(map[string]any)
		path := reportPath(rep)
		t.Run(rep["id"].(string), func(t *testing.T) {
			res := p.in(t).ok(editor, "GET", path, nil)
			if rep["kind"] == "items" {
				assert.Contains(t, res, "test")
				return
			}
			assert.Contains(t, res, "rows")
		})
	}
	rows := p.ok(editor, "GET", reportPath(find(reports, "pass-rate-by-path-level")), nil)["rows"].([]any)
	require.Len(t, rows, 1)
	assert.InDelta(t, 0.5, rows[0].(map[string]any)["rate:passed"], 1e-9)
	assert.Equal(t, map[string]any{"path": "automation", "level": "fundamentals"}, rows[0].(map[string]any)["key"])
	// A learner runs no report: the collection is staff's.
	status, _ := p.call(ada, "GET", "/api/_reports", nil)
	assert.Equal(t, 200, status)
	assert.Empty(t, p.ok(ada, "GET", "/api/_reports", nil)["items"])
}

// reportPath is the request a report stands for.
func reportPath(r map[string]any) string {
	q := url.Values{}
	strs := func(k string) string {
		var out []string
		for _, v := range asList(r[k]) {
			out = append(out, v.(string))
		}
		return strings.Join(out, ",")
	}
	for _, k := range []string{"filter", "bucket", "tz", "items", "passed"} {
		if s, _ := r[k].(string); s != "" {
			q.Set(k, s)
		}
	}
	if s := strs("groupBy"); s != "" {
		q.Set("groupBy", s)
	}
	if s := strs("metrics"); s != "" {
		q.Set("metrics", s)
	}
	op := "_aggregate"
	if r["kind"] == "items" {
		op = "_itemAnalysis"
	}
	return "/api/" + r["collection"].(string) + "/" + op + "?" + q.Encode()
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func find(list []any, id string) map[string]any {
	for _, v := range list {
		if m := v.(map[string]any); m["id"] == id {
			return m
		}
	}
	return nil
}
