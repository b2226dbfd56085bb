package engine

import (
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// reserved are the paths the API and its pages own: a public folder never
// answers under them, so that a missing route stays a 404 problem.
var reserved = []string{"/api/", "/auth/", "/credentials/", "/files/", "/admin/", "/.well-known/"}

// servePublic answers a GET or HEAD from the public folder, if there is
// one and the path is not the API's, and reports whether it did. A path
// without an extension that names no file is the single-page app's own
// (/catalogue, /exams/automation-101): it gets index.html.
func (h *handlers) servePublic(w http.ResponseWriter, r *http.Request) bool {
	pub := h.cfg.Public
	if pub == nil || r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}
	p := r.URL.Path
	for _, prefix := range reserved {
		if strings.HasPrefix(p, prefix) || p+"/" == prefix {
			return false
		}
	}
	name := strings.TrimPrefix(path.Clean("/"+p), "/")
	if strings.HasPrefix(name, ".") || strings.Contains(name, "/.") {
		return false // .env, .git/config: never served, whatever the folder holds
	}
	if name == "" {
		name = "index.html"
	}
	if fi, err := fs.Stat(pub, name); err != nil || fi.IsDir() {
		if path.Ext(name) != "" {
			return false // a missing asset is a 404, not the app
		}
		name = "index.html"
		if _, err := fs.Stat(pub, name); err != nil {
			return false
		}
	}
	hdr := w.Header()
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "same-origin")
	if strings.HasPrefix(name, "assets/") {
		hdr.Set("Cache-Control", "public, max-age=31536000, immutable") // names carry their hash
	} else {
		hdr.Set("Cache-Control", "no-cache")
	}
	if name == "index.html" {
		// ServeFileFS would redirect a request for /index.html; the page
		// is served as it is, wherever the app routes.
		f, err := pub.Open(name)
		if err != nil {
			return false
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil {
			return false
		}
		rs, ok := f.(io.ReadSeeker)
		if !ok {
			return false
		}
		hdr.Set("Content-Type", "text/html; charset=utf-8")
		http.ServeContent(w, r, "index.html", fi.ModTime(), rs)
		return true
	}
	http.ServeFileFS(w, r, pub, name)
	return true
}
