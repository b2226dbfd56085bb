package identity_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
	"github.com/credence/credence/engine/identity"
	"github.com/credence/credence/store/bolt"
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) { c.mu.Lock(); defer c.mu.Unlock(); c.t = c.t.Add(d) }

type site struct {
	t     *testing.T
	srv   *httptest.Server
	svc   *documents.Service
	clock *clock
	admin string
	mail  *outbox
}

// outbox keeps the messages identity sends, as the message path would
// deliver them.
type outbox struct {
	mu   sync.Mutex
	sent []identity.Mail
}

func (o *outbox) Mail(_ context.Context, m identity.Mail) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.sent = append(o.sent, m)
	return nil
}

// await returns the n-th message sent (from 1), waiting for it: codes go
// out after the answer.
func (s *site) await(n int) identity.Mail {
	s.t.Helper()
	var m identity.Mail
	require.Eventually(s.t, func() bool {
		s.mail.mu.Lock()
		defer s.mail.mu.Unlock()
		if len(s.mail.sent) < n {
			return false
		}
		m = s.mail.sent[n-1]
		return true
	}, 5*time.Second, 5*time.Millisecond)
	return m
}

func (s *site) sentCount() int {
	s.mail.mu.Lock()
	defer s.mail.mu.Unlock()
	return len(s.mail.sent)
}

// join signs up and verifies the address with the code sent, the n-th
// message.
func (s *site) join(email, password string, n int) identity.Tokens {
	s.t.Helper()
	status, _ := s.call("POST", "/auth/signup", "", map[string]string{"email": email, "password": password})
	require.Equal(s.t, http.StatusAccepted, status)
	code := s.await(n).Data["code"].(string)
	status, body := s.call("POST", "/auth/verify", "", map[string]string{"email": email, "code": code})
	require.Equal(s.t, http.StatusOK, status, body)
	var t identity.Tokens
	require.NoError(s.t, json.Unmarshal([]byte(body), &t))
	return t
}

// cheap are argon2id costs for tests: the flows, not the hashing, are
// under test (BenchmarkSignIn measures the real costs).
var cheap = identity.Params{Memory: 1024, Time: 1, Threads: 1}

func newSite(t *testing.T, signUp string) *site {
	t.Helper()
	ctx := context.Background()
	st, err := bolt.Open(filepath.Join(t.TempDir(), "credence.db"), bolt.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	clk := &clock{t: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)}
	svc, err := documents.New(ctx, st, documents.Options{Now: clk.Now, System: identity.SystemCollections()})
	require.NoError(t, err)
	_, err = svc.Put(ctx, "_schemas", "notes", []byte(`{"type": "object", "x-access": {"read": "auth.role == \"learner\""},
	  "properties": {"text": {"type": "string"}}}`), documents.WriteOptions{})
	require.NoError(t, err)
	_, err = svc.Put(ctx, "notes", "n1", []byte(`{"text": "for learners"}`), documents.WriteOptions{})
	require.NoError(t, err)
	sessions, err := identity.OpenSessions(ctx, st, clk.Now)
	require.NoError(t, err)
	mail := &outbox{}
	id, err := identity.New(svc, sessions, identity.Config{SignUp: signUp, Params: cheap, Now: clk.Now, Mailer: mail,
		SealingSecret: []byte("the sealing secret of the tests, 32 bytes or more")})
	require.NoError(t, err)
	srv := httptest.NewServer(engine.New(engine.Config{Tokens: id, Routes: func(r chi.Router) { id.Routes(r) }}, svc))
	t.Cleanup(srv.Close)
	admin, _, err := svc.PutKey(ctx, documents.KeySpec{Role: documents.RoleAdmin, Name: "admin"})
	require.NoError(t, err)
	return &site{t: t, srv: srv, svc: svc, clock: clk, admin: admin, mail: mail}
}

func (s *site) call(method, path, token string, body any) (int, string) {
	s.t.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		require.NoError(s.t, err)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, s.srv.URL+path, rd)
	require.NoError(s.t, err)
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(s.t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(s.t, err)
	return res.StatusCode, string(b)
}

