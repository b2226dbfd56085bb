package automations_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"net/netip"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine/automations"
	"github.com/credence/credence/store"
	"github.com/credence/credence/store/bolt"
)

// clock is a clock tests move.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// env is a document service and a runner over one bbolt file.
type env struct {
	t     *testing.T
	ctx   context.Context
	st    store.Store
	svc   *documents.Service
	clock *clock
	cfg   automations.Config
	smtp  *smtpServer
}

// newEnv is an environment whose webhooks may call the loopback
// receivers of the tests (httptest servers on 127.0.0.1), which the
// default policy refuses.
func newEnv(t *testing.T) *env {
	t.Helper()
	return newEnvEgress(t, allowLoopback())
}

// allowLoopback is the policy of tests whose receivers listen on
// 127.0.0.1.
func allowLoopback() automations.Egress {
	return automations.Egress{AllowPrefixes: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}}
}

// newEnvEgress is an environment whose webhooks are saved and called
// under egress; tests change e.cfg.Egress to call under another policy.
func newEnvEgress(t *testing.T, egress automations.Egress) *env {
	t.Helper()
	st, err := bolt.Open(filepath.Join(t.TempDir(), "credence.db"), bolt.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	c := newClock()
	ctx := context.Background()
	svc, err := documents.New(ctx, st, documents.Options{Now: c.Now, System: automations.SystemCollections(egress)})
	require.NoError(t, err)
	e := &env{t: t, ctx: ctx, st: st, svc: svc, clock: c}
	e.smtp = startSMTP(t)
	e.cfg = automations.Config{
		Now:         c.Now,
		SMTP:        automations.SMTP{Addr: e.smtp.addr, From: "Certification Team <certs@example.org>", TLS: "none"},
		Egress:      egress,
		Backoff:     automations.Backoff{Base: time.Minute, Max: 10 * time.Minute},
		MaxAttempts: 5,
		LeaseTTL:    10 * time.Second,
		PublicURL:   "https://cert.example.org",
	}
	return e
}

// runner returns a new runner over the environment's service: a node, or
// the same node after a restart.
func (e *env) runner(svc automations.Documents) *automations.Runner {
	if svc == nil {
		svc = e.svc
	}
	return automations.New(svc, e.st, e.cfg)
}

// runOnce runs a fresh runner until there is nothing left to do now.
func (e *env) runOnce() {
	e.t.Helper()
	require.NoError(e.t, e.runner(nil).RunOnce(e.ctx))
}

func (e *env) put(coll, id string, body string) {
	e.t.Helper()
	_, err := e.svc.Put(e.ctx, coll, id, []byte(body), documents.WriteOptions{})
	require.NoError(e.t, err, "put %s/%s", coll, id)
}

func (e *env) patch(coll, id string, body string) {
	e.t.Helper()
	_, err := e.svc.Patch(e.ctx, coll, id, []byte(body), documents.WriteOptions{})
	require.NoError(e.t, err, "patch %s/%s", coll, id)
}

func (e *env) get(coll, id string) map[string]any {
	e.t.Helper()
	d, err := e.svc.Get(e.ctx, coll, id, documents.ReadOptions{})
	require.NoError(e.t, err, "get %s/%s", coll, id)
	var m map[string]any
	require.NoError(e.t, json.Unmarshal(d.JSON, &m))
	return m
}

// list returns the documents of coll the filter selects.
func (e *env) list(coll, filter string) []map[string]any {
	e.t.Helper()
	page, err := e.svc.List(e.ctx, coll, documents.ListOptions{Filter: filter, Limit: documents.MaxLimit})
	require.NoError(e.t, err)
	out := make([]map[string]any, 0, len(page.Items))
	for _, raw := range page.Items {
		var m map[string]any
		require.NoError(e.t, json.Unmarshal(raw, &m))
		out = append(out, m)
	}
	return out
}

// smtpServer is an SMTP server in the test process that keeps what it
// receives.
type smtpServer struct {
	addr string
	mu   sync.Mutex
	mail []received
	// refuse, when set, makes the server refuse the next messages.
	refuse int
}

// received is one message the test server accepted.
type received struct {
	From, To string
	Header   mail.Header
	Text     string
	HTML     string
}

func startSMTP(t *testing.T) *smtpServer {
	t.Helper()
	s := &smtpServer{}
	srv := smtp.NewServer(s)
	srv.Domain = "localhost"
	srv.AllowInsecureAuth = true
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	s.addr = ln.Addr().String()
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return s
}

func (s *smtpServer) NewSession(*smtp.Conn) (smtp.Session, error) { return &smtpSession{srv: s}, nil }

func (s *smtpServer) messages() []received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]received(nil), s.mail...)
}

type smtpSession struct {
	srv      *smtpServer
	from, to string
}

func (ss *smtpSession) Reset()        {}
func (ss *smtpSession) Logout() error { return nil }
func (ss *smtpSession) Mail(from string, _ *smtp.MailOptions) error {
	ss.from = from
	return nil
}
func (ss *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	ss.to = to
	return nil
}
func (ss *smtpSession) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	ss.srv.mu.Lock()
	defer ss.srv.mu.Unlock()
	if ss.srv.refuse > 0 {
		ss.srv.refuse--
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}
	}
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return err
	}
	got := received{From: ss.from, To: ss.to, Header: m.Header}
	got.Text, got.HTML = bodies(m)
	ss.srv.mail = append(ss.srv.mail, got)
	return nil
}

// bodies decodes the text and HTML parts of a message.
func bodies(m *mail.Message) (text, html string) {
	ctype, params, _ := mime.ParseMediaType(m.Header.Get("Content-Type"))
	decodePart := func(r io.Reader, enc string) string {
		if strings.EqualFold(enc, "quoted-printable") {
			r = quotedprintable.NewReader(r)
		}
		b, _ := io.ReadAll(r)
		return string(b)
	}
	if strings.HasPrefix(ctype, "multipart/") {
		mr := multipart.NewReader(m.Body, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if err != nil {
				break
			}
			pt, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
			body := decodePart(p, p.Header.Get("Content-Transfer-Encoding"))
			if pt == "text/html" {
				html = body
			} else {
				text = body
			}
		}
		return text, html
	}
	body := decodePart(m.Body, m.Header.Get("Content-Transfer-Encoding"))
	if ctype == "text/html" {
		return "", body
	}
	return body, ""
}

// subject decodes a message's subject.
func (r received) subject() string {
	s, err := new(mime.WordDecoder).DecodeHeader(r.Header.Get("Subject"))
	if err != nil {
		return r.Header.Get("Subject")
	}
	return s
}
