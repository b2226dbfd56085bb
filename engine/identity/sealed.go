package identity

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/store"
)

// secretsBucket holds the providers' client secrets, sealed.
const secretsBucket = "id/secrets"

// sealed keeps the providers' client secrets in the store, each sealed
// with AES-256-GCM under a key derived from a secret kept outside the
// store (the provider's id as associated data): a copy of the store does
// not give them away.
type sealed struct {
	st   store.Store
	aead cipher.AEAD // nil: no key, no secret can be kept
}

func newSealed(st store.Store, secret []byte) (*sealed, error) {
	s := &sealed{st: st}
	if len(secret) == 0 {
		return s, nil
	}
	if len(secret) < 32 {
		return nil, fmt.Errorf("the sealing secret is %d bytes; at least 32", len(secret))
	}
	key, err := hkdf.Key(sha256.New, secret, nil, "credence identity provider secrets v1", 32)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	if s.aead, err = cipher.NewGCM(block); err != nil {
		return nil, err
	}
	return s, nil
}

var errNoSealing = errors.New("this server keeps no client secrets: start it with a sealing secret (--issuer-secret)")

func (s *sealed) put(ctx context.Context, provider, secret string) error {
	if s.aead == nil {
		return errNoSealing
	}
	nonce := make([]byte, s.aead.NonceSize())
	rand.Read(nonce)
	box := s.aead.Seal(nonce, nonce, []byte(secret), []byte(provider))
	return s.st.Update(ctx, func(tx store.Tx) error { return tx.Put(secretsBucket, []byte(provider), box) })
}

// open returns the provider's client secret, or "" for a public client.
func (s *sealed) open(ctx context.Context, provider string) (string, error) {
	var box []byte
	err := s.st.View(ctx, func(r store.Reader) error {
		b, err := r.Get(secretsBucket, []byte(provider))
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		box = b
		return err
	})
	if err != nil || box == nil {
		return "", err
	}
	if s.aead == nil {
		return "", errNoSealing
	}
	n := s.aead.NonceSize()
	if len(box) < n {
		return "", errors.New("a sealed client secret is cut short")
	}
	plain, err := s.aead.Open(nil, box[:n], box[n:], []byte(provider))
	if err != nil {
		return "", fmt.Errorf("the client secret of %s does not open with this server's sealing secret", provider)
	}
	return string(plain), nil
}

// putSecret keeps a provider's client secret (admins only).
func (s *Service) putSecret(w http.ResponseWriter, r *http.Request) {
	if a, _ := documents.AuthFrom(r.Context()); a.Role != documents.RoleAdmin {
		problem(w, r, http.StatusForbidden, "only an admin gives a provider's client secret")
		return
	}
	id := chi.URLParam(r, "provider")
	if _, err := s.svc.Get(system(r.Context()), ProvidersCollection, id, documents.ReadOptions{}); err != nil {
		problem(w, r, http.StatusNotFound, "no such identity provider")
		return
	}
	var b struct {
		ClientSecret string `json:"clientSecret"`
	}
	if !decode(w, r, &b) {
		return
	}
	if b.ClientSecret == "" {
		problem(w, r, http.StatusUnprocessableEntity, "give the clientSecret")
		return
	}
	if err := s.providers.secrets.put(r.Context(), id, b.ClientSecret); err != nil {
		if errors.Is(err, errNoSealing) {
			problem(w, r, http.StatusServiceUnavailable, err.Error())
			return
		}
		problem(w, r, http.StatusServiceUnavailable, "the secret cannot be kept now")
		return
	}
	s.providers.forget(id)
	w.WriteHeader(http.StatusNoContent)
}
