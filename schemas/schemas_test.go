package schemas_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/schemas"
)

// put registers schema under name in r and fails the test if it does not compile.
func put(t testing.TB, r *schemas.Registry, name, schema string) (*schemas.Registry, *schemas.Collection) {
	t.Helper()
	next, c, err := r.Put(name, []byte(schema))
	require.NoError(t, err, "put %s", name)
	require.NotNil(t, c)
	return next, c
}

// invalidError asserts that err is an *InvalidError and returns it.
func invalidError(t testing.TB, err error) *schemas.InvalidError {
	t.Helper()
	require.Error(t, err)
	var ie *schemas.InvalidError
	require.True(t, errors.As(err, &ie), "want *InvalidError, got %T: %v", err, err)
	require.NotEmpty(t, ie.Message)
	return ie
}

func TestValidName(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"simple", "exams", true},
		{"digits and underscore", "exam_2024", true},
		{"single letter", "a", true},
		{"empty", "", false},
		{"uppercase", "Exams", false},
		{"leading digit", "1exams", false},
		{"leading underscore", "_schemas", false},
		{"hyphen", "exam-results", false},
		{"dot", "exams.v2", false},
		{"63 characters", "a" + strings.Repeat("b", 62), true},
		{"64 characters", "a" + strings.Repeat("b", 63), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, schemas.ValidName(tt.in))
		})
	}
}

func TestPutRefusesInvalidName(t *testing.T) {
	for _, name := range []string{"", "Exams", "1exams", "_exams", strings.Repeat("a", 64)} {
		t.Run(name, func(t *testing.T) {
			_, _, err := schemas.Empty().Put(name, []byte(`{"type":"object"}`))
			invalidError(t, err)
		})
	}
}

func TestCheckRefuses(t *testing.T) {
	tests := []struct {
		name     string
		schema   string
		wantPath string
	}{
		{"not JSON", `{"type":`, ""},
		{"trailing data", `{"type":"object"} {}`, ""},
		{"root an array", `[{"type":"object"}]`, ""},
		{"root a string", `"object"`, ""},
		{"root true", `true`, ""},
		{"no type", `{"properties":{"title":{"type":"string"}}}`, "/type"},
		{"type array", `{"type":"array","items":{"type":"string"}}`, "/type"},
		{"type string", `{"type":"string"}`, "/type"},
		{"type not a string", `{"type":1}`, "/type"},
		{"property starting with _", `{"type":"object","properties":{"_x":{"type":"string"}}}`, "/properties/_x"},
		{"property _id", `{"type":"object","properties":{"_id":{"type":"string"}}}`, "/properties/_id"},
		{"x-unique on an object", `{"type":"object","properties":{"meta":{"type":"object","x-unique":true}}}`, "/properties/meta/x-unique"},
		{"x-unique on an array", `{"type":"object","properties":{"tags":{"type":"array","x-unique":true}}}`, "/properties/tags/x-unique"},
		{"x-index without a type", `{"type":"object","properties":{"code":{"x-index":true}}}`, "/properties/code/x-index"},
		{"x-index on type null only", `{"type":"object","properties":{"code":{"type":["null"],"x-index":true}}}`, "/properties/code/x-index"},
		{"x-index on object or string", `{"type":"object","properties":{"code":{"type":["object","string"],"x-index":true}}}`, "/properties/code/x-index"},
		{"x-index at the root", `{"type":"object","x-index":true}`, "/x-index"},
		{"x-index nested in an object", `{"type":"object","properties":{"meta":{"type":"object","properties":{"code":{"type":"string","x-index":true}}}}}`, "/properties/meta/properties/code/x-index"},
		{"x-unique in array items", `{"type":"object","properties":{"tags":{"type":"array","items":{"type":"string","x-unique":true}}}}`, "/properties/tags/items/x-unique"},
		{"x-index in $defs", `{"type":"object","$defs":{"code":{"type":"string","x-index":true}}}`, "/$defs/code/x-index"},
		{"x-index in allOf", `{"type":"object","allOf":[{"properties":{"code":{"type":"string","x-index":true}}}]}`, "/allOf/0/properties/code/x-index"},
		{"x-index a string", `{"type":"object","properties":{"code":{"type":"string","x-index":"yes"}}}`, "/properties/code/x-index"},
		{"x-unique a number", `{"type":"object","properties":{"code":{"type":"string","x-unique":1}}}`, "/properties/code/x-unique"},
		{"x-publish a string", `{"type":"object","x-publish":"true"}`, "/x-publish"},
		{"x-publish null", `{"type":"object","x-publish":null}`, "/x-publish"},
		{"unknown type name", `{"type":"object","properties":{"title":{"type":"strin"}}}`, "/properties/title/type"},
		{"negative minLength", `{"type":"object","properties":{"title":{"type":"string","minLength":-1}}}`, "/properties/title/minLength"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, c, err := schemas.Empty().Put("exams", []byte(tt.schema))
			assert.Nil(t, c)
			ie := invalidError(t, err)
			require.NotEmpty(t, ie.Errors)
			assert.Equal(t, tt.wantPath, ie.Errors[0].Path, "errors: %v", ie.Errors)
			for _, fe := range ie.Errors {
				assert.NotEmpty(t, fe.Message)
				assert.NotContains(t, fe.Message, "jsonschema")
			}
		})
	}
}

