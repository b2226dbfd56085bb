package schemas_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/schemas"
)

// decode parses a document the way the documents package does: numbers as json.Number.
func decode(t testing.TB, s string) any {
	t.Helper()
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	var v any
	require.NoError(t, d.Decode(&v), "document %s", s)
	return v
}

const keywordsSchema = `{
	"type": "object",
	"properties": {
		"title":    {"type": "string", "minLength": 3, "maxLength": 10},
		"code":     {"type": "string", "pattern": "^[A-Z]{3}-[0-9]+$"},
		"score":    {"type": "number", "minimum": 0, "maximum": 100},
		"ratio":    {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1},
		"step":     {"type": "number", "multipleOf": 0.5},
		"count":    {"type": "integer"},
		"active":   {"type": "boolean"},
		"optional": {"type": ["string", "null"]},
		"email":    {"type": "string", "format": "email"},
		"opens":    {"type": "string", "format": "date-time"},
		"day":      {"type": "string", "format": "date"},
		"level":    {"enum": ["easy", "medium", "hard"]},
		"kind":     {"const": "exam"},
		"tags":     {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 3, "uniqueItems": true},
		"meta":     {"type": "object", "properties": {"owner": {"type": "string"}}, "required": ["owner"], "additionalProperties": false},
		"answer":   {"oneOf": [{"type": "string"}, {"type": "integer"}]},
		"either":   {"anyOf": [{"type": "string", "maxLength": 2}, {"type": "boolean"}]},
		"never":    false,
		"a b":      {"type": "string"},
		"x/y~z":    {"type": "string"},
		"100%":     {"type": "string"},
		"questions": {
			"type": "array",
			"items": {
				"type": "object",
				"properties": {"text": {"type": "string"}, "points": {"type": "integer", "minimum": 1}},
				"required": ["text", "points"],
				"additionalProperties": false
			}
		}
	},
	"required": ["title", "kind"],
	"additionalProperties": false
}`

