package certification_test

import (
	"fmt"
	"math"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
)

// competencies counts the questions of an attempt per competency.
func (p *program) competencies(admin string, questions []string) map[string]int {
	p.t.Helper()
	out := map[string]int{}
	for _, q := range questions {
		out[p.ok(admin, "GET", "/api/questions/"+q, nil)["competency"].(string)]++
	}
	return out
}

// TestExamBlueprint: an exam with a blueprint draws its questions per
// competency in proportion to the weights, on the server, the counts adding
// up to the question count; each attempt's draw is its own and stays put.
func TestExamBlueprint(t *testing.T) {
	p := newProgram(t)
	admin := p.key(documents.RoleAdmin, "")
	var learners []string
	for _, l := range []string{"ana", "ben", "cai"} {
		learners = append(learners, p.signUp(l))
	}

	// 20 questions at 20/25/30/15/10: 4, 5, 6, 3 and 2; the learner's own
	// choice of questions is ignored.
	chosen := []string{"ciq-analytics-1", "ciq-analytics-2", "ciq-analytics-3"}
	first := p.ok(learners[0], "POST", "/api/attempts", map[string]any{"exam": "ciq-user-written", "questions": chosen})
	drawn := ids(first["questions"])
	require.Len(t, drawn, 20)
	assert.Equal(t, map[string]int{"navigation": 4, "sentiment": 5, "suggestions": 6, "escalation": 3, "analytics": 2}, p.competencies(admin, drawn))
	assert.NotSubset(t, drawn, chosen, "the learner does not choose her questions")
	seen := map[string]bool{}
	for _, q := range drawn {
		assert.False(t, seen[q], "no question twice")
		seen[q] = true
	}
	again := p.ok(learners[0], "GET", "/api/attempts/"+first["id"].(string), nil)
	assert.Equal(t, drawn, ids(again["questions"]), "the draw stays put")
	p.call(learners[0], "PATCH", "/api/attempts/"+first["id"].(string), map[string]any{"questions": chosen})
	again = p.ok(admin, "GET", "/api/attempts/"+first["id"].(string), nil)
	assert.Equal(t, drawn, ids(again["questions"]), "nor changes them later")

	// Other attempts draw other sets from the same blueprint.
	second := ids(p.ok(learners[1], "POST", "/api/attempts", map[string]any{"exam": "ciq-user-written"})["questions"])
	third := ids(p.ok(learners[2], "POST", "/api/attempts", map[string]any{"exam": "ciq-user-written"})["questions"])
	assert.False(t, equalSets(drawn, second) && equalSets(second, third), "three attempts, one draw")

	// 7 questions: the shares (1.4, 1.75, 2.1, 1.05, 0.7) are rounded so
	// that they add up to 7: 1, 2, 2, 1, 1.
	p.ok(admin, "PATCH", "/api/exams/ciq-user-written", map[string]any{"questionCount": 7})
	seven := ids(p.ok(learners[1], "POST", "/api/attempts", map[string]any{"exam": "ciq-user-written"})["questions"])
	require.Len(t, seven, 7)
	assert.Equal(t, map[string]int{"navigation": 1, "sentiment": 2, "suggestions": 2, "escalation": 1, "analytics": 1}, p.competencies(admin, seven))

	// A blueprint is checked when saved.
	for _, bp := range [][]map[string]any{
		{{"competency": "navigation", "weight": 60}, {"competency": "sentiment", "weight": 30}},
		{{"competency": "navigation", "weight": 60}, {"competency": "sentiment", "weight": 50}},
		{{"competency": "navigation", "weight": 50}, {"competency": "navigation", "weight": 50}},
		{{"competency": "navigation", "weight": 0}, {"competency": "sentiment", "weight": 100}},
		{{"competency": "navigation", "weight": 150}, {"competency": "sentiment", "weight": -50}},
	} {
		status, body := p.call(admin, "PATCH", "/api/exams/ciq-user-written", map[string]any{"blueprint": bp})
		assert.Equal(t, http.StatusUnprocessableEntity, status, "%v: %v", bp, body)
	}
	assert.EqualValues(t, 20, p.ok(admin, "GET", "/api/exams/ciq-user-written", nil)["blueprint"].([]any)[0].(map[string]any)["weight"])
}