func TestCheckRefusesBadPattern(t *testing.T) {
	_, _, err := schemas.Empty().Put("exams", []byte(`{"type":"object","properties":{"code":{"type":"string","pattern":"("}}}`))
	ie := invalidError(t, err)
	require.NotEmpty(t, ie.Errors)
	assert.NotContains(t, ie.Errors[0].Message, "jsonschema:")
}

func TestCheckAccepts(t *testing.T) {
	tests := []struct {
		name        string
		schema      string
		wantUnique  []string
		wantIndexed []string
		wantCounted []string
		wantPublish bool
	}{
		{
			name:   "minimal",
			schema: `{"type":"object"}`,
		},
		{
			name: "x-unique and x-index on scalars",
			schema: `{"type":"object","properties":{
				"code":   {"type":"string","x-unique":true,"x-index":true},
				"score":  {"type":"number","x-index":true},
				"rank":   {"type":"integer","x-unique":true},
				"active": {"type":"boolean","x-index":true},
				"email":  {"type":["string","null"],"x-unique":true},
				"off":    {"type":"string","x-index":false,"x-unique":false}
			}}`,
			wantUnique:  []string{"code", "email", "rank"},
			wantIndexed: []string{"active", "code", "email", "rank", "score"},
			wantCounted: []string{"active"},
		},
		{
			name:        "x-index then x-unique on the same property is listed once",
			schema:      `{"type":"object","properties":{"b":{"type":"string","x-unique":true,"x-index":true},"a":{"type":"string","x-index":true,"x-unique":true}}}`,
			wantUnique:  []string{"a", "b"},
			wantIndexed: []string{"a", "b"},
		},
		{
			name: "indexed fields of few values are counted",
			schema: `{"type":"object","properties":{
				"level":  {"type":"string","enum":["basic","master"],"x-index":true},
				"state":  {"enum":["open",true,null],"x-index":true},
				"kind":   {"type":"string","const":"exam","x-index":true},
				"active": {"type":["boolean","null"],"x-index":true},
				"grade":  {"enum":[1,2,3],"x-index":true},
				"name":   {"type":"string","x-index":true},
				"tier":   {"type":"string","enum":["a","b"]}
			}}`,
			wantIndexed: []string{"active", "grade", "kind", "level", "name", "state"},
			wantCounted: []string{"active", "kind", "level", "state"},
		},
		{
			name:        "x-publish true",
			schema:      `{"type":"object","x-publish":true}`,
			wantPublish: true,
		},
		{
			name:   "x-publish false",
			schema: `{"type":"object","x-publish":false}`,
		},
		{
			name:   "a property named x-index",
			schema: `{"type":"object","properties":{"x-index":{"type":"object"},"x-unique":{"type":"array"}}}`,
		},
		{
			name:   "x-index inside a default value",
			schema: `{"type":"object","properties":{"meta":{"type":"object","default":{"x-index":true,"x-unique":"no"}}}}`,
		},
		{
			name:   "x-index inside enum, const and examples",
			schema: `{"type":"object","properties":{"meta":{"enum":[{"x-index":1}],"const":{"x-unique":true},"examples":[{"x-index":"yes"}]}}}`,
		},
		{
			name:   "x-index inside x-ui",
			schema: `{"type":"object","x-ui":{"columns":[{"x-index":true}]}}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, c := put(t, schemas.Empty(), "exams", tt.schema)
			assert.Equal(t, "exams", c.Name)
			assert.JSONEq(t, tt.schema, string(c.Raw))
			assert.Equal(t, tt.wantUnique, c.Unique)
			assert.Equal(t, tt.wantIndexed, c.Indexed)
			assert.Equal(t, tt.wantCounted, c.Counted)
			assert.Equal(t, tt.wantPublish, c.Publish)
			for _, u := range tt.wantUnique {
				assert.True(t, c.IsUnique(u), u)
			}
			assert.False(t, c.IsUnique("nothing"))
		})
	}
}

func TestTitleAndDescription(t *testing.T) {
	_, c := put(t, schemas.Empty(), "exams", `{"type":"object","title":"Exams","description":"Timed exams for students"}`)
	assert.Equal(t, "Exams", c.Title)
	assert.Equal(t, "Timed exams for students", c.Description)

	_, c = put(t, schemas.Empty(), "exams", `{"type":"object"}`)
	assert.Empty(t, c.Title)
	assert.Empty(t, c.Description)
}

func TestWarnings(t *testing.T) {
	tests := []struct {
		name   string
		schema string
		want   []string
	}{
		{
			name:   "unknown keyword at the root",
			schema: `{"type":"object","x-colour":"red"}`,
			want:   []string{"/x-colour: unknown keyword x-colour is stored but has no effect"},
		},
		{
			name:   "unknown keyword in a property",
			schema: `{"type":"object","properties":{"title":{"type":"string","x-widget":"textarea"}}}`,
			want:   []string{"/properties/title/x-widget: unknown keyword x-widget is stored but has no effect"},
		},
		{
			name:   "unknown keywords in items, $defs and allOf, in order",
			schema: `{"type":"object","properties":{"tags":{"type":"array","items":{"x-b":1}}},"$defs":{"d":{"x-a":1}},"allOf":[{"x-c":1}]}`,
			want: []string{
				"/$defs/d/x-a: unknown keyword x-a is stored but has no effect",
				"/allOf/0/x-c: unknown keyword x-c is stored but has no effect",
				"/properties/tags/items/x-b: unknown keyword x-b is stored but has no effect",
			},
		},
		{
			name:   "x-index and x-unique on an x-computed field, which is not stored",
			schema: `{"type":"object","properties":{"label":{"type":"string","enum":["a"],"x-computed":"\"a\"","x-index":true,"x-unique":true}}}`,
			want: []string{
				"/properties/label/x-index: an x-computed field is not stored, so x-index has no effect",
				"/properties/label/x-unique: an x-computed field is not stored, so x-unique has no effect",
			},
		},
		{
			name:   "a property named properties",
			schema: `{"type":"object","properties":{"properties":{"type":"string","x-foo":1}}}`,
			want:   []string{"/properties/properties/x-foo: unknown keyword x-foo is stored but has no effect"},
		},
		{
			name:   "the value of an unknown keyword is not walked",
			schema: `{"type":"object","x-foo":{"x-bar":1}}`,
			want:   []string{"/x-foo: unknown keyword x-foo is stored but has no effect"},
		},
		{
			name: "known keywords",
			schema: `{"type":"object","x-publish":true,"x-title":"Exams","x-audience":"true",
				"x-rules":[{"when":"doc.a > 0","message":"a must be positive","x-foo":1}],
				"x-access":{"list":"true","read":"false"},
				"x-ui":{"order":["a"],"x-baz":{"x-qux":1}},
				"properties":{
					"q":{"type":"string","x-ref":"exams","x-on-delete":"cascade"},
					"f":{"type":"number","x-formula":"1 + 1"},
					"c":{"type":"string","x-computed":"now()"},
					"d":{"type":"string","x-default":"'a'"},
					"p":{"type":"string","x-private":true,"x-ui":{"x-hidden":true}},
					"i":{"type":"string","x-index":true,"x-unique":true,"x-title":"I"}
				}}`,
		},
		{
			name:   "a property named x-foo",
			schema: `{"type":"object","properties":{"x-foo":{"type":"string"}},"required":["x-foo"]}`,
		},
		{
			name:   "names in $defs and patternProperties",
			schema: `{"type":"object","$defs":{"x-def":{"type":"string"}},"patternProperties":{"x-.*":{"type":"string"}}}`,
		},
		{
			name:   "values of enum, const, default and examples",
			schema: `{"type":"object","properties":{"a":{"enum":[{"x-foo":1}],"const":{"x-foo":1},"default":{"x-foo":1},"examples":[{"x-foo":1}]}}}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, c := put(t, schemas.Empty(), "exams", tt.schema)
			assert.Equal(t, tt.want, c.Warnings)
		})
	}
}

