package engine

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine/files"
)

// Signed file addresses let an <img> or a link show a private file for a
// few minutes without a key: /files/{sha256}?exp=&sig=, the signature an
// HMAC-SHA256 of the file and the expiry under a key derived from the
// store's own secret (every node of a store signs alike).
const (
	// DefaultSignedTTL is how long a signed address works unless asked.
	DefaultSignedTTL = 5 * time.Minute
	// MaxSignedTTL is the longest one may be asked for.
	MaxSignedTTL = time.Hour
)

// signKey is the key of signed addresses.
func (h *handlers) signKey() []byte {
	mac := hmac.New(sha256.New, h.svc.SeedKey())
	mac.Write([]byte("credence signed file addresses"))
	return mac.Sum(nil)
}

func (h *handlers) signature(sha string, exp int64) string {
	mac := hmac.New(sha256.New, h.signKey())
	fmt.Fprintf(mac, "%s|%d", sha, exp)
	return hex.EncodeToString(mac.Sum(nil))
}

// signedURL answers GET /api/{collection}/{id}/files/{field}/url: an
// address of the file that works without a key until it expires, for a
// caller who may read the document (?ttl=10m, at most an hour).
func (h *handlers) signedURL(w http.ResponseWriter, r *http.Request) {
	coll, id, ff, err := h.fileField(r)
	if err != nil {
		h.error(w, r, err)
		return
	}
	ttl := DefaultSignedTTL
	if s := r.URL.Query().Get("ttl"); s != "" {
		if ttl, err = time.ParseDuration(s); err != nil || ttl <= 0 || ttl > MaxSignedTTL {
			h.error(w, r, badRequest("ttl must be a duration up to %s: ttl=10m", MaxSignedTTL))
			return
		}
	}
	sha, err := h.fileOf(r, coll, id, ff.name)
	if err != nil {
		h.error(w, r, err)
		return
	}
	now := time.Now()
	if h.cfg.Now != nil {
		now = h.cfg.Now()
	}
	exp := now.Add(ttl).Unix()
	q := url.Values{"exp": {strconv.FormatInt(exp, 10)}, "sig": {h.signature(sha, exp)}}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(map[string]any{
		"url":       "/files/" + sha + "?" + q.Encode(),
		"expiresAt": time.Unix(exp, 0).UTC().Format(time.RFC3339),
	})
}

// fileOf returns the SHA-256 of the file a document's field names, read as
// the caller.
func (h *handlers) fileOf(r *http.Request, coll, id, field string) (string, error) {
	doc, err := h.svc.Get(r.Context(), coll, id, documents.ReadOptions{})
	if err != nil {
		return "", err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(doc.JSON, &fields); err != nil {
		return "", err
	}
	var ref struct {
		SHA256 string `json:"sha256"`
	}
	if raw, ok := fields[field]; !ok || json.Unmarshal(raw, &ref) != nil || ref.SHA256 == "" {
		return "", &documents.Error{Kind: documents.KindNotFound, Message: fmt.Sprintf("%s/%s has no file in %s", coll, id, field)}
	}
	return ref.SHA256, nil
}

// signedFile answers GET /files/{sha256}?exp=&sig=: the file, to anyone
// with an unexpired signature ("thumb" works there too).
func (h *handlers) signedFile(w http.ResponseWriter, r *http.Request) {
	if h.cfg.Files == nil {
		h.error(w, r, &documents.Error{Kind: documents.KindNotFound, Message: "this server keeps no files"})
		return
	}
	sha := pathParam(r, "sha")
	q := r.URL.Query()
	exp, err := strconv.ParseInt(q.Get("exp"), 10, 64)
	now := time.Now()
	if h.cfg.Now != nil {
		now = h.cfg.Now()
	}
	if err != nil || !hmac.Equal([]byte(q.Get("sig")), []byte(h.signature(sha, exp))) {
		h.problem(w, r, http.StatusForbidden, "the address is not signed by this server", nil)
		return
	}
	if now.Unix() > exp {
		h.problem(w, r, http.StatusForbidden, "the address has expired: ask for a new one", nil)
		return
	}
	if t := q.Get("thumb"); t != "" {
		tw, th, err := parseThumb(t)
		if err != nil {
			h.error(w, r, err)
			return
		}
		h.thumbnail(w, r, sha, DefaultMaxPixels, tw, th)
		return
	}
	f, err := h.cfg.Files.Open(r.Context(), sha)
	if errors.Is(err, files.ErrNotFound) {
		h.error(w, r, &documents.Error{Kind: documents.KindNotFound, Message: "the file is no longer stored"})
		return
	}
	if err != nil {
		h.error(w, r, err)
		return
	}
	hdr := w.Header()
	hdr.Set("Content-Type", f.Info().Type)
	hdr.Set("ETag", `"`+sha+`"`)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Content-Security-Policy", "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox")
	hdr.Set("Cache-Control", fmt.Sprintf("private, max-age=%d", max(0, exp-now.Unix())))
	http.ServeContent(w, r, "", f.Info().Stored, f)
}
