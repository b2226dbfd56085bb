package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/engine"
	"github.com/credence/credence/store"
	"github.com/credence/credence/store/bolt"
)

// testAdminKey is the admin key the access tests give credence serve.
const testAdminKey = "test-admin-key-0123456789abcdef-0123456789"

// withKey sends a request with a bearer key ("" for none) and returns the
// status and body.
func (c *client) withKey(key, method, url, body string) (int, string) {
	c.t.Helper()
	hdr := http.Header{}
	if key != "" {
		hdr.Set("Authorization", "Bearer "+key)
	}
	status, b, err := c.doHeader(method, url, body, hdr)
	require.NoError(c.t, err, "%s %s", method, url)
	return status, string(b)
}

// runBinary runs the credence binary with args and extra environment, and
// returns its output and exit code.
func runBinary(t *testing.T, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(credenceBinary(t), args...)
	cmd.Env = cleanEnv(env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatalf("credence %v: %v", args, err)
	}
	return out.String(), errOut.String(), code
}

func TestKeysCreateAndServeWithKeys(t *testing.T) {
	data := filepath.Join(t.TempDir(), "c.db")
	env := []string{"CREDENCE_ANONYMOUS_ROLE=public", "CREDENCE_ADMIN_KEY=" + testAdminKey}

	// A key made before the server starts.
	stdout, stderr, code := runBinary(t, nil, "keys", "create", "--role", "editor", "--data", data)
	require.Equal(t, 0, code, "stderr: %s", stderr)
	editorKey := strings.TrimSpace(stdout)
	require.GreaterOrEqual(t, len(editorKey), 32, "stdout: %q", stdout)
	assert.Contains(t, stderr, "role editor")

	s := startServe(t, data, nil, env...)
	c := newClient(t)

	status, body := c.withKey(testAdminKey, http.MethodPut, s.url+"/api/_schemas/items", itemsSchema)
	require.Equal(t, http.StatusCreated, status, body)

	status, body = c.withKey(editorKey, http.MethodPost, s.url+"/api/items", `{"id":"i1","code":"one"}`)
	assert.Equal(t, http.StatusCreated, status, body)
	status, body = c.withKey(editorKey, http.MethodGet, s.url+"/api/items/i1", "")
	assert.Equal(t, http.StatusOK, status, body)
	// An editor does not manage keys or schemas.
	status, body = c.withKey(editorKey, http.MethodPost, s.url+"/api/_keys", `{"role":"admin"}`)
	assert.Equal(t, http.StatusForbidden, status, body)
	status, body = c.withKey(editorKey, http.MethodPut, s.url+"/api/_schemas/more", itemsSchema)
	assert.Equal(t, http.StatusForbidden, status, body)

	// Without a key, the caller is public: no writes, and no reads that
	// x-access does not grant.
	for _, r := range []struct{ method, path, body string }{
		{http.MethodPost, "/api/items", `{"id":"i2","code":"two"}`},
		{http.MethodPut, "/api/_schemas/more", itemsSchema},
		{http.MethodPost, "/api/_keys", `{"role":"admin"}`},
		{http.MethodGet, "/api/items", ""},
		{http.MethodGet, "/api/items/i1", ""},
		{http.MethodGet, "/api/_audit", ""},
	} {
		status, body := c.withKey("", r.method, s.url+r.path, r.body)
		assert.Equal(t, http.StatusForbidden, status, "%s %s: %s", r.method, r.path, body)
	}
	status, body = c.withKey("not-a-key", http.MethodGet, s.url+"/api/items", "")
	assert.Equal(t, http.StatusUnauthorized, status, body)

	// A key made over HTTP by the admin works at once.
	status, body = c.withKey(testAdminKey, http.MethodPost, s.url+"/api/_keys", `{"role":"editor","name":"second"}`)
	require.Equal(t, http.StatusCreated, status, body)
	i := strings.Index(body, `"secret":"`)
	require.Positive(t, i, body)
	second := body[i+len(`"secret":"`):]
	second = second[:strings.IndexByte(second, '"')]
	status, body = c.withKey(second, http.MethodGet, s.url+"/api/items/i1", "")
	assert.Equal(t, http.StatusOK, status, body)

	// The audit names who wrote what.
	status, body = c.withKey(testAdminKey, http.MethodGet, s.url+"/api/_audit?filter="+`collection%20%3D%3D%20%22items%22`, "")
	require.Equal(t, http.StatusOK, status, body)
	assert.Contains(t, body, `"role":"editor"`)
	assert.Contains(t, body, `"docId":"i1"`)
	require.Equal(t, 0, s.terminate(10*time.Second))

	// The admin key given at start survives a restart with the same
	// secret, and a wrong one is refused.
	s = startServe(t, data, nil, env...)
	status, body = c.withKey(testAdminKey, http.MethodGet, s.url+"/api/_keys", "")
	assert.Equal(t, http.StatusOK, status, body)
	assert.NotContains(t, body, "secretHash")
	status, body = c.withKey(testAdminKey+"x", http.MethodGet, s.url+"/api/_keys", "")
	assert.Equal(t, http.StatusUnauthorized, status, body)
	require.Equal(t, 0, s.terminate(10*time.Second))

	// --admin-key-file replaces the key "admin": the old secret stops working.
	keyFile := filepath.Join(t.TempDir(), "admin.key")
	newAdmin := strings.Repeat("k", 40)
	require.NoError(t, os.WriteFile(keyFile, []byte(newAdmin+"\n"), 0o600))
	s = startServe(t, data, []string{"--admin-key-file", keyFile}, "CREDENCE_ANONYMOUS_ROLE=public")
	status, body = c.withKey(newAdmin, http.MethodGet, s.url+"/api/_keys", "")
	assert.Equal(t, http.StatusOK, status, body)
	status, body = c.withKey(testAdminKey, http.MethodGet, s.url+"/api/_keys", "")
	assert.Equal(t, http.StatusUnauthorized, status, body)
	s.assertNoDataRace()
}

