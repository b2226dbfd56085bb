package identity

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/go-chi/chi/v5"
	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
	"golang.org/x/oauth2"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/expressions"
	"github.com/credence/credence/store"
)

// ProvidersCollection holds the OpenID Connect providers people sign in
// through.
const ProvidersCollection = "_identity_providers"

// The buckets of single sign-on: sign-ins under way, and the links of a
// provider's subjects to accounts.
const (
	ssoBucket   = "id/sso"   // state: the PKCE verifier, nonce and return address, for ten minutes
	linksBucket = "id/links" // provider + "\x00" + sub: the account
)

const providersSchema = `{
  "type": "object",
  "title": "Identity providers",
  "description": "OpenID Connect providers people sign in through (single sign-on), and whose tokens the API accepts as bearer tokens. A confidential client's secret is given apart, to PUT /auth/sso/{provider}/secret, and kept sealed.",
  "properties": {
    "title": {"type": "string", "maxLength": 200},
    "issuer": {"type": "string", "format": "uri", "description": "the provider's issuer: its /.well-known/openid-configuration is read from it"},
    "clientId": {"type": "string", "minLength": 1, "maxLength": 500},
    "subjectCollection": {"type": "string", "description": "with signUp: the collection of the document a first sign-in makes for the account to act for (learners), unless it exists"},
    "subjectFields": {"type": "string", "description": "a formula over the claims giving that document's fields: {name: doc.name, email: doc.email}"},
    "scopes": {"type": "array", "items": {"type": "string"}, "description": "besides openid; email and profile by default"},
    "role": {"type": "string", "description": "a formula over the token's claims (doc) giving the role"},
    "subject": {"type": "string", "description": "a formula over the claims giving the id of the document the account acts for; the provider's sub by default"},
    "signUp": {"type": "boolean", "description": "a first sign-in makes an account; otherwise an admin links it first"},
    "audiences": {"type": "array", "items": {"type": "string"}, "description": "bearer tokens of the provider are accepted when their aud holds one of these (the clientId by default)"},
    "returnTo": {"type": "array", "items": {"type": "string", "format": "uri"}, "description": "the addresses a sign-in may return to, the tokens in the fragment"}
  },
  "required": ["issuer", "clientId", "role"],
  "additionalProperties": false
}`

// providerCollection is the system collection of providers; a formula
// that does not compile is refused when saved.
func providerCollection() documents.SystemCollection {
	return documents.SystemCollection{Name: ProvidersCollection, Schema: json.RawMessage(providersSchema),
		Check: func(_ context.Context, doc map[string]any) error {
			for _, f := range []string{"role", "subject", "subjectFields"} {
				src, _ := doc[f].(string)
				if src == "" {
					continue
				}
				if _, err := expressions.Compile(src, expressions.Options{Mode: expressions.Value}); err != nil {
					return &documents.Error{Kind: documents.KindInvalid, Message: "the " + f + " formula does not compile",
						Errors: []documents.FieldError{{Path: "/" + f, Message: err.Error()}}}
				}
			}
			return nil
		}}
}

// provider is a configured provider, ready to use.
type provider struct {
	ID, Issuer, ClientID string
	Scopes               []string
	SignUp               bool
	Audiences, ReturnTo  []string
	role, subject        *expressions.Program
	fields               *expressions.Program
	collection           string
	secret               string
	oidc                 *oidc.Provider
}

// providers reads and discovers the providers; a provider's discovery is
// kept, and its keys fetched again when a token names a key it has not
// seen (a rotation).
type providers struct {
	svc     Documents
	secrets *sealed
	mu      sync.Mutex
	ok      map[string]*provider // by id, while its document is unchanged
	rev     map[string]int64
}

