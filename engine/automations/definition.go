package automations

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/expressions"
)

// The events an automation can fire on.
const (
	EventCreated = "created"
	EventUpdated = "updated"
	EventDeleted = "deleted"
)

// The channels a message goes through.
const (
	ChannelEmail   = "email"
	ChannelLog     = "log"
	ChannelWebhook = "webhook"
	// ChannelAction is the channel of the _messages document that records
	// an automation action (create, update) that failed for good.
	ChannelAction = "action"
)

// minEvery is the shortest schedule interval: a schedule reads its whole
// collection on every tick.
const minEvery = time.Minute

// Automation is a compiled _automations document.
type Automation struct {
	ID      string
	Enabled bool
	On      Trigger
	// When must hold for the automation to fire; nil always holds.
	When *expressions.Program
	Do   []Action
	// Rev is the revision of the document it was compiled from.
	Rev int64
}

// Trigger is what an automation fires on: the events of a collection, or
// a schedule over its documents when Every is set.
type Trigger struct {
	Collection string
	Events     []string
	// Every is the interval of a scheduled automation; 0 for events.
	Every time.Duration
	// Where selects the documents a schedule considers; nil selects all.
	Where *expressions.Program
	// Date is the date field the Offsets count from.
	Date string
	// Offsets are days before Date (negative: after) at which a scheduled
	// automation fires, once each per document and date.
	Offsets []int
	// Repeat makes a schedule without offsets fire on every tick; without
	// it, it fires once per revision of a document.
	Repeat bool
}

// Scheduled reports whether the automation runs on a schedule.
func (t Trigger) Scheduled() bool { return t.Every > 0 }

// fires reports whether an event of op on collection triggers t.
func (t Trigger) fires(collection, op string) bool {
	return !t.Scheduled() && t.Collection == collection && slices.Contains(t.Events, op)
}

// Action kinds.
const (
	ActionCreate  = "create"
	ActionUpdate  = "update"
	ActionMessage = "message"
	ActionWebhook = "webhook"
	// ActionIssue issues a verifiable credential; ActionCredentialStatus
	// changes its status (active, suspended, revoked).
	ActionIssue            = "issue"
	ActionCredentialStatus = "credentialStatus"
)

// Action is one step of an automation.
type Action struct {
	Kind string
	// Collection is where create writes and update finds its target.
	Collection string
	// ID is the id formula of the document created (optional) or updated.
	ID *expressions.Program
	// Fields are the fields written, each a formula or a constant.
	Fields []Field
	// Each, instead of ID and Fields, gives a list of objects: each one
	// document to create (its fields, and its id if it has one) or one
	// merge patch (with the id of the document it patches).
	Each *expressions.Program

	// Template names the _templates document of a message.
	Template string
	// To gives the recipients: an e-mail address, an object with email,
	// name and subject, or a list of either.
	To      *expressions.Program
	Channel string
	// Digest merges the messages to one recipient inside this window.
	Digest time.Duration
	// Expand lists the references of the document a template sees
	// resolved.
	Expand []string
	// Broadcast sends the message once for every document it selects.
	Broadcast *Broadcast

	// Endpoint names the _webhooks document a webhook action calls.
	Endpoint string
	// Payload computes the JSON body; nil sends the event.
	Payload *expressions.Program

	// Source gives the id a verifiable credential is issued for (issue,
	// credentialStatus); Credential the object it is issued from; Status
	// the status it takes.
	Source, Credential, Status *expressions.Program
}

// Field is one field an action writes.
type Field struct {
	Name string
	// Formula computes the value; when nil, Value is the constant.
	Formula *expressions.Program
	Value   any
}

// Broadcast selects the documents a message goes to.
type Broadcast struct {
	Collection string
	Where      *expressions.Program
}

// compiler compiles formulas through a cache, so that the formulas of a
// definition reloaded unchanged are not compiled again.
type compiler struct{ cache *expressions.Cache }

func newCompiler() *compiler {
	return &compiler{cache: expressions.NewCache(expressions.DefaultCacheSize)}
}

// problems gathers the field errors of a definition.
type problems []documents.FieldError

