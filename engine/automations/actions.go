package automations

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/expressions"
)

// act runs action i of a for job j. Its effect carries the idempotency key
// of (automation, event, action): done twice, it is done once.
func (r *Runner) act(ctx context.Context, a *Automation, i int, j job, now time.Time) error {
	act := a.Do[i]
	key := idempotencyKey(a.ID, j.Event, strconv.Itoa(i))
	d, err := decode(j.Doc)
	if err != nil {
		return err
	}
	o, err := decode(j.Old)
	if err != nil {
		return err
	}
	dv, ov := formulaDoc(r.svc, j.Collection, d), formulaDoc(r.svc, j.Collection, o)
	wctx := writer(ctx, a.ID)
	if act.Each != nil {
		return r.actEach(ctx, wctx, act, dv, ov, now, key)
	}
	switch act.Kind {
	case ActionCreate:
		fields, err := r.fields(ctx, act, dv, ov, now, key)
		if err != nil {
			return err
		}
		if act.ID != nil {
			id, err := r.text(ctx, act.ID, dv, ov, now, "id")
			if err != nil {
				return err
			}
			fields["id"] = id
		}
		b, err := json.Marshal(fields)
		if err != nil {
			return err
		}
		_, err = r.svc.Create(wctx, act.Collection, b, documents.WriteOptions{IdempotencyKey: key})
		if act.ID != nil && documents.KindOf(err) == documents.KindConflict {
			// The document with that id exists: the effect is there
			// already (an award given once per learner, say).
			return nil
		}
		return err
	case ActionUpdate:
		id, err := r.text(ctx, act.ID, dv, ov, now, "id")
		if err != nil {
			return err
		}
		fields, err := r.fields(ctx, act, dv, ov, now, key)
		if err != nil {
			return err
		}
		b, err := json.Marshal(fields)
		if err != nil {
			return err
		}
		_, err = r.svc.Patch(wctx, act.Collection, id, b, documents.WriteOptions{IdempotencyKey: key})
		return err
	case ActionMessage:
		return r.message(ctx, a, i, j, dv, ov, now, key)
	case ActionWebhook:
		return r.queueWebhook(ctx, a, i, j, dv, ov, now, key)
	case ActionIssue, ActionCredentialStatus:
		if r.cfg.Credentials == nil {
			return fmt.Errorf("%s: this server issues no credentials (no issuer secret)", act.Kind)
		}
		source, err := r.text(ctx, act.Source, dv, ov, now, "source")
		if err != nil {
			return err
		}
		if act.Kind == ActionCredentialStatus {
			status, err := r.text(ctx, act.Status, dv, ov, now, "status")
			if err != nil {
				return err
			}
			return r.cfg.Credentials.SetStatusNamed(ctx, source, status)
		}
		v, err := r.run(ctx, act.Credential, dv, ov, now, "")
		if err != nil {
			return fmt.Errorf("credential: %w", err)
		}
		j, err := expressions.ToJSON(v)
		if err != nil {
			return fmt.Errorf("credential: %w", err)
		}
		fields, ok := j.(map[string]any)
		if !ok {
			return fmt.Errorf("credential: the formula gives %T, not an object", j)
		}
		return r.cfg.Credentials.IssueFields(ctx, source, fields)
	}
	return fmt.Errorf("unknown action %q", act.Kind)
}

// MaxEach bounds the documents one create or update action with each
// writes: more is an error, recorded as the action's failure.
const MaxEach = 1000

