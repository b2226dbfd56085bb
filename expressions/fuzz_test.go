package expressions_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"testing"
	"time"

	"github.com/expr-lang/expr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/expressions"
)

// FuzzCompile compiles arbitrary text in both modes, and runs what compiles with tight limits:
// nothing may panic, and every error must be an *Error with a position (for compile errors).
// Its seeds are in testdata/fuzz/FuzzCompile, so plain go test runs them.
func FuzzCompile(f *testing.F) {
	f.Add(`doc.score * 2 + doc.bonus - 1 > 10`, false)
	f.Add(`level == "pro" && score >= 80`, true)
	r := exams()
	doc := map[string]any{
		"score": 3, "level": "pro", "title": "Go", "items": []any{1, 2.5, "x", nil, map[string]any{"points": 2}},
		"startedAt": time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), "expiresAt": "2025-01-01",
	}
	f.Fuzz(func(t *testing.T, src string, boolMode bool) {
		mode := expressions.Value
		if boolMode {
			mode = expressions.Bool
		}
		p, err := expressions.Compile(src, expressions.Options{Mode: mode, Fields: []string{"level", "score", "items"}})
		if err != nil {
			var e *expressions.Error
			if !errors.As(err, &e) {
				t.Fatalf("Compile(%q): %T is not an *Error: %v", src, err, err)
			}
			if e.Line < 1 || e.Column < 1 || e.Message == "" {
				t.Fatalf("Compile(%q): error without a position or message: %#v", src, e)
			}
			return
		}
		p.DocFields()
		p.Conjuncts()
		p.Kind()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		out, err := p.Run(ctx, expressions.Env{Doc: doc, Seed: "fuzz", Now: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)}, r,
			expressions.Limits{MemoryBudget: 10_000, MaxReads: 10, Timeout: 100 * time.Millisecond})
		if err != nil {
			var e *expressions.Error
			if !errors.As(err, &e) {
				t.Fatalf("Run(%q): %T is not an *Error: %v", src, err, err)
			}
			return
		}
		if mode == expressions.Bool {
			if _, ok := out.(bool); !ok {
				t.Fatalf("Run(%q) in Bool mode gave %T", src, out)
			}
		}
		expressions.ToJSON(out)
		sameAsExpr(t, src, mode, doc, out)
	})
}

// ours are the names whose meaning this package changes or adds: formulas that use them are
// not compared with plain expr.
var ours = regexp.MustCompile(`get|find|count|add|days|sample|repeat|replace|join|date|now|ctx|env`)

// sameAsExpr checks that a formula that ran gives what plain expr gives with the same
// variables (the rewrites of guard keep the language's meaning), when plain expr runs it too.
func sameAsExpr(t *testing.T, src string, mode expressions.Mode, doc map[string]any, ours_ any) {
	if ours.MatchString(src) {
		return
	}
	env := map[string]any{"doc": doc, "old": nil, "auth": expressions.Auth{}}
	for _, f := range []string{"level", "score", "items"} {
		env[f] = doc[f]
	}
	opts := []expr.Option{expr.Env(env)}
	if mode == expressions.Bool {
		opts = append(opts, expr.AsBool())
	}
	p, err := expr.Compile(src, opts...)
	if err != nil {
		return
	}
	want, err := expr.Run(p, env)
	if err != nil {
		return
	}
	if !reflect.DeepEqual(want, ours_) && fmt.Sprintf("%#v", want) != fmt.Sprintf("%#v", ours_) {
		t.Fatalf("%q gives %#v, plain expr %#v", src, ours_, want)
	}
}

// TestSameAsPlainExpr runs formulas that the guards rewrite (loops, member reads, +, builtins
// that walk values, optional chains) both here and in plain expr: the results must agree.
func TestSameAsPlainExpr(t *testing.T) {
	doc := map[string]any{
		"score": 3, "level": "pro", "title": "Go",
		"items":   []any{1, 2.5, "x", nil, map[string]any{"points": 2}},
		"answers": []any{map[string]any{"q": "a", "points": 2}, map[string]any{"q": "b", "points": 3}, map[string]any{"q": "a", "points": 5}},
		"nested":  map[string]any{"a": map[string]any{"b": []any{1, 2}}},
	}
	for _, src := range []string{
		`doc.score * 2 + 1`,
		`doc.title + " " + doc.level`,
		`doc.title + doc.score`,
		`score + 1 > 2 && level == "pro"`,
		`sum(doc.answers, .points)`,
		`sum(map(doc.answers, .points))`,
		`map(doc.answers, .points * 2)`,
		`filter(doc.answers, .q == "a") | map(.points)`,
		`len(filter(doc.items, # != nil))`,
		`all(doc.answers, .points > 0) && any(doc.answers, .points > 4)`,
		`reduce(doc.answers, #acc + #.points, 10)`,
		`groupBy(doc.answers, .q)`,
		`sortBy(doc.answers, .points, "desc") | map(.q)`,
		`map(doc.answers, #index)`,
		`doc.nested.a.b[1]`,
		`doc.nested?.a?.b[0]`,
		`doc.missing?.a.b`,
		`doc?.nested.a`,
		`doc.nested["a"]["b"]`,
		`(doc.nested?.a).b`,
		`doc.items[-1]`,
		`doc.items[1:3]`,
		`toJSON(doc.answers)`,
		`string(doc.score)`,
		`upper(doc.title) + lower(doc.level)`,
		`max(doc.answers | map(.points))`,
		`uniq(map(doc.answers, .q))`,
		`flatten([doc.nested.a.b, [3]])`,
		`let x = doc.answers; map(x, .points) | sum()`,
		`map(doc.answers, map(doc.answers, .points))`,
		`doc.score > 2 ? doc.title : doc.level`,
		`doc.items[4].points ?? 0`,
		`{a: doc.score, b: [doc.title]}.b[0]`,
		`keys(doc.nested)`,
		`split(doc.title + "-" + doc.level, "-")`,
		`doc.score in [1, 2, 3]`,
		`doc.title contains "o" && doc.title startsWith "G"`,
		`first(filter(doc.answers, .points > 2)).q`,
	} {
		t.Run(src, func(t *testing.T) {
			env := map[string]any{"doc": doc, "old": nil, "auth": expressions.Auth{}, "level": doc["level"], "score": doc["score"], "items": doc["items"]}
			p, err := expr.Compile(src, expr.Env(env))
			require.NoError(t, err)
			want, wantErr := expr.Run(p, env)
			ours, err := compile(t, src, expressions.Options{Fields: []string{"level", "score", "items"}}).
				Run(t.Context(), expressions.Env{Doc: doc}, nil, expressions.Limits{})
			if wantErr != nil {
				assert.Equal(t, wantErr.Error(), asError(t, err).Error())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, want, ours)
		})
	}
}
