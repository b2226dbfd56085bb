package admin_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
	"github.com/credence/credence/engine/automations"
	"github.com/credence/credence/store/bolt"
)

// TestAdminBuildsAProgram: a program manager builds a small program from
// an empty store with forms alone, typing no JSON: collections with a
// reference, a quiz with its question pool (options as rows), a template,
// and an automation with a reminder schedule.
func TestAdminBuildsAProgram(t *testing.T) {
	if chromiumPath() == "" {
		t.Skip("chromium is not installed (apt-get install chromium): skipping the admin UI browser tests")
	}
	st, err := bolt.Open(filepath.Join(t.TempDir(), "credence.db"), bolt.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	svc, err := documents.New(t.Context(), st, documents.Options{System: automations.SystemCollections(automations.Egress{})})
	require.NoError(t, err)
	key := strings.Repeat("k", documents.MinSecretLength)
	_, _, err = svc.PutKey(t.Context(), documents.KeySpec{ID: "admin-ui-test", Name: "admin UI test", Role: documents.RoleAdmin, Secret: key})
	require.NoError(t, err)
	runner := automations.New(svc, st, automations.Config{})
	b := openBrowser(t, svc, engine.Config{Routes: runner.Routes}, key, nil)

	b.signIn()

	// Collections, with the schema builder.
	define := func(name, title string, fields func()) {
		t.Helper()
		b.click(tid("nav-collections"))
		b.click(tid("new-collection"))
		b.set(tid("collection-name"), name)
		b.set(tid("collection-title"), title)
		fields()
		b.click(tid("save-schema"))
		b.waitText(tid("saved"), "Saved "+name)
	}
	define("tracks", "Tracks", func() {
		b.click(tid("root-add-field"))
		b.set(tid("f0-name"), "title")
		b.click(tid("f0-required"))
	})
	define("quizzes", "Quizzes", func() {
		b.click(tid("root-add-field"))
		b.set(tid("f0-name"), "title")
		b.click(tid("f0-required"))
		b.click(tid("root-add-field"))
		b.set(tid("f1-name"), "track")
		b.set(tid("f1-type"), "reference")
		b.set(tid("f1-ref"), "tracks")
		b.click(tid("root-add-field"))
		b.set(tid("f2-name"), "questionCount")
		b.set(tid("f2-type"), "integer")
		b.click(tid("root-add-field"))
		b.set(tid("f3-name"), "opensAt")
		b.set(tid("f3-format"), "date-time")
	})
	define("prompts", "Prompts", func() {
		b.click(tid("root-add-field"))
		b.set(tid("f0-name"), "text")
		b.click(tid("f0-required"))
		b.click(tid("root-add-field"))
		b.set(tid("f1-name"), "quiz")
		b.set(tid("f1-type"), "reference")
		b.set(tid("f1-ref"), "quizzes")
		b.click(tid("root-add-field"))
		b.set(tid("f2-name"), "options")
		b.set(tid("f2-type"), "array")
		b.set(tid("f2-items"), "object")
		b.click(tid("f2.items-add-field"))
		b.set(tid("f2.items.0-name"), "id")
		b.click(tid("f2.items-add-field"))
		b.set(tid("f2.items.1-name"), "label")
		b.click(tid("f2.items-add-field"))
		b.set(tid("f2.items.2-name"), "correct")
		b.set(tid("f2.items.2-type"), "boolean")
	})
	b.screenshot("41-build-schemas")

	// Documents, with their forms.
	newDoc := func(coll, id string, fill func()) {
		t.Helper()
		b.run(chromedp.Navigate(b.base + "/admin/c/" + coll + "/new"))
		b.set(tid("doc-id"), id)
		fill()
		b.click(tid("save-document"))
		b.waitText(tid("doc-rev"), "1")
	}
	pick := func(field, query, want string) {
		t.Helper()
		b.set("#root_"+field, query)
		b.waitText(tid("ref-root_"+field)+" .ref-results", want)
		b.click(tid("ref-root_"+field) + " .ref-results li")
		b.waitText(tid("ref-root_"+field)+" .ref-chosen", want)
	}
	newDoc("tracks", "automation", func() { b.set("#root_title", "Automation") })
	newDoc("quizzes", "basics", func() {
		b.set("#root_title", "Automation basics")
		pick("track", "Auto", "Automation")
		b.set("#root_questionCount", "2")
		b.set("#root_opensAt", "2026-12-20T09:00")
	})
	newDoc("prompts", "p1", func() {
		b.set("#root_text", "Which block waits?")
		pick("quiz", "basics", "Automation basics")
		b.click(tid("add-options"))
		b.click(tid("add-options"))
		b.set(tid("rows-options")+` tbody tr:nth-child(1) td:nth-child(1) input`, "a")
		b.set(tid("rows-options")+` tbody tr:nth-child(1) td:nth-child(2) input`, "Delay")
		b.click(tid("rows-options") + ` tbody tr:nth-child(1) input[type="checkbox"]`)
		b.set(tid("rows-options")+` tbody tr:nth-child(2) td:nth-child(1) input`, "b")
		b.set(tid("rows-options")+` tbody tr:nth-child(2) td:nth-child(2) input`, "Condition")
	})
	prompt := b.api("GET", "/api/prompts/p1", nil)
	assert.Equal(t, "basics", prompt["quiz"])
	assert.Equal(t, []any{map[string]any{"id": "a", "label": "Delay", "correct": true}, map[string]any{"id": "b", "label": "Condition"}}, prompt["options"])
	quiz := b.api("GET", "/api/quizzes/basics", nil)
	assert.Equal(t, "automation", quiz["track"])
	assert.EqualValues(t, 2, quiz["questionCount"])

	// A template and an automation with a reminder schedule.
	newDoc("_templates", "quiz-opens", func() {
		b.typeCode(tid("root_subject"), "{{.doc.title}} opens in {{.offset}} days")
		b.typeCode(tid("root_text"), "Get ready for {{.doc.title}}.")
	})
	newDoc("_automations", "quiz-reminders", func() {
		b.set("#root_name", "Remind before a quiz opens")
		b.set("#root_on_collection", "quizzes")
		b.set("#root_on_every", "1h")
		b.set("#root_on_date", "opensAt")
		for i, days := range []string{"7", "1"} {
			b.click("#root_on_offsets .array-item-add button, #root_on_offsets button.btn-add, " + tid("add-root_on_offsets"))
			b.set("#root_on_offsets_"+string(rune('0'+i)), days)
		}
		b.click(`fieldset#root_do button.btn-add, #root_do .array-item-add button`)
		b.set(tid("action-type"), "message")
		b.set("#root_do_0_message_template", "quiz-opens")
		b.set("#root_do_0_message_to", `"team@example.org"`)
		b.set("#root_do_0_message_channel", "log")
	})
	auto := b.api("GET", "/api/_automations/quiz-reminders", nil)
	on := auto["on"].(map[string]any)
	assert.Equal(t, "quizzes", on["collection"])
	assert.Equal(t, []any{float64(7), float64(1)}, on["offsets"])
	assert.Equal(t, "quiz-opens", auto["do"].([]any)[0].(map[string]any)["message"].(map[string]any)["template"])
	b.screenshot("42-build-automation")

	// What would fire: a reminder schedule's dates for the quiz.
	b.set(tid("try-document"), "basics")
	b.set(tid("try-event"), "schedule")
	b.click(tid("try-run"))
	got := b.waitText(tid("try-result"), "Reminders due at")
	assert.Contains(t, got, "2026-12-13", "7 days before the quiz opens")
}
