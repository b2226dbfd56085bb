package admin_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
	"github.com/credence/credence/engine/identity"
	"github.com/credence/credence/store/bolt"
)

// browser is a headless Chromium driving the admin UI of a real server.
type browser struct {
	t        *testing.T
	ctx      context.Context
	base     string // the server's URL
	key      string // an admin API key's secret
	shots    string // where screenshots go
	mu       sync.Mutex
	requests []string
	svc      *documents.Service // the server's documents
	sent     *mailbox           // with accounts: the messages identity sends
}

// mailbox keeps the messages identity sends.
type mailbox struct {
	mu   sync.Mutex
	mail []identity.Mail
}

func (m *mailbox) Mail(_ context.Context, mail identity.Mail) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.mail = append(m.mail, mail)
	return nil
}

func (m *mailbox) to(email string) []identity.Mail {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []identity.Mail
	for _, x := range m.mail {
		if x.Email == email {
			out = append(out, x)
		}
	}
	return out
}

// chromiumPath finds Debian's chromium; the tests never download one.
func chromiumPath() string {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	return ""
}

func newBrowser(t *testing.T) *browser { return newBrowserWith(t, false) }

// newBrowserWith is newBrowser, with people's accounts (engine/identity)
// when accounts is set.
func newBrowserWith(t *testing.T, accounts bool) *browser {
	t.Helper()
	exe := chromiumPath()
	if exe == "" {
		t.Skip("chromium is not installed (apt-get install chromium): skipping the admin UI browser tests")
	}

	st, err := bolt.Open(filepath.Join(t.TempDir(), "credence.db"), bolt.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	var system []documents.SystemCollection
	if accounts {
		system = identity.SystemCollections()
	}
	svc, err := documents.New(t.Context(), st, documents.Options{System: system})
	require.NoError(t, err)
	key := strings.Repeat("k", documents.MinSecretLength)
	_, _, err = svc.PutKey(t.Context(), documents.KeySpec{ID: "admin-ui-test", Name: "admin UI test", Role: documents.RoleAdmin, Secret: key})
	require.NoError(t, err)
	cfg := engine.Config{}
	var sent *mailbox
	if accounts {
		sessions, err := identity.OpenSessions(t.Context(), st, nil)
		require.NoError(t, err)
		sent = &mailbox{}
		id, err := identity.New(svc, sessions, identity.Config{Params: identity.Params{Memory: 1024, Time: 1, Threads: 1}, Mailer: sent})
		require.NoError(t, err)
		cfg.Tokens, cfg.Routes = id, id.Routes
	}
	return openBrowser(t, svc, cfg, key, sent)
}

// openBrowser starts the server of svc and a headless Chromium for it.
func openBrowser(t *testing.T, svc *documents.Service, cfg engine.Config, key string, sent *mailbox) *browser {
	t.Helper()
	exe := chromiumPath()
	srv := httptest.NewServer(engine.New(cfg, svc))
	t.Cleanup(srv.Close)

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})

	b := &browser{t: t, ctx: ctx, base: srv.URL, key: key, shots: screenshotDir(t), svc: svc, sent: sent}
	require.NoError(t, chromedp.Listen(ctx, func(ev any) {
		var u string
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			u = e.Request.URL
		case network.EventRequestWillBeSent:
			u = e.Request.URL
		default:
			return
		}
		b.mu.Lock()
		b.requests = append(b.requests, u)
		b.mu.Unlock()
	}))
	_, err := chromedp.Call(ctx, network.Enable, network.EnableParams{})
	require.NoError(t, err)
	return b
}

// screenshotDir is engine/admin/screenshots, which git ignores, so a
// reviewer can look at the main screens after a run.
func screenshotDir(t *testing.T) string {
	dir, err := filepath.Abs("screenshots")
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(dir, 0o755))
	os.Remove(filepath.Join(dir, "failure.png"))
	return dir
}

// run runs actions, each wait bounded so that a failure says where.
func (b *browser) run(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 15*time.Second)
	defer cancel()
	require.NoError(b.t, chromedp.Do(ctx, actions...))
}

// eval runs JavaScript in the page and returns its value.
func eval[T any](b *browser, js string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js))
	require.NoError(b.t, err, js)
	return v
}

// visible waits until the element is visible.
func visible(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.WaitVisible(chromedp.CSS(sel))
}

