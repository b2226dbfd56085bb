package automations

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"slices"
	"strings"
	"time"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/expressions"
)

// maxLog bounds the attempts a _messages document keeps in its log.
const maxLog = 20

// message is a _messages document as delivery reads it.
type message struct {
	ID            string          `json:"id"`
	Channel       string          `json:"channel"`
	Status        string          `json:"status"`
	To            string          `json:"to"`
	Recipient     string          `json:"recipient"`
	Name          string          `json:"name"`
	Subject       string          `json:"subject"`
	Text          string          `json:"text"`
	HTML          string          `json:"html"`
	Template      string          `json:"template"`
	Webhook       string          `json:"webhook"`
	Event         string          `json:"event"`
	Automation    string          `json:"automation"`
	Payload       json.RawMessage `json:"payload"`
	Attempts      int             `json:"attempts"`
	Log           []attempt       `json:"log"`
	NextAttemptAt string          `json:"nextAttemptAt"`
	DigestKey     string          `json:"digestKey"`
	DigestOf      []string        `json:"digestOf"`
}

// attempt is one entry of a message's log.
type attempt struct {
	At    string `json:"at"`
	Code  int    `json:"code,omitempty"`
	Error string `json:"error,omitempty"`
	MS    int64  `json:"ms"`
}

// due reports whether a queued message's time has come.
func (m message) due(now time.Time) bool {
	t, ok := expressions.ParseTime(m.NextAttemptAt)
	return !ok || !t.After(now)
}

// deliver sends the queued messages whose time has come and returns how
// many it tried.
func (r *Runner) deliver(ctx context.Context) (int, error) {
	now := r.cfg.Now()
	var due []message
	cursor := ""
	for len(due) < r.cfg.BatchSize {
		page, err := r.svc.List(ctx, MessagesCollection, documents.ListOptions{
			Filter: `status == "queued"`, Limit: documents.MaxLimit, Cursor: cursor})
		if err != nil {
			return 0, err
		}
		for _, raw := range page.Items {
			var m message
			if err := json.Unmarshal(raw, &m); err != nil {
				return 0, fmt.Errorf("message: %w", err)
			}
			if m.due(now) {
				due = append(due, m)
			}
		}
		if page.Next == "" {
			break
		}
		cursor = page.Next
	}
	done := map[string]bool{}
	tried := 0
	for _, m := range due {
		if done[m.ID] {
			continue // merged into a digest sent already
		}
		if err := ctx.Err(); err != nil {
			return tried, err
		}
		if ok, err := r.renew(ctx); err != nil || !ok {
			return tried, err
		}
		if !r.leased() {
			return tried, nil
		}
		tried++
		switch m.Channel {
		case ChannelWebhook:
			r.call(ctx, m, now)
		case ChannelEmail, ChannelLog:
			group, err := r.digest(ctx, m)
			if err != nil {
				return tried, err
			}
			for _, g := range group {
				done[g.ID] = true
			}
			r.send(ctx, group, now)
		default:
			r.patchMessage(ctx, m.ID, map[string]any{"status": StatusFailed, "error": "unknown channel " + m.Channel, "failedAt": stamp(now)})
		}
	}
	return tried, nil
}

// digest returns the queued messages merged with m: those of its digest
// key, oldest first; m alone when it has none.
func (r *Runner) digest(ctx context.Context, m message) ([]message, error) {
	if m.DigestKey == "" {
		return []message{m}, nil
	}
	key, _ := json.Marshal(m.DigestKey)
	filter := fmt.Sprintf("digestKey == %s && status == %q", key, StatusQueued)
	var group []message
	cursor := ""
	for {
		page, err := r.svc.List(ctx, MessagesCollection, documents.ListOptions{Filter: filter, Limit: documents.MaxLimit, Cursor: cursor})
		if err != nil {
			return nil, err
		}
		for _, raw := range page.Items {
			var g message
			if err := json.Unmarshal(raw, &g); err != nil {
				return nil, err
			}
			group = append(group, g)
		}
		if page.Next == "" || len(group) >= 200 {
			break
		}
		cursor = page.Next
	}
	if !slices.ContainsFunc(group, func(g message) bool { return g.ID == m.ID }) {
		group = append(group, m)
	}
	slices.SortFunc(group, func(a, b message) int { return strings.Compare(a.ID, b.ID) })
	return group, nil
}

// send delivers a message, or the digest of a group, by e-mail or to the
// log, and records the outcome on every message of the group.
func (r *Runner) send(ctx context.Context, group []message, now time.Time) {
	m := group[0]
	out := Email{To: m.To, Subject: m.Subject, Text: m.Text, HTML: m.HTML, MessageID: m.ID}
	if len(group) > 1 {
		out = r.merge(ctx, group, now)
	}
	start := time.Now()
	var err error
	if m.Channel == ChannelLog {
		r.log.Info("message", "id", m.ID, "to", m.To, "recipient", m.Recipient, "subject", out.Subject, "text", out.Text, "merged", len(group))
	} else {
		if out.HTML != "" && r.cfg.PublicURL != "" {
			if pixel, perr := r.pixel(ctx, m.ID); perr == nil {
				out.HTML += pixel
			}
		}
		err = r.cfg.SMTP.send(ctx, out, now)
	}
	a := attempt{At: stamp(now), MS: time.Since(start).Milliseconds()}
	if err != nil {
		a.Error = truncate(err.Error(), 500)
	}
	for i, g := range group {
		patch := r.outcome(g, a, err, now)
		if err == nil {
			if m.Channel == ChannelLog {
				patch["status"], patch["deliveredAt"] = StatusDelivered, stamp(now)
			}
			if len(group) > 1 {
				if i == 0 {
					ids := make([]string, 0, len(group)-1)
					for _, o := range group[1:] {
						ids = append(ids, o.ID)
					}
					patch["digestOf"] = ids
				} else {
					patch["mergedInto"] = m.ID
				}
			}
		}
		r.patchMessage(ctx, g.ID, patch)
	}
}

