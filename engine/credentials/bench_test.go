package credentials_test

import (
	"context"
	"crypto/ed25519"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credence/credence/engine/credentials"
	"github.com/credence/credence/store/bolt"
)

// A credential the size of an Open Badge: the subject, an achievement with
// its criteria, the validity and the status entry.
const badge = `{"@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
 "id": "https://cert.example.org/credentials/ada--syn-automation-fundamentals",
 "type": ["VerifiableCredential", "OpenBadgeCredential"],
 "issuer": {"id": "did:web:cert.example.org", "type": ["Profile"], "name": "Synerise Certification Program", "url": "https://cert.example.org"},
 "validFrom": "2026-11-24T09:00:00Z", "validUntil": "2028-11-24T09:00:00Z", "name": "Synerise Automation Fundamentals",
 "credentialSubject": {"type": ["AchievementSubject"], "identifier": [{"type": "IdentityObject", "identityHash": "sha256$4e2a9d6f0c1b8e7a5d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0", "identityType": "emailAddress", "hashed": true, "salt": "8c2f1e"}],
  "achievement": {"id": "https://cert.example.org/achievements/syn-automation-fundamentals", "type": ["Achievement"], "achievementType": "Certificate",
   "name": "Synerise Automation Fundamentals", "description": "Builds and runs automation workflows.", "criteria": {"narrative": "Pass the Automation Fundamentals exam (70%)."}}},
 "credentialStatus": {"id": "https://cert.example.org/credentials/status/1#94567", "type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "94567", "statusListCredential": "https://cert.example.org/credentials/status/1"}}`

func BenchmarkSign(b *testing.B) {
	_, priv, err := ed25519.GenerateKey(nil)
	require.NoError(b, err)
	opts := map[string]any{"created": "2026-11-24T09:00:00Z", "verificationMethod": "did:web:cert.example.org#key-1", "proofPurpose": "assertionMethod"}
	for b.Loop() {
		if _, err := credentials.Sign([]byte(badge), opts, priv); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerify(b *testing.B) {
	pub, priv, err := ed25519.GenerateKey(nil)
	require.NoError(b, err)
	opts := map[string]any{"created": "2026-11-24T09:00:00Z", "verificationMethod": "did:web:cert.example.org#key-1", "proofPurpose": "assertionMethod"}
	signed, err := credentials.Sign([]byte(badge), opts, priv)
	require.NoError(b, err)
	key := func(string) (ed25519.PublicKey, error) { return pub, nil }
	for b.Loop() {
		if err := credentials.Verify(signed, key); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzVerify hands Verify arbitrary documents: an error or a pass, never a
// panic; and what passes was signed by the key.
func FuzzVerify(f *testing.F) {
	pub, priv, err := ed25519.GenerateKey(nil)
	require.NoError(f, err)
	signed, err := credentials.Sign([]byte(badge), map[string]any{"created": "2026-11-24T09:00:00Z", "verificationMethod": "k", "proofPurpose": "assertionMethod"}, priv)
	require.NoError(f, err)
	f.Add(signed)
	f.Add([]byte(`{"proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-jcs-2022", "proofValue": "z1"}}`))
	f.Add([]byte(`{"a": 1e400, "proof": {}}`))
	f.Add([]byte(`[]`))
	key := func(string) (ed25519.PublicKey, error) { return pub, nil }
	f.Fuzz(func(t *testing.T, doc []byte) {
		_ = credentials.Verify(doc, key)
	})
}

// BenchmarkIssue issues one credential: both signatures, the status
// index, the record, in one bbolt transaction.
func BenchmarkIssue(b *testing.B) {
	ctx := context.Background()
	st, err := bolt.Open(filepath.Join(b.TempDir(), "credence.db"), bolt.Options{})
	require.NoError(b, err)
	b.Cleanup(func() { st.Close() })
	keys, err := credentials.OpenKeys(ctx, st, secret, nil)
	require.NoError(b, err)
	is := &credentials.Issuer{Keys: keys, BaseURL: "https://cert.example.org"}
	r := request("", time.Now().AddDate(1, 0, 0))
	n := 0
	for b.Loop() {
		n++
		r.Source = "c" + strconv.Itoa(n)
		if _, err := is.Issue(ctx, r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIssuerVerify verifies a credential as /api/_verify does:
// signature, dates and the status lists in the store.
func BenchmarkIssuerVerify(b *testing.B) {
	ctx := context.Background()
	st, err := bolt.Open(filepath.Join(b.TempDir(), "credence.db"), bolt.Options{})
	require.NoError(b, err)
	b.Cleanup(func() { st.Close() })
	keys, err := credentials.OpenKeys(ctx, st, secret, nil)
	require.NoError(b, err)
	is := &credentials.Issuer{Keys: keys, BaseURL: "https://cert.example.org"}
	r := request("c1", time.Now().AddDate(1, 0, 0))
	r.ValidFrom = time.Now().Add(-time.Hour)
	c, err := is.Issue(ctx, r)
	require.NoError(b, err)
	for _, form := range []struct {
		name string
		raw  []byte
	}{{"data integrity", c.Credential}, {"jwt", []byte(c.JWT)}} {
		b.Run(form.name, func(b *testing.B) {
			for b.Loop() {
				if !is.Verify(ctx, form.raw).Valid {
					b.Fatal("not valid")
				}
			}
		})
	}
}

// FuzzVerifyWith hands the verifier of both forms arbitrary input: a
// result, never a panic; nothing but the signed credential is valid.
func FuzzVerifyWith(f *testing.F) {
	pub, priv, err := ed25519.GenerateKey(nil)
	require.NoError(f, err)
	signed, err := credentials.Sign([]byte(badge), map[string]any{"created": "2026-11-24T09:00:00Z", "verificationMethod": "k", "proofPurpose": "assertionMethod"}, priv)
	require.NoError(f, err)
	f.Add(signed)
	f.Add([]byte("eyJhbGciOiJFZERTQSJ9.eyJ2YWxpZEZyb20iOiIyMDI2LTExLTI0VDA5OjAwOjAwWiJ9.c2ln"))
	f.Add([]byte("a.b.c"))
	f.Add([]byte(`{"credentialStatus": [{"statusListIndex": "-1"}], "proof": {"type": "DataIntegrityProof"}}`))
	key := func(string, time.Time) (ed25519.PublicKey, error) { return pub, nil }
	now := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, raw []byte) {
		res := credentials.VerifyWith(raw, key, now)
		if res.Valid && len(res.Checks) == 0 {
			t.Fatal("valid without a check")
		}
	})
}
