package credentials

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/go-jose/go-jose/v4"

	"github.com/credence/credence/store"
)

// The buckets of issued credentials and of their status lists.
const (
	issuedBucket = "vc/issued"
	statusBucket = "vc/status"
	metaBucket   = "vc/meta"
)

// ListSize is the number of entries of one status list: the 131,072 bits
// (16 KB) the Bitstring Status List specification sets as the least, so
// that one credential's entry hides among many.
const ListSize = 131072

// The purposes of the status lists.
const (
	PurposeRevocation = "revocation"
	PurposeSuspension = "suspension"
)

// ErrNotIssued is returned for a credential this issuer never issued.
var ErrNotIssued = errors.New("no credential was issued with that id")

// Profile is the issuer as a credential names it.
type Profile struct {
	Name  string `json:"name,omitempty"`
	URL   string `json:"url,omitempty"`
	Email string `json:"email,omitempty"`
	Image string `json:"image,omitempty"`
}

// Achievement is what a credential attests.
type Achievement struct {
	ID          string `json:"id,omitempty"`
	Type        string `json:"achievementType,omitempty"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Criteria    string `json:"criteria,omitempty"`
	Image       string `json:"image,omitempty"`
}

// Request is what a credential is issued from.
type Request struct {
	// Source is the id of the document the credential is about: the
	// credential is /credentials/{Source}, issued once.
	Source      string
	Issuer      Profile
	Achievement Achievement
	// Email identifies the subject, salted and hashed as Open Badges
	// allows; SubjectID (a DID), when set, instead.
	Email, SubjectID string
	// ValidFrom is the issue; ValidUntil, when set, the expiry.
	ValidFrom, ValidUntil time.Time
	// Supersedes is the Source of the credential this one renews: it is
	// marked superseded.
	Supersedes string
	// HolderName, when set, is shown on the credential's page and
	// certificate, not signed into the credential: give it only for a
	// holder who agreed to be named in public.
	HolderName string
}

// Issued is an issued credential as kept: the signed forms and its status.
type Issued struct {
	Source       string          `json:"source"`
	Index        int             `json:"index"`
	IssuedAt     time.Time       `json:"issuedAt"`
	Key          string          `json:"key"`
	Credential   json.RawMessage `json:"credential"`
	JWT          string          `json:"jwt"`
	Revoked      bool            `json:"revoked,omitempty"`
	Suspended    bool            `json:"suspended,omitempty"`
	SupersededBy string          `json:"supersededBy,omitempty"`
	HolderName   string          `json:"holderName,omitempty"`
}

// Issuer issues Open Badges 3.0 credentials signed with the current key,
// and keeps their status lists.
type Issuer struct {
	Keys *Keys
	// BaseURL is the server's address as the world reaches it: the ids of
	// credentials and status lists start with it, and the did:web is made
	// from its host.
	BaseURL string
	Now     func() time.Time
}

// DID is the issuer's did:web.
func (is *Issuer) DID() string { return DID(is.BaseURL, "") }

func (is *Issuer) now() time.Time {
	if is.Now != nil {
		return is.Now().UTC()
	}
	return time.Now().UTC()
}

// CredentialURL is the id of the credential issued for source.
func (is *Issuer) CredentialURL(source string) string {
	return strings.TrimRight(is.BaseURL, "/") + "/credentials/" + source
}

// ListURL is the id of a status list credential.
func (is *Issuer) ListURL(purpose string, list int) string {
	return strings.TrimRight(is.BaseURL, "/") + "/credentials/status/" + purpose + "-" + strconv.Itoa(list)
}

// Issue issues the credential of r, once: issued already, it returns the
// credential issued then.
func (is *Issuer) Issue(ctx context.Context, r Request) (*Issued, error) {
	if r.Source == "" || strings.ContainsAny(r.Source, "/?#") {
		return nil, fmt.Errorf("issue: the source id %q cannot name a credential", r.Source)
	}
	if r.Achievement.Name == "" {
		return nil, errors.New("issue: the achievement has no name")
	}
	if r.Email == "" && r.SubjectID == "" {
		return nil, errors.New("issue: no subject: give an e-mail address or an id")
	}
	for what, img := range map[string]string{"the achievement's image": r.Achievement.Image, "the issuer's image": r.Issuer.Image} {
		if img != "" && !strings.HasPrefix(img, "https://") && !strings.HasPrefix(img, "data:image/") {
			return nil, fmt.Errorf("issue: %s must be an https address or a data:image/ URI, not %.40q", what, img)
		}
	}
	if prev, err := is.Get(ctx, r.Source); err == nil {
		return prev, nil
	} else if !errors.Is(err, ErrNotIssued) {
		return nil, err
	}
	key, priv, err := is.Keys.Current(ctx)
	if err != nil {
		return nil, err
	}
	salt := make([]byte, 8)
	if _, err := rand.Read(salt); err != nil {
		return nil, err
	}
	now := is.now().Truncate(time.Second)
	var out *Issued
	err = is.Keys.st.Update(ctx, func(tx store.Tx) error {
		if _, err := tx.Get(issuedBucket, []byte(r.Source)); err == nil {
			return errIssuedMeanwhile
		} else if !errors.Is(err, store.ErrNotFound) {
			return err
		}
		index, err := nextIndex(tx)
		if err != nil {
			return err
		}
		vc := is.credential(r, index, hex.EncodeToString(salt))
		unsigned, err := json.Marshal(vc)
		if err != nil {
			return err
		}
		vm := is.DID() + "#" + key.ID
		signed, err := Sign(unsigned, map[string]any{"created": now.Format(time.RFC3339), "verificationMethod": vm, "proofPurpose": "assertionMethod"}, priv)
		if err != nil {
			return err
		}
		jwt, err := signJWT(vc, vm, priv)
		if err != nil {
			return err
		}
		out = &Issued{Source: r.Source, Index: index, IssuedAt: now, Key: key.ID, Credential: signed, JWT: jwt, HolderName: r.HolderName}
		if err := putIssued(tx, out); err != nil {
			return err
		}
		if r.Supersedes != "" {
			raw, err := tx.Get(issuedBucket, []byte(r.Supersedes))
			if err == nil {
				var old Issued
				if err := json.Unmarshal(raw, &old); err != nil {
					return err
				}
				old.SupersededBy = r.Source
				return putIssued(tx, &old)
			}
			if !errors.Is(err, store.ErrNotFound) {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, errIssuedMeanwhile) {
		return is.Get(ctx, r.Source)
	}
	if err != nil {
		return nil, fmt.Errorf("issue %s: %w", r.Source, err)
	}
	return out, nil
}

var errIssuedMeanwhile = errors.New("issued meanwhile")

// credential builds the unsigned OpenBadgeCredential.
func (is *Issuer) credential(r Request, index int, salt string) map[string]any {
	did := is.DID()
	issuer := map[string]any{"id": did, "type": []string{"Profile"}}
	for k, v := range map[string]string{"name": r.Issuer.Name, "url": r.Issuer.URL, "email": r.Issuer.Email, "image": r.Issuer.Image} {
		if v != "" {
			issuer[k] = v
		}
	}
	a := r.Achievement
	achievement := map[string]any{"type": []string{"Achievement"}, "name": a.Name,
		"criteria": map[string]any{"narrative": orDefault(a.Criteria, a.Name)}}
	if a.ID != "" {
		achievement["id"] = a.ID
	} else {
		achievement["id"] = strings.TrimRight(is.BaseURL, "/") + "/achievements/" + r.Source
	}
	if a.Description != "" {
		achievement["description"] = a.Description
	} else {
		achievement["description"] = a.Name
	}
	if a.Type != "" {
		achievement["achievementType"] = a.Type
	}
	if a.Image != "" {
		achievement["image"] = map[string]any{"id": a.Image, "type": "Image"}
	}
	subject := map[string]any{"type": []string{"AchievementSubject"}, "achievement": achievement}
	if r.SubjectID != "" {
		subject["id"] = r.SubjectID
	} else {
		h := sha256.Sum256([]byte(strings.ToLower(strings.TrimSpace(r.Email)) + salt))
		subject["identifier"] = []any{map[string]any{"type": "IdentityObject", "identityType": "emailAddress",
			"hashed": true, "identityHash": "sha256$" + hex.EncodeToString(h[:]), "salt": salt}}
	}
	list, bit := index/ListSize+1, index%ListSize
	var status []any
	for _, purpose := range []string{PurposeRevocation, PurposeSuspension} {
		u := is.ListURL(purpose, list)
		status = append(status, map[string]any{"id": u + "#" + strconv.Itoa(bit), "type": "BitstringStatusListEntry",
			"statusPurpose": purpose, "statusListIndex": strconv.Itoa(bit), "statusListCredential": u})
	}
	vc := map[string]any{
		"@context":          []string{"https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"},
		"id":                is.CredentialURL(r.Source),
		"type":              []string{"VerifiableCredential", "OpenBadgeCredential"},
		"issuer":            issuer,
		"name":              a.Name,
		"validFrom":         r.ValidFrom.UTC().Format(time.RFC3339),
		"credentialSubject": subject,
		"credentialStatus":  status,
	}
	if !r.ValidUntil.IsZero() {
		vc["validUntil"] = r.ValidUntil.UTC().Format(time.RFC3339)
	}
	return vc
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// signJWT secures the credential as a VC-JWT: a compact JWS (EdDSA, typ
// vc+jwt, kid the verification method) whose claims are the credential's
// members, with the registered claims Open Badges 3.0 asks of a JWT beside
// them: iss (the issuer), jti (the credential's id), nbf and exp (its
// validity), sub (the subject's id, when it has one).
func signJWT(vc map[string]any, kid string, priv any) (string, error) {
	claims := make(map[string]any, len(vc)+5)
	for k, v := range vc {
		claims[k] = v
	}
	claims["iss"] = vc["issuer"].(map[string]any)["id"]
	claims["jti"] = vc["id"]
	if t, err := time.Parse(time.RFC3339, str(vc["validFrom"])); err == nil {
		claims["nbf"] = t.Unix()
	}
	if t, err := time.Parse(time.RFC3339, str(vc["validUntil"])); err == nil {
		claims["exp"] = t.Unix()
	}
	if s, ok := vc["credentialSubject"].(map[string]any); ok && s["id"] != nil {
		claims["sub"] = s["id"]
	}
	payload, err := json.Marshal(claims)
	if err != nil {
		return "", err
	}
	opts := (&jose.SignerOptions{}).WithType("vc+jwt").WithContentType("vc").WithHeader("kid", kid)
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.EdDSA, Key: priv}, opts)
	if err != nil {
		return "", err
	}
	jws, err := signer.Sign(payload)
	if err != nil {
		return "", err
	}
	return jws.CompactSerialize()
}

// Get returns the credential issued for source.
func (is *Issuer) Get(ctx context.Context, source string) (*Issued, error) {
	var out *Issued
	err := is.Keys.st.View(ctx, func(r store.Reader) error {
		raw, err := r.Get(issuedBucket, []byte(source))
		if errors.Is(err, store.ErrNotFound) {
			return ErrNotIssued
		}
		if err != nil {
			return err
		}
		out = new(Issued)
		return json.Unmarshal(raw, out)
	})
	return out, err
}

// SetStatus sets the revocation and suspension bits of the credential
// issued for source. A revocation is final: revoked stays revoked.
func (is *Issuer) SetStatus(ctx context.Context, source string, revoked, suspended bool) error {
	return is.Keys.st.Update(ctx, func(tx store.Tx) error {
		raw, err := tx.Get(issuedBucket, []byte(source))
		if errors.Is(err, store.ErrNotFound) {
			return ErrNotIssued
		}
		if err != nil {
			return err
		}
		var c Issued
		if err := json.Unmarshal(raw, &c); err != nil {
			return err
		}
		c.Revoked = c.Revoked || revoked
		c.Suspended = suspended
		if err := setBit(tx, PurposeRevocation, c.Index, c.Revoked); err != nil {
			return err
		}
		if err := setBit(tx, PurposeSuspension, c.Index, c.Suspended); err != nil {
			return err
		}
		return putIssued(tx, &c)
	})
}

func putIssued(tx store.Tx, c *Issued) error {
	b, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return tx.Put(issuedBucket, []byte(c.Source), b)
}

// nextIndex allocates the next status list index.
func nextIndex(tx store.Tx) (int, error) {
	var n uint64
	raw, err := tx.Get(metaBucket, []byte("next-index"))
	switch {
	case err == nil && len(raw) == 8:
		n = binary.BigEndian.Uint64(raw)
	case err != nil && !errors.Is(err, store.ErrNotFound):
		return 0, err
	}
	return int(n), tx.Put(metaBucket, []byte("next-index"), binary.BigEndian.AppendUint64(nil, n+1))
}

// listKey is the key of a status list's bits: purpose and list number.
func listKey(purpose string, list int) []byte {
	return []byte(purpose + "-" + strconv.Itoa(list))
}

// setBit sets or clears the entry index of the purpose's lists. Bit 0 is
// the first byte's most significant bit, as the specification counts.
func setBit(tx store.Tx, purpose string, index int, on bool) error {
	list, bit := index/ListSize+1, index%ListSize
	k := listKey(purpose, list)
	bits, err := tx.Get(statusBucket, k)
	if errors.Is(err, store.ErrNotFound) {
		bits = make([]byte, ListSize/8)
	} else if err != nil {
		return err
	}
	mask := byte(0x80) >> (bit % 8)
	if on {
		bits[bit/8] |= mask
	} else {
		bits[bit/8] &^= mask
	}
	return tx.Put(statusBucket, k, bits)
}
