package engine_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
)

// event is one Server-Sent Event of /api/_events.
type event struct {
	ID, Type string
	Data     map[string]any
	Raw      string
}

// stream is an open /api/_events connection.
type stream struct {
	resp   *http.Response
	events chan event
	cancel context.CancelFunc
}

// httpServer serves the test server's router over a real connection,
// whose streams a recorder cannot carry.
func httpServer(t testing.TB, srv *testServer) string {
	t.Helper()
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { srv.handler.ServeHTTP(w, r) }))
	t.Cleanup(hs.Close)
	return hs.URL
}

// openStream opens an event stream; headers are name, value pairs. It
// fails the test unless the stream is accepted.
func openStream(t testing.TB, base, path string, headers ...string) *stream {
	t.Helper()
	s, resp := tryStream(t, base, path, headers...)
	require.Equal(t, http.StatusOK, resp.StatusCode, "open %s", path)
	return s
}

// tryStream opens an event stream and returns the answer; the stream is
// nil unless it was accepted.
func tryStream(t testing.TB, base, path string, headers ...string) (*stream, *http.Response) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+path, nil)
	require.NoError(t, err)
	for i := 0; i < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	if resp.StatusCode != http.StatusOK {
		cancel()
		return nil, resp
	}
	assert.Equal(t, "text/event-stream", resp.Header.Get("Content-Type"))
	s := &stream{resp: resp, events: make(chan event, 1024), cancel: cancel}
	t.Cleanup(s.close)
	go func() {
		defer close(s.events)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
		var ev event
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.Type != "" {
					s.events <- ev
				}
				ev = event{}
			case strings.HasPrefix(line, "id: "):
				ev.ID = line[4:]
			case strings.HasPrefix(line, "event: "):
				ev.Type = line[7:]
			case strings.HasPrefix(line, "data: "):
				ev.Raw = line[6:]
				_ = json.Unmarshal([]byte(ev.Raw), &ev.Data)
			}
		}
	}()
	return s, resp
}

func (s *stream) close() {
	s.cancel()
	s.resp.Body.Close()
}

// next returns the next event, failing the test when none comes within 5 s.
func (s *stream) next(t testing.TB) event {
	t.Helper()
	select {
	case ev, ok := <-s.events:
		require.True(t, ok, "the stream ended")
		return ev
	case <-time.After(5 * time.Second):
		require.FailNow(t, "no event within 5 s")
		return event{}
	}
}

// quiet asserts that no event comes within d.
func (s *stream) quiet(t testing.TB, d time.Duration) {
	t.Helper()
	select {
	case ev, ok := <-s.events:
		if ok {
			assert.Failf(t, "an event came", "%s %s", ev.Type, ev.Raw)
		}
	case <-time.After(d):
	}
}

// label is an event as "op collection/id".
func (e event) label() string {
	return e.Type + " " + str(e.Data["collection"]) + "/" + str(e.Data["id"])
}

func str(v any) string { s, _ := v.(string); return s }

func (e event) doc() map[string]any { d, _ := e.Data["doc"].(map[string]any); return d }

// listening waits until the streams are joined: a write made after it
// reaches them. A stream joins when its answer starts, so this is a
// write every stream then sees, marked, and read off each.
func listening(t testing.TB, p *accessProgram, streams ...*stream) {
	t.Helper()
	resp := p.admin.post("/api/directory", `{"name":"marker"}`)
	require.Equal(t, http.StatusCreated, resp.Code, "%s", resp)
	for _, s := range streams {
		for {
			ev := s.next(t)
			if ev.Data["collection"] == "directory" {
				break
			}
		}
	}
}

