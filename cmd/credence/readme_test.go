package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readmeBlock is a shell block of the README, with the answer the README
// shows right after it, if any.
type readmeBlock struct {
	line     int    // where the block starts
	heading  string // the section it is in
	script   string
	skip     string // why it is not run: the <!-- not run: ... --> before it
	expected string // the json or text block right after it
	kind     string // "json" or "text"
}

// readmeBlocks reads the ```sh blocks of a Markdown file.
func readmeBlocks(t *testing.T, path string) []readmeBlock {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var (
		blocks  []readmeBlock
		heading string
		prev    string // the last non-empty line outside a fence
		fence   string // the open fence's language, "" outside
		body    strings.Builder
		start   int
		// wantAnswer is the block an answer right after belongs to.
		wantAnswer = -1
	)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		if fence != "" {
			if trimmed == "```" {
				switch {
				case fence == "sh":
					b := readmeBlock{line: start, heading: heading, script: body.String()}
					if s, ok := strings.CutPrefix(prev, "<!-- not run:"); ok {
						b.skip = strings.TrimSpace(strings.TrimSuffix(s, "-->"))
					}
					blocks = append(blocks, b)
					wantAnswer = len(blocks) - 1
				case wantAnswer >= 0 && (fence == "json" || fence == "text"):
					blocks[wantAnswer].expected, blocks[wantAnswer].kind = body.String(), fence
					wantAnswer = -1
				default:
					wantAnswer = -1
				}
				fence, prev = "", "```"
				body.Reset()
				continue
			}
			body.WriteString(line + "\n")
			continue
		}
		if lang, ok := strings.CutPrefix(trimmed, "```"); ok {
			fence, start = lang, n
			if lang == "" {
				fence = "plain"
			}
			continue
		}
		if trimmed == "" {
			continue
		}
		wantAnswer = -1 // prose between a command and a block: not its answer
		if strings.HasPrefix(line, "#") {
			heading = strings.TrimSpace(strings.TrimLeft(line, "#"))
		}
		prev = trimmed
	}
	require.NoError(t, sc.Err())
	require.Empty(t, fence, "a fence is left open")
	return blocks
}

// TestREADME runs every shell block of the README and of the pack's, in
// order, in one shell session per file against a server started as the
// README starts it, and checks each answer against the one the README
// shows after the block. A block that cannot run here says why in a
// <!-- not run: ... --> comment before it. Any problem+json answer the
// README does not show is a failure.
func TestREADME(t *testing.T) {
	if testing.Short() {
		t.Skip("the README tour starts a server and runs curl: not in -short")
	}
	for _, tool := range []string{"bash", "curl"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("the README's commands need %s, which is not installed", tool)
		}
	}
	for _, tt := range []struct {
		name, file string
		args       []string
	}{
		// The sign-up section adds --signup open to "Run it".
		{"README", "../../README.md", []string{"--signup", "open"}},
		{"certification pack", "../../examples/certification/README.md", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			runREADME(t, tt.file, tt.args)
		})
	}
}

