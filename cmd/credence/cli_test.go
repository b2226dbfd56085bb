package main

import (
	"errors"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestVersion(t *testing.T) {
	t.Run("in process", func(t *testing.T) {
		stdout, _, err := runCLI(t, nil, "version")
		require.NoError(t, err)
		assert.Regexp(t, `^credence \S+\n$`, stdout)
	})
	t.Run("stamped at build time", func(t *testing.T) {
		out, err := command(t, "version").Output()
		require.NoError(t, err)
		assert.Equal(t, "credence "+testVersion+"\n", string(out))
	})
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		message string // on standard error, beside the usage
	}{
		{"no command", nil, "credence: no command given"},
		{"unknown command", []string{"frobnicate"}, `credence: unknown command "frobnicate"`},
		{"unknown flag", []string{"export", "--bogus"}, "flag provided but not defined: -bogus"},
		{"two import sources", []string{"import", "--data", "x.db", "a", "b"}, "credence: import takes one file or folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := command(t, tt.args...)
			cmd.Dir = t.TempDir()
			var stdout, stderr strings.Builder
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			var ee *exec.ExitError
			require.True(t, errors.As(err, &ee), "want a non-zero exit, got %v", err)
			assert.NotZero(t, ee.ExitCode())
			assert.Contains(t, stderr.String(), tt.message)
			assert.Contains(t, stderr.String(), "Usage")
			assert.Empty(t, stdout.String())
		})
	}
}

func TestHelp(t *testing.T) {
	t.Run("help command", func(t *testing.T) {
		out, err := command(t, "help").Output()
		require.NoError(t, err)
		for _, cmd := range []string{"serve", "export", "import", "version"} {
			assert.Contains(t, string(out), "credence "+cmd)
		}
	})
	t.Run("command flags", func(t *testing.T) {
		// Asking for help is not an error: exit 0, the flags on stderr.
		cmd := command(t, "serve", "--help")
		var stderr strings.Builder
		cmd.Stderr = &stderr
		require.NoError(t, cmd.Run())
		for _, f := range []string{"-addr", "-data", "-max-body", "CREDENCE_ADDR", "CREDENCE_DATA", "CREDENCE_MAX_BODY"} {
			assert.Contains(t, stderr.String(), f)
		}
		assert.NotContains(t, stderr.String(), "credence: flag: help requested")
	})
}

func TestServeConfiguration(t *testing.T) {
	dir := t.TempDir()
	t.Run("environment", func(t *testing.T) {
		data := filepath.Join(dir, "env.db")
		s := startServe(t, "", nil, "CREDENCE_ADDR=127.0.0.1:0", "CREDENCE_DATA="+data)
		line, _ := s.findLog("credence is serving")
		assert.Equal(t, data, line["data"])
		assert.Equal(t, testVersion, line["version"])
		assert.FileExists(t, data)
	})
	t.Run("flags override the environment", func(t *testing.T) {
		envData, flagData := filepath.Join(dir, "from-env.db"), filepath.Join(dir, "from-flag.db")
		// Were CREDENCE_ADDR used, the server would try port 1 and fail.
		s := startServe(t, flagData, []string{"--addr", "127.0.0.1:0"},
			"CREDENCE_ADDR=127.0.0.1:1", "CREDENCE_DATA="+envData)
		line, _ := s.findLog("credence is serving")
		assert.Equal(t, flagData, line["data"])
		assert.NotEqual(t, "127.0.0.1:1", line["addr"])
		assert.FileExists(t, flagData)
		assert.NoFileExists(t, envData)
	})
	t.Run("body limit", func(t *testing.T) {
		c := newClient(t)
		big := `{"type":"object","description":"` + strings.Repeat("x", 200) + `"}`
		s := startServe(t, filepath.Join(dir, "limit-env.db"), nil, "CREDENCE_MAX_BODY=100")
		c.must(http.StatusRequestEntityTooLarge, http.MethodPut, s.url+"/api/_schemas/things", big)

		s = startServe(t, filepath.Join(dir, "limit-flag.db"), []string{"--max-body", "1000"}, "CREDENCE_MAX_BODY=100")
		c.must(http.StatusCreated, http.MethodPut, s.url+"/api/_schemas/things", big)
	})
	t.Run("bad environment value", func(t *testing.T) {
		t.Setenv("CREDENCE_MAX_BODY", "lots")
		_, _, err := runCLI(t, nil, "serve", "--addr", "127.0.0.1:0", "--data", filepath.Join(dir, "never.db"))
		require.Error(t, err)
		assert.Contains(t, err.Error(), "CREDENCE_MAX_BODY")
		assert.NoFileExists(t, filepath.Join(dir, "never.db"))
	})
	t.Run("address in use", func(t *testing.T) {
		s := startServe(t, filepath.Join(dir, "first.db"), nil)
		addr := strings.TrimPrefix(s.url, "http://")
		cmd := command(t, "serve", "--addr", addr, "--data", filepath.Join(dir, "second.db"))
		out, err := cmd.CombinedOutput()
		require.Error(t, err, "%s", out)
		assert.Contains(t, string(out), "address already in use")
	})
	t.Run("data file in use", func(t *testing.T) {
		data := filepath.Join(dir, "shared.db")
		startServe(t, data, nil)
		cmd := command(t, "serve", "--addr", "127.0.0.1:0", "--data", data)
		out, err := cmd.CombinedOutput()
		require.Error(t, err, "%s", out)
		assert.Contains(t, string(out), "in use")
	})
}

