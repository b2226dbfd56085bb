package main

import (
	"context"
	"io"

	"github.com/credence/credence/engine"
)

// openapiCmd prints the OpenAPI document of the collections in a store.
func openapiCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("openapi", stderr)
	sf, err := addStoreFlags(fs)
	if err != nil {
		return err
	}
	version := fs.String("version", "3.1", "the OpenAPI version: 3.1 or 3.0")
	format := fs.String("format", "json", "json or yaml")
	if err := parse(fs, args); err != nil {
		return err
	}
	svc, closeStore, err := openService(ctx, sf, true)
	if err != nil {
		return err
	}
	defer closeStore()
	b, err := engine.Spec(ctx, svc, *version, *format)
	if err != nil {
		return err
	}
	_, err = stdout.Write(append(b, '\n'))
	return err
}
