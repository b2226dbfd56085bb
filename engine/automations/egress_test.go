package automations_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
	"github.com/credence/credence/engine/automations"
)

// internalURLs are webhook URLs that reach the server's own network, in
// the spellings an attacker would try, with what the refusal says.
var internalURLs = []struct{ url, want string }{
	{"http://127.0.0.1/", "127.0.0.1 is a loopback address"},
	{"http://127.0.0.53:8080/hook", "loopback"},
	{"http://127.255.255.254/", "loopback"},
	{"http://127.0.0.1./", "loopback"},
	{"http://[::1]/", "::1 is a loopback address"},
	{"http://[0:0:0:0:0:0:0:1]:9000/", "loopback"},
	{"http://[::ffff:127.0.0.1]/", "::ffff:127.0.0.1 is a loopback address"},
	{"http://[::ffff:7f00:1]/", "loopback"},
	{"http://[0:0:0:0:0:ffff:127.0.0.1]/", "loopback"},
	{"http://[::127.0.0.1]/", "IPv4-compatible"},
	{"http://[64:ff9b::127.0.0.1]/", "loopback address (it carries 127.0.0.1)"},
	{"http://[2002:7f00:1::1]/", "loopback address (it carries 127.0.0.1)"},
	{"http://localhost/", "localhost is a loopback name"},
	{"http://LocalHost.:8080/", "loopback name"},
	{"http://api.localhost/", "loopback name"},
	{"http://2130706433/", "usual form"},
	{"http://0x7f.1/", "usual form"},
	{"http://0X7F000001/", "usual form"},
	{"http://127.1/", "usual form"},
	{"http://0177.0.0.1/", "usual form"},
	{"http://017700000001/", "usual form"},
	{"http://127.0.0.0x1/", "usual form"},
	{"http://0/", "usual form"},
	{"http://１２７.０.０.１/", "ASCII"},
	{"http://0.0.0.0/", "unspecified"},
	{"http://[::]/", "unspecified"},
	{"http://0.1.2.3/", "this-network"},
	{"http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"},
	{"http://169.254.0.1/", "link-local"},
	{"http://[::ffff:169.254.169.254]/", "link-local"},
	{"http://[::ffff:a9fe:a9fe]/", "link-local"},
	{"http://[64:ff9b::a9fe:a9fe]/", "link-local"},
	{"http://[fe80::1]/", "link-local"},
	{"http://[fe80::1%25eth0]/", "link-local"},
	{"http://10.0.0.1/", "private"},
	{"http://10.255.255.255/", "private"},
	{"http://172.16.0.1/", "private"},
	{"http://172.31.255.255/", "private"},
	{"http://192.168.1.1/", "private"},
	{"http://[::ffff:10.0.0.1]/", "private"},
	{"http://[::ffff:192.168.0.1]/", "private"},
	{"http://[fc00::1]/", "private"},
	{"http://[fd00:ec2::254]/", "private"},
	{"http://100.64.0.1/", "carrier-grade NAT"},
	{"http://100.127.255.254/", "carrier-grade NAT"},
	{"http://[::ffff:100.64.0.1]/", "carrier-grade NAT"},
	{"http://224.0.0.1/", "multicast"},
	{"http://239.255.255.250/", "multicast"},
	{"http://[ff02::1]/", "multicast"},
	{"http://[ff05::1:3]/", "multicast"},
	{"http://255.255.255.255/", "broadcast"},
	{"http://240.0.0.1/", "reserved"},
	{"http://192.0.0.170/", "IETF protocol"},
	{"http://198.18.0.1/", "benchmarking"},
	{"http://192.0.2.1/", "documentation"},
	{"http://[2001:db8::1]/", "documentation"},
	{"http://[2001::1]/", "IETF protocol"},
	{"http://[fec0::1]/", "site-local"},
	{"http://[64:ff9b:1::a00:1]/", "local-use NAT64"},
}

// host is a URL's host as the save-time check gets it.
func host(t *testing.T, raw string) string {
	t.Helper()
	u, err := url.Parse(raw)
	require.NoError(t, err)
	return u.Hostname()
}

