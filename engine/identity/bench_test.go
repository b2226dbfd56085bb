package identity_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/go-chi/chi/v5"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
	"github.com/credence/credence/engine/identity"
	"github.com/credence/credence/store/bolt"
)

// BenchmarkGet reads one document through the whole router, with an API
// key and with an account's access token: the server's work, requests
// built beforehand.
func BenchmarkGet(b *testing.B) {
	ctx := context.Background()
	st, err := bolt.Open(filepath.Join(b.TempDir(), "credence.db"), bolt.Options{})
	require.NoError(b, err)
	b.Cleanup(func() { st.Close() })
	svc, err := documents.New(ctx, st, documents.Options{System: identity.SystemCollections()})
	require.NoError(b, err)
	_, err = svc.Put(ctx, "_schemas", "notes", []byte(`{"type": "object", "x-access": {"read": "auth.role == \"learner\""}, "properties": {"text": {"type": "string"}}}`), documents.WriteOptions{})
	require.NoError(b, err)
	_, err = svc.Put(ctx, "notes", "n1", []byte(`{"text": "for learners"}`), documents.WriteOptions{})
	require.NoError(b, err)
	sessions, err := identity.OpenSessions(ctx, st, nil)
	require.NoError(b, err)
	id, err := identity.New(svc, sessions, identity.Config{SignUp: "open", Params: cheap})
	require.NoError(b, err)
	h := engine.New(engine.Config{Tokens: sessions, Routes: func(r chi.Router) { id.Routes(r) }}, svc)
	key, _, err := svc.PutKey(ctx, documents.KeySpec{Role: "learner", Subject: "ada", Name: "ada"})
	require.NoError(b, err)
	tok, err := sessions.Start(ctx, identity.Principal{Account: "a1", Role: "learner", Subject: "ada"})
	require.NoError(b, err)
	for _, tc := range []struct{ name, bearer string }{{"api key", key}, {"access token", tok.AccessToken}} {
		b.Run(tc.name, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, "/api/notes/n1", nil)
			req.Header.Set("Authorization", "Bearer "+tc.bearer)
			for b.Loop() {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, req)
				if w.Code != http.StatusOK {
					b.Fatalf("%d %s", w.Code, w.Body)
				}
			}
		})
	}
}

// BenchmarkSignIn checks a password with the default argon2id costs
// (19 MiB, 2 passes, 1 lane).
func BenchmarkSignIn(b *testing.B) {
	hash, err := identity.HashPassword("correct horse battery", identity.DefaultParams())
	require.NoError(b, err)
	for b.Loop() {
		ok, err := identity.CheckPassword("correct horse battery", hash)
		if err != nil || !ok {
			b.Fatal("no match")
		}
	}
}
