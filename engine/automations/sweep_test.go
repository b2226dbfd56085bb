package automations_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
)

// listing counts the documents the runner lists.
type listing struct {
	*documents.Service
	listed atomic.Int64
}

func (l *listing) List(ctx context.Context, coll string, opts documents.ListOptions) (*documents.Page, error) {
	p, err := l.Service.List(ctx, coll, opts)
	if err == nil && coll == "passes" {
		l.listed.Add(int64(len(p.Items)))
	}
	return p, err
}

// passesSchema has a due date indexed only while the pass is current: the
// shape of a credential's lapsesAt.
const passesSchema = `{"type": "object", "properties": {
  "status": {"enum": ["active", "lapsed"], "x-index": true},
  "expiresAt": {"type": "string", "format": "date-time"},
  "lapsesAt": {"type": "string", "format": "date-time", "x-index": true,
    "x-formula": "doc.status == \"active\" ? doc.expiresAt : nil"}}}`

func TestScheduleReadsOnlyWhatItsIndexSelects(t *testing.T) {
	e := newEnv(t)
	e.put("_schemas", "passes", passesSchema)
	now := e.clock.Now()
	for i := range 60 {
		// 3 due (expired), 57 valid for years; 20 more lapsed long ago.
		exp := now.AddDate(2, 0, i)
		if i < 3 {
			exp = now.Add(-time.Duration(i+1) * time.Hour)
		}
		e.put("passes", fmt.Sprintf("p%02d", i), fmt.Sprintf(`{"status": "active", "expiresAt": %q}`, exp.Format(time.RFC3339)))
	}
	for i := range 20 {
		e.put("passes", fmt.Sprintf("old%02d", i), `{"status": "lapsed", "expiresAt": "2020-01-01T00:00:00Z"}`)
	}
	e.put("_automations", "lapse", `{"on": {"collection": "passes", "every": "1h", "where": "doc.lapsesAt <= now"},
	  "do": [{"update": {"collection": "passes", "id": "doc.id", "fields": {"status": "\"lapsed\""}}}]}`)

	svc := &listing{Service: e.svc}
	require.NoError(t, e.runner(svc).RunOnce(e.ctx))
	assert.EqualValues(t, 3, svc.listed.Load(), "the three due, from the index; not the 80")
	assert.Len(t, e.list("passes", `status == "lapsed"`), 23)

	// An hour later nothing is due: nothing is read.
	e.clock.Advance(time.Hour)
	svc.listed.Store(0)
	require.NoError(t, e.runner(svc).RunOnce(e.ctx))
	assert.Zero(t, svc.listed.Load())

	// Two years on, the next expiries come due, read as they come.
	e.clock.Advance(now.AddDate(2, 0, 7).Add(time.Hour).Sub(e.clock.Now()))
	require.NoError(t, e.runner(svc).RunOnce(e.ctx))
	assert.EqualValues(t, 5, svc.listed.Load())
	assert.Len(t, e.list("passes", `status == "lapsed"`), 28)
}

func TestScheduleWithoutAnIndexReadsAll(t *testing.T) {
	e := newEnv(t)
	e.put("_schemas", "passes", passesSchema)
	for i := range 10 {
		e.put("passes", fmt.Sprintf("p%02d", i), `{"status": "active", "expiresAt": "2020-01-01T00:00:00Z"}`)
	}
	// A where on a field without an index, and one whose formula fails on
	// a document: the others are still swept.
	e.put("_automations", "lapse", `{"on": {"collection": "passes", "every": "1h",
	  "where": "doc.expiresAt <= now && (doc.id != \"p03\" || doc.missing.x == 1)"},
	  "do": [{"update": {"collection": "passes", "id": "doc.id", "fields": {"status": "\"lapsed\""}}}]}`)
	svc := &listing{Service: e.svc}
	require.NoError(t, e.runner(svc).RunOnce(e.ctx))
	assert.EqualValues(t, 10, svc.listed.Load())
	assert.Len(t, e.list("passes", `status == "lapsed"`), 9, "all but the one whose formula failed")
	assert.Equal(t, "active", e.get("passes", "p03")["status"])
}

func TestAShortenedIntervalTakesEffectAtOnce(t *testing.T) {
	e := newEnv(t)
	e.put("_schemas", "passes", passesSchema)
	e.put("_automations", "lapse", `{"on": {"collection": "passes", "every": "24h", "where": "doc.lapsesAt <= now"},
	  "do": [{"update": {"collection": "passes", "id": "doc.id", "fields": {"status": "\"lapsed\""}}}]}`)
	e.runOnce() // ticked: the next tick is in a day
	e.put("passes", "p1", `{"status": "active", "expiresAt": "2026-11-24T09:30:00Z"}`)
	e.clock.Advance(time.Hour)
	e.runOnce()
	assert.Equal(t, "active", e.get("passes", "p1")["status"], "not before the day is out")
	e.patch("_automations", "lapse", `{"on": {"every": "1m"}}`)
	e.runOnce()
	assert.Equal(t, "lapsed", e.get("passes", "p1")["status"], "at once")
}

