package engine_test

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
)

// responsesSchema holds scored responses: an item array and a pass.
const responsesSchema = `{
  "type": "object",
  "x-access": {"list": "auth.role in [\"admin\", \"editor\"] || doc.learner == auth.subject"},
  "properties": {
    "learner": {"type": "string"},
    "form": {"type": "string", "x-index": true},
    "passed": {"type": "boolean"},
    "items": {"type": "array", "x-private": true, "items": {"type": "object"}}
  }
}`

// matrix is a fixed response matrix: ten candidates, five one-point items
// (rows are candidates).
var matrix = [][]float64{
	{1, 1, 1, 1, 0},
	{1, 1, 1, 0, 0},
	{1, 1, 0, 1, 1},
	{1, 0, 1, 0, 0},
	{1, 1, 1, 1, 1},
	{0, 1, 0, 0, 0},
	{1, 1, 1, 1, 0},
	{1, 0, 0, 0, 1},
	{1, 1, 1, 0, 0},
	{0, 0, 0, 0, 0},
}

// choices are what each candidate chose on item q1 (key "a"): d is a
// distractor nobody chose, and on q2 (key "b") c draws more than the key.
func choiceOf(cand, item int) []string {
	switch item {
	case 0:
		if matrix[cand][0] == 1 {
			return []string{"a"}
		}
		return []string{"b"}
	case 1:
		if matrix[cand][1] == 1 {
			return []string{"b"}
		}
		return []string{"c"}
	}
	return nil
}

// firstPrinciples computes, from the matrix alone, each item's difficulty
// (its mean over its maximum) and corrected item-total correlation, and
// Cronbach's alpha and the SEM, with two-pass sums.
func firstPrinciples(m [][]float64, maxes []float64) (diff, disc []float64, alpha, sd, sem float64) {
	n, k := float64(len(m)), len(m[0])
	totals := make([]float64, len(m))
	for i, row := range m {
		for _, x := range row {
			totals[i] += x
		}
	}
	mean := func(xs []float64) float64 {
		s := 0.0
		for _, x := range xs {
			s += x
		}
		return s / float64(len(xs))
	}
	variance := func(xs []float64) float64 { // population
		mu, s := mean(xs), 0.0
		for _, x := range xs {
			s += (x - mu) * (x - mu)
		}
		return s / float64(len(xs))
	}
	sumItemVar := 0.0
	for j := range k {
		col, rest := make([]float64, len(m)), make([]float64, len(m))
		for i := range m {
			col[i], rest[i] = m[i][j], totals[i]-m[i][j]
		}
		diff = append(diff, mean(col)/maxes[j])
		mx, mr, cov := mean(col), mean(rest), 0.0
		for i := range m {
			cov += (col[i] - mx) * (rest[i] - mr)
		}
		cov /= n
		disc = append(disc, cov/math.Sqrt(variance(col)*variance(rest)))
		sumItemVar += variance(col)
	}
	kk := float64(k)
	alpha = kk / (kk - 1) * (1 - sumItemVar/variance(totals))
	sd = math.Sqrt(variance(totals) * n / (n - 1))
	sem = sd * math.Sqrt(1-alpha)
	return diff, disc, alpha, sd, sem
}

func newResponses(t *testing.T) (*testServer, keyCaller) {
	t.Helper()
	srv := newServerConfig(t, engine.Config{AnonymousRole: documents.RolePublic})
	admin, _ := withKey(t, srv, "admin", "")
	require.Equal(t, http.StatusCreated, admin.put("/api/_schemas/responses", responsesSchema).Code)
	return srv, admin
}

func analysis(t *testing.T, resp *response) documents.ItemAnalysis {
	t.Helper()
	require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
	var a documents.ItemAnalysis
	require.NoError(t, json.Unmarshal(resp.Body, &a))
	return a
}

