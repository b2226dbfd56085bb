package engine

import (
	"encoding/json"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // image sizes of GIF uploads
	_ "image/jpeg"
	_ "image/png"
	"net/http"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine/files"
)

// Bounds of uploads.
const (
	// DefaultMaxFileBytes bounds a file whose x-file sets no maxSize.
	DefaultMaxFileBytes = 25 << 20
	// DefaultMaxPixels bounds an image's width times height (a 40
	// megapixel photo), so that a small file that claims to be a huge
	// image (a decompression bomb) is refused before anything decodes it.
	DefaultMaxPixels = 40_000_000
)

// fileField resolves the x-file field of a request's path.
func (h *handlers) fileField(r *http.Request) (coll, id string, ff fileFieldSpec, err error) {
	coll, id, field := pathParam(r, "collection"), pathParam(r, "id"), pathParam(r, "field")
	if h.cfg.Files == nil {
		return "", "", ff, &documents.Error{Kind: documents.KindNotFound, Message: "this server keeps no files"}
	}
	c, ok := h.svc.Registry().Collection(coll)
	if !ok {
		return "", "", ff, &documents.Error{Kind: documents.KindNotFound, Message: fmt.Sprintf("no collection %q", coll)}
	}
	f, ok := c.FileField(field)
	if !ok {
		return "", "", ff, &documents.Error{Kind: documents.KindNotFound, Message: fmt.Sprintf("%s has no file field %q (x-file)", coll, field)}
	}
	ff = fileFieldSpec{name: field, allows: f.Allows, types: f.Types, maxSize: f.MaxSize, maxPixels: f.MaxPixels}
	if ff.maxSize <= 0 || ff.maxSize > DefaultMaxFileBytes {
		ff.maxSize = DefaultMaxFileBytes
	}
	if ff.maxPixels <= 0 {
		ff.maxPixels = DefaultMaxPixels
	}
	return coll, id, ff, nil
}

type fileFieldSpec struct {
	name               string
	allows             func(string) bool
	types              []string
	maxSize, maxPixels int64
}

// upload answers POST /api/{collection}/{id}/files/{field}: the multipart
// part "file" is streamed into the store (refused past the field's size
// while it is read), its media type sniffed from its bytes and checked
// against the field's, an image's size read from its header; then the
// document's field is set to the file's reference by a merge patch made as
// the caller, with the document's access rules. The answer is the
// document.
func (h *handlers) upload(w http.ResponseWriter, r *http.Request) {
	coll, id, ff, err := h.fileField(r)
	if err != nil {
		h.error(w, r, err)
		return
	}
	// Refuse before reading a byte when the caller may not change the
	// document or cannot see it.
	role := h.cfg.AnonymousRole
	if a, ok := documents.AuthFrom(r.Context()); ok {
		role = a.Role
	}
	if !h.svc.Abilities(role)[coll].Update {
		h.error(w, r, &documents.Error{Kind: documents.KindForbidden, Message: fmt.Sprintf("the role %q may not update the documents of %s", role, coll)})
		return
	}
	if _, err := h.svc.Get(r.Context(), coll, id, documents.ReadOptions{}); err != nil {
		h.error(w, r, err)
		return
	}
	mr, err := r.MultipartReader()
	if err != nil {
		h.error(w, r, badRequest("an upload is multipart/form-data with the file in a part named file"))
		return
	}
	var info *files.Info
	var name string
	for {
		part, err := mr.NextPart()
		if err != nil {
			h.error(w, r, badRequest("an upload is multipart/form-data with the file in a part named file"))
			return
		}
		if part.FormName() != "file" {
			part.Close()
			continue
		}
		name = cleanName(part.FileName())
		info, err = h.cfg.Files.Put(r.Context(), part, ff.maxSize)
		part.Close()
		if errors.Is(err, files.ErrTooLarge) {
			h.problem(w, r, http.StatusRequestEntityTooLarge, fmt.Sprintf("the file is larger than the limit of %d bytes of %s", ff.maxSize, ff.name),
				map[string]any{"limit": ff.maxSize})
			return
		}
		if err != nil {
			h.error(w, r, err)
			return
		}
		break
	}
	if !ff.allows(info.Type) {
		h.error(w, r, fieldProblem(ff.name, fmt.Sprintf("is a file of type %s by its bytes; this field takes %s", info.Type, strings.Join(ff.types, ", "))))
		return
	}
	ref := map[string]any{"sha256": info.SHA256, "name": name, "type": info.Type, "size": info.Size}
	if strings.HasPrefix(info.Type, "image/") {
		f, err := h.cfg.Files.Open(r.Context(), info.SHA256)
		if err != nil {
			h.error(w, r, err)
			return
		}
		cfg, _, err := image.DecodeConfig(f)
		switch {
		case err == nil && int64(cfg.Width)*int64(cfg.Height) > ff.maxPixels:
			h.error(w, r, fieldProblem(ff.name, fmt.Sprintf("is an image of %d×%d pixels, more than the %d this field takes", cfg.Width, cfg.Height, ff.maxPixels)))
			return
		case err == nil:
			ref["width"], ref["height"] = cfg.Width, cfg.Height
		case info.Type != "image/webp" && info.Type != "image/bmp":
			h.error(w, r, fieldProblem(ff.name, "is not a readable image: "+err.Error()))
			return
		}
	}
	patch, _ := json.Marshal(map[string]any{ff.name: ref})
	doc, err := h.svc.Patch(r.Context(), coll, id, patch, documents.WriteOptions{IfMatch: r.Header.Get("If-Match")})
	if err != nil {
		h.error(w, r, err)
		return
	}
	writeDocument(w, http.StatusOK, doc)
}

