package certification_test

import (
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
)

// TestDryRunAndPreview: staff ask what an automation would do for a stored
// document, and how a template reads for one, before anything is sent.
func TestDryRunAndPreview(t *testing.T) {
	p := newProgram(t)
	admin := p.key(documents.RoleAdmin, "")
	editor := p.key(documents.RoleEditor, "")
	ada := p.signUp("ada")
	attempt := p.ok(ada, "POST", "/api/attempts", map[string]any{"exam": "automation-fundamentals"})
	status, body := p.submitRight(admin, ada, attempt)
	require.Equal(t, 200, status, "%v", body)
	id := attempt["id"].(string)

	// The award fires on the passed attempt: its create, computed.
	run := p.ok(admin, "POST", "/api/_automations/award-on-pass/dryRun", map[string]any{"document": id, "event": "updated"})
	assert.Equal(t, true, run["fires"], "%v", run)
	do := run["do"].([]any)
	require.Len(t, do, 1)
	create := do[0].(map[string]any)
	assert.Equal(t, "create", create["kind"])
	assert.Equal(t, "credentials", create["collection"])
	assert.Equal(t, "ada", create["fields"].(map[string]any)["learner"], "%v", create)
	// Nothing was written by the dry run itself.
	creds := p.ok(admin, "GET", "/api/credentials?limit=100", nil)["items"].([]any)
	before := len(creds)
	p.ok(admin, "POST", "/api/_automations/award-on-pass/dryRun", map[string]any{"document": id, "event": "updated"})
	assert.Len(t, p.ok(admin, "GET", "/api/credentials?limit=100", nil)["items"].([]any), before)

	// On a created event it says why not, and a draft can be tried unsaved.
	run = p.ok(admin, "POST", "/api/_automations/award-on-pass/dryRun", map[string]any{"document": id, "event": "deleted"})
	assert.Equal(t, false, run["fires"])
	assert.Contains(t, run["reason"], "not on deleted")
	draft := map[string]any{"on": map[string]any{"collection": "attempts", "events": []string{"updated"}}, "when": "doc.passed == false",
		"do": []any{map[string]any{"update": map[string]any{"collection": "learners", "id": "doc.learner", "fields": map[string]any{"headline": "\"Keep going\""}}}}}
	run = p.ok(admin, "POST", "/api/_automations/draft/dryRun", map[string]any{"document": id, "draft": draft})
	assert.Equal(t, false, run["fires"])
	assert.Equal(t, "when does not hold", run["reason"])
	assert.Equal(t, "ada", run["do"].([]any)[0].(map[string]any)["id"])

	// A template reads with a stored document.
	p.work()
	creds = p.ok(admin, "GET", "/api/credentials?limit=100", nil)["items"].([]any)
	require.NotEmpty(t, creds)
	cred := creds[0].(map[string]any)["id"].(string)
	preview := p.ok(admin, "POST", "/api/_templates/certified/preview", map[string]any{"collection": "credentials", "document": cred})
	assert.NotEmpty(t, preview["subject"])
	assert.NotEmpty(t, preview["text"])

	// Learners try nothing.
	status, _ = p.call(ada, "POST", "/api/_automations/award-on-pass/dryRun", map[string]any{"document": id})
	assert.Equal(t, 403, status)
	status, _ = p.call(admin, "POST", "/api/_automations/award-on-pass/dryRun", map[string]any{"document": "nope"})
	assert.Equal(t, 404, status)
	// Nor do editors: a draft's formulas read every collection, the
	// message log's sign-in codes among them.
	status, _ = p.call(editor, "POST", "/api/_automations/draft/dryRun", map[string]any{"document": id, "draft": map[string]any{
		"on": map[string]any{"collection": "attempts", "events": []string{"updated"}},
		"do": []any{map[string]any{"update": map[string]any{"collection": "learners", "each": "find(\"_messages\", {})"}}}}})
	assert.Equal(t, 403, status)
	status, _ = p.call(editor, "POST", "/api/_templates/certified/preview", map[string]any{})
	assert.Equal(t, 403, status)
}

