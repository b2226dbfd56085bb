// Package seal keeps small secrets in the store sealed: AES-256-GCM under a
// key derived (HKDF-SHA256) from a secret kept outside the store, each box
// bound to what it is for by associated data. The issuer's signing keys
// and the identity providers' client secrets are kept this way.
package seal

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
)

// MinSecretLength is the shortest secret a Box is derived from.
const MinSecretLength = 32

// Box seals and opens under one derived key. Safe for concurrent use.
type Box struct{ aead cipher.AEAD }

// New derives a Box from secret (at least MinSecretLength bytes) for one
// use, named by info: two uses of one secret get different keys.
func New(secret []byte, info string) (*Box, error) {
	if len(secret) < MinSecretLength {
		return nil, fmt.Errorf("the secret is %d bytes; at least %d", len(secret), MinSecretLength)
	}
	key, err := hkdf.Key(sha256.New, secret, nil, info, 32)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &Box{aead: aead}, nil
}

// Seal returns plain sealed, bound to aad: a random nonce, then the
// ciphertext.
func (b *Box) Seal(plain, aad []byte) []byte {
	nonce := make([]byte, b.aead.NonceSize())
	rand.Read(nonce)
	return b.aead.Seal(nonce, nonce, plain, aad)
}

// Open returns what Seal sealed with the same aad, or an error when the
// box was changed, cut short, bound to something else or sealed under
// another secret.
func (b *Box) Open(sealed, aad []byte) ([]byte, error) {
	n := b.aead.NonceSize()
	if len(sealed) < n {
		return nil, errors.New("a sealed box is cut short")
	}
	return b.aead.Open(nil, sealed[:n], sealed[n:], aad)
}
