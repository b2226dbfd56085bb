package engine

import (
	"math"
	"net/netip"
	"sync"
	"sync/atomic"
	"time"
)

// The defaults of AuthFailureLimit.
const (
	// DefaultAuthFailuresPerMinute is how many failed authentications an
	// address earns back each minute: one every 6 seconds.
	DefaultAuthFailuresPerMinute = 10
	// DefaultAuthFailureBurst is how many failed authentications an
	// address may make at once.
	DefaultAuthFailureBurst = 10
	// DefaultAuthFailureAddresses bounds how many addresses are tracked at
	// once: a few hundred bytes each, some 20 MB at worst.
	DefaultAuthFailureAddresses = 100_000
)

// AuthFailureLimit throttles the failed authentications of each client
// address: a malformed Authorization header, or an unknown, revoked or
// expired key. An address may fail Burst times at once and earns a failure
// back every 60/PerMinute seconds. An address with none left gets 429, with
// Retry-After, for any request that carries an Authorization header, and
// the store is not read for it; a key this node authenticated in the last
// few seconds still passes, so that valid callers behind the same address
// keep working while a guesser is stopped. Requests without an
// Authorization header are not counted, and a successful authentication
// gives nothing back: one valid key does not buy more guesses.
//
// The address is the host of the connection's remote address; headers such
// as X-Forwarded-For are not trusted. An IPv6 address counts by its /64,
// the block one subscriber commonly holds.
type AuthFailureLimit struct {
	// PerMinute is how many failures an address earns back each minute:
	// DefaultAuthFailuresPerMinute when 0; negative turns the limit off.
	PerMinute float64
	// Burst is how many failures an address may make at once:
	// DefaultAuthFailureBurst when 0 or less.
	Burst int
	// Addresses bounds how many addresses are tracked at once:
	// DefaultAuthFailureAddresses when 0 or less. While the table is full,
	// the addresses not in it share one bucket of the same size; addresses
	// whose bucket is full again are forgotten every minute.
	Addresses int
}

// failureLimiter holds a token bucket per address, from which each failed
// authentication takes a token; an address with less than one token is
// blocked until the next comes back.
//
// A valid key's request must cost no more than without the limiter: it
// reads an atomic count of the addresses that may be blocked and, only
// when that is not zero, the time the last block ends and then its
// address's bucket, without a lock. Failures take the mutex.
type failureLimiter struct {
	perSecond float64
	burst     float64
	max       int
	now       func() time.Time

	// blocked counts the buckets whose until is set: at least the blocked
	// addresses, more while an expired block has not been noticed.
	blocked atomic.Int64
	// latest is when the last block ends, in Unix nanoseconds: no address
	// is blocked after it, whatever blocked says.
	latest atomic.Int64
	// full says the table holds max addresses: the others share overflow.
	full    atomic.Bool
	buckets sync.Map // netip.Addr → *failBucket, stored and deleted under mu

	mu       sync.Mutex // guards n, swept and the buckets' tokens and last
	n        int
	swept    time.Time
	overflow failBucket
}

type failBucket struct {
	tokens float64 // as of last; it goes below zero when concurrent failures overdraw it
	last   time.Time
	until  atomic.Int64 // Unix nanoseconds until which the address is blocked; 0 when it is not
}

// newFailureLimiter returns the limiter of cfg, or nil when cfg turns it off.
func newFailureLimiter(cfg AuthFailureLimit, now func() time.Time) *failureLimiter {
	if cfg.PerMinute < 0 {
		return nil
	}
	if cfg.PerMinute == 0 {
		cfg.PerMinute = DefaultAuthFailuresPerMinute
	}
	if cfg.Burst <= 0 {
		cfg.Burst = DefaultAuthFailureBurst
	}
	if cfg.Addresses <= 0 {
		cfg.Addresses = DefaultAuthFailureAddresses
	}
	if now == nil {
		now = time.Now
	}
	l := &failureLimiter{perSecond: cfg.PerMinute / 60, burst: float64(cfg.Burst), max: cfg.Addresses, now: now}
	l.overflow.tokens = l.burst
	return l
}

