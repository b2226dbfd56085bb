package certification_test

import (
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
