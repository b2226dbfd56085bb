package engine

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"

	"github.com/credence/credence/documents"
)

func (h *handlers) get(w http.ResponseWriter, r *http.Request) {
	opts := documents.ReadOptions{Fields: fields(r), IfNoneMatch: r.Header.Get("If-None-Match")}
	var err error
	if opts.Expand, opts.ExpandDepth, opts.Preview, err = readParams(r); err != nil {
		h.error(w, r, err)
		return
	}
	doc, err := h.svc.Get(r.Context(), pathParam(r, "collection"), pathParam(r, "id"), opts)
	if err != nil {
		h.error(w, r, err)
		return
	}
	writeDocument(w, http.StatusOK, doc)
}

func (h *handlers) list(w http.ResponseWriter, r *http.Request) {
	opts, err := listOptions(r)
	if err != nil {
		h.error(w, r, err)
		return
	}
	page, err := h.svc.List(r.Context(), pathParam(r, "collection"), opts)
	if err != nil {
		h.error(w, r, err)
		return
	}
	writePage(w, page)
}

func (h *handlers) create(w http.ResponseWriter, r *http.Request) {
	body, ok := h.body(w, r, "application/json")
	if !ok {
		return
	}
	opts, err := writeOptions(r)
	if err != nil {
		h.error(w, r, err)
		return
	}
	coll := pathParam(r, "collection")
	doc, err := h.svc.Create(r.Context(), coll, body, opts)
	if err != nil {
		h.error(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/"+coll+"/"+url.PathEscape(doc.ID))
	if doc.Replayed {
		writeDocument(w, http.StatusOK, doc)
		return
	}
	writeDocument(w, http.StatusCreated, doc)
}

func (h *handlers) put(w http.ResponseWriter, r *http.Request) {
	body, ok := h.body(w, r, "application/json")
	if !ok {
		return
	}
	opts, err := writeOptions(r)
	if err != nil {
		h.error(w, r, err)
		return
	}
	coll, id := pathParam(r, "collection"), pathParam(r, "id")
	doc, err := h.svc.Put(r.Context(), coll, id, body, opts)
	if err != nil {
		h.error(w, r, err)
		return
	}
	switch {
	case opts.DryRun:
		w.Header().Set("Content-Type", "application/json")
		w.Write(doc.JSON)
	case doc.Created && !doc.Replayed:
		w.Header().Set("Location", "/api/"+coll+"/"+url.PathEscape(doc.ID))
		writeDocument(w, http.StatusCreated, doc)
	default:
		writeDocument(w, http.StatusOK, doc)
	}
}

func (h *handlers) patch(w http.ResponseWriter, r *http.Request) {
	body, ok := h.body(w, r, "application/merge-patch+json")
	if !ok {
		return
	}
	opts, err := writeOptions(r)
	if err != nil {
		h.error(w, r, err)
		return
	}
	doc, err := h.svc.Patch(r.Context(), pathParam(r, "collection"), pathParam(r, "id"), body, opts)
	if err != nil {
		h.error(w, r, err)
		return
	}
	writeDocument(w, http.StatusOK, doc)
}

func (h *handlers) delete(w http.ResponseWriter, r *http.Request) {
	opts, err := writeOptions(r)
	if err != nil {
		h.error(w, r, err)
		return
	}
	if err := h.svc.Delete(r.Context(), pathParam(r, "collection"), pathParam(r, "id"), opts); err != nil {
		h.error(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *handlers) revisions(w http.ResponseWriter, r *http.Request) {
	opts, err := listOptions(r)
	if err != nil {
		h.error(w, r, err)
		return
	}
	page, err := h.svc.Revisions(r.Context(), pathParam(r, "collection"), pathParam(r, "id"), opts)
	if err != nil {
		h.error(w, r, err)
		return
	}
	writePage(w, page)
}

func (h *handlers) revision(w http.ResponseWriter, r *http.Request) {
	rev, err := strconv.ParseInt(pathParam(r, "rev"), 10, 64)
	if err != nil || rev < 1 {
		h.problem(w, r, http.StatusNotFound, "a revision is a number from 1", nil)
		return
	}
	doc, err := h.svc.Revision(r.Context(), pathParam(r, "collection"), pathParam(r, "id"), rev)
	if err != nil {
		h.error(w, r, err)
		return
	}
	writeDocument(w, http.StatusOK, doc)
}

// pathParam returns the route parameter name, percent-decoded. chi matches
// the escaped path when a client escaped more than it had to (e%31 for
// e1); both spell the same URI (RFC 3986, section 6.2.2.2).
func pathParam(r *http.Request, name string) string {
	v := chi.URLParam(r, name)
	if u, err := url.PathUnescape(v); err == nil {
		return u
	}
	return v
}

// body reads a JSON request body within the size limit. It accepts the
// given media type, application/json, and no Content-Type.
func (h *handlers) body(w http.ResponseWriter, r *http.Request, mediaType string) ([]byte, bool) {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || mt != mediaType && mt != "application/json" {
			h.problem(w, r, http.StatusUnsupportedMediaType,
				fmt.Sprintf("Content-Type %q is not accepted here; send %s", ct, mediaType), nil)
			return nil, false
		}
	}
	if r.ContentLength > h.cfg.MaxBodyBytes {
		h.tooLarge(w, r)
		return nil, false
	}
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.cfg.MaxBodyBytes))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			h.tooLarge(w, r)
		} else {
			h.problem(w, r, http.StatusBadRequest, "cannot read the request body: "+err.Error(), nil)
		}
		return nil, false
	}
	return b, true
}