// actEach runs a create or update action over the list its each formula
// gives: one document created, or one merge patch applied, per item. An
// item's effect carries the action's key and the item's id (its position
// when it has none), so a retried job does each item once even when the
// list it gets is not the same (the items done have left a filter). An id
// the list repeats keys its later items by how often it came before: each
// is a patch of its own.
func (r *Runner) actEach(ctx, wctx context.Context, act Action, doc, old map[string]any, now time.Time, key string) error {
	v, err := r.run(ctx, act.Each, doc, old, now, key+"/each")
	if err != nil {
		return fmt.Errorf("each: %w", err)
	}
	j, err := expressions.ToJSON(v)
	if err != nil {
		return fmt.Errorf("each: %w", err)
	}
	var items []any
	switch list := j.(type) {
	case nil:
		return nil
	case []any:
		items = list
	default:
		return fmt.Errorf("each: the formula gives %T, not a list of objects", j)
	}
	if len(items) > MaxEach {
		return fmt.Errorf("each: the formula gives %d items; at most %d", len(items), MaxEach)
	}
	// Every item is checked before any is written: a list with a bad item
	// fails the action without doing part of it.
	type target struct {
		id     string // "" for a create without an id
		fields map[string]any
		key    string
	}
	targets := make([]target, len(items))
	seen := map[string]int{}
	for n, item := range items {
		fields, ok := item.(map[string]any)
		if !ok {
			return fmt.Errorf("each: item %d is %T, not an object", n, item)
		}
		for name := range fields {
			if strings.HasPrefix(name, "_") {
				return fmt.Errorf("each: item %d: meta fields (starting with _) cannot be written: %s", n, name)
			}
		}
		id, hasID := fields["id"].(string)
		if _, given := fields["id"]; given && (!hasID || id == "") {
			return fmt.Errorf("each: item %d: id must be non-empty text", n)
		}
		if !hasID && act.Kind == ActionUpdate {
			return fmt.Errorf("each: item %d has no id: an update names the document it patches", n)
		}
		targets[n] = target{id: id, fields: fields, key: idempotencyKey(key, "item", strconv.Itoa(n))}
		switch k := seen[id]; {
		case hasID && k == 0:
			targets[n].key = idempotencyKey(key, "id", id)
		case hasID:
			targets[n].key = idempotencyKey(key, "id", id, strconv.Itoa(k))
		}
		seen[id]++
	}
	for n, tg := range targets {
		opts := documents.WriteOptions{IdempotencyKey: tg.key}
		switch act.Kind {
		case ActionCreate:
			b, err := json.Marshal(tg.fields)
			if err != nil {
				return err
			}
			_, err = r.svc.Create(wctx, act.Collection, b, opts)
			if tg.id != "" && documents.KindOf(err) == documents.KindConflict {
				continue // created already
			}
			if err != nil {
				return fmt.Errorf("each: item %d: %w", n, err)
			}
		case ActionUpdate:
			delete(tg.fields, "id")
			b, err := json.Marshal(tg.fields)
			if err != nil {
				return err
			}
			if _, err := r.svc.Patch(wctx, act.Collection, tg.id, b, opts); err != nil {
				return fmt.Errorf("each: item %d (%s): %w", n, tg.id, err)
			}
		}
	}
	return nil
}

// fields computes the fields an action writes.
func (r *Runner) fields(ctx context.Context, act Action, doc, old map[string]any, now time.Time, seed string) (map[string]any, error) {
	out := make(map[string]any, len(act.Fields)+1)
	for _, f := range act.Fields {
		if f.Formula == nil {
			out[f.Name] = f.Value
			continue
		}
		v, err := r.run(ctx, f.Formula, doc, old, now, seed+"/"+f.Name)
		if err != nil {
			return nil, fmt.Errorf("field %s: %w", f.Name, err)
		}
		if out[f.Name], err = expressions.ToJSON(v); err != nil {
			return nil, fmt.Errorf("field %s: %w", f.Name, err)
		}
	}
	return out, nil
}

// text runs a formula that must give text (an id).
func (r *Runner) text(ctx context.Context, p *expressions.Program, doc, old map[string]any, now time.Time, what string) (string, error) {
	v, err := r.run(ctx, p, doc, old, now, "")
	if err != nil {
		return "", fmt.Errorf("%s: %w", what, err)
	}
	switch s := v.(type) {
	case string:
		if s == "" {
			return "", fmt.Errorf("%s: the formula gives empty text", what)
		}
		return s, nil
	case int:
		return strconv.Itoa(s), nil
	}
	return "", fmt.Errorf("%s: the formula gives %T, not text", what, v)
}

// recipient is one recipient of a message.
type recipient struct {
	Email   string
	Name    string
	Subject string
}

func (rc recipient) asMap() map[string]any {
	return map[string]any{"email": rc.Email, "name": rc.Name, "subject": rc.Subject}
}

