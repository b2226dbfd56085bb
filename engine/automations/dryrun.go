package automations

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/expressions"
)

// DryRun is what an automation would do for a stored document, computed
// as it would be and written nowhere.
type DryRun struct {
	Automation string `json:"automation"`
	Collection string `json:"collection"`
	Document   string `json:"document"`
	Event      string `json:"event"`
	// Fires says whether the automation would fire, and Reason why not.
	Fires  bool        `json:"fires"`
	Reason string      `json:"reason,omitempty"`
	Due    []string    `json:"due,omitempty"` // a reminder schedule's dates for this document
	Do     []DryAction `json:"do"`
}

// DryAction is one action of a dry run.
type DryAction struct {
	Kind       string         `json:"kind"`
	Collection string         `json:"collection,omitempty"`
	ID         string         `json:"id,omitempty"`
	Fields     map[string]any `json:"fields,omitempty"`
	Items      any            `json:"items,omitempty"`
	Messages   []Rendered     `json:"messages,omitempty"`
	To         []string       `json:"to,omitempty"`
	Endpoint   string         `json:"endpoint,omitempty"`
	Payload    any            `json:"payload,omitempty"`
	Source     string         `json:"source,omitempty"`
	Error      string         `json:"error,omitempty"`
}

// maxPreviewed bounds the messages a dry run renders per action.
const maxPreviewed = 10

// DryRun computes what automation (the stored one of that id, or def when
// given, an unsaved draft) would do on event ("created", "updated",
// "deleted", or "schedule") of the document docID of its collection: the
// document's revision before the last is its old. Nothing is written,
// queued or sent.
func (r *Runner) DryRun(ctx context.Context, id string, def map[string]any, docID, event string) (*DryRun, error) {
	if def == nil {
		d, err := r.svc.Get(ctx, AutomationsCollection, id, documents.ReadOptions{})
		if err != nil {
			return nil, err
		}
		if def, err = decode(d.JSON); err != nil {
			return nil, err
		}
	}
	a, err := ParseAutomation(def)
	if err != nil {
		return nil, err
	}
	if event == "" {
		event = documents.OpUpdated
		if a.On.Scheduled() {
			event = "schedule"
		}
	}
	out := &DryRun{Automation: id, Collection: a.On.Collection, Document: docID, Event: event, Do: []DryAction{}}
	doc, err := r.svc.Get(ctx, a.On.Collection, docID, documents.ReadOptions{Preview: true})
	if err != nil {
		return nil, err
	}
	var oldRaw []byte
	if event == documents.OpUpdated && doc.Rev > 1 {
		if rs, ok := r.svc.(interface {
			Revision(ctx context.Context, coll, id string, rev int64) (*documents.Document, error)
		}); ok {
			if o, err := rs.Revision(ctx, a.On.Collection, docID, doc.Rev-1); err == nil {
				oldRaw = o.JSON
			}
		}
	}
	d, err := decode(doc.JSON)
	if err != nil {
		return nil, err
	}
	o, err := decode(oldRaw)
	if err != nil {
		return nil, err
	}
	dv, ov := formulaDoc(r.svc, a.On.Collection, d), formulaDoc(r.svc, a.On.Collection, o)
	now := r.cfg.Now()
	switch {
	case !a.Enabled:
		out.Reason = "the automation is not enabled"
	case a.On.Scheduled() && event != "schedule":
		out.Reason = "the automation runs on a schedule, not on events"
	case !a.On.Scheduled() && !a.On.fires(a.On.Collection, event):
		out.Reason = fmt.Sprintf("it fires on %v, not on %s", a.On.Events, event)
	}
	if out.Reason == "" && a.On.Scheduled() {
		ok, err := r.holds(ctx, a.On.Where, dv, nil, now)
		switch {
		case err != nil:
			out.Reason = "where fails: " + err.Error()
		case !ok:
			out.Reason = "where does not hold for this document"
		}
		if a.On.Date != "" {
			if t, ok := dv[a.On.Date].(time.Time); ok {
				for _, off := range a.On.Offsets {
					out.Due = append(out.Due, stamp(t.AddDate(0, 0, -off)))
				}
			}
		}
	}
	if out.Reason == "" {
		ok, err := r.holds(ctx, a.When, dv, ov, now)
		switch {
		case err != nil:
			out.Reason = "when fails: " + err.Error()
		case !ok:
			out.Reason = "when does not hold"
		}
	}
	out.Fires = out.Reason == ""
	for _, act := range a.Do {
		out.Do = append(out.Do, r.dryAction(ctx, act, doc, dv, ov, now))
	}
	return out, nil
}