func (h *handlers) tooLarge(w http.ResponseWriter, r *http.Request) {
	h.problem(w, r, http.StatusRequestEntityTooLarge,
		fmt.Sprintf("the request body is larger than the limit of %d bytes", h.cfg.MaxBodyBytes),
		map[string]any{"limit": h.cfg.MaxBodyBytes})
}

func fields(r *http.Request) []string {
	f := r.URL.Query().Get("fields")
	if f == "" {
		return nil
	}
	parts := strings.Split(f, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

func listOptions(r *http.Request) (documents.ListOptions, error) {
	q := r.URL.Query()
	opts := documents.ListOptions{Sort: q.Get("sort"), Cursor: q.Get("cursor"), Fields: fields(r), Filter: q.Get("filter")}
	if !utf8.ValidString(opts.Filter) {
		return opts, badRequest("the filter is not valid UTF-8")
	}
	explain, err := flag(q, "explain")
	if err != nil {
		return opts, err
	}
	if opts.Expand, opts.ExpandDepth, opts.Preview, err = readParams(r); err != nil {
		return opts, err
	}
	opts.Explain = explain
	if l := q.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > documents.MaxLimit {
			return opts, badRequest("limit must be a number between 1 and %d", documents.MaxLimit)
		}
		opts.Limit = n
	}
	return opts, nil
}

func writeOptions(r *http.Request) (documents.WriteOptions, error) {
	q := r.URL.Query()
	opts := documents.WriteOptions{IfMatch: r.Header.Get("If-Match"), IfNoneMatch: r.Header.Get("If-None-Match"),
		IdempotencyKey: r.Header.Get("Idempotency-Key")}
	var err error
	if opts.Force, err = flag(q, "force"); err != nil {
		return opts, err
	}
	opts.DryRun, err = flag(q, "dryRun")
	return opts, err
}

func flag(q url.Values, name string) (bool, error) {
	v := q.Get(name)
	if v == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, badRequest("%s must be true or false", name)
	}
	return b, nil
}

func badRequest(format string, args ...any) error {
	return &documents.Error{Kind: documents.KindBadRequest, Message: fmt.Sprintf(format, args...)}
}

func writeDocument(w http.ResponseWriter, status int, doc *documents.Document) {
	hdr := w.Header()
	hdr.Set("Content-Type", "application/json")
	if doc.ETag != "" {
		hdr.Set("ETag", doc.ETag)
	}
	body := doc.JSON
	if len(doc.Warnings) > 0 {
		// Warnings travel with the answer, not with the stored document.
		warn, _ := json.Marshal(doc.Warnings)
		body = append(append(bytes.TrimSuffix(bytes.Clone(body), []byte("}")), `,"_warnings":`...), warn...)
		body = append(body, '}')
	}
	w.WriteHeader(status)
	w.Write(body)
}

