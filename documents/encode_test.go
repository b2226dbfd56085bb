package documents

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTopFields(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		want map[string]string
	}{
		{"flat", `{"id":"a","level":"pro","n":12}`, map[string]string{"id": `"a"`, "level": `"pro"`}},
		{"nested values are skipped whole", `{"x":{"level":"no","a":[1,{"b":"}"}]},"level":"yes"}`, map[string]string{"level": `"yes"`}},
		{"escapes and brackets in strings", `{"t":"a\"}{[","level":"\"q\"","id":"i"}`, map[string]string{"level": `"\"q\""`, "id": `"i"`}},
		{"spaces", ` { "level" : [1, 2] , "id" : null } `, map[string]string{"level": `[1, 2]`, "id": `null`}},
		{"absent", `{"a":true}`, map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]string{}
			err := topFields([]byte(tt.raw), []string{"id", "level"}, func(k string, v []byte) error {
				got[k] = string(v)
				return nil
			})
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
	for _, bad := range []string{``, `[]`, `{"a"`, `{"a":}`, `{"a":"x`, `{"a":{"b":1}`} {
		err := topFields([]byte(bad), []string{"a"}, func(string, []byte) error { return nil })
		assert.Error(t, err, bad)
	}
}

// FuzzTopFields checks topFields against encoding/json on any object.
func FuzzTopFields(f *testing.F) {
	for _, s := range []string{`{"a":1,"b":{"a":2}}`, `{"a":"\"}","b":[{"a":3}]}`, `{}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		var want map[string]json.RawMessage
		if json.Unmarshal([]byte(raw), &want) != nil {
			return
		}
		got := map[string]string{}
		err := topFields([]byte(raw), []string{"a", "b"}, func(k string, v []byte) error {
			got[k] = string(v)
			return nil
		})
		require.NoError(t, err)
		for _, k := range []string{"a", "b"} {
			w, ok := want[k]
			if !ok {
				continue
			}
			var wv, gv any
			require.NoError(t, json.Unmarshal(w, &wv))
			require.NoError(t, json.Unmarshal([]byte(got[k]), &gv), "%q: %q", k, got[k])
			assert.Equal(t, wv, gv)
		}
	})
}

// FuzzDecodeScalar checks decodeJSON's fast path against the full decoder:
// whatever it accepts, the decoder decodes to the same value.
func FuzzDecodeScalar(f *testing.F) {
	for _, s := range []string{`"abc"`, `"a\"b"`, `-0.5e+3`, `01`, `true`, `null`, `"é"`, `1.`, `-`, `"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		got, ok := decodeScalar([]byte(raw))
		if !ok {
			return
		}
		d := json.NewDecoder(strings.NewReader(raw))
		d.UseNumber()
		var want any
		require.NoError(t, d.Decode(&want), raw)
		_, err := d.Token()
		require.ErrorIs(t, err, io.EOF, raw)
		assert.Equal(t, want, got, raw)
	})
}

// FuzzRemoveRaw checks removeRaw against removePath on the decoded value.
func FuzzRemoveRaw(f *testing.F) {
	for _, s := range []string{
		`{"a":1,"b":{"a":2}}`, `{"a":{"b":1,"c":2},"d":3}`, `{"a":[{"b":1,"c":2},{"c":3},4]}`,
		`[{"a":1},{"b":2}]`, `{"a\u0062":1,"b":2}`, `{ "a" : [ { "b" : "x\"}" } ] , "c":null}`, `{}`, `[]`,
	} {
		f.Add(s)
	}
	paths := [][]string{{"a"}, {"a", "b"}, {"a", "*", "b"}, {"*", "a"}, {"b"}}
	decode := func(t *testing.T, s []byte) any {
		d := json.NewDecoder(bytes.NewReader(s))
		d.UseNumber()
		var v any
		require.NoError(t, d.Decode(&v), "%s", s)
		return v
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if !json.Valid([]byte(raw)) {
			return
		}
		for _, path := range paths {
			want := decode(t, []byte(raw))
			wantRemoved := removePath(want, path)
			got, removed, ok := removeRaw([]byte(raw), path)
			if !ok {
				continue
			}
			assert.Equal(t, wantRemoved, removed, "%s %v", raw, path)
			assert.Equal(t, want, decode(t, got), "%s %v: %s", raw, path, got)
		}
	})
}

