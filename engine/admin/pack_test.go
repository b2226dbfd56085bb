package admin_test

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
	"github.com/credence/credence/engine/automations"
	"github.com/credence/credence/engine/files"
	"github.com/credence/credence/engine/identity"
	"github.com/credence/credence/examples/pack"
	"github.com/credence/credence/store/bolt"
)

// newPackBrowser is a browser on a server with the certification pack
// loaded, as `credence serve --load examples/certification` runs it.
func newPackBrowser(t *testing.T) *browser {
	t.Helper()
	if chromiumPath() == "" {
		t.Skip("chromium is not installed (apt-get install chromium): skipping the admin UI browser tests")
	}
	st, err := bolt.Open(filepath.Join(t.TempDir(), "credence.db"), bolt.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	svc, err := documents.New(t.Context(), st, documents.Options{
		System: append(automations.SystemCollections(automations.Egress{}), identity.SystemCollections()...)})
	require.NoError(t, err)
	_, err = pack.Load(t.Context(), svc, os.DirFS("../../examples/certification"))
	require.NoError(t, err)
	key := strings.Repeat("k", documents.MinSecretLength)
	_, _, err = svc.PutKey(t.Context(), documents.KeySpec{ID: "admin-ui-test", Name: "admin UI test", Role: documents.RoleAdmin, Secret: key})
	require.NoError(t, err)
	// The automations' routes (dry runs, previews, retries), without a worker.
	runner := automations.New(svc, st, automations.Config{})
	return openBrowser(t, svc, engine.Config{Routes: runner.Routes, Files: &files.Store{St: st}}, key, nil)
}

// TestAdminOnThePack: the certification pack as program staff see it: a
// sidebar grouped by area, lists that lead with titles and show
// references by title, forms in the pack's order with readable labels.
func TestAdminOnThePack(t *testing.T) {
	b := newPackBrowser(t)
	b.signIn()

	// The sidebar: the pack's x-group, each group's collections by title.
	b.run(visible(tid("nav-exams")))
	for group, colls := range map[string][]string{
		"Catalogue": {"programs", "certifications", "levels"}, "Exams": {"exams", "questions", "attempts"},
		"Learners": {"learners", "applications"}, "Credentials": {"credentials", "maintenance"},
	} {
		for _, c := range colls {
			assert.Equal(t, 1, b.count(tid("nav-group-"+group)+" "+tid("nav-"+c)), "%s is under %s", c, group)
		}
	}
	b.screenshot("30-pack-dashboard")

	// Exams: the title first, the path and level by their titles.
	b.click(tid("nav-exams"))
	header := b.waitText(tid("documents-table")+" thead", "Title")
	assert.True(t, strings.Index(header, "Title") < strings.Index(header, "Path"), "the title leads: %q", header)
	rows := b.waitText(tid("documents-table")+" tbody", "Automation Fundamentals")
	assert.Contains(t, rows, "Automation", "the path shows by its title")
	assert.NotContains(t, rows, `{"`, "no raw JSON in a list")
	b.screenshot("31-pack-exams")

	// An exam's form: the pack's order, readable labels.
	b.run(chromedp.Navigate(b.base + "/admin/c/exams/automation-fundamentals"))
	form := b.waitText("form", "Title")
	order := []string{"Title", "Path", "Level", "Question count", "Time limit minutes", "Passing score"}
	last := -1
	for _, label := range order {
		i := strings.Index(form, label)
		require.GreaterOrEqual(t, i, 0, "the form labels %q: %s", label, form)
		assert.Greater(t, i, last, "%q comes in the pack's order", label)
		last = i
	}
	assert.NotContains(t, form, "passingScore", "labels are readable")
	b.screenshot("32-pack-exam-form")

	// Questions list with their text.
	b.click(tid("nav-questions"))
	b.waitText(tid("documents-table")+" tbody", "?")
	b.screenshot("33-pack-questions")
}

// TestAdminSavesThePackUnchanged opens every automation and template of
// the pack in its form and saves it: nothing changes, no revision is made.
func TestAdminSavesThePackUnchanged(t *testing.T) {
	b := newPackBrowser(t)
	b.signIn()
	n := 0
	for _, coll := range []string{"_automations", "_templates"} {
		page := b.api("GET", "/api/"+coll+"?limit=1000", nil)
		items := page["items"].([]any)
		require.NotEmpty(t, items)
		for _, it := range items {
			doc := it.(map[string]any)
			id := doc["id"].(string)
			b.run(chromedp.Navigate(b.base + "/admin/c/" + coll + "/" + id))
			b.run(visible("form " + tid("save-document")))
			b.click(tid("save-document"))
			b.waitText(tid("notice"), "No changes")
			after := b.api("GET", "/api/"+coll+"/"+id, nil)
			assert.Equal(t, doc["_rev"], after["_rev"], "%s/%s saved unchanged keeps its revision", coll, id)
			n++
			if n == 1 {
				b.screenshot("34-pack-automation-form")
			}
		}
	}
	t.Logf("%d automations and templates opened and saved unchanged", n)
}

// TestAdminOperations: the dashboard draws the program's first reports;
// the operations screen counts messages by status, filters them, and
// verifies the audit chain.
func TestAdminOperations(t *testing.T) {
	b := newPackBrowser(t)
	b.signIn()
	b.run(visible(tid("dashboard-reports")))
	recent := b.waitText(tid("recent"), "")
	assert.NotContains(t, recent, "_audit", "recent writes are the program's")
	b.screenshot("35-pack-dashboard-reports")

	b.click(tid("nav-operations"))
	b.waitText(tid("messages-failed"), "0")
	b.set(tid("message-template"), "account-verify")
	b.waitText(tid("messages"), "No messages match")
	b.click(tid("verify-audit"))
	got := b.waitText(tid("audit-result"), "The chain holds")
	assert.Contains(t, got, "entries")
	b.screenshot("36-pack-operations")
}

// TestAdminMarkdown: a Markdown field is edited beside its preview, which
// renders the text and keeps no script.
func TestAdminMarkdown(t *testing.T) {
	b := newPackBrowser(t)
	b.signIn()
	page := b.api("GET", "/api/sections?limit=1", nil)
	id := page["items"].([]any)[0].(map[string]any)["id"].(string)
	b.run(chromedp.Navigate(b.base + "/admin/c/sections/" + id))
	b.run(visible(tid("markdown") + " textarea"))
	b.set(tid("markdown")+" textarea", "**Bold** and a [link](https://example.org)\n\n<img src=x onerror=alert(1)><script>alert(2)</script>")
	html := b.waitText(tid("markdown-preview"), "Bold")
	assert.Contains(t, html, "link")
	inner := eval[string](b, `document.querySelector('[data-testid="markdown-preview"]').innerHTML`)
	assert.Contains(t, inner, "<strong>Bold</strong>")
	assert.NotContains(t, inner, "onerror")
	assert.NotContains(t, inner, "<script")
	b.screenshot("37-pack-markdown")
}

// TestAdminTriesAutomations: an automation's dry run against a stored
// document, and a template's preview, from their forms.
func TestAdminTriesAutomations(t *testing.T) {
	b := newPackBrowser(t)
	b.api("PUT", "/api/learners/ada", map[string]any{"name": "Ada", "email": "ada@example.org"})
	b.api("PUT", "/api/credentials/ada--syn-automation-fundamentals", map[string]any{"learner": "ada", "certification": "syn-automation-fundamentals",
		"issuedAt": "2026-11-24T09:00:00Z", "status": "pending", "via": "manual"})
	b.signIn()

	b.run(chromedp.Navigate(b.base + "/admin/c/_automations/notify-admins-new-certification"))
	// Its condition tries itself live on a document of the collection watched.
	b.waitText(tid("eval-root_when")+" summary", "Try it on a document of credentials")
	b.set(tid("try-document"), "ada--syn-automation-fundamentals")
	b.set(tid("try-event"), "created")
	b.click(tid("try-run"))
	got := b.waitText(tid("try-result"), "It would fire")
	assert.Contains(t, got, "certification-admins@example.org")
	b.screenshot("38-pack-dry-run")
	b.set(tid("try-event"), "deleted")
	b.click(tid("try-run"))
	b.waitText(tid("try-result"), "would not fire")

	// A list of objects reads as a line per item: the credential's history.
	b.run(chromedp.Navigate(b.base + "/admin/c/credentials/ada--syn-automation-fundamentals"))
	line := b.waitText(tid("summary-item")+" summary", "1.")
	assert.Contains(t, line, "By: admin-ui-test", "the item's values summarise it")

	b.run(chromedp.Navigate(b.base + "/admin/c/_templates/admin-new-certification"))
	b.set(tid("try-collection"), "credentials")
	b.set(tid("try-document"), "ada--syn-automation-fundamentals")
	b.click(tid("try-run"))
	b.waitText(tid("try-result"), "ada completed the requirements")
	b.screenshot("39-pack-template-preview")
}

// TestAdminQuestionEditor: a question reads stem first, its options as
// rows with their correct flag, its image shown; an exam says how many
// questions its pool holds for its draw.
func TestAdminQuestionEditor(t *testing.T) {
	b := newPackBrowser(t)
	b.signIn()

	b.run(chromedp.Navigate(b.base + "/admin/c/questions/auto-q3"))
	form := b.waitText("form", "Options")
	assert.Less(t, strings.Index(form, "Text"), strings.Index(form, "Options"), "the stem comes first")
	b.run(visible(tid("rows-options")))
	rows := b.count(tid("rows-options") + " tbody tr")
	assert.Greater(t, rows, 1, "an option per row")
	assert.Equal(t, 1, b.count(tid("rows-options")+` tbody input[type="checkbox"]:checked`), "one correct option")
	b.run(visible(tid("image") + " img"))
	// Add an option and save: the question holds it.
	b.click(tid("add-options"))
	b.set(tid("rows-options")+fmt.Sprintf(` tbody tr:nth-child(%d) input[type="text"]`, rows+1), "z")
	b.set(tid("rows-options")+fmt.Sprintf(` tbody tr:nth-child(%d) td:nth-child(2) input`, rows+1), "A new option")
	b.screenshot("40-pack-question")
	b.click(tid("save-document"))
	b.waitText(tid("notice"), "Revision 2")
	q := b.api("GET", "/api/questions/auto-q3", nil)
	opts := q["options"].([]any)
	require.Len(t, opts, rows+1)
	assert.Equal(t, map[string]any{"id": "z", "text": "A new option"}, opts[rows])
	// A second correct option in a single-choice question: the pack's rule
	// says why, and nothing is saved.
	b.click(tid("rows-options") + fmt.Sprintf(` tbody tr:nth-child(%d) input[type="checkbox"]`, rows+1))
	b.click(tid("save-document"))
	b.waitText(tid("problem"), "exactly one correct option")
	assert.EqualValues(t, 2, b.api("GET", "/api/questions/auto-q3", nil)["_rev"])

	b.run(chromedp.Navigate(b.base + "/admin/c/exams/automation-fundamentals"))
	exam := b.waitText("form", "Pool size")
	assert.Contains(t, exam, "how many questions the pool holds")
	pool := eval[string](b, `(() => { const l = [...document.querySelectorAll('label')].find(l => l.innerText.startsWith('Pool size')); const i = l && document.getElementById(l.htmlFor); return i ? i.value : ''; })()`)
	assert.NotEmpty(t, pool, "the pool's size is shown")
}

// TestAdminBadgeDesigner: a certification's badge is designed in its form
// (shape, colours, text) with a live preview, and saved as the image its
// credentials carry.
func TestAdminBadgeDesigner(t *testing.T) {
	b := newPackBrowser(t)
	b.signIn()
	b.run(chromedp.Navigate(b.base + "/admin/c/certifications/ciq-certified-user"))
	b.run(visible(tid("badge-designer")))
	b.set(tid("badge-shape"), "shield")
	b.set(tid("badge-background"), "#0b6e4f")
	b.set(tid("badge-name"), "ConversationIQ Certified User")
	b.run(visible(tid("badge-preview")))
	b.screenshot("43-pack-badge-designer")
	b.click(tid("save-document"))
	b.waitText(tid("notice"), "Revision")
	cert := b.api("GET", "/api/certifications/ciq-certified-user", nil)
	img, _ := cert["badgeImage"].(string)
	require.True(t, strings.HasPrefix(img, "data:image/svg+xml;base64,"), img)
	// Opened again, the designer reads its design back.
	b.run(chromedp.Navigate(b.base + "/admin/c/certifications/ciq-certified-user"))
	b.run(visible(tid("badge-shape")))
	assert.Equal(t, "shield", eval[string](b, `document.querySelector('[data-testid="badge-shape"]').value`))
	assert.Equal(t, "#0b6e4f", eval[string](b, `document.querySelector('[data-testid="badge-background"]').value`))
}

// TestAdminUploads: a file field uploads from the form and shows what it
// holds: a question's picture as a picture, an activity's evidence.
func TestAdminUploads(t *testing.T) {
	b := newPackBrowser(t)
	dir := t.TempDir()
	pngPath := filepath.Join(dir, "chart.png")
	img := image.NewRGBA(image.Rect(0, 0, 60, 40))
	for x := range 60 {
		img.Set(x, 20, color.RGBA{B: 200, A: 255})
	}
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, img))
	require.NoError(t, os.WriteFile(pngPath, buf.Bytes(), 0o644))
	pdfPath := filepath.Join(dir, "certificate.pdf")
	require.NoError(t, os.WriteFile(pdfPath, []byte("%PDF-1.4\n% completion\n%%EOF\n"), 0o644))
	b.api("PUT", "/api/learners/ada", map[string]any{"name": "Ada", "email": "ada@example.org"})
	b.api("PUT", "/api/activities/ada-course", map[string]any{"learner": "ada", "title": "Routing course", "source": "training", "hours": 6})
	b.signIn()

	b.run(chromedp.Navigate(b.base + "/admin/c/questions/auto-q1"))
	b.run(visible("form"))
	b.run(chromedp.SetUploadFiles(tid("file-input-picture"), []string{pngPath}))
	b.waitText(tid("notice"), "Uploaded chart.png")
	b.run(visible(tid("file-preview-picture")))
	assert.True(t, b.waitTrue(`(() => { const i = document.querySelector('[data-testid="file-preview-picture"]'); return !!i && i.naturalWidth === 60; })()`), "the picture is shown")
	b.screenshot("44-pack-question-picture")
	q := b.api("GET", "/api/questions/auto-q1", nil)
	pic := q["picture"].(map[string]any)
	assert.EqualValues(t, 60, pic["width"])

	b.run(chromedp.Navigate(b.base + "/admin/c/activities/ada-course"))
	b.run(chromedp.SetUploadFiles(tid("file-input-evidenceFile"), []string{pdfPath}))
	b.waitText(tid("notice"), "Uploaded certificate.pdf")
	b.waitText(tid("file-evidenceFile"), "application/pdf")
	// A file of the wrong type is refused, and said; the field keeps its file.
	txtPath := filepath.Join(dir, "notes.pdf")
	require.NoError(t, os.WriteFile(txtPath, []byte("only some notes"), 0o644))
	b.run(chromedp.SetUploadFiles(tid("file-input-evidenceFile"), []string{txtPath}))
	b.waitText(tid("file-evidenceFile")+" "+tid("problem"), "by its bytes")
	act := b.api("GET", "/api/activities/ada-course", nil)
	assert.Equal(t, "certificate.pdf", act["evidenceFile"].(map[string]any)["name"])
}
