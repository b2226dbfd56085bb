package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// portal drives the learner portal (examples/portal, built into the
// pack's public folder) in headless Chromium against `credence serve
// --load examples/certification`, as the README runs it.
type portal struct {
	t     *testing.T
	ctx   context.Context
	base  string
	admin string
	shots string
}

func newPortal(t *testing.T) *portal {
	t.Helper()
	if testing.Short() {
		t.Skip("the portal's browser tests start a server and Chromium: not in -short")
	}
	var exe string
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			exe = p
			break
		}
	}
	if exe == "" {
		t.Skip("chromium is not installed (apt-get install chromium): skipping the portal's browser tests")
	}
	const admin = "portal-test-admin-key-of-32-characters-or-more"
	s := startServe(t, filepath.Join(t.TempDir(), "credence.db"),
		[]string{"--load", "../../examples/certification", "--signup", "open"},
		"CREDENCE_ADMIN_KEY="+admin, "CREDENCE_ANONYMOUS_ROLE=public")
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 900))
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelCtx(); cancelAlloc() })
	// The browser starts on the test's context, not on a step's shorter one.
	require.NoError(t, chromedp.Do(ctx))
	shots, err := filepath.Abs("../../examples/portal/screenshots")
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(shots, 0o755))
	return &portal{t: t, ctx: ctx, base: s.url, admin: admin, shots: shots}
}

func (p *portal) run(actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		p.shot("failure")
		p.t.Fatalf("%v; the page says: %s", err, p.text("body"))
	}
}

func (p *portal) open(path string) { p.t.Helper(); p.run(chromedp.Navigate(p.base + path)) }

func (p *portal) eval(js string) string {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[string](js))
	require.NoError(p.t, err, js)
	return v
}

// text is the visible text of the first element sel matches, empty if none.
func (p *portal) text(sel string) string {
	return p.eval(fmt.Sprintf(`document.querySelector(%q)?.innerText ?? ''`, sel))
}

