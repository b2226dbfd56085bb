package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/examples/pack"
)

// loadCmd loads a pack (schemas, documents, automations, templates) into
// the store, idempotently: `credence load examples/certification`.
func loadCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("load", stderr)
	sf, err := addStoreFlags(fs)
	if err != nil {
		return err
	}
	allow := addWebhookAllowFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errors.New("load takes one folder")
	}
	egress, err := parseWebhookAllow(*allow)
	if err != nil {
		return err
	}
	st, err := sf.open(ctx, false, nil)
	if err != nil {
		return err
	}
	defer st.Close()
	svc, err := documents.New(ctx, st, documents.Options{System: systemCollections(egress)})
	if err != nil {
		return err
	}
	rep, err := loadPack(ctx, svc, fs.Arg(0))
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "loaded %s: %s\n", fs.Arg(0), rep)
	return st.Close()
}

// loadPack loads the pack in dir into svc as a trusted internal caller.
func loadPack(ctx context.Context, svc *documents.Service, dir string) (pack.Report, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return pack.Report{}, fmt.Errorf("load: %w", err)
	}
	if !info.IsDir() {
		return pack.Report{}, fmt.Errorf("load: %s is not a folder", dir)
	}
	rep, err := pack.Load(ctx, svc, os.DirFS(dir))
	if err != nil {
		return rep, fmt.Errorf("load %s: %w", dir, err)
	}
	return rep, nil
}

// loadAtStart loads the pack given to serve --load, logging what it did.
func loadAtStart(ctx context.Context, svc *documents.Service, dir string, log *slog.Logger) error {
	if dir == "" {
		return nil
	}
	rep, err := loadPack(ctx, svc, dir)
	if err != nil {
		return err
	}
	log.Info("pack loaded", "dir", dir, "created", rep.Created, "updated", rep.Updated, "unchanged", rep.Unchanged)
	return nil
}
