package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/credence/credence/documents"
)

// evalCmd evaluates a formula against a stored or sample document, as the
// playground (POST /api/_eval) does.
func evalCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval", stderr)
	sf, err := addStoreFlags(fs)
	if err != nil {
		return err
	}
	rf := addRemoteFlags(fs)
	coll := fs.String("collection", "", "the collection whose document the formula reads")
	id := fs.String("id", "", "a stored document to evaluate against")
	doc := fs.String("doc", "", "a sample document (JSON) to evaluate against")
	mode := fs.String("mode", "value", "value, bool or filter")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errors.New("eval takes one formula")
	}
	if rf.remote() {
		body := map[string]any{"expr": fs.Arg(0), "mode": *mode, "collection": *coll, "id": *id}
		if *doc != "" {
			body["doc"] = json.RawMessage(*doc)
		}
		resp, err := rf.do(ctx, http.MethodPost, "/api/_eval", nil, body)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		_, err = io.Copy(stdout, resp.Body)
		fmt.Fprintln(stdout)
		return err
	}
	svc, closeStore, err := openService(ctx, sf, true)
	if err != nil {
		return err
	}
	defer closeStore()
	res, err := svc.Eval(ctx, documents.EvalRequest{Expr: fs.Arg(0), Mode: *mode, Collection: *coll,
		ID: *id, Doc: json.RawMessage(*doc)})
	if err != nil {
		var de *documents.Error
		if errors.As(err, &de) && len(de.Errors) > 0 {
			return fmt.Errorf("%s\n%s", de.Message, strings.TrimSpace(de.Errors[0].Message))
		}
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	return enc.Encode(res)
}
