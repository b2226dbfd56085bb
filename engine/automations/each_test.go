package automations_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
)

const membersSchema = `{"type": "object", "properties": {
  "team": {"type": "string", "x-index": true}, "status": {"enum": ["active", "paused", "archived"]},
  "note": {"type": "string"}}}`

const teamsSchema = `{"type": "object", "properties": {"status": {"enum": ["open", "archived"]}}}`

func (e *env) membersSetup() {
	e.put("_schemas", "members", membersSchema)
	e.put("_schemas", "teams", teamsSchema)
	e.put("_schemas", "badges", `{"type": "object", "properties": {"member": {"type": "string"}}}`)
	for id, team := range map[string]string{"m1": "red", "m2": "red", "m3": "blue", "m4": "red"} {
		e.put("members", id, `{"team": "`+team+`", "status": "active"}`)
	}
	e.patch("members", "m4", `{"status": "paused"}`)
	e.put("teams", "red", `{"status": "open"}`)
	e.put("teams", "blue", `{"status": "open"}`)
}

func TestEachUpdatesAndCreatesSeveralDocuments(t *testing.T) {
	e := newEnv(t)
	e.membersSetup()
	e.put("_automations", "archive", `{
	  "on": {"collection": "teams", "events": ["updated"]},
	  "when": "doc.status == \"archived\"",
	  "do": [
	    {"update": {"collection": "members", "each": "map(filter(find(\"members\", {team: doc.id}), .status == \"active\"), ({id: .id, status: \"archived\", note: \"team \" + doc.id + \" archived\"}))"}},
	    {"create": {"collection": "badges", "each": "map(find(\"members\", {team: doc.id}), ({id: \"badge-\" + .id, member: .id}))"}},
	    {"create": {"collection": "badges", "each": "[{member: \"anonymous\"}, {member: \"anonymous\"}]"}},
	    {"update": {"collection": "members", "each": "nil"}},
	    {"update": {"collection": "members", "each": "[]"}}]}`)
	e.runOnce()
	e.patch("teams", "red", `{"status": "archived"}`)
	e.runOnce()

	for id, want := range map[string]string{"m1": "archived", "m2": "archived", "m3": "active", "m4": "paused"} {
		m := e.get("members", id)
		assert.Equal(t, want, m["status"], id)
		if want == "archived" {
			assert.Equal(t, "team red archived", m["note"])
			assert.Equal(t, "automation:archive", m["_updatedBy"])
		}
	}
	badges := e.list("badges", "")
	var named, anonymous int
	for _, b := range badges {
		if b["member"] == "anonymous" {
			anonymous++
		} else {
			named++
		}
	}
	assert.Equal(t, 3, named, "one per member of the team, paused or not")
	assert.Equal(t, 2, anonymous, "items without an id are created each")

	// Another event: the documents with an id exist already and are
	// left alone; those without one are created again, once per event.
	e.patch("teams", "red", `{"status": "archived"}`)
	e.runOnce()
	assert.Len(t, e.list("badges", `member != "anonymous"`), 3)
	assert.Len(t, e.list("badges", `member == "anonymous"`), 4)
}

func TestEachFailuresAreTheActions(t *testing.T) {
	for _, tc := range []struct{ name, each string }{
		{"an update item without an id", `[{status: "paused"}]`},
		{"an item that is not an object", `["m1"]`},
		{"a meta field", `[{id: "m1", _rev: 9}]`},
		{"not a list when it runs", `doc.status`},
		{"a bad item after good ones: none is written", `[{id: "m1", status: "paused"}, {id: "m2", _rev: 1}]`},
		{"an empty id", `[{id: "", status: "paused"}]`},
		{"too many items", `map(1..1001, ({id: "m1"}))`},
		{"a patch the schema refuses", `[{id: "m1", status: "gone"}]`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			e.cfg.MaxAttempts = 1
			e.membersSetup()
			e.put("_automations", "bad", `{"on": {"collection": "teams", "events": ["updated"]},
			  "do": [{"update": {"collection": "members", "each": `+quote(tc.each)+`}}]}`)
			e.runOnce()
			e.patch("teams", "blue", `{"status": "archived"}`)
			e.runOnce()
			failed := e.list("_messages", `channel == "action"`)
			require.Len(t, failed, 1, "the action fails, and says so")
			assert.Contains(t, failed[0]["error"], "each")
			assert.Equal(t, "active", e.get("members", "m1")["status"])
		})
	}
}