func (p *problems) add(path, format string, args ...any) {
	*p = append(*p, documents.FieldError{Path: path, Message: fmt.Sprintf(format, args...)})
}

// err returns the problems as the 422 the document service answers with.
func (p problems) err(what string) error {
	if len(p) == 0 {
		return nil
	}
	slices.SortStableFunc(p, func(a, b documents.FieldError) int { return strings.Compare(a.Path, b.Path) })
	return &documents.Error{Kind: documents.KindInvalid, Message: what + " does not hold", Errors: p}
}

// formula compiles the formula at path of m, when present.
func (c *compiler) formula(p *problems, path string, v any, mode expressions.Mode) *expressions.Program {
	src, ok := v.(string)
	if !ok {
		p.add(path, "must be a formula (text)")
		return nil
	}
	prog, err := c.cache.Compile(src, expressions.Options{Mode: mode})
	if err != nil {
		p.add(path, "%s", formulaMessage(err))
		return nil
	}
	return prog
}

// formulaMessage is a compile error on one line: the message, then the
// line and column.
func formulaMessage(err error) string {
	if fe, ok := err.(*expressions.Error); ok && fe.Line > 0 {
		return fmt.Sprintf("%s (line %d, column %d)", fe.Message, fe.Line, fe.Column)
	}
	return err.Error()
}

// ParseAutomation compiles an _automations document. It returns a 422
// *documents.Error listing every problem by JSON Pointer.
func ParseAutomation(doc map[string]any) (*Automation, error) {
	return newCompiler().automation(doc)
}

func (c *compiler) automation(doc map[string]any) (*Automation, error) {
	var p problems
	a := &Automation{Enabled: true}
	a.ID, _ = doc["id"].(string)
	a.Rev, _ = toInt(doc["_rev"])
	if v, ok := doc["enabled"]; ok {
		b, isBool := v.(bool)
		if !isBool {
			p.add("/enabled", "must be true or false")
		}
		a.Enabled = b
	}
	on, ok := doc["on"].(map[string]any)
	if !ok {
		p.add("/on", "is required: an object with collection and events, or collection and every")
	} else {
		a.On = c.trigger(&p, on)
	}
	if w, ok := doc["when"]; ok && w != nil {
		a.When = c.formula(&p, "/when", w, expressions.Bool)
	}
	if raw, ok := doc["do"]; ok && raw != nil {
		list, ok := raw.([]any)
		if !ok {
			p.add("/do", "must be a list of actions")
		}
		for i, item := range list {
			a.Do = append(a.Do, c.action(&p, fmt.Sprintf("/do/%d", i), item))
		}
	}
	if err := p.err("the automation"); err != nil {
		return nil, err
	}
	return a, nil
}