// tid is the CSS selector of a data-testid.
func tid(id string) string { return fmt.Sprintf(`[data-testid="%s"]`, id) }

// set gives a form control a value the way typing would, so React sees it.
func (b *browser) set(sel, value string) {
	b.t.Helper()
	b.run(visible(sel))
	js := fmt.Sprintf(`(() => {
		const el = document.querySelector(%q);
		const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype
			: el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
		Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, %q);
		el.dispatchEvent(new Event('input', {bubbles: true}));
		el.dispatchEvent(new Event('change', {bubbles: true}));
		return true;
	})()`, sel, value)
	eval[bool](b, js)
}

// click waits for an element, brings it to the middle of the window (clear
// of the sticky action bar) and clicks it.
func (b *browser) click(sel string) {
	b.t.Helper()
	b.run(visible(sel))
	eval[bool](b, fmt.Sprintf(`(document.querySelector(%q).scrollIntoView({block: 'center'}), true)`, sel))
	b.run(chromedp.Click(chromedp.CSS(sel)))
}

// typeCode types into a CodeMirror editor.
func (b *browser) typeCode(sel, text string) {
	b.t.Helper()
	b.click(sel)
	_, err := chromedp.Call(b.ctx, input.InsertText, input.InsertTextParams{Text: text})
	require.NoError(b.t, err)
}