// clientAddr is the address that failures count against: the host of the
// connection's remote address, an IPv6 address by its /64. A remote
// address that is not an IP address (a Unix socket) gives the zero Addr,
// one bucket for all such callers.
func clientAddr(remote string) netip.Addr {
	var a netip.Addr
	if ap, err := netip.ParseAddrPort(remote); err == nil {
		a = ap.Addr()
	} else if a, err = netip.ParseAddr(remote); err != nil {
		return netip.Addr{}
	}
	a = a.Unmap().WithZone("")
	if a.Is6() {
		p, _ := a.Prefix(64)
		return p.Addr()
	}
	return a
}

// wait reports how many whole seconds the address of remote stays blocked:
// 0 when it is not.
func (l *failureLimiter) wait(remote string) int {
	if l == nil || l.blocked.Load() == 0 {
		return 0
	}
	now := l.now()
	if now.UnixNano() >= l.latest.Load() {
		return 0
	}
	b := l.lookup(clientAddr(remote))
	if b == nil || l.unblockEnded(b, now) {
		return 0
	}
	left := b.until.Load() - now.UnixNano()
	if left <= 0 {
		return 0
	}
	return int((left + int64(time.Second) - 1) / int64(time.Second))
}

// unblockEnded clears the block of b if there is none or it has ended, and
// then reports true.
func (l *failureLimiter) unblockEnded(b *failBucket, now time.Time) bool {
	until := b.until.Load()
	if until == 0 {
		return true
	}
	if until > now.UnixNano() {
		return false
	}
	if b.until.CompareAndSwap(until, 0) {
		l.blocked.Add(-1)
	}
	return true
}

// lookup returns the bucket of addr, if it has one.
func (l *failureLimiter) lookup(addr netip.Addr) *failBucket {
	if v, ok := l.buckets.Load(addr); ok {
		return v.(*failBucket)
	}
	if l.full.Load() {
		return &l.overflow
	}
	return nil
}

// fail counts a failed authentication against the address of remote and
// reports whether it took the address's last token.
func (l *failureLimiter) fail(remote string) bool {
	if l == nil {
		return false
	}
	addr := clientAddr(remote)
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.swept) > time.Minute {
		l.sweep(now)
	}
	b := l.bucket(addr, now)
	b.tokens = math.Min(l.burst, b.tokens+max(now.Sub(b.last).Seconds(), 0)*l.perSecond) - 1
	b.last = now
	if b.tokens >= 1 {
		if b.until.Swap(0) != 0 {
			l.blocked.Add(-1)
		}
		return false
	}
	// An overdrawn bucket (concurrent failures that all read the store)
	// stays blocked until it has paid them back.
	until := now.Add(time.Duration((1 - b.tokens) / l.perSecond * float64(time.Second))).UnixNano()
	if until > l.latest.Load() {
		l.latest.Store(until)
	}
	if b.until.Swap(until) == 0 {
		l.blocked.Add(1)
		return true
	}
	return false
}

// bucket returns the bucket of addr, making one while the table has room.
// l.mu is held.
func (l *failureLimiter) bucket(addr netip.Addr, now time.Time) *failBucket {
	if v, ok := l.buckets.Load(addr); ok {
		return v.(*failBucket)
	}
	if l.n >= l.max {
		l.full.Store(true)
		return &l.overflow
	}
	b := &failBucket{tokens: l.burst, last: now}
	l.buckets.Store(addr, b)
	l.n++
	return b
}

// sweep forgets the addresses whose bucket is full again, and clears the
// blocks that have ended. l.mu is held.
func (l *failureLimiter) sweep(now time.Time) {
	l.buckets.Range(func(k, v any) bool {
		b := v.(*failBucket)
		// A full bucket has at least one token: its block has ended.
		if l.unblockEnded(b, now) && b.tokens+now.Sub(b.last).Seconds()*l.perSecond >= l.burst {
			l.buckets.Delete(k)
			l.n--
		}
		return true
	})
	l.unblockEnded(&l.overflow, now)
	l.full.Store(l.n >= l.max)
	l.swept = now
}
