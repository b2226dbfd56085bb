package documents_test

import (
	"context"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/store"
	"github.com/credence/credence/store/bolt"
)

// countingStore is a store that counts its read transactions.
type countingStore struct {
	store.Store
	views atomic.Int64
}

func (s *countingStore) View(ctx context.Context, fn func(store.Reader) error) error {
	s.views.Add(1)
	return s.Store.View(ctx, fn)
}

func TestAuthenticateCached(t *testing.T) {
	ctx := t.Context()
	bs, err := bolt.Open(filepath.Join(t.TempDir(), "credence.db"), bolt.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { bs.Close() })
	st := &countingStore{Store: bs}
	var now atomic.Int64
	now.Store(time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC).UnixNano())
	clock := func() time.Time { return time.Unix(0, now.Load()).UTC() }
	svc, err := documents.New(ctx, st, documents.Options{Now: clock})
	require.NoError(t, err)
	secret, key, err := svc.PutKey(ctx, documents.KeySpec{Role: "learner", Subject: "l1"})
	require.NoError(t, err)
	reads := st.views.Load()

	_, ok := svc.AuthenticateCached(secret)
	assert.False(t, ok, "a key not yet authenticated is not cached")
	want, err := svc.Authenticate(ctx, secret)
	require.NoError(t, err)
	assert.Equal(t, reads+1, st.views.Load(), "Authenticate reads the key once")

	reads = st.views.Load()
	got, ok := svc.AuthenticateCached(secret)
	assert.True(t, ok)
	assert.Equal(t, want, got)
	for _, s := range []string{"", "crd_nobody", secret + "x", string(make([]byte, 600))} {
		_, ok := svc.AuthenticateCached(s)
		assert.False(t, ok, "%.20q", s)
	}
	assert.Equal(t, reads, st.views.Load(), "AuthenticateCached never reads the store")

	t.Run("a cached key lasts 5 seconds", func(t *testing.T) {
		now.Add(int64(5 * time.Second))
		_, ok := svc.AuthenticateCached(secret)
		assert.False(t, ok)
	})
	t.Run("a write to _keys forgets the cached keys", func(t *testing.T) {
		_, err := svc.Authenticate(ctx, secret)
		require.NoError(t, err)
		_, ok := svc.AuthenticateCached(secret)
		require.True(t, ok)
		_, err = svc.Patch(ctx, documents.KeysCollection, key.ID, []byte(`{"revoked":true}`), documents.WriteOptions{})
		require.NoError(t, err)
		_, ok = svc.AuthenticateCached(secret)
		assert.False(t, ok)
	})
}
