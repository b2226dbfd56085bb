package main

import (
	"context"
	"fmt"
	"io"
	"net/url"

	"github.com/credence/credence/engine"
)

// openapiCmd prints the OpenAPI document of the collections in a store, or
// of a running server with --url.
func openapiCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("openapi", stderr)
	sf, err := addStoreFlags(fs)
	if err != nil {
		return err
	}
	rf := addRemoteFlags(fs)
	version := fs.String("version", "3.1", "the OpenAPI version: 3.1 or 3.0")
	format := fs.String("format", "json", "json or yaml")
	role := fs.String("role", "admin", "print what callers of this role may do (public: an anonymous caller's); with --url, the key's role decides")
	server := fs.String("server-url", env("CREDENCE_PUBLIC_URL", "http://127.0.0.1:8080"), "the API's address, for servers[0].url (env CREDENCE_PUBLIC_URL)")
	license := fs.String("api-license", env("CREDENCE_API_LICENSE", ""), "info.license.name; Proprietary when empty (env CREDENCE_API_LICENSE)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return flagError{fmt.Errorf("openapi takes no arguments")}
	}
	if rf.remote() {
		path := "/openapi.json"
		if *format == "yaml" {
			path = "/openapi.yaml"
		}
		return rf.copyFrom(ctx, path, url.Values{"version": {*version}}, stdout)
	}
	svc, closeStore, err := openService(ctx, sf, true)
	if err != nil {
		return err
	}
	defer closeStore()
	b, err := engine.Spec(ctx, svc, engine.SpecOptions{Version: *version, Format: *format, Role: *role, ServerURL: *server, License: *license})
	if err != nil {
		return err
	}
	_, err = stdout.Write(append(b, '\n'))
	return err
}
