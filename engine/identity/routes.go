package identity

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/credence/credence/documents"
)

// Config configures the identity routes.
type Config struct {
	// SignUp is who may sign up: "off" (the default: accounts are made by
	// admins), "open", or a comma-separated list of e-mail domains.
	SignUp string
	// SignUpRole is the role of an account made by signing up: "learner".
	SignUpRole string
	// Params are argon2id's costs; DefaultParams when zero.
	Params Params
	// Now is the clock of the lockouts; time.Now when nil.
	Now    func() time.Time
	Logger *slog.Logger
}

// Service serves sign-up, sign-in, refresh and sign-out:
//
//	POST /auth/signup    {"email", "password"}         202, the same answer whether or not the address had an account
//	POST /auth/signin    {"email", "password"}         200 tokens, or 401 (the same for an unknown address and a wrong password)
//	POST /auth/refresh   {"refreshToken"}              200 new tokens; the old refresh token is used up
//	POST /auth/signout   {"refreshToken"}              204; the session's tokens stop (access tokens within AccessTTL)
//	GET  /auth/sessions                                 the caller's live sessions (with its access token)
//	GET  /auth/me                                       who the access token acts for: account, email, role, subject
type Service struct {
	svc      Documents
	sessions *Sessions
	cfg      Config
	dummy    string // a hash to check against for an unknown address, so that it takes as long
	guard    *guard
}

// New returns the identity service over the documents and the sessions.
func New(svc Documents, sessions *Sessions, cfg Config) (*Service, error) {
	if cfg.Params == (Params{}) {
		cfg.Params = DefaultParams()
	}
	if cfg.SignUp == "" {
		cfg.SignUp = "off"
	}
	if cfg.SignUpRole == "" {
		cfg.SignUpRole = "learner"
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	dummy, err := HashPassword(randomID(), cfg.Params)
	if err != nil {
		return nil, err
	}
	return &Service{svc: svc, sessions: sessions, cfg: cfg, dummy: dummy, guard: newGuard(cfg.Now)}, nil
}

// Routes adds the identity routes.
func (s *Service) Routes(r chi.Router) {
	r.Post("/auth/signup", s.signUp)
	r.Post("/auth/signin", s.signIn)
	r.Post("/auth/refresh", s.refresh)
	r.Post("/auth/signout", s.signOut)
	r.Get("/auth/sessions", s.list)
	r.Get("/auth/me", s.me)
}

// me answers who the access token acts for.
func (s *Service) me(w http.ResponseWriter, r *http.Request) {
	a, _ := documents.AuthFrom(r.Context())
	id, ok := strings.CutPrefix(a.KeyID, "account:")
	if !ok {
		problem(w, r, http.StatusUnauthorized, "sign in: this tells who an account's token acts for")
		return
	}
	acct, err := byID(r.Context(), s.svc, id)
	if err != nil {
		problem(w, r, http.StatusUnauthorized, "the account is gone: sign in again")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"account": id, "email": acct.Email, "role": a.Role, "subject": a.Subject})
}

// newSubject is the id of the document a new account acts for.
func newSubject() string {
	b := make([]byte, 8)
	rand.Read(b)
	return "u" + hex.EncodeToString(b)
}

// MinPasswordLength is the shortest password accepted (NIST SP 800-63B
// asks for 8 at least); MaxPasswordLength bounds the work of hashing.
const (
	MinPasswordLength = 10
	MaxPasswordLength = 256
)

type credentials struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

