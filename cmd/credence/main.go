// Command credence runs and manages a Credence server.
//
//	credence serve  [--addr 127.0.0.1:8080] [--data ./credence.db] [--max-body 1048576] [--load DIR]
//	credence export [--data ./credence.db | --url URL] [--out FILE | --dir DIR]
//	credence import [--data ./credence.db] [FILE | DIR | -]
//	credence load   [--data ./credence.db] DIR
//	credence eval   [--data ./credence.db | --url URL] --collection NAME [--id ID | --doc JSON] FORMULA
//	credence openapi [--data ./credence.db | --url URL] [--version 3.1|3.0] [--format json|yaml]
//	credence keys create [--data ./credence.db | --url URL] --role ROLE [--subject ID]
//	credence audit verify [--data ./credence.db]
//	credence bench [--docs 10000] [--concurrency 32] [--duration 10s] [--data FILE | postgres://...]
//	credence version
//
// Flags go before or after the arguments, and may also come from the
// environment: CREDENCE_ADDR, CREDENCE_DATA, CREDENCE_MAX_BODY. With --url,
// export, openapi, eval and keys ask a running server instead of opening the
// store.
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
  credence export [--data ./credence.db | --url URL] [--out FILE | --dir DIR]
  credence import [--data ./credence.db] [FILE | DIR | -]
  credence load   [--data ./credence.db] DIR    (a pack: schemas/, documents/)
  credence eval   [--data ./credence.db | --url URL] --collection NAME [--id ID | --doc JSON] [--mode value|bool|filter] FORMULA
  credence openapi [--data ./credence.db | --url URL] [--version 3.1|3.0] [--format json|yaml] [--role ROLE]
  credence keys create [--data ./credence.db | --url URL] --role ROLE [--subject ID] [--name TEXT] [--expires 720h]
  credence audit verify [--data ./credence.db]
  credence verify (--key MULTIKEY | --did did.json) FILE   (a credential, offline: signature and dates)
  credence bench  [--docs 10000] [--concurrency 32] [--duration 10s] [--data FILE | postgres://...]
  credence version

Run "credence COMMAND --help" for a command's purpose, flags and examples;
flags go before or after the arguments.
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
	case "bench":
		return benchCmd(ctx, args, stdout, stderr)
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

// help describes one command for its --help.
type help struct {
	args, purpose string
	examples      []string
}

// helps are the commands' descriptions, by the name newFlags is given.
var helps = map[string]help{
	"serve": {"", "Serve the API, the admin UI and the automations from one store.", []string{
		"credence serve --load examples/certification",
		"credence serve --data postgres://credence@db:5432/credence --addr :8080"}},
	"export": {"", "Write every collection's schema and documents, with their revisions, as NDJSON (the audit log stays with its store).", []string{
		"credence export --out backup.ndjson",
		"credence export --url http://127.0.0.1:8080 --out backup.ndjson   # from a running server, with CREDENCE_ADMIN_KEY"}},
	"import": {"FILE | DIR | -", "Read what export wrote, from a file, a folder of per-collection files, or standard input (-).", []string{
		"credence import backup.ndjson --data restored.db"}},
	"load": {"DIR", "Load a pack (DIR/schemas/*.json, DIR/documents/COLLECTION/*.json) into a stopped store; loading again changes nothing.", []string{
		"credence load examples/certification --data credence.db"}},
	"eval": {"FORMULA", "Evaluate a formula against a stored document or a sample one, as the playground does.", []string{
		`credence eval --collection exams --doc '{"passingScore": 80}' 'doc.passingScore >= 70'`,
		"credence eval --url http://127.0.0.1:8080 --collection exams --id automation-fundamentals 'len(doc.title)'   # on a running server"}},
	"openapi": {"", "Print the OpenAPI document of the store's collections (the admin's: every operation).", []string{
		"credence openapi --format yaml > openapi.yaml",
		"credence openapi --url http://127.0.0.1:8080 > openapi.json   # from a running server"}},
	"keys create": {"", "Create an API key and print its secret, shown this once.", []string{
		`credence keys create --role editor --name "content team"`,
		"credence keys create --url http://127.0.0.1:8080 --role learner --subject learner-42   # on a running server"}},
	"audit verify": {"", "Check that every audit log entry is linked to the one before (nothing removed or changed).", []string{
		"credence audit verify --data credence.db"}},
	"verify": {"FILE | -", "Verify a credential offline: its signature, with the issuer's key or did.json, and its dates.", []string{
		"credence verify --did did.json credential.json"}},
	"bench": {"", "Measure this machine: start a server on a store of its own, create documents, then send gets, lists, sorted lists, filtered lists and creates over loopback, printing requests/s, p50 and p99 latency and CPU per request.", []string{
		"credence bench --docs 10000 --concurrency 32 --duration 10s",
		"credence bench --data postgres://postgres@127.0.0.1:5432/bench?sslmode=disable --scenarios get,create"}},
}

// subcommands are the commands that take a subcommand, and theirs.
var subcommands = map[string]string{"keys": "create", "audit": "verify"}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("credence "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		h := helps[name]
		out := fs.Output()
		fmt.Fprintf(out, "Usage: credence %s [flags] %s\n\n%s\n\nFlags (before or after the arguments):\n", name, h.args, h.purpose)
		fs.PrintDefaults()
		if len(h.examples) > 0 {
			fmt.Fprint(out, "\nExamples:\n")
			for _, e := range h.examples {
				fmt.Fprintf(out, "  %s\n", e)
			}
		}
	}
	return fs
}

// subcommandHelp answers "credence keys" and "credence keys --help": the
// subcommand it takes, with its purpose. It returns flag.ErrHelp when help
// was asked for, and a flagError when the subcommand is missing or wrong.
func subcommandHelp(cmd string, args []string, stderr io.Writer) error {
	sub := subcommands[cmd]
	err := error(flagError{fmt.Errorf("%s: the subcommand is %s", cmd, sub)})
	if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help") {
		err = flag.ErrHelp // as a command's --help: the help on standard error, exit 0
	}
	h := helps[cmd+" "+sub]
	fmt.Fprintf(stderr, "Usage: credence %s %s [flags]\n\n  %s  %s\n\nRun \"credence %s %s --help\" for its flags.\n", cmd, sub, sub, h.purpose, cmd, sub)
	return err
}

// flagError is a command-line error the flag package has already printed.
type flagError struct{ err error }

func (e flagError) Error() string { return e.err.Error() }
func (e flagError) Unwrap() error { return e.err }

// parse parses a command's flags, before, between or after its arguments
// (everything after -- is an argument); errors other than -help come back
// as a flagError, already reported.
func parse(fs *flag.FlagSet, args []string) error {
	var positional []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		if err != nil {
			return flagError{err}
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			positional = append(positional, rest...)
			break
		}
		if len(rest) == 0 {
			break
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
	// Leave the arguments where fs.Args finds them.
	return fs.Parse(append([]string{"--"}, positional...))
}
