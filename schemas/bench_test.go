package schemas_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credence/credence/schemas"
)

const benchQuestions = `{
	"type": "object",
	"properties": {
		"text":    {"type": "string", "minLength": 1, "maxLength": 2000},
		"kind":    {"enum": ["single", "multiple", "open"]},
		"points":  {"type": "integer", "minimum": 0, "maximum": 100},
		"choices": {"type": "array", "maxItems": 8, "items": {"$ref": "#/$defs/choice"}},
		"tags":    {"type": "array", "items": {"type": "string"}, "uniqueItems": true}
	},
	"required": ["text", "kind", "points"],
	"additionalProperties": false,
	"$defs": {
		"choice": {
			"type": "object",
			"properties": {"label": {"type": "string", "minLength": 1}, "correct": {"type": "boolean", "x-private": true}},
			"required": ["label"],
			"additionalProperties": false
		}
	}
}`

const benchExams = `{
	"type": "object",
	"title": "Exams",
	"x-publish": true,
	"properties": {
		"title":        {"type": "string", "minLength": 3, "maxLength": 200, "x-index": true},
		"code":         {"type": "string", "pattern": "^[A-Z]{3}-[0-9]{4}$", "x-unique": true},
		"description":  {"type": "string", "maxLength": 5000},
		"subject":      {"enum": ["maths", "physics", "chemistry", "biology", "history"]},
		"level":        {"type": "integer", "minimum": 1, "maximum": 12},
		"duration":     {"type": "integer", "minimum": 5, "maximum": 300, "multipleOf": 5},
		"passMark":     {"type": "number", "exclusiveMinimum": 0, "maximum": 100},
		"opensAt":      {"type": "string", "format": "date-time"},
		"closesAt":     {"type": "string", "format": "date-time"},
		"examDate":     {"type": "string", "format": "date"},
		"contact":      {"type": "string", "format": "email"},
		"shuffle":      {"type": "boolean"},
		"attempts":     {"type": ["integer", "null"], "minimum": 1},
		"tags":         {"type": "array", "items": {"type": "string", "maxLength": 30}, "maxItems": 10, "uniqueItems": true},
		"settings":     {"type": "object", "properties": {"calculator": {"type": "boolean"}, "notes": {"type": "boolean"}}, "additionalProperties": false},
		"questions":    {"type": "array", "minItems": 1, "maxItems": 100, "items": {"$ref": "questions"}}
	},
	"required": ["title", "code", "subject", "duration", "questions"],
	"additionalProperties": false
}`

func benchExamDocument(questions int) string {
	qs := make([]string, questions)
	for i := range qs {
		qs[i] = fmt.Sprintf(`{"text":"Question %d: what is %d + %d?","kind":"single","points":%d,"tags":["arithmetic","level-%d"],
			"choices":[{"label":"%d","correct":true},{"label":"%d","correct":false},{"label":"%d","correct":false},{"label":"none"}]}`,
			i+1, i, i+1, 1+i%5, i%3, 2*i+1, 2*i, 2*i+2)
	}
	return `{
		"title": "Algebra mid-term",
		"code": "MAT-2024",
		"description": "Covers chapters 1 to 4: equations, inequalities, functions and graphs.",
		"subject": "maths",
		"level": 9,
		"duration": 90,
		"passMark": 50.5,
		"opensAt": "2024-05-31T09:00:00Z",
		"closesAt": "2024-05-31T17:00:00+02:00",
		"examDate": "2024-05-31",
		"contact": "teacher@school.example",
		"shuffle": true,
		"attempts": null,
		"tags": ["algebra", "mid-term", "year-9"],
		"settings": {"calculator": false, "notes": true},
		"questions": [` + strings.Join(qs, ",") + `]
	}`
}

func BenchmarkValidate(b *testing.B) {
	reg, _ := put(b, schemas.Empty(), "questions", benchQuestions)
	_, exams := put(b, reg, "exams", benchExams)
	doc := decode(b, benchExamDocument(20))
	require.NoError(b, exams.Validate(doc))

	b.ReportAllocs()
	for b.Loop() {
		if err := exams.Validate(doc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidateInvalid(b *testing.B) {
	reg, _ := put(b, schemas.Empty(), "questions", benchQuestions)
	_, exams := put(b, reg, "exams", benchExams)
	doc := decode(b, strings.Replace(benchExamDocument(20), `"points":3`, `"points":-3`, -1))
	err := exams.Validate(doc)
	require.Error(b, err)

	b.ReportAllocs()
	for b.Loop() {
		if err := exams.Validate(doc); err == nil {
			b.Fatal("valid")
		}
	}
}