// TestItemAnalysisDichotomous checks every statistic against the matrix,
// computed independently, to 1e-9.
func TestItemAnalysisDichotomous(t *testing.T) {
	_, admin := newResponses(t)
	for c, row := range matrix {
		var items []string
		for j, x := range row {
			extra := ""
			if ch := choiceOf(c, j); ch != nil {
				key := map[int]string{0: "a", 1: "b"}[j]
				extra = fmt.Sprintf(`,"choices":["%s"],"key":["%s"],"options":["a","b","c","d"]`, ch[0], key)
			}
			items = append(items, fmt.Sprintf(`{"item":"q%d","score":%g,"max":1%s}`, j+1, x, extra))
		}
		total := 0.0
		for _, x := range row {
			total += x
		}
		body := fmt.Sprintf(`{"learner":"l%d","form":"A","passed":%t,"items":[%s]}`, c, total >= 3, strings.Join(items, ","))
		require.Equal(t, http.StatusCreated, admin.post("/api/responses", body).Code)
	}
	// A response of another form is not in the analysis.
	admin.post("/api/responses", `{"learner":"x","form":"B","items":[{"item":"q1","score":0}]}`)

	a := analysis(t, admin.get(withQuery("/api/responses/_itemAnalysis?minSeen=5", "filter", `form == "A"`)))
	diff, disc, alpha, sd, sem := firstPrinciples(matrix, []float64{1, 1, 1, 1, 1})
	assert.Equal(t, 10, a.Responses)
	require.Len(t, a.Items, 5)
	for j, it := range a.Items {
		assert.Equal(t, fmt.Sprintf("q%d", j+1), it.Item)
		assert.Equal(t, 10, it.Seen)
		assert.InDelta(t, diff[j], it.Difficulty, 1e-9, it.Item)
		require.NotNil(t, it.Discrimination, it.Item)
		assert.InDelta(t, disc[j], *it.Discrimination, 1e-9, it.Item)
	}
	require.NotNil(t, a.Test.Alpha)
	assert.True(t, a.Test.KR20, "every item is 0 or 1: alpha is KR-20")
	assert.InDelta(t, alpha, *a.Test.Alpha, 1e-9)
	assert.InDelta(t, sd, a.Test.SD, 1e-9)
	require.NotNil(t, a.Test.SEM)
	assert.InDelta(t, sem, *a.Test.SEM, 1e-9)
	assert.InDelta(t, 2.8, a.Test.Mean, 1e-9)
	assert.Equal(t, 5.0, a.Test.ItemsPerResponse)
	assert.Equal(t, 0.0, a.Test.Min)
	assert.Equal(t, 5.0, a.Test.Max)
	assert.InDelta(t, 3, a.Test.Median, 1e-9, "totals 0 1 2 2 3 3 4 4 4 5")
	require.NotNil(t, a.Test.PassRate)
	assert.InDelta(t, 0.6, *a.Test.PassRate, 1e-9)
	bins := map[int]int{}
	for _, b := range a.Test.Distribution {
		bins[b.From] = b.Count
	}
	assert.Equal(t, map[int]int{0: 1, 10: 0, 20: 1, 30: 0, 40: 2, 50: 0, 60: 2, 70: 0, 80: 3, 90: 1}, bins)

	// Options and distractors: q1's key a drew 8, b 2, c and d nobody.
	q1 := a.Items[0]
	require.Len(t, q1.Options, 4)
	assert.Equal(t, documents.OptionStats{Option: "a", Key: true, Count: 8, Proportion: 0.8}, q1.Options[0])
	assert.Equal(t, documents.OptionStats{Option: "d", Count: 0, Proportion: 0}, q1.Options[3])
	assert.Contains(t, codes(q1.Flags), "unused-distractor")
	// q5: hard (0.3), and a low correlation is flagged by its value.
	assert.Equal(t, *a.Items[4].Discrimination < 0.2, contains(codes(a.Items[4].Flags), "low-discrimination") || contains(codes(a.Items[4].Flags), "negative-discrimination"))

	// Flags need enough responses: at the default of 20, ten are too few.
	few := analysis(t, admin.get(withQuery("/api/responses/_itemAnalysis", "filter", `form == "A"`)))
	assert.Equal(t, []string{"few-responses"}, codes(few.Items[0].Flags))
}

