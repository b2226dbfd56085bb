package expressions_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/expressions"
)

var day0 = time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)

func TestVariables(t *testing.T) {
	env := expressions.Env{
		Doc:  map[string]any{"title": "Go", "score": 7},
		Old:  map[string]any{"title": "Golang", "status": "open"},
		Auth: expressions.Auth{ID: "u1", Role: "admin", Subject: "alice@example.com"},
		Now:  day0,
	}
	tests := []struct {
		src  string
		env  expressions.Env
		want any
	}{
		{src: `doc.title`, env: env, want: "Go"},
		{src: `doc.score * 2 + 1`, env: env, want: 15},
		{src: `doc.missing`, env: env, want: nil},
		{src: `doc.missing ?? "none"`, env: env, want: "none"},
		{src: `old.title`, env: env, want: "Golang"},
		{src: `old == nil`, env: env, want: false},
		{src: `old == nil`, env: expressions.Env{Doc: env.Doc}, want: true},
		{src: `old?.status ?? "new"`, env: expressions.Env{Doc: env.Doc}, want: "new"},
		{src: `old == nil || old.status != "closed"`, env: expressions.Env{Doc: env.Doc}, want: true},
		{src: `auth.id + " " + auth.role + " " + auth.subject`, env: env, want: "u1 admin alice@example.com"},
		{src: `auth.role == "admin"`, env: env, want: true},
		{src: `now`, env: env, want: day0},
		{src: `now.Year()`, env: env, want: 2024},
		{src: `doc == nil`, env: expressions.Env{}, want: true},
		{src: `doc.title`, env: expressions.Env{}, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			got, err := eval(t, tt.src, tt.env, nil)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestNowDefaultsToTheStartOfTheRun(t *testing.T) {
	before := time.Now()
	got, err := eval(t, `now`, expressions.Env{}, nil)
	require.NoError(t, err)
	now := got.(time.Time)
	assert.Equal(t, time.UTC, now.Location())
	assert.WithinRange(t, now, before.Add(-time.Millisecond), time.Now())
}

func TestBuiltins(t *testing.T) {
	doc := map[string]any{
		"answers": []any{
			map[string]any{"question": "q1", "points": 3},
			map[string]any{"question": "q2", "points": 0},
			map[string]any{"question": "q3", "points": 4},
		},
		"tags": []any{"go", "cloud"},
	}
	tests := []struct {
		src  string
		want any
	}{
		{src: `sum(doc.answers, .points)`, want: 7},
		{src: `sum(map(doc.answers, .points))`, want: 7},
		{src: `doc.answers | map(.points) | sum()`, want: 7},
		{src: `len(filter(doc.answers, .points > 0))`, want: 2},
		{src: `all(doc.answers, .points >= 0)`, want: true},
		{src: `any(doc.answers, .points > 3)`, want: true},
		{src: `reduce(doc.answers, #acc + #.points, 0)`, want: 7},
		{src: `join(map(doc.tags, upper(#)), ", ")`, want: "GO, CLOUD"},
		{src: `replace("a-b-c", "-", "+")`, want: "a+b+c"},
		{src: `replace("a-b-c", "-", "+", 1)`, want: "a+b-c"},
		{src: `repeat("ab", 3)`, want: "ababab"},
		{src: `join(["a", "b"])`, want: "ab"},
		{src: `sum(doc.missing, .points)`, want: 0}, // a loop over a missing list goes over nothing
		{src: `len(filter(doc.missing, .ok))`, want: 0},
		{src: `date("2024-03-01") < now`, want: true},
		{src: `sum(1..100000000)`, want: 5000000050000000}, // folded at compile time, allocates nothing
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			got, err := eval(t, tt.src, expressions.Env{Doc: doc, Now: day0}, nil)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestRuntimeErrors(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		doc     map[string]any
		message string
		line    int
		column  int
	}{
		{
			name: "missing value in arithmetic", src: `doc.score * 2`, doc: map[string]any{},
			message: `invalid operation: <nil> * int (a value is missing: ?. skips a missing object, as in get("exams", doc.exam)?.passingScore, and ?? gives a default, as in doc.bonus ?? 0)`,
			line:    1, column: 11,
		},
		{
			name: "position on the second line", src: "1 +\n  doc.a.b", doc: map[string]any{},
			message: `cannot fetch b from <nil> (a value is missing: ?. skips a missing object, as in get("exams", doc.exam)?.passingScore, and ?? gives a default, as in doc.bonus ?? 0)`,
			line:    2, column: 9,
		},
		{
			name: "sum of text", src: `sum(doc.tags)`, doc: map[string]any{"tags": []any{"a", "b"}},
			message: "sum adds numbers, not text: use join to put text together", line: 1, column: 9,
		},
		{
			name: "join of numbers", src: `join(doc.tags, ",")`, doc: map[string]any{"tags": []any{"a", 2}},
			message: "join: item 1 is a number, not text (string(x) makes text of a value)", line: 1, column: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := eval(t, tt.src, expressions.Env{Doc: tt.doc}, nil)
			e := asError(t, err)
			assert.Equal(t, tt.message, e.Message)
			assert.Equal(t, tt.line, e.Line)
			assert.Equal(t, tt.column, e.Column)
			assert.NotEmpty(t, e.Snippet)
		})
	}
}

// exams is the certification program of the end-to-end example.
func exams() *memReader {
	return newReader(map[string][]map[string]any{
		"exams": {
			{"id": "go-pro", "level": "professional", "passingScore": 80, "maxAttempts": 2, "timeLimitMinutes": 90},
		},
		"attempts": {
			{"id": "a1", "exam": "go-pro", "learner": "alice"},
			{"id": "a2", "exam": "go-pro", "learner": "alice"},
			{"id": "a3", "exam": "go-pro", "learner": "bob"},
		},
		"questions": {
			{"id": "q1", "exam": "go-pro"}, {"id": "q2", "exam": "go-pro"}, {"id": "q3", "exam": "go-pro"},
			{"id": "q4", "exam": "go-pro"}, {"id": "q5", "exam": "go-pro"}, {"id": "q6", "exam": "other"},
		},
	})
}

func TestCertificationFormulas(t *testing.T) {
	started := day0
	attempt := map[string]any{
		"exam": "go-pro", "learner": "bob", "score": 85,
		"startedAt": started, "submittedAt": started.Add(80 * time.Minute),
		"answers":   []any{map[string]any{"points": 40}, map[string]any{"points": 45}},
		"expiresAt": "2026-03-01",
	}
	tests := []struct {
		name string
		src  string
		mode expressions.Mode
		want any
	}{
		{name: "score", src: `sum(doc.answers, .points)`, want: 85},
		{name: "passed", src: `doc.score >= get("exams", doc.exam).passingScore`, want: true},
		{name: "attempts left", src: `count("attempts", {learner: doc.learner, exam: doc.exam}) < get("exams", doc.exam).maxAttempts`, mode: expressions.Bool, want: true},
		{name: "within the time limit", src: `doc.submittedAt <= addMinutes(doc.startedAt, get("exams", doc.exam).timeLimitMinutes)`, mode: expressions.Bool, want: true},
		{name: "expires in", src: `daysUntil(doc.expiresAt)`, want: 729}, // 729.5 days, truncated
		{name: "an absent exam with ?.", src: `get("exams", "nope")?.passingScore ?? 0`, want: 0},
		{name: "an absent exam is nil", src: `get("exams", "nope") == nil`, want: true},
		{name: "find", src: `map(find("attempts", {learner: "alice"}), .id)`, want: []any{"a1", "a2"}},
		{name: "find nothing", src: `find("attempts", {learner: "carol"})`, want: []map[string]any{}},
		{name: "count everything", src: `count("attempts", {})`, want: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := compile(t, tt.src, expressions.Options{Mode: tt.mode})
			got, err := p.Run(t.Context(), expressions.Env{Doc: attempt, Now: day0}, exams(), expressions.Limits{})
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestGetWithoutOptionalChainingOnAnAbsentDocument(t *testing.T) {
	_, err := eval(t, `get("exams", "nope").passingScore`, expressions.Env{}, exams())
	e := asError(t, err)
	assert.Contains(t, e.Message, "cannot fetch passingScore from <nil>")
	assert.Equal(t, 1, e.Line)
}

func TestReadLimit(t *testing.T) {
	r := newReader(map[string][]map[string]any{"docs": numbered(10, "g")})
	tests := []struct {
		name     string
		src      string
		maxReads int
		ok       bool
	}{
		{name: "find of exactly the limit", src: `len(find("docs", {group: "g"}))`, maxReads: 10, ok: true},
		{name: "find of one more than the limit", src: `len(find("docs", {group: "g"}))`, maxReads: 9},
		{name: "count of exactly the limit", src: `count("docs", {group: "g"})`, maxReads: 10, ok: true},
		{name: "count of one more than the limit", src: `count("docs", {group: "g"})`, maxReads: 9},
		{name: "gets up to the limit", src: `len(map(1..5, get("docs", "g-1")))`, maxReads: 5, ok: true},
		{name: "one get past the limit", src: `len(map(1..6, get("docs", "g-1")))`, maxReads: 5},
		{name: "reads add up", src: `len(find("docs", {group: "g"})) + count("docs", {group: "g"})`, maxReads: 20, ok: true},
		{name: "reads add up past the limit", src: `len(find("docs", {group: "g"})) + count("docs", {group: "g"})`, maxReads: 19},
		{name: "an empty find counts one", src: `len(map(1..3, find("docs", {group: "none"})))`, maxReads: 3, ok: true},
		{name: "an empty find past the limit", src: `len(map(1..4, find("docs", {group: "none"})))`, maxReads: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := compile(t, tt.src, expressions.Options{})
			_, err := p.Run(t.Context(), expressions.Env{}, r, expressions.Limits{MaxReads: tt.maxReads})
			if tt.ok {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, expressions.ErrReadLimit)
			e := asError(t, err)
			assert.Contains(t, e.Message, fmt.Sprintf("past the limit of %d documents read per evaluation", tt.maxReads))
			assert.Equal(t, 1, e.Line)
		})
	}
}

func TestReadLimitDefaultsToAThousand(t *testing.T) {
	r := newReader(map[string][]map[string]any{"docs": numbered(1001, "g")})
	assert.Equal(t, 1000, expressions.DefaultLimits().MaxReads)
	got, err := eval(t, `count("docs", {n: 5})`, expressions.Env{}, r)
	require.NoError(t, err)
	assert.Equal(t, 1, got)
	_, err = eval(t, `len(find("docs", {group: "g"}))`, expressions.Env{}, r)
	assert.ErrorIs(t, err, expressions.ErrReadLimit)
}

func TestNoReader(t *testing.T) {
	for _, src := range []string{`get("exams", "x")`, `find("exams", {})`, `count("exams", {})`} {
		_, err := eval(t, src, expressions.Env{}, nil)
		assert.ErrorIs(t, err, expressions.ErrNoReader, src)
	}
}

func TestReaderErrors(t *testing.T) {
	boom := errors.New("disk on fire")
	r := exams()
	r.hook = func(context.Context) error { return boom }
	_, err := eval(t, `get("exams", "go-pro")`, expressions.Env{}, r)
	assert.ErrorIs(t, err, boom)
	assert.Equal(t, `get("exams", "go-pro"): disk on fire`, asError(t, err).Message)
}

func TestPanicsBecomeErrors(t *testing.T) {
	r := exams()
	r.hook = func(context.Context) error { panic("reader bug") }
	_, err := eval(t, `get("exams", "go-pro")`, expressions.Env{}, r)
	assert.Contains(t, asError(t, err).Message, "reader bug")
}

func TestDates(t *testing.T) {
	tests := []struct {
		src  string
		want any
	}{
		{src: `addDays("2024-03-01", 30)`, want: time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC)},
		{src: `addDays(now, -1)`, want: day0.AddDate(0, 0, -1)},
		{src: `addDays("2024-03-01T10:00:00+02:00", 1)`, want: time.Date(2024, 3, 2, 8, 0, 0, 0, time.UTC)},
		{src: `addMonths("2024-01-31", 1)`, want: time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)},
		{src: `addMonths("2023-01-31", 1)`, want: time.Date(2023, 2, 28, 0, 0, 0, 0, time.UTC)},
		{src: `addMonths("2024-03-31", -1)`, want: time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)},
		{src: `addMonths("2024-01-15", 13)`, want: time.Date(2025, 2, 15, 0, 0, 0, 0, time.UTC)},
		{src: `addMonths(now, 24)`, want: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)},
		{src: `addHours(now, 36)`, want: day0.Add(36 * time.Hour)},
		{src: `addMinutes("2024-03-01T12:00:00Z", 90)`, want: day0.Add(90 * time.Minute)},
		{src: `daysUntil("2024-03-11T12:00:00Z")`, want: 10},
		{src: `daysUntil(addHours(now, 36))`, want: 1},
		{src: `daysUntil(addHours(now, -36))`, want: -1},
		{src: `daysUntil(addHours(now, 23))`, want: 0},
		{src: `daysSince("2024-02-01")`, want: 29},
		{src: `daysSince(addHours(now, -47))`, want: 1},
		{src: `daysSince(doc.startedAt)`, want: 3},
		{src: `daysUntil(doc.expiresAt)`, want: 365},
		{src: `addDays(doc.startedAt, doc.n) == addDays(now, -1)`, want: true},
	}
	env := expressions.Env{
		Doc: map[string]any{"startedAt": day0.AddDate(0, 0, -3), "expiresAt": "2025-03-01T12:00:00Z", "n": 2},
		Now: day0,
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			got, err := eval(t, tt.src, env, nil)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestDateErrors(t *testing.T) {
	tests := []struct {
		src     string
		doc     map[string]any
		message string
	}{
		{src: `addDays("next tuesday", 1)`, message: `addDays: "next tuesday" is not a date (expected 2024-03-01 or 2024-03-01T09:30:00Z)`},
		{src: `daysUntil(doc.expiresAt)`, doc: map[string]any{}, message: "daysUntil: the date is missing (nil)"},
		{src: `daysSince(doc.n)`, doc: map[string]any{"n": 3}, message: "daysSince: expected a date, not a number"},
		{src: `addDays(now, doc.n)`, doc: map[string]any{"n": 1.5}, message: "addDays: expected a whole number, not a number"},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			_, err := eval(t, tt.src, expressions.Env{Doc: tt.doc, Now: day0}, nil)
			assert.Equal(t, tt.message, asError(t, err).Message)
		})
	}
}

func TestSample(t *testing.T) {
	list := make([]any, 20)
	for i := range list {
		list[i] = i
	}
	draw := func(seed, src string) any {
		t.Helper()
		got, err := eval(t, src, expressions.Env{Doc: map[string]any{"items": list}, Seed: seed}, exams())
		require.NoError(t, err)
		return got
	}

	first := draw("attempt-1/questions", `sample(doc.items, 5)`)
	assert.Len(t, first, 5)
	assert.Equal(t, first, draw("attempt-1/questions", `sample(doc.items, 5)`), "the same seed draws the same items")
	assert.NotEqual(t, first, draw("attempt-2/questions", `sample(doc.items, 5)`), "another seed draws others")
	assert.Len(t, slices.Compact(slices.Sorted(slices.Values(toInts(first)))), 5, "no duplicates")

	all := draw("s", `sample(doc.items, 100)`)
	assert.ElementsMatch(t, list, all, "n past the length gives a shuffled copy")
	assert.NotEqual(t, list, all)
	assert.Equal(t, []any{}, draw("s", `sample(doc.items, 0)`))
	assert.Equal(t, []any{}, draw("s", `sample(doc.missing, 3)`))

	twice := draw("s", `[sample(doc.items, 3), sample(doc.items, 3)]`).([]any)
	assert.NotEqual(t, twice[0], twice[1], "two draws in one run follow each other")

	questions := draw("s", `sample(find("questions", {exam: "go-pro"}), 3)`)
	assert.IsType(t, []map[string]any{}, questions, "a list of documents stays one")
	assert.Len(t, questions, 3)

	ints := draw("s", `sample(1..10, 4)`)
	assert.IsType(t, []int{}, ints)
	assert.Len(t, ints, 4)

	_, err := eval(t, `sample(doc.items, -1)`, expressions.Env{Doc: map[string]any{"items": list}}, nil)
	assert.Equal(t, "sample: cannot draw -1 items", asError(t, err).Message)
}

func toInts(v any) []int {
	var out []int
	for _, x := range v.([]any) {
		out = append(out, x.(int))
	}
	return out
}

func TestConcurrentRuns(t *testing.T) {
	p := compile(t, `doc.score * 2 + sum(doc.answers, .points) + count("attempts", {learner: doc.learner})`, expressions.Options{})
	r := exams()
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Go(func() {
			for i := range 200 {
				doc := map[string]any{"score": g, "answers": []any{map[string]any{"points": i}}, "learner": "alice"}
				got, err := p.Run(context.Background(), expressions.Env{Doc: doc}, r, expressions.Limits{})
				if !assert.NoError(t, err) || !assert.Equal(t, g*2+i+2, got) {
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestReferenceExamples runs the examples of the README's formula reference on a
// certification program.
func TestReferenceExamples(t *testing.T) {
	r := newReader(map[string][]map[string]any{
		"exams":          {{"id": "go-pro", "passingScore": 70, "maxScore": 90, "maxAttempts": 2, "timeLimitMinutes": 90}},
		"attempts":       {{"id": "a1", "learner": "ada", "exam": "go-pro"}},
		"completions":    {{"id": "c1", "learner": "ada", "points": 10}, {"id": "c2", "learner": "ada", "points": 5}},
		"certifications": {{"id": "z1", "learner": "ada", "level": "associate"}},
		"questions":      numbered(30, "go-pro"),
	})
	for _, q := range r.colls["questions"] {
		q["exam"] = "go-pro"
	}
	doc := map[string]any{
		"exam": "go-pro", "learner": "ada", "score": 81, "status": "active",
		"answers":   []any{map[string]any{"points": 40}, map[string]any{"points": 41}},
		"issuedAt":  day0.AddDate(-1, 0, 0),
		"expiresAt": day0.AddDate(0, 0, 20),
		"startedAt": day0.Add(-time.Hour), "submittedAt": day0,
	}
	env := expressions.Env{Doc: doc, Old: nil, Auth: expressions.Auth{ID: "ada"}, Now: day0, Seed: "a9/questions"}
	tests := []struct {
		src  string
		opts expressions.Options
		want any
	}{
		{src: `sum(doc.answers, .points)`, want: 81},
		{src: `round(doc.score * 100 / get("exams", doc.exam).maxScore)`, want: 90.0},
		{src: `doc.score >= get("exams", doc.exam).passingScore`, want: true},
		{src: `doc.score >= 90 ? "distinction" : doc.score >= 70 ? "pass" : "fail"`, want: "pass"},
		{src: `if doc.score >= 90 { "distinction" } else { "pass" }`, want: "pass"},
		{src: `sum(find("completions", {learner: doc.learner}), .points)`, want: 15},
		{src: `count("certifications", {learner: doc.learner, level: "associate"}) > 0`, want: true},
		{src: `addMonths(doc.issuedAt, 24)`, want: day0.AddDate(1, 0, 0)},
		{src: `daysUntil(doc.expiresAt)`, want: 20},
		{src: `daysUntil(doc.expiresAt) <= 30`, want: true},
		{src: `len(map(sample(find("questions", {exam: doc.exam}), 10), .id))`, want: 10},
		{src: `now`, want: day0},
		{src: `auth.id`, want: "ada"},
		{src: `(now - doc.startedAt).Hours()`, want: 1.0},
		{src: `doc.level in ["associate", "professional"]`, want: false},
		{src: `doc.bonus ?? 0`, want: 0},
		{src: `let exam = get("exams", doc.exam); doc.score >= exam.passingScore`, want: true},
		{src: `old != nil || count("attempts", {learner: doc.learner, exam: doc.exam}) < get("exams", doc.exam).maxAttempts`,
			opts: expressions.Options{Mode: expressions.Bool}, want: true},
		{src: `doc.submittedAt == nil || doc.submittedAt <= addMinutes(doc.startedAt, get("exams", doc.exam).timeLimitMinutes)`,
			opts: expressions.Options{Mode: expressions.Bool}, want: true},
		{src: `old == nil || old.status != "revoked"`, opts: expressions.Options{Mode: expressions.Bool}, want: true},
		{src: `daysUntil(expiresAt) <= 30 && status == "active"`,
			opts: expressions.Options{Mode: expressions.Bool, Fields: []string{"expiresAt", "status"}}, want: true},
		{src: `4 / 2`, want: 2.0},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			got, err := compile(t, tt.src, tt.opts).Run(t.Context(), env, r, expressions.Limits{})
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}
