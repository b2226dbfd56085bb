package identity

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine/seal"
	"github.com/credence/credence/store"
)

// secretsBucket holds the providers' client secrets, sealed.
const secretsBucket = "id/secrets"

// sealed keeps the providers' client secrets in the store, each sealed
// with AES-256-GCM under a key derived from a secret kept outside the
// store (the provider's id as associated data): a copy of the store does
// not give them away.
type sealed struct {
	st  store.Store
	box *seal.Box // nil: no secret to seal with, no client secret kept
}

func newSealed(st store.Store, secret []byte) (*sealed, error) {
	s := &sealed{st: st}
	if len(secret) == 0 {
		return s, nil
	}
	var err error
	s.box, err = seal.New(secret, "credence identity provider secrets v1")
	return s, err
}

var errNoSealing = errors.New("this server keeps no client secrets: start it with a sealing secret (--issuer-secret)")

func (s *sealed) put(ctx context.Context, provider, secret string) error {
	if s.box == nil {
		return errNoSealing
	}
	box := s.box.Seal([]byte(secret), []byte(provider))
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
	if s.box == nil {
		return "", errNoSealing
	}
	plain, err := s.box.Open(box, []byte(provider))
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
