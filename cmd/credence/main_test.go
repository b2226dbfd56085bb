package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// testVersion is stamped into the binary the tests build.
const testVersion = "v0.0.0-clitest"

// binDir holds the credence binary built by the tests, removed by TestMain.
var binDir string

var built struct {
	once sync.Once
	path string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// credenceBinary builds the real credence command once per test run. When
// the tests run with -race, so does the binary: a data race in the server
// under load then fails the test that provoked it.
func credenceBinary(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		goTool, err := exec.LookPath("go")
		if err != nil {
			built.err = fmt.Errorf("the go command is needed to build credence for these tests: %w", err)
			return
		}
		if binDir, err = os.MkdirTemp("", "credence-cmd-test-"); err != nil {
			built.err = err
			return
		}
		built.path = filepath.Join(binDir, "credence")
		args := []string{"build", "-o", built.path, "-ldflags", "-X main.version=" + testVersion}
		if raceEnabled() {
			args = append(args, "-race")
		}
		args = append(args, "github.com/credence/credence/cmd/credence")
		out, err := exec.Command(goTool, args...).CombinedOutput()
		if err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	require.NoError(t, built.err)
	return built.path
}

func raceEnabled() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" {
			return s.Value == "true"
		}
	}
	return false
}

// cleanEnv is the test's environment without any CREDENCE_ variable, so
// that the developer's own settings cannot leak into a test. A -race
// binary would sleep a second on exit to catch late reports; the tests'
// processes have nothing running late.
func cleanEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "CREDENCE_") && !strings.HasPrefix(kv, "GORACE=") {
			env = append(env, kv)
		}
	}
	// Most tests are not about keys: callers without one are admins. The
	// access tests give their own CREDENCE_ANONYMOUS_ROLE.
	env = append(env, "GORACE=atexit_sleep_ms=50", "CREDENCE_ANONYMOUS_ROLE=admin")
	return append(env, extra...)
}

// command returns the credence binary's command with args, in a clean
// environment.
func command(t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(credenceBinary(t), args...)
	cmd.Env = cleanEnv()
	return cmd
}

// runCLI runs the command in-process, as main does, and returns what it
// wrote to standard output and standard error.
func runCLI(t *testing.T, stdin io.Reader, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	var out, errOut bytes.Buffer
	err = run(t.Context(), args, stdin, &out, &errOut)
	return out.String(), errOut.String(), err
}

// server is a running `credence serve` process.
type server struct {
	t    *testing.T
	cmd  *exec.Cmd
	data string
	url  string // http://host:port

	mu    sync.Mutex
	lines []string // its standard error, line by line

	done    chan struct{} // closed when the process has exited
	waitErr error         // set before done is closed
}

// startServe starts `credence serve` on a free port with the data file
// data, waits until it answers /healthz, and stops it (SIGKILL) at the end
// of the test if it is still running. args and env are added to the
// command line and the environment.
func startServe(t *testing.T, data string, args []string, env ...string) *server {
	t.Helper()
	s := startServeNoWait(t, data, args, env...)
	s.waitReady()
	return s
}

func startServeNoWait(t *testing.T, data string, args []string, env ...string) *server {
	t.Helper()
	argv := []string{"serve"}
	if data != "" {
		argv = append(argv, "--data", data)
	}
	argv = append(argv, args...)
	if !hasAddr(argv, env) {
		argv = append(argv, "--addr", "127.0.0.1:0")
	}
	cmd := exec.Command(credenceBinary(t), argv...)
	cmd.Env = cleanEnv(env...)
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	s := &server{t: t, cmd: cmd, data: data, done: make(chan struct{})}
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
		for sc.Scan() {
			s.mu.Lock()
			s.lines = append(s.lines, sc.Text())
			s.mu.Unlock()
		}
		s.waitErr = cmd.Wait()
		close(s.done)
	}()
	t.Cleanup(func() {
		select {
		case <-s.done:
		default:
			cmd.Process.Kill()
			<-s.done
		}
		if t.Failed() {
			t.Logf("credence serve (pid %d) said:\n%s", cmd.Process.Pid, s.stderr())
		}
	})
	return s
}

