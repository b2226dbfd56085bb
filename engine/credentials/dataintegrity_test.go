package credentials_test

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gowebpki/jcs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/engine/credentials"
)

func vector(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "eddsa-jcs-2022", name))
	require.NoError(t, err)
	return b
}

// TestEddsaJcs2022Vector reproduces the W3C test vector of eddsa-jcs-2022
// byte for byte: the key, the canonical forms, the hash and the proof.
func TestEddsaJcs2022Vector(t *testing.T) {
	var pair struct{ PublicKeyMultibase, PrivateKeyMultibase string }
	require.NoError(t, json.Unmarshal(vector(t, "keyPair.json"), &pair))
	priv, err := credentials.DecodePrivateKey(pair.PrivateKeyMultibase)
	require.NoError(t, err)
	pub, err := credentials.DecodePublicKey(pair.PublicKeyMultibase)
	require.NoError(t, err)
	assert.Equal(t, pub, priv.Public(), "the key pair is one")
	assert.Equal(t, pair.PublicKeyMultibase, credentials.EncodePublicKey(pub))

	// The canonical forms and the hash, computed apart from the signer:
	// RFC 8785 of each, SHA-256 of each, the proof's first.
	unsigned := vector(t, "unsigned.json")
	canonDoc, err := jcs.Transform(unsigned)
	require.NoError(t, err)
	assert.Equal(t, strings.TrimSpace(string(vector(t, "canonDocJCS.txt"))), string(canonDoc))
	config := vector(t, "proofConfigJCS.json")
	canonProof, err := jcs.Transform(config)
	require.NoError(t, err)
	assert.Equal(t, strings.TrimSpace(string(vector(t, "proofCanonJCS.txt"))), string(canonProof))
	ph, dh := sha256.Sum256(canonProof), sha256.Sum256(canonDoc)
	assert.Equal(t, strings.TrimSpace(string(vector(t, "combinedHashJCS.txt"))), hex.EncodeToString(append(ph[:], dh[:]...)))

	// Signing gives the vector's proof, byte for byte.
	var options map[string]any
	require.NoError(t, json.Unmarshal(config, &options))
	delete(options, "@context")
	signed, err := credentials.Sign(unsigned, options, priv)
	require.NoError(t, err)
	var got, want map[string]any
	require.NoError(t, json.Unmarshal(signed, &got))
	require.NoError(t, json.Unmarshal(vector(t, "signedJCS.json"), &want))
	assert.Equal(t, strings.TrimSpace(string(vector(t, "sigBTC58JCS.txt"))), got["proof"].(map[string]any)["proofValue"])
	assert.Equal(t, want, got)

	// And the vector's signed document verifies.
	byKey := func(vm string) (ed25519.PublicKey, error) {
		if vm != "did:key:"+pair.PublicKeyMultibase+"#"+pair.PublicKeyMultibase {
			return nil, errors.New("unknown key")
		}
		return pub, nil
	}
	require.NoError(t, credentials.Verify(vector(t, "signedJCS.json"), byKey))
}

// TestVerifyRefuses: a change to any field, another key, a proof of
// another kind each fail verification, with a reason.
func TestVerifyRefuses(t *testing.T) {
	signed := vector(t, "signedJCS.json")
	var pair struct{ PublicKeyMultibase string }
	require.NoError(t, json.Unmarshal(vector(t, "keyPair.json"), &pair))
	pub, err := credentials.DecodePublicKey(pair.PublicKeyMultibase)
	require.NoError(t, err)
	key := func(string) (ed25519.PublicKey, error) { return pub, nil }
	other, _, err := ed25519.GenerateKey(nil)
	require.NoError(t, err)

	for _, tc := range []struct {
		name   string
		change func(d map[string]any)
		key    func(string) (ed25519.PublicKey, error)
		reason string
	}{
		{"a field of the subject", func(d map[string]any) {
			d["credentialSubject"].(map[string]any)["alumniOf"] = "Another School"
		}, key, "does not match"},
		{"the validity", func(d map[string]any) { d["validFrom"] = "2024-01-01T00:00:00Z" }, key, "does not match"},
		{"a field added", func(d map[string]any) { d["validUntil"] = "2099-01-01T00:00:00Z" }, key, "does not match"},
		{"the proof's date", func(d map[string]any) { d["proof"].(map[string]any)["created"] = "2030-01-01T00:00:00Z" }, key, "does not match"},
		{"another key", func(map[string]any) {}, func(string) (ed25519.PublicKey, error) { return other, nil }, "does not match"},
		{"an unknown key", func(map[string]any) {}, func(string) (ed25519.PublicKey, error) { return nil, errors.New("not ours") }, "not ours"},
		{"another cryptosuite", func(d map[string]any) { d["proof"].(map[string]any)["cryptosuite"] = "eddsa-rdfc-2022" }, key, "cryptosuite"},
		{"no proof", func(d map[string]any) { delete(d, "proof") }, key, "no proof"},
		{"a proof value cut short", func(d map[string]any) { d["proof"].(map[string]any)["proofValue"] = "z2HnFSSPPBzR36" }, key, "not an Ed25519 signature"},
		{"the proof's context", func(d map[string]any) {
			d["proof"].(map[string]any)["@context"] = []any{"https://www.w3.org/ns/credentials/v2"}
		}, key, "@context"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var d map[string]any
			require.NoError(t, json.Unmarshal(signed, &d))
			tc.change(d)
			b, err := json.Marshal(d)
			require.NoError(t, err)
			err = credentials.Verify(b, tc.key)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.reason)
		})
	}
}

func TestKeysRoundTrip(t *testing.T) {
	pub, _, err := ed25519.GenerateKey(nil)
	require.NoError(t, err)
	s := credentials.EncodePublicKey(pub)
	assert.True(t, strings.HasPrefix(s, "z6Mk"))
	back, err := credentials.DecodePublicKey(s)
	require.NoError(t, err)
	assert.Equal(t, pub, back)
	for _, bad := range []string{"", "z", "6Mk", "zzzz", s[:len(s)-2], "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"} {
		_, err := credentials.DecodePublicKey(bad)
		assert.Error(t, err, bad)
	}
}