func TestRefToOtherCollection(t *testing.T) {
	reg, _ := put(t, schemas.Empty(), "questions", `{
		"type":"object",
		"properties":{"text":{"type":"string"},"points":{"type":"integer","minimum":0}},
		"required":["text"],
		"$defs":{"choice":{"type":"object","properties":{"label":{"type":"string","minLength":1}},"required":["label"]}}
	}`)
	reg, exams := put(t, reg, "exams", `{
		"type":"object",
		"properties":{
			"question":{"$ref":"questions"},
			"choice":{"$ref":"questions#/$defs/choice"},
			"absolute":{"$ref":"credence://schemas/questions"}
		}
	}`)
	assert.Equal(t, []string{"exams", "questions"}, reg.Names())

	tests := []struct {
		name string
		doc  string
		want []schemas.FieldError
	}{
		{"valid", `{"question":{"text":"2+2?","points":1},"choice":{"label":"4"},"absolute":{"text":"x"}}`, nil},
		{"through the collection", `{"question":{"text":"2+2?","points":-1}}`, []schemas.FieldError{{Path: "/question/points", Message: "must be at least 0"}}},
		{"required through the collection", `{"question":{"points":1}}`, []schemas.FieldError{{Path: "/question/text", Message: "is required"}}},
		{"through $defs", `{"choice":{"label":""}}`, []schemas.FieldError{{Path: "/choice/label", Message: "must be at least 1 characters long"}}},
		{"through an absolute URI", `{"absolute":{"text":1}}`, []schemas.FieldError{{Path: "/absolute/text", Message: "must be a string"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := exams.Validate(decode(t, tt.doc))
			if tt.want == nil {
				assert.NoError(t, err)
				return
			}
			ie := invalidError(t, err)
			assert.Equal(t, tt.want, ie.Errors)
		})
	}
}

func TestRefInsideSchema(t *testing.T) {
	_, c := put(t, schemas.Empty(), "exams", `{
		"type":"object",
		"properties":{"first":{"$ref":"#/$defs/q"},"second":{"$ref":"#/$defs/q"}},
		"$defs":{"q":{"type":"object","properties":{"points":{"type":"integer","maximum":10}}}}
	}`)
	require.NoError(t, c.Validate(decode(t, `{"first":{"points":3}}`)))
	ie := invalidError(t, c.Validate(decode(t, `{"first":{"points":11},"second":{"points":"x"}}`)))
	assert.Equal(t, []schemas.FieldError{
		{Path: "/first/points", Message: "must be at most 10"},
		{Path: "/second/points", Message: "must be an integer"},
	}, ie.Errors)
}

func TestRefToUnregisteredCollection(t *testing.T) {
	tests := []struct {
		name string
		ref  string
	}{
		{"by name", "questions"},
		{"with a fragment", "questions#/$defs/choice"},
		{"absolute", "credence://schemas/questions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			schema := `{"type":"object","properties":{"q":{"$ref":"` + tt.ref + `"}}}`
			_, _, err := schemas.Empty().Put("exams", []byte(schema))
			ie := invalidError(t, err)
			require.NotEmpty(t, ie.Errors)
			assert.Equal(t, "/properties/q/$ref", ie.Errors[0].Path)
			assert.Contains(t, ie.Errors[0].Message, `"questions"`)
			assert.Contains(t, err.Error(), "questions")
		})
	}
}

