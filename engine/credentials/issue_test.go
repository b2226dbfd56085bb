package credentials_test

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/gowebpki/jcs"
	"github.com/mr-tron/base58"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/engine/credentials"
	"github.com/credence/credence/store/bolt"
)

type testClock struct{ t time.Time }

func (c *testClock) now() time.Time { return c.t }

func newIssuer(t *testing.T) (*credentials.Issuer, *testClock) {
	t.Helper()
	st, err := bolt.Open(filepath.Join(t.TempDir(), "credence.db"), bolt.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	clk := &testClock{t: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)}
	keys, err := credentials.OpenKeys(context.Background(), st, secret, clk.now)
	require.NoError(t, err)
	return &credentials.Issuer{Keys: keys, BaseURL: "https://cert.example.org", Now: clk.now}, clk
}

func request(source string, until time.Time) credentials.Request {
	return credentials.Request{Source: source,
		Issuer:      credentials.Profile{Name: "ConversationIQ Certification Program", URL: "https://conversationiq.example"},
		Achievement: credentials.Achievement{Name: "ConversationIQ Certified User", Type: "Certification", Description: "Daily use of ConversationIQ.", Criteria: "A weighted assessment passed."},
		Email:       "Ada@Example.org", ValidFrom: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC), ValidUntil: until}
}

// verifyApart checks a credential's Data Integrity proof without the
// signer's code: the canonical forms by JCS, the hashes, Ed25519 from the
// standard library.
func verifyApart(t *testing.T, signed []byte, pub ed25519.PublicKey) bool {
	t.Helper()
	var doc map[string]any
	require.NoError(t, json.Unmarshal(signed, &doc))
	proof := doc["proof"].(map[string]any)
	delete(doc, "proof")
	sig, err := base58.Decode(strings.TrimPrefix(proof["proofValue"].(string), "z"))
	require.NoError(t, err)
	delete(proof, "proofValue")
	canon := func(v any) []byte {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		c, err := jcs.Transform(b)
		require.NoError(t, err)
		return c
	}
	ph, dh := sha256.Sum256(canon(proof)), sha256.Sum256(canon(doc))
	return ed25519.Verify(pub, append(ph[:], dh[:]...), sig)
}

func TestIssueSignsBothForms(t *testing.T) {
	ctx := context.Background()
	is, _ := newIssuer(t)
	until := time.Date(2027, 11, 24, 9, 0, 0, 0, time.UTC)
	c, err := is.Issue(ctx, request("ada--ciq-certified-user", until))
	require.NoError(t, err)
	key, _, err := is.Keys.Current(ctx)
	require.NoError(t, err)

	var vc map[string]any
	require.NoError(t, json.Unmarshal(c.Credential, &vc))
	assert.Equal(t, "https://cert.example.org/credentials/ada--ciq-certified-user", vc["id"])
	assert.Equal(t, []any{"VerifiableCredential", "OpenBadgeCredential"}, vc["type"])
	assert.Equal(t, "did:web:cert.example.org", vc["issuer"].(map[string]any)["id"])
	assert.Equal(t, "2027-11-24T09:00:00Z", vc["validUntil"])
	subject := vc["credentialSubject"].(map[string]any)
	id := subject["identifier"].([]any)[0].(map[string]any)
	h := sha256.Sum256([]byte("ada@example.org" + id["salt"].(string)))
	assert.Equal(t, "sha256$"+hex.EncodeToString(h[:]), id["identityHash"], "the e-mail, salted and hashed")
	assert.NotContains(t, string(c.Credential), "ada@example.org")
	assert.Equal(t, "Certification", subject["achievement"].(map[string]any)["achievementType"])
	status := vc["credentialStatus"].([]any)
	require.Len(t, status, 2)
	assert.Equal(t, "https://cert.example.org/credentials/status/revocation-1", status[0].(map[string]any)["statusListCredential"])
	proof := vc["proof"].(map[string]any)
	assert.Equal(t, "did:web:cert.example.org#"+key.ID, proof["verificationMethod"])

	// The proof and the JWT verify apart from the signer.
	assert.True(t, verifyApart(t, c.Credential, key.Public))
	jws, err := jose.ParseSignedCompact(c.JWT, []jose.SignatureAlgorithm{jose.EdDSA})
	require.NoError(t, err)
	assert.Equal(t, "vc+jwt", jws.Signatures[0].Protected.ExtraHeaders["typ"])
	payload, err := jws.Verify(key.Public)
	require.NoError(t, err)
	var fromJWT map[string]any
	require.NoError(t, json.Unmarshal(payload, &fromJWT))
	assert.Equal(t, "did:web:cert.example.org", fromJWT["iss"])
	assert.Equal(t, vc["id"], fromJWT["jti"])
	assert.EqualValues(t, until.Unix(), fromJWT["exp"])
	assert.EqualValues(t, time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC).Unix(), fromJWT["nbf"])
	for _, claim := range []string{"iss", "jti", "nbf", "exp"} {
		delete(fromJWT, claim)
	}
	delete(vc, "proof")
	assert.Equal(t, vc, fromJWT, "the JWT carries the same credential")

	// Issued once.
	again, err := is.Issue(ctx, request("ada--ciq-certified-user", until))
	require.NoError(t, err)
	assert.Equal(t, c.Credential, again.Credential)
}

