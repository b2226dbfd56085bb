package engine_test

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/engine"
)

// TestPublicFolder: a frontend served at /, its routes given index.html,
// the API's paths never shadowed.
func TestPublicFolder(t *testing.T) {
	pub := fstest.MapFS{
		"index.html":         {Data: []byte("<!doctype html><title>portal</title>")},
		"assets/app-1a2b.js": {Data: []byte("console.log(1)")},
		"robots.txt":         {Data: []byte("User-agent: *")},
		".env":               {Data: []byte("SECRET=1")},
		"assets/.git/config": {Data: []byte("[core]")},
	}
	srv := newServerConfig(t, engine.Config{Public: pub})
	cases := []struct {
		path   string
		status int
		body   string
		cache  string
	}{
		{"/", http.StatusOK, "portal", "no-cache"},
		{"/catalogue", http.StatusOK, "portal", "no-cache"},
		{"/exams/automation-101", http.StatusOK, "portal", "no-cache"},
		{"/index.html", http.StatusOK, "portal", "no-cache"},
		{"/assets/app-1a2b.js", http.StatusOK, "console.log", "immutable"},
		{"/robots.txt", http.StatusOK, "User-agent", "no-cache"},
		{"/assets/missing.js", http.StatusNotFound, "no route", ""},
		{"/api/nope", http.StatusNotFound, "no collection", ""},
		{"/auth/nothing", http.StatusNotFound, "no route", ""},
		{"/credentials/nothing", http.StatusNotFound, "no route", ""},
		{"/healthz", http.StatusOK, "ok", ""},
		{"/.env", http.StatusNotFound, "no route", ""},
		{"/assets/.git/config", http.StatusNotFound, "no route", ""},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			resp := srv.get(c.path)
			assert.Equal(t, c.status, resp.Code)
			assert.Contains(t, string(resp.Body), c.body)
			if c.cache != "" {
				assert.Contains(t, resp.Header.Get("Cache-Control"), c.cache)
				assert.Equal(t, "nosniff", resp.Header.Get("X-Content-Type-Options"))
			}
		})
	}
	// Nothing outside the folder is reachable: a climb lands inside it.
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("SECRET"), 0o600))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "public"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "public", "index.html"), []byte("portal"), 0o644))
	onDisk := newServerConfig(t, engine.Config{Public: os.DirFS(filepath.Join(dir, "public"))})
	for _, climb := range []string{"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/....//secret.txt"} {
		resp := onDisk.get(climb)
		assert.NotContains(t, string(resp.Body), "SECRET", climb)
		assert.NotEqual(t, http.StatusInternalServerError, resp.Code, climb)
	}
	// Without a public folder, / is a 404 problem as before.
	assert.Equal(t, http.StatusNotFound, newServer(t).get("/").Code)
	// Writes never reach the folder.
	assert.Equal(t, http.StatusNotFound, srv.post("/catalogue", "{}").Code)
}