// TestBlueprintRounding: whatever the question count and the weights, the
// counts add up to the question count, and each competency gets its exact
// share rounded down or up.
func TestBlueprintRounding(t *testing.T) {
	p := newProgram(t)
	admin := p.key(documents.RoleAdmin, "")
	order := []string{"navigation", "sentiment", "suggestions", "escalation", "analytics"}
	seed := []float64{20, 25, 30, 15, 10}
	for _, tc := range []struct {
		n       int
		weights []float64 // in order
		want    []int
	}{
		{n: 1, weights: seed, want: []int{0, 0, 0, 0, 1}},
		{n: 3, weights: seed, want: []int{0, 1, 1, 0, 1}},
		{n: 7, weights: seed, want: []int{1, 2, 2, 1, 1}},
		{n: 10, weights: seed, want: []int{2, 2, 3, 2, 1}},
		{n: 13, weights: seed, want: []int{2, 3, 4, 2, 2}},
		{n: 20, weights: seed, want: []int{4, 5, 6, 3, 2}},
		// Fractional weights: 20 + 21.8 - 21.8 is not 20 in floating
		// point, so each boundary is the sum of the weights before it,
		// computed the same way for the competency before and after.
		{n: 5, weights: []float64{20, 21.8, 15.7, 7.1, 35.4}, want: []int{1, 1, 0, 1, 2}},
		{n: 8, weights: []float64{6.1, 39.4, 17, 4.6, 32.9}, want: []int{0, 3, 2, 0, 3}},
	} {
		t.Run(fmt.Sprint(tc.n, tc.weights), func(t *testing.T) {
			p := p.in(t)
			var bp []map[string]any
			for i, c := range order {
				bp = append(bp, map[string]any{"competency": c, "weight": tc.weights[i]})
			}
			p.ok(admin, "PATCH", "/api/exams/ciq-user-written", map[string]any{"questionCount": tc.n, "blueprint": bp})
			learner := p.signUp(fmt.Sprintf("learner-%d-%d", tc.n, int(tc.weights[1]*10)))
			drawn := ids(p.ok(learner, "POST", "/api/attempts", map[string]any{"exam": "ciq-user-written"})["questions"])
			require.Len(t, drawn, tc.n)
			got := p.competencies(admin, drawn)
			for i, c := range order {
				assert.Equal(t, tc.want[i], got[c], c)
				share := float64(tc.n) * tc.weights[i] / 100
				assert.True(t, float64(got[c]) == math.Floor(share) || float64(got[c]) == math.Ceil(share), "%s: %d for a share of %v", c, got[c], share)
			}
		})
	}
}

// TestBlueprintShortfall: an editor sees which competencies have too few
// questions for their share; a learner does not see the field.
func TestBlueprintShortfall(t *testing.T) {
	p := newProgram(t)
	admin := p.key(documents.RoleAdmin, "")
	editor := p.key(documents.RoleEditor, "")
	learner := p.signUp("ana")
	shortfall := func(key, exam string) any {
		t.Helper()
		return p.ok(key, "GET", "/api/exams/"+exam, nil)["shortfall"]
	}

	assert.Equal(t, []any{}, shortfall(editor, "ciq-user-written"), "20 questions fill the blueprint")
	assert.Equal(t, []any{}, shortfall(editor, "automation-fundamentals"), "an exam without a blueprint, its pool large enough")
	assert.Nil(t, shortfall(learner, "ciq-user-written"))

	// 30 questions need 6, 7, 9, 5 and 3: all but analytics fall short.
	p.ok(admin, "PATCH", "/api/exams/ciq-user-written", map[string]any{"questionCount": 30})
	assert.Equal(t, []any{
		map[string]any{"competency": "navigation", "needed": 6.0, "available": 5.0},
		map[string]any{"competency": "sentiment", "needed": 7.0, "available": 6.0},
		map[string]any{"competency": "suggestions", "needed": 9.0, "available": 7.0},
		map[string]any{"competency": "escalation", "needed": 5.0, "available": 4.0},
	}, shortfall(editor, "ciq-user-written"))
	assert.Nil(t, shortfall(learner, "ciq-user-written"))
	// An attempt then gets what there is, every question of the short competencies.
	drawn := ids(p.ok(learner, "POST", "/api/attempts", map[string]any{"exam": "ciq-user-written"})["questions"])
	assert.Len(t, drawn, 25)

	// A competency no question has, and an exam whose pool is too small.
	p.ok(admin, "PATCH", "/api/exams/ciq-user-written", map[string]any{"questionCount": 10, "blueprint": []map[string]any{
		{"competency": "navigation", "weight": 50}, {"competency": "routing", "weight": 50}}})
	assert.Equal(t, []any{map[string]any{"competency": "routing", "needed": 5.0, "available": 0.0}}, shortfall(editor, "ciq-user-written"))
	p.ok(admin, "PATCH", "/api/exams/analytics-master", map[string]any{"questionCount": 3})
	assert.Equal(t, []any{map[string]any{"needed": 3.0, "available": 2.0}}, shortfall(admin, "analytics-master"))
}

func equalSets(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	in := map[string]bool{}
	for _, x := range a {
		in[x] = true
	}
	for _, x := range b {
		if !in[x] {
			return false
		}
	}
	return true
}
