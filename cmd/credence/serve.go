package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
	"github.com/credence/credence/engine/files"
)

// shutdownGrace is how long in-flight requests may run after a signal.
const shutdownGrace = 30 * time.Second

// schemaWatchInterval is how often a node sharing a database checks for
// schema changes made by the others.
const schemaWatchInterval = 250 * time.Millisecond

// redact hides the password of a database URL.
func redact(data string) string {
	if u, err := url.Parse(data); err == nil && u.User != nil {
		return u.Redacted()
	}
	return data
}

// serverGC is the GOGC a server runs with when GOGC is not set: the Go
// runtime's default (100) collects each time the heap has doubled. A
// server's heap is small, since documents live in the store's file (mapped,
// not allocated) and a request's garbage dies with it, so doubling a small
// heap means collecting very often: at 400 (collect at five times the live
// heap, tens of megabytes) a create takes about 30% less CPU. GOMEMLIMIT
// caps the heap where memory is tight.
const serverGC = 400

// tuneGC sets serverGC unless the environment sets GOGC.
func tuneGC() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(serverGC)
	}
}

func serve(ctx context.Context, args []string, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	addr := fs.String("addr", env("CREDENCE_ADDR", "127.0.0.1:8080"), "the address to listen on (env CREDENCE_ADDR)")
	sf, err := addStoreFlags(fs)
	if err != nil {
		return err
	}
	maxBodyDefault, err := envInt("CREDENCE_MAX_BODY", engine.DefaultMaxBodyBytes)
	if err != nil {
		return err
	}
	maxBody := fs.Int64("max-body", maxBodyDefault, "the largest request body accepted, in bytes (env CREDENCE_MAX_BODY)")
	af, err := addAuthFlags(fs)
	if err != nil {
		return err
	}
	loadDir := fs.String("load", "", "a pack folder to load (idempotently) before serving; its public folder, if any, is served at /")
	publicDir := fs.String("public", env("CREDENCE_PUBLIC", ""), "a folder served at / (a frontend; a path that names no file gets its index.html), instead of the pack's public folder (env CREDENCE_PUBLIC)")
	license := fs.String("api-license", env("CREDENCE_API_LICENSE", ""), "the OpenAPI document's info.license.name; Proprietary when empty (env CREDENCE_API_LICENSE)")
	auf, err := addAutomationFlags(fs)
	if err != nil {
		return err
	}
	isf := addIssuerFlags(fs)
	idf := addIdentityFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return flagError{fmt.Errorf("serve takes no arguments (did you mean --load %s?)", fs.Arg(0))}
	}
	tuneGC()
	log := slog.New(slog.NewJSONHandler(stderr, nil))
	acfg, err := auf.config(log)
	if err != nil {
		return err
	}

	st, err := sf.open(ctx, false, log)
	if err != nil {
		return err
	}
	defer st.Close()
	svc, err := documents.New(ctx, st, documents.Options{System: systemCollections(acfg.Egress)})
	if err != nil {
		return err
	}
	if err := af.bootstrap(ctx, svc, log); err != nil {
		return err
	}
	if err := loadAtStart(ctx, svc, *loadDir, log); err != nil {
		return err
	}
	if isPostgres(*sf.data) {
		// Other nodes may change schemas: follow them within a second.
		wctx, stopWatch := context.WithCancel(ctx)
		defer stopWatch()
		go svc.Watch(wctx, schemaWatchInterval, func(err error) {
			log.Warn("cannot follow schema changes", "error", err.Error())
		})
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	baseURL := acfg.PublicURL
	if baseURL == "" {
		baseURL = "http://" + ln.Addr().String()
	}
	issuer, issuerRoutes, err := startIssuer(ctx, isf, *sf.data, baseURL, st, log)
	if err != nil {
		return err
	}
	if issuer != nil {
		acfg.Credentials = issuer
	}
	runner, stopAutomations := startAutomations(ctx, acfg, *auf.enabled, svc, st)
	defer stopAutomations()
	// The issuer secret also seals the identity providers' client secrets.
	sealing, err := isf.secretFor(*sf.data)
	if err != nil {
		return err
	}
	accounts, identityRoutes, err := startIdentity(ctx, idf, svc, st, runner, acfg.SMTP.Addr != "", acfg.PublicURL, sealing, log)
	if err != nil {
		return err
	}
	routes := func(r chi.Router) {
		runner.Routes(r)
		identityRoutes(r)
		if issuerRoutes != nil {
			issuerRoutes(r)
		}
	}
	// Files live in the store; an hourly sweep removes those no document
	// names an hour after their upload (every node may sweep: each removal
	// is its own transaction, checked again).
	fileStore := &files.Store{St: st}
	go sweepFiles(ctx, fileStore, log)
	go pruneFeed(ctx, svc, log)
	cfg := engine.Config{MaxBodyBytes: *maxBody, Logger: log, Routes: routes, Tokens: accounts,
		PublicURL: acfg.PublicURL, APILicense: *license, Files: fileStore}
	if dir := publicFolder(*publicDir, *loadDir); dir != "" {
		cfg.Public = os.DirFS(dir)
		log.Info("serving a public folder at /", "dir", dir)
	}
	af.engineConfig(&cfg)
	// Event streams never finish on their own: a shutdown ends them
	// (their clients reconnect to another node, or to this one restarted,
	// with Last-Event-ID).
	closing := make(chan struct{})
	cfg.Closing = closing
	srv := &http.Server{
		Handler:           engine.New(cfg, svc),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	srv.RegisterOnShutdown(func() { close(closing) })
	log.Info("credence is serving", "addr", ln.Addr().String(), "data", redact(*sf.data), "version", versionString(),
		"collections", len(svc.Registry().Names()))

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing in-flight requests")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	stopAutomations()
	if err := st.Close(); err != nil {
		return fmt.Errorf("close %s: %w", redact(*sf.data), err)
	}
	log.Info("stopped cleanly")
	return nil
}

// publicFolder is the folder to serve at /: the one named, else the
// pack's public folder when it has one, else none.
func publicFolder(named, pack string) string {
	if named != "" {
		return named
	}
	if pack == "" {
		return ""
	}
	dir := filepath.Join(pack, "public")
	if fi, err := os.Stat(filepath.Join(dir, "index.html")); err == nil && !fi.IsDir() {
		return dir
	}
	return ""
}

// pruneFeed removes, every minute, the entries of the realtime feed older
// than documents.FeedRetention, until ctx ends.
func pruneFeed(ctx context.Context, svc *documents.Service, log *slog.Logger) {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		for {
			n, err := svc.PruneFeed(ctx)
			if err != nil {
				log.Warn("events: pruning the feed failed", "error", err.Error())
				break
			}
			if n < 10000 {
				break
			}
		}
	}
}

// fileGrace is how long an uploaded file may wait for a document to name it.
const fileGrace = time.Hour

// sweepFiles sweeps the files no document names, every fileGrace, until
// ctx ends.
func sweepFiles(ctx context.Context, fs *files.Store, log *slog.Logger) {
	t := time.NewTicker(fileGrace)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		swept, err := fs.Sweep(ctx, fileGrace)
		if err != nil {
			log.Warn("files: sweep failed", "error", err.Error())
			continue
		}
		if swept.Files+swept.Uploads > 0 {
			log.Info("files: swept", "files", swept.Files, "unfinishedUploads", swept.Uploads)
		}
	}
}
