package identity

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/credence/credence/documents"
)

// AccountsCollection holds the accounts.
const AccountsCollection = "_accounts"

// SystemCollections are the collections identity keeps.
func SystemCollections() []documents.SystemCollection {
	return []documents.SystemCollection{providerCollection(), {Name: AccountsCollection, Schema: json.RawMessage(`{
  "type": "object",
  "title": "Accounts",
  "description": "People who sign in: an e-mail and a password, the role and the document they act for (their subject), as an API key has.",
  "properties": {
    "email": {"type": "string", "format": "email", "maxLength": 254, "x-unique": true, "description": "the sign-in address, in lower case"},
    "role": {"type": "string", "minLength": 1, "maxLength": 64, "pattern": "^[a-z][a-z0-9_-]*$"},
    "subject": {"type": "string", "maxLength": 200, "description": "the id of the document the account acts for, such as a learner"},
    "disabled": {"type": "boolean", "description": "a disabled account cannot sign in; its sessions end within five minutes"},
    "verified": {"type": "boolean", "description": "its owner has shown the e-mail address is hers (a code sent to it)"},
    "passwordHash": {"type": "string", "x-secret": true, "description": "argon2id; never returned"}
  },
  "required": ["email", "role"],
  "additionalProperties": false
}`)}}
}

// account is an account as identity reads it.
type account struct {
	ID       string `json:"id"`
	Email    string `json:"email"`
	Role     string `json:"role"`
	Subject  string `json:"subject"`
	Disabled bool   `json:"disabled"`
	Verified bool   `json:"verified"`
}

// Documents is what identity needs of the document service.
type Documents interface {
	List(ctx context.Context, coll string, opts documents.ListOptions) (*documents.Page, error)
	Get(ctx context.Context, coll, id string, opts documents.ReadOptions) (*documents.Document, error)
	Create(ctx context.Context, coll string, body []byte, opts documents.WriteOptions) (*documents.Document, error)
	Patch(ctx context.Context, coll, id string, patch []byte, opts documents.WriteOptions) (*documents.Document, error)
	Secret(ctx context.Context, coll, id, field string) (string, error)
}

// system is the context of identity's own reads and writes.
func system(ctx context.Context) context.Context {
	return documents.WithAuth(ctx, documents.Auth{KeyID: "identity", Role: documents.RoleAdmin})
}

// byEmail finds the account of an address, or nil.
func byEmail(ctx context.Context, svc Documents, email string) (*account, error) {
	q, _ := json.Marshal(normalEmail(email))
	page, err := svc.List(system(ctx), AccountsCollection, documents.ListOptions{Filter: "email == " + string(q), Limit: 1})
	if err != nil {
		return nil, err
	}
	if len(page.Items) == 0 {
		return nil, nil
	}
	var a account
	if err := json.Unmarshal(page.Items[0], &a); err != nil {
		return nil, err
	}
	return &a, nil
}

// byID reads an account.
func byID(ctx context.Context, svc Documents, id string) (*account, error) {
	d, err := svc.Get(system(ctx), AccountsCollection, id, documents.ReadOptions{})
	if err != nil {
		return nil, err
	}
	var a account
	if err := json.Unmarshal(d.JSON, &a); err != nil {
		return nil, err
	}
	return &a, nil
}

// normalEmail is an address as accounts keep it.
func normalEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// validEmail is a loose check: one @, something on each side, a dot after it.
func validEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	return ok && local != "" && strings.Contains(domain, ".") && !strings.ContainsAny(s, " \t\r\n,;<>") && len(s) <= 254
}

var errExists = errors.New("an account with that address exists")

// create makes an account.
func create(ctx context.Context, svc Documents, email, role, subject, hash string) (*account, error) {
	body, err := json.Marshal(map[string]any{"email": email, "role": role, "subject": subject, "passwordHash": hash})
	if err != nil {
		return nil, err
	}
	d, err := svc.Create(system(ctx), AccountsCollection, body, documents.WriteOptions{})
	if documents.KindOf(err) == documents.KindConflict {
		return nil, errExists
	}
	if err != nil {
		return nil, fmt.Errorf("create the account: %w", err)
	}
	return &account{ID: d.ID, Email: email, Role: role, Subject: subject}, nil
}

// update patches an account as identity.
func update(ctx context.Context, svc Documents, id string, fields map[string]any) error {
	b, err := json.Marshal(fields)
	if err != nil {
		return err
	}
	_, err = svc.Patch(system(ctx), AccountsCollection, id, b, documents.WriteOptions{})
	return err
}
