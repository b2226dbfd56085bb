package credentials_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/engine/credentials"
	"github.com/credence/credence/store/postgres/pgtest"
)

// TestIssueOnPostgres: keys, issue, status and verification on the store
// several nodes share; a second node with the same secret opens the same
// keys.
func TestIssueOnPostgres(t *testing.T) {
	ctx := context.Background()
	st := pgtest.Open(t)
	keys, err := credentials.OpenKeys(ctx, st, secret, nil)
	require.NoError(t, err)
	is := &credentials.Issuer{Keys: keys, BaseURL: "https://cert.example.org"}
	r := request("ada--cert", time.Now().Add(24*time.Hour))
	r.ValidFrom = time.Now().Add(-time.Hour)
	c, err := is.Issue(ctx, r)
	require.NoError(t, err)
	other, err := credentials.OpenKeys(ctx, st, secret, nil)
	require.NoError(t, err)
	node2 := &credentials.Issuer{Keys: other, BaseURL: "https://cert.example.org"}
	assert.True(t, node2.Verify(ctx, c.Credential).Valid, "another node verifies")
	require.NoError(t, node2.SetStatus(ctx, "ada--cert", true, false))
	res := is.Verify(ctx, []byte(c.JWT))
	assert.False(t, res.Valid, "revoked on one node, refused on the other")
}
