package identity

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/store"
)

// The buckets of identity: its signing key, and the refresh tokens.
const (
	metaBucket     = "id/meta"
	sessionsBucket = "id/sessions" // family + id: a refresh token
	accountsBucket = "id/families" // account + "\x00" + family: the sessions of an account
)

// Lifetimes of the tokens.
const (
	// AccessTTL is how long an access token works: a revocation (a
	// sign-out, a disabled account, a reused refresh token) takes effect
	// within it, since access tokens are checked without the store.
	AccessTTL = 5 * time.Minute
	// RefreshTTL is how long a session lasts without being refreshed.
	RefreshTTL = 30 * 24 * time.Hour
)

// ErrInvalidToken is any refresh token that does not work: unknown,
// expired, revoked or reused.
var ErrInvalidToken = errors.New("the refresh token is not valid")

// Tokens are what a sign-in or a refresh gives.
type Tokens struct {
	AccessToken  string `json:"accessToken"`
	TokenType    string `json:"tokenType"`
	ExpiresIn    int    `json:"expiresIn"`
	RefreshToken string `json:"refreshToken"`
}

// Principal is who a session acts as.
type Principal struct {
	Account string `json:"account"`
	Role    string `json:"role"`
	Subject string `json:"subject,omitempty"`
}

// session is one refresh token as stored: its hash, its family (every
// token refreshed from one sign-in), and whether it was used or revoked.
type session struct {
	ID      string    `json:"id"`
	Family  string    `json:"family"`
	Hash    []byte    `json:"hash"`
	Created time.Time `json:"created"`
	Expires time.Time `json:"expires"`
	Used    bool      `json:"used,omitempty"`
	Revoked bool      `json:"revoked,omitempty"`
	Principal
}

// Sessions issues and checks the tokens of signed-in accounts.
type Sessions struct {
	st     store.Store
	signer jose.Signer
	key    []byte
	now    func() time.Time

	mu       sync.RWMutex
	verified map[string]verified // access tokens checked already, until they expire
}

// verified is an access token found valid: who it acts for, until when.
type verified struct {
	auth    documents.Auth
	expires time.Time
}

// maxVerified bounds the tokens remembered as valid; past it, the memory
// starts again.
const maxVerified = 10_000

// OpenSessions returns the sessions of the store, making its signing key
// (32 random bytes, kept in the store: every node sharing the store checks
// the others' tokens) on first use.
func OpenSessions(ctx context.Context, st store.Store, now func() time.Time) (*Sessions, error) {
	if now == nil {
		now = time.Now
	}
	var key []byte
	err := st.Update(ctx, func(tx store.Tx) error {
		k, err := tx.Get(metaBucket, []byte("token-key"))
		if err == nil && len(k) == 32 {
			key = k
			return nil
		}
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		key = make([]byte, 32)
		if _, err := rand.Read(key); err != nil {
			return err
		}
		return tx.Put(metaBucket, []byte("token-key"), key)
	})
	if err != nil {
		return nil, fmt.Errorf("the session key: %w", err)
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: key}, (&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		return nil, err
	}
	return &Sessions{st: st, signer: signer, key: key, now: now, verified: make(map[string]verified)}, nil
}

type claims struct {
	jwt.Claims
	Role    string `json:"role"`
	Subject string `json:"subj,omitempty"`
	Family  string `json:"sid"`
}

const issuer = "credence"

// Start signs in p: a new session family, its first tokens.
func (s *Sessions) Start(ctx context.Context, p Principal) (Tokens, error) {
	return s.issue(ctx, p, randomID())
}

// Refresh turns a refresh token into new tokens, once: the token is used
// up, and using it again revokes its whole family (whoever holds a stolen
// copy loses it as the owner does). account, when set, vets the principal
// again (a disabled account, a changed role).
func (s *Sessions) Refresh(ctx context.Context, token string, account func(ctx context.Context, id string) (Principal, error)) (Tokens, error) {
	key, secret, ok := parseRefresh(token)
	if !ok {
		return Tokens{}, ErrInvalidToken
	}
	var cur session
	var reused bool
	err := s.st.Update(ctx, func(tx store.Tx) error {
		raw, err := tx.Get(sessionsBucket, key)
		if errors.Is(err, store.ErrNotFound) {
			return ErrInvalidToken
		}
		if err != nil {
			return err
		}
		if err := json.Unmarshal(raw, &cur); err != nil {
			return err
		}
		h := sha256.Sum256([]byte(secret))
		if subtle.ConstantTimeCompare(h[:], cur.Hash) != 1 {
			return ErrInvalidToken
		}
		if cur.Used && !cur.Revoked {
			reused = true
			return s.revokeFamily(tx, cur.Family)
		}
		if cur.Revoked || !s.now().Before(cur.Expires) {
			return ErrInvalidToken
		}
		cur.Used = true
		return put(tx, cur)
	})
	if reused {
		return Tokens{}, ErrInvalidToken
	}
	if err != nil {
		return Tokens{}, err
	}
	p := cur.Principal
	if account != nil {
		if p, err = account(ctx, cur.Account); err != nil {
			s.End(ctx, token)
			return Tokens{}, ErrInvalidToken
		}
	}
	return s.issue(ctx, p, cur.Family)
}

// End signs out: the refresh token's family is revoked; its access tokens
// lapse within AccessTTL.
func (s *Sessions) End(ctx context.Context, token string) error {
	key, _, ok := parseRefresh(token)
	if !ok {
		return nil
	}
	return s.st.Update(ctx, func(tx store.Tx) error {
		raw, err := tx.Get(sessionsBucket, key)
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		var cur session
		if err := json.Unmarshal(raw, &cur); err != nil {
			return err
		}
		return s.revokeFamily(tx, cur.Family)
	})
}