// outcome is the patch that records an attempt on a message: sent, or
// queued again after a backoff, or failed after MaxAttempts or at once
// when the egress policy refused the call: it would refuse it again. An
// operator who allows the target retries it.
func (r *Runner) outcome(m message, a attempt, err error, now time.Time) map[string]any {
	log := append(m.Log, a)
	if len(log) > maxLog {
		log = log[len(log)-maxLog:]
	}
	patch := map[string]any{"attempts": m.Attempts + 1, "log": log}
	switch {
	case err == nil:
		patch["status"], patch["sentAt"], patch["error"] = StatusSent, stamp(now), nil
	case m.Attempts+1 >= r.cfg.MaxAttempts || errors.As(err, new(*RefusedError)):
		patch["status"], patch["failedAt"], patch["error"] = StatusFailed, stamp(now), a.Error
	default:
		patch["error"] = a.Error
		patch["nextAttemptAt"] = stamp(now.Add(r.cfg.Backoff.Delay(m.Attempts + 1)))
	}
	return patch
}

// merge makes one e-mail of the messages of a digest.
func (r *Runner) merge(ctx context.Context, group []message, now time.Time) Email {
	first := group[0]
	out := Email{To: first.To, MessageID: first.ID}
	out.Subject = fmt.Sprintf("%s (and %d more)", first.Subject, len(group)-1)
	if first.Template != "" {
		if t, err := r.template(ctx, first.Template); err == nil {
			data := TemplateData{Recipient: map[string]any{"email": first.To, "name": first.Name, "subject": first.Recipient}, Now: now}
			if s, err := t.DigestSubject(data, len(group)); err == nil && s != "" {
				out.Subject = s
			}
		}
	}
	var text, htm bytes.Buffer
	anyHTML := false
	for i, g := range group {
		if i > 0 {
			text.WriteString("\n\n----\n\n")
			htm.WriteString("\n<hr>\n")
		}
		body := g.Text
		if body == "" {
			body = g.Subject
		}
		text.WriteString(strings.TrimSpace(body))
		if g.HTML != "" {
			anyHTML = true
			htm.WriteString(g.HTML)
		} else {
			htm.WriteString("<pre>" + html.EscapeString(strings.TrimSpace(body)) + "</pre>")
		}
	}
	out.Text = text.String() + "\n"
	if anyHTML {
		out.HTML = htm.String()
	}
	return out
}

// call makes one attempt at a webhook call and records it.
func (r *Runner) call(ctx context.Context, m message, now time.Time) {
	start := time.Now()
	code, err := r.callOnce(ctx, m, now)
	a := attempt{At: stamp(now), Code: code, MS: time.Since(start).Milliseconds()}
	if err != nil {
		a.Error = truncate(err.Error(), 500)
		r.log.Warn("automations: webhook call failed", "message", m.ID, "webhook", m.Webhook, "attempt", m.Attempts+1, "error", a.Error)
	}
	patch := r.outcome(m, a, err, now)
	if err == nil {
		patch["status"], patch["deliveredAt"] = StatusDelivered, stamp(now)
	}
	r.patchMessage(ctx, m.ID, patch)
}

func (r *Runner) callOnce(ctx context.Context, m message, now time.Time) (int, error) {
	d, err := r.svc.Get(ctx, WebhooksCollection, m.Webhook, documents.ReadOptions{})
	if err != nil {
		return 0, fmt.Errorf("webhook %s: %w", m.Webhook, err)
	}
	var hook struct {
		URL     string `json:"url"`
		Enabled *bool  `json:"enabled"`
	}
	if err := json.Unmarshal(d.JSON, &hook); err != nil {
		return 0, err
	}
	secret, err := r.svc.Secret(ctx, WebhooksCollection, m.Webhook, "secret")
	if err != nil {
		return 0, fmt.Errorf("webhook %s: %w", m.Webhook, err)
	}
	if hook.Enabled != nil && !*hook.Enabled {
		return 0, fmt.Errorf("webhook %s is disabled", m.Webhook)
	}
	body := []byte(m.Payload)
	if len(body) == 0 {
		body = []byte("null")
	}
	event := m.Automation
	if event == "" {
		if parts := strings.Split(m.Event, "/"); len(parts) == 4 {
			event = parts[0] + "." + parts[3]
		}
	}
	return post(ctx, r.hooks, hook.URL, secret, m.ID, event, body, now)
}
