package automations

import (
	"bytes"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"strings"
	texttemplate "text/template"
	"time"

	"github.com/credence/credence/expressions"
)

// maxRendered bounds what one template renders, in bytes.
const maxRendered = 1 << 20

// Template is a compiled _templates document: a subject and a text body
// (text/template) and an HTML body (html/template, which escapes what it
// inserts). Each sees the document, its expanded references and the
// recipient.
type Template struct {
	ID      string
	subject *texttemplate.Template
	text    *texttemplate.Template
	html    *htmltemplate.Template
	// digestSubject, when set, is the subject of a digest that merges
	// messages from this template.
	digestSubject *texttemplate.Template
}

// TemplateData is what a template sees: {{.doc.title}}, {{.recipient.name}}.
type TemplateData struct {
	// Doc is the document the message is about, with its references
	// expanded as the action asks.
	Doc map[string]any `json:"doc"`
	// Old is the document before the event, or nil.
	Old map[string]any `json:"old"`
	// Trigger is the document of the event that fired a broadcast.
	Trigger map[string]any `json:"trigger"`
	// Recipient is the recipient: email, name and subject.
	Recipient map[string]any `json:"recipient"`
	// Automation is the id of the automation.
	Automation string `json:"automation"`
	// Now is the time of the run.
	Now time.Time `json:"now"`
	// Offset is the days before the date of a reminder, or nil.
	Offset *int `json:"offset"`
}

// templateFuncs are the functions a template may call, besides Go's.
func templateFuncs() map[string]any {
	return map[string]any{
		// date formats a date (a time, or RFC 3339 or YYYY-MM-DD text) with
		// a Go layout: {{date "2 January 2006" .doc.expiresAt}}.
		"date": func(layout string, v any) (string, error) {
			t, err := asTime(v)
			if err != nil {
				return "", err
			}
			return t.UTC().Format(layout), nil
		},
		// daysBetween counts whole days from a to b.
		"daysBetween": func(a, b any) (int, error) {
			ta, err := asTime(a)
			if err != nil {
				return 0, err
			}
			tb, err := asTime(b)
			if err != nil {
				return 0, err
			}
			return int(tb.Sub(ta) / (24 * time.Hour)), nil
		},
		"upper": strings.ToUpper,
		"lower": strings.ToLower,
		"title": func(s string) string {
			if s == "" {
				return s
			}
			return strings.ToUpper(s[:1]) + s[1:]
		},
		// default gives def when v is empty: {{default "learner" .recipient.name}}.
		"default": func(def, v any) any {
			if v == nil || v == "" {
				return def
			}
			return v
		},
	}
}

func asTime(v any) (time.Time, error) {
	switch t := v.(type) {
	case time.Time:
		return t, nil
	case string:
		if tt, ok := expressions.ParseTime(t); ok {
			return tt, nil
		}
	}
	return time.Time{}, fmt.Errorf("%v is not a date", v)
}

// ParseTemplate compiles a _templates document. It returns a 422
// *documents.Error naming the field that does not parse.
func ParseTemplate(doc map[string]any) (*Template, error) {
	var p problems
	t := &Template{}
	t.ID, _ = doc["id"].(string)
	text := func(field string, required bool) *texttemplate.Template {
		src, ok := doc[field].(string)
		if !ok {
			if required {
				p.add("/"+field, "is required")
			}
			return nil
		}
		tt, err := texttemplate.New(field).Option("missingkey=zero").Funcs(templateFuncs()).Parse(src)
		if err != nil {
			p.add("/"+field, "does not parse: %s", templateError(err))
			return nil
		}
		return tt
	}
	t.subject = text("subject", true)
	t.text = text("text", false)
	t.digestSubject = text("digestSubject", false)
	if src, ok := doc["html"].(string); ok {
		ht, err := htmltemplate.New("html").Option("missingkey=zero").Funcs(templateFuncs()).Parse(src)
		if err != nil {
			p.add("/html", "does not parse: %s", templateError(err))
		}
		t.html = ht
	}
	if _, hasText := doc["text"]; !hasText && t.html == nil {
		if _, hasHTML := doc["html"]; !hasHTML {
			p.add("/text", "is required when there is no html body")
		}
	}
	if err := p.err("the template"); err != nil {
		return nil, err
	}
	return t, nil
}

// templateError drops the template name Go puts before the position.
func templateError(err error) string {
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, "template: "); ok {
		return rest
	}
	return msg
}

// Rendered is a message as a template renders it.
type Rendered struct {
	Subject string `json:"subject"`
	Text    string `json:"text"`
	HTML    string `json:"html"`
}

// Render executes the template over data.
func (t *Template) Render(data TemplateData) (Rendered, error) {
	m := data.asMap()
	var r Rendered
	var err error
	if r.Subject, err = runText(t.subject, m); err != nil {
		return r, err
	}
	r.Subject = strings.Join(strings.Fields(r.Subject), " ") // a subject is one line
	if t.text != nil {
		if r.Text, err = runText(t.text, m); err != nil {
			return r, err
		}
	}
	if t.html != nil {
		w := &limitedBuffer{}
		if err := t.html.Execute(w, m); err != nil {
			return r, fmt.Errorf("html: %s", templateError(err))
		}
		r.HTML = w.String()
	}
	return r, nil
}

// DigestSubject renders the subject of a digest of n messages.
func (t *Template) DigestSubject(data TemplateData, n int) (string, error) {
	if t.digestSubject == nil {
		return "", nil
	}
	m := data.asMap()
	m["count"] = n
	s, err := runText(t.digestSubject, m)
	return strings.Join(strings.Fields(s), " "), err
}

func (d TemplateData) asMap() map[string]any {
	return map[string]any{
		"doc": d.Doc, "old": d.Old, "trigger": d.Trigger, "recipient": d.Recipient,
		"automation": d.Automation, "now": d.Now, "offset": offset(d.Offset),
	}
}

func offset(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func runText(t *texttemplate.Template, data any) (string, error) {
	w := &limitedBuffer{}
	if err := t.Execute(w, data); err != nil {
		return "", fmt.Errorf("%s", templateError(err))
	}
	return w.String(), nil
}

var errTooLarge = errors.New("the template renders more than 1 MiB")

// limitedBuffer refuses to grow past maxRendered, so a template looping
// over a large list fails instead of exhausting memory.
type limitedBuffer struct{ bytes.Buffer }

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > maxRendered {
		return 0, errTooLarge
	}
	return b.Buffer.Write(p)
}
