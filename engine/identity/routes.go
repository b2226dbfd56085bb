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
	// Mailer sends the codes and links (verification, one-time sign-in,
	// password reset); without it those flows answer 503.
	Mailer Mailer
	// ResetURL, when set, makes the reset message a link: ResetURL and the
	// token ("https://portal.example.org/reset?token="); else the token.
	ResetURL string
	// SealingSecret (32 bytes or more, kept outside the store) seals the
	// providers' client secrets; without it, only public clients (PKCE
	// alone) are possible.
	SealingSecret []byte
	// PublicURL is the server's address as browsers reach it: the
	// providers send them back to PublicURL/auth/sso/{provider}/callback.
	// From the request's Host when empty.
	PublicURL string
}

// Service serves sign-up, sign-in, refresh and sign-out:
//
//	POST /auth/signup    {"email", "password"}         202, the same answer whether or not the address had an account
//	POST /auth/signin    {"email", "password"}         200 tokens, or 401 (the same for an unknown address and a wrong password)
//	POST /auth/refresh   {"refreshToken"}              200 new tokens; the old refresh token is used up
//	POST /auth/signout   {"refreshToken"}              204; the session's tokens stop (access tokens within AccessTTL)
//	GET  /auth/sessions                                 the caller's live sessions (with its access token)
//	GET  /auth/me                                       who the access token acts for: account, email, role, subject
//	POST /auth/verify          {"email", "code"}        the code sent at sign-up: the address is verified; 200 tokens
//	POST /auth/code            {"email"}                202; a one-time sign-in code is sent if the address has an account
//	POST /auth/signin/code     {"email", "code"}        200 tokens (and the address verified), or 401
//	POST /auth/reset           {"email"}                202; a reset token is sent if the address has an account
//	POST /auth/reset/confirm   {"token", "password"}    the new password; every session ended; 200 tokens
//	GET  /auth/sso                                      the providers to sign in through: id and title
//	GET  /auth/sso/{provider}[?returnTo=URL]            single sign-on: to the provider (authorization code, PKCE)
//	GET  /auth/sso/{provider}/callback                  back from it: 200 tokens, or to returnTo with them in the fragment
//	PUT  /auth/sso/{provider}/secret {"clientSecret"}  a confidential client's secret, kept sealed (admin)
type Service struct {
	svc      Documents
	sessions *Sessions
	cfg      Config
	dummy    string // a hash to check against for an unknown address, so that it takes as long
	guard    *guard

	providers *providers
	mu        sync.RWMutex
	bearers   map[string]verified // providers' tokens checked already, until they expire
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
	secrets, err := newSealed(sessions.st, cfg.SealingSecret)
	if err != nil {
		return nil, err
	}
	return &Service{svc: svc, sessions: sessions, cfg: cfg, dummy: dummy, guard: newGuard(cfg.Now),
		providers: &providers{svc: svc, secrets: secrets, ok: map[string]*provider{}, rev: map[string]int64{}},
		bearers:   map[string]verified{}}, nil
}

