package credentials

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/go-jose/go-jose/v4"
)

// Check is one step of a verification.
type Check struct {
	Name   string `json:"name"`
	OK     bool   `json:"ok"`
	Detail string `json:"detail"`
}

// Result is a verification: valid when every check holds.
type Result struct {
	Valid bool `json:"valid"`
	// Form is "data-integrity" or "jwt".
	Form       string         `json:"form,omitempty"`
	Credential map[string]any `json:"credential,omitempty"`
	Checks     []Check        `json:"checks"`
}

func (r *Result) add(name string, ok bool, detail string) {
	r.Checks = append(r.Checks, Check{Name: name, OK: ok, Detail: detail})
}

// Verify checks a credential of this issuer handed to it: a JSON
// credential with a Data Integrity proof, or a VC-JWT. It checks the
// signature against the issuer's keys (a retired key only for what it
// signed before it was retired), the issuer, the dates and the status
// lists, and says which check fails and why.
func (is *Issuer) Verify(ctx context.Context, raw []byte) Result {
	res := VerifyWith(raw, func(vm string, signedAt time.Time) (ed25519.PublicKey, error) {
		id, ok := strings.CutPrefix(vm, is.DID()+"#")
		if !ok {
			return nil, fmt.Errorf("not a key of this issuer (%s)", is.DID())
		}
		k, err := is.Keys.Public(ctx, id)
		if err != nil {
			return nil, err
		}
		if k.Retired != nil && !signedAt.IsZero() && signedAt.After(*k.Retired) {
			return nil, fmt.Errorf("the key %s was retired on %s, before this was signed", k.ID, k.Retired.Format(time.RFC3339))
		}
		return k.Public, nil
	}, is.now())
	if res.Credential == nil {
		return res
	}
	issuer := res.Credential["issuer"]
	if m, ok := issuer.(map[string]any); ok {
		issuer = m["id"]
	}
	res.add("issuer", issuer == is.DID(), fmt.Sprintf("issued by %v", issuer))
	is.checkStatus(ctx, res.Credential, &res)
	res.Valid = true
	for _, c := range res.Checks {
		res.Valid = res.Valid && c.OK
	}
	return res
}

// VerifyWith checks a credential (JSON with a Data Integrity proof, or a
// VC-JWT) apart from any issuer's store: its signature with the key that
// key gives for the verification method (and the time it was signed), and
// its dates at now. Status lists are not read: the caller checks them, or
// says they were not.
func VerifyWith(raw []byte, key func(verificationMethod string, signedAt time.Time) (ed25519.PublicKey, error), now time.Time) Result {
	var res Result
	raw = bytes.TrimSpace(raw)
	var signedAt time.Time
	var payload []byte
	resolve := func(vm string) (ed25519.PublicKey, error) { return key(vm, signedAt) }
	if bytes.HasPrefix(raw, []byte("{")) {
		res.Form = "data-integrity"
		var d struct {
			Proof struct{ Created string } `json:"proof"`
		}
		_ = json.Unmarshal(raw, &d)
		signedAt, _ = time.Parse(time.RFC3339, d.Proof.Created)
		if err := Verify(raw, resolve); err != nil {
			res.add("signature", false, err.Error())
		} else {
			res.add("signature", true, "the proof (eddsa-jcs-2022) holds with the issuer's key")
		}
		payload = raw
	} else {
		res.Form = "jwt"
		jws, err := jose.ParseSignedCompact(string(raw), []jose.SignatureAlgorithm{jose.EdDSA})
		if err != nil || len(jws.Signatures) != 1 {
			res.add("signature", false, "not a credential: neither JSON nor a compact JWS signed with EdDSA")
			return res
		}
		payload = jws.UnsafePayloadWithoutVerification()
		var d struct {
			ValidFrom string `json:"validFrom"`
		}
		_ = json.Unmarshal(payload, &d)
		signedAt, _ = time.Parse(time.RFC3339, d.ValidFrom)
		pub, err := resolve(jws.Signatures[0].Header.KeyID)
		if err == nil {
			_, err = jws.Verify(pub)
		}
		if err != nil {
			res.add("signature", false, "the JWS does not verify: "+err.Error())
		} else {
			res.add("signature", true, "the JWS (EdDSA) holds with the issuer's key")
		}
	}
	var vc map[string]any
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.UseNumber()
	if err := dec.Decode(&vc); err != nil {
		res.add("credential", false, "not a JSON credential")
		return res
	}
	delete(vc, "proof")
	if res.Form == "jwt" {
		for _, claim := range []string{"iss", "jti", "nbf", "exp", "sub"} {
			delete(vc, claim)
		}
	}
	res.Credential = vc

	from, errFrom := time.Parse(time.RFC3339, str(vc["validFrom"]))
	switch {
	case errFrom != nil:
		res.add("validFrom", false, "no validFrom date")
	case from.After(now):
		res.add("validFrom", false, "not valid before "+from.Format(time.RFC3339))
	default:
		res.add("validFrom", true, "valid from "+from.Format(time.RFC3339))
	}
	if s := str(vc["validUntil"]); s != "" {
		until, err := time.Parse(time.RFC3339, s)
		switch {
		case err != nil:
			res.add("validUntil", false, "validUntil is not a date")
		case !until.After(now):
			res.add("validUntil", false, "expired on "+until.Format(time.RFC3339))
		default:
			res.add("validUntil", true, "valid until "+until.Format(time.RFC3339))
		}
	}
	res.Valid = true
	for _, c := range res.Checks {
		res.Valid = res.Valid && c.OK
	}
	return res
}

