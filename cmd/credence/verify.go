package main

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/credence/credence/engine/credentials"
)

// errNotValid is verify's answer for a credential that does not hold: the
// result is printed, the exit status is 1.
var errNotValid = errors.New("the credential is not valid")

// verifyCmd checks a credential offline: its signature with a public key
// or the keys of a DID document, and its dates. The status lists, which
// only the issuer serves, are not read.
func verifyCmd(_ context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("verify", stderr)
	key := fs.String("key", "", "the issuer's Ed25519 public key (Multikey, z6Mk...)")
	did := fs.String("did", "", "the issuer's DID document (a file: its /.well-known/did.json)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 || (*key == "") == (*did == "") {
		return errors.New("usage: credence verify (--key MULTIKEY | --did FILE) FILE (or - for standard input)")
	}
	var resolve func(string, time.Time) (ed25519.PublicKey, error)
	if *key != "" {
		pub, err := credentials.DecodePublicKey(*key)
		if err != nil {
			return err
		}
		resolve = func(string, time.Time) (ed25519.PublicKey, error) { return pub, nil }
	} else {
		doc, err := os.ReadFile(*did)
		if err != nil {
			return err
		}
		keys, err := credentials.KeysFromDID(doc)
		if err != nil {
			return err
		}
		resolve = func(vm string, _ time.Time) (ed25519.PublicKey, error) {
			if k, ok := keys[vm]; ok {
				return k, nil
			}
			return nil, fmt.Errorf("%q is not a key of the DID document", vm)
		}
	}
	var raw []byte
	var err error
	if name := fs.Arg(0); name == "-" {
		raw, err = io.ReadAll(io.LimitReader(stdin, 1<<20))
	} else {
		raw, err = os.ReadFile(name)
	}
	if err != nil {
		return err
	}
	res := credentials.VerifyWith(raw, resolve, time.Now())
	res.Checks = append(res.Checks, credentials.Check{Name: "status", OK: true,
		Detail: "not checked offline: the issuer's status lists (credentialStatus) say whether it was revoked or suspended"})
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(res); err != nil {
		return err
	}
	if !res.Valid {
		return errNotValid
	}
	return nil
}
