package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
	"github.com/credence/credence/store/bolt"
)

// shutdownGrace is how long in-flight requests may run after a signal.
const shutdownGrace = 30 * time.Second

func serve(ctx context.Context, args []string, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	addr := fs.String("addr", env("CREDENCE_ADDR", "127.0.0.1:8080"), "the address to listen on (env CREDENCE_ADDR)")
	data := dataFlag(fs)
	maxBodyDefault, err := envInt("CREDENCE_MAX_BODY", engine.DefaultMaxBodyBytes)
	if err != nil {
		return err
	}
	maxBody := fs.Int64("max-body", maxBodyDefault, "the largest request body accepted, in bytes (env CREDENCE_MAX_BODY)")
	if err := parse(fs, args); err != nil {
		return err
	}
	log := slog.New(slog.NewJSONHandler(stderr, nil))

	st, err := bolt.Open(*data, bolt.Options{})
	if errors.Is(err, bolt.ErrInUse) {
		return fmt.Errorf("%w: is another credence serving it?", err)
	}
	if err != nil {
		return err
	}
	defer st.Close()
	svc, err := documents.New(ctx, st, documents.Options{})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           engine.New(engine.Config{MaxBodyBytes: *maxBody, Logger: log}, svc),
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info("credence is serving", "addr", ln.Addr().String(), "data", *data, "version", versionString(),
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
	if err := st.Close(); err != nil {
		return fmt.Errorf("close %s: %w", *data, err)
	}
	log.Info("stopped cleanly")
	return nil
}
