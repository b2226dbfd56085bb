package identity_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/engine/identity"
	"github.com/credence/credence/store/postgres/pgtest"
)

// TestSessionsOnPostgres: two nodes on one database check each other's
// tokens and share the refresh tokens' rotation.
func TestSessionsOnPostgres(t *testing.T) {
	ctx := context.Background()
	st := pgtest.Open(t)
	a, err := identity.OpenSessions(ctx, st, nil)
	require.NoError(t, err)
	b, err := identity.OpenSessions(ctx, st, nil)
	require.NoError(t, err)
	tok, err := a.Start(ctx, identity.Principal{Account: "acc", Role: "learner", Subject: "ada"})
	require.NoError(t, err)
	auth, ok := b.Verify(tok.AccessToken)
	require.True(t, ok, "the other node checks the token")
	assert.Equal(t, "ada", auth.Subject)
	next, err := b.Refresh(ctx, tok.RefreshToken, nil)
	require.NoError(t, err)
	_, err = a.Refresh(ctx, tok.RefreshToken, nil)
	assert.ErrorIs(t, err, identity.ErrInvalidToken, "reused on another node")
	_, err = a.Refresh(ctx, next.RefreshToken, nil)
	assert.ErrorIs(t, err, identity.ErrInvalidToken, "the family is revoked")
}
