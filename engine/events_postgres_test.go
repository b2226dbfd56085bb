package engine_test

import (
	"fmt"
	"net/http"
	"slices"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
)

// TestEventsAcrossPostgresNodes: two nodes on one database deliver each
// other's writes, each to the callers that may see them, every write once
// although the nodes' transactions commit in another order than their
// keys.
func TestEventsAcrossPostgresNodes(t *testing.T) {
	a, b := twoNodes(t)
	resp := a.put("/api/_schemas/questions", accessQuestions)
	require.Equal(t, http.StatusCreated, resp.Code, "%s", resp)
	resp = a.put("/api/_schemas/exams", accessExams)
	require.Equal(t, http.StatusCreated, resp.Code, "%s", resp)
	resp = a.put("/api/_schemas/attempts", accessAttempts)
	require.Equal(t, http.StatusCreated, resp.Code, "%s", resp)
	resp = a.post("/api/exams", `{"id":"e1","title":"Automation 101"}`)
	require.Equal(t, http.StatusCreated, resp.Code, "%s", resp)
	l1 := keyCaller{srv: a, hdr: keyHeader(secretOf(t, a, documents.KeySpec{Role: "learner", Subject: "l1"}))}
	l2 := keyCaller{srv: b, hdr: keyHeader(secretOf(t, a, documents.KeySpec{Role: "learner", Subject: "l2"}))}
	baseA, baseB := httpServer(t, a), httpServer(t, b)

	onB := openStream(t, baseB, "/api/_events?collections=attempts", l1.hdr...)
	allA := openStream(t, baseA, "/api/_events?collections=attempts")
	allB := openStream(t, baseB, "/api/_events?collections=attempts")
	time.Sleep(300 * time.Millisecond)

	written := time.Now()
	require.Equal(t, http.StatusCreated, l1.post("/api/attempts", `{"id":"x1","exam":"e1"}`).Code) // on a
	require.Equal(t, http.StatusCreated, l2.post("/api/attempts", `{"id":"x2","exam":"e1"}`).Code) // on b
	ev := onB.next(t)
	t.Logf("a write on node a reached a stream on node b after %v", time.Since(written).Round(time.Millisecond))
	assert.Equal(t, "created attempts/x1", ev.label())
	assert.Equal(t, "created attempts/x1", allB.next(t).label())
	assert.Equal(t, "created attempts/x2", allB.next(t).label())
	assert.Equal(t, "created attempts/x1", allA.next(t).label())
	assert.Equal(t, "created attempts/x2", allA.next(t).label(), "node b's write on node a")
	onB.quiet(t, 300*time.Millisecond)

	// Writers on both nodes at once: every write reaches every admin
	// stream once.
	var wg sync.WaitGroup
	var want []string
	for n, node := range []*testServer{a, b} {
		for w := range 4 {
			for i := range 25 {
				want = append(want, fmt.Sprintf("n%dw%di%d", n, w, i))
			}
			wg.Go(func() {
				for i := range 25 {
					resp := node.post("/api/attempts", fmt.Sprintf(`{"id":"n%dw%di%d","exam":"e1","learner":"l9"}`, n, w, i))
					assert.Equal(t, http.StatusCreated, resp.Code, "%s", resp)
				}
			})
		}
	}
	wg.Wait()
	sort.Strings(want)
	for name, s := range map[string]*stream{"a": allA, "b": allB} {
		var got []string
		for range want {
			got = append(got, str(s.next(t).Data["id"]))
		}
		s.quiet(t, 3*time.Second) // past FeedSettle: no write comes twice
		slices.Sort(got)
		assert.Equal(t, want, got, "node %s", name)
	}
}

// secretOf defines a key through srv's service and returns its secret.
func secretOf(t testing.TB, srv *testServer, spec documents.KeySpec) string {
	t.Helper()
	_, secret := newAccessKey(t, srv, spec)
	return secret
}

// TestEventsResumeOnAnotherPostgresNode: a client whose node goes away
// resumes on another with the id of its last event and misses nothing (an
// event of the FeedSettle before it may come again: its rev tells).
func TestEventsResumeOnAnotherPostgresNode(t *testing.T) {
	a, b := twoNodes(t)
	resp := a.put("/api/_schemas/notes", `{"type": "object", "properties": {"text": {"type": "string"}}}`)
	require.Equal(t, http.StatusCreated, resp.Code, "%s", resp)
	baseA, baseB := httpServer(t, a), httpServer(t, b)
	first := openStream(t, baseA, "/api/_events?collections=notes")
	time.Sleep(300 * time.Millisecond)
	require.Equal(t, http.StatusCreated, a.post("/api/notes", `{"id":"m0"}`).Code)
	last := first.next(t)
	require.Equal(t, "created notes/m0", last.label())
	first.close()

	var want []string
	for i := range 20 {
		node := []*testServer{a, b}[i%2]
		id := fmt.Sprintf("m%02d", i+1)
		require.Equal(t, http.StatusCreated, node.post("/api/notes", `{"id":"`+id+`"}`).Code)
		want = append(want, id)
	}
	again := openStream(t, baseB, "/api/_events?collections=notes", "Last-Event-ID", last.ID)
	seen := map[string]bool{}
	for len(seen) < len(want) {
		ev := again.next(t)
		if id := str(ev.Data["id"]); id != "m0" {
			seen[id] = true
		}
	}
	var got []string
	for id := range seen {
		got = append(got, id)
	}
	sort.Strings(got)
	assert.Equal(t, want, got)
}