// TestEventsShowEachCallerWhatItMayRead: a learner subscribed to attempts
// sees her own writes and never another's, private fields never, and a
// document that becomes visible or hidden to her by an update is
// announced as created or deleted.
func TestEventsShowEachCallerWhatItMayRead(t *testing.T) {
	p := newAccessProgram(t, engine.Config{})
	base := httpServer(t, p.srv)
	path := "/api/_events?collections=attempts,directory"
	l1 := openStream(t, base, path, p.l1.hdr...)
	l2 := openStream(t, base, path, p.l2.hdr...)
	editor := openStream(t, base, path, p.editor.hdr...)
	anonymous := openStream(t, base, path)
	listening(t, p, l1, l2, editor, anonymous)

	resp := p.l1.post("/api/attempts", `{"id":"a4","exam":"e1","answers":["b"]}`)
	require.Equal(t, http.StatusCreated, resp.Code, "%s", resp)
	resp = p.l2.patch("/api/attempts/a2", `{"answers":["a","a"]}`)
	require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
	resp = p.editor.patch("/api/attempts/a1", `{"reviewerNote":"second look"}`)
	require.Equal(t, http.StatusOK, resp.Code, "%s", resp)

	ev := l1.next(t)
	assert.Equal(t, "created attempts/a4", ev.label())
	assert.Equal(t, "l1", ev.doc()["learner"])
	ev = l1.next(t)
	assert.Equal(t, "updated attempts/a1", ev.label())
	assert.NotContains(t, ev.Raw, "reviewerNote", "a private field in a learner's event")
	assert.NotContains(t, ev.Raw, "second look")

	ev = l2.next(t)
	assert.Equal(t, "updated attempts/a2", ev.label())
	assert.Equal(t, []any{"a", "a"}, ev.doc()["answers"])

	for _, want := range []string{"created attempts/a4", "updated attempts/a2", "updated attempts/a1"} {
		ev = editor.next(t)
		assert.Equal(t, want, ev.label())
	}
	assert.Equal(t, "second look", ev.doc()["reviewerNote"], "staff see the private field")
	assert.EqualValues(t, 3, ev.Data["rev"])

	// a1 moves from l1 to l2: hidden from one, shown to the other.
	resp = p.editor.patch("/api/attempts/a1", `{"learner":"l2"}`)
	require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
	ev = l1.next(t)
	assert.Equal(t, "deleted attempts/a1", ev.label())
	assert.Equal(t, "hidden", ev.Data["visibility"])
	assert.Nil(t, ev.Data["doc"], "a document hidden from the caller is not sent")
	ev = l2.next(t)
	assert.Equal(t, "created attempts/a1", ev.label())
	assert.Equal(t, "shown", ev.Data["visibility"])
	assert.Equal(t, "l2", ev.doc()["learner"])
	assert.NotContains(t, ev.Raw, "reviewerNote")
	ev = editor.next(t)
	assert.Equal(t, "updated attempts/a1", ev.label())

	// Deleted: announced to who could see it, with what it saw.
	resp = p.editor.delete("/api/attempts/a1")
	require.Equal(t, http.StatusNoContent, resp.Code, "%s", resp)
	ev = l2.next(t)
	assert.Equal(t, "deleted attempts/a1", ev.label())
	assert.Empty(t, ev.Data["visibility"])
	assert.NotContains(t, ev.Raw, "reviewerNote")
	assert.Equal(t, "deleted attempts/a1", editor.next(t).label())

	// Nothing else reached the learners, and nothing of the attempts the
	// anonymous caller.
	listening(t, p, l1, l2, anonymous)
	l1.quiet(t, 300*time.Millisecond)
	l2.quiet(t, 0)
	anonymous.quiet(t, 0)
}

