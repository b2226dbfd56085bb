package openapi

import (
	"github.com/getkin/kin-openapi/openapi3"
)

// accountsCollection marks a server whose people sign up and sign in: its
// registry holds the accounts.
const accountsCollection = "_accounts"

// identity adds the sign-up and sign-in routes (engine/identity).
func (b *builder) identity() {
	comps := b.doc.Components.Schemas
	str := func(desc string) *openapi3.SchemaRef {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Description: desc}}
	}
	object := func(name, desc string, required []string, props openapi3.Schemas) *openapi3.SchemaRef {
		comps[name] = &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"object"}, Description: desc,
			Required: required, Properties: props}}
		return b.conv.ref(name)
	}
	email := &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Format: "email", MaxLength: openapi3.Ptr[uint64](254)}}
	password := &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, MinLength: 10, MaxLength: openapi3.Ptr[uint64](256)}}
	credentials := object("AuthCredentials", "An e-mail address and a password.", []string{"email", "password"},
		openapi3.Schemas{"email": email, "password": password})
	tokens := object("AuthTokens", "A session: an access token for Authorization: Bearer, and the refresh token that renews it once.",
		[]string{"accessToken", "tokenType", "expiresIn", "refreshToken"}, openapi3.Schemas{
			"accessToken": str("A JWT accepted wherever an API key is, for expiresIn seconds."), "tokenType": str("Bearer"),
			"expiresIn":    {Value: &openapi3.Schema{Type: &openapi3.Types{"integer"}, Description: "Seconds the access token works."}},
			"refreshToken": str("Works once: POST it to /auth/refresh for a new pair; a used one presented again ends the session.")})
	refresh := object("AuthRefresh", "A refresh token.", []string{"refreshToken"}, openapi3.Schemas{"refreshToken": str("")})
	code := object("AuthCode", "An e-mail address and the code sent to it.", []string{"email", "code"},
		openapi3.Schemas{"email": email, "code": str("The six digits sent.")})
	address := object("AuthEmail", "An e-mail address.", []string{"email"}, openapi3.Schemas{"email": email})
	reset := object("AuthReset", "A reset token and the new password.", []string{"token", "password"},
		openapi3.Schemas{"token": str("The token the reset message carries."), "password": password})
	accepted := object("AuthAccepted", "The same answer whether or not the address has an account.", []string{"status", "detail"},
		openapi3.Schemas{"status": str(""), "detail": str("")})
	me := object("AuthMe", "Who an access token acts for.", []string{"account", "email", "role"}, openapi3.Schemas{
		"account": str("The account's id."), "email": email, "role": str(""), "subject": str("The id of the document the account acts for.")})
	session := &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"object"}, Required: []string{"id", "refreshedAt", "expiresAt"},
		Properties: openapi3.Schemas{"id": str(""), "refreshedAt": str(""), "expiresAt": str("")}}}
	sessions := object("AuthSessions", "The live sessions of the caller's account.", []string{"items"},
		openapi3.Schemas{"items": {Value: &openapi3.Schema{Type: &openapi3.Types{"array"}, Items: session}}})

	body := func(s *openapi3.SchemaRef) *openapi3.RequestBodyRef {
		return &openapi3.RequestBodyRef{Value: &openapi3.RequestBody{Required: true,
			Content: openapi3.Content{"application/json": &openapi3.MediaType{Schema: s}}}}
	}
	noContent := "Done."
	post := func(path, id, summary, desc string, in *openapi3.SchemaRef, status int, out *openapi3.SchemaRef, errs ...int) {
		ok := map[int]*openapi3.ResponseRef{status: jsonResponse(summary, out)}
		if out == nil {
			ok = map[int]*openapi3.ResponseRef{status: {Value: &openapi3.Response{Description: &noContent}}}
		}
		b.doc.Paths.Set(path, &openapi3.PathItem{Post: &openapi3.Operation{OperationID: id, Summary: summary, Description: desc,
			Tags: []string{"identity"}, Security: &openapi3.SecurityRequirements{{}}, RequestBody: body(in),
			Responses: b.responsesOf(ok, append(errs, 400, 413)...)}})
	}
	post("/auth/signup", "signUp", "Sign up", "Makes an account when sign-up is open to the address (403 otherwise) and sends a code to verify it. The same 202 whether or not the address had an account.",
		credentials, 202, accepted, 422)
	post("/auth/verify", "verifyEmail", "Verify the address", "The code sent at sign-up: the address is verified, and a session starts.", code, 200, tokens)
	post("/auth/signin", "signIn", "Sign in with a password", "The same 401 for an unknown address and a wrong password; 429 after repeated failures.", credentials, 200, tokens)
	post("/auth/refresh", "refreshSession", "Renew a session", "Gives a new pair; the refresh token is used up.", refresh, 200, tokens)
	post("/auth/signout", "signOut", "Sign out", "Ends the session: its refresh token at once, its access tokens when they expire.", refresh, 204, nil)
	post("/auth/code", "sendSignInCode", "Send a one-time sign-in code", "The same 202 whether or not the address has an account.", address, 202, accepted)
	post("/auth/signin/code", "signInWithCode", "Sign in with a one-time code", "The code sent by POST /auth/code: it works once, for a few minutes, and a session starts.", code, 200, tokens)
	post("/auth/reset", "sendPasswordReset", "Send a password reset", "The same 202 whether or not the address has an account.", address, 202, accepted)
	post("/auth/reset/confirm", "resetPassword", "Choose a new password", "Ends every session of the account, and starts one.", reset, 200, tokens, 422)
	get := func(path, id, summary, desc string, out *openapi3.SchemaRef) {
		b.doc.Paths.Set(path, &openapi3.PathItem{Get: &openapi3.Operation{OperationID: id, Summary: summary, Description: desc, Tags: []string{"identity"},
			Responses: b.responsesOf(map[int]*openapi3.ResponseRef{200: jsonResponse(summary, out)}, 503)}})
	}
	get("/auth/me", "getMe", "Who the access token acts for", "The account, address, role and subject of the caller's access token; 401 without one.", me)
	get("/auth/sessions", "listSessions", "The caller's live sessions", "The sessions of the caller's account that have not ended, with when each was last renewed.", sessions)
	b.doc.Tags = append(b.doc.Tags, &openapi3.Tag{Name: "identity", Description: "Sign-up, sign-in and sessions of people (engine/identity)."})
}
