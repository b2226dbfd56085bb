package main

import (
	"errors"
	"net/http"
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
