package credentials

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/credence/credence/store"
)

// StatusList returns the signed BitstringStatusListCredential of a
// purpose's list (1 for the first ListSize credentials): its bits GZIP
// compressed, base64url, multibase ("u...").
func (is *Issuer) StatusList(ctx context.Context, purpose string, list int) ([]byte, error) {
	if purpose != PurposeRevocation && purpose != PurposeSuspension || list < 1 {
		return nil, ErrNotIssued
	}
	issued, err := is.allocated(ctx)
	if err != nil {
		return nil, err
	}
	if list > (issued+ListSize-1)/ListSize && list > 1 {
		return nil, ErrNotIssued // no credential points at it
	}
	bits, err := is.bits(ctx, purpose, list)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(bits)
	if err := zw.Close(); err != nil {
		return nil, err
	}
	u := is.ListURL(purpose, list)
	now := is.now().Truncate(time.Second)
	vc := map[string]any{
		"@context":  []string{"https://www.w3.org/ns/credentials/v2"},
		"id":        u,
		"type":      []string{"VerifiableCredential", "BitstringStatusListCredential"},
		"issuer":    is.DID(),
		"validFrom": now.Format(time.RFC3339),
		"credentialSubject": map[string]any{"id": u + "#list", "type": "BitstringStatusList", "statusPurpose": purpose,
			"encodedList": "u" + base64.RawURLEncoding.EncodeToString(buf.Bytes())},
	}
	unsigned, err := json.Marshal(vc)
	if err != nil {
		return nil, err
	}
	key, priv, err := is.Keys.Current(ctx)
	if err != nil {
		return nil, err
	}
	return Sign(unsigned, map[string]any{"created": now.Format(time.RFC3339), "verificationMethod": is.DID() + "#" + key.ID, "proofPurpose": "assertionMethod"}, priv)
}

// allocated is the number of status entries given out.
func (is *Issuer) allocated(ctx context.Context) (int, error) {
	n := 0
	err := is.Keys.st.View(ctx, func(r store.Reader) error {
		raw, err := r.Get(metaBucket, []byte("next-index"))
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		if err == nil && len(raw) == 8 {
			n = int(binary.BigEndian.Uint64(raw))
		}
		return err
	})
	return n, err
}

func (is *Issuer) bits(ctx context.Context, purpose string, list int) ([]byte, error) {
	var bits []byte
	err := is.Keys.st.View(ctx, func(r store.Reader) error {
		b, err := r.Get(statusBucket, listKey(purpose, list))
		if errors.Is(err, store.ErrNotFound) {
			bits = make([]byte, ListSize/8)
			return nil
		}
		bits = b
		return err
	})
	return bits, err
}

// DecodeList reads the bits of a status list credential's encodedList.
func DecodeList(encoded string) ([]byte, error) {
	if !strings.HasPrefix(encoded, "u") {
		return nil, errors.New("the encoded list is not multibase base64url")
	}
	z, err := base64.RawURLEncoding.DecodeString(encoded[1:])
	if err != nil {
		return nil, fmt.Errorf("the encoded list: %w", err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		return nil, fmt.Errorf("the encoded list: %w", err)
	}
	// A list is 16 KB, and a few times that at most: a larger one is a
	// decompression bomb.
	const most = 1 << 20
	bits, err := io.ReadAll(io.LimitReader(zr, most+1))
	if err != nil {
		return nil, fmt.Errorf("the encoded list: %w", err)
	}
	if len(bits) > most {
		return nil, errors.New("the encoded list is larger than any status list")
	}
	return bits, nil
}

// BitAt reads entry index of a list's bits.
func BitAt(bits []byte, index int) (bool, error) {
	if index < 0 || index/8 >= len(bits) {
		return false, fmt.Errorf("the index %d is outside the list", index)
	}
	return bits[index/8]&(byte(0x80)>>(index%8)) != 0, nil
}

// parseListURL reads "revocation-1" as its purpose and number.
func parseListURL(name string) (string, int, bool) {
	i := strings.LastIndexByte(name, '-')
	if i < 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(name[i+1:])
	return name[:i], n, err == nil && n > 0
}