// TestScheduleSweepsARangeLongerThanAPage: more documents due than a list
// page holds are read page after page, each once, in the order of the
// index; a where that fails on one of them does not stop the others.
func TestScheduleSweepsARangeLongerThanAPage(t *testing.T) {
	e := newEnv(t)
	e.put("_schemas", "passes", passesSchema)
	now := e.clock.Now()
	const due = documents.MaxLimit + 100
	e.putMany(due+50, func(i int) (string, string) {
		exp := now.Add(-time.Duration(i+1) * time.Minute)
		if i >= due {
			exp = now.AddDate(1, 0, i)
		}
		return fmt.Sprintf("p%04d", i), fmt.Sprintf(`{"status": "active", "expiresAt": %q}`, exp.Format(time.RFC3339))
	})
	e.put("_automations", "lapse", `{"on": {"collection": "passes", "every": "1h",
	  "where": "doc.lapsesAt <= now && (doc.id != \"p0003\" || doc.missing.x == 1)"},
	  "do": [{"update": {"collection": "passes", "id": "doc.id", "fields": {"status": "\"lapsed\""}}}]}`)

	svc := &listing{Service: e.svc}
	require.NoError(t, e.runner(svc).RunOnce(e.ctx))
	assert.EqualValues(t, due, svc.listed.Load(), "each due once, none of the others")
	lapsed := 0
	for cursor := ""; ; {
		page, err := e.svc.List(e.ctx, "passes", documents.ListOptions{Filter: `status == "lapsed"`, Limit: documents.MaxLimit, Cursor: cursor})
		require.NoError(t, err)
		lapsed += len(page.Items)
		if cursor = page.Next; cursor == "" {
			break
		}
	}
	assert.Equal(t, due-1, lapsed, "all but the one whose where failed")
	assert.Equal(t, "active", e.get("passes", "p0003")["status"])
	assert.Equal(t, "lapsed", e.get("passes", "p0004")["status"])
}

// remindersSchema indexes the day reminders start, while the pass is active.
const remindersSchema = `{"type": "object", "properties": {
  "learner": {"type": "string"},
  "status": {"enum": ["active", "lapsed"]},
  "expiresAt": {"type": "string", "format": "date-time"},
  "remindFrom": {"type": "string", "format": "date-time", "x-index": true,
    "x-formula": "doc.status == \"active\" ? addDays(doc.expiresAt, -30) : nil"}}}`

// TestRemindersFromAnIndexFireAtTheirOffsets: a reminder schedule whose
// where reads an index fires at its offsets as one that reads everything.
func TestRemindersFromAnIndexFireAtTheirOffsets(t *testing.T) {
	e := newEnv(t)
	e.learners()
	e.put("_schemas", "passes", remindersSchema)
	e.put("_templates", "renewal", `{"subject": "Your pass expires in {{.offset}} days", "text": "Renew it."}`)
	e.put("_automations", "reminders", `{
	  "on": {"collection": "passes", "every": "1h", "where": "doc.remindFrom <= now",
	         "date": "expiresAt", "offsets": [30, 7, 1]},
	  "do": [{"message": {"template": "renewal",
	          "to": "let l = get(\"learners\", doc.learner); {email: l.email, name: l.name, subject: l.id}"}}]}`)
	start := e.clock.Now()
	expires := start.AddDate(0, 0, 40).Format(time.RFC3339)
	e.put("passes", "ada", `{"learner": "ada", "status": "active", "expiresAt": "`+expires+`"}`)
	e.put("passes", "bob", `{"learner": "bob", "status": "lapsed", "expiresAt": "`+expires+`"}`)
	for i := range 20 {
		e.put("passes", fmt.Sprintf("cy%02d", i), `{"learner": "cy", "status": "active", "expiresAt": "`+start.AddDate(2, 0, i).Format(time.RFC3339)+`"}`)
	}

	svc := &listing{Service: e.svc}
	sentOn := map[int]string{}
	for step := 0; step <= 45*2; step++ {
		svc.listed.Store(0)
		require.NoError(t, e.runner(svc).RunOnce(e.ctx))
		assert.LessOrEqual(t, svc.listed.Load(), int64(1), "ada's pass at most, once its reminders start")
		for _, m := range e.smtp.messages()[len(sentOn):] {
			sentOn[int(e.clock.Now().Sub(start).Hours()/24)] = m.subject()
			assert.Equal(t, "ada@example.org", m.To)
		}
		e.clock.Advance(12 * time.Hour)
	}
	assert.Equal(t, map[int]string{
		10: "Your pass expires in 30 days",
		33: "Your pass expires in 7 days",
		39: "Your pass expires in 1 days",
	}, sentOn)
}

// putMany puts n documents of passes from 16 writers, whose commits the
// store groups; doc gives each one's id and body.
func (e *env) putMany(n int, doc func(i int) (id, body string)) {
	e.t.Helper()
	var next atomic.Int64
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				id, body := doc(i)
				if _, err := e.svc.Put(e.ctx, "passes", id, []byte(body), documents.WriteOptions{}); err != nil {
					e.t.Errorf("put %s: %v", id, err)
					return
				}
			}
		})
	}
	wg.Wait()
}