func TestRefToMissingDefinition(t *testing.T) {
	reg, _ := put(t, schemas.Empty(), "questions", `{"type":"object","$defs":{"choice":{"type":"string"}}}`)
	_, _, err := reg.Put("exams", []byte(`{"type":"object","properties":{"q":{"$ref":"questions#/$defs/nothing"}}}`))
	ie := invalidError(t, err)
	assert.Equal(t, []schemas.FieldError{{Path: "/properties/q/$ref", Message: "refers to #/$defs/nothing in the schema of questions, which has nothing there"}}, ie.Errors)

	// Changing the target so that an existing reference breaks is refused too.
	reg, _ = put(t, reg, "exams", `{"type":"object","properties":{"q":{"$ref":"questions#/$defs/choice"}}}`)
	_, _, err = reg.Put("questions", []byte(`{"type":"object"}`))
	ie = invalidError(t, err)
	assert.Equal(t, "the schema of exams is invalid", ie.Message)
	assert.Equal(t, []schemas.FieldError{{Path: "/properties/q/$ref", Message: "refers to #/$defs/choice in the schema of questions, which has nothing there"}}, ie.Errors)
}

func TestRefusesRemoteReferences(t *testing.T) {
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		w.Header().Set("Content-Type", "application/schema+json")
		_, _ = w.Write([]byte(`{"type":"string"}`))
	}))
	defer srv.Close()

	tests := []struct {
		name   string
		schema string
	}{
		{"http $ref", `{"type":"object","properties":{"a":{"$ref":"` + srv.URL + `/a.json"}}}`},
		{"https $ref", `{"type":"object","properties":{"a":{"$ref":"https://example.com/a.json"}}}`},
		{"file $ref", `{"type":"object","properties":{"a":{"$ref":"file:///etc/passwd"}}}`},
		{"relative path", `{"type":"object","properties":{"a":{"$ref":"../x.json"}}}`},
		{"scheme-relative", `{"type":"object","properties":{"a":{"$ref":"//example.com/a.json"}}}`},
		{"http $schema", `{"$schema":"` + srv.URL + `/meta.json","type":"object"}`},
		{"http $ref after an http $id", `{"$id":"` + srv.URL + `/exams.json","type":"object","properties":{"a":{"$ref":"a.json"}}}`},
		{"http $dynamicRef", `{"type":"object","properties":{"a":{"$dynamicRef":"` + srv.URL + `/a.json#x"}}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := schemas.Empty().Put("exams", []byte(tt.schema))
			ie := invalidError(t, err)
			require.NotEmpty(t, ie.Errors)
			assert.NotEmpty(t, ie.Errors[0].Message)
			assert.NotContains(t, ie.Errors[0].Message, "jsonschema:")
		})
	}
	assert.Zero(t, requests.Load(), "the schema compiler fetched a URL")
}

func TestDelete(t *testing.T) {
	reg, _ := put(t, schemas.Empty(), "questions", `{"type":"object","properties":{"text":{"type":"string"}}}`)
	reg, _ = put(t, reg, "exams", `{"type":"object","properties":{"questions":{"type":"array","items":{"$ref":"questions"}}}}`)
	reg, _ = put(t, reg, "quizzes", `{"type":"object","properties":{"q":{"$ref":"credence://schemas/questions#/properties/text"}}}`)
	// Mentions "questions" without referring to it.
	reg, _ = put(t, reg, "notes", `{"type":"object","title":"questions","properties":{"questions":{"type":"string"},"questions_count":{"type":"integer"}}}`)

	t.Run("refused while referred to", func(t *testing.T) {
		next, err := reg.Delete("questions")
		assert.Nil(t, next)
		var inUse *schemas.InUseError
		require.True(t, errors.As(err, &inUse), "want *InUseError, got %T: %v", err, err)
		assert.Equal(t, "questions", inUse.Name)
		assert.Equal(t, []string{"exams", "quizzes"}, inUse.By)
		assert.Contains(t, err.Error(), "exams, quizzes")
	})
	t.Run("allowed when nothing refers to it", func(t *testing.T) {
		next, err := reg.Delete("notes")
		require.NoError(t, err)
		assert.Equal(t, []string{"exams", "questions", "quizzes"}, next.Names())
		assert.Equal(t, []string{"exams", "notes", "questions", "quizzes"}, reg.Names(), "receiver changed")
	})
	t.Run("a collection referring to itself", func(t *testing.T) {
		r, _ := put(t, schemas.Empty(), "nodes", `{"type":"object","properties":{"children":{"type":"array","items":{"$ref":"nodes"}}}}`)
		next, err := r.Delete("nodes")
		require.NoError(t, err)
		assert.Empty(t, next.Names())
	})
	t.Run("referrers removed first", func(t *testing.T) {
		next, err := reg.Delete("exams")
		require.NoError(t, err)
		next, err = next.Delete("quizzes")
		require.NoError(t, err)
		next, err = next.Delete("questions")
		require.NoError(t, err)
		assert.Equal(t, []string{"notes"}, next.Names())
	})
	t.Run("unknown collection", func(t *testing.T) {
		next, err := reg.Delete("nothing")
		require.NoError(t, err)
		assert.Equal(t, reg.Names(), next.Names())
	})
}

func TestPutLeavesReceiverUnchanged(t *testing.T) {
	v1 := `{"type":"object","properties":{"title":{"type":"string"}}}`
	reg, before := put(t, schemas.Empty(), "exams", v1)

	next, _ := put(t, reg, "exams", `{"type":"object","properties":{"title":{"type":"integer","x-index":true}}}`)
	next, _ = put(t, next, "questions", `{"type":"object"}`)

	got, ok := reg.Collection("exams")
	require.True(t, ok)
	assert.Same(t, before, got)
	assert.JSONEq(t, v1, string(got.Raw))
	assert.Empty(t, got.Indexed)
	assert.Equal(t, []string{"exams"}, reg.Names())
	_, ok = reg.Collection("questions")
	assert.False(t, ok)
	assert.NoError(t, got.Validate(decode(t, `{"title":"Algebra"}`)))

	got, ok = next.Collection("exams")
	require.True(t, ok)
	assert.Equal(t, []string{"title"}, got.Indexed)
	assert.Error(t, got.Validate(decode(t, `{"title":"Algebra"}`)))
}

func TestPutFailureLeavesReceiverUnchanged(t *testing.T) {
	reg, before := put(t, schemas.Empty(), "exams", `{"type":"object"}`)
	next, c, err := reg.Put("exams", []byte(`{"type":"array"}`))
	invalidError(t, err)
	assert.Nil(t, next)
	assert.Nil(t, c)
	got, _ := reg.Collection("exams")
	assert.Same(t, before, got)
}

func TestPutCopiesRaw(t *testing.T) {
	raw := []byte(`{"type":"object","properties":{"title":{"type":"string"}}}`)
	want := string(raw)
	_, c, err := schemas.Empty().Put("exams", raw)
	require.NoError(t, err)
	copy(raw, bytes.Repeat([]byte(" "), len(raw)))
	assert.JSONEq(t, want, string(c.Raw))
}

func TestCompile(t *testing.T) {
	reg, err := schemas.Compile(map[string]json.RawMessage{
		"questions": json.RawMessage(`{"type":"object"}`),
		"exams":     json.RawMessage(`{"type":"object","properties":{"q":{"$ref":"questions"}}}`),
	})
	require.NoError(t, err)
	assert.Equal(t, []string{"exams", "questions"}, reg.Names())

	_, err = schemas.Compile(map[string]json.RawMessage{
		"exams": json.RawMessage(`{"type":"object","properties":{"q":{"$ref":"questions"}}}`),
	})
	invalidError(t, err)

	_, err = schemas.Compile(map[string]json.RawMessage{"Bad": json.RawMessage(`{"type":"object"}`)})
	invalidError(t, err)
}

func TestZeroRegistry(t *testing.T) {
	var reg schemas.Registry
	assert.Empty(t, reg.Names())
	_, ok := reg.Collection("exams")
	assert.False(t, ok)
	next, _ := put(t, &reg, "exams", `{"type":"object"}`)
	assert.Equal(t, []string{"exams"}, next.Names())
}

func TestCheckRefusesReferences(t *testing.T) {
	tests := []struct {
		name     string
		schema   string
		wantPath string
	}{
		{"loop to the root", `{"type":"object","$ref":"#"}`, "/$ref"},
		{"loop to itself", `{"type":"object","properties":{"a":{"$ref":"#/properties/a"}}}`, "/properties/a/$ref"},
		{"not a URI", `{"type":"object","properties":{"a":{"$ref":"%zz"}}}`, "/properties/a/$ref"},
		{"the meta-schema", `{"type":"object","properties":{"a":{"$ref":"https://json-schema.org/draft/2020-12/schema"}}}`, "/properties/a/$ref"},
		{"a urn nobody declares", `{"type":"object","properties":{"a":{"$ref":"urn:x"}}}`, "/properties/a/$ref"},
		{"a root $id elsewhere", `{"type":"object","$id":"https://example.com/exams"}`, "/$id"},
		{"a root $id of another collection", `{"type":"object","$id":"questions"}`, "/$id"},
		{"a $schema that is not a draft", `{"type":"object","$schema":"https://example.com/meta"}`, ""},
		{"a missing definition", `{"type":"object","properties":{"a":{"$ref":"#/$defs/nothing"}}}`, "/properties/a/$ref"},
		{"a missing anchor", `{"type":"object","properties":{"a":{"$ref":"#nothing"}}}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := schemas.Empty().Put("exams", []byte(tt.schema))
			ie := invalidError(t, err)
			require.NotEmpty(t, ie.Errors)
			assert.Equal(t, tt.wantPath, ie.Errors[0].Path, "errors: %v", ie.Errors)
			assert.NotEmpty(t, ie.Errors[0].Message)
			assert.NotContains(t, ie.Errors[0].Message, "jsonschema:")
			assert.NotContains(t, err.Error(), "  ")
		})
	}
}