// recipients reads what a to formula gives: an address, an object with
// email, name and subject, or a list of either; nil or empty is nobody.
func recipients(v any) ([]recipient, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case string:
		if x == "" {
			return nil, nil
		}
		return []recipient{{Email: x, Subject: x}}, nil
	case map[string]any:
		rc := recipient{}
		rc.Email, _ = x["email"].(string)
		rc.Name, _ = x["name"].(string)
		rc.Subject, _ = x["subject"].(string)
		if s, ok := x["id"].(string); ok && rc.Subject == "" {
			rc.Subject = s
		}
		if rc.Email == "" && rc.Subject == "" {
			return nil, nil
		}
		if rc.Subject == "" {
			rc.Subject = rc.Email
		}
		return []recipient{rc}, nil
	case []any:
		var out []recipient
		for _, item := range x {
			rs, err := recipients(item)
			if err != nil {
				return nil, err
			}
			out = append(out, rs...)
		}
		return out, nil
	case []map[string]any:
		var out []recipient
		for _, item := range x {
			rs, _ := recipients(item)
			out = append(out, rs...)
		}
		return out, nil
	}
	return nil, fmt.Errorf("to: the formula gives %T; give an address, an object with email and name, or a list", v)
}

// target is a document a message is about.
type target struct {
	id   string
	raw  []byte
	val  map[string]any
	old  map[string]any
	coll string
}

// message queues the messages of a message action: one per target
// document (the event's, or each a broadcast selects) and recipient, each
// a _messages document whose id is its idempotency key.
func (r *Runner) message(ctx context.Context, a *Automation, i int, j job, dv, ov map[string]any, now time.Time, key string) error {
	act := a.Do[i]
	tmpl, err := r.template(ctx, act.Template)
	if err != nil {
		return err
	}
	targets := []target{{id: j.DocID, raw: j.Doc, val: dv, old: ov, coll: j.Collection}}
	var trigger map[string]any
	if act.Broadcast != nil {
		if targets, err = r.selectDocs(ctx, act.Broadcast, now); err != nil {
			return fmt.Errorf("broadcast: %w", err)
		}
		trigger = templateDoc(j.Doc)
	}
	for _, t := range targets {
		v, err := r.run(ctx, act.To, t.val, t.old, now, "")
		if err != nil {
			return fmt.Errorf("to: %w", err)
		}
		rcs, err := recipients(v)
		if err != nil {
			return err
		}
		if len(rcs) == 0 {
			continue
		}
		tdoc := templateDoc(t.raw)
		if len(act.Expand) > 0 && j.Op != documents.OpDeleted {
			d, err := r.svc.Get(ctx, t.coll, t.id, documents.ReadOptions{Expand: act.Expand})
			if err != nil && documents.KindOf(err) != documents.KindNotFound {
				return fmt.Errorf("expand: %w", err)
			}
			if err == nil {
				tdoc = templateDoc(d.JSON)
			}
		}
		for _, rc := range rcs {
			if act.Channel == ChannelEmail && !strings.Contains(rc.Email, "@") {
				return fmt.Errorf("to: %q is not an e-mail address", rc.Email)
			}
			id := j.messageID("msg", key, t.id, rc.Email, rc.Subject)
			data := TemplateData{Doc: tdoc, Old: templateDoc(j.Old), Trigger: trigger, Recipient: rc.asMap(), Automation: a.ID, Now: now}
			if j.Offset != nil {
				data.Offset = j.Offset
			}
			out, err := tmpl.Render(data)
			if err != nil {
				return fmt.Errorf("template %s: %w", act.Template, err)
			}
			body := map[string]any{
				"id": id, "channel": act.Channel, "status": StatusQueued, "to": rc.Email, "recipient": rc.Subject,
				"subject": out.Subject, "text": out.Text, "html": out.HTML, "template": act.Template,
				"automation": a.ID, "action": i, "event": j.Event, "document": t.coll + "/" + t.id,
				"attempts": 0, "nextAttemptAt": stamp(now),
			}
			if rc.Name != "" {
				body["name"] = rc.Name
			}
			if act.Digest > 0 {
				start := now.Truncate(act.Digest)
				send := start.Add(act.Digest)
				body["digestKey"] = "digest-" + idempotencyKey(act.Channel, rc.Email, rc.Subject, start.UTC().Format(time.RFC3339Nano), act.Digest.String())
				body["sendAfter"], body["nextAttemptAt"] = stamp(send), stamp(send)
			}
			if _, err := r.create(ctx, MessagesCollection, body, ""); err != nil && documents.KindOf(err) != documents.KindConflict {
				return fmt.Errorf("queue message: %w", err)
			}
		}
	}
	return nil
}