func (c *compiler) trigger(p *problems, on map[string]any) Trigger {
	var t Trigger
	t.Collection, _ = on["collection"].(string)
	if t.Collection == "" {
		p.add("/on/collection", "is required: the collection the automation watches")
	}
	every, scheduled := on["every"]
	_, hasEvents := on["events"]
	switch {
	case scheduled && hasEvents:
		p.add("/on", "has either events or every, not both")
	case !scheduled && !hasEvents:
		p.add("/on", "needs events (created, updated, deleted) or every (a schedule such as \"1h\")")
	}
	if hasEvents {
		list, _ := on["events"].([]any)
		if len(list) == 0 {
			p.add("/on/events", "must list at least one of created, updated, deleted")
		}
		for i, e := range list {
			s, _ := e.(string)
			if s != EventCreated && s != EventUpdated && s != EventDeleted {
				p.add(fmt.Sprintf("/on/events/%d", i), "must be created, updated or deleted")
				continue
			}
			t.Events = append(t.Events, s)
		}
	}
	if scheduled {
		s, _ := every.(string)
		d, err := ParseInterval(s)
		switch {
		case err != nil:
			p.add("/on/every", "%v", err)
		case d < minEvery:
			p.add("/on/every", "must be at least %v", minEvery)
		}
		t.Every = d
		if w, ok := on["where"]; ok && w != nil {
			t.Where = c.formula(p, "/on/where", w, expressions.Bool)
		}
		t.Date, _ = on["date"].(string)
		if offs, ok := on["offsets"]; ok {
			list, _ := offs.([]any)
			if t.Date == "" {
				p.add("/on/date", "is required with offsets: the date field the days count from")
			}
			seen := map[int64]bool{}
			for i, o := range list {
				n, ok := toInt(o)
				if !ok || n < -3650 || n > 3650 {
					p.add(fmt.Sprintf("/on/offsets/%d", i), "must be a whole number of days between -3650 and 3650")
					continue
				}
				if seen[n] {
					p.add(fmt.Sprintf("/on/offsets/%d", i), "repeats the offset %d", n)
					continue
				}
				seen[n] = true
				t.Offsets = append(t.Offsets, int(n))
			}
			if len(list) == 0 {
				p.add("/on/offsets", "must list at least one number of days")
			}
		} else if t.Date != "" {
			p.add("/on/offsets", "is required with date: the days before the date to fire at")
		}
		t.Repeat, _ = on["repeat"].(bool)
		if t.Repeat && len(t.Offsets) > 0 {
			p.add("/on/repeat", "cannot go with offsets: each offset fires once")
		}
		// Latest first: the offsets are visited from the furthest date.
		slices.SortFunc(t.Offsets, func(a, b int) int { return b - a })
	} else {
		for _, k := range []string{"where", "date", "offsets", "repeat"} {
			if _, ok := on[k]; ok {
				p.add("/on/"+k, "applies only to a schedule (with every)")
			}
		}
	}
	return t
}

