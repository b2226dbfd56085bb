package automations

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"

	"github.com/credence/credence/documents"
)

// The system collections of automations.
const (
	AutomationsCollection = "_automations"
	TemplatesCollection   = "_templates"
	WebhooksCollection    = "_webhooks"
	MessagesCollection    = "_messages"
)

// Message statuses.
const (
	StatusQueued    = "queued"
	StatusSent      = "sent"
	StatusDelivered = "delivered"
	StatusFailed    = "failed"
	StatusOpened    = "opened"
)

// SystemCollections returns the collections to pass to documents.New in
// Options.System: their schemas, and the checks that refuse an automation
// whose formulas do not compile, a template that does not parse, and a
// webhook whose URL is not http(s) or whose host egress refuses (give the
// runner the same policy in Config.Egress).
func SystemCollections(egress Egress) []documents.SystemCollection {
	c := newCompiler()
	return []documents.SystemCollection{
		{Name: AutomationsCollection, Schema: json.RawMessage(automationsSchema),
			Check: func(_ context.Context, doc map[string]any) error {
				_, err := c.automation(doc)
				return err
			}},
		{Name: TemplatesCollection, Schema: json.RawMessage(templatesSchema),
			Check: func(_ context.Context, doc map[string]any) error {
				_, err := ParseTemplate(doc)
				return err
			}},
		{Name: WebhooksCollection, Schema: json.RawMessage(webhooksSchema),
			Check: func(_ context.Context, doc map[string]any) error {
				return checkWebhook(egress, doc)
			}},
		{Name: MessagesCollection, Schema: json.RawMessage(messagesSchema)},
	}
}

func checkWebhook(egress Egress, doc map[string]any) error {
	var p problems
	raw, _ := doc["url"].(string)
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		// An empty host name (http://:8080/) would dial this machine.
		p.add("/url", "must be an http or https URL with a host")
	} else if err := egress.CheckHost(u.Hostname()); err != nil {
		p.add("/url", "%v", err)
	}
	if evs, ok := doc["events"].([]any); ok {
		for i, e := range evs {
			if _, _, err := parseSubscription(fmt.Sprint(e)); err != nil {
				p.add(fmt.Sprintf("/events/%d", i), "%v", err)
			}
		}
	}
	return p.err("the webhook")
}

const automationsSchema = `{
  "type": "object",
  "title": "Automations",
  "description": "What happens when documents change or time passes: on (the events of a collection, or a schedule), when (a formula), do (actions run in order).",
  "properties": {
    "name": {"type": "string", "maxLength": 200},
    "description": {"type": "string", "maxLength": 4000},
    "enabled": {"type": "boolean", "description": "false pauses the automation; true when absent"},
    "on": {
      "type": "object",
      "properties": {
        "collection": {"type": "string", "minLength": 1, "maxLength": 64},
        "events": {"type": "array", "items": {"enum": ["created", "updated", "deleted"]}, "minItems": 1, "uniqueItems": true},
        "every": {"type": "string", "description": "a schedule: 15m, 1h, 1d", "maxLength": 32},
        "where": {"type": "string", "description": "a formula selecting the documents a schedule considers", "maxLength": 16384},
        "date": {"type": "string", "description": "the date field the offsets count from", "maxLength": 64},
        "offsets": {"type": "array", "items": {"type": "integer"}, "description": "days before the date (negative: after) to fire at, once each", "maxItems": 64},
        "repeat": {"type": "boolean", "description": "a schedule without offsets fires on every tick, not once per revision"}
      },
      "required": ["collection"],
      "additionalProperties": false
    },
    "when": {"type": "string", "description": "a formula over doc, old and now that must hold", "maxLength": 16384},
    "do": {
      "type": "array",
      "maxItems": 32,
      "items": {
        "type": "object",
        "minProperties": 1,
        "maxProperties": 1,
        "properties": {
          "create": {"type": "object", "properties": {
            "collection": {"type": "string"}, "id": {"type": "string"}, "fields": {"type": "object"},
            "each": {"type": "string", "description": "a formula giving a list of documents to create, each an object with its fields (and id)"}},
            "required": ["collection"], "additionalProperties": false},
          "update": {"type": "object", "properties": {
            "collection": {"type": "string"}, "id": {"type": "string"}, "fields": {"type": "object"},
            "each": {"type": "string", "description": "a formula giving a list of merge patches, each an object with the id of the document it patches"}},
            "required": ["collection"], "additionalProperties": false},
          "message": {"type": "object", "properties": {
            "template": {"type": "string"}, "to": {"type": "string"}, "channel": {"enum": ["email", "log"]},
            "digest": {"type": "string"}, "expand": {"type": "array", "items": {"type": "string"}},
            "broadcast": {"type": "object", "properties": {"collection": {"type": "string"}, "where": {"type": "string"}},
              "required": ["collection"], "additionalProperties": false}},
            "required": ["template", "to"], "additionalProperties": false},
          "webhook": {"type": "object", "properties": {
            "endpoint": {"type": "string"}, "payload": {"type": "string"}},
            "required": ["endpoint"], "additionalProperties": false},
          "issue": {"type": "object", "properties": {
            "source": {"type": "string"}, "credential": {"type": "string"}},
            "required": ["source", "credential"], "additionalProperties": false},
          "credentialStatus": {"type": "object", "properties": {
            "source": {"type": "string"}, "status": {"type": "string"}},
            "required": ["source", "status"], "additionalProperties": false}
        },
        "additionalProperties": false
      }
    }
  },
  "required": ["on"],
  "additionalProperties": false
}`