func TestValidateMessages(t *testing.T) {
	_, c := put(t, schemas.Empty(), "exams", keywordsSchema)

	// valid is a document that passes; each case changes or removes one member.
	valid := func() map[string]any {
		return decode(t, `{"title":"Algebra","kind":"exam"}`).(map[string]any)
	}

	tests := []struct {
		name string
		doc  string // members added to valid; "title":null removes title
		want []schemas.FieldError
	}{
		{"type string", `{"title":5}`, fe("/title", "must be a string")},
		{"type integer", `{"count":1.5}`, fe("/count", "must be an integer")},
		{"type integer accepts 2.0", `{"count":2.0}`, nil},
		{"type boolean", `{"active":"yes"}`, fe("/active", "must be a boolean")},
		{"type array", `{"tags":"a"}`, fe("/tags", "must be an array")},
		{"type object", `{"meta":[]}`, fe("/meta", "must be an object")},
		{"type list", `{"optional":1}`, fe("/optional", "must be a string or null")},
		{"type list accepts null", `{"optional":null}`, nil},
		{"minimum", `{"score":-1}`, fe("/score", "must be at least 0")},
		{"maximum", `{"score":100.5}`, fe("/score", "must be at most 100")},
		{"exclusiveMinimum", `{"ratio":0}`, fe("/ratio", "must be greater than 0")},
		{"exclusiveMaximum", `{"ratio":1}`, fe("/ratio", "must be less than 1")},
		{"multipleOf", `{"step":0.3}`, fe("/step", "must be a multiple of 0.5")},
		{"minLength", `{"title":"ab"}`, fe("/title", "must be at least 3 characters long")},
		{"maxLength", `{"title":"abcdefghijk"}`, fe("/title", "must be at most 10 characters long")},
		{"maxLength counts characters", `{"title":"éééééééééé"}`, nil},
		{"pattern", `{"code":"abc-1"}`, fe("/code", "must match the pattern ^[A-Z]{3}-[0-9]+$")},
		{"format email", `{"email":"not-an-email"}`, fe("/email", "must be a valid email address")},
		{"format date-time", `{"opens":"2024-13-01 10:00"}`, fe("/opens", "must be a valid date and time, such as 2024-05-31T09:30:00Z")},
		{"format date", `{"day":"31/05/2024"}`, fe("/day", "must be a valid date, such as 2024-05-31")},
		{"formats accepted", `{"email":"ada@example.com","opens":"2024-05-31T09:30:00Z","day":"2024-05-31"}`, nil},
		{"enum", `{"level":"trivial"}`, fe("/level", `must be one of "easy", "medium", "hard"`)},
		{"const", `{"kind":"quiz"}`, fe("/kind", `must be "exam"`)},
		{"minItems", `{"tags":[]}`, fe("/tags", "must have at least 1 items")},
		{"maxItems", `{"tags":["a","b","c","d"]}`, fe("/tags", "must have at most 3 items")},
		{"uniqueItems", `{"tags":["a","b","a"]}`, fe("/tags", "must not contain the same item twice (items at index 0 and 2 are equal)")},
		{"items", `{"tags":["a",2]}`, fe("/tags/1", "must be a string")},
		{"required", `{"title":null}`, fe("/title", "is required")},
		{"required, several", `{"title":null,"kind":null}`, []schemas.FieldError{{Path: "/kind", Message: "is required"}, {Path: "/title", Message: "is required"}}},
		{"required, nested", `{"meta":{}}`, fe("/meta/owner", "is required")},
		{"additionalProperties", `{"extra":1}`, fe("/extra", "is not allowed here")},
		{"additionalProperties, several", `{"zeta":1,"alpha":2}`, []schemas.FieldError{{Path: "/alpha", Message: "is not allowed here"}, {Path: "/zeta", Message: "is not allowed here"}}},
		{"additionalProperties, nested", `{"meta":{"owner":"ada","colour":"red"}}`, fe("/meta/colour", "is not allowed here")},
		{"false schema", `{"never":1}`, fe("/never", "is not allowed here")},
		{"oneOf none", `{"answer":1.5}`, fe("/answer", "must match exactly one of the allowed shapes")},
		{"oneOf accepts", `{"answer":"four"}`, nil},
		{"anyOf none", `{"either":"long"}`, fe("/either", "must match at least one of the allowed shapes")},
		{"anyOf accepts", `{"either":true}`, nil},
		{"property name with a space", `{"a b":1}`, fe("/a b", "must be a string")},
		{"property name with / and ~", `{"x/y~z":1}`, fe("/x~1y~0z", "must be a string")},
		{"property name with %", `{"100%":1}`, fe("/100%", "must be a string")},
		{"array of objects", `{"questions":[{"text":"a","points":1},{"text":"b","points":1},{"text":"c","points":1},{"text":"d","points":0}]}`, fe("/questions/3/points", "must be at least 1")},
		{"array of objects, required", `{"questions":[{"text":"a"}]}`, fe("/questions/0/points", "is required")},
		{"array of objects, additional", `{"questions":[{"text":"a","points":1,"hint":"b"}]}`, fe("/questions/0/hint", "is not allowed here")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := valid()
			for k, v := range decode(t, tt.doc).(map[string]any) {
				if v == nil && k != "optional" {
					delete(doc, k)
					continue
				}
				doc[k] = v
			}
			err := c.Validate(doc)
			if tt.want == nil {
				assert.NoError(t, err)
				return
			}
			ie := invalidError(t, err)
			assert.Equal(t, "the document does not match the schema of exams", ie.Message)
			assert.Equal(t, tt.want, ie.Errors)
			assertReadable(t, ie)
		})
	}
}

func TestValidateNotAnObject(t *testing.T) {
	_, c := put(t, schemas.Empty(), "exams", `{"type":"object","required":["title"]}`)
	for _, doc := range []string{`[]`, `"exam"`, `1`, `null`, `true`} {
		t.Run(doc, func(t *testing.T) {
			ie := invalidError(t, c.Validate(decode(t, doc)))
			assert.Equal(t, fe("", "must be an object"), ie.Errors)
		})
	}
}

