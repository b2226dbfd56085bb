package credentials_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
	"github.com/credence/credence/engine/credentials"
	"github.com/credence/credence/store/bolt"
)

var secret = []byte("a secret of thirty-two bytes or more, kept apart")

func TestKeysAreSealedAndRotate(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "credence.db")
	st, err := bolt.Open(path, bolt.Options{})
	require.NoError(t, err)
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }

	_, err = credentials.OpenKeys(ctx, st, secret[:20], clock)
	require.Error(t, err, "a short secret")
	keys, err := credentials.OpenKeys(ctx, st, secret, clock)
	require.NoError(t, err)
	first, priv, err := keys.Current(ctx)
	require.NoError(t, err)
	assert.Equal(t, priv.Public(), first.Public)
	signed, err := credentials.Sign([]byte(badge), map[string]any{"verificationMethod": "did:web:cert.example.org#" + first.ID, "proofPurpose": "assertionMethod"}, priv)
	require.NoError(t, err)

	// Opened again, the same key; with another secret, refused.
	again, err := credentials.OpenKeys(ctx, st, secret, clock)
	require.NoError(t, err)
	k, _, err := again.Current(ctx)
	require.NoError(t, err)
	assert.Equal(t, first.ID, k.ID)
	_, err = credentials.OpenKeys(ctx, st, []byte(strings.Repeat("x", 40)), clock)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "does not open")

	// A rotation: a new current key; the old one retired, still known.
	now = now.Add(24 * time.Hour)
	second, err := keys.Rotate(ctx)
	require.NoError(t, err)
	cur, _, err := keys.Current(ctx)
	require.NoError(t, err)
	assert.Equal(t, second.ID, cur.ID)
	list, err := keys.List(ctx)
	require.NoError(t, err)
	require.Len(t, list, 2)
	assert.Equal(t, first.ID, list[0].ID)
	require.NotNil(t, list[0].Retired)
	assert.Equal(t, now, *list[0].Retired)
	old, err := keys.Public(ctx, first.ID)
	require.NoError(t, err)
	require.NoError(t, credentials.Verify(signed, func(string) (ed25519.PublicKey, error) { return old.Public, nil }),
		"what the retired key signed still verifies")
	_, err = keys.Public(ctx, "key-never")
	require.Error(t, err)

	// The store holds no private key in the clear.
	require.NoError(t, st.Close())
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.False(t, bytes.Contains(raw, priv.Seed()), "the seed is sealed")
	assert.True(t, bytes.Contains(raw, []byte(first.PublicKeyMultibase())), "the public key is there")
}

func TestKeysArePublished(t *testing.T) {
	ctx := context.Background()
	st, err := bolt.Open(filepath.Join(t.TempDir(), "credence.db"), bolt.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	svc, err := documents.New(ctx, st, documents.Options{})
	require.NoError(t, err)
	keys, err := credentials.OpenKeys(ctx, st, secret, nil)
	require.NoError(t, err)
	pub := &credentials.Publisher{Keys: keys, PublicURL: "https://cert.example.org"}
	srv := httptest.NewServer(engine.New(engine.Config{AnonymousRole: documents.RolePublic, Routes: pub.Routes}, svc))
	t.Cleanup(srv.Close)
	key := func(role string) string {
		s, _, err := svc.PutKey(ctx, documents.KeySpec{Role: role, Name: role})
		require.NoError(t, err)
		return s
	}
	admin, editor := key(documents.RoleAdmin), key(documents.RoleEditor)
	call := func(method, path, key string) (int, []byte) {
		req, err := http.NewRequest(method, srv.URL+path, nil)
		require.NoError(t, err)
		if key != "" {
			req.Header.Set("Authorization", "Bearer "+key)
		}
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		require.NoError(t, err)
		return res.StatusCode, b
	}

	// Only an admin rotates.
	status, _ := call("POST", "/api/_issuer/keys/rotate", "")
	assert.Equal(t, http.StatusUnauthorized, status)
	status, _ = call("POST", "/api/_issuer/keys/rotate", editor)
	assert.Equal(t, http.StatusForbidden, status)
	first, firstPriv, err := keys.Current(ctx)
	require.NoError(t, err)
	status, body := call("POST", "/api/_issuer/keys/rotate", admin)
	require.Equal(t, http.StatusCreated, status, "%s", body)
	assert.NotContains(t, string(body), "sealed")

	// The DID document lists both keys; a verifier that reads it alone
	// checks what the retired key signed.
	status, body = call("GET", "/.well-known/did.json", "")
	require.Equal(t, http.StatusOK, status)
	var did struct {
		ID                 string
		VerificationMethod []struct{ ID, Type, Controller, PublicKeyMultibase string }
		AssertionMethod    []string
	}
	require.NoError(t, json.Unmarshal(body, &did))
	assert.Equal(t, "did:web:cert.example.org", did.ID)
	require.Len(t, did.VerificationMethod, 2)
	assert.Len(t, did.AssertionMethod, 2)
	resolve := func(vm string) (ed25519.PublicKey, error) {
		for _, m := range did.VerificationMethod {
			if m.ID == vm && m.Type == "Multikey" && m.Controller == did.ID {
				return credentials.DecodePublicKey(m.PublicKeyMultibase)
			}
		}
		return nil, errors.New("not in the DID document")
	}
	signed, err := credentials.Sign([]byte(badge), map[string]any{"verificationMethod": did.ID + "#" + first.ID, "proofPurpose": "assertionMethod"}, firstPriv)
	require.NoError(t, err)
	require.NoError(t, credentials.Verify(signed, resolve))
	assert.NotContains(t, string(body), "sealed")

	// The JWKS holds the same keys.
	status, body = call("GET", "/.well-known/jwks.json", "")
	require.Equal(t, http.StatusOK, status)
	var set jose.JSONWebKeySet
	require.NoError(t, json.Unmarshal(body, &set))
	require.Len(t, set.Keys, 2)
	got := set.Key(first.ID)
	require.Len(t, got, 1)
	assert.Equal(t, first.Public, got[0].Key)
	assert.True(t, got[0].IsPublic())
	status, body = call("GET", "/api/_issuer/keys", admin)
	require.Equal(t, http.StatusOK, status)
	assert.Contains(t, string(body), first.ID)
}

func TestDID(t *testing.T) {
	assert.Equal(t, "did:web:cert.example.org", credentials.DID("https://cert.example.org", "ignored"))
	assert.Equal(t, "did:web:localhost%3A8080", credentials.DID("", "localhost:8080"))
	assert.Equal(t, "did:web:cert.example.org%3A8443", credentials.DID("https://cert.example.org:8443/", ""))
}