func TestServeRefusesShortAdminKey(t *testing.T) {
	data := filepath.Join(t.TempDir(), "c.db")
	_, stderr, code := runBinary(t, []string{"CREDENCE_ADMIN_KEY=short"}, "serve", "--addr", "127.0.0.1:0", "--data", data)
	assert.NotEqual(t, 0, code)
	assert.Contains(t, stderr, "at least 32")
}

func TestAuthFailureLimitFlag(t *testing.T) {
	tests := []struct {
		name string
		env  string // CREDENCE_AUTH_FAILURE_LIMIT, unset when empty
		args []string
		want engine.AuthFailureLimit
	}{
		{"default", "", nil, engine.AuthFailureLimit{PerMinute: engine.DefaultAuthFailuresPerMinute}},
		{"flag", "", []string{"--auth-failure-limit", "30"}, engine.AuthFailureLimit{PerMinute: 30}},
		{"environment", "2.5", nil, engine.AuthFailureLimit{PerMinute: 2.5}},
		{"the flag wins", "5", []string{"--auth-failure-limit", "20"}, engine.AuthFailureLimit{PerMinute: 20}},
		{"off", "", []string{"--auth-failure-limit", "0"}, engine.AuthFailureLimit{PerMinute: -1}},
		{"off by the environment", "0", nil, engine.AuthFailureLimit{PerMinute: -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("CREDENCE_AUTH_FAILURE_LIMIT", tt.env)
			if tt.env == "" {
				os.Unsetenv("CREDENCE_AUTH_FAILURE_LIMIT") // t.Setenv restores it
			}
			fs := newFlags("serve", io.Discard)
			af, err := addAuthFlags(fs)
			require.NoError(t, err)
			require.NoError(t, parse(fs, tt.args))
			var cfg engine.Config
			af.engineConfig(&cfg)
			assert.Equal(t, tt.want, cfg.AuthFailures)
		})
	}
	t.Run("a bad environment value", func(t *testing.T) {
		t.Setenv("CREDENCE_AUTH_FAILURE_LIMIT", "many")
		_, err := addAuthFlags(newFlags("serve", io.Discard))
		require.Error(t, err)
		assert.Contains(t, err.Error(), "CREDENCE_AUTH_FAILURE_LIMIT")
	})
}