func TestValidateManyErrorsSortedAndUnique(t *testing.T) {
	_, c := put(t, schemas.Empty(), "exams", keywordsSchema)
	var qs []string
	for i := 0; i < 12; i++ {
		qs = append(qs, fmt.Sprintf(`{"text":"q%d","points":%d}`, i, i%2))
	}
	doc := decode(t, `{"kind":"quiz","score":-1,"tags":["a","a"],"questions":[`+strings.Join(qs, ",")+`],"meta":{"owner":1}}`)

	ie := invalidError(t, c.Validate(doc))
	assert.Equal(t, []schemas.FieldError{
		{Path: "/kind", Message: `must be "exam"`},
		{Path: "/meta/owner", Message: "must be a string"},
		{Path: "/questions/0/points", Message: "must be at least 1"},
		{Path: "/questions/2/points", Message: "must be at least 1"},
		{Path: "/questions/4/points", Message: "must be at least 1"},
		{Path: "/questions/6/points", Message: "must be at least 1"},
		{Path: "/questions/8/points", Message: "must be at least 1"},
		{Path: "/questions/10/points", Message: "must be at least 1"},
		{Path: "/score", Message: "must be at least 0"},
		{Path: "/tags", Message: "must not contain the same item twice (items at index 0 and 1 are equal)"},
		{Path: "/title", Message: "is required"},
	}, ie.Errors)
	assertReadable(t, ie)
}

func TestValidateNoDuplicates(t *testing.T) {
	// The same failure reached twice, through allOf and a $ref to the same definition.
	_, c := put(t, schemas.Empty(), "exams", `{
		"type":"object",
		"allOf":[{"$ref":"#/$defs/base"},{"$ref":"#/$defs/base"}],
		"$defs":{"base":{"properties":{"title":{"type":"string"}},"required":["title"]}}
	}`)
	ie := invalidError(t, c.Validate(decode(t, `{"title":1}`)))
	assert.Equal(t, fe("/title", "must be a string"), ie.Errors)

	ie = invalidError(t, c.Validate(decode(t, `{}`)))
	assert.Equal(t, fe("/title", "is required"), ie.Errors)
}

func TestValidateThroughCollectionRef(t *testing.T) {
	reg, _ := put(t, schemas.Empty(), "questions", `{
		"type":"object",
		"properties":{
			"text":{"type":"string","minLength":1},
			"points":{"type":"integer","minimum":1,"maximum":10},
			"kind":{"enum":["single","multiple"]}
		},
		"required":["text","points"],
		"additionalProperties":false
	}`)
	_, exams := put(t, reg, "exams", `{
		"type":"object",
		"properties":{"questions":{"type":"array","items":{"$ref":"questions"}}}
	}`)
	doc := decode(t, `{"questions":[
		{"text":"a","points":1},
		{"text":"","points":11,"kind":"open","hint":"x"},
		{"points":1}
	]}`)
	ie := invalidError(t, exams.Validate(doc))
	assert.Equal(t, []schemas.FieldError{
		{Path: "/questions/1/hint", Message: "is not allowed here"},
		{Path: "/questions/1/kind", Message: `must be one of "single", "multiple"`},
		{Path: "/questions/1/points", Message: "must be at most 10"},
		{Path: "/questions/1/text", Message: "must be at least 1 characters long"},
		{Path: "/questions/2/text", Message: "is required"},
	}, ie.Errors)
	assertReadable(t, ie)
}