func (s *Service) signUp(w http.ResponseWriter, r *http.Request) {
	var c credentials
	if !decode(w, r, &c) {
		return
	}
	email := normalEmail(c.Email)
	if !validEmail(email) {
		problem(w, r, http.StatusUnprocessableEntity, "the e-mail address is not valid")
		return
	}
	if n := len(c.Password); n < MinPasswordLength || n > MaxPasswordLength {
		problem(w, r, http.StatusUnprocessableEntity, "the password must be 10 to 256 characters long")
		return
	}
	if !s.mayJoin(email) {
		problem(w, r, http.StatusForbidden, "signing up is closed for this address: ask the program for an account")
		return
	}
	if wait := s.guard.check(clientAddress(r), ""); wait > 0 {
		tooMany(w, r, wait)
		return
	}
	s.guard.fail(clientAddress(r), "") // sign-ups count against the address as failures do
	hash, err := HashPassword(c.Password, s.cfg.Params)
	if err != nil {
		problem(w, r, http.StatusServiceUnavailable, "the account cannot be made now")
		return
	}
	// The account acts for a document of its own, which the frontend makes
	// (a learner's profile at /api/learners/{subject}): its id is new.
	_, err = create(r.Context(), s.svc, email, s.cfg.SignUpRole, newSubject(), hash)
	if err != nil && !errors.Is(err, errExists) {
		s.cfg.Logger.Error("identity: sign-up failed", "error", err.Error())
		problem(w, r, http.StatusServiceUnavailable, "the account cannot be made now")
		return
	}
	// The same answer whether the address was new or not: a sign-up tells
	// nobody who has an account.
	writeJSON(w, http.StatusAccepted, map[string]any{"status": "accepted",
		"detail": "if the address had no account, it has one now: sign in with it"})
}

// mayJoin applies the sign-up policy.
func (s *Service) mayJoin(email string) bool {
	switch s.cfg.SignUp {
	case "off":
		return false
	case "open":
		return true
	}
	_, domain, _ := strings.Cut(email, "@")
	for _, d := range strings.Split(s.cfg.SignUp, ",") {
		if strings.EqualFold(strings.TrimSpace(d), domain) {
			return true
		}
	}
	return false
}

func (s *Service) signIn(w http.ResponseWriter, r *http.Request) {
	var c credentials
	if !decode(w, r, &c) {
		return
	}
	email := normalEmail(c.Email)
	addr := clientAddress(r)
	if wait := s.guard.check(addr, email); wait > 0 {
		tooMany(w, r, wait)
		return
	}
	a, ok := s.authenticate(r.Context(), email, c.Password)
	if !ok {
		s.guard.fail(addr, email)
		problem(w, r, http.StatusUnauthorized, "the e-mail address or the password is wrong")
		return
	}
	s.guard.succeed(email)
	t, err := s.sessions.Start(r.Context(), Principal{Account: a.ID, Role: a.Role, Subject: a.Subject})
	if err != nil {
		problem(w, r, http.StatusServiceUnavailable, "the session cannot be started now")
		return
	}
	writeJSON(w, http.StatusOK, t)
}

// authenticate checks a password; an unknown or disabled address costs
// the same hashing as a known one.
func (s *Service) authenticate(ctx context.Context, email, password string) (*account, bool) {
	if len(password) > MaxPasswordLength {
		password = password[:MaxPasswordLength]
	}
	var a *account
	hash := s.dummy
	if validEmail(email) {
		if found, err := byEmail(ctx, s.svc, email); err == nil && found != nil {
			// Secrets are read by Credence alone: a context without the caller.
			ictx, cancel := context.WithCancel(context.Background())
			stop := context.AfterFunc(ctx, cancel)
			h, err := s.svc.Secret(ictx, AccountsCollection, found.ID, "passwordHash")
			stop()
			cancel()
			if err == nil && h != "" {
				a, hash = found, h
			}
		}
	}
	ok, err := CheckPassword(password, hash)
	if err != nil || !ok || a == nil || a.Disabled {
		return nil, false
	}
	return a, true
}

type refreshBody struct {
	RefreshToken string `json:"refreshToken"`
}

func (s *Service) refresh(w http.ResponseWriter, r *http.Request) {
	var b refreshBody
	if !decode(w, r, &b) {
		return
	}
	addr := clientAddress(r)
	if wait := s.guard.check(addr, ""); wait > 0 {
		tooMany(w, r, wait)
		return
	}
	t, err := s.sessions.Refresh(r.Context(), b.RefreshToken, func(ctx context.Context, id string) (Principal, error) {
		a, err := byID(ctx, s.svc, id)
		if err != nil {
			return Principal{}, err
		}
		if a.Disabled {
			return Principal{}, errors.New("disabled")
		}
		return Principal{Account: a.ID, Role: a.Role, Subject: a.Subject}, nil
	})
	if errors.Is(err, ErrInvalidToken) {
		s.guard.fail(addr, "")
		problem(w, r, http.StatusUnauthorized, "the refresh token is not valid: sign in again")
		return
	}
	if err != nil {
		problem(w, r, http.StatusServiceUnavailable, "the session cannot be refreshed now")
		return
	}
	writeJSON(w, http.StatusOK, t)
}

