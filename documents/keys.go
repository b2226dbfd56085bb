package documents

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/credence/credence/store"
)

// KeysCollection holds the API keys.
const KeysCollection = "_keys"

// keySecretField holds the SHA-256 of a key's secret; the secret itself is
// shown once, when the key is created, and never stored.
const keySecretField = "secretHash"

// MinSecretLength is the shortest secret accepted for a key given at start
// (CREDENCE_ADMIN_KEY): 32 characters.
const MinSecretLength = 32

func keysCollection() SystemCollection {
	return SystemCollection{Name: KeysCollection, Schema: json.RawMessage(`{
  "type": "object",
  "title": "API keys",
  "description": "API keys. The secret is shown once, in the answer to the create; only its SHA-256 is stored.",
  "properties": {
    "name": {"type": "string", "maxLength": 200, "description": "what the key is for"},
    "role": {"type": "string", "minLength": 1, "maxLength": 64, "pattern": "^[a-z][a-z0-9_-]*$", "description": "admin, editor, learner, or any role the program names"},
    "subject": {"type": "string", "maxLength": 200, "description": "the id of the document the key acts for, such as a learner"},
    "expiresAt": {"type": "string", "format": "date-time", "description": "when the key stops working"},
    "revoked": {"type": "boolean", "description": "a revoked key no longer works"},
    "secretHash": {"type": "string", "x-unique": true, "x-secret": true, "readOnly": true, "description": "the SHA-256 of the secret; never returned"}
  },
  "required": ["role"],
  "additionalProperties": false
}`)}
}

// hashSecret returns the stored form of a secret.
func hashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// newSecret returns a random secret of 32 bytes, URL-safe.
func newSecret() string {
	var b [32]byte
	rand.Read(b[:])
	return "crd_" + base64.RawURLEncoding.EncodeToString(b[:])
}

// prepareKey keeps a key's secret hash out of the writer's hands: a new key
// gets a fresh secret, returned to be shown once; an existing key keeps its
// hash.
func prepareKey(fields map[string]any, old stored) (secret string) {
	if old != nil {
		if h, ok := old[keySecretField]; ok {
			fields[keySecretField] = h
		} else {
			delete(fields, keySecretField)
		}
		return ""
	}
	secret = newSecret()
	fields[keySecretField] = hashSecret(secret)
	return secret
}

// withSecret adds the secret to the answer to a key's creation.
func withSecret(raw []byte, secret string) []byte {
	b, _ := json.Marshal(secret)
	out := append([]byte(nil), raw[:len(raw)-1]...)
	out = append(out, `,"secret":`...)
	out = append(out, b...)
	return append(out, '}')
}

// Authenticate returns the Auth of the key whose secret is given. A secret
// that matches no key, or a revoked or expired key, is a KindUnauthorized
// error.
func (s *Service) Authenticate(ctx context.Context, secret string) (Auth, error) {
	denied := func() error { return &Error{Kind: KindUnauthorized, Message: "the API key is not valid"} }
	sum, ok := secretSum(secret)
	if !ok {
		return Auth{}, denied()
	}
	now := s.now()
	if a, ok := s.keys.get(sum, now); ok {
		return a, nil
	}
	hash := hex.EncodeToString(sum[:])
	gen := s.keys.generation()
	uk, _ := indexKey(keySecretField, hash, "")
	var raw []byte
	err := s.st.View(ctx, func(r store.Reader) error {
		id, err := r.Get(uniqBucket(KeysCollection), uk)
		if err != nil {
			return err
		}
		raw, err = r.Get(docsBucket(KeysCollection), id)
		return err
	})
	if errors.Is(err, store.ErrNotFound) {
		return Auth{}, denied()
	}
	if err != nil {
		return Auth{}, fmt.Errorf("authenticate: %w", err)
	}
	d, err := decodeStored(raw)
	if err != nil {
		return Auth{}, fmt.Errorf("authenticate: %w", err)
	}
	if subtle.ConstantTimeCompare([]byte(d.str(keySecretField)), []byte(hash)) != 1 {
		return Auth{}, denied()
	}
	if revoked, _ := d["revoked"].(bool); revoked {
		return Auth{}, &Error{Kind: KindUnauthorized, Message: "the API key is revoked"}
	}
	until := now.Add(keyCacheTTL)
	if exp := d.str("expiresAt"); exp != "" {
		t, err := time.Parse(time.RFC3339, exp)
		if err != nil || !now.Before(t) {
			return Auth{}, &Error{Kind: KindUnauthorized, Message: "the API key has expired"}
		}
		if t.Before(until) {
			until = t
		}
	}
	a := Auth{KeyID: d.str(fieldID), Role: d.str("role"), Subject: d.str("subject")}
	s.keys.put(sum, a, until, gen)
	return a, nil
}