func (ps *providers) get(ctx context.Context, id string) (*provider, error) {
	d, err := ps.svc.Get(system(ctx), ProvidersCollection, id, documents.ReadOptions{})
	if err != nil {
		return nil, err
	}
	ps.mu.Lock()
	if p, ok := ps.ok[id]; ok && ps.rev[id] == d.Rev {
		ps.mu.Unlock()
		return p, nil
	}
	ps.mu.Unlock()
	var raw struct {
		Issuer, ClientID                 string
		Scopes                           []string
		Role, Subject                    string
		SubjectCollection, SubjectFields string
		SignUp                           bool
		Audiences, ReturnTo              []string
	}
	if err := json.Unmarshal(d.JSON, &raw); err != nil {
		return nil, err
	}
	p := &provider{ID: id, Issuer: raw.Issuer, ClientID: raw.ClientID, Scopes: raw.Scopes, SignUp: raw.SignUp,
		Audiences: raw.Audiences, ReturnTo: raw.ReturnTo, collection: raw.SubjectCollection}
	if raw.SubjectFields != "" {
		if p.fields, err = expressions.Compile(raw.SubjectFields, expressions.Options{Mode: expressions.Value}); err != nil {
			return nil, err
		}
	}
	if len(p.Scopes) == 0 {
		p.Scopes = []string{"email", "profile"}
	}
	if len(p.Audiences) == 0 {
		p.Audiences = []string{p.ClientID}
	}
	if p.role, err = expressions.Compile(raw.Role, expressions.Options{Mode: expressions.Value}); err != nil {
		return nil, err
	}
	if raw.Subject != "" {
		if p.subject, err = expressions.Compile(raw.Subject, expressions.Options{Mode: expressions.Value}); err != nil {
			return nil, err
		}
	}
	if p.secret, err = ps.secrets.open(ctx, id); err != nil {
		return nil, err
	}
	// Discovery and the keys are fetched with a context that outlives the
	// request: go-oidc keeps it for later key fetches.
	p.oidc, err = oidc.NewProvider(oidc.ClientContext(context.Background(), &http.Client{Timeout: 10 * time.Second}), p.Issuer)
	if err != nil {
		return nil, fmt.Errorf("the provider %s: %w", id, err)
	}
	ps.mu.Lock()
	ps.ok[id], ps.rev[id] = p, d.Rev
	ps.mu.Unlock()
	return p, nil
}

// all lists the providers' ids.
func (ps *providers) all(ctx context.Context) ([]string, error) {
	page, err := ps.svc.List(system(ctx), ProvidersCollection, documents.ListOptions{Limit: documents.MaxLimit, Fields: []string{"id"}})
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, raw := range page.Items {
		var d struct{ ID string }
		if json.Unmarshal(raw, &d) == nil {
			ids = append(ids, d.ID)
		}
	}
	return ids, nil
}

// principal maps a provider's claims to a role and a subject.
func (p *provider) principal(ctx context.Context, claims map[string]any) (role, subject string, err error) {
	doc, _ := expressions.FromJSON(claims).(map[string]any)
	run := func(prog *expressions.Program) (string, error) {
		v, err := prog.Run(ctx, expressions.Env{Doc: doc}, nil, expressions.Limits{})
		if err != nil {
			return "", err
		}
		s, _ := v.(string)
		return s, nil
	}
	if role, err = run(p.role); err != nil || role == "" {
		return "", "", fmt.Errorf("the role formula gives no role: %v", err)
	}
	subject, _ = claims["sub"].(string)
	if p.subject != nil {
		if subject, err = run(p.subject); err != nil || !documents.ValidID(subject) {
			return "", "", fmt.Errorf("the subject formula gives no document id: %v", err)
		}
	}
	return role, subject, nil
}

// ssoState is a sign-in under way.
type ssoState struct {
	Provider, Verifier, Nonce, ReturnTo string
	Expires                             time.Time
}

// callbackURL is where the provider sends the browser back.
func (s *Service) callbackURL(r *http.Request, provider string) string {
	base := s.cfg.PublicURL
	if base == "" {
		scheme := "http"
		if r.TLS != nil {
			scheme = "https"
		}
		base = scheme + "://" + r.Host
	}
	return strings.TrimRight(base, "/") + "/auth/sso/" + provider + "/callback"
}