// templateDoc is a document as templates see it: numbers as numbers,
// dates as text (the date function formats them).
func templateDoc(raw []byte) map[string]any {
	m, err := decode(raw)
	if err != nil || m == nil {
		return nil
	}
	v, _ := expressions.FromJSON(m).(map[string]any)
	return v
}

// template reads and compiles a _templates document.
func (r *Runner) template(ctx context.Context, id string) (*Template, error) {
	d, err := r.svc.Get(ctx, TemplatesCollection, id, documents.ReadOptions{})
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", id, err)
	}
	m, err := decode(d.JSON)
	if err != nil {
		return nil, err
	}
	return ParseTemplate(m)
}

// selectDocs returns the documents of a broadcast.
func (r *Runner) selectDocs(ctx context.Context, b *Broadcast, now time.Time) ([]target, error) {
	var out []target
	err := r.each(ctx, b.Collection, func(raw []byte) error {
		m, err := decode(raw)
		if err != nil {
			return err
		}
		v := formulaDoc(r.svc, b.Collection, m)
		ok, err := r.holds(ctx, b.Where, v, nil, now)
		if err != nil {
			return fmt.Errorf("where on %v: %w", m["id"], err)
		}
		if ok {
			id, _ := m["id"].(string)
			out = append(out, target{id: id, raw: raw, val: v, coll: b.Collection})
		}
		return nil
	})
	return out, err
}

// queueWebhook queues the call of a webhook action.
func (r *Runner) queueWebhook(ctx context.Context, a *Automation, i int, j job, dv, ov map[string]any, now time.Time, key string) error {
	act := a.Do[i]
	var payload any
	if act.Payload != nil {
		v, err := r.run(ctx, act.Payload, dv, ov, now, key)
		if err != nil {
			return fmt.Errorf("payload: %w", err)
		}
		if payload, err = expressions.ToJSON(v); err != nil {
			return fmt.Errorf("payload: %w", err)
		}
	} else {
		payload = eventPayload(j)
	}
	return r.queueCall(ctx, act.Endpoint, j.messageID("hook", key), map[string]any{
		"automation": a.ID, "action": i, "event": j.Event, "document": j.Collection + "/" + j.DocID,
	}, payload, now)
}

// queueSubscription queues the call of a webhook subscribed to an event.
func (r *Runner) queueSubscription(ctx context.Context, j job, now time.Time) error {
	return r.queueCall(ctx, j.Webhook, j.messageID("hook", j.Key), map[string]any{
		"event": j.Event, "document": j.Collection + "/" + j.DocID,
	}, eventPayload(j), now)
}

// eventPayload is the body of a call about an event.
func eventPayload(j job) map[string]any {
	p := map[string]any{"event": j.Collection + "." + j.Op, "collection": j.Collection, "id": j.DocID, "at": stamp(j.At)}
	if j.Op != documents.OpDeleted {
		p["doc"] = json.RawMessage(j.Doc)
	}
	if len(j.Old) > 0 {
		p["old"] = json.RawMessage(j.Old)
	} else if j.Op == documents.OpDeleted {
		p["old"] = json.RawMessage(j.Doc)
	}
	if j.Automation != "" {
		p["automation"] = j.Automation
	}
	return p
}

// queueCall writes the _messages document of a webhook call.
func (r *Runner) queueCall(ctx context.Context, endpoint, id string, extra map[string]any, payload any, now time.Time) error {
	d, err := r.svc.Get(ctx, WebhooksCollection, endpoint, documents.ReadOptions{})
	if err != nil {
		return fmt.Errorf("webhook %s: %w", endpoint, err)
	}
	hook, err := decode(d.JSON)
	if err != nil {
		return err
	}
	url, _ := hook["url"].(string)
	body := map[string]any{
		"id": id, "channel": ChannelWebhook, "status": StatusQueued, "webhook": endpoint, "to": url,
		"payload": payload, "attempts": 0, "nextAttemptAt": stamp(now),
	}
	for k, v := range extra {
		body[k] = v
	}
	if _, err := r.create(ctx, MessagesCollection, body, ""); err != nil && documents.KindOf(err) != documents.KindConflict {
		return fmt.Errorf("queue webhook call: %w", err)
	}
	return nil
}