func (s *site) signIn(email, password string) (int, identity.Tokens) {
	s.t.Helper()
	status, body := s.call("POST", "/auth/signin", "", map[string]string{"email": email, "password": password})
	var t identity.Tokens
	if status == http.StatusOK {
		require.NoError(s.t, json.Unmarshal([]byte(body), &t))
	}
	return status, t
}

func TestSignUpSignInRefreshSignOut(t *testing.T) {
	s := newSite(t, "open")
	status, _ := s.call("POST", "/auth/signup", "", map[string]string{"email": "Ada@Example.org", "password": "short"})
	assert.Equal(t, http.StatusUnprocessableEntity, status, "a short password")
	status, first := s.call("POST", "/auth/signup", "", map[string]string{"email": "Ada@Example.org", "password": "correct horse battery"})
	assert.Equal(t, http.StatusAccepted, status)
	status, again := s.call("POST", "/auth/signup", "", map[string]string{"email": "ada@example.org", "password": "another password here"})
	assert.Equal(t, http.StatusAccepted, status)
	assert.Equal(t, first, again, "signing up again tells nothing")

	// Not before the address is verified, with the code sent to it.
	status, _ = s.signIn("ada@example.org", "correct horse battery")
	assert.Equal(t, http.StatusUnauthorized, status, "unverified")
	verify := s.await(1)
	assert.Equal(t, "ada@example.org", verify.Email)
	assert.Equal(t, "account-verify", verify.Template)
	status, _ = s.call("POST", "/auth/verify", "", map[string]string{"email": "ada@example.org", "code": "000000x"})
	assert.Equal(t, http.StatusUnauthorized, status)
	status, _ = s.call("POST", "/auth/verify", "", map[string]string{"email": "ada@example.org", "code": verify.Data["code"].(string)})
	assert.Equal(t, http.StatusOK, status)
	assert.Equal(t, 1, s.sentCount(), "signing up again sent nothing")

	// Signed in: the access token is accepted wherever a key is.
	status, tok := s.signIn("ada@example.org", "correct horse battery")
	require.Equal(t, http.StatusOK, status)
	assert.Equal(t, 300, tok.ExpiresIn)
	status, body := s.call("GET", "/api/notes/n1", tok.AccessToken, nil)
	assert.Equal(t, http.StatusOK, status, body)
	status, _ = s.call("GET", "/api/notes/n1", tok.AccessToken+"x", nil)
	assert.Equal(t, http.StatusUnauthorized, status, "a changed token")
	status, body = s.call("GET", "/auth/me", tok.AccessToken, nil)
	require.Equal(t, http.StatusOK, status)
	var me struct{ Email, Role, Subject string }
	require.NoError(t, json.Unmarshal([]byte(body), &me))
	assert.Equal(t, "ada@example.org", me.Email)
	assert.Equal(t, "learner", me.Role)
	assert.Regexp(t, "^u[0-9a-f]{16}$", me.Subject, "a document of her own to act for")
	status, _ = s.call("GET", "/auth/me", s.admin, nil)
	assert.Equal(t, http.StatusUnauthorized, status, "an API key is no account")
	status, body = s.call("GET", "/auth/sessions", tok.AccessToken, nil)
	assert.Equal(t, http.StatusOK, status)
	assert.Equal(t, 2, strings.Count(body, `"id"`), "the verification signed in, and so did the password")

	// The password hash is never read back, not even by an admin.
	status, body = s.call("GET", "/api/_accounts", s.admin, nil)
	require.Equal(t, http.StatusOK, status)
	assert.Contains(t, body, "ada@example.org")
	assert.NotContains(t, body, "argon2id")
	status, _ = s.call("GET", "/api/_accounts", tok.AccessToken, nil)
	assert.Equal(t, http.StatusForbidden, status, "a learner does not list accounts")

	// Refresh rotates: the old refresh token is used up; using it again
	// revokes the session, the new one with it.
	status, body = s.call("POST", "/auth/refresh", "", map[string]string{"refreshToken": tok.RefreshToken})
	require.Equal(t, http.StatusOK, status, body)
	var next identity.Tokens
	require.NoError(t, json.Unmarshal([]byte(body), &next))
	assert.NotEqual(t, tok.RefreshToken, next.RefreshToken)
	status, _ = s.call("POST", "/auth/refresh", "", map[string]string{"refreshToken": tok.RefreshToken})
	assert.Equal(t, http.StatusUnauthorized, status, "reused")
	status, _ = s.call("POST", "/auth/refresh", "", map[string]string{"refreshToken": next.RefreshToken})
	assert.Equal(t, http.StatusUnauthorized, status, "its family is revoked")

	// Sign out: the refresh token stops at once, the access token within
	// five minutes.
	_, tok = s.signIn("ada@example.org", "correct horse battery")
	status, _ = s.call("POST", "/auth/signout", "", map[string]string{"refreshToken": tok.RefreshToken})
	assert.Equal(t, http.StatusNoContent, status)
	status, _ = s.call("POST", "/auth/refresh", "", map[string]string{"refreshToken": tok.RefreshToken})
	assert.Equal(t, http.StatusUnauthorized, status)
	status, _ = s.call("GET", "/api/notes/n1", tok.AccessToken, nil)
	assert.Equal(t, http.StatusOK, status, "until it expires")
	s.clock.Add(identity.AccessTTL + time.Second)
	status, _ = s.call("GET", "/api/notes/n1", tok.AccessToken, nil)
	assert.Equal(t, http.StatusUnauthorized, status, "expired")

	// A disabled account neither signs in nor refreshes.
	_, tok = s.signIn("ada@example.org", "correct horse battery")
	_, body = s.call("GET", "/api/_accounts", s.admin, nil)
	var page struct{ Items []struct{ ID string } }
	require.NoError(t, json.Unmarshal([]byte(body), &page))
	require.Len(t, page.Items, 1)
	status, _ = s.call("PATCH", "/api/_accounts/"+page.Items[0].ID, s.admin, map[string]any{"disabled": true})
	require.Equal(t, http.StatusOK, status)
	status, _ = s.signIn("ada@example.org", "correct horse battery")
	assert.Equal(t, http.StatusUnauthorized, status)
	status, _ = s.call("POST", "/auth/refresh", "", map[string]string{"refreshToken": tok.RefreshToken})
	assert.Equal(t, http.StatusUnauthorized, status)
}

