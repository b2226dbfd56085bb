package expressions_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/expressions"
)

// TestDecide checks Decide against running the formula: for every caller
// and document, what Decide says (a value, or the field comparisons to
// make) is what the formula gives.
func TestDecide(t *testing.T) {
	decidable := []string{
		`true`,
		`auth.role == "admin"`,
		`auth.role in ["admin", "editor"]`,
		`auth.role not in ["admin", "editor"]`,
		`!(auth.role in ["admin"])`,
		`auth.role in ["admin", "learner"] || doc.learner == auth.subject`,
		`doc.learner == auth.subject && auth.role == "learner"`,
		`auth.role == "learner" and doc.status == "open" and doc.learner == auth.subject`,
		`auth.role == "partner" && auth.subject == doc.id`,
		`doc?.learner == auth.subject || auth.role == "admin"`,
		`learner == auth.subject`, // a bare field
		`auth.subject != "" && doc.learner == auth.subject`,
		`auth.id == "k1" or not (auth.role == "public")`,
		`doc.learner == auth.subject && false`,
		`doc.learner == auth.subject || false`,
		`doc.learner == auth.subject || true`,
		`doc.learner == "l1" && doc.status == auth.role`,
	}
	undecidable := []string{
		`doc.learner == auth.subject || doc.status == "open"`, // a disjunction of fields
		`doc.learner != auth.subject`,
		`doc.score > 3`,
		`doc.a.b == auth.subject`,
		`auth.role in doc.roles`,
		`doc.learner == auth.subject && doc.score > 3`,
		`count("attempts", {"learner": auth.subject}) < 3`,
		`old == nil`,
		`now.Year() > 2000`,
		`doc.active == true`,
		`doc.n == 1`,
	}
	auths := []expressions.Auth{
		{Role: "admin"}, {Role: "learner", Subject: "l1"}, {Role: "learner", Subject: "l2"},
		{Role: "partner", Subject: "d1"}, {Role: "public"}, {ID: "k1", Role: "public"}, {Role: "open"},
	}
	docs := []map[string]any{
		{"id": "d1", "learner": "l1", "status": "open"},
		{"id": "d2", "learner": "l2", "status": "closed"},
		{"id": "d3", "learner": 7, "status": nil},
		{"id": "d4"},
		{"id": "d5", "learner": []any{"l1"}, "status": "learner"},
	}
	opts := expressions.Options{Mode: expressions.Bool, Fields: []string{"learner", "status"}}
	for _, src := range decidable {
		t.Run(src, func(t *testing.T) {
			p := compile(t, src, opts)
			for _, a := range auths {
				d, ok := p.Decide(a)
				require.True(t, ok, "%+v", a)
				for _, doc := range docs {
					want, err := p.Run(context.Background(), expressions.Env{Doc: doc, Auth: a}, nil, expressions.Limits{})
					require.NoError(t, err)
					got := d.Value
					if !d.Known {
						got = true
						for _, fv := range d.Equal {
							if s, isStr := doc[fv.Field].(string); !isStr || s != fv.Value {
								got = false
							}
						}
					}
					assert.Equal(t, want, got, "auth %+v, doc %v, decision %+v", a, doc, d)
				}
			}
		})
	}
	for _, src := range undecidable {
		t.Run(src, func(t *testing.T) {
			p := compile(t, src, expressions.Options{Mode: expressions.Bool})
			_, ok := p.Decide(expressions.Auth{Role: "learner", Subject: "l1"})
			assert.False(t, ok)
		})
	}
	t.Run("value formulas are not decided", func(t *testing.T) {
		_, ok := compile(t, `auth.role == "admin"`, expressions.Options{}).Decide(expressions.Auth{})
		assert.False(t, ok)
	})
}