func TestCheckAcceptsLocalResources(t *testing.T) {
	tests := []struct {
		name   string
		schema string
	}{
		{"root $id of the collection itself", `{"type":"object","$id":"credence://schemas/exams","properties":{"a":{"type":"string"}}}`},
		{"an embedded resource", `{"type":"object","$defs":{"a":{"$id":"urn:credence:a","type":"string"}},"properties":{"a":{"$ref":"urn:credence:a"}}}`},
		{"an anchor", `{"type":"object","properties":{"a":{"$ref":"#s"}},"$defs":{"s":{"$anchor":"s","type":"string"}}}`},
		{"a dynamic anchor", `{"type":"object","properties":{"a":{"$dynamicRef":"#s"}},"$defs":{"s":{"$dynamicAnchor":"s","type":"string"}}}`},
		{"an older draft", `{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","definitions":{"s":{"type":"string"}},"properties":{"a":{"$ref":"#/definitions/s"}}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, c := put(t, schemas.Empty(), "exams", tt.schema)
			require.NoError(t, c.Validate(decode(t, `{"a":"x"}`)))
			ie := invalidError(t, c.Validate(decode(t, `{"a":1}`)))
			assert.Equal(t, []schemas.FieldError{{Path: "/a", Message: "must be a string"}}, ie.Errors)
		})
	}
}

func TestWarningsInOlderDraft(t *testing.T) {
	_, c := put(t, schemas.Empty(), "exams", `{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","definitions":{"a":{"x-foo":1}}}`)
	assert.Equal(t, []string{"/definitions/a/x-foo: unknown keyword x-foo is stored but has no effect"}, c.Warnings)
}

func TestInvalidErrorString(t *testing.T) {
	tests := []struct {
		name string
		err  *schemas.InvalidError
		want string
	}{
		{"no field errors", &schemas.InvalidError{Message: "bad"}, "bad"},
		{"at the root", &schemas.InvalidError{Message: "bad", Errors: []schemas.FieldError{{Message: "must be an object"}}}, "bad: must be an object"},
		{"at a path", &schemas.InvalidError{Message: "bad", Errors: []schemas.FieldError{{Path: "/a", Message: "is required"}, {Path: "/b", Message: "x"}}}, "bad: /a is required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.err.Error())
		})
	}
}

func TestCheckRefusesNumbersOutOfRange(t *testing.T) {
	tests := []struct {
		name     string
		schema   string
		wantPath string
	}{
		{"minLength", `{"type":"object","minLength":1e9999999}`, "/minLength"},
		{"minimum", `{"type":"object","properties":{"n":{"minimum":-1e1001}}}`, "/properties/n/minimum"},
		{"const", `{"type":"object","properties":{"n":{"const":1e9999999}}}`, "/properties/n/const"},
		{"enum", `{"type":"object","properties":{"n":{"enum":[1,2e-5000]}}}`, "/properties/n/enum/1"},
		{"default", `{"type":"object","properties":{"n":{"default":{"a":1e99999}}}}`, "/properties/n/default/a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := schemas.Empty().Put("exams", []byte(tt.schema))
			ie := invalidError(t, err)
			assert.Equal(t, []schemas.FieldError{{Path: tt.wantPath, Message: "is too large or too small a number"}}, ie.Errors)
		})
	}
}

// TestComputedIsNotIndexed: an x-computed field has no index, no unique
// entry and no counts, since its value is not stored (its entries would
// all be null; a count by it would put every document under null).
func TestComputedIsNotIndexed(t *testing.T) {
	_, c := put(t, schemas.Empty(), "exams", `{"type":"object","properties":{
		"label": {"type":"string","enum":["a"],"x-computed":"\"a\"","x-index":true,"x-unique":true},
		"level": {"type":"string","enum":["a"],"x-index":true}}}`)
	assert.Equal(t, []string{"level"}, c.Indexed)
	assert.Equal(t, []string{"level"}, c.Counted)
	assert.Empty(t, c.Unique)
	assert.Len(t, c.Warnings, 2)
}