// TestItemAnalysisFlags: the thresholds a psychometrician would use.
func TestItemAnalysisFlags(t *testing.T) {
	_, admin := newResponses(t)
	// 20 candidates: q-easy everyone gets, q-hard one gets, q-key's
	// distractor c draws more than the key, q-neg is got by the weakest.
	for c := range 20 {
		strong := c < 10
		hard := 0
		if c == 0 {
			hard = 1
		}
		neg, choice, score := 0, "c", 0
		if !strong {
			neg = 1
		}
		if c%3 == 0 {
			choice, score = "a", 1
		}
		body := fmt.Sprintf(`{"learner":"l%d","items":[{"item":"easy","score":1},{"item":"hard","score":%d},
			{"item":"key","score":%d,"choices":["%s"],"key":["a"],"options":["a","b","c"]},{"item":"neg","score":%d},
			{"item":"anchor","score":%d}]}`, c, hard, score, choice, neg, map[bool]int{true: 1, false: 0}[strong])
		require.Equal(t, http.StatusCreated, admin.post("/api/responses", body).Code)
	}
	a := analysis(t, admin.get("/api/responses/_itemAnalysis"))
	byItem := map[string]documents.ItemStats{}
	for _, it := range a.Items {
		byItem[it.Item] = it
	}
	assert.Contains(t, codes(byItem["easy"].Flags), "easy")
	assert.Nil(t, byItem["easy"].Discrimination, "an item everyone gets does not vary")
	assert.Contains(t, codes(byItem["hard"].Flags), "hard")
	assert.Contains(t, codes(byItem["key"].Flags), "distractor-over-key")
	assert.Contains(t, codes(byItem["key"].Flags), "unused-distractor", "b is chosen by nobody")
	assert.Contains(t, codes(byItem["neg"].Flags), "negative-discrimination")
	assert.NotContains(t, codes(byItem["anchor"].Flags), "low-discrimination")
	assert.Nil(t, a.Test.PassRate, "no response says whether it passed")
}

// TestItemAnalysisPartialCredit: alpha over items worth several points,
// and items not every response saw.
func TestItemAnalysisPartialCredit(t *testing.T) {
	_, admin := newResponses(t)
	m := [][]float64{{2, 3, 1}, {1, 2, 1}, {0, 1, 0}, {2, 2, 1}, {1, 3, 0}, {0, 0, 0}}
	for c, row := range m {
		admin.post("/api/responses", fmt.Sprintf(`{"learner":"l%d","items":[{"item":"a","score":%g,"max":2},{"item":"b","score":%g,"max":3},{"item":"c","score":%g,"max":1}]}`,
			c, row[0], row[1], row[2]))
	}
	a := analysis(t, admin.get("/api/responses/_itemAnalysis?minSeen=1"))
	diff, disc, alpha, _, _ := firstPrinciples(m, []float64{2, 3, 1})
	for j, it := range a.Items {
		assert.InDelta(t, diff[j], it.Difficulty, 1e-9, it.Item)
		assert.InDelta(t, disc[j], *it.Discrimination, 1e-9, it.Item)
	}
	assert.False(t, a.Test.KR20)
	assert.InDelta(t, alpha, *a.Test.Alpha, 1e-9)
	assert.InDelta(t, 3.0, a.Items[1].Max, 1e-9)

	// A response drawn from a pool sees some items: seen counts them.
	admin.post("/api/responses", `{"learner":"z","items":[{"item":"a","score":2,"max":2},{"item":"d","score":1}]}`)
	a = analysis(t, admin.get("/api/responses/_itemAnalysis?minSeen=1"))
	seen := map[string]int{}
	for _, it := range a.Items {
		seen[it.Item] = it.Seen
	}
	assert.Equal(t, map[string]int{"a": 7, "b": 6, "c": 6, "d": 1}, seen)
	assert.InDelta(t, 20.0/7, a.Test.ItemsPerResponse, 1e-9)
}

// TestItemAnalysisAccess: the item arrays are private here: a learner may
// not analyse them; bad parameters are 400s.
func TestItemAnalysisAccess(t *testing.T) {
	srv, admin := newResponses(t)
	admin.post("/api/responses", `{"learner":"ada","items":[{"item":"q1","score":1}]}`)
	ada, _ := withKey(t, srv, "learner", "ada")
	p := assertProblem(t, ada.get("/api/responses/_itemAnalysis"), http.StatusBadRequest)
	assert.Contains(t, p["detail"], "private")
	p = assertProblem(t, admin.get("/api/responses/_itemAnalysis?items=answers"), http.StatusBadRequest)
	assert.Equal(t, "items", p["parameter"])
	assertProblem(t, admin.get("/api/responses/_itemAnalysis?minSeen=0"), http.StatusBadRequest)
	require.Equal(t, http.StatusCreated, admin.post("/api/responses", `{"learner":"bo","items":[{"item":"q1","score":"high"}]}`).Code)
	p = assertProblem(t, admin.get("/api/responses/_itemAnalysis"), http.StatusBadRequest)
	assert.Contains(t, p["detail"], "not an item result")
}

func codes(fs []documents.ItemFlag) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