// dryAction computes one action as act would, without its effect.
func (r *Runner) dryAction(ctx context.Context, act Action, doc *documents.Document, dv, ov map[string]any, now time.Time) DryAction {
	out := DryAction{Kind: act.Kind, Collection: act.Collection, Endpoint: act.Endpoint}
	fail := func(err error) DryAction { out.Error = err.Error(); return out }
	if act.Each != nil {
		v, err := r.run(ctx, act.Each, dv, ov, now, "")
		if err != nil {
			return fail(fmt.Errorf("each: %w", err))
		}
		items, err := expressions.ToJSON(v)
		if err != nil {
			return fail(err)
		}
		out.Items = items
		return out
	}
	switch act.Kind {
	case ActionCreate, ActionUpdate:
		if act.ID != nil {
			id, err := r.text(ctx, act.ID, dv, ov, now, "id")
			if err != nil {
				return fail(err)
			}
			out.ID = id
		}
		fields, err := r.fields(ctx, act, dv, ov, now, "dry-run")
		if err != nil {
			return fail(err)
		}
		out.Fields = fields
	case ActionMessage:
		if act.Broadcast != nil {
			out.Collection = act.Broadcast.Collection
		}
		v, err := r.run(ctx, act.To, dv, ov, now, "")
		if err != nil {
			return fail(fmt.Errorf("to: %w", err))
		}
		rcs, err := recipients(v)
		if err != nil {
			return fail(err)
		}
		tmpl, err := r.template(ctx, act.Template)
		if err != nil {
			return fail(err)
		}
		for i, rc := range rcs {
			out.To = append(out.To, rc.Email)
			if i >= maxPreviewed {
				continue
			}
			m, err := tmpl.Render(TemplateData{Doc: templateDoc(doc.JSON), Old: nil, Recipient: rc.asMap(), Now: now})
			if err != nil {
				return fail(fmt.Errorf("template %s: %w", act.Template, err))
			}
			out.Messages = append(out.Messages, m)
		}
	case ActionWebhook:
		if act.Payload != nil {
			v, err := r.run(ctx, act.Payload, dv, ov, now, "")
			if err != nil {
				return fail(fmt.Errorf("payload: %w", err))
			}
			p, err := expressions.ToJSON(v)
			if err != nil {
				return fail(err)
			}
			out.Payload = p
		}
	case ActionIssue, ActionCredentialStatus:
		s, err := r.text(ctx, act.Source, dv, ov, now, "source")
		if err != nil {
			return fail(err)
		}
		out.Source = s
	}
	return out
}

// Preview renders the template id (or def, an unsaved draft) for the
// stored document docID of coll, to a sample recipient.
func (r *Runner) Preview(ctx context.Context, id string, def map[string]any, coll, docID string) (*Rendered, error) {
	if def == nil {
		d, err := r.svc.Get(ctx, TemplatesCollection, id, documents.ReadOptions{})
		if err != nil {
			return nil, err
		}
		if def, err = decode(d.JSON); err != nil {
			return nil, err
		}
	}
	tmpl, err := ParseTemplate(def)
	if err != nil {
		return nil, err
	}
	var doc map[string]any
	if coll != "" && docID != "" {
		d, err := r.svc.Get(ctx, coll, docID, documents.ReadOptions{Preview: true})
		if err != nil {
			return nil, err
		}
		doc = templateDoc(d.JSON)
	}
	out, err := tmpl.Render(TemplateData{Doc: doc, Recipient: map[string]any{"email": "preview@example.org", "name": "Preview Reader", "subject": ""},
		Automation: "preview", Now: r.cfg.Now()})
	if err != nil {
		return nil, &documents.Error{Kind: documents.KindInvalid, Message: "the template does not render: " + err.Error()}
	}
	return &out, nil
}

// previewRequest is the body of the dry run and preview routes.
type previewRequest struct {
	Document   string         `json:"document"`
	Collection string         `json:"collection"`
	Event      string         `json:"event"`
	Draft      map[string]any `json:"draft"`
}

// staff reports whether the caller may try automations and templates:
// admins (and internal callers). Their formulas read as the worker reads,
// every collection, so a draft is no editor's: it could read the message
// log's codes.
func staff(ctx context.Context) bool {
	a, ok := documents.AuthFrom(ctx)
	return !ok || a.Role == documents.RoleAdmin
}

func (r *Runner) dryRunHandler(w http.ResponseWriter, req *http.Request) {
	r.serveTry(w, req, func(ctx context.Context, p previewRequest) (any, error) {
		if p.Document == "" {
			return nil, &documents.Error{Kind: documents.KindBadRequest, Message: "document: the id of a stored document of the automation's collection is needed"}
		}
		return r.DryRun(ctx, chi.URLParam(req, "id"), p.Draft, p.Document, p.Event)
	})
}

func (r *Runner) previewHandler(w http.ResponseWriter, req *http.Request) {
	r.serveTry(w, req, func(ctx context.Context, p previewRequest) (any, error) {
		return r.Preview(ctx, chi.URLParam(req, "id"), p.Draft, p.Collection, p.Document)
	})
}

// serveTry reads the request, runs fn for staff and answers JSON, or a
// problem.
func (r *Runner) serveTry(w http.ResponseWriter, req *http.Request, fn func(context.Context, previewRequest) (any, error)) {
	if !staff(req.Context()) {
		problem(w, req, http.StatusForbidden, "only admins try automations and templates: their formulas read every collection")
		return
	}
	var p previewRequest
	if err := json.NewDecoder(io.LimitReader(req.Body, 1<<20)).Decode(&p); err != nil && !errors.Is(err, io.EOF) {
		problem(w, req, http.StatusBadRequest, "the body is not the JSON object expected: "+err.Error())
		return
	}
	res, err := fn(req.Context(), p)
	if err != nil {
		status := statusOf(err)
		msg := "the try failed"
		var de *documents.Error
		if errors.As(err, &de) {
			msg = de.Message
			if len(de.Errors) > 0 {
				msg += ": " + de.Errors[0].Path + " " + de.Errors[0].Message
			}
		} else if status != http.StatusInternalServerError {
			msg = err.Error()
		}
		problem(w, req, status, msg)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(res)
}