// TestCommandHelp: every command says what it is for, what it takes and
// how it is used, and asking for it is not an error.
func TestCommandHelp(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"load", "--help"}, []string{"Usage: credence load [flags] DIR", "Load a pack", "Examples:", "credence load examples/certification"}},
		{[]string{"import", "--help"}, []string{"FILE | DIR | -", "Read what export wrote"}},
		{[]string{"export", "--help"}, []string{"every collection", "--url"}},
		{[]string{"openapi", "--help"}, []string{"OpenAPI document", "-role", "-url"}},
		{[]string{"eval", "--help"}, []string{"FORMULA", "Evaluate a formula"}},
		{[]string{"keys", "--help"}, []string{"Usage: credence keys create [flags]", "Create an API key"}},
		{[]string{"keys", "create", "--help"}, []string{"-role", "-subject", "-url", "Create an API key"}},
		{[]string{"audit", "--help"}, []string{"Usage: credence audit verify [flags]", "Check that every audit log entry"}},
		{[]string{"audit", "verify", "--help"}, []string{"-data", "Examples:"}},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			cmd := command(t, tt.args...)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			require.NoError(t, cmd.Run(), "asking for help exits 0: %s", stderr.String())
			for _, w := range tt.want {
				assert.Contains(t, stderr.String(), w)
			}
		})
	}
	// A missing subcommand is a usage error, with the help.
	cmd := command(t, "keys")
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	require.True(t, errors.As(err, &ee), "%s", out)
	assert.Equal(t, 2, ee.ExitCode())
	assert.Contains(t, string(out), "credence keys create")
}

// TestFlagsAfterArguments: flags go before, between or after the
// arguments; after --, everything is an argument.
func TestFlagsAfterArguments(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "x.db")
	stdout, stderr, err := runCLI(t, nil, "load", "../../examples/certification", "--data", data)
	require.NoError(t, err, stderr)
	assert.Contains(t, stdout, "loaded ../../examples/certification")
	assert.FileExists(t, data)

	out := filepath.Join(dir, "out.ndjson")
	_, stderr, err = runCLI(t, nil, "export", "--out", out, "--data", data)
	require.NoError(t, err, stderr)
	other := filepath.Join(dir, "y.db")
	stdout, stderr, err = runCLI(t, nil, "import", out, "--data", other)
	require.NoError(t, err, stderr)
	assert.Contains(t, stdout, "imported")
	assert.FileExists(t, other)

	stdout, stderr, err = runCLI(t, nil, "eval", "--data", data, "--collection", "exams", "doc.passingScore + 1", "--doc", `{"passingScore": 80}`)
	require.NoError(t, err, stderr)
	assert.Contains(t, stdout, "81")

	// After --, a dash is an argument: here, a file named -x that does not exist.
	_, _, err = runCLI(t, nil, "import", "--data", filepath.Join(dir, "z.db"), "--", "-x")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "-x")
}

// TestCommandsAgainstARunningServer: openapi, keys create and export work
// with --url while the server holds the bbolt file.
func TestCommandsAgainstARunningServer(t *testing.T) {
	data := filepath.Join(t.TempDir(), "live.db")
	s := startServe(t, data, []string{"--load", "../../examples/certification"}, "CREDENCE_ADMIN_KEY="+testAdminKey)
	t.Setenv("CREDENCE_ADMIN_KEY", testAdminKey)

	// Without --url, the file is in use: the message says what to do.
	_, _, err := runCLI(t, nil, "openapi", "--data", data)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "in use")

	stdout, stderr, err := runCLI(t, nil, "openapi", "--url", s.url)
	require.NoError(t, err, stderr)
	assert.Contains(t, stdout, `"/api/_keys"`, "the admin key's spec is the whole API")
	assert.Contains(t, stdout, `"url": "`+s.url+`"`)

	stdout, stderr, err = runCLI(t, nil, "keys", "create", "--url", s.url, "--role", "learner", "--subject", "ada")
	require.NoError(t, err, stderr)
	secret := strings.TrimSpace(stdout)
	require.NotEmpty(t, secret)
	// The learner's key works, and its spec is a learner's.
	stdout, stderr, err = runCLI(t, nil, "openapi", "--url", s.url, "--key", secret)
	require.NoError(t, err, stderr)
	assert.NotContains(t, stdout, `"/api/_keys"`)

	out := filepath.Join(t.TempDir(), "live.ndjson")
	_, stderr, err = runCLI(t, nil, "export", "--url", s.url, "--out", out)
	require.NoError(t, err, stderr)
	exported, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(exported), `"collection":"exams"`)
	// It restores into a new store.
	stdout, stderr, err = runCLI(t, nil, "import", out, "--data", filepath.Join(t.TempDir(), "restored.db"))
	require.NoError(t, err, stderr)
	assert.Contains(t, stdout, "imported")

	dir := filepath.Join(t.TempDir(), "by-collection")
	_, stderr, err = runCLI(t, nil, "export", "--url", s.url, "--dir", dir)
	require.NoError(t, err, stderr)
	assert.FileExists(t, filepath.Join(dir, "exams.ndjson"))

	// A learner may not export: the refusal is said, and no file is left.
	bad := filepath.Join(t.TempDir(), "bad.ndjson")
	_, _, err = runCLI(t, nil, "export", "--url", s.url, "--key", secret, "--out", bad)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "403")
	assert.NoFileExists(t, bad)
}
