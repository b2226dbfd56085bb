package automations

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"slices"
	"strings"
	"syscall"
	"time"
)

// Egress is the policy of the addresses webhooks may call. It refuses the
// addresses through which a caller could reach the server's own network
// rather than the internet: loopback, unspecified, link-local (cloud
// metadata at 169.254.169.254), private, carrier-grade NAT, multicast,
// broadcast, and the other ranges IANA reserves (documentation,
// benchmarking, protocol assignments, 240.0.0.0/4, IPv6 site-local), in
// IPv4, IPv6, and the IPv6 forms that carry an IPv4 address (mapped,
// compatible, NAT64, 6to4). The zero value refuses all of them and allows
// nothing more.
//
// A webhook's URL is checked twice: its host when the webhook is saved
// (CheckHost: no DNS then), and the address dialed after resolution when
// it is called (Client), so that a name resolving to an internal address,
// now or after a DNS change, is refused too.
type Egress struct {
	// AllowHosts are host names called whatever they resolve to, matched
	// exactly (case and a final dot aside): "hooks.internal.example".
	AllowHosts []string
	// AllowPrefixes are address ranges called although internal:
	// 127.0.0.1/32, 10.1.0.0/16.
	AllowPrefixes []netip.Prefix
}

// ParseEgress reads an allow list: comma-separated host names, IP
// addresses and CIDR prefixes ("127.0.0.1/32,hooks.internal.example,
// 10.1.0.0/16"). An address allows itself alone.
func ParseEgress(list string) (Egress, error) {
	var e Egress
	for entry := range strings.SplitSeq(list, ",") {
		entry = strings.TrimSpace(entry)
		switch {
		case entry == "":
		case strings.Contains(entry, "/"):
			p, err := netip.ParsePrefix(entry)
			if err != nil {
				return Egress{}, fmt.Errorf("allow %q: %w", entry, err)
			}
			if p.Addr().Is4In6() && p.Bits() >= 96 {
				p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
			}
			e.AllowPrefixes = append(e.AllowPrefixes, p.Masked())
		default:
			if a, err := netip.ParseAddr(entry); err == nil {
				a = a.Unmap().WithZone("")
				e.AllowPrefixes = append(e.AllowPrefixes, netip.PrefixFrom(a, a.BitLen()))
				continue
			}
			name := hostName(entry)
			if !validName(name) {
				return Egress{}, fmt.Errorf("allow %q: not a host name, an IP address or a CIDR prefix", entry)
			}
			e.AllowHosts = append(e.AllowHosts, name)
		}
	}
	return e, nil
}

// RefusedError is the error of a webhook target the policy refuses.
type RefusedError struct {
	// Target is the address or the host name refused.
	Target string
	// Reason says what it is: "a loopback address".
	Reason string
}

// Error says what was refused, why, and how an operator may allow it.
func (e *RefusedError) Error() string {
	return fmt.Sprintf("refused: %s is %s; an operator may allow it with --webhook-allow", e.Target, e.Reason)
}

// CheckHost is the check of a webhook URL's host (url.URL.Hostname) when
// it is saved, without DNS: an IP address must be one the policy allows;
// "localhost" and its subdomains are loopback; a host a resolver could
// read as an IPv4 address in a short or non-decimal form (127.1, 0x7f.1,
// 2130706433, 0177.0.0.1), or a non-ASCII host that HTTP clients map to
// ASCII (１２７.０.０.１), is refused as written. Other names are checked
// when called.
func (e Egress) CheckHost(host string) error {
	name := hostName(host)
	if e.allowsName(name) {
		return nil
	}
	if a, err := netip.ParseAddr(name); err == nil {
		return e.CheckAddr(a)
	}
	switch {
	case strings.ContainsFunc(name, func(r rune) bool { return r > 127 }):
		return fmt.Errorf("%s is not an ASCII host name: write an international name in its xn-- form", host)
	case endsInNumber(name) || strings.Contains(name, ":"):
		return fmt.Errorf("%s is not an IP address in its usual form (a.b.c.d, or [IPv6] in brackets)", host)
	case name == "localhost" || strings.HasSuffix(name, ".localhost"):
		return &RefusedError{Target: host, Reason: "a loopback name"}
	}
	return nil
}

// CheckAddr returns a *RefusedError when addr is internal and not allowed.
func (e Egress) CheckAddr(addr netip.Addr) error {
	a := addr.Unmap().WithZone("")
	if slices.ContainsFunc(e.AllowPrefixes, func(p netip.Prefix) bool { return p.Contains(a) }) {
		return nil
	}
	if why := internal(a); why != "" {
		return &RefusedError{Target: addr.String(), Reason: why}
	}
	return nil
}