// FuzzCheckText checks checkText against encoding/json: a body it accepts
// decodes without a replacement character that the body did not hold, and
// a valid JSON body it refuses is one the decoder would rewrite.
func FuzzCheckText(f *testing.F) {
	for _, s := range []string{`{"a":"b"}`, "{\"a\":\"\xff\"}", `{"a":"\ud800"}`, `{"a":"\udc00x"}`,
		`{"a":"\ud83d\ude00"}`, `{"a":"\\ud800"}`, `{"a":"\ufffd"}`, "{\"a\":\"\xef\xbf\xbd\"}", `{"a":"\ud800\u0041"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var v any
		valid := json.Unmarshal(b, &v) == nil
		err := checkText(b)
		if !valid {
			return
		}
		enc, _ := json.Marshal(v)
		rewritten := bytes.Count(enc, []byte("\ufffd")) > bytes.Count(b, []byte("\ufffd"))+
			bytes.Count(bytes.ToLower(b), []byte(`\ufffd`))
		if err == nil && rewritten {
			t.Fatalf("checkText accepted %q, which decodes to %s", b, enc)
		}
		if err != nil && !rewritten {
			t.Fatalf("checkText refused %q (%v), which decodes as it is: %s", b, err, enc)
		}
	})
}

// TestHandWrittenEncodings: the events, feed entries and audit entries
// written by hand read back as json.Marshal and encodeContent write them,
// whatever their strings hold.
func TestHandWrittenEncodings(t *testing.T) {
	at := time.Date(2026, 12, 6, 10, 0, 0, 123456789, time.UTC)
	doc := []byte(`{"id":"x","title":"<b>\u2028 \"q\"","_rev":2}`)
	for _, s := range []string{"plain", `quote " and \ backslash`, "tab\tnew\nline", "ünï\u2028<&>", "\x00\x7f", string([]byte{0xff, 'a'})} {
		ev := Event{Collection: "exams", ID: s, Rev: 3, Op: OpUpdated, Before: doc, After: doc, At: at, KeyID: s}
		want, err := json.Marshal(ev)
		require.NoError(t, err)
		// The same JSON (json.Marshal also escapes < and > in the documents).
		assert.JSONEq(t, string(want), string(ev.encode()))
		var back Event
		require.NoError(t, json.Unmarshal(ev.encode(), &back))
		assert.Equal(t, at, back.At)

		fe := FeedEntry{Collection: "exams", ID: s, Rev: 1, Op: OpDeleted, At: s, Before: doc}
		want, err = json.Marshal(fe)
		require.NoError(t, err)
		assert.JSONEq(t, string(want), string(fe.encode()))

		e := auditEntry{Seq: 7, At: s, KeyID: s, Role: "admin", Op: OpCreated, Collection: "exams", DocID: s, Rev: 1, Prev: "ab"}
		e.Hash = e.digest()
		content, err := encodeContent(map[string]any{"seq": e.Seq, "at": e.At, "keyId": e.KeyID, "role": e.Role, "op": e.Op,
			"collection": e.Collection, "docId": e.DocID, "rev": e.Rev, "prev": e.Prev, "hash": e.Hash})
		require.NoError(t, err)
		assert.Equal(t, string(content), string(e.content()), "byte for byte")
	}
	// No event omits what json.Marshal omits differently.
	ev := Event{Collection: "c", ID: "i", Rev: 1, Op: OpCreated, After: doc, At: at}
	want, _ := json.Marshal(ev)
	assert.JSONEq(t, string(want), string(ev.encode()))
}
