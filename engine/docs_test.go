package engine_test

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// badgesSchema is a second collection for the reference page: an enum, a
// format, a description.
const badgesSchema = `{
  "type": "object",
  "title": "Badges",
  "description": "Badges a learner earns by passing an exam.",
  "required": ["tier"],
  "properties": {
    "tier": {"type": "string", "enum": ["bronze", "silver", "gold"], "description": "How hard the badge was to earn."},
    "awardedAt": {"type": "string", "format": "date"},
    "score": {"type": "number", "minimum": 0, "maximum": 100}
  }
}`

func TestDocsPage(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "exams", examsSchema)
	createCollection(t, srv, "badges", badgesSchema)
	createDoc(t, srv, "exams", `{"id":"automation-101","title":"Automation 101","code":"A101","level":"master","passingScore":80}`)

	resp := srv.get("/docs")
	require.Equal(t, http.StatusOK, resp.Code, resp)
	assert.Equal(t, "text/html; charset=utf-8", resp.Header.Get("Content-Type"))
	page := string(resp.Body)
	assert.True(t, strings.HasPrefix(page, "<!doctype html>"))
	assertOnPage(t, page, `href="/openapi.json"`)
	assertOnPage(t, page, `href="/openapi.yaml"`)
	assertOnPage(t, page, `id="errors"`, "the problem format has a section")

	spec := loadSpec(t, srv, "/openapi.json")
	for _, coll := range []string{"exams", "badges", "_schemas"} {
		t.Run(coll, func(t *testing.T) {
			sec := docsSection(t, page, "tag-"+coll)
			assertOnPage(t, page, `href="#tag-`+coll+`"`, "the contents link to the collection")
			assertOnPage(t, textOf(sec), "/api/"+coll)

			// Every field of the read shape, meta fields included.
			read := spec.Paths.Find("/api/" + coll + "/{id}").Get.Responses.Status(http.StatusOK).Value.Content["application/json"].Schema.Value
			fields := docsFieldNames(sec)
			for name := range read.Properties {
				assert.Contains(t, fields, name)
			}

			// Every route, with its operationId and a curl example.
			n := 0
			for path, item := range spec.Paths.Map() {
				for method, op := range item.Operations() {
					if !slices.Contains(op.Tags, coll) {
						continue
					}
					n++
					article := docsArticle(t, sec, "op-"+op.OperationID)
					text := textOf(article)
					assertOnPage(t, text, method+" "+path, op.OperationID)
					assertOnPage(t, text, op.OperationID)
					assertOnPage(t, text, "curl -s", op.OperationID)
					for _, p := range append(item.Parameters, op.Parameters...) {
						assertOnPage(t, text, p.Value.Name, "%s names its parameter", op.OperationID)
					}
				}
			}
			assert.GreaterOrEqual(t, n, 8)
		})
	}

	exams := docsSection(t, page, "tag-exams")
	assert.Contains(t, docsFieldNames(exams), "settings.shuffle", "nested fields are listed under their parent")
	assertOnPage(t, exams, "<code>fundamentals</code><code>professional</code><code>master</code>", "an enum lists its values")
	assertOnPage(t, docsSection(t, page, "tag-badges"), "<code>bronze</code><code>silver</code><code>gold</code>")
	text := textOf(exams)
	for _, want := range []string{"min length 3", "minimum 0", "maximum 100", "unique", "indexed", "read-only", "required"} {
		assertOnPage(t, text, want)
	}
	assertOnPage(t, textOf(docsSection(t, page, "tag-badges")), "Badges a learner earns by passing an exam.")
}

