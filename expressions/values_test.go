package expressions_test

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/expressions"
)

// decode reads JSON the way documents are read: numbers as json.Number.
func decode(t *testing.T, s string) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader([]byte(s)))
	d.UseNumber()
	var v any
	require.NoError(t, d.Decode(&v))
	return v
}

func TestFromJSON(t *testing.T) {
	tests := []struct {
		json string
		want any
	}{
		{json: `42`, want: 42},
		{json: `-7`, want: -7},
		{json: `2.5`, want: 2.5},
		{json: `2.0`, want: 2},
		{json: `1e3`, want: 1000},
		{json: `1.5e-3`, want: 0.0015},
		{json: `9007199254740993`, want: 9007199254740993},         // past 2^53, still exact
		{json: `9223372036854775807`, want: math.MaxInt64},         // the largest int
		{json: `9007199254740993.000`, want: 9007199254740993},     // integral with a fraction of zeros, exact
		{json: `9223372036854775808`, want: 9223372036854775808.0}, // past the int range: a float64
		{json: `1e400`, want: math.Inf(1)},
		{json: `"2024-03-01"`, want: "2024-03-01"}, // dates stay strings
		{json: `true`, want: true},
		{json: `null`, want: nil},
		{json: `{"a": 1, "b": [1, 2.5, {"c": "x"}]}`, want: map[string]any{"a": 1, "b": []any{1, 2.5, map[string]any{"c": "x"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.json, func(t *testing.T) {
			assert.Equal(t, tt.want, expressions.FromJSON(decode(t, tt.json)))
		})
	}
	assert.Equal(t, 3, expressions.FromJSON(3.0), "float64 from a decoder without UseNumber")
	assert.Equal(t, 3.5, expressions.FromJSON(3.5))
}

func TestFromJSONCopies(t *testing.T) {
	in := map[string]any{"n": json.Number("1")}
	expressions.FromJSON(in)
	assert.Equal(t, json.Number("1"), in["n"])
}

func TestToJSON(t *testing.T) {
	tests := []struct {
		name string
		in   any
		want any
	}{
		{name: "int", in: 42, want: json.Number("42")},
		{name: "float", in: 2.5, want: json.Number("2.5")},
		{name: "small float", in: 1e-7, want: json.Number("1e-7")},
		{name: "large float", in: 1e21, want: json.Number("1e+21")},
		{name: "time in UTC with milliseconds", in: time.Date(2024, 3, 1, 10, 30, 0, 123456789, time.FixedZone("CET", 3600)), want: "2024-03-01T09:30:00.123Z"},
		{name: "duration", in: 90 * time.Minute, want: "1h30m0s"},
		{name: "auth", in: expressions.Auth{ID: "u1", Role: "admin", Subject: "a@b"}, want: map[string]any{"id": "u1", "role": "admin", "subject": "a@b"}},
		{name: "nested", in: map[string]any{"a": []any{1, "x", nil, true}}, want: map[string]any{"a": []any{json.Number("1"), "x", nil, true}}},
		{name: "typed lists", in: []int{1, 2}, want: []any{json.Number("1"), json.Number("2")}},
		{name: "documents", in: []map[string]any{{"n": 1}}, want: []any{map[string]any{"n": json.Number("1")}}},
		{name: "groupBy keys", in: map[any][]any{1: {"a"}, "x": {"b"}}, want: map[string]any{"1": []any{"a"}, "x": []any{"b"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := expressions.ToJSON(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestToJSONErrors(t *testing.T) {
	for name, v := range map[string]any{
		"NaN":       math.NaN(),
		"+Inf":      math.Inf(1),
		"-Inf":      math.Inf(-1),
		"nested":    map[string]any{"scores": []any{1, math.NaN()}},
		"a channel": make(chan int),
	} {
		_, err := expressions.ToJSON(v)
		assert.Error(t, err, name)
	}
	_, err := expressions.ToJSON(map[string]any{"scores": []any{1, math.NaN()}})
	assert.EqualError(t, err, "scores: [1]: the formula gave NaN, which is not a number JSON can hold")
}

func TestJSONRoundTrip(t *testing.T) {
	for _, s := range []string{
		`{"a":1,"b":2.5,"c":"x","d":[true,null,{"e":-3}],"f":9007199254740993}`,
		`[1,1.25,1e-7,1e+21,"2024-03-01T09:30:00.000Z"]`,
	} {
		out, err := expressions.ToJSON(expressions.FromJSON(decode(t, s)))
		require.NoError(t, err)
		b, err := json.Marshal(out)
		require.NoError(t, err)
		assert.JSONEq(t, s, string(b))
		assert.Equal(t, decode(t, s), decode(t, string(b)), "numbers keep their text")
	}
}

func TestFormulaResultsToJSON(t *testing.T) {
	// A document as stored: JSON, with a date-time the caller converts as its schema says.
	doc := expressions.FromJSON(decode(t, `{"answers": [{"points": 2}, {"points": 3}], "startedAt": "2024-03-01T09:30:00Z"}`)).(map[string]any)
	start, ok := expressions.ParseTime(doc["startedAt"].(string))
	require.True(t, ok)
	doc["startedAt"] = start
	got, err := eval(t, `{score: sum(doc.answers, .points), at: addDays(doc.startedAt, 1), ratio: 1 / 4}`, expressions.Env{Doc: doc}, nil)
	require.NoError(t, err)
	out, err := expressions.ToJSON(got)
	require.NoError(t, err)
	b, err := json.Marshal(out)
	require.NoError(t, err)
	assert.JSONEq(t, `{"score": 5, "at": "2024-03-02T09:30:00.000Z", "ratio": 0.25}`, string(b))
}

func TestParseTime(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{in: "2024-03-01T09:30:00Z", want: time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC), ok: true},
		{in: "2024-03-01T09:30:00.123Z", want: time.Date(2024, 3, 1, 9, 30, 0, 123e6, time.UTC), ok: true},
		{in: "2024-03-01T10:30:00+01:00", want: time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC), ok: true},
		{in: "2024-03-01", want: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), ok: true},
		{in: "2024-02-30"},
		{in: "01/03/2024"},
		{in: ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := expressions.ParseTime(tt.in)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}