// waitText waits until the element's text contains want.
func (b *browser) waitText(sel, want string) string {
	b.t.Helper()
	js := fmt.Sprintf(`(() => { const el = document.querySelector(%q); return el ? el.innerText : ''; })()`, sel)
	deadline := time.Now().Add(15 * time.Second)
	for {
		got := eval[string](b, js)
		if strings.Contains(got, want) {
			return got
		}
		if time.Now().After(deadline) {
			b.screenshot("failure")
			problem := eval[string](b, `Array.from(document.querySelectorAll('[data-testid="problem"], .field-error, .text-danger')).map(e => e.innerText).join(' | ')`)
			b.t.Fatalf("%s: waited for %q, have %q; errors on the page: %q", sel, want, got, problem)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (b *browser) count(sel string) int {
	b.t.Helper()
	return eval[int](b, fmt.Sprintf(`document.querySelectorAll(%q).length`, sel))
}

func (b *browser) waitCount(sel string, want int) {
	b.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for b.count(sel) != want {
		if time.Now().After(deadline) {
			b.t.Fatalf("%s: waited for %d elements, have %d", sel, want, b.count(sel))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// waitTrue evaluates js until it gives true, for up to 10 seconds, and
// reports whether it did.
func (b *browser) waitTrue(js string) bool {
	b.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !eval[bool](b, js) {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(100 * time.Millisecond)
	}
	return true
}

func (b *browser) screenshot(name string) {
	b.t.Helper()
	b.run(chromedp.Sleep(150 * time.Millisecond))
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	require.NoError(b.t, err)
	require.NoError(b.t, os.WriteFile(filepath.Join(b.shots, name+".png"), png, 0o644))
}

// signIn opens the admin UI and signs in with the admin key.
func (b *browser) signIn() {
	b.t.Helper()
	b.run(chromedp.Navigate(b.base + "/admin/"))
	b.set(tid("api-key"), b.key)
	b.click(tid("signin"))
	b.run(visible(tid("nav-collections")))
}

// api calls the server directly, to arrange and to check.
func (b *browser) api(method, path string, body any) map[string]any {
	b.t.Helper()
	var r io.Reader
	if body != nil {
		j, err := json.Marshal(body)
		require.NoError(b.t, err)
		r = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, b.base+path, r)
	require.NoError(b.t, err)
	req.Header.Set("Content-Type", "application/json")
	if method == http.MethodPatch {
		req.Header.Set("Content-Type", "application/merge-patch+json")
	}
	req.Header.Set("Authorization", "Bearer "+b.key)
	res, err := http.DefaultClient.Do(req)
	require.NoError(b.t, err)
	defer res.Body.Close()
	var out map[string]any
	if res.StatusCode != http.StatusNoContent {
		require.NoError(b.t, json.NewDecoder(res.Body).Decode(&out))
	}
	require.Less(b.t, res.StatusCode, 300, "%s %s: %v", method, path, out)
	return out
}

func TestAdminUI(t *testing.T) {
	b := newBrowser(t)
	b.api("PUT", "/api/_schemas/levels", map[string]any{
		"type": "object", "title": "Levels", "required": []string{"title"},
		"properties": map[string]any{"title": map[string]any{"type": "string"}},
	})
	b.api("PUT", "/api/levels/foundations", map[string]any{"title": "Foundations"})
	b.api("PUT", "/api/levels/mastery", map[string]any{"title": "Mastery"})

	t.Run("sign in", func(t *testing.T) {
		b.run(chromedp.Navigate(b.base + "/admin/"))
		b.set(tid("api-key"), "not-a-key")
		b.click(tid("signin"))
		b.waitText(tid("problem"), "not accepted")
		b.set(tid("api-key"), b.key)
		b.screenshot("01-sign-in")
		b.click(tid("signin"))
		b.waitText(tid("count-levels"), "2")
		b.screenshot("02-dashboard")
	})

	t.Run("define a collection with the schema builder", func(t *testing.T) {
		b.click(tid("nav-collections"))
		b.click(tid("new-collection"))
		b.set(tid("collection-name"), "exams")
		b.set(tid("collection-title"), "Exams")

		b.click(tid("root-add-field"))
		b.set(tid("f0-name"), "title")
		b.click(tid("f0-required"))
		b.set(tid("f0-minLength"), "3")

		b.click(tid("root-add-field"))
		b.set(tid("f1-name"), "level")
		b.set(tid("f1-type"), "reference")
		b.set(tid("f1-ref"), "levels")

		b.click(tid("root-add-field"))
		b.set(tid("f2-name"), "passingScore")
		b.set(tid("f2-type"), "integer")
		b.set(tid("f2-maximum"), "100")
		b.click(tid("f2-index"))

		b.click(tid("root-add-field"))
		b.set(tid("f3-name"), "label")
		b.set(tid("f3-formulaKind"), "x-formula")
		b.typeCode(tid("f3-formula-code"), `doc.title + " (" + string(doc.passingScore) + ")"`)
		b.screenshot("03-schema-builder")

		// The JSON tab shows the same schema.
		b.click(tid("tab-json"))
		b.waitText(tid("schema-json-editor"), `"x-ref": "levels"`)
		b.click(tid("tab-fields"))

		b.click(tid("save-schema"))
		b.waitText(tid("saved"), "Saved exams")

		schema := b.api("GET", "/api/_schemas/exams", nil)
		assert.Equal(t, []any{"title"}, schema["required"])
		props := schema["properties"].(map[string]any)
		assert.Equal(t, "levels", props["level"].(map[string]any)["x-ref"])
		assert.Equal(t, float64(3), props["title"].(map[string]any)["minLength"])
		assert.Equal(t, true, props["passingScore"].(map[string]any)["x-index"])
		assert.Equal(t, `doc.title + " (" + string(doc.passingScore) + ")"`, props["label"].(map[string]any)["x-formula"])

		// A dry run of a stricter schema reports nothing broken while empty.
		b.click(tid("dry-run"))
		b.waitText(tid("dryrun-report"), "All 0 stored documents stay valid")
	})

	var id string
	t.Run("create a document through the generated form", func(t *testing.T) {
		b.click(tid("nav-exams"))
		b.click(tid("new-document"))
		b.set("#root_title", "X")
		b.set("#root_passingScore", "80")
		b.set("#root_level", "Found")
		b.click(`.ref-results li[role="option"]`)
		b.waitText(`[data-testid="ref-root_level"] .ref-chosen`, "Foundations")

		b.click(tid("save-document"))
		b.waitText("#root_title__error", "at least 3")
		b.screenshot("04-document-form-error")

		b.set("#root_title", "Xylophone basics")
		b.click(tid("save-document"))
		b.waitText(tid("doc-rev"), "1")
		loc, err := chromedp.Run(b.ctx, chromedp.Location())
		require.NoError(t, err)
		u, err := url.Parse(loc)
		require.NoError(t, err)
		id = strings.TrimPrefix(u.Path, "/admin/c/exams/")
		doc := b.api("GET", "/api/exams/"+id, nil)
		assert.Equal(t, "Xylophone basics", doc["title"])
		assert.Equal(t, "foundations", doc["level"])
		assert.Equal(t, "Xylophone basics (80)", doc["label"])
	})

	t.Run("edit, see the revisions, restore", func(t *testing.T) {
		b.set("#root_title", "Xylophone advanced")
		b.click(tid("save-document"))
		b.waitText(tid("notice"), "Revision 2")

		b.click(tid("tab-revisions"))
		b.click(tid("rev-1"))
		b.waitText(tid("diff"), "Xylophone advanced")
		b.screenshot("05-revisions")
		b.click(tid("restore"))
		b.waitText(tid("notice"), "Restored revision 1. Revision 3")
		doc := b.api("GET", "/api/exams/"+id, nil)
		assert.Equal(t, "Xylophone basics", doc["title"])
		assert.Equal(t, float64(3), doc["_rev"])
	})

	t.Run("list with a filter and paging", func(t *testing.T) {
		for i, score := range []int{10, 20, 60, 70, 90} {
			b.api("POST", "/api/exams", map[string]any{"title": fmt.Sprintf("Exam %d", i), "passingScore": score})
		}
		b.click(tid("nav-exams"))
		b.waitCount(`[data-testid="doc-row"]`, 6)
		b.set(tid("limit"), "2")
		b.waitCount(`[data-testid="doc-row"]`, 2)
		b.typeCode(tid("filter"), "passingScore >= 50")
		b.click(tid("apply-filter"))
		b.click(tid("sort-passingScore"))
		b.waitText(tid("documents-table"), "Xylophone basics")
		b.screenshot("06-documents")
		first := b.waitText(tid("documents-table")+" tbody", "60")
		assert.Contains(t, first, "60")
		assert.Contains(t, first, "70")

		b.click(tid("next-page"))
		b.waitText(tid("page-number"), "page 2")
		b.waitText(tid("documents-table"), "90")
		b.waitCount(`[data-testid="doc-row"]`, 2)
		// The rows and the pager's state render apart: wait for both.
		assert.True(t, b.waitTrue(`document.querySelector('[data-testid="next-page"]').disabled`), "the last page has no next page")

		// A filter that does not compile says where.
		b.typeCode(tid("filter"), " &&")
		b.click(tid("apply-filter"))
		b.waitText(tid("filter-error"), "Line 1, column")
	})

	t.Run("a dry run shows which documents a change would break", func(t *testing.T) {
		b.run(chromedp.Navigate(b.base + "/admin/collections/exams"))
		// The builder keeps the authors' order of fields.
		b.run(visible(tid("f2-name")))
		assert.Equal(t, "passingScore", eval[string](b, `document.querySelector('[data-testid="f2-name"]').value`))
		// The playground beside a formula runs it on a stored document.
		b.click(tid("f3-formula-stored"))
		b.set(tid("f3-formula-id"), id)
		b.waitText(tid("f3-formula")+" "+tid("eval-value"), `"Xylophone basics (80)"`)

		b.set(tid("f2-maximum"), "50")
		b.click(tid("dry-run"))
		b.waitText(tid("dryrun-report"), "4 of 6 stored documents would no longer be valid")
		b.screenshot("07-dry-run")
		b.click(tid("save-schema"))
		b.run(visible(tid("force-save")))
		schema := b.api("GET", "/api/_schemas/exams", nil)
		assert.Equal(t, float64(100), schema["properties"].(map[string]any)["passingScore"].(map[string]any)["maximum"], "a refused change is not saved")
	})

	t.Run("publish and unpublish", func(t *testing.T) {
		b.api("PUT", "/api/_schemas/pages", map[string]any{
			"type": "object", "title": "Pages", "x-publish": true,
			"properties": map[string]any{"title": map[string]any{"type": "string"}},
		})
		b.api("PUT", "/api/pages/welcome", map[string]any{"title": "Welcome"})
		b.run(chromedp.Navigate(b.base + "/admin/c/pages/welcome"))
		b.waitText(tid("doc-status"), "draft")
		b.click(tid("publish"))
		b.waitText(tid("doc-status"), "published")
		b.click(tid("unpublish"))
		b.waitText(tid("doc-status"), "draft")
	})

	t.Run("playground shows a value and an error with its position", func(t *testing.T) {
		b.run(chromedp.Navigate(b.base + "/admin/playground"))
		b.typeCode(tid("playground-expr"), `1 + 2`)
		b.waitText(tid("eval-value"), "3")
		b.typeCode(tid("playground-expr"), "\n* (")
		b.waitText(tid("eval-error"), "Line 2, column")
		b.screenshot("08-playground")
	})

	t.Run("an immutable field is locked once the document exists", func(t *testing.T) {
		b.api("PUT", "/api/_schemas/seats", map[string]any{
			"type": "object", "title": "Seats",
			"properties": map[string]any{
				"exam": map[string]any{"type": "string", "x-immutable": true},
				"note": map[string]any{"type": "string"},
			},
		})
		b.run(chromedp.Navigate(b.base + "/admin/c/seats/new"))
		b.run(visible("#root_exam"))
		assert.False(t, eval[bool](b, `document.querySelector('#root_exam').readOnly || document.querySelector('#root_exam').disabled`),
			"a new document sets its immutable fields")
		b.api("PUT", "/api/seats/s1", map[string]any{"exam": "automation-101", "note": "front row"})
		b.run(chromedp.Navigate(b.base + "/admin/c/seats/s1"))
		b.run(visible("#root_note"))
		assert.True(t, b.waitTrue(`document.querySelector('#root_exam').readOnly || document.querySelector('#root_exam').disabled`),
			"a stored document's immutable field is locked")
		assert.False(t, eval[bool](b, `document.querySelector('#root_note').readOnly || document.querySelector('#root_note').disabled`))
		b.waitText("body", "Set once")
	})

	t.Run("sign out", func(t *testing.T) {
		b.click(tid("signout"))
		b.run(visible(tid("signin-form")))
		key := eval[string](b, `sessionStorage.getItem('credence.key') || ''`)
		assert.Empty(t, key)
	})

	t.Run("no request leaves the server", func(t *testing.T) {
		b.mu.Lock()
		defer b.mu.Unlock()
		require.NotEmpty(t, b.requests)
		for _, r := range b.requests {
			if strings.HasPrefix(r, "data:") || r == "about:blank" {
				continue
			}
			assert.True(t, strings.HasPrefix(r, b.base+"/"), "a request left the server: %s", r)
		}
	})
}

// TestAdminSignsInWithAPassword: an admin signs in to the admin UI with
// her account, invites someone from the accounts screen (a link to choose
// a password goes out), and disables an account.
func TestAdminSignsInWithAPassword(t *testing.T) {
	b := newBrowserWith(t, true)
	hash, err := identity.HashPassword("the admin's passphrase", identity.Params{Memory: 1024, Time: 1, Threads: 1})
	require.NoError(t, err)
	_, err = b.svc.Put(t.Context(), identity.AccountsCollection, "admin-ada", []byte(`{"email": "ada@example.org", "role": "admin", "verified": true, "passwordHash": "`+hash+`"}`), documents.WriteOptions{})
	require.NoError(t, err)

	b.run(chromedp.Navigate(b.base + "/admin/"))
	b.set(tid("email"), "ada@example.org")
	b.set(tid("password"), "not the passphrase")
	b.click(tid("signin-password"))
	b.waitText(tid("problem"), "wrong")
	b.set(tid("password"), "the admin's passphrase")
	b.screenshot("20-sign-in-with-password")
	b.click(tid("signin-password"))
	b.click(tid("nav-accounts"))
	b.waitCount(`[data-testid="accounts"] tbody tr`, 1)

	b.set(tid("invite-email"), "bo@example.org")
	b.set(tid("invite-role"), "editor")
	b.click(tid("invite"))
	b.waitText(tid("accounts-notice"), "bo@example.org")
	b.waitCount(`[data-testid="accounts"] tbody tr`, 2)
	require.Eventually(t, func() bool { return len(b.sent.to("bo@example.org")) == 1 }, 5*time.Second, 20*time.Millisecond)
	assert.Equal(t, "account-reset", b.sent.to("bo@example.org")[0].Template, "the invitation is a link to choose a password")
	b.screenshot("21-accounts")

	b.click(tid("toggle-bo@example.org"))
	b.waitText(tid("accounts-notice"), "disabled")
	b.waitText(tid("toggle-bo@example.org"), "Enable")
	acct := b.api("GET", "/api/_accounts?filter="+url.QueryEscape(`email == "bo@example.org"`), nil)
	items := acct["items"].([]any)
	require.Len(t, items, 1)
	assert.Equal(t, true, items[0].(map[string]any)["disabled"])
	assert.NotContains(t, items[0], "passwordHash")
}
