package certification_test

import (
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
		key := p.key("learner", l)
		p.ok(key, "PUT", "/api/learners/"+l, map[string]any{"name": l, "email": l + "@example.org"})
		learners = append(learners, key)
	}

	// 20 questions at 20/25/30/15/10: 4, 5, 6, 3 and 2; the learner's own
	// choice of questions is ignored.
	first := p.ok(learners[0], "POST", "/api/attempts", map[string]any{"exam": "ciq-user-written",
		"questions": []string{"ciq-analytics-1", "ciq-analytics-2", "ciq-analytics-3"}})
	drawn := ids(first["questions"])
	require.Len(t, drawn, 20)
	assert.Equal(t, map[string]int{"navigation": 4, "sentiment": 5, "suggestions": 6, "escalation": 3, "analytics": 2}, p.competencies(admin, drawn))
	seen := map[string]bool{}
	for _, q := range drawn {
		assert.False(t, seen[q], "no question twice")
		seen[q] = true
	}
	again := p.ok(learners[0], "GET", "/api/attempts/"+first["id"].(string), nil)
	assert.Equal(t, drawn, ids(again["questions"]), "the draw stays put")

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
		{{"competency": "navigation", "weight": 50}, {"competency": "navigation", "weight": 50}},
		{{"competency": "navigation", "weight": 0}, {"competency": "sentiment", "weight": 100}},
	} {
		status, body := p.call(admin, "PATCH", "/api/exams/ciq-user-written", map[string]any{"blueprint": bp})
		assert.Equal(t, http.StatusUnprocessableEntity, status, "%v: %v", bp, body)
	}
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
