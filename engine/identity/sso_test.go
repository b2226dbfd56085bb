package identity_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/go-jose/go-jose/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/zitadel/oidc/v3/example/server/exampleop"
	"github.com/zitadel/oidc/v3/example/server/storage"
	"github.com/zitadel/oidc/v3/pkg/op"
	"golang.org/x/oauth2"
)

// rotating is the example provider's storage with signing keys the test
// rotates: the provider library is zitadel/oidc's, only its key source is
// ours.
type rotating struct {
	*storage.Storage
	mu   sync.Mutex
	keys []*rsaKey
}

type rsaKey struct {
	id  string
	key *rsa.PrivateKey
}

func (k *rsaKey) SignatureAlgorithm() jose.SignatureAlgorithm { return jose.RS256 }
func (k *rsaKey) Key() any                                    { return k.key }
func (k *rsaKey) ID() string                                  { return k.id }
func (k *rsaKey) Algorithm() jose.SignatureAlgorithm          { return jose.RS256 }
func (k *rsaKey) Use() string                                 { return "sig" }

type publicRSA struct{ *rsaKey }

func (k publicRSA) Key() any { return &k.key.PublicKey }

func (s *rotating) rotate(t *testing.T, id string) {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	s.mu.Lock()
	s.keys = append(s.keys, &rsaKey{id: id, key: k})
	s.mu.Unlock()
}

func (s *rotating) SigningKey(context.Context) (op.SigningKey, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.keys[len(s.keys)-1], nil
}

func (s *rotating) SignatureAlgorithms(context.Context) ([]jose.SignatureAlgorithm, error) {
	return []jose.SignatureAlgorithm{jose.RS256}, nil
}

func (s *rotating) KeySet(context.Context) ([]op.Key, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]op.Key, 0, len(s.keys))
	for _, k := range s.keys {
		out = append(out, publicRSA{k})
	}
	return out, nil
}

// provider is an OpenID provider in the test process.
type provider struct {
	srv   *httptest.Server
	store *rotating
}

func newProvider(t *testing.T) *provider {
	t.Helper()
	var h http.Handler
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h.ServeHTTP(w, r) }))
	t.Cleanup(srv.Close)
	st := &rotating{Storage: storage.NewStorage(storage.NewUserStore(srv.URL + "/"))}
	st.rotate(t, "key-1")
	h = exampleop.SetupServer(srv.URL+"/", st, nil, false)
	return &provider{srv: srv, store: st}
}

// login signs the example's test user in at the provider, starting from a
// URL that leads to its authorization endpoint, and returns the URL the
// provider sends the browser back to.
func (p *provider) login(t *testing.T, start string) *url.URL {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	next := start
	for range 10 {
		res, err := client.Get(next)
		require.NoError(t, err)
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		require.Equal(t, http.StatusFound, res.StatusCode, "GET %s", next)
		loc, err := res.Location()
		require.NoError(t, err)
		if id := loc.Query().Get("authRequestID"); id != "" && strings.HasPrefix(loc.Path, "/login/") {
			host := strings.Split(strings.TrimPrefix(p.srv.URL, "http://"), ":")[0]
			form := url.Values{"id": {id}, "username": {"test-user@" + host}, "password": {"verysecure"}}
			res, err := client.PostForm(p.srv.URL+"/login/username", form)
			require.NoError(t, err)
			res.Body.Close()
			require.Equal(t, http.StatusFound, res.StatusCode)
			loc, err = res.Location()
			require.NoError(t, err)
		}
		if !strings.HasPrefix(loc.String(), p.srv.URL) && loc.Host != "" {
			return loc
		}
		next = p.srv.URL + loc.RequestURI()
		if loc.IsAbs() {
			next = loc.String()
		}
	}
	t.Fatal("the provider never sent the browser back")
	return nil
}

// idToken runs the provider's code flow as a client of its own (the test)
// and returns the ID token it issues for clientID.
func (p *provider) idToken(t *testing.T, clientID, redirect string) string {
	t.Helper()
	cfg := &oauth2.Config{ClientID: clientID, ClientSecret: "secret", RedirectURL: redirect, Scopes: []string{"openid", "email"},
		Endpoint: oauth2.Endpoint{AuthURL: p.srv.URL + "/auth", TokenURL: p.srv.URL + "/oauth/token"}}
	back := p.login(t, cfg.AuthCodeURL("state-x"))
	tok, err := cfg.Exchange(context.Background(), back.Query().Get("code"))
	require.NoError(t, err)
	raw, _ := tok.Extra("id_token").(string)
	require.NotEmpty(t, raw)
	return raw
}

