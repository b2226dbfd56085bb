package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// certificationPack is the repository's example pack, from this package's
// folder.
const certificationPack = "../../examples/certification"

// TestServeLoadCertificationPack runs `credence serve --load
// examples/certification` as a user would (admin key in
// CREDENCE_ADMIN_KEY, automations on by default, anonymous callers
// public), checks the pack over HTTP, then starts again on the same file
// with --load: the second load writes nothing.
func TestServeLoadCertificationPack(t *testing.T) {
	clearCredenceEnv(t)
	t.Setenv("CREDENCE_ADMIN_KEY", testAdminKey)
	data := filepath.Join(t.TempDir(), "c.db")
	args := []string{"--data", data, "--addr", "127.0.0.1:0", "--load", certificationPack}
	c := newClient(t)

	get := func(s *inProcessServer, key, path string) (int, string) {
		t.Helper()
		return c.withKey(key, http.MethodGet, s.url+path, "")
	}
	// ids lists a collection as the admin and returns the ids of its items.
	ids := func(s *inProcessServer, path string) []string {
		t.Helper()
		status, body := get(s, testAdminKey, path)
		require.Equal(t, http.StatusOK, status, "GET %s: %s", path, body)
		var page struct {
			Items []struct {
				ID string `json:"id"`
			} `json:"items"`
			NextCursor string `json:"nextCursor"`
		}
		require.NoError(t, json.Unmarshal([]byte(body), &page), "GET %s: %s", path, body)
		assert.Empty(t, page.NextCursor, "GET %s: more than one page", path)
		out := make([]string, len(page.Items))
		for i, it := range page.Items {
			out[i] = it.ID
		}
		return out
	}
	// What the pack holds, read from its files (it grows: the counts are
	// not written here).
	packIDs := func(pattern string) []string {
		t.Helper()
		files, err := filepath.Glob(filepath.Join(certificationPack, pattern))
		require.NoError(t, err)
		require.NotEmpty(t, files, pattern)
		var out []string
		for _, f := range files {
			out = append(out, strings.TrimSuffix(filepath.Base(f), ".json"))
		}
		return out
	}
	var exams []struct {
		ID string `json:"id"`
	}
	b, err := os.ReadFile(filepath.Join(certificationPack, "documents", "exams.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &exams))
	var wantExams []string
	for _, e := range exams {
		wantExams = append(wantExams, e.ID)
	}
	oneByOne, err := filepath.Glob(filepath.Join(certificationPack, "documents", "exams", "*.json"))
	require.NoError(t, err)
	for _, f := range oneByOne {
		wantExams = append(wantExams, strings.TrimSuffix(filepath.Base(f), ".json"))
	}
	require.NotEmpty(t, wantExams)
	wantSchemas := packIDs("schemas/*.json")
	wantAutomations := packIDs("documents/_automations/*.json")
	t.Logf("the pack: %d schemas, %d exams, %d automations", len(wantSchemas), len(wantExams), len(wantAutomations))

	// First start: the pack is loaded into an empty store.
	s := startServeInProcess(t, args...)
	loaded := s.packLoaded(t)
	assert.Equal(t, certificationPack, loaded["dir"])
	assert.Positive(t, loaded["created"], "first load: %v", loaded)
	assert.Zero(t, loaded["updated"], "first load: %v", loaded)
	assert.Zero(t, loaded["unchanged"], "first load: %v", loaded)

	assert.ElementsMatch(t, wantExams, ids(s, "/api/exams?limit=100"))
	schemas := ids(s, "/api/_schemas?limit=100")
	assert.Subset(t, schemas, wantSchemas)
	assert.Contains(t, schemas, "credentials")
	assert.Contains(t, schemas, "attempts")
	assert.ElementsMatch(t, wantAutomations, ids(s, "/api/_automations?limit=100"))

	// Learners are private. The pack holds none: one made by the admin
	// (no account) and one by a learner's key (account = its subject).
	status, body := c.withKey(testAdminKey, http.MethodPut, s.url+"/api/learners/ada",
		`{"name": "Ada", "email": "ada@example.com"}`)
	require.Equal(t, http.StatusCreated, status, body)
	status, body = c.withKey(testAdminKey, http.MethodPost, s.url+"/api/_keys", `{"role": "learner", "subject": "u-bob"}`)
	require.Equal(t, http.StatusCreated, status, body)
	var key struct {
		Secret string `json:"secret"`
	}
	require.NoError(t, json.Unmarshal([]byte(body), &key), body)
	require.NotEmpty(t, key.Secret, body)
	status, body = c.withKey(key.Secret, http.MethodPut, s.url+"/api/learners/u-bob",
		`{"name": "Bob", "email": "bob@example.com"}`)
	require.Equal(t, http.StatusCreated, status, body)
	assert.ElementsMatch(t, []string{"ada", "u-bob"}, ids(s, "/api/learners"))
	assertLearnersHidden := func(s *inProcessServer) {
		t.Helper()
		// The collection grants reads by formula: a caller without a key
		// gets a list with nothing in it, and a 404 for each learner.
		status, body := get(s, "", "/api/learners")
		assert.Equal(t, http.StatusOK, status, "anonymous GET /api/learners: %s", body)
		assert.JSONEq(t, `{"items": []}`, body, "anonymous GET /api/learners")
		for _, id := range []string{"ada", "u-bob"} {
			status, body = get(s, "", "/api/learners/"+id)
			assert.Equal(t, http.StatusNotFound, status, "anonymous GET /api/learners/%s: %s", id, body)
		}
		status, body = c.withKey("", http.MethodPost, s.url+"/api/learners", `{"name": "Eve", "email": "eve@example.com"}`)
		assert.Equal(t, http.StatusForbidden, status, "anonymous POST /api/learners: %s", body)
	}
	assertLearnersHidden(s)
	status, body = get(s, key.Secret, "/api/learners")
	require.Equal(t, http.StatusOK, status, body)
	assert.Contains(t, body, `"id":"u-bob"`)
	assert.NotContains(t, body, `"id":"ada"`, "a learner reads only their own profile")

	status, body = c.withKey(testAdminKey, http.MethodGet, s.url+"/openapi.json", "")
	require.Equal(t, http.StatusOK, status, body)
	var spec struct {
		Paths map[string]json.RawMessage `json:"paths"`
	}
	require.NoError(t, json.Unmarshal([]byte(body), &spec))
	assert.Contains(t, spec.Paths, "/api/credentials")
	assert.Contains(t, spec.Paths, "/api/credentials/{id}")

	status, body = get(s, testAdminKey, "/api/exams/automation-fundamentals/revisions")
	require.Equal(t, http.StatusOK, status, body)
	revisions := body
	require.NoError(t, s.stop(t))
	_, ok := s.findLog(t, "stopped cleanly")
	assert.True(t, ok, `no "stopped cleanly" line in the log`)

	// Second start on the same file with the same pack: it starts, and the
	// load finds everything in place.
	s = startServeInProcess(t, args...)
	again := s.packLoaded(t)
	assert.Zero(t, again["created"], "second load: %v", again)
	assert.Zero(t, again["updated"], "second load: %v", again)
	assert.Equal(t, loaded["created"], again["unchanged"], "second load: %v", again)

	assert.ElementsMatch(t, wantExams, ids(s, "/api/exams?limit=100"))
	assert.ElementsMatch(t, schemas, ids(s, "/api/_schemas?limit=100"))
	assert.ElementsMatch(t, wantAutomations, ids(s, "/api/_automations?limit=100"))
	status, body = get(s, testAdminKey, "/api/exams/automation-fundamentals/revisions")
	require.Equal(t, http.StatusOK, status, body)
	assert.JSONEq(t, revisions, body, "the second load added a revision")
	assert.ElementsMatch(t, []string{"ada", "u-bob"}, ids(s, "/api/learners"))
	assertLearnersHidden(s)
	require.NoError(t, s.stop(t))
}

// clearCredenceEnv unsets every CREDENCE_ variable for the test (they are
// restored after it), so that the developer's settings cannot leak into an
// in-process serve.
func clearCredenceEnv(t *testing.T) {
	t.Helper()
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); strings.HasPrefix(k, "CREDENCE_") {
			t.Setenv(k, "") // restores the old value at the end
			require.NoError(t, os.Unsetenv(k))
		}
	}
}

