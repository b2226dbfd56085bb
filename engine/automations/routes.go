package automations

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/credence/credence/documents"
)

// Routes adds the operators' and the tracking routes:
//
//	POST /api/_messages/{id}/retry   queue a failed message, call or action again (admin)
//	GET  /track/{token}.gif          the open-tracking pixel of an e-mail (no key: the token is the proof)
func (r *Runner) Routes(router chi.Router) {
	router.Post("/api/_messages/{id}/retry", r.retryHandler)
	router.Post("/api/_automations/{id}/dryRun", r.dryRunHandler)
	router.Post("/api/_templates/{id}/preview", r.previewHandler)
	router.Get("/track/{token}", r.pixelHandler)
}

// Retry queues a failed message again, with a fresh series of attempts;
// for a failed action, it makes its job due again. A message that is not
// failed or queued is a conflict: it was sent.
func (r *Runner) Retry(ctx context.Context, id string) (*documents.Document, error) {
	d, err := r.svc.Get(ctx, MessagesCollection, id, documents.ReadOptions{})
	if err != nil {
		return nil, err
	}
	var m message
	if err := json.Unmarshal(d.JSON, &m); err != nil {
		return nil, err
	}
	if m.Status != StatusFailed && m.Status != StatusQueued {
		return nil, &documents.Error{Kind: documents.KindConflict, Message: "only a failed or queued message can be retried; this one is " + m.Status}
	}
	now := r.cfg.Now()
	if m.Channel == ChannelAction {
		owner := m.Automation
		if m.Webhook != "" {
			owner = "webhook:" + m.Webhook
		}
		j, err := r.getJob(ctx, jobKey(owner, m.Event))
		if err != nil {
			return nil, err
		}
		if j == nil {
			return nil, &documents.Error{Kind: documents.KindConflict, Message: "the action's job is no longer pending"}
		}
		j.Failed, j.Attempts, j.NotBefore, j.Message = false, 0, now, id
		if err := r.saveJob(ctx, *j); err != nil {
			return nil, err
		}
	}
	patch, _ := json.Marshal(map[string]any{"status": StatusQueued, "attempts": 0, "nextAttemptAt": stamp(now), "failedAt": nil})
	return r.svc.Patch(writer(ctx, "system"), MessagesCollection, id, patch, documents.WriteOptions{})
}

func (r *Runner) retryHandler(w http.ResponseWriter, req *http.Request) {
	if a, ok := documents.AuthFrom(req.Context()); ok && a.Role != documents.RoleAdmin {
		problem(w, req, http.StatusForbidden, "only an admin may retry a message")
		return
	}
	d, err := r.Retry(context.WithoutCancel(req.Context()), chi.URLParam(req, "id"))
	if err != nil {
		status := statusOf(err)
		var de *documents.Error
		msg := "the message cannot be retried now"
		if errors.As(err, &de) {
			msg = de.Message
		}
		problem(w, req, status, msg)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("ETag", d.ETag)
	w.WriteHeader(http.StatusAccepted)
	w.Write(d.JSON)
}

// problem answers with an RFC 9457 problem document.
// statusOf is the HTTP status of an error of the document service.
func statusOf(err error) int {
	switch documents.KindOf(err) {
	case documents.KindNotFound:
		return http.StatusNotFound
	case documents.KindConflict:
		return http.StatusConflict
	case documents.KindBadRequest:
		return http.StatusBadRequest
	case documents.KindInvalid:
		return http.StatusUnprocessableEntity
	case documents.KindForbidden:
		return http.StatusForbidden
	case documents.KindUnavailable:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

func problem(w http.ResponseWriter, req *http.Request, status int, detail string) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{
		"type": "about:blank", "title": http.StatusText(status), "status": status,
		"detail": detail, "instance": req.URL.Path,
	})
}

// transparentGIF is a 1x1 transparent GIF.
var transparentGIF = []byte{
	0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00,
	0xff, 0xff, 0xff, 0x21, 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00,
	0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b,
}

// token is the proof, in a pixel's URL, that the URL was made for message
// id: an HMAC of the id under a key kept in the store.
func (r *Runner) token(ctx context.Context, id string) (string, error) {
	key, err := r.trackingSecret(ctx)
	if err != nil {
		return "", err
	}
	h := hmac.New(sha256.New, key)
	h.Write([]byte(id))
	return base64.RawURLEncoding.EncodeToString([]byte(id)) + "." + base64.RawURLEncoding.EncodeToString(h.Sum(nil)[:18]), nil
}

// pixel is the image tag appended to an HTML e-mail.
func (r *Runner) pixel(ctx context.Context, id string) (string, error) {
	tok, err := r.token(ctx, id)
	if err != nil {
		return "", err
	}
	return `<img src="` + r.cfg.PublicURL + "/track/" + tok + `.gif" width="1" height="1" alt="">`, nil
}

// Opened records that the message of a pixel token was opened. It reports
// whether the token was genuine.
func (r *Runner) Opened(ctx context.Context, token string) (bool, error) {
	enc, _, _ := strings.Cut(token, ".")
	raw, err := base64.RawURLEncoding.DecodeString(enc)
	if err != nil || len(raw) == 0 {
		return false, nil
	}
	id := string(raw)
	want, err := r.token(ctx, id)
	if err != nil {
		return false, err
	}
	if !hmac.Equal([]byte(want), []byte(token)) {
		return false, nil
	}
	d, err := r.svc.Get(ctx, MessagesCollection, id, documents.ReadOptions{})
	if documents.KindOf(err) == documents.KindNotFound {
		return true, nil
	}
	if err != nil {
		return true, err
	}
	var m struct {
		Status   string   `json:"status"`
		OpenedAt string   `json:"openedAt"`
		DigestOf []string `json:"digestOf"`
	}
	if err := json.Unmarshal(d.JSON, &m); err != nil {
		return true, err
	}
	if m.OpenedAt != "" || (m.Status != StatusSent && m.Status != StatusDelivered) {
		return true, nil // counted once
	}
	now := stamp(r.cfg.Now())
	// Opened implies delivered.
	patch := map[string]any{"status": StatusOpened, "openedAt": now, "deliveredAt": now}
	for _, mid := range append([]string{id}, m.DigestOf...) {
		r.patchMessage(ctx, mid, patch)
	}
	return true, nil
}

func (r *Runner) pixelHandler(w http.ResponseWriter, req *http.Request) {
	token := strings.TrimSuffix(chi.URLParam(req, "token"), ".gif")
	if _, err := r.Opened(context.WithoutCancel(req.Context()), token); err != nil {
		r.log.Warn("automations: cannot record an open", "error", err.Error())
	}
	// The same image whatever the token: the pixel tells nothing.
	w.Header().Set("Content-Type", "image/gif")
	w.Header().Set("Cache-Control", "no-store, private")
	w.Write(transparentGIF)
}