// TestEventsByDocumentAndFilter: id= follows one document; filter= keeps
// the documents a formula holds for, as the caller sees them (a filter
// cannot probe a private field).
func TestEventsByDocumentAndFilter(t *testing.T) {
	p := newAccessProgram(t, engine.Config{})
	base := httpServer(t, p.srv)
	one := openStream(t, base, "/api/_events?collections=attempts&id=a2", p.l2.hdr...)
	filtered := openStream(t, base, "/api/_events?collections=attempts&filter="+url.QueryEscape(`len(answers) == 3`), p.l2.hdr...)
	probe := openStream(t, base, "/api/_events?collections=attempts&filter="+url.QueryEscape(`reviewerNote != nil`), p.l2.hdr...)
	staff := openStream(t, base, "/api/_events?collections=attempts&filter="+url.QueryEscape(`reviewerNote != nil`), p.editor.hdr...)
	time.Sleep(300 * time.Millisecond) // joined

	require.Equal(t, http.StatusOK, p.l2.patch("/api/attempts/a3", `{"answers":["a","b","c"]}`).Code)
	require.Equal(t, http.StatusOK, p.l2.patch("/api/attempts/a2", `{"answers":["b"]}`).Code)
	require.Equal(t, http.StatusOK, p.editor.patch("/api/attempts/a2", `{"reviewerNote":"checked"}`).Code)

	assert.Equal(t, "updated attempts/a2", one.next(t).label())
	assert.Equal(t, "updated attempts/a2", one.next(t).label())
	ev := filtered.next(t)
	assert.Equal(t, "created attempts/a3", ev.label(), "a document that comes to hold the filter is new to the stream")
	assert.Equal(t, "shown", ev.Data["visibility"])
	ev = staff.next(t)
	assert.Equal(t, "created attempts/a2", ev.label())
	one.quiet(t, 300*time.Millisecond)
	filtered.quiet(t, 0)
	probe.quiet(t, 0)
}

func TestEventsRefuseBadRequests(t *testing.T) {
	p := newAccessProgram(t, engine.Config{})
	base := httpServer(t, p.srv)
	cases := []struct {
		name, path string
		headers    []string
		status     int
		detail     string
	}{
		{"unknown collection", "/api/_events?collections=nope", nil, http.StatusNotFound, "nope"},
		{"id without one collection", "/api/_events?id=a1", nil, http.StatusBadRequest, "one collection"},
		{"filter without one collection", "/api/_events?collections=attempts,exams&filter=true", nil, http.StatusBadRequest, "one collection"},
		{"filter that does not compile", "/api/_events?collections=attempts&filter=" + url.QueryEscape("answers +"), nil, http.StatusBadRequest, "filter"},
		{"filter of an unknown field", "/api/_events?collections=attempts&filter=" + url.QueryEscape("score > 3"), nil, http.StatusBadRequest, "score"},
		{"Last-Event-ID not an event's", "/api/_events", []string{"Last-Event-ID", "../../etc"}, http.StatusBadRequest, "Last-Event-ID"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, resp := tryStream(t, base, c.path, append(append([]string(nil), p.l1.hdr...), c.headers...)...)
			defer resp.Body.Close()
			assert.Equal(t, c.status, resp.StatusCode)
			assert.Equal(t, "application/problem+json", resp.Header.Get("Content-Type"))
			b, _ := io.ReadAll(resp.Body)
			assert.Contains(t, string(b), c.detail)
		})
	}
}