func (p *provider) oauth2(redirect string) *oauth2.Config {
	return &oauth2.Config{ClientID: p.ClientID, ClientSecret: p.secret, Endpoint: p.oidc.Endpoint(), RedirectURL: redirect,
		Scopes: append([]string{oidc.ScopeOpenID}, p.Scopes...)}
}

// ssoStart sends the browser to the provider: authorization code with
// PKCE (S256), a state and a nonce kept ten minutes.
func (s *Service) ssoStart(w http.ResponseWriter, r *http.Request) {
	id := chi.URLParam(r, "provider")
	p, err := s.providers.get(r.Context(), id)
	if documents.KindOf(err) == documents.KindNotFound {
		problem(w, r, http.StatusNotFound, "no such identity provider")
		return
	}
	if err != nil {
		s.cfg.Logger.Warn("identity: provider unavailable", "provider", id, "error", err.Error())
		problem(w, r, http.StatusBadGateway, "the identity provider cannot be reached now")
		return
	}
	returnTo := r.URL.Query().Get("returnTo")
	if returnTo != "" && !slices.Contains(p.ReturnTo, returnTo) {
		problem(w, r, http.StatusBadRequest, "returnTo is not one of the provider's return addresses")
		return
	}
	st := ssoState{Provider: id, Verifier: oauth2.GenerateVerifier(), Nonce: randomID(), ReturnTo: returnTo, Expires: s.cfg.Now().Add(10 * time.Minute)}
	state := randomID()
	b, _ := json.Marshal(st)
	if err := s.sessions.st.Update(r.Context(), func(tx store.Tx) error { return tx.Put(ssoBucket, []byte(state), b) }); err != nil {
		problem(w, r, http.StatusServiceUnavailable, "the sign-in cannot start now")
		return
	}
	u := p.oauth2(s.callbackURL(r, id)).AuthCodeURL(state, oauth2.S256ChallengeOption(st.Verifier), oidc.Nonce(st.Nonce))
	http.Redirect(w, r, u, http.StatusFound)
}

// ssoCallback finishes a sign-in: the code exchanged (with the PKCE
// verifier), the ID token checked (issuer, audience, expiry, nonce,
// signature), the account found by its link or made, a session started.
func (s *Service) ssoCallback(w http.ResponseWriter, r *http.Request) {
	id := chi.URLParam(r, "provider")
	state := r.URL.Query().Get("state")
	var st ssoState
	err := s.sessions.st.Update(r.Context(), func(tx store.Tx) error {
		raw, err := tx.Get(ssoBucket, []byte(state))
		if err != nil {
			return err
		}
		if err := json.Unmarshal(raw, &st); err != nil {
			return err
		}
		return tx.Delete(ssoBucket, []byte(state))
	})
	if err != nil || st.Provider != id || !s.cfg.Now().Before(st.Expires) {
		problem(w, r, http.StatusBadRequest, "the sign-in is unknown or has expired: start again")
		return
	}
	if e := r.URL.Query().Get("error"); e != "" {
		problem(w, r, http.StatusUnauthorized, "the provider refused the sign-in: "+e)
		return
	}
	p, err := s.providers.get(r.Context(), id)
	if err != nil {
		problem(w, r, http.StatusBadGateway, "the identity provider cannot be reached now")
		return
	}
	tok, err := p.oauth2(s.callbackURL(r, id)).Exchange(oidc.ClientContext(r.Context(), &http.Client{Timeout: 10 * time.Second}),
		r.URL.Query().Get("code"), oauth2.VerifierOption(st.Verifier))
	if err != nil {
		problem(w, r, http.StatusUnauthorized, "the provider did not confirm the sign-in")
		return
	}
	raw, _ := tok.Extra("id_token").(string)
	idt, err := p.oidc.Verifier(&oidc.Config{ClientID: p.ClientID}).Verify(r.Context(), raw)
	if err != nil || idt.Nonce != st.Nonce {
		problem(w, r, http.StatusUnauthorized, "the provider's ID token does not hold")
		return
	}
	var claims map[string]any
	if err := idt.Claims(&claims); err != nil {
		problem(w, r, http.StatusUnauthorized, "the provider's ID token does not hold")
		return
	}
	// What the ID token leaves out (many providers give the e-mail only
	// there), the userinfo endpoint tells, for the same subject.
	if info, err := p.oidc.UserInfo(r.Context(), oauth2.StaticTokenSource(tok)); err == nil && info.Subject == idt.Subject {
		var more map[string]any
		if info.Claims(&more) == nil {
			for k, v := range more {
				if _, ok := claims[k]; !ok {
					claims[k] = v
				}
			}
		}
	}
	a, err := s.linked(r.Context(), p, idt.Subject, claims)
	if err != nil {
		problem(w, r, http.StatusForbidden, err.Error())
		return
	}
	t, err := s.sessions.Start(r.Context(), Principal{Account: a.ID, Role: a.Role, Subject: a.Subject})
	if err != nil {
		problem(w, r, http.StatusServiceUnavailable, "the session cannot be started now")
		return
	}
	if st.ReturnTo != "" {
		frag := url.Values{"access_token": {t.AccessToken}, "refresh_token": {t.RefreshToken}, "token_type": {"Bearer"},
			"expires_in": {fmt.Sprint(t.ExpiresIn)}}
		http.Redirect(w, r, st.ReturnTo+"#"+frag.Encode(), http.StatusFound)
		return
	}
	writeJSON(w, http.StatusOK, t)
}