func TestSignUpPolicy(t *testing.T) {
	for _, tc := range []struct {
		policy, email string
		want          int
	}{
		{"off", "ada@example.org", http.StatusForbidden},
		{"open", "ada@example.org", http.StatusAccepted},
		{"partner.com, example.org", "ada@example.org", http.StatusAccepted},
		{"partner.com", "ada@example.org", http.StatusForbidden},
		{"open", "not an address", http.StatusUnprocessableEntity},
	} {
		s := newSite(t, tc.policy)
		status, _ := s.call("POST", "/auth/signup", "", map[string]string{"email": tc.email, "password": "correct horse battery"})
		assert.Equal(t, tc.want, status, "%s %s", tc.policy, tc.email)
	}
}

// TestNoEnumerationAndLockout: an unknown address and a wrong password
// get the same answer; failures lock an account out, and an unknown
// address just the same, with backoff.
func TestNoEnumerationAndLockout(t *testing.T) {
	s := newSite(t, "open")
	s.join("ada@example.org", "correct horse battery", 1)
	s1, b1 := s.call("POST", "/auth/signin", "", map[string]string{"email": "ada@example.org", "password": "wrong password"})
	s2, b2 := s.call("POST", "/auth/signin", "", map[string]string{"email": "bob@example.org", "password": "wrong password"})
	assert.Equal(t, http.StatusUnauthorized, s1)
	assert.Equal(t, s1, s2)
	assert.Equal(t, b1, b2, "the same body")
	for _, email := range []string{"ada@example.org", "bob@example.org"} {
		for range 4 {
			s.call("POST", "/auth/signin", "", map[string]string{"email": email, "password": "wrong password"})
		}
		status, _ := s.call("POST", "/auth/signin", "", map[string]string{"email": email, "password": "correct horse battery"})
		assert.Equal(t, http.StatusTooManyRequests, status, "%s: locked out after five failures", email)
	}
	s.clock.Add(2 * time.Second)
	status, _ := s.signIn("ada@example.org", "correct horse battery")
	assert.Equal(t, http.StatusOK, status, "the lockout passes")
}