func (c *compiler) action(p *problems, path string, item any) Action {
	m, ok := item.(map[string]any)
	if !ok || len(m) != 1 {
		p.add(path, "must be an object with one of create, update, message, webhook")
		return Action{}
	}
	var kind string
	var body map[string]any
	for k, v := range m {
		kind = k
		body, _ = v.(map[string]any)
	}
	path += "/" + kind
	a := Action{Kind: kind}
	if body == nil {
		p.add(path, "must be an object")
		return a
	}
	switch kind {
	case ActionCreate, ActionUpdate:
		a.Collection, _ = body["collection"].(string)
		if a.Collection == "" {
			p.add(path+"/collection", "is required")
		}
		fields, _ := body["fields"].(map[string]any)
		if v, ok := body["each"]; ok {
			a.Each = c.formula(p, path+"/each", v, expressions.Value)
			if a.Each != nil {
				switch a.Each.Kind() {
				case reflect.Slice, reflect.Interface:
				default:
					p.add(path+"/each", "must give a list of objects (or nil), not %s", kindName(a.Each.Kind()))
				}
			}
			for _, k := range []string{"id", "fields"} {
				if _, ok := body[k]; ok {
					p.add(path+"/"+k, "goes with each only inside its items: each gives the documents whole")
				}
			}
			break
		}
		if v, ok := body["id"]; ok {
			a.ID = c.formula(p, path+"/id", v, expressions.Value)
		} else if kind == ActionUpdate {
			p.add(path+"/id", "is required: a formula giving the id of the document to update (or each, for several)")
		}
		if len(fields) == 0 && kind == ActionUpdate {
			p.add(path+"/fields", "is required: the fields to set, each a formula")
		}
		for _, name := range sortedKeys(fields) {
			fp := path + "/fields/" + escapePointer(name)
			if strings.HasPrefix(name, "_") {
				p.add(fp, "meta fields (starting with _) cannot be written")
				continue
			}
			f := Field{Name: name}
			if src, ok := fields[name].(string); ok {
				f.Formula = c.formula(p, fp, src, expressions.Value)
			} else {
				f.Value = fields[name]
			}
			a.Fields = append(a.Fields, f)
		}
	case ActionMessage:
		a.Template, _ = body["template"].(string)
		if a.Template == "" {
			p.add(path+"/template", "is required: the id of a _templates document")
		}
		if v, ok := body["to"]; ok {
			a.To = c.formula(p, path+"/to", v, expressions.Value)
		} else {
			p.add(path+"/to", "is required: a formula giving the recipient")
		}
		a.Channel, _ = body["channel"].(string)
		switch a.Channel {
		case "":
			a.Channel = ChannelEmail
		case ChannelEmail, ChannelLog:
		default:
			p.add(path+"/channel", "must be email or log")
		}
		if v, ok := body["digest"]; ok {
			s, _ := v.(string)
			d, err := ParseInterval(s)
			if err != nil {
				p.add(path+"/digest", "%v", err)
			}
			a.Digest = d
		}
		if v, ok := body["expand"].([]any); ok {
			for i, e := range v {
				s, ok := e.(string)
				if !ok || s == "" {
					p.add(fmt.Sprintf("%s/expand/%d", path, i), "must be a reference field")
					continue
				}
				a.Expand = append(a.Expand, s)
			}
		}
		if v, ok := body["broadcast"]; ok {
			b, _ := v.(map[string]any)
			coll, _ := b["collection"].(string)
			if coll == "" {
				p.add(path+"/broadcast/collection", "is required: the collection whose documents receive the message")
			}
			bc := &Broadcast{Collection: coll}
			if w, ok := b["where"]; ok && w != nil {
				bc.Where = c.formula(p, path+"/broadcast/where", w, expressions.Bool)
			}
			a.Broadcast = bc
		}
	case ActionWebhook:
		a.Endpoint, _ = body["endpoint"].(string)
		if a.Endpoint == "" {
			p.add(path+"/endpoint", "is required: the id of a _webhooks document")
		}
		if v, ok := body["payload"]; ok && v != nil {
			a.Payload = c.formula(p, path+"/payload", v, expressions.Value)
		}
	case ActionIssue, ActionCredentialStatus:
		if v, ok := body["source"]; ok {
			a.Source = c.formula(p, path+"/source", v, expressions.Value)
		} else {
			p.add(path+"/source", "is required: a formula giving the id of the document the credential is about")
		}
		field, what := "credential", "a formula giving the credential's data: issuer, achievement, email, validFrom, validUntil, supersedes"
		if kind == ActionCredentialStatus {
			field, what = "status", "a formula giving active, suspended or revoked"
		}
		if v, ok := body[field]; ok {
			prog := c.formula(p, path+"/"+field, v, expressions.Value)
			if kind == ActionIssue {
				a.Credential = prog
			} else {
				a.Status = prog
			}
		} else {
			p.add(path+"/"+field, "is required: %s", what)
		}
	default:
		p.add(path, "is not an action: use create, update, message, webhook, issue or credentialStatus")
	}
	return a
}

// ParseInterval reads a duration such as "90s", "15m", "1h", "1h30m" or,
// beyond Go's units, "1d" and "7d" (days of 24 hours).
func ParseInterval(s string) (time.Duration, error) {
	if s == "" {
		return 0, fmt.Errorf("must be a duration such as \"1h\" or \"1d\"")
	}
	if n, ok := strings.CutSuffix(s, "d"); ok {
		days, err := strconv.Atoi(n)
		if err != nil || days <= 0 || days > 3650 {
			return 0, fmt.Errorf("must be a duration such as \"1h\" or \"1d\", not %q", s)
		}
		return time.Duration(days) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("must be a duration such as \"1h\" or \"1d\", not %q", s)
	}
	return d, nil
}

// toInt reads a whole number from a decoded JSON value.
func toInt(v any) (int64, bool) {
	switch n := v.(type) {
	case json.Number:
		i, err := n.Int64()
		return i, err == nil
	case float64:
		if n != math.Trunc(n) || math.Abs(n) > 1<<53 {
			return 0, false
		}
		return int64(n), true
	case int:
		return int64(n), true
	case int64:
		return n, true
	}
	return 0, false
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// escapePointer escapes a name as one JSON Pointer token (RFC 6901).
func escapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// kindName names a formula's static kind for a message.
func kindName(k reflect.Kind) string {
	switch k {
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Float64:
		return "a number"
	case reflect.String:
		return "text"
	case reflect.Map:
		return "an object"
	case reflect.Struct:
		return "a date"
	}
	return k.String()
}