// TestDesignedBadge: a certification's designed badge rides in the
// credentials it awards, and their badge.svg draws it.
func TestDesignedBadge(t *testing.T) {
	p := newProgram(t)
	admin := p.key(documents.RoleAdmin, "")
	badge := "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4="
	p.ok(admin, "PATCH", "/api/certifications/syn-automation-fundamentals", map[string]any{"badgeImage": badge})
	status, _ := p.call(admin, "PATCH", "/api/certifications/syn-automation-fundamentals", map[string]any{"badgeImage": "javascript:alert(1)"})
	assert.Equal(t, 422, status, "a badge is an https address or a data:image/ URI")

	ada := p.signUp("ada")
	attempt := p.ok(ada, "POST", "/api/attempts", map[string]any{"exam": "automation-fundamentals"})
	status, body := p.submitRight(admin, ada, attempt)
	require.Equal(t, 200, status, "%v", body)
	p.work()
	status, svg := p.raw("", "GET", "/credentials/ada--syn-automation-fundamentals/badge.svg", "", "")
	require.Equal(t, 200, status, svg)
	assert.Contains(t, svg, `<image href="`+badge+`"`)
	status, vc := p.raw("", "GET", "/credentials/ada--syn-automation-fundamentals", "", "")
	require.Equal(t, 200, status)
	assert.Contains(t, vc, `"image":{"id":"`+badge+`","type":"Image"}`)
}

// TestEvidenceUpload: a learner uploads the evidence of her CE activity;
// her reviewers read it, another learner does not.
func TestEvidenceUpload(t *testing.T) {
	p := newProgram(t)
	editor := p.key(documents.RoleEditor, "")
	ada := p.signUp("ada")
	bob := p.signUp("bob")
	act := p.ok(ada, "POST", "/api/activities", map[string]any{"title": "Routing course", "source": "training", "hours": 6})
	id := act["id"].(string)
	pdf := "%PDF-1.4\n% certificate of completion\n%%EOF\n"
	body, ctype := multipartFile(t, "certificate.pdf", pdf)
	status, doc := p.rawWith(ada, "POST", "/api/activities/"+id+"/files/evidenceFile", ctype, body)
	require.Equal(t, 200, status, doc)
	assert.Contains(t, doc, `"type":"application/pdf"`)
	status, got := p.raw(editor, "GET", "/api/activities/"+id+"/files/evidenceFile", "", "")
	assert.Equal(t, 200, status)
	assert.Equal(t, pdf, got, "her reviewer reads it")
	status, _ = p.raw(bob, "GET", "/api/activities/"+id+"/files/evidenceFile", "", "")
	assert.Equal(t, 404, status, "another learner does not")
	// A text file posing as evidence is refused by its bytes.
	body, ctype = multipartFile(t, "certificate.pdf", "just some text")
	status, _ = p.rawWith(ada, "POST", "/api/activities/"+id+"/files/evidenceFile", ctype, body)
	assert.Equal(t, 422, status)
}

func multipartFile(t *testing.T, name, content string) (string, string) {
	t.Helper()
	var b strings.Builder
	mw := multipart.NewWriter(&b)
	fw, err := mw.CreateFormFile("file", name)
	require.NoError(t, err)
	_, err = fw.Write([]byte(content))
	require.NoError(t, err)
	require.NoError(t, mw.Close())
	return b.String(), mw.FormDataContentType()
}

// rawWith sends a body of a content type with the key.
func (p *program) rawWith(key, method, path, contentType, body string) (int, string) {
	p.t.Helper()
	req, err := http.NewRequest(method, p.srv.URL+path, strings.NewReader(body))
	require.NoError(p.t, err)
	req.Header.Set("Content-Type", contentType)
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(p.t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(p.t, err)
	return res.StatusCode, string(b)
}