const templatesSchema = `{
  "type": "object",
  "title": "Message templates",
  "description": "Go templates over the document ({{.doc.title}}), its expanded references and the recipient ({{.recipient.name}}).",
  "properties": {
    "name": {"type": "string", "maxLength": 200},
    "subject": {"type": "string", "maxLength": 2000},
    "text": {"type": "string", "maxLength": 262144},
    "html": {"type": "string", "maxLength": 262144},
    "digestSubject": {"type": "string", "maxLength": 2000, "description": "the subject of a digest; {{.count}} is the number of messages merged"}
  },
  "required": ["subject"],
  "additionalProperties": false
}`

const webhooksSchema = `{
  "type": "object",
  "title": "Webhooks",
  "description": "Endpoints called with a JSON POST signed with HMAC-SHA256 (header Credence-Signature: t=<unix>,v1=<hex of HMAC(secret, t + '.' + body)>).",
  "properties": {
    "name": {"type": "string", "maxLength": 200},
    "url": {"type": "string", "format": "uri", "maxLength": 2048},
    "secret": {"type": "string", "minLength": 16, "maxLength": 256, "x-secret": true, "description": "the signing key: written, never returned (_secrets lists it once set); a replace without it keeps it"},
    "events": {"type": "array", "items": {"type": "string", "maxLength": 128}, "maxItems": 100,
      "description": "events delivered without an automation: collection.created, collection.updated, collection.deleted, collection.* or *"},
    "enabled": {"type": "boolean"}
  },
  "required": ["url", "secret"],
  "additionalProperties": false
}`

const messagesSchema = `{
  "type": "object",
  "title": "Messages",
  "description": "One document per message, webhook call or failed action: its status (queued, sent, delivered, opened, failed), attempts and errors. Recipients read their own.",
  "x-access": {
    "list": "auth.role in ['admin', 'editor'] || (auth.subject != '' && doc.recipient == auth.subject)",
    "read": "auth.role in ['admin', 'editor'] || (auth.subject != '' && doc.recipient == auth.subject)",
    "create": "auth.role == 'admin'",
    "update": "auth.role == 'admin'",
    "delete": "auth.role == 'admin'"
  },
  "properties": {
    "channel": {"type": "string", "enum": ["email", "log", "webhook", "action"], "x-index": true},
    "status": {"type": "string", "enum": ["queued", "sent", "delivered", "opened", "failed"], "x-index": true},
    "to": {"type": "string", "maxLength": 2048, "description": "the address: an e-mail address or a webhook URL"},
    "recipient": {"type": "string", "maxLength": 200, "x-index": true, "description": "who the message is for: the subject of their key"},
    "name": {"type": "string", "maxLength": 200},
    "subject": {"type": "string"},
    "text": {"type": "string"},
    "html": {"type": "string"},
    "payload": {},
    "template": {"type": "string"},
    "webhook": {"type": "string"},
    "event": {"type": "string", "description": "the event: collection/id/rev/op, or the schedule's"},
    "automation": {"type": "string", "x-index": true},
    "action": {"type": "integer"},
    "document": {"type": "string", "description": "collection/id of the document the message is about"},
    "attempts": {"type": "integer", "minimum": 0},
    "error": {"type": "string"},
    "log": {"type": "array", "items": {"type": "object", "properties": {
      "at": {"type": "string", "format": "date-time"}, "code": {"type": "integer"},
      "error": {"type": "string"}, "ms": {"type": "integer"}}}},
    "sendAfter": {"type": "string", "format": "date-time"},
    "nextAttemptAt": {"type": "string", "format": "date-time", "x-index": true},
    "sentAt": {"type": "string", "format": "date-time"},
    "deliveredAt": {"type": "string", "format": "date-time"},
    "openedAt": {"type": "string", "format": "date-time"},
    "failedAt": {"type": "string", "format": "date-time"},
    "digestKey": {"type": "string", "x-index": true},
    "digestOf": {"type": "array", "items": {"type": "string"}},
    "mergedInto": {"type": "string"}
  },
  "required": ["channel", "status"],
  "additionalProperties": false
}`
