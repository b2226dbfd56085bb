package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/credence/credence/documents"
)

// statusClientClosed is the status logged for a request its client
// abandoned before the answer (nginx's 499); no client reads it.
const statusClientClosed = 499

// problemType is the URI prefix of Credence's problem types; the suffix
// names the kind, so clients can switch on it.
const problemType = "urn:credence:problem:"

// statusOf maps each kind of documents.Error to its HTTP status: the one
// place where domain errors meet HTTP.
var statusOf = map[documents.Kind]int{
	documents.KindBadRequest:         http.StatusBadRequest,
	documents.KindNotFound:           http.StatusNotFound,
	documents.KindInvalid:            http.StatusUnprocessableEntity,
	documents.KindConflict:           http.StatusConflict,
	documents.KindPreconditionFailed: http.StatusPreconditionFailed,
	documents.KindNotModified:        http.StatusNotModified,
	documents.KindUnavailable:        http.StatusServiceUnavailable,
	documents.KindUnauthorized:       http.StatusUnauthorized,
	documents.KindForbidden:          http.StatusForbidden,
}

// slugOf names each status in the problem type URI.
var slugOf = map[int]string{
	http.StatusBadRequest:            "bad-request",
	http.StatusUnauthorized:          "unauthorized",
	http.StatusForbidden:             "forbidden",
	http.StatusTooManyRequests:       "too-many-requests",
	http.StatusNotFound:              "not-found",
	http.StatusMethodNotAllowed:      "method-not-allowed",
	http.StatusConflict:              "conflict",
	http.StatusPreconditionFailed:    "precondition-failed",
	http.StatusRequestEntityTooLarge: "too-large",
	http.StatusUnsupportedMediaType:  "unsupported-media-type",
	http.StatusUnprocessableEntity:   "invalid",
	http.StatusInternalServerError:   "internal",
	http.StatusServiceUnavailable:    "unavailable",
}

// error answers with the problem that err describes. Errors that are not
// the client's fault are logged and answered with a bare 500.
func (h *handlers) error(w http.ResponseWriter, r *http.Request, err error) {
	var de *documents.Error
	if !errors.As(err, &de) {
		if k := documents.KindOf(err); k != documents.KindInternal {
			de = &documents.Error{Kind: k, Message: err.Error()}
		}
	}
	status, ok := 0, false
	if de != nil {
		status, ok = statusOf[de.Kind]
	}
	if !ok && errors.Is(err, context.Canceled) && r.Context().Err() != nil {
		// The client has gone: nobody reads an answer, and nothing failed.
		h.log.InfoContext(r.Context(), "request abandoned by its client", "requestId", requestIDFrom(r.Context()), "method", r.Method, "path", r.URL.Path)
		w.WriteHeader(statusClientClosed)
		return
	}
	if !ok {
		h.log.ErrorContext(r.Context(), "request failed", "requestId", requestIDFrom(r.Context()), "method", r.Method, "path", r.URL.Path, "error", err)
		h.problem(w, r, http.StatusInternalServerError, "the server failed to answer; the request id is in the log", nil)
		return
	}
	if status == http.StatusServiceUnavailable {
		// The cause names database internals: it goes to the log only.
		h.log.WarnContext(r.Context(), "store unavailable", "requestId", requestIDFrom(r.Context()), "method", r.Method, "path", r.URL.Path, "error", err)
		w.Header().Set("Retry-After", "1")
		h.problem(w, r, status, "the store cannot be reached for now; try again shortly (a write answered so may or may not have been applied)", nil)
		return
	}
	if status == http.StatusNotModified {
		if tag, _ := de.Details["etag"].(string); tag != "" {
			w.Header().Set("ETag", tag)
		}
		w.WriteHeader(status)
		return
	}
	extra := make(map[string]any, len(de.Details)+1)
	for k, v := range de.Details {
		extra[k] = v
	}
	if len(de.Errors) > 0 {
		extra["errors"] = de.Errors
	}
	h.problem(w, r, status, de.Message, extra)
}

// problem writes an RFC 9457 problem document.
func (h *handlers) problem(w http.ResponseWriter, r *http.Request, status int, detail string, extra map[string]any) {
	p := make(map[string]any, len(extra)+6)
	for k, v := range extra {
		p[k] = v
	}
	slug := slugOf[status]
	if slug == "" {
		slug = "error"
	}
	p["type"] = problemType + slug
	p["title"] = http.StatusText(status)
	p["status"] = status
	p["detail"] = detail
	p["instance"] = r.URL.Path
	if id := requestIDFrom(r.Context()); id != "" {
		p["requestId"] = id
	}
	b, err := json.Marshal(p)
	if err != nil {
		b = []byte(`{"type":"` + problemType + `internal","title":"Internal Server Error","status":500}`)
		status = http.StatusInternalServerError
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	w.Write(b)
}

func (h *handlers) notFound(w http.ResponseWriter, r *http.Request) {
	if h.servePublic(w, r) {
		return
	}
	h.problem(w, r, http.StatusNotFound, "no route for "+r.URL.Path, nil)
}

// methodNotAllowed answers 405 with the Allow header that RFC 9110
// requires, listing the methods that routes has for the path.
func (h *handlers) methodNotAllowed(routes chi.Routes) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		path := r.URL.RawPath
		if path == "" {
			path = r.URL.Path
		}
		var allowed []string
		for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
			if routes.Match(chi.NewRouteContext(), m, path) {
				allowed = append(allowed, m)
			}
		}
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		h.problem(w, r, http.StatusMethodNotAllowed,
			fmt.Sprintf("%s is not allowed on %s; use %s", r.Method, r.URL.Path, strings.Join(allowed, " or ")), nil)
	}
}