func hasAddr(argv, env []string) bool {
	for _, a := range argv {
		if a == "--addr" || a == "-addr" || strings.HasPrefix(a, "--addr=") {
			return true
		}
	}
	for _, kv := range env {
		if strings.HasPrefix(kv, "CREDENCE_ADDR=") {
			return true
		}
	}
	return false
}

// waitReady waits for the "credence is serving" line, then for /healthz.
func (s *server) waitReady() {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for s.url == "" {
		if line, ok := s.findLog("credence is serving"); ok {
			s.url = "http://" + line["addr"].(string)
			break
		}
		select {
		case <-s.done:
			s.t.Fatalf("credence serve exited before serving (%v):\n%s", s.waitErr, s.stderr())
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("credence serve did not start in time:\n%s", s.stderr())
		}
	}
	c := newClient(s.t)
	for {
		status, _, err := c.do(http.MethodGet, s.url+"/healthz", "")
		if err == nil && status == http.StatusOK {
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("/healthz: %d %v\n%s", status, err, s.stderr())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// stderr returns everything the process wrote to standard error so far.
func (s *server) stderr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(s.lines, "\n")
}

// logLines returns the JSON log lines written so far, failing the test on
// a line that is not a JSON object.
func (s *server) logLines() []map[string]any {
	s.t.Helper()
	s.mu.Lock()
	lines := append([]string(nil), s.lines...)
	s.mu.Unlock()
	var out []map[string]any
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			s.t.Errorf("a log line is not JSON: %q", l)
			continue
		}
		out = append(out, m)
	}
	return out
}

// findLog returns the first log line whose msg is msg.
func (s *server) findLog(msg string) (map[string]any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, l := range s.lines {
		var m map[string]any
		if json.Unmarshal([]byte(l), &m) == nil && m["msg"] == msg {
			return m, true
		}
	}
	return nil, false
}

// kill sends SIGKILL and waits for the process to be gone.
func (s *server) kill() {
	s.t.Helper()
	require.NoError(s.t, s.cmd.Process.Kill())
	<-s.done
}

// terminate sends SIGTERM and waits up to timeout for the process to exit.
// It returns the exit code.
func (s *server) terminate(timeout time.Duration) int {
	s.t.Helper()
	require.NoError(s.t, s.cmd.Process.Signal(syscall.SIGTERM))
	return s.wait(timeout)
}

// wait waits up to timeout for the process to exit and returns the exit
// code.
func (s *server) wait(timeout time.Duration) int {
	s.t.Helper()
	select {
	case <-s.done:
	case <-time.After(timeout):
		s.t.Fatalf("credence serve still running %v after it was told to stop:\n%s", timeout, s.stderr())
	}
	var ee *exec.ExitError
	if errors.As(s.waitErr, &ee) {
		return ee.ExitCode()
	}
	require.NoError(s.t, s.waitErr)
	return 0
}

// assertNoDataRace fails the test when a -race binary reported a race.
func (s *server) assertNoDataRace() {
	s.t.Helper()
	if out := s.stderr(); strings.Contains(out, "WARNING: DATA RACE") {
		s.t.Errorf("the server reported a data race:\n%s", out)
	}
}

// client is an HTTP client for a test server.
type client struct {
	t  *testing.T
	hc *http.Client
}

func newClient(t *testing.T) *client {
	tr := &http.Transport{MaxIdleConnsPerHost: 64, DisableCompression: true}
	t.Cleanup(tr.CloseIdleConnections)
	return &client{t: t, hc: &http.Client{Transport: tr, Timeout: 30 * time.Second}}
}

// do sends a request with a JSON body (none when body is "") and returns the
// status and the body of the answer.
func (c *client) do(method, url, body string) (int, []byte, error) {
	return c.doHeader(method, url, body, nil)
}

func (c *client) doHeader(method, url, body string, hdr http.Header) (int, []byte, error) {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(context.Background(), method, url, rd)
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range hdr {
		req.Header[k] = v
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, nil, err
	}
	return resp.StatusCode, b, nil
}

// must sends a request that has to get the status want, and returns the body.
func (c *client) must(want int, method, url, body string) []byte {
	c.t.Helper()
	status, b, err := c.do(method, url, body)
	require.NoError(c.t, err, "%s %s", method, url)
	require.Equal(c.t, want, status, "%s %s: %s", method, url, b)
	return b
}