func TestSingleSignOn(t *testing.T) {
	idp := newProvider(t)
	other := newProvider(t) // a provider nobody configured
	s := newSite(t, "off")
	callback := s.srv.URL + "/auth/sso/partner-sso/callback"
	storage.RegisterClients(
		storage.WebClient("credence", "secret", callback),
		storage.WebClient("other-app", "secret", "http://127.0.0.1/elsewhere"),
	)
	status, body := s.call("PUT", "/api/_identity_providers/partner-sso", s.admin, map[string]any{
		"issuer": idp.srv.URL + "/", "clientId": "credence", "signUp": true,
		"role":    `doc.email endsWith "@zitadel.ch" ? "partner" : "learner"`,
		"subject": `"n-" + doc.sub`, "subjectCollection": "notes", "subjectFields": `{text: "Welcome, " + doc.email}`,
		"returnTo": []string{"https://portal.example.org/signed-in"}})
	require.Less(t, status, 300, body)
	status, _ = s.call("PUT", "/auth/sso/partner-sso/secret", "", map[string]any{"clientSecret": "secret"})
	assert.Equal(t, http.StatusForbidden, status, "an admin's")
	status, body = s.call("PUT", "/auth/sso/partner-sso/secret", s.admin, map[string]any{"clientSecret": "secret"})
	require.Equal(t, http.StatusNoContent, status, body)
	status, _ = s.call("PUT", "/api/_identity_providers/broken", s.admin, map[string]any{"issuer": idp.srv.URL + "/", "clientId": "x", "role": "doc.email +"})
	assert.Equal(t, http.StatusUnprocessableEntity, status, "a mapping that does not compile")
	_, body = s.call("GET", "/api/_identity_providers/partner-sso", s.admin, nil)
	assert.NotContains(t, body, `"secret"`, "the client secret is not read back")
	status, body = s.call("GET", "/auth/sso", "", nil)
	assert.Equal(t, http.StatusOK, status)
	assert.JSONEq(t, `{"items": [{"id": "partner-sso", "title": "partner-sso"}]}`, body, "what a sign-in page offers, and nothing more")

	// Sign-in through the provider, authorization code with PKCE: the
	// account is made, mapped to the partner role.
	cb := idp.login(t, s.srv.URL+"/auth/sso/partner-sso?returnTo="+url.QueryEscape("https://portal.example.org/signed-in"))
	require.Equal(t, callback, cb.Scheme+"://"+cb.Host+cb.Path, "back to Credence")
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := noFollow.Get(cb.String())
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusFound, res.StatusCode)
	back, err := res.Location()
	require.NoError(t, err)
	assert.Equal(t, "portal.example.org", back.Host)
	frag, err := url.ParseQuery(back.Fragment)
	require.NoError(t, err)
	access := frag.Get("access_token")
	require.NotEmpty(t, access)
	status, body = s.call("GET", "/auth/me", access, nil)
	require.Equal(t, http.StatusOK, status, body)
	var me struct{ Email, Role string }
	require.NoError(t, json.Unmarshal([]byte(body), &me))
	assert.Equal(t, "test-user@zitadel.ch", me.Email)
	assert.Equal(t, "partner", me.Role)
	status, body = s.call("GET", "/api/notes/n-id1", s.admin, nil)
	require.Equal(t, http.StatusOK, status, "the document she acts for, made at her first sign-in")
	assert.Contains(t, body, "Welcome, test-user@zitadel.ch")
	_, body = s.call("GET", "/api/_identity_providers/partner-sso", s.admin, nil)
	assert.NotContains(t, body, `"secret"`, "the client secret is kept apart, sealed")
	status, _ = s.call("GET", "/auth/sso/partner-sso?returnTo="+url.QueryEscape("https://evil.example/"), "", nil)
	assert.Equal(t, http.StatusBadRequest, status, "only the provider's return addresses")
	status, _ = s.call("GET", "/auth/sso/partner-sso/callback?state=forged&code=x", "", nil)
	assert.Equal(t, http.StatusBadRequest, status, "an unknown state")

	// The provider's own tokens are accepted as bearer tokens for its
	// audience, also after it rotates its signing key; not for another
	// audience, not from another issuer.
	token := idp.idToken(t, "credence", callback)
	status, body = s.call("GET", "/api/notes/n1", token, nil)
	assert.Equal(t, http.StatusOK, status, "its ID token has no e-mail: a learner, who reads notes: %s", body)
	idp.store.rotate(t, "key-2")
	rotated := idp.idToken(t, "credence", callback)
	require.NotEqual(t, token, rotated)
	status, _ = s.call("GET", "/auth/me", rotated, nil)
	assert.Equal(t, http.StatusUnauthorized, status, "/auth/me is for accounts")
	status, _ = s.call("GET", "/api/notes", rotated, nil)
	assert.Equal(t, http.StatusOK, status, "signed with the new key, after the rotation")
	status, _ = s.call("GET", "/api/notes", idp.idToken(t, "other-app", "http://127.0.0.1/elsewhere"), nil)
	assert.Equal(t, http.StatusUnauthorized, status, "another audience")
	status, _ = s.call("GET", "/api/notes", other.idToken(t, "credence", callback), nil)
	assert.Equal(t, http.StatusUnauthorized, status, "another issuer")
}