// AuthenticateCached returns the Auth of the key whose secret is given if
// this node authenticated it recently and nothing has changed it since:
// it reads the key cache only, never the store. A false answer says
// nothing about the key; Authenticate decides. It lets a caller that must
// not reach the store (an address throttled for failed authentications)
// still serve the keys it knows to be valid. As in Authenticate, the key
// is looked up by the SHA-256 of the secret, so how long the lookup takes
// tells nothing of how close a guess came to a real secret.
func (s *Service) AuthenticateCached(secret string) (Auth, bool) {
	sum, ok := secretSum(secret)
	if !ok {
		return Auth{}, false
	}
	return s.keys.get(sum, s.now())
}

// secretSum returns the SHA-256 of a secret, or false for a secret no key
// can have (empty, or longer than 512 bytes).
func secretSum(secret string) (sum [sha256.Size]byte, ok bool) {
	if secret == "" || len(secret) > 512 {
		return sum, false
	}
	var buf [512]byte // the secret, hashed without a copy on the heap
	return sha256.Sum256(buf[:copy(buf[:], secret)]), true
}

// keyCacheTTL bounds how long a key is trusted without reading it again.
// A change to _keys made on this node takes effect at once; one made on
// another node sharing the database, within this time.
const keyCacheTTL = 5 * time.Second

// maxCachedKeys bounds the key cache; it starts afresh when full.
const maxCachedKeys = 10000

// keyCache remembers recently authenticated keys by the SHA-256 of their
// secret, so that a request does not read _keys. Reads take no lock.
type keyCache struct {
	gen atomic.Uint64 // bumped by every write to _keys on this node
	n   atomic.Int64  // about how many keys m holds
	m   sync.Map      // [sha256.Size]byte → cachedKey
}

type cachedKey struct {
	auth  Auth
	until time.Time
	gen   uint64
}

func (c *keyCache) get(hash [sha256.Size]byte, now time.Time) (Auth, bool) {
	v, ok := c.m.Load(hash)
	if !ok {
		return Auth{}, false
	}
	e := v.(cachedKey)
	if e.gen != c.gen.Load() || !now.Before(e.until) {
		return Auth{}, false
	}
	return e.auth, true
}

func (c *keyCache) generation() uint64 { return c.gen.Load() }

// put caches a key read under generation gen. A key read before a write
// to _keys is not cached, or not used: get checks the generation.
func (c *keyCache) put(hash [sha256.Size]byte, a Auth, until time.Time, gen uint64) {
	if gen != c.gen.Load() {
		return
	}
	if c.n.Add(1) > maxCachedKeys {
		c.m.Clear()
		c.n.Store(1)
	}
	c.m.Store(hash, cachedKey{auth: a, until: until, gen: gen})
}

// invalidate forgets every cached key.
func (c *keyCache) invalidate() {
	c.gen.Add(1)
	c.m.Clear()
	c.n.Store(0)
}

// KeySpec describes a key to create.
type KeySpec struct {
	// ID is the key's document id; generated when empty.
	ID      string
	Name    string
	Role    string
	Subject string
	// ExpiresAt, when set, ends the key.
	ExpiresAt time.Time
	// Secret is the secret to accept; a random one when empty. A given
	// secret has at least MinSecretLength characters.
	Secret string
}

// PutKey creates or replaces the key spec.ID and returns its secret. It is
// how a key given at start (CREDENCE_ADMIN_KEY) and `credence keys create`
// define keys; over HTTP, POST /api/_keys does.
func (s *Service) PutKey(ctx context.Context, spec KeySpec) (secret string, doc *Document, err error) {
	secret = spec.Secret
	if secret == "" {
		secret = newSecret()
	} else if len(secret) < MinSecretLength {
		return "", nil, errorf(KindInvalid, "a key's secret needs at least %d characters", MinSecretLength)
	}
	if spec.ID == "" {
		spec.ID = s.ids.next(s.now())
	}
	fields := map[string]any{"role": spec.Role, keySecretField: hashSecret(secret)}
	if spec.Name != "" {
		fields["name"] = spec.Name
	}
	if spec.Subject != "" {
		fields["subject"] = spec.Subject
	}
	if !spec.ExpiresAt.IsZero() {
		fields["expiresAt"] = spec.ExpiresAt.UTC().Format(time.RFC3339)
	}
	doc, err = s.update(ctx, KeysCollection, spec.ID, writeMode{keySecret: true}, fields, nil)
	if err != nil {
		return "", nil, err
	}
	return secret, doc, nil
}
