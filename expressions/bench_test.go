package expressions_test

import (
	"context"
	"testing"

	"github.com/credence/credence/expressions"
)

// BenchmarkRunArithmetic is one formula of about five nodes per document: the cost a field
// formula or a filter adds to each document it sees (target: under 2 µs).
func BenchmarkRunArithmetic(b *testing.B) {
	p := compile(b, `doc.score * 2 + doc.bonus - 1 > 10`, expressions.Options{Mode: expressions.Bool})
	env := expressions.Env{Doc: map[string]any{"score": 7, "bonus": 3}}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Run(ctx, env, nil, expressions.Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRunArithmeticParallel is the same from every core at once, through the pool.
func BenchmarkRunArithmeticParallel(b *testing.B) {
	p := compile(b, `doc.score * 2 + doc.bonus - 1 > 10`, expressions.Options{Mode: expressions.Bool})
	env := expressions.Env{Doc: map[string]any{"score": 7, "bonus": 3}}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		ctx := context.Background()
		for pb.Next() {
			if _, err := p.Run(ctx, env, nil, expressions.Limits{}); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkRunFilter is a filter with bare field names, per document.
func BenchmarkRunFilter(b *testing.B) {
	p := compile(b, `level == "professional" && passingScore >= 80`, expressions.Options{Mode: expressions.Bool, Fields: []string{"level", "passingScore"}})
	env := expressions.Env{Doc: map[string]any{"level": "professional", "passingScore": 85}}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Run(ctx, env, nil, expressions.Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRunSum is the score formula over ten answers.
func BenchmarkRunSum(b *testing.B) {
	p := compile(b, `sum(doc.answers, .points)`, expressions.Options{})
	answers := make([]any, 10)
	for i := range answers {
		answers[i] = map[string]any{"question": "q", "points": i}
	}
	env := expressions.Env{Doc: map[string]any{"answers": answers}}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Run(ctx, env, nil, expressions.Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRunGet reads another document through an in-memory Reader.
func BenchmarkRunGet(b *testing.B) {
	p := compile(b, `doc.score >= get("exams", doc.exam).passingScore`, expressions.Options{})
	env := expressions.Env{Doc: map[string]any{"score": 85, "exam": "go-pro"}}
	r := exams()
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Run(ctx, env, r, expressions.Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompile is what a formula costs once (at schema save, or on a cache miss).
func BenchmarkCompile(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := expressions.Compile(`doc.score >= get("exams", doc.exam).passingScore`, expressions.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCacheHit is what a cached formula costs (a filter seen before).
func BenchmarkCacheHit(b *testing.B) {
	c := expressions.NewCache(16)
	opts := expressions.Options{Mode: expressions.Bool, Fields: []string{"level", "passingScore"}}
	src := `level == "professional" && passingScore >= 80`
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Compile(src, opts); err != nil {
			b.Fatal(err)
		}
	}
}
