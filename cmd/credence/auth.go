package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
)

// authFlags configure who may call the API.
type authFlags struct {
	adminKeyFile  *string
	anonymousRole *string
	rate          *float64
	burst         *int
	authFailures  *float64
	cors          *string
}

func addAuthFlags(fs *flag.FlagSet) (*authFlags, error) {
	rate, err := strconv.ParseFloat(env("CREDENCE_RATE_LIMIT", "0"), 64)
	if err != nil {
		return nil, fmt.Errorf("CREDENCE_RATE_LIMIT: %w", err)
	}
	burst, err := envInt("CREDENCE_RATE_BURST", 0)
	if err != nil {
		return nil, err
	}
	authFailures, err := strconv.ParseFloat(env("CREDENCE_AUTH_FAILURE_LIMIT", strconv.Itoa(engine.DefaultAuthFailuresPerMinute)), 64)
	if err != nil {
		return nil, fmt.Errorf("CREDENCE_AUTH_FAILURE_LIMIT: %w", err)
	}
	return &authFlags{
		adminKeyFile: fs.String("admin-key-file", env("CREDENCE_ADMIN_KEY_FILE", ""),
			"a file holding the secret of the admin key (env CREDENCE_ADMIN_KEY_FILE; or give the secret in CREDENCE_ADMIN_KEY)"),
		anonymousRole: fs.String("anonymous-role", env("CREDENCE_ANONYMOUS_ROLE", documents.RolePublic),
			"the role of requests without an API key (env CREDENCE_ANONYMOUS_ROLE)"),
		rate: fs.Float64("rate-limit", rate,
			"requests per second allowed to each API key (anonymous callers: each address); 0 for no limit (env CREDENCE_RATE_LIMIT)"),
		burst: fs.Int("rate-burst", int(burst),
			"requests a key may make at once before the rate applies; default twice the rate (env CREDENCE_RATE_BURST)"),
		authFailures: fs.Float64("auth-failure-limit", authFailures,
			fmt.Sprintf("failed authentications per minute allowed to each client address, after a burst of %d; then requests with a key not recently used get 429; 0 for no limit (env CREDENCE_AUTH_FAILURE_LIMIT)", engine.DefaultAuthFailureBurst)),
		cors: fs.String("cors-origins", env("CREDENCE_CORS_ORIGINS", ""),
			"comma-separated browser origins allowed to call the API, or * (env CREDENCE_CORS_ORIGINS)"),
	}, nil
}

// engineConfig fills the access settings of the engine's configuration.
func (f *authFlags) engineConfig(cfg *engine.Config) {
	cfg.AnonymousRole = *f.anonymousRole
	if *f.rate > 0 {
		burst := *f.burst
		if burst <= 0 {
			burst = max(int(2**f.rate), 1)
		}
		cfg.RateLimit = engine.RateLimit{PerSecond: *f.rate, Burst: burst}
	}
	cfg.AuthFailures = engine.AuthFailureLimit{PerMinute: *f.authFailures}
	if *f.authFailures <= 0 {
		cfg.AuthFailures.PerMinute = -1 // off
	}
	for _, o := range strings.Split(*f.cors, ",") {
		if o = strings.TrimSpace(o); o != "" {
			cfg.CORSOrigins = append(cfg.CORSOrigins, o)
		}
	}
}

// adminKeyID is the id of the admin key given at start.
const adminKeyID = "admin"