func TestEgressRefusesInternalTargets(t *testing.T) {
	var policy automations.Egress // the default
	for _, tc := range internalURLs {
		t.Run(tc.url, func(t *testing.T) {
			err := policy.CheckHost(host(t, tc.url))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestEgressAcceptsPublicTargets(t *testing.T) {
	var policy automations.Egress
	for _, raw := range []string{
		"https://93.184.216.34/hook",
		"http://[2606:4700::1111]:8443/",
		"http://1.1.1.1/",
		"http://8.8.8.8/",
		"http://100.63.255.255/", // just below carrier-grade NAT
		"http://172.32.0.1/",     // just past 172.16.0.0/12
		"http://11.0.0.1/",
		"http://[::ffff:93.184.216.34]/",
		"http://[64:ff9b::5db8:d822]/", // NAT64 of 93.184.216.34, as DNS64 gives it
		"http://[2002:5db8:d822::1]/",  // 6to4 of 93.184.216.34
		"https://hooks.example.org/credence",
		"https://HOOKS.example.org./credence",
		"https://1e100.net/",
		"https://localhost.example.org/", // a name under example.org, checked when called
	} {
		t.Run(raw, func(t *testing.T) {
			assert.NoError(t, policy.CheckHost(host(t, raw)))
		})
	}
}

func TestEgressAllowListIsHonoured(t *testing.T) {
	policy, err := automations.ParseEgress(" 127.0.0.1/32, hooks.internal.example,10.1.0.0/16,localhost, ::1, fd00:ec2::254,::ffff:192.168.7.0/120")
	require.NoError(t, err)
	for _, tc := range []struct {
		url     string
		allowed bool
	}{
		{"http://127.0.0.1:8080/", true},
		{"http://[::ffff:127.0.0.1]/", true},
		{"http://127.0.0.2/", false},
		{"http://localhost:8080/", true},
		{"http://LOCALHOST./", true},
		{"http://api.localhost/", false},
		{"http://hooks.internal.example/", true},
		{"http://10.1.2.3/", true},
		{"http://10.2.0.1/", false},
		{"http://[::1]/", true},
		{"http://[fd00:ec2::254]/", true},
		{"http://[fd00:ec2::253]/", false},
		{"http://192.168.7.9/", true},
		{"http://192.168.8.1/", false},
		{"http://169.254.169.254/", false},
		{"http://2130706433/", false},
	} {
		t.Run(tc.url, func(t *testing.T) {
			err := policy.CheckHost(host(t, tc.url))
			if tc.allowed {
				assert.NoError(t, err)
			} else {
				assert.Error(t, err)
			}
		})
	}
	assert.Equal(t, []string{"hooks.internal.example", "localhost"}, policy.AllowHosts)
	assert.Contains(t, policy.AllowPrefixes, netip.MustParsePrefix("192.168.7.0/24"), "a mapped prefix is an IPv4 one")
}

func TestEgressAllowListRefusesWhatItCannotRead(t *testing.T) {
	for _, list := range []string{"10.0.0.0/33", "300.1.1.1/8", "fe80::/200", "bad host!", "127.1", "2130706433", "http://hooks.example"} {
		t.Run(list, func(t *testing.T) {
			_, err := automations.ParseEgress(list)
			require.Error(t, err)
			assert.Contains(t, err.Error(), list)
		})
	}
	e, err := automations.ParseEgress("")
	require.NoError(t, err)
	assert.Zero(t, e, "an empty list allows nothing")
}

// counter is an HTTP endpoint that counts its calls.
type counter struct{ calls atomic.Int32 }

func (c *counter) ServeHTTP(w http.ResponseWriter, _ *http.Request) { c.calls.Add(1) }

func TestEgressClientChecksTheAddressDialed(t *testing.T) {
	c := &counter{}
	srv := httptest.NewServer(c) // on 127.0.0.1
	defer srv.Close()
	_, port, err := net.SplitHostPort(srv.Listener.Addr().String())
	require.NoError(t, err)
	byName := "http://localhost:" + port + "/hook"

	for _, tc := range []struct {
		name    string
		policy  automations.Egress
		url     string
		refused bool
	}{
		{"an address, by default", automations.Egress{}, srv.URL, true},
		{"a name resolved to loopback, by default", automations.Egress{}, byName, true},
		{"an address in an allowed prefix", automations.Egress{AllowPrefixes: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}}, srv.URL, false},
		{"a name resolved into an allowed prefix", automations.Egress{AllowPrefixes: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}}, byName, false},
		{"an allowed name", automations.Egress{AllowHosts: []string{"LocalHost"}}, byName, false},
		{"an address, when only a name is allowed", automations.Egress{AllowHosts: []string{"localhost"}}, srv.URL, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := c.calls.Load()
			resp, err := tc.policy.Client(5*time.Second).Post(tc.url, "application/json", strings.NewReader("{}"))
			if !tc.refused {
				require.NoError(t, err)
				resp.Body.Close()
				assert.Equal(t, before+1, c.calls.Load())
				return
			}
			require.Error(t, err)
			var refused *automations.RefusedError
			require.True(t, errors.As(err, &refused), "%v", err)
			assert.Equal(t, "a loopback address", refused.Reason)
			assert.Contains(t, err.Error(), "an operator may allow it with --webhook-allow")
			assert.Equal(t, before, c.calls.Load(), "no connection made")
		})
	}
}

func TestWebhookToANameResolvingInsideIsRefusedWhenCalled(t *testing.T) {
	// Saved where localhost was allowed, called by a runner where it is
	// not: the check at call time is on the address dialed.
	e := newEnvEgress(t, automations.Egress{AllowHosts: []string{"localhost"}})
	e.cfg.Egress = automations.Egress{}
	e.put("_schemas", "certifications", certificationsSchema)
	rc := &receiver{t: t, secret: "s3cret-s3cret-s3cret", clock: e.clock}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	hook := strings.Replace(srv.URL, "127.0.0.1", "localhost", 1) + "/hook"
	e.put("_webhooks", "crm", `{"url": "`+hook+`", "secret": "s3cret-s3cret-s3cret", "events": ["certifications.created"]}`)
	e.put("certifications", "c1", `{"learner": "ada", "status": "active"}`)

	e.runOnce()
	assert.Zero(t, rc.calls)
	msgs := e.messages(`channel == "webhook"`)
	require.Len(t, msgs, 1)
	m := msgs[0]
	assert.Equal(t, "failed", m["status"], "refused for good: the policy would refuse it again")
	assert.EqualValues(t, 1, m["attempts"])
	assert.Contains(t, m["error"], "refused: ")
	assert.Contains(t, m["error"], "is a loopback address; an operator may allow it with --webhook-allow")
	require.Len(t, m["log"], 1)
	assert.Equal(t, m["error"], m["log"].([]any)[0].(map[string]any)["error"])

	e.clock.Advance(2 * time.Hour)
	e.runOnce()
	assert.Zero(t, rc.calls, "not retried")
	assert.EqualValues(t, 1, e.get("_messages", m["id"].(string))["attempts"])

	// The operator allows it and retries the call.
	e.cfg.Egress = automations.Egress{AllowHosts: []string{"localhost"}}
	_, err := e.runner(nil).Retry(e.ctx, m["id"].(string))
	require.NoError(t, err)
	e.runOnce()
	assert.Equal(t, 1, rc.calls)
	assert.Equal(t, "delivered", e.get("_messages", m["id"].(string))["status"])
}

func TestWebhookRedirectIsNotFollowed(t *testing.T) {
	// The receiver, allowed, sends the call on to an internal address.
	e := newEnvEgress(t, automations.Egress{AllowPrefixes: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}})
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("no 127.0.0.2 on this machine: %v", err)
	}
	inside := &counter{}
	internalSrv := &httptest.Server{Listener: ln, Config: &http.Server{Handler: inside}}
	internalSrv.Start()
	defer internalSrv.Close()
	redirector := httptest.NewServer(http.RedirectHandler(internalSrv.URL+"/admin", http.StatusTemporaryRedirect))
	defer redirector.Close()

	e.put("_schemas", "certifications", certificationsSchema)
	e.put("_webhooks", "crm", `{"url": "`+redirector.URL+`/hook", "secret": "s3cret-s3cret-s3cret", "events": ["certifications.created"]}`)
	e.put("certifications", "c1", `{"learner": "ada", "status": "active"}`)
	e.runOnce()

	assert.Zero(t, inside.calls.Load(), "the internal address is not called")
	m := e.messages(`channel == "webhook"`)[0]
	assert.Equal(t, "queued", m["status"], "a redirect is a failed attempt, retried: the receiver may change")
	assert.Contains(t, m["error"], "307")
	assert.Contains(t, m["error"], "redirects are not followed")
}