// TestEventsResume: a client that reconnects with Last-Event-ID receives
// what it missed, in order, and then the live events; one whose last event
// is older than the feed keeps is told to resync.
func TestEventsResume(t *testing.T) {
	p := newAccessProgram(t, engine.Config{})
	base := httpServer(t, p.srv)
	path := "/api/_events?collections=attempts"
	first := openStream(t, base, path, p.l1.hdr...)
	time.Sleep(300 * time.Millisecond)
	require.Equal(t, http.StatusCreated, p.l1.post("/api/attempts", `{"id":"r1","exam":"e1"}`).Code)
	ev := first.next(t)
	require.Equal(t, "created attempts/r1", ev.label())
	first.close()

	// Missed while away: two of hers, one of another learner's.
	require.Equal(t, http.StatusCreated, p.l1.post("/api/attempts", `{"id":"r2","exam":"e1"}`).Code)
	require.Equal(t, http.StatusCreated, p.l2.post("/api/attempts", `{"id":"r3","exam":"e1"}`).Code)
	require.Equal(t, http.StatusOK, p.l1.patch("/api/attempts/r2", `{"answers":["b"]}`).Code)
	require.Equal(t, http.StatusCreated, p.l1.post("/api/attempts", `{"id":"r4","exam":"e1"}`).Code)

	again := openStream(t, base, path, append(append([]string(nil), p.l1.hdr...), "Last-Event-ID", ev.ID)...)
	var got []string
	var ids []string
	for range 3 {
		e := again.next(t)
		got, ids = append(got, e.label()), append(ids, e.ID)
	}
	assert.Equal(t, []string{"created attempts/r2", "updated attempts/r2", "created attempts/r4"}, got)
	assert.IsIncreasing(t, ids)
	require.Equal(t, http.StatusCreated, p.l1.post("/api/attempts", `{"id":"r5","exam":"e1"}`).Code)
	assert.Equal(t, "created attempts/r5", again.next(t).label(), "live after the replay")
	again.quiet(t, 300*time.Millisecond)

	// The same by query parameter, for clients that cannot set the header.
	q := openStream(t, base, path+"&lastEventId="+ids[1], p.l1.hdr...)
	assert.Equal(t, "created attempts/r4", q.next(t).label())

	// Too old: the feed no longer holds what came after it.
	old := documents.FeedKeyAt(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
	stale := openStream(t, base, path, append(append([]string(nil), p.l1.hdr...), "Last-Event-ID", old)...)
	ev = stale.next(t)
	assert.Equal(t, "resync", ev.Type)
	assert.Contains(t, ev.Data["reason"], "read afresh")
}

// TestEventsLimits: a caller opens at most engine.MaxSubscriptions streams
// at once; a closed one frees its place.
func TestEventsLimits(t *testing.T) {
	p := newAccessProgram(t, engine.Config{})
	base := httpServer(t, p.srv)
	var open []*stream
	for range engine.MaxSubscriptions {
		open = append(open, openStream(t, base, "/api/_events", p.l1.hdr...))
	}
	_, resp := tryStream(t, base, "/api/_events", p.l1.hdr...)
	assert.Equal(t, http.StatusTooManyRequests, resp.StatusCode)
	assert.NotEmpty(t, resp.Header.Get("Retry-After"))
	resp.Body.Close()
	openStream(t, base, "/api/_events", p.l2.hdr...).close() // another caller's own

	open[0].close()
	require.Eventually(t, func() bool {
		s, resp := tryStream(t, base, "/api/_events", p.l1.hdr...)
		if s == nil {
			resp.Body.Close()
			return false
		}
		s.close()
		return true
	}, 5*time.Second, 50*time.Millisecond, "a closed stream frees its place")
}

// TestEventsDropASlowClient: a client that does not read falls behind and
// is dropped with a resync event, while the writers and the other streams
// go on at their pace.
func TestEventsDropASlowClient(t *testing.T) {
	p := newAccessProgram(t, engine.Config{})
	base := httpServer(t, p.srv)
	// The slow client sends its request and reads nothing for now.
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	require.NoError(t, err)
	defer conn.Close()
	_, err = fmt.Fprintf(conn, "GET /api/_events?collections=directory HTTP/1.1\r\nHost: x\r\nAuthorization: %s\r\n\r\n", p.l1.hdr[1])
	require.NoError(t, err)
	fast := openStream(t, base, "/api/_events?collections=directory", p.l2.hdr...)
	listening(t, p, fast)

	name := strings.Repeat("n", 16<<10)
	const writes = 1000 // 16 MB of events: more than loopback's buffers and the queue hold
	received := make(chan int)
	go func() {
		n := 0
		for range writes {
			if ev := fast.next(t); ev.Type == "created" {
				n++
			}
		}
		received <- n
	}()
	start := time.Now()
	for i := range writes {
		resp := p.admin.post("/api/directory", `{"name":"`+name+`"}`)
		require.Equal(t, http.StatusCreated, resp.Code, "write %d: %s", i, resp)
	}
	assert.Equal(t, writes, <-received, "the reading stream got every write")
	t.Logf("%d writes in %v", writes, time.Since(start))

	// Read now: the events it had room for, then a resync, then the end
	// (or the end alone, when the writes took longer than a client may
	// leave one unread: under the race detector).
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(30*time.Second)))
	sc := bufio.NewScanner(conn)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	n, last := 0, ""
	for sc.Scan() {
		if line := sc.Text(); strings.HasPrefix(line, "event: ") {
			n, last = n+1, line[7:]
			if last == "resync" {
				break
			}
		}
	}
	require.NoError(t, sc.Err(), "the server ended the stream")
	assert.Less(t, n, writes, "a slow client is not sent everything")
	if time.Since(start) < 9*time.Second {
		assert.Equal(t, "resync", last)
	}
	t.Logf("the slow client got %d of %d events, then %q", n, writes, last)
}