func TestValidateEmbeddedResource(t *testing.T) {
	// A subschema with its own $id is a resource of its own; messages still
	// read the keyword values from it.
	_, c := put(t, schemas.Empty(), "exams", `{
		"type":"object",
		"properties":{"score":{"$ref":"score"}},
		"$defs":{"score":{"$id":"score","type":"number","minimum":0,"required":[]}}
	}`)
	ie := invalidError(t, c.Validate(decode(t, `{"score":-1}`)))
	assert.Equal(t, fe("/score", "must be at least 0"), ie.Errors)
}

func TestValidateOtherKeywords(t *testing.T) {
	tests := []struct {
		name   string
		schema string
		doc    string
		want   []schemas.FieldError
	}{
		{"minProperties", `{"type":"object","minProperties":2}`, `{"a":1}`, fe("", "must have at least 2 properties")},
		{"maxProperties", `{"type":"object","maxProperties":1}`, `{"a":1,"b":2}`, fe("", "must have at most 1 properties")},
		{"not", `{"type":"object","properties":{"a":{"not":{"type":"string"}}}}`, `{"a":"x"}`, fe("/a", "must not match the excluded shape")},
		{"oneOf matching twice", `{"type":"object","properties":{"a":{"oneOf":[{"type":"integer"},{"type":"number"}]}}}`, `{"a":1}`, fe("/a", "must match exactly one of the allowed shapes")},
		{"const object", `{"type":"object","properties":{"a":{"const":{"b":1}}}}`, `{"a":{"b":2}}`, fe("/a", `must be {"b":1}`)},
		{"const null", `{"type":"object","properties":{"a":{"const":null}}}`, `{"a":1}`, fe("/a", `must be null`)},
		{"if then", `{"type":"object","if":{"properties":{"kind":{"const":"timed"}}},"then":{"required":["minutes"]}}`, `{"kind":"timed"}`, fe("/minutes", "is required")},
		{"patternProperties", `{"type":"object","patternProperties":{"^n_":{"type":"number"}},"additionalProperties":false}`, `{"n_a":1,"s":"x"}`, fe("/s", "is not allowed here")},
		{"unevaluatedProperties", `{"type":"object","properties":{"a":{}},"unevaluatedProperties":false}`, `{"a":1,"b":2}`, fe("/b", "is not allowed here")},
		{"items false", `{"type":"object","properties":{"a":{"type":"array","prefixItems":[{"type":"string"}],"items":false}}}`, `{"a":["x",1]}`, fe("/a/1", "is not allowed here")},
		{"additionalProperties schema", `{"type":"object","additionalProperties":{"type":"string"}}`, `{"a":1}`, fe("/a", "must be a string")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, c := put(t, schemas.Empty(), "exams", tt.schema)
			ie := invalidError(t, c.Validate(decode(t, tt.doc)))
			assert.Equal(t, tt.want, ie.Errors)
			assertReadable(t, ie)
		})
	}
}

func TestValidateBigNumbers(t *testing.T) {
	_, c := put(t, schemas.Empty(), "exams", `{"type":"object","properties":{"n":{"type":"integer","multipleOf":3}}}`)
	assert.NoError(t, c.Validate(decode(t, `{"n":12345678901234567890123456789012345678901234567890123}`)))
	assert.Error(t, c.Validate(decode(t, `{"n":12345678901234567890123456789012345678901234567890124}`)))
}

// fe is a one-error list.
func fe(path, msg string) []schemas.FieldError {
	return []schemas.FieldError{{Path: path, Message: msg}}
}

// assertReadable checks that messages carry no validator jargon.
func assertReadable(t *testing.T, ie *schemas.InvalidError) {
	t.Helper()
	for _, e := range ie.Errors {
		assert.NotEmpty(t, e.Message)
		for _, jargon := range []string{"jsonschema", "credence://", "#/", "<nil>", "doesn't validate", "failed"} {
			assert.NotContains(t, e.Message, jargon, "at %s", e.Path)
		}
	}
	var buf bytes.Buffer
	require.NoError(t, json.NewEncoder(&buf).Encode(ie.Errors))
}