// TestCodesAndReset: a one-time sign-in code, a password reset that ends
// every session, and the same answers for addresses without an account.
func TestCodesAndReset(t *testing.T) {
	s := newSite(t, "open")
	first := s.join("ada@example.org", "correct horse battery", 1)

	// A one-time code: asked for, it comes by e-mail; it works once.
	s1, b1 := s.call("POST", "/auth/code", "", map[string]string{"email": "ada@example.org"})
	s2, b2 := s.call("POST", "/auth/code", "", map[string]string{"email": "nobody@example.org"})
	assert.Equal(t, http.StatusAccepted, s1)
	assert.Equal(t, []any{s1, b1}, []any{s2, b2}, "the same answer for an address without an account")
	code := s.await(2).Data["code"].(string)
	assert.Regexp(t, "^[0-9]{6}$", code)
	status, _ := s.call("POST", "/auth/signin/code", "", map[string]string{"email": "ada@example.org", "code": code})
	assert.Equal(t, http.StatusOK, status)
	status, _ = s.call("POST", "/auth/signin/code", "", map[string]string{"email": "ada@example.org", "code": code})
	assert.Equal(t, http.StatusUnauthorized, status, "used up")
	time.Sleep(50 * time.Millisecond)
	assert.Equal(t, 2, s.sentCount(), "nothing was sent to the unknown address")

	// Wrong codes burn it.
	s.call("POST", "/auth/code", "", map[string]string{"email": "ada@example.org"})
	code = s.await(3).Data["code"].(string)
	wrong := "000000"
	if code == wrong {
		wrong = "111111"
	}
	for range 4 {
		s.call("POST", "/auth/signin/code", "", map[string]string{"email": "ada@example.org", "code": wrong})
	}
	s.clock.Add(time.Hour) // past the lockout, not the guessing
	status, _ = s.call("POST", "/auth/signin/code", "", map[string]string{"email": "ada@example.org", "code": code})
	assert.Equal(t, http.StatusUnauthorized, status, "expired, and burnt by the wrong tries")

	// A reset: the token by e-mail, a new password, every session ended.
	s.clock.Add(time.Hour)
	s.call("POST", "/auth/reset", "", map[string]string{"email": "ada@example.org"})
	reset := s.await(4)
	assert.Equal(t, "account-reset", reset.Template)
	token := reset.Data["token"].(string)
	status, _ = s.call("POST", "/auth/reset/confirm", "", map[string]string{"token": token + "x", "password": "a brand new password"})
	assert.Equal(t, http.StatusUnauthorized, status)
	status, body := s.call("POST", "/auth/reset/confirm", "", map[string]string{"token": token, "password": "a brand new password"})
	assert.Equal(t, http.StatusOK, status, body)
	status, _ = s.call("POST", "/auth/reset/confirm", "", map[string]string{"token": token, "password": "yet another password"})
	assert.Equal(t, http.StatusUnauthorized, status, "a reset token works once")
	status, _ = s.call("POST", "/auth/refresh", "", map[string]string{"refreshToken": first.RefreshToken})
	assert.Equal(t, http.StatusUnauthorized, status, "the sessions before the reset are ended")
	status, _ = s.signIn("ada@example.org", "correct horse battery")
	assert.Equal(t, http.StatusUnauthorized, status, "the old password")
	status, _ = s.signIn("ada@example.org", "a brand new password")
	assert.Equal(t, http.StatusOK, status)
}