func TestDocsCurlExamples(t *testing.T) {
	srv := newServer(t)
	// Examples are documents the public may read.
	createCollection(t, srv, "exams", strings.Replace(examsSchema, `"type": "object",`, `"type": "object", "x-access": {"read": "true"},`, 1))
	createCollection(t, srv, "badges", badgesSchema)
	createDoc(t, srv, "exams", `{"id":"automation-101","title":"Automation 101","code":"A101","level":"master"}`)
	page := string(srv.get("/docs").Body)
	curl := func(op string) string {
		t.Helper()
		m := regexp.MustCompile(`(?s)<pre class="code">(.*?)</pre>`).FindStringSubmatch(docsArticle(t, page, "op-"+op))
		require.NotNil(t, m, "%s has an example", op)
		return html.UnescapeString(m[1])
	}

	for _, tc := range []struct {
		name, op string
		want     []string
		not      []string
	}{
		{"a read", "getExam", []string{`curl -s "$B/api/exams/automation-101"`}, []string{"-X", "Content-Type"}},
		{"a list", "listExams", []string{`curl -s "$B/api/exams?limit=20"`}, nil},
		{"a create with the stored example", "createExam", []string{
			`curl -s -X POST "$B/api/exams"`, `-H 'Content-Type: application/json'`, `"code": "A101"`, `"title": "Automation 101"`,
		}, []string{"_rev", "_createdAt"}},
		{"a replace", "replaceExam", []string{`-X PUT "$B/api/exams/automation-101"`, `-H 'Content-Type: application/json'`}, nil},
		{"a merge patch", "patchExam", []string{`-X PATCH "$B/api/exams/automation-101"`, `-H 'Content-Type: application/merge-patch+json'`, `-d '{"code": "A101"}'`}, nil},
		{"a delete", "deleteExam", []string{`curl -s -X DELETE "$B/api/exams/automation-101"`}, []string{"Content-Type"}},
		{"a revision", "getExamRevision", []string{`"$B/api/exams/automation-101/revisions/1"`}, nil},
		{"a create without a stored document: placeholders", "createBadge", []string{
			`-H 'Content-Type: application/json'`, `"tier": "bronze"`, `"awardedAt": "2026-01-15"`, `"score": 0`,
		}, []string{`"id"`}},
		{"a read without a stored document", "getBadge", []string{`curl -s "$B/api/badges/ID"`}, nil},
		{"a patch without a stored document", "patchBadge", []string{`-H 'Content-Type: application/merge-patch+json'`, `-d '{"awardedAt": "2026-01-15"}'`}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := curl(tc.op)
			for _, w := range tc.want {
				assertOnPage(t, got, w)
			}
			for _, n := range tc.not {
				assertNotOnPage(t, got, n)
			}
		})
	}

	// The examples call the server B, at the address the page was asked at.
	r := httptest.NewRequest(http.MethodGet, "/docs", nil)
	r.Host = "docs.example:8443"
	rec := httptest.NewRecorder()
	srv.handler.ServeHTTP(rec, r)
	assertOnPage(t, rec.Body.String(), "B=http://docs.example:8443")
}

func TestDocsFollowSchemaChanges(t *testing.T) {
	srv := newServer(t)
	empty := srv.get("/docs")
	require.Equal(t, http.StatusOK, empty.Code, "a server without collections has a page too")
	assertOnPage(t, string(empty.Body), `id="tag-_schemas"`)

	createCollection(t, srv, "exams", examsSchema)
	before := string(srv.get("/docs").Body)
	assertOnPage(t, before, `id="tag-exams"`)
	assert.Equal(t, before, string(srv.get("/docs").Body), "the same registry gives the same page")
	assertNotOnPage(t, before, `id="tag-certificates"`)

	createCollection(t, srv, "certificates", `{"type":"object","properties":{"holder":{"type":"string","enum":["learner","partner"]}}}`)
	page := string(srv.get("/docs").Body)
	sec := docsSection(t, page, "tag-certificates")
	assert.Contains(t, docsFieldNames(sec), "holder")
	assertOnPage(t, sec, "<code>learner</code><code>partner</code>")

	resp := srv.put("/api/_schemas/certificates", `{"type":"object","properties":{"holder":{"type":"string"},"expiresAt":{"type":"string","format":"date-time"}}}`)
	require.Equal(t, http.StatusOK, resp.Code, resp)
	sec = docsSection(t, string(srv.get("/docs").Body), "tag-certificates")
	assert.Contains(t, docsFieldNames(sec), "expiresAt")
	assertNotOnPage(t, sec, "<code>learner</code>")

	require.Equal(t, http.StatusNoContent, srv.delete("/api/_schemas/certificates").Code)
	assertNotOnPage(t, string(srv.get("/docs").Body), `id="tag-certificates"`)
}

// TestDocsUnderSchemaWrites reads the page while schemas change: every
// answer is a whole page, and the last one has every collection.
func TestDocsUnderSchemaWrites(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "exams", examsSchema)
	whileDefining(t, srv, 8, func() {
		resp := srv.get("/docs")
		assert.Equal(t, http.StatusOK, resp.Code)
		assert.True(t, strings.HasSuffix(strings.TrimSpace(string(resp.Body)), "</html>"))
	})
	page := string(srv.get("/docs").Body)
	for i := range 8 {
		assertOnPage(t, page, fmt.Sprintf(`id="tag-c%d"`, i))
	}
}

func TestDocsFetchNothing(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "exams", examsSchema)
	createCollection(t, srv, "badges", `{"type":"object","description":"See https://example.com/badges.","properties":{"url":{"type":"string","format":"uri","examples":["https://example.com/b.png"]}}}`)
	createDoc(t, srv, "badges", `{"url":"https://cdn.example.com/badge.png"}`)
	resp := srv.get("/docs")
	require.Equal(t, http.StatusOK, resp.Code)
	page := string(resp.Body)

	attrs := regexp.MustCompile(`(?i)\b(?:src|href|action|srcset|poster|data)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)`).FindAllStringSubmatch(page, -1)
	require.NotEmpty(t, attrs)
	for _, a := range attrs {
		u := strings.Trim(html.UnescapeString(a[1]), `"'`)
		assert.Regexp(t, `^(#|/[^/])`, u, "a link within the page or the server: %s", a[0])
	}
	for _, tag := range []string{"<script", "<link", "<img", "<iframe", "<object", "<embed"} {
		assertNotOnPage(t, strings.ToLower(page), tag)
	}
	assertNotOnPage(t, page, "@import")
	assertNotOnPage(t, page, "url(", "no CSS loads anything")
	assert.Contains(t, resp.Header.Get("Content-Security-Policy"), "default-src 'none'")
}

