package main

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/engine/automations"
)

// mailbox is an SMTP server in the test process; it keeps the raw
// messages it receives.
type mailbox struct {
	addr string
	mu   sync.Mutex
	got  []string
}

func startMailbox(t *testing.T) *mailbox {
	t.Helper()
	mb := &mailbox{}
	srv := smtp.NewServer(mb)
	srv.Domain = "localhost"
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	mb.addr = ln.Addr().String()
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return mb
}

func (mb *mailbox) NewSession(*smtp.Conn) (smtp.Session, error) { return mailSession{mb}, nil }

func (mb *mailbox) messages() []string {
	mb.mu.Lock()
	defer mb.mu.Unlock()
	return append([]string(nil), mb.got...)
}

type mailSession struct{ mb *mailbox }

func (mailSession) Reset()                               {}
func (mailSession) Logout() error                        { return nil }
func (mailSession) Mail(string, *smtp.MailOptions) error { return nil }
func (mailSession) Rcpt(string, *smtp.RcptOptions) error { return nil }
func (s mailSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.mb.mu.Lock()
	s.mb.got = append(s.mb.got, string(b))
	s.mb.mu.Unlock()
	return nil
}

func TestServeRunsAutomationsAndSendsEmail(t *testing.T) {
	mb := startMailbox(t)
	srv := startServe(t, filepath.Join(t.TempDir(), "credence.db"), []string{
		"--smtp-addr", mb.addr, "--smtp-tls", "none", "--smtp-from", "Certs <certs@example.org>",
		"--automation-poll", "20ms", "--public-url", "https://cert.example.org",
	})
	c := newClient(t)
	c.must(http.StatusCreated, http.MethodPut, srv.url+"/api/_schemas/learners",
		`{"type": "object", "properties": {"email": {"type": "string"}, "name": {"type": "string"}}}`)
	c.must(http.StatusCreated, http.MethodPut, srv.url+"/api/_templates/welcome",
		`{"subject": "Welcome, {{.doc.name}}", "text": "Hello {{.doc.name}}", "html": "<p>Hello {{.doc.name}}</p>"}`)
	c.must(http.StatusCreated, http.MethodPut, srv.url+"/api/_automations/welcome", `{
	  "on": {"collection": "learners", "events": ["created"]},
	  "do": [{"message": {"template": "welcome", "to": "{email: doc.email, name: doc.name, subject: doc.id}"}}]}`)
	status, body, err := c.do(http.MethodPut, srv.url+"/api/_automations/broken",
		`{"on": {"collection": "learners", "events": ["created"]}, "when": "doc.nme ==="}`)
	require.NoError(t, err)
	assert.Equal(t, http.StatusUnprocessableEntity, status, "%s", body)
	assert.Contains(t, string(body), `"/when"`)

	c.must(http.StatusCreated, http.MethodPut, srv.url+"/api/learners/ada", `{"email": "ada@example.org", "name": "Ada"}`)
	require.Eventually(t, func() bool { return len(mb.messages()) == 1 }, 10*time.Second, 20*time.Millisecond)
	raw := mb.messages()[0]
	assert.Contains(t, raw, "Subject: Welcome, Ada")
	assert.Contains(t, raw, "To: <ada@example.org>")

	list := func(filter string) []map[string]any {
		b := c.must(http.StatusOK, http.MethodGet, srv.url+"/api/_messages?filter="+url.QueryEscape(filter), "")
		var page struct {
			Items []map[string]any `json:"items"`
		}
		require.NoError(t, json.Unmarshal(b, &page))
		return page.Items
	}
	require.Eventually(t, func() bool { return len(list(`status == "sent"`)) == 1 }, 5*time.Second, 20*time.Millisecond)

	// The pixel, unauthenticated, marks the message opened.
	unfolded := strings.ReplaceAll(strings.ReplaceAll(raw, "=\r\n", ""), "=3D", "=")
	m := regexp.MustCompile(`https://cert\.example\.org(/track/[^"]+)"`).FindStringSubmatch(unfolded)
	require.Len(t, m, 2, raw)
	resp, err := http.Get(srv.url + m[1])
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Len(t, list(`status == "opened"`), 1)

	assert.Equal(t, 0, srv.terminate(10*time.Second), "a clean stop with the worker running")
}

func TestAutomationFlagsAreChecked(t *testing.T) {
	_, _, err := runCLI(t, nil, "serve", "--data", filepath.Join(t.TempDir(), "x.db"), "--addr", "127.0.0.1:0", "--smtp-tls", "sometimes")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "--smtp-tls")
}

func TestWebhookAllowFlagParses(t *testing.T) {
	fs := newFlags("serve", io.Discard)
	f, err := addAutomationFlags(fs)
	require.NoError(t, err)
	require.NoError(t, fs.Parse([]string{"--webhook-allow", "127.0.0.1/32,hooks.internal.example,10.1.0.0/16"}))
	cfg, err := f.config(nil)
	require.NoError(t, err)
	assert.Equal(t, automations.Egress{
		AllowHosts:    []string{"hooks.internal.example"},
		AllowPrefixes: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("10.1.0.0/16")},
	}, cfg.Egress)
}

func TestWebhookAllowFlagIsCheckedAtStart(t *testing.T) {
	data := filepath.Join(t.TempDir(), "x.db")
	for _, tc := range []struct {
		name string
		args []string
		env  string
	}{
		{"serve, a bad prefix", []string{"serve", "--data", data, "--addr", "127.0.0.1:0", "--webhook-allow", "127.0.0.1/32,10.0.0.0/33"}, ""},
		{"serve, from the environment", []string{"serve", "--data", data, "--addr", "127.0.0.1:0"}, "hooks.internal.example,10.0.0.0/33"},
		{"load, a bad prefix", []string{"load", "--data", data, "--webhook-allow", "10.0.0.0/33", t.TempDir()}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.env != "" {
				t.Setenv("CREDENCE_WEBHOOK_ALLOW", tc.env)
			}
			_, _, err := runCLI(t, nil, tc.args...)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "--webhook-allow")
			assert.Contains(t, err.Error(), "10.0.0.0/33")
		})
	}
}

func TestServeRefusesInternalWebhooksUnlessAllowed(t *testing.T) {
	srv := startServe(t, filepath.Join(t.TempDir(), "credence.db"), []string{"--webhook-allow", "127.0.0.1"})
	c := newClient(t)
	hook := func(url string) string { return `{"url": "` + url + `", "secret": "s3cret-s3cret-s3cret"}` }
	c.must(http.StatusCreated, http.MethodPut, srv.url+"/api/_webhooks/local", hook("http://127.0.0.1:9000/hook"))
	body := c.must(http.StatusUnprocessableEntity, http.MethodPut, srv.url+"/api/_webhooks/metadata", hook("http://169.254.169.254/latest/meta-data/"))
	assert.Contains(t, string(body), `"/url"`)
	assert.Contains(t, string(body), "169.254.169.254 is a link-local address")
}
