// Package automations runs the automations of a Credence program: the
// documents of the system collections _automations, _templates, _webhooks
// and _messages, turned into effects.
//
// An automation is data. It fires on the events of a collection (created,
// updated, deleted) or on a schedule (every hour, with reminders a number of
// days before a date field), when its formula holds, and runs its actions in
// order: create or update a document with fields computed by formulas, send
// a message rendered from a template (e-mail or log), or call a webhook.
//
// Runner is the worker. One runner at a time does the work, whatever the
// number of nodes: it holds a lease in the store. It reads the document
// service's outbox, records the work each event calls for (a job) in the
// store, then acknowledges the events; a job runs its actions in order, each
// with an idempotency key made of the automation, the event and the action,
// so that an action redone after a crash or a retry has no second effect.
// Messages and webhook calls are _messages documents, queued, then delivered
// with retries and backoff; their status, attempts and errors are there for
// operators to read and retry.
//
// SystemCollections gives the document service the schemas and the save-time
// checks of the four collections: an automation whose formulas do not
// compile, a template that does not parse, or a webhook whose URL points
// inside the server's network, is refused when saved.
//
// Egress is the policy of webhook targets: internal addresses (loopback,
// private, link-local and cloud metadata, and the other reserved ranges)
// are refused when a webhook is saved and again, after DNS resolution, on
// every connection a call makes, unless an operator allows them. A refused
// call fails at once, recorded in _messages; a redirect is not followed.
package automations