func TestServeThrottlesFailedAuthentications(t *testing.T) {
	dir := t.TempDir()
	c := newClient(t)
	s := startServe(t, filepath.Join(dir, "on.db"), nil, "CREDENCE_ADMIN_KEY="+testAdminKey)
	status, body := c.withKey(testAdminKey, http.MethodGet, s.url+"/api/_keys", "")
	require.Equal(t, http.StatusOK, status, "the admin key, used before the guesses: %s", body)
	for i := range engine.DefaultAuthFailureBurst {
		status, body := c.withKey(fmt.Sprintf("guess-%d", i), http.MethodGet, s.url+"/api/_keys", "")
		require.Equal(t, http.StatusUnauthorized, status, "guess %d: %s", i+1, body)
	}
	status, body = c.withKey("guess", http.MethodGet, s.url+"/api/_keys", "")
	assert.Equal(t, http.StatusTooManyRequests, status, body)
	assert.Contains(t, body, "too many failed authentications from this address")
	status, body = c.withKey(testAdminKey, http.MethodGet, s.url+"/api/_keys", "")
	assert.Equal(t, http.StatusOK, status, "a key used in the last seconds still passes: %s", body)

	s = startServe(t, filepath.Join(dir, "off.db"), []string{"--auth-failure-limit", "0"})
	for i := range 3 * engine.DefaultAuthFailureBurst {
		status, body := c.withKey(fmt.Sprintf("guess-%d", i), http.MethodGet, s.url+"/api/_keys", "")
		require.Equal(t, http.StatusUnauthorized, status, "guess %d: %s", i+1, body)
	}
}

func TestAuditVerify(t *testing.T) {
	data := filepath.Join(t.TempDir(), "c.db")
	s := startServe(t, data, nil, "CREDENCE_ANONYMOUS_ROLE=public", "CREDENCE_ADMIN_KEY="+testAdminKey)
	c := newClient(t)
	status, body := c.withKey(testAdminKey, http.MethodPut, s.url+"/api/_schemas/items", itemsSchema)
	require.Equal(t, http.StatusCreated, status, body)
	for i := range 5 {
		status, body := c.withKey(testAdminKey, http.MethodPost, s.url+"/api/items", fmt.Sprintf(`{"id":"i%d","code":"c%d"}`, i, i))
		require.Equal(t, http.StatusCreated, status, body)
	}
	require.Equal(t, 0, s.terminate(10*time.Second))

	stdout, stderr, code := runBinary(t, nil, "audit", "verify", "--data", data)
	require.Equal(t, 0, code, "stdout: %s\nstderr: %s", stdout, stderr)
	assert.Contains(t, stdout, "holds")

	// Entry 4, the first item's creation, is told to be someone else's.
	const target = "0000000000000004"
	st, err := bolt.Open(data, bolt.Options{})
	require.NoError(t, err)
	err = st.Update(t.Context(), func(tx store.Tx) error {
		raw, err := tx.Get("docs/_audit", []byte(target))
		if err != nil {
			return err
		}
		edited := bytes.Replace(raw, []byte(`"keyId":"admin"`), []byte(`"keyId":"someone"`), 1)
		if bytes.Equal(raw, edited) {
			return fmt.Errorf("entry %s has no keyId admin: %s", target, raw)
		}
		return tx.Put("docs/_audit", []byte(target), edited)
	})
	require.NoError(t, err)
	require.NoError(t, st.Close())

	stdout, stderr, code = runBinary(t, nil, "audit", "verify", "--data", data)
	assert.Equal(t, 1, code, "stdout: %s\nstderr: %s", stdout, stderr)
	assert.Contains(t, stderr, "broken at entry "+target)
	assert.NotContains(t, stdout, "holds")
}
