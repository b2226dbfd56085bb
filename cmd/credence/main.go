// Command credence runs and manages a Credence server.
//
//	credence serve  [--addr 127.0.0.1:8080] [--data ./credence.db] [--max-body 1048576] [--load DIR]
//	credence export [--data ./credence.db] [--out FILE | --dir DIR]
//	credence import [--data ./credence.db] [FILE | DIR | -]
//	credence load   [--data ./credence.db] DIR
//	credence eval   [--data ./credence.db] --collection NAME [--id ID | --doc JSON] FORMULA
//	credence openapi [--data ./credence.db] [--version 3.1|3.0] [--format json|yaml]
//	credence keys create [--data ./credence.db] --role ROLE [--subject ID]
//	credence audit verify [--data ./credence.db]
//	credence version
//
// Flags may also come from the environment: CREDENCE_ADDR, CREDENCE_DATA,
// CREDENCE_MAX_BODY.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3".
var version = ""

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		// The flags are printed; asking for them is not a failure.
	case errors.As(err, new(flagError)):
		os.Exit(2) // the flag package has printed the error and the usage
	case err != nil:
		fmt.Fprintln(os.Stderr, "credence:", err)
		os.Exit(1)
	}
}

const usage = `Credence: a headless platform for certification programs.

Usage:
  credence serve  [--addr 127.0.0.1:8080] [--data ./credence.db] [--max-body BYTES] [--load DIR]
  credence export [--data ./credence.db] [--out FILE | --dir DIR]
  credence import [--data ./credence.db] [FILE | DIR | -]
  credence load   [--data ./credence.db] DIR    (a pack: schemas/, documents/)
  credence eval   [--data ./credence.db] --collection NAME [--id ID | --doc JSON] [--mode value|bool|filter] FORMULA
  credence openapi [--data ./credence.db] [--version 3.1|3.0] [--format json|yaml]
  credence keys create [--data ./credence.db] --role ROLE [--subject ID] [--name TEXT] [--expires 720h]
  credence audit verify [--data ./credence.db]
  credence verify (--key MULTIKEY | --did did.json) FILE   (a credential, offline: signature and dates)
  credence version

Run "credence COMMAND --help" for a command's flags.
`

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("no command given")
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "serve":
		return serve(ctx, args, stderr)
	case "export":
		return export(ctx, args, stdout, stderr)
	case "import":
		return importCmd(ctx, args, stdin, stdout, stderr)
	case "load":
		return loadCmd(ctx, args, stdout, stderr)
	case "eval":
		return evalCmd(ctx, args, stdout, stderr)
	case "openapi":
		return openapiCmd(ctx, args, stdout, stderr)
	case "keys":
		return keysCmd(ctx, args, stdout, stderr)
	case "audit":
		return auditCmd(ctx, args, stdout, stderr)
	case "verify":
		return verifyCmd(ctx, args, stdin, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "credence", versionString())
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", cmd)
}

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// env returns the environment variable name, or def when it is unset.
func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	return def
}

func envInt(name string, def int64) (int64, error) {
	v, ok := os.LookupEnv(name)
	if !ok {
		return def, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", name, err)
	}
	return n, nil
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("credence "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// flagError is a command-line error the flag package has already printed.
type flagError struct{ err error }

func (e flagError) Error() string { return e.err.Error() }
func (e flagError) Unwrap() error { return e.err }

// parse parses a command's flags; errors other than -help come back as a
// flagError, already reported.
func parse(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return err
	}
	return flagError{err}
}