// linked returns the account a provider's subject is linked to, making it
// (and the link) on a first sign-in when the provider allows it. The role
// and subject follow the mapping formulas at every sign-in.
func (s *Service) linked(ctx context.Context, p *provider, sub string, claims map[string]any) (*account, error) {
	role, subject, err := p.principal(ctx, claims)
	if err != nil {
		return nil, err
	}
	key := []byte(p.ID + "\x00" + sub)
	var accountID string
	err = s.sessions.st.View(ctx, func(r store.Reader) error {
		v, err := r.Get(linksBucket, key)
		if err == nil {
			accountID = string(v)
		} else if errors.Is(err, store.ErrNotFound) {
			err = nil
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if accountID != "" {
		a, err := byID(ctx, s.svc, accountID)
		if err != nil {
			return nil, err
		}
		if a.Disabled {
			return nil, errors.New("this account is disabled")
		}
		if a.Role != role || a.Subject != subject {
			if err := update(ctx, s.svc, a.ID, map[string]any{"role": role, "subject": subject}); err != nil {
				return nil, err
			}
			a.Role, a.Subject = role, subject
		}
		return a, nil
	}
	if !p.SignUp {
		return nil, errors.New("no account is linked to this sign-in: ask the program for one")
	}
	email, _ := claims["email"].(string)
	if email == "" {
		email = sub + "@" + p.ID + ".invalid"
	}
	body, _ := json.Marshal(map[string]any{"email": normalEmail(email), "role": role, "subject": subject, "verified": true})
	d, err := s.svc.Create(system(ctx), AccountsCollection, body, documents.WriteOptions{})
	if err != nil {
		if documents.KindOf(err) == documents.KindConflict {
			return nil, errors.New("an account with this e-mail address exists: an admin links it")
		}
		return nil, err
	}
	if err := s.sessions.st.Update(ctx, func(tx store.Tx) error { return tx.Put(linksBucket, key, []byte(d.ID)) }); err != nil {
		return nil, err
	}
	if p.collection != "" && subject != "" {
		if err := p.makeSubject(ctx, s.svc, subject, claims); err != nil {
			s.cfg.Logger.Warn("identity: the subject document was not made", "provider", p.ID, "error", err.Error())
		}
	}
	return &account{ID: d.ID, Email: normalEmail(email), Role: role, Subject: subject, Verified: true}, nil
}

// Verify checks a bearer token: an access token of a session, or a token
// of a configured provider (issuer, audience, expiry, signature with the
// provider's keys, fetched again on a key it has not seen).
func (s *Service) Verify(token string) (documents.Auth, bool) {
	if a, ok := s.sessions.Verify(token); ok {
		return a, true
	}
	return s.external(token)
}

func (s *Service) external(token string) (documents.Auth, bool) {
	now := s.cfg.Now()
	s.mu.RLock()
	v, ok := s.bearers[token]
	s.mu.RUnlock()
	if ok {
		return v.auth, now.Before(v.expires)
	}
	parsed, err := jwt.ParseSigned(token, []jose.SignatureAlgorithm{jose.RS256, jose.ES256, jose.EdDSA, jose.PS256, jose.RS384, jose.ES384})
	if err != nil {
		return documents.Auth{}, false
	}
	var unverified jwt.Claims
	if err := parsed.UnsafeClaimsWithoutVerification(&unverified); err != nil || unverified.Issuer == "" {
		return documents.Auth{}, false
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ids, err := s.providers.all(ctx)
	if err != nil {
		return documents.Auth{}, false
	}
	for _, id := range ids {
		p, err := s.providers.get(ctx, id)
		if err != nil || p.Issuer != unverified.Issuer {
			continue
		}
		idt, err := p.oidc.Verifier(&oidc.Config{SkipClientIDCheck: true, Now: s.cfg.Now}).Verify(ctx, token)
		if err != nil || !slices.ContainsFunc(idt.Audience, func(a string) bool { return slices.Contains(p.Audiences, a) }) {
			continue
		}
		var claims map[string]any
		if idt.Claims(&claims) != nil {
			continue
		}
		role, subject, err := p.principal(ctx, claims)
		if err != nil {
			continue
		}
		h := sha256.Sum256([]byte(id + "\x00" + idt.Subject))
		a := documents.Auth{KeyID: "sso:" + id + ":" + base64.RawURLEncoding.EncodeToString(h[:9]), Role: role, Subject: subject}
		s.mu.Lock()
		if len(s.bearers) >= maxVerified {
			clear(s.bearers)
		}
		s.bearers[token] = verified{auth: a, expires: idt.Expiry}
		s.mu.Unlock()
		return a, true
	}
	return documents.Auth{}, false
}

// ssoList answers the providers a sign-in page offers: id and title only.
func (s *Service) ssoList(w http.ResponseWriter, r *http.Request) {
	page, err := s.svc.List(system(r.Context()), ProvidersCollection, documents.ListOptions{Limit: 100, Fields: []string{"id", "title"}})
	if err != nil {
		problem(w, r, http.StatusServiceUnavailable, "the providers cannot be read now")
		return
	}
	items := make([]map[string]string, 0, len(page.Items))
	for _, raw := range page.Items {
		var d struct{ ID, Title string }
		if json.Unmarshal(raw, &d) == nil {
			if d.Title == "" {
				d.Title = d.ID
			}
			items = append(items, map[string]string{"id": d.ID, "title": d.Title})
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": items})
}

// makeSubject makes the document a new account acts for, from the claims,
// unless it exists.
func (p *provider) makeSubject(ctx context.Context, svc Documents, subject string, claims map[string]any) error {
	fields := map[string]any{}
	if p.fields != nil {
		doc, _ := expressions.FromJSON(claims).(map[string]any)
		v, err := p.fields.Run(ctx, expressions.Env{Doc: doc}, nil, expressions.Limits{})
		if err != nil {
			return err
		}
		j, err := expressions.ToJSON(v)
		if err != nil {
			return err
		}
		m, ok := j.(map[string]any)
		if !ok {
			return errors.New("subjectFields gives no object")
		}
		fields = m
	}
	fields["id"] = subject
	b, err := json.Marshal(fields)
	if err != nil {
		return err
	}
	_, err = svc.Create(system(ctx), p.collection, b, documents.WriteOptions{})
	if documents.KindOf(err) == documents.KindConflict {
		return nil
	}
	return err
}

// forget drops a provider's cached configuration.
func (ps *providers) forget(id string) {
	ps.mu.Lock()
	delete(ps.ok, id)
	ps.mu.Unlock()
}
