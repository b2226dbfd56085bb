package expressions_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/expressions"
)

// run compiles and runs src over doc with the default limits and a fixed now.
func run(t *testing.T, src string, doc map[string]any) (any, error) {
	t.Helper()
	p, err := expressions.Compile(src, expressions.Options{})
	if err != nil {
		return nil, err
	}
	return p.Run(t.Context(), expressions.Env{Doc: doc, Now: time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)}, nil, expressions.Limits{})
}

// Arithmetic never wraps around: a result past the 64-bit range, or a date
// outside the years 1 to 9999, is an error at the operator or the call.
func TestOverflowIsAnError(t *testing.T) {
	doc := map[string]any{"big": 9223372036854775807, "small": -9223372036854775807 - 1, "n": 1000, "h": "2562047h"}
	cases := []struct {
		src    string
		column int // of the error; 0: not checked
	}{
		{`duration("2562047h") * 1000`, 22},
		{`duration(doc.h) * doc.n`, 17},
		{`doc.n * duration(doc.h)`, 7},
		{`addMonths(now, 9223372036854775807)`, 1},
		{`addDays(now, 9223372036854775807)`, 1},
		{`addHours(now, 9223372036854775807)`, 1},
		{`addMinutes(now, -9223372036854775807)`, 1},
		{`addMonths(now, 120000)`, 1},
		{`doc.big + 1`, 9},
		{`doc.small - 1`, 11},
		{`doc.big * 2`, 9},
		{`-doc.small`, 1},
		{`let x = doc.big; x + doc.n`, 20},
		{`sum([doc.big, 1])`, 0},
		{`sum([1, 2], doc.big * #)`, 0},
		{`reduce([doc.big, doc.big], #acc + #)`, 0},
		{`9223372036854775807 + 1`, 21},
		{`-(-9223372036854775807 - 1)`, 1},
		{`sum(1..4000000000)`, 1},
		{`int(1e30)`, 1},
		{`int("99999999999999999999")`, 1},
		{`now + duration("2562047h") * 30`, 0},
		{`date("9999-12-31") + duration("48h")`, 0},
		{`date("2020-01-01") - date("0001-01-01")`, 20},
	}
	for _, tc := range cases {
		t.Run(tc.src, func(t *testing.T) {
			v, err := run(t, tc.src, doc)
			require.Error(t, err, "gave %v", v)
			var e *expressions.Error
			require.True(t, errors.As(err, &e), "%T: %v", err, err)
			assert.Equal(t, 1, e.Line)
			if tc.column > 0 {
				assert.Equal(t, tc.column, e.Column, "%v", err)
			}
			assert.Regexp(t, `too large|out of range`, e.Message)
		})
	}

	// What fits still works, whole numbers staying whole.
	for src, want := range map[string]any{
		`doc.big - 1 + 1`:                   9223372036854775807,
		`sum([1, 2, 3])`:                    6,
		`sum([1.5, 2])`:                     3.5,
		`sum([])`:                           0,
		`sum(1..10)`:                        55,
		`sum([{"p": 2}, {"p": 3}], .p * 2)`: 10,
		`-doc.n * 3`:                        -3000,
		`int("12") + int(3.9)`:              15,
		`daysSince(date("0001-01-01"))`:     739954,
		`daysUntil(date("9999-12-31"))`:     2912104,
		`string(addMonths(date("2024-01-31"), 1))[0:10]`:    "2024-02-29",
		`duration("1h") * 2 == duration("2h")`:              true,
		`(date("2026-12-06") - date("2026-12-05")).Hours()`: 24.0,
	} {
		v, err := run(t, src, doc)
		if assert.NoError(t, err, src) {
			assert.Equal(t, want, v, src)
		}
	}
}

