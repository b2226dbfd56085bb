package automations_test

import (
	"context"
	"fmt"
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
