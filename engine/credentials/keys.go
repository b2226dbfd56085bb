package credentials

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/credence/credence/engine/seal"
	"github.com/credence/credence/store"
)

// keysBucket holds the issuer's keys: no collection, so no read, formula
// or export reaches them; only this package does.
const keysBucket = "vc/keys"

// MinSecretLength is the shortest secret that seals the private keys.
const MinSecretLength = seal.MinSecretLength

// Key is one of the issuer's signing keys, as anyone may know it: its id,
// public half, when it was made and, once another took over, when it was
// retired. A retired key signs nothing more; what it signed still verifies.
type Key struct {
	ID      string            `json:"id"`
	Public  ed25519.PublicKey `json:"-"`
	Created time.Time         `json:"created"`
	Retired *time.Time        `json:"retired,omitempty"`
}

// PublicKeyMultibase is the key as a Multikey.
func (k Key) PublicKeyMultibase() string { return EncodePublicKey(k.Public) }

// record is a key as stored: its private half sealed.
type record struct {
	ID      string     `json:"id"`
	Public  string     `json:"publicKeyMultibase"`
	Created time.Time  `json:"created"`
	Retired *time.Time `json:"retired,omitempty"`
	Sealed  []byte     `json:"sealed"` // nonce, then the AES-256-GCM sealed seed
}

// Keys keeps the issuer's Ed25519 keys in the store, each private key
// sealed (AES-256-GCM, under a key derived from a secret kept outside the
// store, with the key's id as associated data): a copy of the store alone
// does not sign. Safe for concurrent use; several nodes may share a store
// if they share the secret.
type Keys struct {
	st  store.Store
	box *seal.Box
	now func() time.Time
}

// OpenKeys returns the keys of the store, sealed under secret (at least
// MinSecretLength bytes), making the first one if there is none.
func OpenKeys(ctx context.Context, st store.Store, secret []byte, now func() time.Time) (*Keys, error) {
	if len(secret) < MinSecretLength {
		return nil, fmt.Errorf("the issuer secret is %d bytes; at least %d", len(secret), MinSecretLength)
	}
	if now == nil {
		now = time.Now
	}
	box, err := seal.New(secret, "credence issuer keys v1")
	if err != nil {
		return nil, err
	}
	k := &Keys{st: st, box: box, now: now}
	list, err := k.records(ctx)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		if _, err := k.Rotate(ctx); err != nil {
			return nil, err
		}
	} else if _, err := k.open(list[len(list)-1]); err != nil {
		return nil, errors.New("the issuer secret does not open the store's keys: it is not the secret they were sealed with")
	}
	return k, nil
}

// List returns every key, the oldest first: the current one last.
func (k *Keys) List(ctx context.Context) ([]Key, error) {
	list, err := k.records(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Key, 0, len(list))
	for _, r := range list {
		key, err := r.key()
		if err != nil {
			return nil, err
		}
		out = append(out, key)
	}
	return out, nil
}

// Public returns the public half of the key id, retired or not.
func (k *Keys) Public(ctx context.Context, id string) (Key, error) {
	list, err := k.List(ctx)
	if err != nil {
		return Key{}, err
	}
	for _, key := range list {
		if key.ID == id {
			return key, nil
		}
	}
	return Key{}, fmt.Errorf("no key %q: this issuer never had it", id)
}

// Current returns the key that signs now, and its private half.
func (k *Keys) Current(ctx context.Context) (Key, ed25519.PrivateKey, error) {
	list, err := k.records(ctx)
	if err != nil {
		return Key{}, nil, err
	}
	for _, r := range slices.Backward(list) {
		if r.Retired != nil {
			continue
		}
		priv, err := k.open(r)
		if err != nil {
			return Key{}, nil, err
		}
		key, err := r.key()
		return key, priv, err
	}
	return Key{}, nil, errors.New("no current key")
}

// Rotate makes a new key the current one and retires the others: they
// stay published, so that what they signed still verifies.
func (k *Keys) Rotate(ctx context.Context) (Key, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return Key{}, err
	}
	now := k.now().UTC().Truncate(time.Second)
	id := "key-" + now.Format("20060102T150405Z") + "-" + strings.ToLower(EncodePublicKey(pub)[len(EncodePublicKey(pub))-6:])
	r := record{ID: id, Public: EncodePublicKey(pub), Created: now,
		Sealed: k.box.Seal(priv.Seed(), []byte(id))}
	err = k.st.Update(ctx, func(tx store.Tx) error {
		var list []record
		if err := tx.Scan(keysBucket, store.Range{}, func(_, v []byte) bool {
			var old record
			if json.Unmarshal(v, &old) == nil {
				list = append(list, old)
			}
			return true
		}); err != nil {
			return err
		}
		for _, old := range list {
			if old.Retired == nil {
				old.Retired = &now
				b, err := json.Marshal(old)
				if err != nil {
					return err
				}
				if err := tx.Put(keysBucket, []byte(old.Created.Format(time.RFC3339)+" "+old.ID), b); err != nil {
					return err
				}
			}
		}
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		return tx.Put(keysBucket, []byte(now.Format(time.RFC3339)+" "+id), b)
	})
	if err != nil {
		return Key{}, fmt.Errorf("rotate the issuer key: %w", err)
	}
	return r.key()
}

// records reads the stored keys, in the order they were made.
func (k *Keys) records(ctx context.Context) ([]record, error) {
	var list []record
	err := k.st.View(ctx, func(rd store.Reader) error {
		var derr error
		err := rd.Scan(keysBucket, store.Range{}, func(_, v []byte) bool {
			var r record
			if derr = json.Unmarshal(v, &r); derr != nil {
				return false
			}
			list = append(list, r)
			return true
		})
		if err != nil {
			return err
		}
		return derr
	})
	if err != nil {
		return nil, fmt.Errorf("read the issuer keys: %w", err)
	}
	return list, nil
}

// open unseals a key's private half.
func (k *Keys) open(r record) (ed25519.PrivateKey, error) {
	seed, err := k.box.Open(r.Sealed, []byte(r.ID))
	if err != nil {
		return nil, fmt.Errorf("open the issuer key %s: %w", r.ID, err)
	}
	return ed25519.NewKeyFromSeed(seed), nil
}

func (r record) key() (Key, error) {
	pub, err := DecodePublicKey(r.Public)
	if err != nil {
		return Key{}, fmt.Errorf("the issuer key %s: %w", r.ID, err)
	}
	return Key{ID: r.ID, Public: pub, Created: r.Created, Retired: r.Retired}, nil
}
