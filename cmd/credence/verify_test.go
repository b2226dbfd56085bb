package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/engine/credentials"
	"github.com/credence/credence/store/bolt"
)

// TestVerifyOffline: credence verify checks a credential file with the
// issuer's DID document or its key alone, in both forms, and refuses a
// changed one, saying why.
func TestVerifyOffline(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := bolt.Open(filepath.Join(dir, "issuer.db"), bolt.Options{})
	require.NoError(t, err)
	defer st.Close()
	keys, err := credentials.OpenKeys(ctx, st, []byte(strings.Repeat("s", 32)), nil)
	require.NoError(t, err)
	is := &credentials.Issuer{Keys: keys, BaseURL: "https://cert.example.org"}
	c, err := is.Issue(ctx, credentials.Request{Source: "ada--cert", Achievement: credentials.Achievement{Name: "Certified"},
		Email: "ada@example.org", ValidFrom: time.Now().Add(-time.Hour), ValidUntil: time.Now().Add(24 * time.Hour)})
	require.NoError(t, err)
	key, _, err := keys.Current(ctx)
	require.NoError(t, err)
	did := `{"id": "did:web:cert.example.org", "verificationMethod": [{"id": "did:web:cert.example.org#` + key.ID +
		`", "type": "Multikey", "controller": "did:web:cert.example.org", "publicKeyMultibase": "` + key.PublicKeyMultibase() + `"}]}`
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(content), 0o600))
		return p
	}
	didFile := write("did.json", did)
	jsonFile := write("credential.json", string(c.Credential))
	jwtFile := write("credential.jwt", c.JWT)
	tampered := write("tampered.json", strings.Replace(string(c.Credential), `"Certified"`, `"Master"`, 1))

	for _, args := range [][]string{
		{"verify", "--did", didFile, jsonFile},
		{"verify", "--did", didFile, jwtFile},
		{"verify", "--key", key.PublicKeyMultibase(), jsonFile},
	} {
		out, _, err := runCLI(t, nil, args...)
		require.NoError(t, err, "%v: %s", args, out)
		var res credentials.Result
		require.NoError(t, json.Unmarshal([]byte(out), &res))
		assert.True(t, res.Valid)
	}
	out, _, err := runCLI(t, nil, "verify", "--did", didFile, tampered)
	require.ErrorIs(t, err, errNotValid)
	assert.Contains(t, out, "the signature does not match")
	other, err := credentials.OpenKeys(ctx, st, []byte(strings.Repeat("s", 32)), nil)
	require.NoError(t, err)
	_, err = other.Rotate(ctx)
	require.NoError(t, err)
	newKey, _, err := other.Current(ctx)
	require.NoError(t, err)
	out, _, err = runCLI(t, strings.NewReader(c.JWT), "verify", "--key", newKey.PublicKeyMultibase(), "-")
	require.ErrorIs(t, err, errNotValid, "another key")
	assert.Contains(t, out, `"valid": false`)
	_, _, err = runCLI(t, nil, "verify", jsonFile)
	require.Error(t, err, "a key or a DID document is required")
}