func TestEachIsCheckedWhenSaved(t *testing.T) {
	e := newEnv(t)
	for _, tc := range []struct{ name, action, path string }{
		{"each with an id", `{"update": {"collection": "x", "id": "doc.id", "each": "[]"}}`, "/do/0/update/id"},
		{"each with fields", `{"create": {"collection": "x", "fields": {"a": "1"}, "each": "[]"}}`, "/do/0/create/fields"},
		{"each that does not compile", `{"update": {"collection": "x", "each": "map(doc.items"}}`, "/do/0/update/each"},
		{"each that is not a formula", `{"update": {"collection": "x", "each": ["a"]}}`, "/do/0/update/each"},
		{"each that gives an object", `{"update": {"collection": "x", "each": "{id: doc.id}"}}`, "/do/0/update/each"},
		{"each that gives text", `{"create": {"collection": "x", "each": "\"a\""}}`, "/do/0/create/each"},
		{"each that gives a number", `{"create": {"collection": "x", "each": "len(doc.items)"}}`, "/do/0/create/each"},
		{"an update without id or each", `{"update": {"collection": "x", "fields": {"a": "1"}}}`, "/do/0/update/id"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.svc.Put(context.Background(), "_automations", "bad",
				[]byte(`{"on": {"collection": "x", "events": ["created"]}, "do": [`+tc.action+`]}`), documents.WriteOptions{})
			require.Error(t, err)
			var de *documents.Error
			require.True(t, errors.As(err, &de), "%v", err)
			assert.Equal(t, documents.KindInvalid, de.Kind)
			require.NotEmpty(t, de.Errors)
			assert.Equal(t, tc.path, de.Errors[0].Path, "%v", de.Errors)
		})
	}
}

// TestEachIsDoneOnceThroughACrash: a job killed after some of its items
// were written is run again by the next process; no item is done twice.
func TestEachIsDoneOnceThroughACrash(t *testing.T) {
	for _, tc := range []struct {
		name  string
		crash func(c *crashing)
	}{
		{"killed after the first create", func(c *crashing) { c.onCreate = "badges" }},
		{"killed after the first patch", func(c *crashing) { c.onPatch = "members" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			e.cfg.LeaseTTL = 300 * time.Millisecond
			e.membersSetup()
			e.put("_automations", "archive", `{
			  "on": {"collection": "teams", "events": ["updated"]},
			  "when": "doc.status == \"archived\"",
			  "do": [
			    {"update": {"collection": "members", "each": "map(filter(find(\"members\", {team: doc.id}), .status == \"active\"), ({id: .id, status: \"archived\"}))"}},
			    {"create": {"collection": "badges", "each": "map(find(\"members\", {team: doc.id}), ({member: .id}))"}}]}`)
			e.runOnce()
			revs := map[string]any{}
			for _, id := range []string{"m1", "m2", "m4"} {
				revs[id] = e.get("members", id)["_rev"]
			}
			e.patch("teams", "red", `{"status": "archived"}`)

			ctx, cancel := context.WithCancel(e.ctx)
			faulty := &crashing{Service: e.svc, cancel: cancel}
			tc.crash(faulty)
			require.Error(t, e.runner(faulty).RunOnce(ctx))
			require.True(t, faulty.fired.Load(), "the crash happened")
			time.Sleep(350 * time.Millisecond) // the dead process's lease expires
			e.runOnce()
			e.runOnce()

			for id, want := range map[string]string{"m1": "archived", "m2": "archived", "m4": "paused"} {
				m := e.get("members", id)
				assert.Equal(t, want, m["status"], id)
				if want == "archived" {
					assert.EqualValues(t, revs[id].(float64)+1, m["_rev"], "%s patched once", id)
				}
			}
			assert.Len(t, e.list("badges", ""), 3, "one badge per member of red, no more")
		})
	}
}

// TestEachPatchesAnIdAsOftenAsTheListGivesIt: two items with one id are two
// patches, each done once.
func TestEachPatchesAnIdAsOftenAsTheListGivesIt(t *testing.T) {
	e := newEnv(t)
	e.membersSetup()
	e.put("_automations", "note", `{"on": {"collection": "teams", "events": ["updated"]},
	  "do": [{"update": {"collection": "members", "each": "[{id: \"m3\", note: \"first\"}, {id: \"m3\", status: \"paused\"}]"}}]}`)
	e.runOnce()
	rev := e.get("members", "m3")["_rev"].(float64)
	e.patch("teams", "blue", `{"status": "archived"}`)
	e.runOnce()
	m := e.get("members", "m3")
	assert.Equal(t, "first", m["note"])
	assert.Equal(t, "paused", m["status"])
	assert.EqualValues(t, rev+2, m["_rev"])
}

// quote makes a JSON string of s.
func quote(s string) string {
	b := []byte{'"'}
	for _, r := range s {
		if r == '"' || r == '\\' {
			b = append(b, '\\')
		}
		b = append(b, string(r)...)
	}
	return string(append(b, '"'))
}
