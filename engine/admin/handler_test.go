package admin

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func get(t *testing.T, srv *httptest.Server, path string, header ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
	require.NoError(t, err)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res, string(body)
}

func TestHandlerServesTheApp(t *testing.T) {
	srv := httptest.NewServer(Handler())
	defer srv.Close()

	res, index := get(t, srv, "/admin/")
	require.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, "text/html; charset=utf-8", res.Header.Get("Content-Type"))
	assert.Equal(t, "no-cache", res.Header.Get("Cache-Control"))
	assert.Contains(t, res.Header.Get("Content-Security-Policy"), "default-src 'self'")
	assert.Contains(t, index, `<div id="root">`)

	// The build refers to its assets under the prefix, by hashed names.
	assets := regexp.MustCompile(`(?:src|href)="(/admin/assets/[^"]+)"`).FindAllStringSubmatch(index, -1)
	require.NotEmpty(t, assets, "index.html names no assets")
	want := map[string]string{".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
	seen := map[string]bool{}
	for _, m := range assets {
		ext := m[1][strings.LastIndex(m[1], "."):]
		res, body := get(t, srv, m[1])
		require.Equal(t, http.StatusOK, res.StatusCode, m[1])
		assert.Equal(t, want[ext], res.Header.Get("Content-Type"), m[1])
		assert.Equal(t, "public, max-age=31536000, immutable", res.Header.Get("Cache-Control"), m[1])
		assert.NotEmpty(t, body)
		seen[ext] = true
		// Revalidation by ETag.
		again, _ := get(t, srv, m[1], "If-None-Match", res.Header.Get("ETag"))
		assert.Equal(t, http.StatusNotModified, again.StatusCode, m[1])
	}
	assert.True(t, seen[".js"] && seen[".css"], "expected a script and a stylesheet, got %v", seen)

	t.Run("deep links get the app", func(t *testing.T) {
		for _, p := range []string{"/admin/c/exams", "/admin/c/exams/exam.v1", "/admin/collections/new", "/admin/signin"} {
			res, body := get(t, srv, p)
			assert.Equal(t, http.StatusOK, res.StatusCode, p)
			assert.Equal(t, "text/html; charset=utf-8", res.Header.Get("Content-Type"), p)
			assert.Equal(t, index, body, p)
		}
	})
	t.Run("a missing asset is a 404, not the app", func(t *testing.T) {
		for _, p := range []string{"/admin/assets/nothing-here.js", "/admin/favicon.ico"} {
			res, body := get(t, srv, p)
			assert.Equal(t, http.StatusNotFound, res.StatusCode, p)
			assert.NotContains(t, body, "<div id=\"root\">", p)
		}
	})
	t.Run("only reads", func(t *testing.T) {
		res, err := http.Post(srv.URL+"/admin/", "text/plain", strings.NewReader("x"))
		require.NoError(t, err)
		res.Body.Close()
		assert.Equal(t, http.StatusMethodNotAllowed, res.StatusCode)
		assert.Equal(t, "GET, HEAD", res.Header.Get("Allow"))
	})
}