// matches charges the budget with the text's length times the size of the
// pattern, and refuses long patterns: the regular expression that held a
// core for minutes is refused at once.
func TestPatternsAreBounded(t *testing.T) {
	cases := []struct {
		src  string
		want string // in the error
	}{
		{`repeat("a", 500000) matches repeat("a?", 1000) + repeat("a", 1000) + "b"`, "pattern is too long"},
		{`repeat("a", 500000) matches repeat("a?", 300) + repeat("a", 300) + "b"`, "budget"},
		{`repeat("a", 200000) matches "` + strings.Repeat("a?", 300) + `b"`, "budget"},
		{`"x" matches "` + strings.Repeat("a", 1100) + `"`, "pattern is too long"},
		{`"x" matches "("`, "missing closing )"},
	}
	for _, tc := range cases {
		t.Run(tc.src[:min(len(tc.src), 50)], func(t *testing.T) {
			start := time.Now()
			_, err := run(t, tc.src, nil)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Less(t, time.Since(start), 500*time.Millisecond, "refused only after the work")
		})
	}
	for src, want := range map[string]bool{
		`"ada@example.org" matches "^[a-z]+@[a-z.]+$"`:        true,
		`doc.email matches doc.rule`:                          true,
		`doc.email contains "@" && doc.email endsWith ".org"`: true,
		`doc.email startsWith "bob"`:                          false,
		`doc.missing matches "x" || doc.missing contains "x"`: false,
		`all(doc.list, # matches "^[0-9]+$")`:                 true,
	} {
		v, err := run(t, src, map[string]any{"email": "ada@example.org", "rule": "^ada@", "list": []any{"1", "22"}})
		if assert.NoError(t, err, src) {
			assert.Equal(t, want, v, src)
		}
	}
}

// A run ends when its context does, even inside a loop of expensive text
// work.
func TestTextWorkStopsWithTheContext(t *testing.T) {
	p, err := expressions.Compile(`none(1..1000000, repeat("ab", 5000) contains string(#))`, expressions.Options{})
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(t.Context(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = p.Run(ctx, expressions.Env{}, nil, expressions.Limits{MemoryBudget: 1 << 40, Timeout: time.Minute})
	require.Error(t, err)
	assert.Less(t, time.Since(start), time.Second)
}

// FuzzTextFunctions runs the functions that take text and patterns on
// arbitrary text and patterns under a time limit: none may run past its
// limit by more than 100 ms, nor panic. Its seeds are the attacks found.
func FuzzTextFunctions(f *testing.F) {
	f.Add("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "a?a?a?a?a?a?a?a?aaaaaaaab", 20000, 3)
	f.Add("ab", `(?i)(\w+\s*)+$`, 50000, 1)
	f.Add("x", "((((((((((a*)*)*)*)*)*)*)*)*)*)*b", 1000000, 2)
	f.Add("a,b,c", ",", 100000, 4)
	f.Add("\xff\xfe", "[\\x{fffd}]", 10, 0)
	const limit = 200 * time.Millisecond
	forms := []string{
		`repeat(doc.text, doc.n) matches doc.pattern`,
		`repeat(doc.text, doc.n) contains doc.pattern`,
		`len(split(repeat(doc.text, doc.n), doc.pattern))`,
		`replace(repeat(doc.text, doc.n), doc.pattern, doc.text)`,
		`indexOf(repeat(doc.text, doc.n), doc.pattern)`,
		`all(1..doc.n, doc.text + string(#) matches doc.pattern)`,
		`upper(repeat(doc.text, doc.n)) endsWith doc.pattern || lower(doc.pattern) startsWith doc.text`,
		`trim(repeat(doc.text, doc.n), doc.pattern)`,
	}
	progs := make([]*expressions.Program, len(forms))
	for i, src := range forms {
		p, err := expressions.Compile(src, expressions.Options{})
		require.NoError(f, err, src)
		progs[i] = p
	}
	f.Fuzz(func(t *testing.T, text, pattern string, n, form int) {
		if form < 0 {
			form = -form
		}
		p := progs[form%len(progs)]
		doc := map[string]any{"text": text, "pattern": pattern, "n": n}
		start := time.Now()
		_, err := p.Run(context.Background(), expressions.Env{Doc: doc}, nil, expressions.Limits{Timeout: limit})
		if took := time.Since(start); took > limit+100*time.Millisecond {
			t.Fatalf("%s with text %q (x%d), pattern %q: %v past its limit of %v (%v)", forms[form%len(forms)], text, n, pattern, took-limit, limit, err)
		}
		if err != nil {
			var e *expressions.Error
			if !errors.As(err, &e) {
				t.Fatalf("%T is not an *Error: %v", err, err)
			}
		}
	})
}
