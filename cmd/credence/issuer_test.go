package main

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestServePublishesTheIssuerKeys: serve on a bbolt file keeps the issuer
// secret beside it (owner only), publishes the key as did:web and JWKS, and
// keeps it across restarts; a wrong secret is refused at start.
func TestServePublishesTheIssuerKeys(t *testing.T) {
	data := filepath.Join(t.TempDir(), "credence.db")
	didOf := func(s *server) map[string]any {
		res, err := http.Get(s.url + "/.well-known/did.json")
		require.NoError(t, err)
		defer res.Body.Close()
		require.Equal(t, http.StatusOK, res.StatusCode)
		var d map[string]any
		require.NoError(t, json.NewDecoder(res.Body).Decode(&d))
		return d
	}
	s := startServe(t, data, []string{"--public-url", "https://cert.example.org"})
	first := didOf(s)
	assert.Equal(t, "did:web:cert.example.org", first["id"])
	require.Len(t, first["verificationMethod"], 1)
	info, err := os.Stat(data + ".issuer-secret")
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	res, err := http.Get(s.url + "/.well-known/jwks.json")
	require.NoError(t, err)
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	assert.Contains(t, string(body), `"kty":"OKP"`)
	assert.Contains(t, string(body), `"crv":"Ed25519"`)
	assert.NotContains(t, string(body), `"d":`, "no private part")
	s.terminate(10e9)

	s = startServe(t, data, []string{"--public-url", "https://cert.example.org"})
	assert.Equal(t, first["verificationMethod"], didOf(s)["verificationMethod"], "the same key after a restart")
	s.terminate(10e9)

	bad := startServeNoWait(t, data, nil, "CREDENCE_ISSUER_SECRET="+strings.Repeat("y", 40))
	assert.NotZero(t, bad.wait(20e9))
	assert.Contains(t, bad.stderr(), "does not open")
}