// runREADME runs the shell blocks of one Markdown file.
func runREADME(t *testing.T, file string, args []string) {
	blocks := readmeBlocks(t, file)
	require.NotEmpty(t, blocks)

	const adminKey = "change-me-to-a-secret-of-32-characters-or-more"
	work := t.TempDir()
	// As "Run it" says, on a free port and a new data file, with the
	// anonymous role the README's readers get.
	s := startServe(t, filepath.Join(work, "credence.db"),
		append([]string{"--load", "../../examples/certification"}, args...),
		"CREDENCE_ADMIN_KEY="+adminKey, "CREDENCE_ANONYMOUS_ROLE=public")
	bin := filepath.Dir(credenceBinary(t))
	state := filepath.Join(work, "state.sh")
	ran := 0
	for _, b := range blocks {
		name := fmt.Sprintf("%s:%d %s", filepath.Base(file), b.line, b.heading)
		if b.skip != "" {
			t.Logf("%s: not run: %s", name, b.skip)
			continue
		}
		ran++
		script := strings.NewReplacer("http://127.0.0.1:8080", s.url, "http://localhost:8080", s.url, "127.0.0.1:8080", strings.TrimPrefix(s.url, "http://")).Replace(b.script)
		// One session across blocks: what a block sets, the next one sees.
		wrapped := "set -a\n[ -f " + state + " ] && . " + state + " 2>/dev/null\n" + script + "\nexport -p > " + state + "\n"
		cmd := exec.Command("bash", "-e", "-o", "pipefail", "-c", wrapped)
		cmd.Dir = work
		cmd.Env = append(cleanEnv("CREDENCE_ADMIN_KEY="+adminKey), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
		out, err := cmd.CombinedOutput()
		if !assert.NoError(t, err, "%s failed:\n%s\n---\n%s", name, b.script, out) {
			continue
		}
		checkAnswer(t, name, b, out)
	}
	t.Logf("ran %d of the %d shell blocks of %s", ran, len(blocks), file)
}

// checkAnswer compares a block's output with the answer the README shows.
func checkAnswer(t *testing.T, name string, b readmeBlock, out []byte) {
	t.Helper()
	got := jsonValues(out)
	var shown []any
	if b.kind == "json" {
		dec := json.NewDecoder(strings.NewReader(b.expected))
		for dec.More() {
			var v any
			require.NoError(t, dec.Decode(&v), "%s: the README's answer is not JSON", name)
			shown = append(shown, v)
		}
	}
	for _, want := range shown {
		found := false
		for _, g := range got {
			if matches(want, g) {
				found = true
				break
			}
		}
		assert.True(t, found, "%s: the README shows\n%s\nbut the commands answered\n%s", name, b.expected, out)
	}
	if b.kind == "text" {
		for _, line := range strings.Split(strings.TrimSpace(b.expected), "\n") {
			assert.Contains(t, string(out), strings.TrimSpace(line), "%s: the README shows this line", name)
		}
	}
	// A problem the README does not show is a command that does not work.
	for _, g := range got {
		m, ok := g.(map[string]any)
		if typ, _ := m["type"].(string); !ok || !strings.HasPrefix(typ, "urn:credence:problem") {
			continue
		}
		shownHere := false
		for _, want := range shown {
			shownHere = shownHere || matches(want, g)
		}
		assert.True(t, shownHere, "%s answered a problem the README does not show:\n%s\n---\n%s", name, b.script, out)
	}
}

// jsonValues decodes every JSON object or array that starts a line of out.
func jsonValues(out []byte) []any {
	var vals []any
	for i := 0; i < len(out); {
		j := i
		for j < len(out) && (out[j] == ' ' || out[j] == '\t') {
			j++
		}
		if j < len(out) && (out[j] == '{' || out[j] == '[') {
			dec := json.NewDecoder(bytes.NewReader(out[j:]))
			var v any
			if dec.Decode(&v) == nil {
				vals = append(vals, v)
				i = j + int(dec.InputOffset())
				continue
			}
		}
		nl := bytes.IndexByte(out[i:], '\n')
		if nl < 0 {
			break
		}
		i += nl + 1
	}
	return vals
}

// matches reports whether got holds what want shows: every member of an
// object (others may be there too), every item of an array somewhere in
// got's, equal scalars; a string "..." matches any value, and a string
// with "..." in it any text with the same start and end.
func matches(want, got any) bool {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return false
		}
		for k, wv := range w {
			gv, present := g[k]
			if !present || !matches(wv, gv) {
				return false
			}
		}
		return true
	case []any:
		g, ok := got.([]any)
		if !ok {
			return false
		}
		for _, wv := range w {
			found := false
			for _, gv := range g {
				if matches(wv, gv) {
					found = true
					break
				}
			}
			if !found {
				return false
			}
		}
		return true
	case string:
		if w == "..." {
			return true
		}
		g, ok := got.(string)
		if !ok {
			return false
		}
		if before, after, cut := strings.Cut(w, "..."); cut {
			return strings.HasPrefix(g, before) && strings.HasSuffix(g, after) && len(g) >= len(before)+len(after)
		}
		return w == g
	}
	return want == got
}

func TestMatches(t *testing.T) {
	for _, tt := range []struct {
		want, got string
		ok        bool
	}{
		{`{"a":1}`, `{"a":1,"b":2}`, true},
		{`{"a":1}`, `{"a":2}`, false},
		{`{"c":1}`, `{"a":1}`, false},
		{`{"id":"..."}`, `{"id":"01k9"}`, true},
		{`{"id":"crd_..."}`, `{"id":"crd_x1"}`, true},
		{`{"id":"crd_..."}`, `{"id":"x1"}`, false},
		{`{"items":[{"id":"b"}]}`, `{"items":[{"id":"a"},{"id":"b"}]}`, true},
		{`{"items":[{"id":"c"}]}`, `{"items":[{"id":"a"},{"id":"b"}]}`, false},
		{`{"v":true}`, `{"v":"true"}`, false},
	} {
		var w, g any
		require.NoError(t, json.Unmarshal([]byte(tt.want), &w))
		require.NoError(t, json.Unmarshal([]byte(tt.got), &g))
		assert.Equal(t, tt.ok, matches(w, g), "%s in %s", tt.want, tt.got)
	}
	assert.Len(t, jsonValues([]byte("HTTP/1.1 200 OK\nETag: \"x\"\n\n{\"a\":1}\n[1,2]\nnot json {\n")), 2)
}
