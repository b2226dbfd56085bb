package automations_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine/automations"
)

const enrollmentsSchema = `{"type": "object", "properties": {
  "learner": {"type": "string"}, "course": {"type": "string"},
  "status": {"enum": ["enrolled", "in_progress", "completed", "suspended"]}}, "required": ["learner", "status"]}`

const certificationsSchema = `{"type": "object", "properties": {
  "learner": {"type": "string"}, "course": {"type": "string"},
  "issuedAt": {"type": "string", "format": "date-time"},
  "expiresAt": {"type": "string", "format": "date-time"},
  "status": {"enum": ["active", "suspended", "lapsed"]}}}`

// certifyOnCompletion awards a certification when an enrollment becomes
// completed: 3D Systems' "Certified: Product" course, as data.
const certifyOnCompletion = `{
  "name": "Certify on completion",
  "on": {"collection": "enrollments", "events": ["updated"]},
  "when": "doc.status == \"completed\" && old.status != \"completed\"",
  "do": [{"create": {"collection": "certifications", "fields": {
    "learner": "doc.learner", "course": "doc.course", "issuedAt": "now",
    "expiresAt": "addMonths(now, 12)", "status": "\"active\""}}}]
}`

func (e *env) certificationSetup() {
	e.put("_schemas", "enrollments", enrollmentsSchema)
	e.put("_schemas", "certifications", certificationsSchema)
	e.put("_automations", "certify", certifyOnCompletion)
}

func TestAutomationCreatesADocumentWhenItsConditionHolds(t *testing.T) {
	e := newEnv(t)
	e.certificationSetup()
	e.put("enrollments", "e1", `{"learner": "ada", "course": "printing-101", "status": "enrolled"}`)
	e.runOnce()
	assert.Empty(t, e.list("certifications", ""), "created, not updated: nothing fires")

	e.patch("enrollments", "e1", `{"status": "in_progress"}`)
	e.runOnce()
	assert.Empty(t, e.list("certifications", ""), "the condition does not hold")

	e.patch("enrollments", "e1", `{"status": "completed"}`)
	e.runOnce()
	certs := e.list("certifications", "")
	require.Len(t, certs, 1)
	assert.Equal(t, "ada", certs[0]["learner"])
	assert.Equal(t, "printing-101", certs[0]["course"])
	assert.Equal(t, "2026-11-24T09:00:00.000Z", certs[0]["issuedAt"])
	assert.Equal(t, "2027-11-24T09:00:00.000Z", certs[0]["expiresAt"])
	assert.Equal(t, "automation:certify", certs[0]["_createdBy"], "the audit names the automation")

	// Later passes and unrelated updates change nothing.
	e.patch("enrollments", "e1", `{"course": "printing-101"}`)
	e.runOnce()
	e.runOnce()
	assert.Len(t, e.list("certifications", ""), 1)
}

// crashing is the document service with a fault: a crash (the context of
// the pass cancelled) right after a chosen call.
type crashing struct {
	*documents.Service
	cancel   context.CancelFunc
	afterAck bool // crash instead of acknowledging
	onCreate string
	onPatch  string
	fired    atomic.Bool
}

func (c *crashing) Patch(ctx context.Context, coll, id string, patch []byte, opts documents.WriteOptions) (*documents.Document, error) {
	d, err := c.Service.Patch(ctx, coll, id, patch, opts)
	if coll == c.onPatch && err == nil && c.fired.CompareAndSwap(false, true) {
		c.cancel() // the effect is made; the process dies before recording it
		return nil, context.Canceled
	}
	return d, err
}

func (c *crashing) AckEvents(ctx context.Context, keys []string) error {
	if c.afterAck && c.fired.CompareAndSwap(false, true) {
		c.cancel()
		return context.Canceled
	}
	return c.Service.AckEvents(ctx, keys)
}

func (c *crashing) Create(ctx context.Context, coll string, body []byte, opts documents.WriteOptions) (*documents.Document, error) {
	d, err := c.Service.Create(ctx, coll, body, opts)
	if coll == c.onCreate && err == nil && c.fired.CompareAndSwap(false, true) {
		c.cancel() // the effect is made; the process dies before recording it
		return nil, context.Canceled
	}
	return d, err
}

