package automations

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"

	"github.com/credence/credence/documents"
)

// Message is a message another part of Credence sends through the
// message path (identity's codes and links): rendered from the
// _templates document Template when there is one, else from the default
// Subject and Text (Go templates over the same data), to one recipient.
type Message struct {
	Template      string
	Subject, Text string
	// Channel is email (the default) or log.
	Channel string
	// Email, Name and Recipient (the subject it is for) address it.
	Email, Name, Recipient string
	// Data is the template's .doc.
	Data map[string]any
}

// Send queues a message: a _messages document delivered as any other.
func (r *Runner) Send(ctx context.Context, m Message) error {
	tmpl, err := r.template(ctx, m.Template)
	if documents.KindOf(err) == documents.KindNotFound {
		tmpl, err = ParseTemplate(map[string]any{"id": m.Template, "subject": m.Subject, "text": m.Text})
	}
	if err != nil {
		return fmt.Errorf("send %s: %w", m.Template, err)
	}
	channel := m.Channel
	if channel == "" {
		channel = ChannelEmail
	}
	now := r.cfg.Now()
	rc := recipient{Email: m.Email, Name: m.Name, Subject: m.Recipient}
	if rc.Subject == "" {
		rc.Subject = rc.Email
	}
	out, err := tmpl.Render(TemplateData{Doc: m.Data, Recipient: rc.asMap(), Now: now})
	if err != nil {
		return fmt.Errorf("send %s: %w", m.Template, err)
	}
	nonce := make([]byte, 8)
	rand.Read(nonce)
	body := map[string]any{
		"id": fmt.Sprintf("msg-%013d-000000-%s", now.UnixMilli(), hex.EncodeToString(nonce)), "channel": channel,
		"status": StatusQueued, "to": rc.Email, "recipient": rc.Subject, "subject": out.Subject, "text": out.Text,
		"html": out.HTML, "template": m.Template, "attempts": 0, "nextAttemptAt": stamp(now),
	}
	if rc.Name != "" {
		body["name"] = rc.Name
	}
	_, err = r.create(ctx, MessagesCollection, body, "")
	return err
}
