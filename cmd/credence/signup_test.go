package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestServeSignUp: with --signup open and no SMTP server, a sign-up's code
// is written to the log; it verifies the address, and the access token
// reads as the account.
func TestServeSignUp(t *testing.T) {
	s := startServe(t, filepath.Join(t.TempDir(), "credence.db"), []string{"--signup", "open", "--automation-poll", "20ms"})
	post := func(path, body, bearer string) (int, map[string]any) {
		req, err := http.NewRequest(http.MethodPost, s.url+path, bytes.NewReader([]byte(body)))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		if bearer != "" {
			req.Header.Set("Authorization", "Bearer "+bearer)
		}
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		var m map[string]any
		json.Unmarshal(b, &m)
		return res.StatusCode, m
	}
	status, _ := post("/auth/signup", `{"email": "eve@example.org", "password": "correct horse battery"}`, "")
	require.Equal(t, http.StatusAccepted, status)
	code := regexp.MustCompile(`confirmation code is ([0-9]{6})`)
	var found string
	require.Eventually(t, func() bool {
		if m := code.FindStringSubmatch(s.stderr()); m != nil {
			found = m[1]
			return true
		}
		return false
	}, 10*time.Second, 20*time.Millisecond, "the code in the log")
	status, tok := post("/auth/verify", `{"email": "eve@example.org", "code": "`+found+`"}`, "")
	require.Equal(t, http.StatusOK, status, "%v", tok)
	req, err := http.NewRequest(http.MethodGet, s.url+"/auth/me", nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+tok["accessToken"].(string))
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	var me map[string]any
	require.NoError(t, json.NewDecoder(res.Body).Decode(&me))
	assert.Equal(t, "eve@example.org", me["email"])
	assert.Equal(t, "learner", me["role"])
}