// checkStatus reads each status entry of the credential in this issuer's
// lists.
func (is *Issuer) checkStatus(ctx context.Context, vc map[string]any, res *Result) {
	var entries []any
	switch s := vc["credentialStatus"].(type) {
	case []any:
		entries = s
	case map[string]any:
		entries = []any{s}
	}
	prefix := strings.TrimRight(is.BaseURL, "/") + "/credentials/status/"
	for _, e := range entries {
		m, _ := e.(map[string]any)
		purpose := str(m["statusPurpose"])
		name, ok := strings.CutPrefix(str(m["statusListCredential"]), prefix)
		p, list, okName := parseListURL(name)
		index, err := strconv.Atoi(str(m["statusListIndex"]))
		if !ok || !okName || p != purpose || err != nil {
			res.add("status", false, "a status entry that is not one of this issuer's lists")
			continue
		}
		bits, err := is.bits(ctx, purpose, list)
		if err != nil {
			res.add(purpose, false, "the status list cannot be read now")
			continue
		}
		set, err := BitAt(bits, index)
		switch {
		case err != nil:
			res.add(purpose, false, err.Error())
		case set && purpose == PurposeRevocation:
			res.add(purpose, false, "revoked by the issuer")
		case set:
			res.add(purpose, false, "suspended by the issuer (lapsed or suspended)")
		default:
			res.add(purpose, true, "not "+map[string]string{PurposeRevocation: "revoked", PurposeSuspension: "suspended"}[purpose])
		}
	}
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// KeysFromDID reads the Multikey verification methods of a DID document:
// each method's id (did#key) and its Ed25519 public key.
func KeysFromDID(doc []byte) (map[string]ed25519.PublicKey, error) {
	var d struct {
		ID                 string `json:"id"`
		VerificationMethod []struct {
			ID, Type, Controller, PublicKeyMultibase string
		} `json:"verificationMethod"`
	}
	if err := json.Unmarshal(doc, &d); err != nil {
		return nil, fmt.Errorf("not a DID document: %w", err)
	}
	keys := make(map[string]ed25519.PublicKey)
	for _, m := range d.VerificationMethod {
		if m.Type != "Multikey" {
			continue
		}
		pub, err := DecodePublicKey(m.PublicKeyMultibase)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", m.ID, err)
		}
		id := m.ID
		if strings.HasPrefix(id, "#") {
			id = d.ID + id
		}
		keys[id] = pub
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("the DID document %s has no Ed25519 Multikey", d.ID)
	}
	return keys, nil
}
