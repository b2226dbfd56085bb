// Package identity lets people sign up and sign in themselves: accounts
// with e-mail and password (argon2id), and sessions: a short-lived access
// token (a JWT, checked without reading the store) and a refresh token
// rotated on use, whose reuse revokes the session.
//
// An account is a document of the system collection _accounts, linked to
// the document it acts for (its subject, such as a learner) with a role,
// as an API key is; its password hash is an x-secret no read shows.
package identity
