package credentials

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"

	"github.com/gowebpki/jcs"
	"github.com/mr-tron/base58"
)

// The names of the cryptosuite.
const (
	ProofType   = "DataIntegrityProof"
	Cryptosuite = "eddsa-jcs-2022"
)

// The multicodec prefixes of Ed25519 keys in a Multikey.
var (
	ed25519PublicPrefix  = []byte{0xed, 0x01}
	ed25519PrivatePrefix = []byte{0x80, 0x26}
)

// EncodePublicKey writes an Ed25519 public key as a Multikey
// publicKeyMultibase ("z6Mk...").
func EncodePublicKey(pub ed25519.PublicKey) string {
	return "z" + base58.Encode(append(bytes.Clone(ed25519PublicPrefix), pub...))
}

// DecodePublicKey reads a Multikey publicKeyMultibase of an Ed25519 key.
func DecodePublicKey(s string) (ed25519.PublicKey, error) {
	b, err := decodeMultibase(s, ed25519PublicPrefix, ed25519.PublicKeySize)
	if err != nil {
		return nil, fmt.Errorf("public key: %w", err)
	}
	return ed25519.PublicKey(b), nil
}

// DecodePrivateKey reads a Multikey secretKeyMultibase of an Ed25519 key
// (its 32-byte seed).
func DecodePrivateKey(s string) (ed25519.PrivateKey, error) {
	b, err := decodeMultibase(s, ed25519PrivatePrefix, ed25519.SeedSize)
	if err != nil {
		return nil, fmt.Errorf("private key: %w", err)
	}
	return ed25519.NewKeyFromSeed(b), nil
}

func decodeMultibase(s string, prefix []byte, size int) ([]byte, error) {
	if len(s) < 2 || s[0] != 'z' {
		return nil, errors.New("not multibase base58btc (it starts with z)")
	}
	b, err := base58.Decode(s[1:])
	if err != nil {
		return nil, fmt.Errorf("not base58btc: %w", err)
	}
	if !bytes.HasPrefix(b, prefix) || len(b) != len(prefix)+size {
		return nil, errors.New("not an Ed25519 key of the expected kind")
	}
	return b[len(prefix):], nil
}

// Sign adds an eddsa-jcs-2022 proof to doc (a JSON object without one) and
// returns the signed document. options are the proof's fields but
// proofValue (type and cryptosuite are set; created, verificationMethod and
// proofPurpose are the caller's); the proof takes the document's @context.
func Sign(doc []byte, options map[string]any, key ed25519.PrivateKey) ([]byte, error) {
	var d map[string]any
	if err := decode(doc, &d); err != nil {
		return nil, err
	}
	if _, ok := d["proof"]; ok {
		return nil, errors.New("the document has a proof already")
	}
	proof := make(map[string]any, len(options)+3)
	for k, v := range options {
		proof[k] = v
	}
	proof["type"], proof["cryptosuite"] = ProofType, Cryptosuite
	delete(proof, "proofValue")
	if c, ok := d["@context"]; ok {
		proof["@context"] = c
	}
	data, err := hashData(d, proof)
	if err != nil {
		return nil, err
	}
	proof["proofValue"] = "z" + base58.Encode(ed25519.Sign(key, data))
	d["proof"] = proof
	return json.Marshal(d)
}

// Verify checks the eddsa-jcs-2022 proof of a signed document with the
// public key that key returns for the proof's verificationMethod. Its error
// says what does not hold.
func Verify(signed []byte, key func(verificationMethod string) (ed25519.PublicKey, error)) error {
	var d map[string]any
	if err := decode(signed, &d); err != nil {
		return err
	}
	proof, ok := d["proof"].(map[string]any)
	if !ok {
		return errors.New("the document has no proof (or more than one)")
	}
	delete(d, "proof")
	if proof["type"] != ProofType || proof["cryptosuite"] != Cryptosuite {
		return fmt.Errorf("the proof is not a %s of the %s cryptosuite", ProofType, Cryptosuite)
	}
	if c, ok := proof["@context"]; ok && !reflect.DeepEqual(c, d["@context"]) {
		return errors.New("the proof's @context is not the document's")
	}
	value, _ := proof["proofValue"].(string)
	if len(value) < 2 || value[0] != 'z' {
		return errors.New("the proof has no proofValue in base58btc")
	}
	sig, err := base58.Decode(value[1:])
	if err != nil || len(sig) != ed25519.SignatureSize {
		return errors.New("the proofValue is not an Ed25519 signature")
	}
	vm, _ := proof["verificationMethod"].(string)
	pub, err := key(vm)
	if err != nil {
		return fmt.Errorf("the verification method %q: %w", vm, err)
	}
	delete(proof, "proofValue")
	data, err := hashData(d, proof)
	if err != nil {
		return err
	}
	if !ed25519.Verify(pub, data, sig) {
		return errors.New("the signature does not match the document: it was changed, or signed with another key")
	}
	return nil
}

// hashData is what is signed: SHA-256 of the canonical proof options, then
// SHA-256 of the canonical document.
func hashData(doc, proof map[string]any) ([]byte, error) {
	pc, err := canonical(proof)
	if err != nil {
		return nil, fmt.Errorf("proof options: %w", err)
	}
	dc, err := canonical(doc)
	if err != nil {
		return nil, fmt.Errorf("document: %w", err)
	}
	ph, dh := sha256.Sum256(pc), sha256.Sum256(dc)
	return append(ph[:], dh[:]...), nil
}

// canonical is v's JSON Canonicalization Scheme (RFC 8785) form.
func canonical(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return jcs.Transform(b)
}

func decode(b []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	if err := d.Decode(v); err != nil {
		return fmt.Errorf("not a JSON object: %w", err)
	}
	if d.More() {
		return errors.New("not one JSON object: more follows it")
	}
	return nil
}