// inProcessServer is `credence serve` running in the test's process, as
// main runs it: run with a context that stands for the stop signal.
type inProcessServer struct {
	url    string
	log    *lockedBuffer
	cancel context.CancelFunc
	done   chan struct{}
	err    error // set before done is closed
}

// startServeInProcess runs `credence serve args...` in this process, waits
// until it answers /healthz, and stops it at the end of the test.
func startServeInProcess(t *testing.T, args ...string) *inProcessServer {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &inProcessServer{log: &lockedBuffer{}, cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(s.done)
		s.err = run(ctx, append([]string{"serve"}, args...), strings.NewReader(""), &lockedBuffer{}, s.log)
	}()
	t.Cleanup(func() {
		cancel()
		<-s.done
		if t.Failed() {
			t.Logf("credence serve said:\n%s", s.log.String())
		}
	})

	deadline := time.Now().Add(10 * time.Second)
	for s.url == "" {
		if line, ok := s.findLog(t, "credence is serving"); ok {
			s.url = "http://" + line["addr"].(string)
			break
		}
		select {
		case <-s.done:
			t.Fatalf("credence serve ended before serving (%v):\n%s", s.err, s.log.String())
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("credence serve did not start in time:\n%s", s.log.String())
		}
	}
	c := newClient(t)
	for {
		status, _, err := c.do(http.MethodGet, s.url+"/healthz", "")
		if err == nil && status == http.StatusOK {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("/healthz: %d %v\n%s", status, err, s.log.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// stop does what a stop signal does and returns serve's error.
func (s *inProcessServer) stop(t *testing.T) error {
	t.Helper()
	s.cancel()
	select {
	case <-s.done:
	case <-time.After(5 * time.Second):
		t.Fatalf("credence serve still running 5s after it was told to stop:\n%s", s.log.String())
	}
	return s.err
}

// findLog returns the first JSON log line whose msg is msg.
func (s *inProcessServer) findLog(t *testing.T, msg string) (map[string]any, bool) {
	t.Helper()
	for _, l := range strings.Split(s.log.String(), "\n") {
		var m map[string]any
		if json.Unmarshal([]byte(l), &m) == nil && m["msg"] == msg {
			return m, true
		}
	}
	return nil, false
}

// packLoaded returns the "pack loaded" log line, its counts as ints.
func (s *inProcessServer) packLoaded(t *testing.T) map[string]any {
	t.Helper()
	line, ok := s.findLog(t, "pack loaded")
	require.True(t, ok, "no \"pack loaded\" line in the log:\n%s", s.log.String())
	for _, k := range []string{"created", "updated", "unchanged"} {
		n, ok := line[k].(float64)
		require.True(t, ok, "%s in %v", k, line)
		line[k] = int(n)
	}
	return line
}

// lockedBuffer is a bytes.Buffer safe for a writer and readers in other
// goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