// TestEventsTicket: a browser's EventSource sends no Authorization header:
// it opens its stream with a ticket, which stands for its caller for a
// minute and for nothing else; a stream ends when its key is revoked.
func TestEventsTicket(t *testing.T) {
	clock := newManualClock()
	p := newAccessProgram(t, engine.Config{Now: clock.now})
	base := httpServer(t, p.srv)

	resp := p.l1.post("/api/_events/ticket", "")
	require.Equal(t, http.StatusCreated, resp.Code, "%s", resp)
	ticket := str(resp.object(t)["ticket"])
	require.NotEmpty(t, ticket)
	s := openStream(t, base, "/api/_events?collections=attempts&ticket="+url.QueryEscape(ticket))
	time.Sleep(200 * time.Millisecond)
	require.Equal(t, http.StatusCreated, p.l2.post("/api/attempts", `{"id":"t0","exam":"e1"}`).Code)
	require.Equal(t, http.StatusCreated, p.l1.post("/api/attempts", `{"id":"t1","exam":"e1"}`).Code)
	assert.Equal(t, "created attempts/t1", s.next(t).label(), "the ticket's caller, not an anonymous one nor another")

	for name, c := range map[string]struct {
		path    string
		headers []string
		status  int
	}{
		"a changed ticket":      {"/api/_events?ticket=" + url.QueryEscape(strings.Replace(ticket, ".", "x.", 1)), nil, http.StatusUnauthorized},
		"a ticket of no caller": {"/api/_events?ticket=e30.AAAA", nil, http.StatusUnauthorized},
		"a ticket and a key":    {"/api/_events?ticket=" + url.QueryEscape(ticket), p.l2.hdr, http.StatusBadRequest},
	} {
		t.Run(name, func(t *testing.T) {
			_, resp := tryStream(t, base, c.path, c.headers...)
			resp.Body.Close()
			assert.Equal(t, c.status, resp.StatusCode)
		})
	}
	items, _ := p.anonymous.get("/api/attempts?ticket=" + url.QueryEscape(ticket)).page(t)
	assert.Empty(t, items, "a ticket opens a stream and nothing else")
	clock.advance(2 * time.Minute)
	_, resp2 := tryStream(t, base, "/api/_events?ticket="+url.QueryEscape(ticket))
	resp2.Body.Close()
	assert.Equal(t, http.StatusUnauthorized, resp2.StatusCode, "an expired ticket")

	// Revoked: the stream with l1's key ends rather than go on.
	keyed := openStream(t, base, "/api/_events?collections=attempts", p.l1.hdr...)
	time.Sleep(200 * time.Millisecond)
	require.Equal(t, http.StatusNoContent, p.admin.delete("/api/_keys/"+p.l1ID).Code)
	require.Equal(t, http.StatusOK, p.editor.patch("/api/attempts/t1", `{"answers":["x"]}`).Code)
	select {
	case ev, ok := <-keyed.events:
		assert.False(t, ok, "an event after the key was revoked: %s", ev.Raw)
	case <-time.After(5 * time.Second):
		t.Fatal("the stream of a revoked key stays open")
	}
}