func TestVerifyFailsWithAReason(t *testing.T) {
	ctx := context.Background()
	is, clk := newIssuer(t)
	until := time.Date(2027, 11, 24, 9, 0, 0, 0, time.UTC)
	_, oldPriv, err := is.Keys.Current(ctx)
	require.NoError(t, err)
	oldKey, _, err := is.Keys.Current(ctx)
	require.NoError(t, err)
	c, err := is.Issue(ctx, request("a", until))
	require.NoError(t, err)
	for _, form := range [][]byte{c.Credential, []byte(c.JWT)} {
		res := is.Verify(ctx, form)
		assert.True(t, res.Valid, "%+v", res.Checks)
	}
	failed := func(res credentials.Result) string {
		assert.False(t, res.Valid)
		var out []string
		for _, ch := range res.Checks {
			if !ch.OK {
				out = append(out, ch.Name+": "+ch.Detail)
			}
		}
		return strings.Join(out, "; ")
	}
	tamper := func(f func(vc map[string]any)) []byte {
		var vc map[string]any
		require.NoError(t, json.Unmarshal(c.Credential, &vc))
		f(vc)
		b, err := json.Marshal(vc)
		require.NoError(t, err)
		return b
	}

	assert.Contains(t, failed(is.Verify(ctx, tamper(func(vc map[string]any) { vc["name"] = "ConversationIQ Expert Leader" }))), "signature: the signature does not match")
	assert.Contains(t, failed(is.Verify(ctx, tamper(func(vc map[string]any) { vc["validUntil"] = "2099-01-01T00:00:00Z" }))), "signature")
	assert.Contains(t, failed(is.Verify(ctx, tamper(func(vc map[string]any) {
		vc["credentialSubject"].(map[string]any)["achievement"].(map[string]any)["name"] = "Something else"
	}))), "signature")
	parts := strings.Split(c.JWT, ".")
	assert.Contains(t, failed(is.Verify(ctx, []byte(parts[0]+"."+parts[1]+"x."+parts[2]))), "signature")
	assert.Contains(t, failed(is.Verify(ctx, []byte("not a credential"))), "signature")

	// A retired key: what it signed verifies; what claims it and was not
	// signed by it, or was signed after it was retired, does not.
	clk.t = clk.t.Add(time.Hour)
	_, err = is.Keys.Rotate(ctx)
	require.NoError(t, err)
	assert.True(t, is.Verify(ctx, c.Credential).Valid, "signed before the rotation")
	d, err := is.Issue(ctx, request("b", until))
	require.NoError(t, err)
	assert.False(t, is.Verify(ctx, []byte(strings.ReplaceAll(string(d.Credential), d.Key, oldKey.ID))).Valid, "claims the retired key, which never signed it")
	var unsigned map[string]any
	require.NoError(t, json.Unmarshal(d.Credential, &unsigned))
	delete(unsigned, "proof")
	ub, _ := json.Marshal(unsigned)
	clk.t = clk.t.Add(time.Minute)
	late, err := credentials.Sign(ub, map[string]any{"created": clk.t.Format(time.RFC3339), "verificationMethod": "did:web:cert.example.org#" + oldKey.ID, "proofPurpose": "assertionMethod"}, oldPriv)
	require.NoError(t, err)
	assert.Contains(t, failed(is.Verify(ctx, late)), "retired")

	// Suspended, then revoked: both forms fail; the status list says so.
	require.NoError(t, is.SetStatus(ctx, "a", false, true))
	assert.Contains(t, failed(is.Verify(ctx, c.Credential)), "suspension: suspended")
	require.NoError(t, is.SetStatus(ctx, "a", false, false))
	assert.True(t, is.Verify(ctx, c.Credential).Valid, "a suspension is lifted")
	require.NoError(t, is.SetStatus(ctx, "a", true, false))
	assert.Contains(t, failed(is.Verify(ctx, []byte(c.JWT))), "revocation: revoked")
	require.NoError(t, is.SetStatus(ctx, "a", false, false))
	assert.False(t, is.Verify(ctx, c.Credential).Valid, "revoked stays revoked")
	list, err := is.StatusList(ctx, credentials.PurposeRevocation, 1)
	require.NoError(t, err)
	var lvc struct {
		CredentialSubject struct{ EncodedList, StatusPurpose string }
	}
	require.NoError(t, json.Unmarshal(list, &lvc))
	bits, err := credentials.DecodeList(lvc.CredentialSubject.EncodedList)
	require.NoError(t, err)
	assert.Len(t, bits, credentials.ListSize/8)
	on, err := credentials.BitAt(bits, c.Index)
	require.NoError(t, err)
	assert.True(t, on)
	on, err = credentials.BitAt(bits, d.Index)
	require.NoError(t, err)
	assert.False(t, on)
	cur, _, err := is.Keys.Current(ctx)
	require.NoError(t, err)
	assert.True(t, verifyApart(t, list, cur.Public), "the list is signed")

	// Expired.
	assert.True(t, is.Verify(ctx, d.Credential).Valid)
	clk.t = until.Add(time.Second)
	assert.Contains(t, failed(is.Verify(ctx, d.Credential)), "validUntil: expired")
}