// Routes adds the identity routes.
func (s *Service) Routes(r chi.Router) {
	r.Post("/auth/signup", s.signUp)
	r.Post("/auth/signin", s.signIn)
	r.Post("/auth/refresh", s.refresh)
	r.Post("/auth/signout", s.signOut)
	r.Get("/auth/sessions", s.list)
	r.Get("/auth/me", s.me)
	r.Post("/auth/verify", s.verify)
	r.Post("/auth/code", s.sendCode)
	r.Post("/auth/signin/code", s.signInWithCode)
	r.Post("/auth/reset", s.sendReset)
	r.Post("/auth/reset/confirm", s.confirmReset)
	r.Get("/auth/sso", s.ssoList)
	r.Get("/auth/sso/{provider}", s.ssoStart)
	r.Get("/auth/sso/{provider}/callback", s.ssoCallback)
	r.Put("/auth/sso/{provider}/secret", s.putSecret)
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
	if wait := s.guard.sends(clientAddress(r)); wait > 0 {
		tooMany(w, r, wait)
		return
	}
	hash, err := HashPassword(c.Password, s.cfg.Params)
	if err != nil {
		problem(w, r, http.StatusServiceUnavailable, "the account cannot be made now")
		return
	}
	// The account acts for a document of its own, which the frontend makes
	// (a learner's profile at /api/learners/{subject}): its id is new.
	a, err := create(r.Context(), s.svc, email, s.cfg.SignUpRole, newSubject(), hash)
	if err != nil && !errors.Is(err, errExists) {
		s.cfg.Logger.Error("identity: sign-up failed", "error", err.Error())
		problem(w, r, http.StatusServiceUnavailable, "the account cannot be made now")
		return
	}
	if a != nil {
		s.later(func(ctx context.Context) error { return s.mailCode(ctx, a, purposeVerify) })
	}
	// The same answer whether the address was new or not: a sign-up tells
	// nobody who has an account.
	writeJSON(w, http.StatusAccepted, map[string]any{"status": "accepted",
		"detail": "if the address had no account, it has one now: confirm it with the code sent to it (POST /auth/verify)"})
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
	if err != nil || !ok || a == nil || a.Disabled || !a.Verified {
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

// sends counts a request that makes an account or sends a message against
// its address, apart from sign-in failures (a classroom behind one address
// signs up together): 50 at once, then the same backoff. It returns how
// long the address must wait, counting this request.
func (g *guard) sends(addr string) time.Duration {
	g.mu.Lock()
	defer g.mu.Unlock()
	now := g.now()
	k := "s:" + addr
	if st := g.keys[k]; st != nil && now.Before(st.until) {
		return st.until.Sub(now)
	}
	g.strike(k, burstOfSends, now)
	return 0
}

// burstOfSends is how many sign-ups and messages an address asks for
// before it waits.
const burstOfSends = 50

func (g *guard) succeed(email string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.keys, "e:"+email)
}

// later runs work after the answer is sent, so that an address with an
// account is answered as fast as one without.
func (s *Service) later(work func(ctx context.Context) error) {
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := work(ctx); err != nil {
			s.cfg.Logger.Error("identity: cannot send a code", "error", err.Error())
		}
	}()
}

// mailCode makes a code for the account and sends it.
func (s *Service) mailCode(ctx context.Context, a *account, purpose string) error {
	if s.cfg.Mailer == nil {
		return errors.New("no mailer: codes and links cannot be sent")
	}
	secret, err := s.newCode(ctx, a.ID, purpose, purpose == purposeReset)
	if err != nil {
		return err
	}
	m := Mail{Email: a.Email, Recipient: a.Subject, Data: map[string]any{"code": secret, "email": a.Email}}
	switch purpose {
	case purposeVerify:
		m.Template, m.Subject = "account-verify", "Confirm your e-mail address"
		m.Text = "Your confirmation code is {{.doc.code}}. It works for 24 hours."
	case purposeSignIn:
		m.Template, m.Subject = "account-signin-code", "Your sign-in code"
		m.Text = "Your sign-in code is {{.doc.code}}. It works once, for 15 minutes. If you did not ask for it, ignore this message."
	case purposeReset:
		token := a.ID + "." + secret
		m.Data["token"] = token
		m.Data["link"] = s.cfg.ResetURL + token
		m.Template, m.Subject = "account-reset", "Reset your password"
		m.Text = "To choose a new password, use this within the hour: {{if .doc.link}}{{.doc.link}}{{else}}{{.doc.token}}{{end}}. If you did not ask for it, ignore this message."
	}
	return s.cfg.Mailer.Mail(ctx, m)
}

type codeBody struct {
	Email    string `json:"email"`
	Code     string `json:"code"`
	Token    string `json:"token"`
	Password string `json:"password"`
}

// sendCode sends a one-time sign-in code, or nothing, with the same answer.
func (s *Service) sendCode(w http.ResponseWriter, r *http.Request) {
	s.sendFor(w, r, purposeSignIn)
}

// sendReset sends a password reset token, or nothing, with the same answer.
func (s *Service) sendReset(w http.ResponseWriter, r *http.Request) {
	s.sendFor(w, r, purposeReset)
}

