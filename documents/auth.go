package documents

import "context"

// The built-in roles. A program may name any other role in its keys and
// x-access formulas.
const (
	// RoleAdmin may do everything.
	RoleAdmin = "admin"
	// RoleEditor may create, read, update and delete the documents of the
	// program's collections, and read _schemas.
	RoleEditor = "editor"
	// RolePublic is the role of a caller without a key.
	RolePublic = "public"
)

// Auth is who makes a call: the key it presented, the key's role and the
// document the key acts for (a learner's id, say).
type Auth struct {
	// KeyID identifies the key ("" for an anonymous caller); internal
	// writers use a descriptive id such as "automation:award".
	KeyID string `json:"id"`
	// Role is the key's role.
	Role string `json:"role"`
	// Subject is the id of the document the key acts for, if any.
	Subject string `json:"subject"`
}

type authKey struct{}

// WithAuth returns a context carrying a. The service applies a's access
// rules to every call made with that context.
func WithAuth(ctx context.Context, a Auth) context.Context {
	return context.WithValue(ctx, authKey{}, a)
}

// AuthFrom returns the Auth of ctx. A context without one is a trusted
// internal caller (the command line, automations): it may do everything.
func AuthFrom(ctx context.Context) (Auth, bool) {
	a, ok := ctx.Value(authKey{}).(Auth)
	return a, ok
}

// privileged reports whether a caller sees everything: an internal caller,
// or an admin or editor key.
func privileged(ctx context.Context) bool {
	a, ok := AuthFrom(ctx)
	return !ok || a.Role == RoleAdmin || a.Role == RoleEditor
}

// isAdmin reports whether a caller may do everything: an internal caller or
// an admin key.
func isAdmin(ctx context.Context) bool {
	a, ok := AuthFrom(ctx)
	return !ok || a.Role == RoleAdmin
}
