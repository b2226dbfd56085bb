package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine/automations"
	"github.com/credence/credence/engine/identity"
	"github.com/credence/credence/store"
)

// automationFlags are the settings of the automations worker: e-mail,
// webhooks, retries.
type automationFlags struct {
	enabled        *bool
	smtpAddr       *string
	smtpFrom       *string
	smtpUser       *string
	smtpPassword   *string
	smtpTLS        *string
	publicURL      *string
	webhookTimeout *time.Duration
	webhookAllow   *string
	attempts       *int
	backoff        *time.Duration
	backoffMax     *time.Duration
	poll           *time.Duration
}

func addAutomationFlags(fs *flag.FlagSet) (*automationFlags, error) {
	enabled, err := strconv.ParseBool(env("CREDENCE_AUTOMATIONS", "true"))
	if err != nil {
		return nil, fmt.Errorf("CREDENCE_AUTOMATIONS: %w", err)
	}
	attempts, err := envInt("CREDENCE_AUTOMATION_ATTEMPTS", 8)
	if err != nil {
		return nil, err
	}
	durations := map[string]time.Duration{}
	for name, def := range map[string]time.Duration{
		"CREDENCE_WEBHOOK_TIMEOUT":        10 * time.Second,
		"CREDENCE_AUTOMATION_BACKOFF":     30 * time.Second,
		"CREDENCE_AUTOMATION_BACKOFF_MAX": time.Hour,
		"CREDENCE_AUTOMATION_POLL":        time.Second,
	} {
		if durations[name], err = envDuration(name, def); err != nil {
			return nil, err
		}
	}
	return &automationFlags{
		enabled: fs.Bool("automations", enabled,
			"run the automations worker on this node; nodes sharing a database elect one at a time (env CREDENCE_AUTOMATIONS)"),
		smtpAddr: fs.String("smtp-addr", env("CREDENCE_SMTP_ADDR", ""),
			"the SMTP relay for e-mail messages, host:port; e-mail fails without one (env CREDENCE_SMTP_ADDR)"),
		smtpFrom: fs.String("smtp-from", env("CREDENCE_SMTP_FROM", "Credence <noreply@localhost>"),
			"the sender of e-mail messages (env CREDENCE_SMTP_FROM)"),
		smtpUser: fs.String("smtp-username", env("CREDENCE_SMTP_USERNAME", ""),
			"the SMTP user name, when the relay wants one (env CREDENCE_SMTP_USERNAME)"),
		smtpPassword: fs.String("smtp-password", env("CREDENCE_SMTP_PASSWORD", ""),
			"the SMTP password; prefer the environment, which ps does not show (env CREDENCE_SMTP_PASSWORD)"),
		smtpTLS: fs.String("smtp-tls", env("CREDENCE_SMTP_TLS", "starttls"),
			"starttls (upgrade when offered), tls (implicit, port 465) or none (env CREDENCE_SMTP_TLS)"),
		publicURL: fs.String("public-url", env("CREDENCE_PUBLIC_URL", ""),
			"the server's address as recipients reach it, for the open-tracking pixel of e-mail; none when empty (env CREDENCE_PUBLIC_URL)"),
		webhookTimeout: fs.Duration("webhook-timeout", durations["CREDENCE_WEBHOOK_TIMEOUT"],
			"the longest a webhook call may take (env CREDENCE_WEBHOOK_TIMEOUT)"),
		webhookAllow: addWebhookAllowFlag(fs),
		attempts: fs.Int("automation-attempts", int(attempts),
			"attempts of an action, e-mail or webhook call before it fails (env CREDENCE_AUTOMATION_ATTEMPTS)"),
		backoff: fs.Duration("automation-backoff", durations["CREDENCE_AUTOMATION_BACKOFF"],
			"the wait before the first retry, doubled at each one, with jitter (env CREDENCE_AUTOMATION_BACKOFF)"),
		backoffMax: fs.Duration("automation-backoff-max", durations["CREDENCE_AUTOMATION_BACKOFF_MAX"],
			"the longest wait between retries (env CREDENCE_AUTOMATION_BACKOFF_MAX)"),
		poll: fs.Duration("automation-poll", durations["CREDENCE_AUTOMATION_POLL"],
			"how often an idle worker looks for work (env CREDENCE_AUTOMATION_POLL)"),
	}, nil
}

// addWebhookAllowFlag adds --webhook-allow, the internal webhook targets
// an operator allows.
func addWebhookAllowFlag(fs *flag.FlagSet) *string {
	return fs.String("webhook-allow", env("CREDENCE_WEBHOOK_ALLOW", ""),
		"internal webhook targets allowed, comma-separated host names, IP addresses and CIDR prefixes: "+
			"127.0.0.1/32,hooks.internal.example,10.1.0.0/16; other loopback, private, link-local and reserved addresses are refused "+
			"(env CREDENCE_WEBHOOK_ALLOW)")
}

// parseWebhookAllow is the webhook policy of a --webhook-allow list.
func parseWebhookAllow(allow string) (automations.Egress, error) {
	e, err := automations.ParseEgress(allow)
	if err != nil {
		return automations.Egress{}, fmt.Errorf("--webhook-allow: %w", err)
	}
	return e, nil
}

// systemCollections are the system collections a document service opens
// with: those of automations, whose webhooks egress checks when saved.
func systemCollections(egress automations.Egress) []documents.SystemCollection {
	return append(automations.SystemCollections(egress), identity.SystemCollections()...)
}

// config is the runner's configuration from the flags.
func (f *automationFlags) config(log *slog.Logger) (automations.Config, error) {
	switch *f.smtpTLS {
	case "starttls", "tls", "none":
	default:
		return automations.Config{}, fmt.Errorf("--smtp-tls must be starttls, tls or none, not %q", *f.smtpTLS)
	}
	if *f.attempts < 1 {
		return automations.Config{}, fmt.Errorf("--automation-attempts must be at least 1")
	}
	egress, err := parseWebhookAllow(*f.webhookAllow)
	if err != nil {
		return automations.Config{}, err
	}
	host, _ := os.Hostname()
	return automations.Config{
		SMTP: automations.SMTP{
			Addr: *f.smtpAddr, From: *f.smtpFrom, Username: *f.smtpUser, Password: *f.smtpPassword, TLS: *f.smtpTLS,
		},
		Egress:         egress,
		WebhookTimeout: *f.webhookTimeout,
		Logger:         log,
		PollInterval:   *f.poll,
		MaxAttempts:    *f.attempts,
		Backoff:        automations.Backoff{Base: *f.backoff, Max: *f.backoffMax},
		PublicURL:      *f.publicURL,
		NodeID:         fmt.Sprintf("%s/%d", host, os.Getpid()),
	}, nil
}

// startAutomations makes the runner and, when enabled on this node, runs
// it until ctx ends or stop is called. The runner's routes are served
// either way. stop returns once the worker has stopped (and given up its
// lease): call it before closing the store. It may be called more than
// once.
func startAutomations(ctx context.Context, cfg automations.Config, enabled bool, svc *documents.Service, st store.Store) (r *automations.Runner, stop func()) {
	r = automations.New(svc, st, cfg)
	if !enabled {
		cfg.Logger.Info("automations: the worker is off on this node")
		return r, func() {}
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		r.Run(ctx)
	}()
	var once sync.Once
	return r, func() {
		once.Do(func() {
			cancel()
			<-done
		})
	}
}