func writePage(w http.ResponseWriter, page *documents.Page) {
	n := 32
	for _, it := range page.Items {
		n += len(it) + 1
	}
	buf := make([]byte, 0, n+len(page.Next))
	buf = append(buf, `{"items":[`...)
	for i, it := range page.Items {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, it...)
	}
	buf = append(buf, ']')
	if page.Next != "" {
		buf = append(buf, `,"nextCursor":"`...)
		buf = append(buf, page.Next...)
		buf = append(buf, '"')
	}
	if page.Explain != nil {
		ex, _ := json.Marshal(page.Explain)
		buf = append(append(buf, `,"explain":`...), ex...)
	}
	buf = append(buf, '}')
	w.Header().Set("Content-Type", "application/json")
	w.Write(buf)
}

// eval runs a formula against a sample or stored document: the playground.
func (h *handlers) eval(w http.ResponseWriter, r *http.Request) {
	body, ok := h.body(w, r, "application/json")
	if !ok {
		return
	}
	var req documents.EvalRequest
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		h.error(w, r, badRequest("the body must be {\"expr\": formula, \"collection\", \"doc\" or \"id\", \"mode\"}: %v", err))
		return
	}
	res, err := h.svc.Eval(r.Context(), req)
	if err != nil {
		h.error(w, r, err)
		return
	}
	b, err := json.Marshal(res)
	if err != nil {
		h.error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(b)
}

// referrers lists the documents that refer to one, paged.
func (h *handlers) referrers(w http.ResponseWriter, r *http.Request) {
	opts, err := listOptions(r)
	if err != nil {
		h.error(w, r, err)
		return
	}
	page, err := h.svc.Referrers(r.Context(), pathParam(r, "collection"), pathParam(r, "id"), opts)
	if err != nil {
		h.error(w, r, err)
		return
	}
	b, err := json.Marshal(page)
	if err != nil {
		h.error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(b)
}

// readParams reads the expand, expandDepth and preview parameters of a read.
func readParams(r *http.Request) (expand []string, depth int, preview bool, err error) {
	q := r.URL.Query()
	if e := q.Get("expand"); e != "" {
		expand = strings.Split(e, ",")
	}
	if d := q.Get("expandDepth"); d != "" {
		depth, err = strconv.Atoi(d)
		if err != nil || depth < 1 || depth > documents.MaxExpandDepth {
			return nil, 0, false, badRequest("expandDepth must be a number between 1 and %d", documents.MaxExpandDepth)
		}
	}
	preview, err = flag(q, "preview")
	return expand, depth, preview, err
}

// publish publishes or unpublishes a document of a collection with x-publish.
func (h *handlers) publish(on bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		opts, err := writeOptions(r)
		if err != nil {
			h.error(w, r, err)
			return
		}
		doc, err := h.svc.Publish(r.Context(), pathParam(r, "collection"), pathParam(r, "id"), on, opts)
		if err != nil {
			h.error(w, r, err)
			return
		}
		writeDocument(w, http.StatusOK, doc)
	}
}

// export streams every collection's schema and documents as NDJSON, as
// credence export writes them: for admins, from one consistent snapshot.
func (h *handlers) export(w http.ResponseWriter, r *http.Request) {
	if a, ok := documents.AuthFrom(r.Context()); ok && a.Role != documents.RoleAdmin {
		h.problem(w, r, http.StatusForbidden, "only admins export the store", nil)
		return
	}
	// A large store takes longer than a request usually may.
	_ = http.NewResponseController(w).SetWriteDeadline(time.Time{})
	w.Header().Set("Content-Type", "application/x-ndjson")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Disposition", `attachment; filename="credence-export.ndjson"`)
	cw := &countingWriter{w: w}
	if err := h.svc.WriteNDJSON(r.Context(), cw); err != nil {
		if cw.n == 0 {
			w.Header().Del("Content-Disposition")
			h.error(w, r, err)
			return
		}
		// The status is sent: abort the connection, so that the client
		// sees a broken stream rather than a short export that looks whole.
		h.log.Warn("export failed", "error", err.Error())
		panic(http.ErrAbortHandler)
	}
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// verifyAudit checks the audit log's chain for an admin: every entry
// linked to the one before, none removed or changed.
func (h *handlers) verifyAudit(w http.ResponseWriter, r *http.Request) {
	if a, ok := documents.AuthFrom(r.Context()); ok && a.Role != documents.RoleAdmin {
		h.problem(w, r, http.StatusForbidden, "only admins verify the audit log", nil)
		return
	}
	rep, err := h.svc.VerifyAudit(r.Context())
	if err != nil {
		h.error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(rep)
}