func (s *Service) sendFor(w http.ResponseWriter, r *http.Request, purpose string) {
	var b codeBody
	if !decode(w, r, &b) {
		return
	}
	if s.cfg.Mailer == nil {
		problem(w, r, http.StatusServiceUnavailable, "this server sends no codes: ask the program for help")
		return
	}
	email, addr := normalEmail(b.Email), clientAddress(r)
	if wait := s.guard.sends(addr); wait > 0 {
		tooMany(w, r, wait)
		return
	}
	if validEmail(email) {
		s.later(func(ctx context.Context) error {
			a, err := byEmail(ctx, s.svc, email)
			if err != nil || a == nil || a.Disabled {
				return err
			}
			return s.mailCode(ctx, a, purpose)
		})
	}
	writeJSON(w, http.StatusAccepted, map[string]any{"status": "accepted",
		"detail": "if the address has an account, a message is on its way to it"})
}

// verify checks the code sent at sign-up, and signs in.
func (s *Service) verify(w http.ResponseWriter, r *http.Request) {
	s.withCode(w, r, purposeVerify)
}

// signInWithCode checks a one-time sign-in code, and signs in.
func (s *Service) signInWithCode(w http.ResponseWriter, r *http.Request) {
	s.withCode(w, r, purposeSignIn)
}

func (s *Service) withCode(w http.ResponseWriter, r *http.Request, purpose string) {
	var b codeBody
	if !decode(w, r, &b) {
		return
	}
	email, addr := normalEmail(b.Email), clientAddress(r)
	if wait := s.guard.check(addr, email); wait > 0 {
		tooMany(w, r, wait)
		return
	}
	a, err := byEmail(r.Context(), s.svc, email)
	if err == nil && a != nil && !a.Disabled {
		err = s.useCode(r.Context(), a.ID, purpose, b.Code)
	} else if err == nil {
		err = errBadCode
	}
	if err != nil {
		s.guard.fail(addr, email)
		problem(w, r, http.StatusUnauthorized, "the code is wrong or has expired")
		return
	}
	s.guard.succeed(email)
	s.signedIn(w, r, a)
}

// confirmReset sets a new password with a reset token, ends every session,
// and signs in.
func (s *Service) confirmReset(w http.ResponseWriter, r *http.Request) {
	var b codeBody
	if !decode(w, r, &b) {
		return
	}
	if n := len(b.Password); n < MinPasswordLength || n > MaxPasswordLength {
		problem(w, r, http.StatusUnprocessableEntity, "the password must be 10 to 256 characters long")
		return
	}
	addr := clientAddress(r)
	id, secret, _ := strings.Cut(b.Token, ".")
	if wait := s.guard.check(addr, "id:"+id); wait > 0 {
		tooMany(w, r, wait)
		return
	}
	a, err := byID(r.Context(), s.svc, id)
	if err == nil && !a.Disabled {
		err = s.useCode(r.Context(), a.ID, purposeReset, secret)
	} else if err == nil {
		err = errBadCode
	}
	if err != nil {
		s.guard.fail(addr, "id:"+id)
		problem(w, r, http.StatusUnauthorized, "the reset token is wrong or has expired: ask for another")
		return
	}
	hash, err := HashPassword(b.Password, s.cfg.Params)
	if err == nil {
		err = update(r.Context(), s.svc, a.ID, map[string]any{"passwordHash": hash, "verified": true})
	}
	if err == nil {
		err = s.sessions.EndAll(r.Context(), a.ID)
	}
	if err != nil {
		problem(w, r, http.StatusServiceUnavailable, "the password cannot be changed now")
		return
	}
	s.signedIn(w, r, a)
}

// signedIn marks the address verified (the holder showed she reads it) and
// starts a session.
func (s *Service) signedIn(w http.ResponseWriter, r *http.Request, a *account) {
	s.guard.succeed(a.Email)
	if !a.Verified {
		if err := update(r.Context(), s.svc, a.ID, map[string]any{"verified": true}); err != nil {
			problem(w, r, http.StatusServiceUnavailable, "the session cannot be started now")
			return
		}
	}
	t, err := s.sessions.Start(r.Context(), Principal{Account: a.ID, Role: a.Role, Subject: a.Subject})
	if err != nil {
		problem(w, r, http.StatusServiceUnavailable, "the session cannot be started now")
		return
	}
	writeJSON(w, http.StatusOK, t)
}