func TestAutomationRunsOnceThroughCrashes(t *testing.T) {
	for _, tc := range []struct {
		name  string
		crash func(cancel context.CancelFunc) *crashing
	}{
		{"killed before the events are acknowledged", func(cancel context.CancelFunc) *crashing {
			return &crashing{cancel: cancel, afterAck: true}
		}},
		{"killed after the effect, before the job is recorded done", func(cancel context.CancelFunc) *crashing {
			return &crashing{cancel: cancel, onCreate: "certifications"}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			e.cfg.LeaseTTL = 300 * time.Millisecond
			e.certificationSetup()
			e.put("enrollments", "e1", `{"learner": "ada", "course": "printing-101", "status": "in_progress"}`)
			e.runOnce()
			e.patch("enrollments", "e1", `{"status": "completed"}`)

			ctx, cancel := context.WithCancel(e.ctx)
			faulty := tc.crash(cancel)
			faulty.Service = e.svc
			err := e.runner(faulty).RunOnce(ctx)
			require.Error(t, err)
			require.True(t, faulty.fired.Load(), "the crash happened")

			// A new process on the same store takes over once the dead
			// one's lease has expired, and finishes the work, once.
			err = e.runner(nil).RunOnce(e.ctx)
			require.ErrorIs(t, err, automations.ErrLeased)
			time.Sleep(350 * time.Millisecond)
			e.runOnce()
			e.runOnce()
			certs := e.list("certifications", "")
			assert.Len(t, certs, 1)
		})
	}
}

func TestTwoRunnersNeverDoubleProcess(t *testing.T) {
	e := newEnv(t)
	e.certificationSetup()
	for i := range 20 {
		id := "e" + string(rune('a'+i))
		e.put("enrollments", id, `{"learner": "`+id+`", "course": "c", "status": "in_progress"}`)
	}
	ctx, cancel := context.WithCancel(e.ctx)
	defer cancel()
	e.cfg.PollInterval = 10 * time.Millisecond
	a, b := e.runner(nil), e.runner(nil)
	done := make(chan error, 2)
	go func() { done <- a.Run(ctx) }()
	go func() { done <- b.Run(ctx) }()
	for i := range 20 {
		id := "e" + string(rune('a'+i))
		e.patch("enrollments", id, `{"status": "completed"}`)
	}
	require.Eventually(t, func() bool { return len(e.list("certifications", "")) >= 20 }, 10*time.Second, 20*time.Millisecond)
	time.Sleep(200 * time.Millisecond)
	cancel()
	require.NoError(t, <-done)
	require.NoError(t, <-done)
	assert.Len(t, e.list("certifications", ""), 20, "one certification per enrollment")
}

func TestAutomationsAreCheckedWhenSaved(t *testing.T) {
	e := newEnv(t)
	for _, tc := range []struct {
		name, body, path string
	}{
		{"a when that does not compile", `{"on": {"collection": "x", "events": ["created"]}, "when": "doc.score >"}`, "/when"},
		{"a field formula with an unknown name", `{"on": {"collection": "x", "events": ["created"]},
		  "do": [{"create": {"collection": "y", "fields": {"a": "titel"}}}]}`, "/do/0/create/fields/a"},
		{"an unknown event", `{"on": {"collection": "x", "events": ["touched"]}}`, ""},
		{"a schedule that is not a duration", `{"on": {"collection": "x", "every": "often"}}`, "/on/every"},
		{"offsets without a date", `{"on": {"collection": "x", "every": "1h", "offsets": [30]}}`, "/on/date"},
		{"a recipient that does not compile", `{"on": {"collection": "x", "events": ["created"]},
		  "do": [{"message": {"template": "t", "to": "doc.email +"}}]}`, "/do/0/message/to"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.svc.Put(e.ctx, "_automations", "bad", []byte(tc.body), documents.WriteOptions{})
			require.Error(t, err)
			assert.Equal(t, documents.KindInvalid, documents.KindOf(err), "%v", err)
			var de *documents.Error
			require.True(t, errors.As(err, &de))
			if tc.path != "" {
				require.NotEmpty(t, de.Errors)
				assert.Equal(t, tc.path, de.Errors[0].Path, "%v", de.Errors)
			}
		})
	}

	_, err := e.svc.Put(e.ctx, "_templates", "bad", []byte(`{"subject": "Hi {{.doc.name", "text": "x"}`), documents.WriteOptions{})
	require.Error(t, err)
	var de *documents.Error
	require.True(t, errors.As(err, &de))
	assert.Equal(t, documents.KindInvalid, de.Kind)
	require.NotEmpty(t, de.Errors)
	assert.Equal(t, "/subject", de.Errors[0].Path)

	_, err = e.svc.Put(e.ctx, "_templates", "bad", []byte(`{"subject": "Hi", "html": "<p>{{if .doc.x}}</p>"}`), documents.WriteOptions{})
	require.True(t, errors.As(err, &de))
	assert.Equal(t, "/html", de.Errors[0].Path)

	_, err = e.svc.Put(e.ctx, "_webhooks", "bad", []byte(`{"url": "ftp://example.org", "secret": "0123456789abcdef"}`), documents.WriteOptions{})
	require.True(t, errors.As(err, &de))
	assert.Equal(t, "/url", de.Errors[0].Path)
}

var _ automations.Documents = (*documents.Service)(nil)
