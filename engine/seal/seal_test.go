package seal_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/engine/seal"
)

func TestSealOpens(t *testing.T) {
	secret := []byte(strings.Repeat("s", 32))
	b, err := seal.New(secret, "test v1")
	require.NoError(t, err)
	box := b.Seal([]byte("the plain text"), []byte("id-1"))
	assert.NotContains(t, string(box), "the plain text")
	plain, err := b.Open(box, []byte("id-1"))
	require.NoError(t, err)
	assert.Equal(t, "the plain text", string(plain))

	other, err := seal.New(secret, "test v2")
	require.NoError(t, err)
	for name, open := range map[string]func() ([]byte, error){
		"another aad": func() ([]byte, error) { return b.Open(box, []byte("id-2")) },
		"another use": func() ([]byte, error) { return other.Open(box, []byte("id-1")) },
		"changed": func() ([]byte, error) {
			c := append([]byte{}, box...)
			c[len(c)-1] ^= 1
			return b.Open(c, []byte("id-1"))
		},
		"cut short": func() ([]byte, error) { return b.Open(box[:5], []byte("id-1")) },
	} {
		_, err := open()
		assert.Error(t, err, name)
	}
	_, err = seal.New(secret[:31], "test v1")
	assert.Error(t, err, "a short secret")
}
