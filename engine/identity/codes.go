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
	"math/big"
	"time"

	"github.com/credence/credence/store"
)

// codesBucket holds the one-time codes: account + "\x00" + purpose.
const codesBucket = "id/codes"

// The purposes of one-time codes, and how long each lasts.
const (
	purposeVerify = "verify"
	purposeSignIn = "signin"
	purposeReset  = "reset"
)

// codeTTL is how long a code of a purpose works.
func codeTTL(purpose string) time.Duration {
	switch purpose {
	case purposeVerify:
		return 24 * time.Hour
	case purposeReset:
		return time.Hour
	}
	return 15 * time.Minute
}

// maxCodeTries is how many wrong codes burn a code.
const maxCodeTries = 5

// Mail is a message identity sends: a code or a link.
type Mail struct {
	// Template names the _templates document that words it; Subject and
	// Text are the default when there is none (Go templates over .doc).
	Template, Subject, Text string
	Email, Recipient        string
	Data                    map[string]any
}

// Mailer sends identity's messages through the message path.
type Mailer interface {
	Mail(ctx context.Context, m Mail) error
}

type code struct {
	Hash    []byte    `json:"hash"`
	Expires time.Time `json:"expires"`
	Tries   int       `json:"tries"`
}

// newCode makes the one code of an account for a purpose (a new one
// replaces the last): six digits, or a long token for a link.
func (s *Service) newCode(ctx context.Context, account, purpose string, long bool) (string, error) {
	var secret string
	if long {
		b := make([]byte, 32)
		rand.Read(b)
		secret = base64.RawURLEncoding.EncodeToString(b)
	} else {
		n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
		if err != nil {
			return "", err
		}
		secret = fmt.Sprintf("%06d", n.Int64())
	}
	h := sha256.Sum256([]byte(secret))
	c := code{Hash: h[:], Expires: s.cfg.Now().Add(codeTTL(purpose))}
	b, err := json.Marshal(c)
	if err != nil {
		return "", err
	}
	err = s.sessions.st.Update(ctx, func(tx store.Tx) error {
		return tx.Put(codesBucket, []byte(account+"\x00"+purpose), b)
	})
	return secret, err
}

var errBadCode = errors.New("the code is wrong or has expired")

// useCode spends the account's code for a purpose: it works once, before
// it expires, and wrong tries burn it.
func (s *Service) useCode(ctx context.Context, account, purpose, secret string) error {
	key := []byte(account + "\x00" + purpose)
	var ok bool
	err := s.sessions.st.Update(ctx, func(tx store.Tx) error {
		ok = false
		raw, err := tx.Get(codesBucket, key)
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		var c code
		if err := json.Unmarshal(raw, &c); err != nil {
			return err
		}
		h := sha256.Sum256([]byte(secret))
		if subtle.ConstantTimeCompare(h[:], c.Hash) == 1 && s.cfg.Now().Before(c.Expires) {
			ok = true
			return tx.Delete(codesBucket, key)
		}
		c.Tries++
		if c.Tries >= maxCodeTries {
			return tx.Delete(codesBucket, key)
		}
		b, err := json.Marshal(c)
		if err != nil {
			return err
		}
		return tx.Put(codesBucket, key, b)
	})
	if err != nil {
		return err
	}
	if !ok {
		return errBadCode
	}
	return nil
}
