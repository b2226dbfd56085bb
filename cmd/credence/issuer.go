package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine/automations"
	"github.com/credence/credence/engine/credentials"
	"github.com/credence/credence/engine/identity"
	"github.com/credence/credence/store"
)

// identityFlags configure who may sign up.
type identityFlags struct {
	signUp, signUpRole, resetURL *string
}

func addIdentityFlags(fs *flag.FlagSet) *identityFlags {
	return &identityFlags{
		signUp: fs.String("signup", env("CREDENCE_SIGNUP", "off"),
			"who may sign up with an e-mail and a password: off, open, or a comma-separated list of e-mail domains (env CREDENCE_SIGNUP)"),
		signUpRole: fs.String("signup-role", env("CREDENCE_SIGNUP_ROLE", "learner"),
			"the role of an account made by signing up (env CREDENCE_SIGNUP_ROLE)"),
		resetURL: fs.String("reset-url", env("CREDENCE_RESET_URL", ""),
			"the frontend's password reset page; the reset message links it with the token appended (env CREDENCE_RESET_URL)"),
	}
}

// startIdentity opens the sessions and returns the identity routes and the
// checker of access tokens. Codes and links go through the message path:
// by e-mail when SMTP is configured, else to the log (with a warning).
func startIdentity(ctx context.Context, f *identityFlags, svc *documents.Service, st store.Store, runner *automations.Runner, smtp bool, publicURL string, sealing []byte, log *slog.Logger) (*identity.Service, func(chi.Router), error) {
	sessions, err := identity.OpenSessions(ctx, st, nil)
	if err != nil {
		return nil, nil, err
	}
	channel := automations.ChannelEmail
	if !smtp {
		channel = automations.ChannelLog
		if *f.signUp != "off" {
			log.Warn("no SMTP server: sign-up codes and password resets are written to this log, not e-mailed (--smtp-addr)")
		}
	}
	id, err := identity.New(svc, sessions, identity.Config{SignUp: *f.signUp, SignUpRole: *f.signUpRole, Logger: log,
		Mailer: runnerMailer{runner: runner, channel: channel}, ResetURL: *f.resetURL, PublicURL: publicURL, SealingSecret: sealing})
	if err != nil {
		return nil, nil, err
	}
	return id, id.Routes, nil
}

// runnerMailer sends identity's messages through the automations' message
// path.
type runnerMailer struct {
	runner  *automations.Runner
	channel string
}

func (m runnerMailer) Mail(ctx context.Context, mail identity.Mail) error {
	return m.runner.Send(ctx, automations.Message{Template: mail.Template, Subject: mail.Subject, Text: mail.Text,
		Channel: m.channel, Email: mail.Email, Recipient: mail.Recipient, Data: mail.Data})
}

// issuerFlags configure the credentials issuer: the secret that seals its
// signing keys, kept apart from the store.
type issuerFlags struct {
	secret *string
}

func addIssuerFlags(fs *flag.FlagSet) *issuerFlags {
	return &issuerFlags{
		secret: fs.String("issuer-secret", env("CREDENCE_ISSUER_SECRET", ""),
			"the secret (32 characters or more) that seals the issuer's signing keys in the store; with bbolt and none given, one is kept in DATA.issuer-secret (env CREDENCE_ISSUER_SECRET)"),
	}
}

// secretFor returns the issuer secret: the one given, or, for a bbolt file,
// the one in the file beside it (made on first use, readable by its owner
// only). With PostgreSQL and none given there is none: every node must be
// given the same.
func (f *issuerFlags) secretFor(data string) ([]byte, error) {
	if *f.secret != "" {
		if len(*f.secret) < credentials.MinSecretLength {
			return nil, fmt.Errorf("the issuer secret has %d characters; give %d or more", len(*f.secret), credentials.MinSecretLength)
		}
		return []byte(*f.secret), nil
	}
	if isPostgres(data) {
		return nil, nil
	}
	path := data + ".issuer-secret"
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		buf := make([]byte, 32)
		if _, err := rand.Read(buf); err != nil {
			return nil, err
		}
		b = []byte(hex.EncodeToString(buf) + "\n")
		if err := os.WriteFile(path, b, 0o600); err != nil {
			return nil, fmt.Errorf("keep the issuer secret: %w", err)
		}
	} else if err != nil {
		return nil, fmt.Errorf("read the issuer secret: %w", err)
	}
	return []byte(strings.TrimSpace(string(b))), nil
}

// startIssuer opens the issuer's keys and returns the issuer and the
// routes that publish its keys and credentials; nil, with a warning, when
// no secret is configured. baseURL is the server's address as the world
// reaches it.
func startIssuer(ctx context.Context, f *issuerFlags, data, baseURL string, st store.Store, log *slog.Logger) (*credentials.Issuer, func(chi.Router), error) {
	secret, err := f.secretFor(data)
	if err != nil {
		return nil, nil, err
	}
	if secret == nil {
		log.Warn("no issuer secret (--issuer-secret, CREDENCE_ISSUER_SECRET): credentials are not signed and no key is published; give every node the same secret")
		return nil, nil, nil
	}
	keys, err := credentials.OpenKeys(ctx, st, secret, nil)
	if err != nil {
		return nil, nil, err
	}
	is := &credentials.Issuer{Keys: keys, BaseURL: baseURL}
	pub := &credentials.Publisher{Keys: keys, Issuer: is}
	return is, pub.Routes, nil
}
