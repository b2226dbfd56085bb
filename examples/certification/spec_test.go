package certification_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// spec fetches the OpenAPI document as the key's caller sees it, checks it
// with kin-openapi, and returns it with its generic form.
func (p *program) spec(key, query string) (*openapi3.T, map[string]any) {
	p.t.Helper()
	status, body := p.raw(key, http.MethodGet, "/openapi.json"+query, "", "")
	require.Equal(p.t, http.StatusOK, status, body)
	doc, err := openapi3.NewLoader().LoadFromData([]byte(body))
	require.NoError(p.t, err)
	require.NoError(p.t, doc.Validate(p.t.Context()), "the spec%s is valid", query)
	var raw map[string]any
	require.NoError(p.t, json.Unmarshal([]byte(body), &raw))
	return doc, raw
}

// TestSpecOfThePack: the spec of the certification pack is valid in both
// versions and true to what each caller may do, with types that
// generators get right.
func TestSpecOfThePack(t *testing.T) {
	p := newProgram(t)
	admin := p.key("admin", "")
	learner := p.key("learner", "ada")

	for _, q := range []string{"", "?version=3.0"} {
		doc, _ := p.spec(admin, q)
		require.Len(t, doc.Servers, 1)
		assert.Equal(t, p.srv.URL, doc.Servers[0].URL, "the base URL is where the caller reached the server")
		require.NotNil(t, doc.Info.License)
		assert.NotEmpty(t, doc.Info.License.Name)
		assert.True(t, doc.Info.License.URL != "" || doc.Info.License.Identifier != "", "a license has a URL or an SPDX identifier")
		for path, item := range doc.Paths.Map() {
			for method, op := range item.Operations() {
				assert.NotEmpty(t, op.Description, "%s %s has a description", method, path)
			}
		}
	}

	full, raw := p.spec(admin, "")
	schemasOf := func(raw map[string]any) map[string]any {
		return raw["components"].(map[string]any)["schemas"].(map[string]any)
	}
	prop := func(raw map[string]any, schema, name string) map[string]any {
		s, ok := schemasOf(raw)[schema].(map[string]any)
		require.True(t, ok, "no schema %s", schema)
		v, ok := s["properties"].(map[string]any)[name].(map[string]any)
		require.True(t, ok, "no property %s in %s", name, schema)
		return v
	}

	// Every component is used.
	text, err := json.Marshal(raw)
	require.NoError(t, err)
	for name := range schemasOf(raw) {
		assert.Contains(t, string(text), `"#/components/schemas/`+name+`"`, "%s is referred to", name)
	}

	// A defaulted field is optional on create and carries no default in a
	// body (generators would make it required); a patch may remove an
	// optional field with null, never a required one.
	input := schemasOf(raw)["LearnerInput"].(map[string]any)
	assert.NotContains(t, input["required"], "segment")
	assert.NotContains(t, prop(raw, "LearnerInput", "segment"), "default")
	assert.Contains(t, prop(raw, "LearnerInput", "segment")["description"], "Default:")
	assert.NotContains(t, prop(raw, "LearnerPatch", "segment"), "default")
	assert.Contains(t, prop(raw, "LearnerPatch", "headline")["type"], "null")
	assert.NotContains(t, prop(raw, "LearnerPatch", "name")["type"], "null", "name is required: null cannot remove it")
	assert.Contains(t, prop(raw, "Learner", "segment"), "default", "a read always has it")

	// A reference is the id or, with expand, the document.
	level := prop(raw, "Exam", "level")
	require.Contains(t, level, "anyOf")
	assert.Contains(t, mustJSON(t, level), `"#/components/schemas/Level"`)
	// A read with fields= is partial.
	get := full.Paths.Find("/api/exams/{id}").Get.Responses.Status(200).Value.Content["application/json"].Schema.Value
	require.Len(t, get.AnyOf, 2)
	assert.Equal(t, "#/components/schemas/ExamPartial", get.AnyOf[1].Ref)
	assert.Equal(t, []any{"id", "_rev", "_createdAt", "_updatedAt"}, schemasOf(raw)["ExamPartial"].(map[string]any)["required"])

	// The ETag is described as what it is.
	assert.Contains(t, full.Components.Headers["ETag"].Value.Description, "opaque")
	// _audit is read, never written.
	audit := full.Paths.Find("/api/_audit/{id}")
	require.NotNil(t, audit)
	assert.NotNil(t, audit.Get)
	assert.Nil(t, audit.Put)
	assert.Nil(t, audit.Patch)
	assert.Nil(t, audit.Delete)
	assert.Nil(t, full.Paths.Find("/api/_audit").Post)
	// Private fields are marked; formula sources are there for admins.
	assert.Contains(t, string(text), `"x-credence-private":true`)
	assert.Contains(t, string(text), `"x-credence-formula":"`)
	assert.NotNil(t, full.Paths.Find("/api/_keys"))
	assert.NotNil(t, full.Paths.Find("/api/_export"))

	// An anonymous caller's spec shows what it may do, and no more.
	public, rawPublic := p.spec("", "")
	for _, path := range []string{"/api/_keys", "/api/_webhooks", "/api/_audit", "/api/_export", "/api/_eval", "/api/attempts", "/api/_schemas"} {
		assert.Nil(t, public.Paths.Find(path), "%s is not the public's", path)
	}
	require.NotNil(t, public.Paths.Find("/api/levels"))
	assert.Nil(t, public.Paths.Find("/api/levels").Post, "the public reads levels, never writes them")
	publicText := mustJSON(t, rawPublic)
	assert.NotContains(t, publicText, `"x-credence-formula":"`, "formula sources are not the public's")
	assert.NotContains(t, publicText, `"x-credence-computed":"`)
	assert.NotContains(t, publicText, `"x-credence-private":true`, "private fields are left out of the public's spec")
	assert.Less(t, len(public.Paths.Map()), len(full.Paths.Map()))

	// A learner's: her own attempts, no keys; the answer varies with the key.
	mine, _ := p.spec(learner, "")
	require.NotNil(t, mine.Paths.Find("/api/attempts"))
	assert.NotNil(t, mine.Paths.Find("/api/attempts").Post)
	assert.Nil(t, mine.Paths.Find("/api/_keys"))
	req, err := http.NewRequest(http.MethodGet, p.srv.URL+"/openapi.json", nil)
	require.NoError(t, err)
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	res.Body.Close()
	assert.True(t, strings.Contains(res.Header.Get("Vary"), "Authorization"), "caches keep one spec per key")
}