func TestWebhookURLsInsideTheNetworkAreRefusedOverHTTP(t *testing.T) {
	put := func(t *testing.T, base, url string) (int, []byte) {
		t.Helper()
		body := `{"url": "` + url + `", "secret": "s3cret-s3cret-s3cret"}`
		req, err := http.NewRequest(http.MethodPut, base+"/api/_webhooks/x", bytes.NewReader([]byte(body)))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		return resp.StatusCode, b
	}
	serve := func(t *testing.T, policy automations.Egress) string {
		t.Helper()
		e := newEnvEgress(t, policy)
		srv := httptest.NewServer(engine.New(engine.Config{AnonymousRole: documents.RoleAdmin, Routes: e.runner(nil).Routes}, e.svc))
		t.Cleanup(srv.Close)
		return srv.URL
	}

	base := serve(t, automations.Egress{})
	for _, tc := range internalURLs {
		t.Run(tc.url, func(t *testing.T) {
			status, body := put(t, base, tc.url)
			require.Equal(t, http.StatusUnprocessableEntity, status, "%s", body)
			var problem struct {
				Errors []documents.FieldError `json:"errors"`
			}
			require.NoError(t, json.Unmarshal(body, &problem), "%s", body)
			require.NotEmpty(t, problem.Errors, "%s", body)
			assert.Equal(t, "/url", problem.Errors[0].Path, "%s", body)
		})
	}
	status, body := put(t, base, "http://:8080/hook")
	assert.Equal(t, http.StatusUnprocessableEntity, status, "an empty host dials this machine: %s", body)
	status, body = put(t, base, "https://hooks.example.org/credence")
	assert.Equal(t, http.StatusCreated, status, "a name is checked when called, not saved: %s", body)

	allowed, err := automations.ParseEgress("127.0.0.1")
	require.NoError(t, err)
	base = serve(t, allowed)
	status, body = put(t, base, "http://127.0.0.1:8080/hook")
	assert.Equal(t, http.StatusCreated, status, "%s", body)
	status, _ = put(t, base, "http://169.254.169.254/")
	assert.Equal(t, http.StatusUnprocessableEntity, status, "only what is allowed")
}