// bootstrap makes sure an admin can sign in: the key given in
// CREDENCE_ADMIN_KEY or --admin-key-file becomes the key "admin"; without
// one, a store with no admin key gets a new one, printed once in the log.
func (f *authFlags) bootstrap(ctx context.Context, svc *documents.Service, log *slog.Logger) error {
	secret := os.Getenv("CREDENCE_ADMIN_KEY")
	if *f.adminKeyFile != "" {
		b, err := os.ReadFile(*f.adminKeyFile)
		if err != nil {
			return fmt.Errorf("admin key: %w", err)
		}
		secret = strings.TrimSpace(string(b))
	}
	if secret != "" {
		if len(secret) < documents.MinSecretLength {
			return fmt.Errorf("admin key: the secret needs at least %d characters", documents.MinSecretLength)
		}
		auth, err := svc.Authenticate(ctx, secret)
		if err == nil && auth.KeyID == adminKeyID && auth.Role == documents.RoleAdmin {
			return nil // already there
		}
		_, _, err = svc.PutKey(ctx, documents.KeySpec{ID: adminKeyID, Name: "admin key given at start", Role: documents.RoleAdmin, Secret: secret})
		if err != nil {
			return fmt.Errorf("admin key: %w", err)
		}
		log.Info("admin key set from the configuration", "keyId", adminKeyID)
		return nil
	}
	page, err := svc.List(ctx, documents.KeysCollection, documents.ListOptions{Filter: `role == "admin" && revoked != true`, Limit: 1})
	if err != nil {
		return fmt.Errorf("look for an admin key: %w", err)
	}
	if len(page.Items) > 0 {
		return nil
	}
	secret, _, err = svc.PutKey(ctx, documents.KeySpec{ID: adminKeyID, Name: "first admin key", Role: documents.RoleAdmin})
	if err != nil {
		return fmt.Errorf("create an admin key: %w", err)
	}
	log.Warn("no admin key: created one; it is shown this once, keep it (or set CREDENCE_ADMIN_KEY)", "keyId", adminKeyID, "secret", secret)
	return nil
}

// keysCmd manages API keys in the store: credence keys create.
func keysCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "create" {
		return subcommandHelp("keys", args, stderr)
	}
	fs := newFlags("keys create", stderr)
	sf, err := addStoreFlags(fs)
	if err != nil {
		return err
	}
	rf := addRemoteFlags(fs)
	role := fs.String("role", "", "the key's role: admin, editor, learner, or a role the program names")
	subject := fs.String("subject", "", "the id of the document the key acts for (a learner)")
	name := fs.String("name", "", "what the key is for")
	expires := fs.Duration("expires", 0, "how long the key works, e.g. 720h; 0 for no end")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if *role == "" {
		fmt.Fprintln(stderr, "keys create: --role is required")
		return flagError{errors.New("--role is required")}
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return flagError{fmt.Errorf("keys create takes no arguments")}
	}
	if rf.remote() {
		return createRemoteKey(ctx, rf, *role, *subject, *name, *expires, stdout, stderr)
	}
	svc, closeStore, err := openService(ctx, sf, false)
	if err != nil {
		return err
	}
	defer closeStore()
	spec := documents.KeySpec{Role: *role, Subject: *subject, Name: *name}
	if *expires > 0 {
		spec.ExpiresAt = time.Now().Add(*expires)
	}
	secret, doc, err := svc.PutKey(ctx, spec)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "key %s (role %s) created; the secret is shown this once:\n", doc.ID, *role)
	fmt.Fprintln(stdout, secret)
	return nil
}

// createRemoteKey creates a key on a running server, with an admin's key.
func createRemoteKey(ctx context.Context, rf *remoteFlags, role, subject, name string, expires time.Duration, stdout, stderr io.Writer) error {
	body := map[string]any{"role": role}
	if subject != "" {
		body["subject"] = subject
	}
	if name != "" {
		body["name"] = name
	}
	if expires > 0 {
		body["expiresAt"] = time.Now().Add(expires).UTC().Format(time.RFC3339)
	}
	resp, err := rf.do(ctx, http.MethodPost, "/api/_keys", nil, body)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var key struct {
		ID     string `json:"id"`
		Secret string `json:"secret"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&key); err != nil || key.Secret == "" {
		return fmt.Errorf("POST /api/_keys: the answer holds no secret")
	}
	fmt.Fprintf(stderr, "key %s (role %s) created; the secret is shown this once:\n", key.ID, role)
	fmt.Fprintln(stdout, key.Secret)
	return nil
}

// auditCmd checks the audit chain: credence audit verify.
func auditCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "verify" {
		return subcommandHelp("audit", args, stderr)
	}
	fs := newFlags("audit verify", stderr)
	sf, err := addStoreFlags(fs)
	if err != nil {
		return err
	}
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	svc, closeStore, err := openService(ctx, sf, true)
	if err != nil {
		return err
	}
	defer closeStore()
	rep, err := svc.VerifyAudit(ctx)
	if err != nil {
		return err
	}
	if !rep.OK {
		return fmt.Errorf("the audit log is broken at entry %s: %s (%d entries read)", rep.BrokenAt, rep.Problem, rep.Entries)
	}
	fmt.Fprintf(stdout, "the audit log holds: %d entries, each linked to the one before\n", rep.Entries)
	return nil
}