func (s *Service) signOut(w http.ResponseWriter, r *http.Request) {
	var b refreshBody
	if !decode(w, r, &b) {
		return
	}
	if err := s.sessions.End(r.Context(), b.RefreshToken); err != nil {
		problem(w, r, http.StatusServiceUnavailable, "the session cannot be ended now")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Service) list(w http.ResponseWriter, r *http.Request) {
	a, _ := documents.AuthFrom(r.Context())
	account, ok := strings.CutPrefix(a.KeyID, "account:")
	if !ok {
		problem(w, r, http.StatusUnauthorized, "sign in: this lists the sessions of an account")
		return
	}
	list, err := s.sessions.Active(r.Context(), account)
	if err != nil {
		problem(w, r, http.StatusServiceUnavailable, "the sessions cannot be read now")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": list})
}

// decode reads a small JSON body, or answers 400/413.
func decode(w http.ResponseWriter, r *http.Request, v any) bool {
	body, err := io.ReadAll(io.LimitReader(r.Body, 8<<10+1))
	if err != nil {
		problem(w, r, http.StatusBadRequest, "the body could not be read")
		return false
	}
	if len(body) > 8<<10 {
		problem(w, r, http.StatusRequestEntityTooLarge, "the body is at most 8 KB")
		return false
	}
	if err := json.Unmarshal(body, v); err != nil {
		problem(w, r, http.StatusBadRequest, "the body is not the JSON object expected")
		return false
	}
	return true
}

func tooMany(w http.ResponseWriter, r *http.Request, wait time.Duration) {
	w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds()+0.999)))
	problem(w, r, http.StatusTooManyRequests, "too many attempts: try again after Retry-After seconds")
}

// clientAddress is the request's address without its port.
func clientAddress(r *http.Request) string {
	host := r.RemoteAddr
	if i := strings.LastIndexByte(host, ':'); i > 0 && !strings.HasSuffix(host, "]") {
		host = host[:i]
	}
	return host
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func problem(w http.ResponseWriter, r *http.Request, status int, detail string) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"type": "about:blank", "title": http.StatusText(status), "status": status,
		"detail": detail, "instance": r.URL.Path})
}

// guard throttles failures per address and per account: after a burst,
// each further failure locks the key out for twice as long as the last
// (from one second up to an hour); a success clears the account's count.
// It holds per node: every node of a cluster keeps its own.
type guard struct {
	mu   sync.Mutex
	now  func() time.Time
	keys map[string]*strikes
}

type strikes struct {
	n     int
	until time.Time
	seen  time.Time
}

// The guard's bounds.
const (
	burstPerAccount = 5
	burstPerAddress = 20
	maxLockout      = time.Hour
)

func newGuard(now func() time.Time) *guard { return &guard{now: now, keys: map[string]*strikes{}} }

// check returns how long the address or the account is locked out.
func (g *guard) check(addr, email string) time.Duration {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	wait := time.Duration(0)
	for _, k := range []string{"a:" + addr, "e:" + email} {
		if st := g.keys[k]; st != nil && now.Before(st.until) {
			wait = max(wait, st.until.Sub(now))
		}
	}
	return wait
}

func (g *guard) fail(addr, email string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	if len(g.keys) > 100_000 {
		for k, st := range g.keys { // forget the quiet ones
			if now.Sub(st.seen) > maxLockout {
				delete(g.keys, k)
			}
		}
	}
	g.strike("a:"+addr, burstPerAddress, now)
	if email != "" {
		g.strike("e:"+email, burstPerAccount, now)
	}
}

func (g *guard) strike(k string, burst int, now time.Time) {
	st := g.keys[k]
	if st == nil || now.Sub(st.seen) > maxLockout {
		st = &strikes{}
		g.keys[k] = st
	}
	st.n++
	st.seen = now
	if st.n >= burst {
		lock := time.Second << min(st.n-burst, 12)
		st.until = now.Add(min(lock, maxLockout))
	}
}

func (g *guard) succeed(email string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.keys, "e:"+email)
}