// Client returns the client of webhook calls: it dials only the addresses
// the policy allows, checked after DNS resolution, on every connection;
// it uses no proxy (one would dial past the check) and follows no
// redirect (a 3xx is the answer, recorded as a failed attempt).
func (e Egress) Client(timeout time.Duration) *http.Client {
	checked := &net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second, Control: e.control}
	named := &net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second}
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		if host, _, err := net.SplitHostPort(addr); err == nil && e.allowsName(hostName(host)) {
			return named.DialContext(ctx, network, addr)
		}
		return checked.DialContext(ctx, network, addr)
	}
	return &http.Client{
		Timeout: timeout,
		Transport: &http.Transport{
			Proxy:               nil,
			DialContext:         dial,
			ForceAttemptHTTP2:   true,
			TLSHandshakeTimeout: 10 * time.Second,
			MaxIdleConns:        32,
			IdleConnTimeout:     90 * time.Second,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// dialTimeout bounds a connection's setup, within the call's timeout.
const dialTimeout = 10 * time.Second

// control runs before each connection, on the resolved "ip:port".
func (e Egress) control(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("refused: cannot read the address dialed: %w", err)
	}
	return e.CheckAddr(ap.Addr())
}

func (e Egress) allowsName(name string) bool {
	return name != "" && slices.ContainsFunc(e.AllowHosts, func(h string) bool { return hostName(h) == name })
}

// hostName is the form host names are compared in.
func hostName(host string) string { return strings.ToLower(strings.TrimSuffix(host, ".")) }

// validName reports whether name can be a DNS host name of the allow list.
func validName(name string) bool {
	if name == "" || endsInNumber(name) {
		return false
	}
	return !strings.ContainsFunc(name, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.' || r == '_')
	})
}

// endsInNumber reports whether the last label of a host is a number,
// decimal or 0x hexadecimal: URL parsers (WHATWG) and inet_aton read such a
// host as an IPv4 address, 127.1 and 0x7f.1 and 2130706433 as 127.0.0.1.
// No DNS name ends so.
func endsInNumber(name string) bool {
	last := name[strings.LastIndexByte(name, '.')+1:]
	if hex, ok := strings.CutPrefix(last, "0x"); ok {
		return !strings.ContainsFunc(hex, func(r rune) bool {
			return !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f')
		})
	}
	return last != "" && !strings.ContainsFunc(last, func(r rune) bool { return r < '0' || r > '9' })
}

// internal says what kind of internal address a is (unmapped, without a
// zone), or "" when it is a public one.
func internal(a netip.Addr) string {
	switch {
	case a.IsUnspecified():
		return "an unspecified address"
	case a.IsLoopback():
		return "a loopback address"
	case a.IsLinkLocalUnicast():
		return "a link-local address"
	case a.IsPrivate():
		return "a private address"
	case a.IsMulticast():
		return "a multicast address"
	case a == netip.AddrFrom4([4]byte{255, 255, 255, 255}):
		return "the broadcast address"
	}
	if v4, ok := embedded(a); ok {
		if why := internal(v4); why != "" {
			return fmt.Sprintf("%s (it carries %s)", why, v4)
		}
	}
	for _, r := range reserved {
		if r.prefix.Contains(a) {
			return r.what
		}
	}
	return ""
}

// embedded returns the IPv4 address an IPv6 translation address carries:
// NAT64 (64:ff9b::/96, RFC 6052) and 6to4 (2002::/16, RFC 3056). A
// gateway would carry a call to it.
func embedded(a netip.Addr) (netip.Addr, bool) {
	b := a.As16()
	switch {
	case nat64.Contains(a):
		return netip.AddrFrom4([4]byte(b[12:16])), true
	case sixToFour.Contains(a):
		return netip.AddrFrom4([4]byte(b[2:6])), true
	}
	return netip.Addr{}, false
}

var (
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour = netip.MustParsePrefix("2002::/16")
)

// reserved are the special-purpose ranges of IANA's registries that the
// netip predicates do not name, none of them the address of a public
// receiver.
var reserved = []struct {
	prefix netip.Prefix
	what   string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "a this-network address"},
	{netip.MustParsePrefix("100.64.0.0/10"), "a carrier-grade NAT address"},
	{netip.MustParsePrefix("192.0.0.0/24"), "an IETF protocol address"},
	{netip.MustParsePrefix("192.0.2.0/24"), "a documentation address"},
	{netip.MustParsePrefix("192.88.99.0/24"), "a 6to4 relay address"},
	{netip.MustParsePrefix("198.18.0.0/15"), "a benchmarking address"},
	{netip.MustParsePrefix("198.51.100.0/24"), "a documentation address"},
	{netip.MustParsePrefix("203.0.113.0/24"), "a documentation address"},
	{netip.MustParsePrefix("240.0.0.0/4"), "a reserved address"},
	{netip.MustParsePrefix("::/96"), "an IPv4-compatible address"},
	{netip.MustParsePrefix("64:ff9b:1::/48"), "a local-use NAT64 address"},
	{netip.MustParsePrefix("100::/64"), "a discard-only address"},
	{netip.MustParsePrefix("2001::/23"), "an IETF protocol address"},
	{netip.MustParsePrefix("2001:db8::/32"), "a documentation address"},
	{netip.MustParsePrefix("3fff::/20"), "a documentation address"},
	{netip.MustParsePrefix("5f00::/16"), "a segment-routing address"},
	{netip.MustParsePrefix("fec0::/10"), "a site-local address"},
}