func TestValidateArrayKeywords(t *testing.T) {
	_, c := put(t, schemas.Empty(), "exams", `{
		"type":"object",
		"dependentRequired":{"opens":["closes"]},
		"properties":{
			"some":{"type":"array","contains":{"type":"string"}},
			"few":{"type":"array","contains":{"type":"string"},"minContains":2,"maxContains":3}
		}
	}`)
	tests := []struct {
		name string
		doc  string
		want []schemas.FieldError
	}{
		{"dependentRequired", `{"opens":"09:00"}`, fe("/closes", "is required when opens is present")},
		{"contains", `{"some":[1,2]}`, fe("/some", "must contain at least one matching item")},
		{"minContains", `{"few":["a",1]}`, fe("/few", "must contain at least 2 matching items")},
		{"maxContains", `{"few":["a","b","c","d"]}`, fe("/few", "must contain at most 3 matching items")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ie := invalidError(t, c.Validate(decode(t, tt.doc)))
			assert.Equal(t, tt.want, ie.Errors)
			assertReadable(t, ie)
		})
	}
}

func TestValidateNotJSON(t *testing.T) {
	_, c := put(t, schemas.Empty(), "exams", `{"type":"object","properties":{"a":{"type":"string"}}}`)
	ie := invalidError(t, c.Validate(map[string]any{"a": struct{}{}}))
	require.NotEmpty(t, ie.Errors)
	assert.NotContains(t, ie.Errors[0].Message, "jsonschema:")
}

func TestValidateRefusesNumbersOutOfRange(t *testing.T) {
	_, c := put(t, schemas.Empty(), "exams", `{
		"type":"object",
		"properties":{"n":{"type":"integer"},"m":{"minimum":0,"multipleOf":2},"list":{"type":"array","items":{"const":1}}}
	}`)
	tests := []struct {
		name string
		doc  any
		want []schemas.FieldError
	}{
		{"huge exponent", decode(t, `{"n":1e9999999}`), fe("/n", "is too large or too small a number")},
		{"tiny exponent", decode(t, `{"m":1.5e-9999999}`), fe("/m", "is too large or too small a number")},
		{"in an array", decode(t, `{"list":[1,1E+1001]}`), fe("/list/1", "is too large or too small a number")},
		{"too long", map[string]any{"n": json.Number(strings.Repeat("9", 1001))}, fe("/n", "is too long a number")},
		{"not a number", map[string]any{"n": json.Number("12abc")}, fe("/n", "is not a valid number")},
		{"infinity", map[string]any{"m": math.Inf(1)}, fe("/m", "is not a finite number")},
		{"NaN", map[string]any{"m": math.NaN()}, fe("/m", "is not a finite number")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ie := invalidError(t, c.Validate(tt.doc))
			assert.Equal(t, tt.want, ie.Errors)
		})
	}
	t.Run("within range", func(t *testing.T) {
		assert.NoError(t, c.Validate(decode(t, `{"n":1e1000,"m":2e-0,"list":[1.0]}`)))
		ie := invalidError(t, c.Validate(decode(t, `{"n":1e-1000}`)))
		assert.Equal(t, fe("/n", "must be an integer"), ie.Errors)
	})
}

func TestValidateConcurrently(t *testing.T) {
	reg, _ := put(t, schemas.Empty(), "questions", benchQuestions)
	_, exams := put(t, reg, "exams", benchExams)
	good := decode(t, benchExamDocument(5))
	bad := decode(t, strings.Replace(benchExamDocument(5), `"points":3`, `"points":-3`, 1))
	done := make(chan error, 8)
	for i := range 8 {
		go func() {
			doc := good
			if i%2 == 1 {
				doc = bad
			}
			var err error
			for range 20 {
				err = exams.Validate(doc)
			}
			if i%2 == 0 {
				done <- err
				return
			}
			if err == nil {
				done <- fmt.Errorf("invalid document accepted")
				return
			}
			done <- nil
		}()
	}
	for range 8 {
		assert.NoError(t, <-done)
	}
}
