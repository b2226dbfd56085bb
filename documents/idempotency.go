package documents

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/credence/credence/store"
)

// idemBucket maps idempotency keys to the document their write made.
const idemBucket = "idem"

// MaxIdempotencyKey bounds the length of an idempotency key.
const MaxIdempotencyKey = 256

// replay returns the document a write with key already made, as it stands
// now, or nil when the key is new.
func (s *Service) replay(tx store.Tx, key string) (*Document, error) {
	v, err := tx.Get(idemBucket, []byte(key))
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	coll, id, ok := bytes.Cut(v, []byte{0})
	if !ok {
		return nil, fmt.Errorf("idempotency key %q: corrupt entry", key)
	}
	raw, err := tx.Get(docsBucket(string(coll)), id)
	if errors.Is(err, store.ErrNotFound) {
		// Made, then deleted since: the write is not made again.
		return &Document{ID: string(id), Replayed: true}, nil
	}
	if err != nil {
		return nil, err
	}
	d, err := decodeStored(raw)
	if err != nil {
		return nil, err
	}
	return &Document{ID: string(id), Rev: d.rev(), ETag: etag(raw), JSON: raw, Replayed: true}, nil
}

// remember records that the write with key made coll/id.
func remember(tx store.Tx, key, coll, id string) error {
	return tx.Put(idemBucket, []byte(key), append(append([]byte(coll), 0), id...))
}

func checkIdempotencyKey(key string) error {
	if len(key) > MaxIdempotencyKey {
		return errorf(KindBadRequest, "an idempotency key has at most %d characters", MaxIdempotencyKey)
	}
	return nil
}

// idemKey scopes an idempotency key to the caller and the collection: one
// caller's key never replays another's write.
func idemKey(a Auth, coll, key string) string {
	return a.KeyID + "\x00" + a.Role + "\x00" + coll + "\x00" + key
}