// fieldProblem is a 422 on one field.
func fieldProblem(field, message string) error {
	return &documents.Error{Kind: documents.KindInvalid, Message: "the file is refused",
		Errors: []documents.FieldError{{Path: "/" + field, Message: message}}}
}

// cleanName keeps a file's base name, printable, at most 255 bytes.
func cleanName(s string) string {
	s = path.Base(strings.ReplaceAll(s, `\`, "/"))
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '"' {
			return -1
		}
		return r
	}, s)
	for len(s) > 255 {
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
	}
	if s == "." || s == "/" || s == "" {
		return "file"
	}
	return s
}

// download answers GET /api/{collection}/{id}/files/{field}: the file the
// field names, to a caller who may read the document and the field, with
// its ETag (its SHA-256), ranges, and no sniffing by the browser.
func (h *handlers) download(w http.ResponseWriter, r *http.Request) {
	coll, id, ff, err := h.fileField(r)
	if err != nil {
		h.error(w, r, err)
		return
	}
	doc, err := h.svc.Get(r.Context(), coll, id, documents.ReadOptions{})
	if err != nil {
		h.error(w, r, err)
		return
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(doc.JSON, &fields); err != nil {
		h.error(w, r, err)
		return
	}
	var ref struct {
		SHA256 string `json:"sha256"`
		Name   string `json:"name"`
		Type   string `json:"type"`
	}
	if raw, ok := fields[ff.name]; !ok || json.Unmarshal(raw, &ref) != nil || ref.SHA256 == "" {
		h.error(w, r, &documents.Error{Kind: documents.KindNotFound, Message: fmt.Sprintf("%s/%s has no file in %s", coll, id, ff.name)})
		return
	}
	if t := r.URL.Query().Get("thumb"); t != "" {
		tw, th, err := parseThumb(t)
		if err != nil {
			h.error(w, r, err)
			return
		}
		h.thumbnail(w, r, ref.SHA256, ff.maxPixels, tw, th)
		return
	}
	f, err := h.cfg.Files.Open(r.Context(), ref.SHA256)
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
	hdr.Set("ETag", `"`+ref.SHA256+`"`)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Cache-Control", "private, max-age=300")
	hdr.Set("Content-Security-Policy", "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox")
	disposition := "attachment"
	if strings.HasPrefix(f.Info().Type, "image/") && f.Info().Type != "image/svg+xml" || f.Info().Type == "application/pdf" {
		disposition = "inline"
	}
	hdr.Set("Content-Disposition", fmt.Sprintf(`%s; filename="%s"`, disposition, strings.ReplaceAll(ref.Name, `"`, "")))
	http.ServeContent(w, r, "", f.Info().Stored, f)
}