// waitText waits until sel's text holds want and returns the text.
func (p *portal) waitText(sel, want string) string {
	p.t.Helper()
	for deadline := time.Now().Add(20 * time.Second); ; {
		if got := p.text(sel); strings.Contains(got, want) {
			return got
		}
		if time.Now().After(deadline) {
			p.shot("failure")
			p.t.Fatalf("%s: waited for %q; the page says: %s", sel, want, p.text("body"))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// fill types into an empty control the way a person does: a click, then
// text inserted as the keyboard would (chromedp's SendKeys reads the node
// while its DOM events change it: a data race in the library).
func (p *portal) fill(sel, value string) {
	p.t.Helper()
	p.click(sel)
	_, err := chromedp.Call(p.ctx, input.InsertText, input.InsertTextParams{Text: value})
	require.NoError(p.t, err)
}

// choose picks an option of a select, as a person's choice would: the
// value set, then the change event React listens to.
func (p *portal) choose(sel, value string) {
	p.t.Helper()
	p.run(chromedp.WaitVisible(chromedp.CSS(sel)))
	p.eval(fmt.Sprintf(`(() => {
		const el = document.querySelector(%q);
		Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(el, %q);
		el.dispatchEvent(new Event('change', {bubbles: true}));
		return '';
	})()`, sel, value))
}

func (p *portal) click(sel string) {
	p.t.Helper()
	p.run(chromedp.WaitVisible(chromedp.CSS(sel)))
	p.eval(fmt.Sprintf(`(document.querySelector(%q).scrollIntoView({block: 'center'}), '')`, sel))
	p.run(chromedp.Click(chromedp.CSS(sel)))
}

func (p *portal) shot(name string) {
	png, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100)) // 100: a PNG
	if err == nil {
		os.WriteFile(filepath.Join(p.shots, name+".png"), png, 0o644)
	}
}

// api calls the server as the admin, to arrange and to check.
func (p *portal) api(method, path string) map[string]any {
	p.t.Helper()
	req, err := http.NewRequest(method, p.base+path, nil)
	require.NoError(p.t, err)
	req.Header.Set("Authorization", "Bearer "+p.admin)
	res, err := http.DefaultClient.Do(req)
	require.NoError(p.t, err)
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(p.t, err)
	require.Equal(p.t, http.StatusOK, res.StatusCode, "%s %s: %s", method, path, body)
	var out map[string]any
	require.NoError(p.t, json.Unmarshal(body, &out))
	return out
}

var tid = func(id string) string { return `[data-testid="` + id + `"]` }

// TestPortalVisitor: an anonymous visitor reads the catalogue, an About
// page with its sections, a certification, and the directory.
func TestPortalVisitor(t *testing.T) {
	p := newPortal(t)
	p.open("/")
	p.waitText(tid("programs"), "Synerise Certification Program")
	p.shot("portal-01-programs")
	p.click(`a[href="/programs/synerise"]`)
	about := p.waitText(tid("about"), "About the Synerise Certification Program")
	assert.Contains(t, about, "Why get certified")
	assert.Contains(t, about, "Automation", "the paths of a section, expanded")
	assert.NotContains(t, about, "about-partners", "a section for another audience is neither shown nor named")
	p.waitText(tid("certifications"), "Synerise Automation Fundamentals")
	p.shot("portal-02-program")
	p.click(`a[href="/certifications/syn-automation-professional"]`)
	page := p.waitText("main", "First hold")
	assert.Contains(t, page, "Synerise Automation Fundamentals", "the prerequisite, expanded")
	assert.Contains(t, page, "Sign in", "exams need an account")
	assert.Equal(t, "Synerise Automation Professional · Certification portal", p.eval(`document.title`))
	p.shot("portal-03-certification")

	// A deep link is the app too (the server answers index.html), and a
	// missing page says so.
	p.open("/certifications/syn-automation-fundamentals")
	p.waitText("h1", "Synerise Automation Fundamentals")
	p.open("/no/such/page")
	p.waitText("h1", "Not found")
	p.open("/me/credentials")
	p.waitText("main", "Sign in to see this page")

	p.open("/directory")
	p.waitText("main", "No one is listed yet")
	// A search is a filter formula: quotes and backslashes in it are data.
	p.fill(tid("directory-q"), `x" || true || "\`)
	p.click(tid("directory-search"))
	p.waitText("main", `No one matches`)
	p.shot("portal-04-directory")
}

// TestPortalLearner walks a learner from sign-up through a passed exam to
// her credential, her activities, her messages and the directory, then
// looks at the portal on a phone.
func TestPortalLearner(t *testing.T) {
	p := newPortal(t)
	email := "ada@example.org"
	p.open("/")
	p.click(`a[href="/signup"]`)
	p.fill(tid("email"), email)
	p.fill(tid("password"), "correct horse battery")
	p.click(tid("signup"))
	p.waitText("main", "We sent a code to "+email)
	code := p.signUpCode(email)
	p.fill(tid("code"), code)
	p.shot("portal-05-verify")
	p.click(tid("verify"))

	// Her profile, made once; then the catalogue.
	p.waitText("h1", "Welcome: your profile")
	p.fill(tid("name"), "Ada Lovelace")
	p.fill(tid("headline"), "Automation lead")
	p.click(tid("opt-in"))
	p.click(tid("profile-save"))
	p.waitText(tid("me"), "Ada Lovelace")

	// The exam: drawn on the server, no answer in the page.
	p.open("/certifications/syn-automation-fundamentals")
	p.waitText(tid("exam"), "Start the exam")
	p.click(tid("start-exam"))
	p.waitText(tid("countdown"), ":")
	count := p.eval(`String(document.querySelectorAll('[data-testid="question"]').length)`)
	assert.Equal(t, "5", count)
	left := p.text(tid("countdown"))
	assert.Regexp(t, regexp.MustCompile(`^(20:00|19:5\d)$`), left, "the server's deadline: 20 minutes")
	assert.NotContains(t, p.eval(`document.documentElement.outerHTML`), "correct", "no answer key in the page")
	p.shot("portal-06-exam")
	attempt := strings.TrimPrefix(p.eval(`location.pathname`), "/attempts/")
	// Her answers, with the key the admin reads.
	att := p.api("GET", "/api/attempts/"+attempt)
	require.IsType(t, []any{}, att["questions"], "%s: %v", attempt, att)
	for i, q := range att["questions"].([]any) {
		question := p.api("GET", "/api/questions/"+q.(string))
		answered := fmt.Sprintf(`String(document.querySelectorAll('input[name="q-%s"]:checked').length > 0)`, q)
		if question["format"] == "open" {
			var words []string
			for _, w := range question["keywords"].([]any) {
				words = append(words, w.(string))
			}
			p.fill("#q-"+q.(string), "My answer: "+strings.Join(words, ", "))
			answered = fmt.Sprintf(`String(document.getElementById('q-%s').value.length > 0)`, q)
		}
		options, _ := question["options"].([]any) // none on an open question
		for _, o := range options {
			if o := o.(map[string]any); o["correct"] == true {
				p.click(fmt.Sprintf(`input[name="q-%s"][value="%s"]`, q, o["id"]))
			}
		}
		if i == 0 {
			// A reload keeps what she answered.
			p.run(chromedp.Reload())
			p.waitText(tid("countdown"), ":")
			assert.Equal(t, "true", p.eval(answered), "question %s lost its answer on reload", q)
		}
	}
	p.click(tid("submit-exam"))
	result := p.waitText(tid("result"), "passed")
	assert.Contains(t, result, "100%")
	p.shot("portal-07-result")

	// Her credential: awarded by the pack's automation, then signed.
	p.open("/me/credentials")
	for deadline := time.Now().Add(20 * time.Second); ; {
		main := p.waitText("main", "My credentials")
		for strings.Contains(main, "Loading") && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
			main = p.text("main")
		}
		if strings.Contains(main, "Verification page") {
			break
		}
		require.False(t, time.Now().After(deadline), "no verifiable credential: %s", main)
		time.Sleep(300 * time.Millisecond)
		p.run(chromedp.Reload())
	}
	card := p.text(tid("credential"))
	assert.Contains(t, card, "Synerise Automation Fundamentals")
	assert.Contains(t, card, "active")
	linkedIn, err := url.Parse(p.eval(`document.querySelector('[data-testid="linkedin-link"]').href`))
	require.NoError(t, err)
	assert.Equal(t, "CERTIFICATION_NAME", linkedIn.Query().Get("startTask"))
	assert.Equal(t, "Synerise Automation Fundamentals", linkedIn.Query().Get("name"))
	assert.Equal(t, "Synerise", linkedIn.Query().Get("organizationName"))
	verify := p.eval(`document.querySelector('[data-testid="verify-link"]').href`)
	assert.Equal(t, verify, linkedIn.Query().Get("certUrl"))
	p.shot("portal-08-credentials")
	p.open(strings.TrimPrefix(verify, p.base))
	p.waitText("body", "Valid credential")

	// An activity for CEUs, then its review.
	p.open("/me/activities")
	p.fill(tid("activity-title"), "Journeys course")
	p.choose(tid("activity-source"), "training")
	p.fill(tid("activity-hours"), "4")
	p.click(tid("activity-submit"))
	row := p.waitText(tid("activities"), "Journeys course")
	assert.Contains(t, row, "submitted")
	p.shot("portal-09-activities")

	// Her messages: the welcome to the program and the certification.
	p.open("/me/messages")
	p.waitText(tid("messages"), "ertified")
	p.shot("portal-10-messages")

	// The directory lists her now, with her credential linked.
	p.open("/directory?q=lovelace")
	person := p.waitText(tid("person"), "Ada Lovelace")
	assert.Contains(t, person, "Synerise Automation Fundamentals")
	assert.Contains(t, p.eval(`document.querySelector('[data-testid="person"] a').href`), "/credentials/")

	// On a phone: the same screens, nothing wider than the screen.
	p.run(chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile))
	for _, path := range []string{"/me/credentials", "/me/activities", "/programs/synerise"} {
		p.open(path)
		p.waitText("main", "")
		p.run(chromedp.Sleep(300 * time.Millisecond))
		assert.Equal(t, "false", p.eval(`String(document.documentElement.scrollWidth > window.innerWidth + 1)`), "%s is wider than a phone", path)
	}
	p.open("/me/credentials")
	p.waitText(tid("credentials"), "Verification page")
	p.shot("portal-11-phone-credentials")

	// Signing out ends the session on the server too.
	p.click(tid("signout"))
	p.waitText(tid("nav-signin"), "Sign in")
	assert.Equal(t, "", p.eval(`localStorage.getItem('credence.portal.refresh') ?? ''`))
}

// signUpCode reads the verification code sent to email, as its inbox would.
func (p *portal) signUpCode(email string) string {
	p.t.Helper()
	filter := url.QueryEscape(fmt.Sprintf(`to == %q && template == "account-verify"`, email))
	for deadline := time.Now().Add(10 * time.Second); ; {
		for _, m := range p.api("GET", "/api/_messages?filter="+filter)["items"].([]any) {
			if code := regexp.MustCompile(`code is (\d+)`).FindStringSubmatch(fmt.Sprint(m.(map[string]any)["text"])); code != nil {
				return code[1]
			}
		}
		require.False(p.t, time.Now().After(deadline), "no verification code for %s", email)
		time.Sleep(100 * time.Millisecond)
	}
}
