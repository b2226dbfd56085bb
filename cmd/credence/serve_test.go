package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const itemsSchema = `{"type":"object","required":["code"],"properties":{` +
	`"code":{"type":"string","x-unique":true},` +
	`"n":{"type":"integer","x-index":true}}}`

func TestServeShutsDownGracefully(t *testing.T) {
	data := filepath.Join(t.TempDir(), "c.db")
	s := startServe(t, data, nil)
	c := newClient(t)
	c.must(http.StatusCreated, http.MethodPut, s.url+"/api/_schemas/items", itemsSchema)

	// Writers that keep going until the server stops answering.
	var acked sync.Map // id -> true
	var nAcked atomic.Int64
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := 0; ; i++ {
				id := fmt.Sprintf("w%d-%d", w, i)
				status, body, err := c.do(http.MethodPost, s.url+"/api/items", fmt.Sprintf(`{"id":%q,"code":%q}`, id, id))
				if err != nil {
					return
				}
				if status != http.StatusCreated {
					t.Errorf("POST %s: %d %s", id, status, body)
					return
				}
				acked.Store(id, true)
				nAcked.Add(1)
			}
		})
	}

	// A request in flight when the signal comes: its headers and half of
	// its body are sent, the rest follows after SIGTERM.
	conn, err := net.Dial("tcp", strings.TrimPrefix(s.url, "http://"))
	require.NoError(t, err)
	defer conn.Close()
	body := `{"code":"slow","n":42}`
	fmt.Fprintf(conn, "PUT /api/items/slow HTTP/1.1\r\nHost: credence\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s",
		len(body), body[:10])
	time.Sleep(300 * time.Millisecond) // the server has read the headers

	require.NoError(t, s.cmd.Process.Signal(syscall.SIGTERM))
	time.Sleep(300 * time.Millisecond) // shutdown has begun and waits for us
	_, err = conn.Write([]byte(body[10:]))
	require.NoError(t, err)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err, "the in-flight request must be answered")
	assert.Equal(t, http.StatusCreated, resp.StatusCode)
	resp.Body.Close()

	code := s.wait(5 * time.Second)
	wg.Wait()
	assert.Equal(t, 0, code)
	s.assertNoDataRace()
	_, ok := s.findLog("shutting down: finishing in-flight requests")
	assert.True(t, ok, "no shutdown line in the log")
	_, ok = s.findLog("stopped cleanly")
	assert.True(t, ok, `no "stopped cleanly" line in the log`)
	require.Positive(t, nAcked.Load(), "no write was acknowledged before the signal")

	// The file is closed and unlocked: export opens it at once, and holds
	// every acknowledged write and the slow one.
	stdout, stderr, err := runCLI(t, nil, "export", "--data", data)
	require.NoError(t, err, stderr)
	exported := map[string]bool{}
	for _, rec := range parseNDJSON(t, stdout) {
		if rec.Collection == "items" {
			exported[rec.id(t)] = true
		}
	}
	assert.True(t, exported["slow"], "the in-flight PUT is missing")
	acked.Range(func(id, _ any) bool {
		assert.True(t, exported[id.(string)], "acknowledged %s is missing", id)
		return true
	})
	t.Logf("%d writes acknowledged before and during shutdown, all exported", nAcked.Load())
}

func TestServeLogsOneLinePerRequest(t *testing.T) {
	s := startServe(t, filepath.Join(t.TempDir(), "c.db"), nil)
	c := newClient(t)
	type sent struct {
		method, path string
		status       int
		bytes        int
	}
	var requests []sent
	do := func(method, path, body string, hdr http.Header) {
		t.Helper()
		id := fmt.Sprintf("req-%d", len(requests))
		h := http.Header{"X-Request-Id": {id}}
		for k, v := range hdr {
			h[k] = v
		}
		status, b, err := c.doHeader(method, s.url+path, body, h)
		require.NoError(t, err)
		requests = append(requests, sent{method, path, status, len(b)})
	}
	do(http.MethodGet, "/healthz", "", nil)
	do(http.MethodPut, "/api/_schemas/items", itemsSchema, nil)
	do(http.MethodPost, "/api/items", `{"id":"a","code":"A"}`, nil)
	do(http.MethodGet, "/api/items/a", "", nil)
	do(http.MethodGet, "/api/items/a", "", http.Header{"If-None-Match": {"*"}})
	do(http.MethodGet, "/api/items/nope", "", nil)
	do(http.MethodPatch, "/api/items/a", `{"n":1}`, http.Header{"Content-Type": {"text/plain"}})
	do(http.MethodPost, "/api/items", `{"code":`, nil)
	do(http.MethodDelete, "/api/items/a", "", nil)
	do(http.MethodPost, "/healthz", "", nil)

	// Stop the server so that every line is written.
	require.Equal(t, 0, s.terminate(5*time.Second))
	s.assertNoDataRace()

	// Every line is JSON; the request lines are matched to the requests by
	// the X-Request-Id the test sent (waitReady's probe has its own).
	byID := map[string][]map[string]any{}
	for _, line := range s.logLines() {
		if id, _ := line["requestId"].(string); line["msg"] == "request" && strings.HasPrefix(id, "req-") {
			byID[id] = append(byID[id], line)
		}
	}
	assert.Len(t, byID, len(requests), "one request line per request")
	wantStatus := []int{200, 201, 201, 200, 304, 404, 415, 400, 204, 405}
	for i, r := range requests {
		t.Run(fmt.Sprintf("%s %s %d", r.method, r.path, r.status), func(t *testing.T) {
			assert.Equal(t, wantStatus[i], r.status)
			lines := byID[fmt.Sprintf("req-%d", i)]
			require.Len(t, lines, 1)
			line := lines[0]
			assert.Equal(t, "INFO", line["level"])
			assert.Equal(t, r.method, line["method"])
			assert.Equal(t, r.path, line["path"])
			assert.Equal(t, float64(r.status), line["status"])
			assert.Equal(t, float64(r.bytes), line["bytes"])
			d, ok := line["duration"].(float64)
			assert.True(t, ok && d > 0, "duration: %v", line["duration"])
			_, err := time.Parse(time.RFC3339Nano, line["time"].(string))
			assert.NoError(t, err)
		})
	}
}

// record is one line of an export, as the tests read it.
type record struct {
	Collection string            `json:"collection"`
	Document   json.RawMessage   `json:"document"`
	Revisions  []json.RawMessage `json:"revisions"`
}

func (r record) id(t *testing.T) string {
	var d struct {
		ID string `json:"id"`
	}
	require.NoError(t, json.Unmarshal(r.Document, &d))
	return d.ID
}

func parseNDJSON(t *testing.T, s string) []record {
	t.Helper()
	var out []record
	for i, line := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		if line == "" {
			continue
		}
		var r record
		require.NoError(t, json.Unmarshal([]byte(line), &r), "line %d", i+1)
		out = append(out, r)
	}
	return out
}

// TestTuneGC: a server collects at serverGC unless GOGC is set, which
// stays the operator's word.
func TestTuneGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, c := range []struct {
		gogc string // "" for unset
		want int
	}{{"", serverGC}, {"150", 100}} {
		if c.gogc == "" {
			t.Setenv("GOGC", "")
			require.NoError(t, os.Unsetenv("GOGC"))
		} else {
			t.Setenv("GOGC", c.gogc)
		}
		debug.SetGCPercent(100)
		tuneGC()
		assert.Equal(t, c.want, debug.SetGCPercent(100), "GOGC=%q", c.gogc)
	}
}
