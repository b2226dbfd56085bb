package admin

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// Prefix is the path the UI is served under; the build's base URL matches it.
const Prefix = "/admin/"

//go:embed all:dist
var dist embed.FS

// contentTypes is fixed here rather than read from the system's MIME table,
// which differs between hosts (.js as application/javascript or
// text/javascript).
var contentTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".mjs":   "text/javascript; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".json":  "application/json",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".ico":   "image/x-icon",
	".woff2": "font/woff2",
	".txt":   "text/plain; charset=utf-8",
	".map":   "application/json",
}

type file struct {
	body        []byte
	etag        string
	contentType string
	cache       string
}

// Handler serves the UI under Prefix. Files under assets/ carry a content
// hash in their names and are cached for a year; index.html is revalidated
// on every load, so a new build is picked up at once. Any other path that
// names no file (a client-side route such as /admin/c/exams/e1) gets
// index.html, and the UI's router takes it from there; a missing asset is
// a 404, never HTML in place of a script.
func Handler() http.Handler {
	files := map[string]*file{}
	err := fs.WalkDir(dist, "dist", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := dist.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "dist/")
		sum := sha256.Sum256(body)
		f := &file{body: body, etag: `"` + hex.EncodeToString(sum[:8]) + `"`, cache: "no-cache"}
		f.contentType = contentTypes[path.Ext(name)]
		if f.contentType == "" {
			f.contentType = "application/octet-stream"
		}
		if strings.HasPrefix(name, "assets/") {
			f.cache = "public, max-age=31536000, immutable"
		}
		files[name] = f
		return nil
	})
	if err != nil {
		// The embedded tree is part of the binary: failing to read it is a
		// broken build, not a runtime condition.
		panic("admin: reading the embedded UI: " + err.Error())
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name, ok := strings.CutPrefix(r.URL.Path, Prefix)
		if !ok {
			http.NotFound(w, r)
			return
		}
		name = strings.TrimPrefix(path.Clean("/"+name), "/")
		f, found := files[name]
		if !found {
			// A missing asset or top-level file is a 404; anything else is a
			// route of the UI (whose ids may well contain dots).
			if strings.HasPrefix(name, "assets/") || !strings.Contains(name, "/") && contentTypes[path.Ext(name)] != "" {
				http.NotFound(w, r)
				return
			}
			f = files["index.html"]
		}
		if f == nil {
			http.Error(w, "the admin UI is not built", http.StatusNotFound)
			return
		}
		h := w.Header()
		h.Set("Content-Type", f.contentType)
		h.Set("Cache-Control", f.cache)
		h.Set("ETag", f.etag)
		h.Set("X-Content-Type-Options", "nosniff")
		if f.contentType == contentTypes[".html"] {
			// The UI loads nothing from elsewhere; the browser enforces it.
			// CodeMirror injects its styles and the form validator (ajv)
			// compiles schemas to functions, hence the two relaxations.
			h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; connect-src 'self'; frame-ancestors 'none'")
		}
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(f.body))
	})
}
