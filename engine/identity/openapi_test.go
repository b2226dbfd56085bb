package identity_test

import (
	"context"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/engine"
)

// TestOpenAPIDescribesSignIn: with accounts, the spec has the identity
// routes, valid in both versions, so that a generated client signs in.
func TestOpenAPIDescribesSignIn(t *testing.T) {
	s := newSite(t, "open")
	for _, version := range []string{"3.1", "3.0"} {
		b, err := engine.Spec(context.Background(), s.svc, engine.SpecOptions{Version: version})
		require.NoError(t, err)
		doc, err := openapi3.NewLoader().LoadFromData(b)
		require.NoError(t, err)
		require.NoError(t, doc.Validate(context.Background()), version)
		ops := map[string]string{}
		for path, item := range doc.Paths.Map() {
			for method, op := range item.Operations() {
				ops[op.OperationID] = method + " " + path
			}
		}
		for id, want := range map[string]string{
			"signUp": "POST /auth/signup", "verifyEmail": "POST /auth/verify", "signIn": "POST /auth/signin",
			"refreshSession": "POST /auth/refresh", "signOut": "POST /auth/signout", "sendSignInCode": "POST /auth/code",
			"signInWithCode": "POST /auth/signin/code", "sendPasswordReset": "POST /auth/reset",
			"resetPassword": "POST /auth/reset/confirm", "getMe": "GET /auth/me", "listSessions": "GET /auth/sessions",
		} {
			assert.Equal(t, want, ops[id], "%s %s", version, id)
		}
		signIn := doc.Paths.Find("/auth/signin").Post
		assert.NotNil(t, signIn.Responses.Status(200))
		assert.NotNil(t, signIn.Responses.Status(429))
	}
}