// EndAll signs an account out everywhere: every session revoked (a
// password reset does this).
func (s *Sessions) EndAll(ctx context.Context, account string) error {
	return s.st.Update(ctx, func(tx store.Tx) error {
		var families []string
		prefix := []byte(account + "\x00")
		err := tx.Scan(accountsBucket, store.Range{Start: prefix, End: store.PrefixEnd(prefix)}, func(k, _ []byte) bool {
			families = append(families, string(k[len(prefix):]))
			return true
		})
		if err != nil {
			return err
		}
		for _, f := range families {
			if err := s.revokeFamily(tx, f); err != nil {
				return err
			}
		}
		return nil
	})
}

// Verify checks an access token, without the store: the caller it acts
// for, or false. A token found valid is remembered until it expires, so
// that the next requests with it cost a map lookup.
func (s *Sessions) Verify(token string) (documents.Auth, bool) {
	now := s.now()
	s.mu.RLock()
	v, ok := s.verified[token]
	s.mu.RUnlock()
	if ok {
		return v.auth, now.Before(v.expires)
	}
	tok, err := jwt.ParseSigned(token, []jose.SignatureAlgorithm{jose.HS256})
	if err != nil {
		return documents.Auth{}, false
	}
	var c claims
	if err := tok.Claims(s.key, &c); err != nil {
		return documents.Auth{}, false
	}
	if err := c.ValidateWithLeeway(jwt.Expected{Issuer: issuer, Time: now}, 0); err != nil || c.Role == "" || c.Expiry == nil {
		return documents.Auth{}, false
	}
	a := documents.Auth{KeyID: "account:" + c.Claims.Subject, Role: c.Role, Subject: c.Subject}
	s.mu.Lock()
	if len(s.verified) >= maxVerified {
		clear(s.verified)
	}
	s.verified[token] = verified{auth: a, expires: c.Expiry.Time()}
	s.mu.Unlock()
	return a, true
}

// Active lists the live sessions of an account: one per family, with
// its latest refresh.
func (s *Sessions) Active(ctx context.Context, account string) ([]map[string]any, error) {
	out := []map[string]any{}
	err := s.st.View(ctx, func(r store.Reader) error {
		var families []string
		prefix := []byte(account + "\x00")
		err := r.Scan(accountsBucket, store.Range{Start: prefix, End: store.PrefixEnd(prefix)}, func(k, _ []byte) bool {
			families = append(families, string(k[len(prefix):]))
			return true
		})
		if err != nil {
			return err
		}
		for _, fam := range families {
			var live *session
			err := r.Scan(sessionsBucket, store.Range{Start: []byte(fam), End: store.PrefixEnd([]byte(fam))}, func(_, v []byte) bool {
				var cur session
				if json.Unmarshal(v, &cur) == nil && !cur.Used && !cur.Revoked && s.now().Before(cur.Expires) {
					live = &cur
				}
				return true
			})
			if err != nil {
				return err
			}
			if live != nil {
				out = append(out, map[string]any{"id": fam, "refreshedAt": live.Created, "expiresAt": live.Expires})
			}
		}
		return nil
	})
	return out, err
}

func (s *Sessions) issue(ctx context.Context, p Principal, family string) (Tokens, error) {
	now := s.now()
	secret := randomID() + randomID()
	h := sha256.Sum256([]byte(secret))
	next := session{ID: randomID(), Family: family, Hash: h[:], Created: now, Expires: now.Add(RefreshTTL), Principal: p}
	err := s.st.Update(ctx, func(tx store.Tx) error {
		if err := tx.Put(accountsBucket, []byte(p.Account+"\x00"+family), nil); err != nil {
			return err
		}
		return put(tx, next)
	})
	if err != nil {
		return Tokens{}, err
	}
	c := claims{Claims: jwt.Claims{Issuer: issuer, Subject: p.Account, IssuedAt: jwt.NewNumericDate(now),
		Expiry: jwt.NewNumericDate(now.Add(AccessTTL)), ID: randomID()}, Role: p.Role, Subject: p.Subject, Family: family}
	access, err := jwt.Signed(s.signer).Claims(c).Serialize()
	if err != nil {
		return Tokens{}, err
	}
	return Tokens{AccessToken: access, TokenType: "Bearer", ExpiresIn: int(AccessTTL / time.Second), RefreshToken: refreshPrefix + family + next.ID + secret}, nil
}

// revokeFamily revokes every refresh token of a family.
func (s *Sessions) revokeFamily(tx store.Tx, family string) error {
	var all []session
	err := tx.Scan(sessionsBucket, store.Range{Start: []byte(family), End: store.PrefixEnd([]byte(family))}, func(_, v []byte) bool {
		var cur session
		if json.Unmarshal(v, &cur) == nil && !cur.Revoked {
			all = append(all, cur)
		}
		return true
	})
	if err != nil {
		return err
	}
	for _, cur := range all {
		cur.Revoked = true
		if err := put(tx, cur); err != nil {
			return err
		}
	}
	return nil
}

func put(tx store.Tx, cur session) error {
	b, err := json.Marshal(cur)
	if err != nil {
		return err
	}
	return tx.Put(sessionsBucket, []byte(cur.Family+cur.ID), b)
}

// refreshPrefix starts a refresh token: "rt_", then the family, the
// token's id and its secret (22, 22 and 44 characters).
const refreshPrefix = "rt_"

// parseRefresh reads a refresh token: the key of its record, its secret.
func parseRefresh(token string) ([]byte, string, bool) {
	rest, ok := strings.CutPrefix(token, refreshPrefix)
	if !ok || len(rest) != 22+22+44 {
		return nil, "", false
	}
	return []byte(rest[:44]), rest[44:], true
}

// randomID is 16 random bytes, base64url.
func randomID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