func TestDocsEscape(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "notes", `{
	  "type": "object",
	  "title": "Notes <b>bold</b>",
	  "description": "Watch out: <script>alert('x')</script> and `+"`<img src=x onerror=alert(1)>`"+`.",
	  "properties": {
	    "body": {"type": "string", "description": "<iframe src=\"https://evil.example\"></iframe>", "enum": ["<a href='https://evil.example'>x</a>"]}
	  }
	}`)
	createDoc(t, srv, "notes", `{"body":"<a href='https://evil.example'>x</a>"}`)

	page := string(srv.get("/docs").Body)
	for _, raw := range []string{"<script>alert", "<b>bold", "<img src=x", "<iframe", "<a href='https://evil"} {
		assertNotOnPage(t, page, raw)
	}
	sec := docsSection(t, page, "tag-notes")
	assertOnPage(t, sec, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
	assertOnPage(t, sec, "<code>&lt;img src=x onerror=alert(1)&gt;</code>", "a code span stays code, escaped")
	assertOnPage(t, textOf(sec), "Notes <b>bold</b>")
	assertOnPage(t, textOf(sec), `<iframe src="https://evil.example"></iframe>`)

	// The address the page was asked at is escaped too.
	r := httptest.NewRequest(http.MethodGet, "/docs", nil)
	r.Host = `x"><script>alert(1)</script>`
	rec := httptest.NewRecorder()
	srv.handler.ServeHTTP(rec, r)
	assertNotOnPage(t, rec.Body.String(), "<script>alert(1)")
	assertOnPage(t, rec.Body.String(), "B=http://x&#34;&gt;&lt;script&gt;")
}

// assertOnPage checks that some HTML or text holds want, and says which
// when it does not, without the whole page.
func assertOnPage(t *testing.T, page, want string, msgAndArgs ...any) {
	t.Helper()
	if !strings.Contains(page, want) {
		t.Errorf("missing %q %s", want, message(msgAndArgs))
	}
}

// assertNotOnPage checks that some HTML or text does not hold unwanted.
func assertNotOnPage(t *testing.T, page, unwanted string, msgAndArgs ...any) {
	t.Helper()
	if i := strings.Index(page, unwanted); i >= 0 {
		t.Errorf("unwanted %q at %q %s", unwanted, page[max(0, i-80):min(len(page), i+80)], message(msgAndArgs))
	}
}

func message(msgAndArgs []any) string {
	if len(msgAndArgs) == 0 {
		return ""
	}
	if format, ok := msgAndArgs[0].(string); ok {
		return fmt.Sprintf(format, msgAndArgs[1:]...)
	}
	return fmt.Sprint(msgAndArgs...)
}

// docsSection returns the HTML of the section with id anchor.
func docsSection(t *testing.T, page, anchor string) string {
	t.Helper()
	_, rest, ok := strings.Cut(page, `id="`+anchor+`"`)
	require.True(t, ok, "the page has a section %s", anchor)
	sec, _, _ := strings.Cut(rest, "</section>")
	return sec
}

// docsArticle returns the HTML of the operation with id anchor.
func docsArticle(t *testing.T, page, anchor string) string {
	t.Helper()
	_, rest, ok := strings.Cut(page, `id="`+anchor+`"`)
	require.True(t, ok, "the page has an operation %s", anchor)
	art, _, _ := strings.Cut(rest, "</article>")
	return art
}

// docsFieldNames lists the names in the first field table of a section,
// nested ones with their parent: settings.shuffle.
func docsFieldNames(sec string) []string {
	_, rest, _ := strings.Cut(sec, `<table class="fields">`)
	table, _, _ := strings.Cut(rest, "</table>")
	var names []string
	for _, m := range regexp.MustCompile(`(?s)<td class="name">(.*?)</td>`).FindAllStringSubmatch(table, -1) {
		if f := strings.Fields(textOf(m[1])); len(f) > 0 {
			names = append(names, f[0])
		}
	}
	return names
}

var (
	htmlTag = regexp.MustCompile(`<[^>]*>`)
	spaces  = regexp.MustCompile(`\s+`)
)

// textOf is what a reader sees of some HTML: its text, unescaped, with
// each run of white space as one space.
func textOf(s string) string {
	return html.UnescapeString(spaces.ReplaceAllString(htmlTag.ReplaceAllString(s, ""), " "))
}
