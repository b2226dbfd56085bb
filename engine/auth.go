package engine

import (
	"math"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/credence/credence/documents"
)

// authenticate reads the bearer key of a request and puts the caller in
// its context. A request without a key is the anonymous role (public by
// default); a key that is not valid is a 401, and a 429 once the caller's
// address has failed too often (see AuthFailureLimit).
func (h *handlers) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a := documents.Auth{Role: h.cfg.AnonymousRole}
		if hdr := r.Header.Get("Authorization"); hdr != "" {
			var ok bool
			if a, ok = h.authenticateKey(w, r, hdr); !ok {
				return
			}
		}
		if !h.limits.allow(w, a, r) {
			h.problem(w, r, http.StatusTooManyRequests, "too many requests for this key; slow down and try again after Retry-After seconds", nil)
			return
		}
		next.ServeHTTP(w, r.WithContext(documents.WithAuth(r.Context(), a)))
	})
}

// authenticateKey returns the caller of the Authorization header hdr, or
// answers the request (401, 429 or the store's error) and reports false.
func (h *handlers) authenticateKey(w http.ResponseWriter, r *http.Request, hdr string) (documents.Auth, bool) {
	scheme, secret, ok := strings.Cut(hdr, " ")
	secret = strings.TrimSpace(secret)
	wellFormed := ok && strings.EqualFold(scheme, "Bearer") && secret != ""
	if wait := h.failures.wait(r.RemoteAddr); wait > 0 {
		// The address has used up its failures: only a key this node
		// knows to be valid passes, and nothing reaches the store.
		if wellFormed {
			if a, ok := h.svc.AuthenticateCached(secret); ok {
				return a, true
			}
			if h.cfg.Tokens != nil && strings.Count(secret, ".") == 2 {
				if a, ok := h.cfg.Tokens.Verify(secret); ok {
					return a, true
				}
			}
		}
		w.Header().Set("Retry-After", strconv.Itoa(wait))
		h.problem(w, r, http.StatusTooManyRequests, "too many failed authentications from this address; try again after Retry-After seconds", nil)
		return documents.Auth{}, false
	}
	if !wellFormed {
		h.authFailed(r)
		h.unauthorized(w, r, "the Authorization header must be: Bearer <API key>")
		return documents.Auth{}, false
	}
	if h.cfg.Tokens != nil && strings.Count(secret, ".") == 2 {
		// A JWT: an account's access token, checked without the store.
		if a, ok := h.cfg.Tokens.Verify(secret); ok {
			return a, true
		}
		h.authFailed(r)
		h.unauthorized(w, r, "the access token is not valid or has expired: refresh it, or sign in again")
		return documents.Auth{}, false
	}
	a, err := h.svc.Authenticate(r.Context(), secret)
	if err != nil {
		if documents.KindOf(err) == documents.KindUnauthorized {
			h.authFailed(r)
			h.unauthorized(w, r, err.Error())
		} else {
			h.error(w, r, err)
		}
		return documents.Auth{}, false
	}
	return a, true
}

// authFailed counts a failed authentication against the caller's address,
// and logs when it blocks the address.
func (h *handlers) authFailed(r *http.Request) {
	if h.failures.fail(r.RemoteAddr) {
		h.log.WarnContext(r.Context(), "too many failed authentications: address blocked",
			"requestId", requestIDFrom(r.Context()), "remoteAddr", r.RemoteAddr, "retryAfter", h.failures.wait(r.RemoteAddr))
	}
}

func (h *handlers) unauthorized(w http.ResponseWriter, r *http.Request, detail string) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="credence"`)
	h.problem(w, r, http.StatusUnauthorized, detail, nil)
}

// RateLimit is a token bucket per API key (per client address for
// anonymous callers): Burst requests at once, refilled at PerSecond.
type RateLimit struct {
	PerSecond float64
	Burst     int
}

// limiter holds the token buckets, forgetting those idle long enough to
// be full again.
type limiter struct {
	cfg     RateLimit
	now     func() time.Time
	mu      sync.Mutex
	buckets map[string]*bucket
	swept   time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newLimiter(cfg RateLimit, now func() time.Time) *limiter {
	if now == nil {
		now = time.Now
	}
	return &limiter{cfg: cfg, now: now, buckets: map[string]*bucket{}}
}

// allow takes a token for the caller, or sets Retry-After and reports false.
func (l *limiter) allow(w http.ResponseWriter, a documents.Auth, r *http.Request) bool {
	if l == nil || l.cfg.PerSecond <= 0 {
		return true
	}
	id := "key:" + a.KeyID
	if a.KeyID == "" {
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			host = r.RemoteAddr
		}
		id = "addr:" + host
	}
	burst := float64(max(l.cfg.Burst, 1))
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.swept) > time.Minute {
		full := time.Duration(burst / l.cfg.PerSecond * float64(time.Second))
		for k, b := range l.buckets {
			if now.Sub(b.last) > full {
				delete(l.buckets, k)
			}
		}
		l.swept = now
	}
	b, ok := l.buckets[id]
	if !ok {
		b = &bucket{tokens: burst, last: now}
		l.buckets[id] = b
	}
	b.tokens = math.Min(burst, b.tokens+now.Sub(b.last).Seconds()*l.cfg.PerSecond)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true
	}
	wait := math.Ceil((1 - b.tokens) / l.cfg.PerSecond)
	w.Header().Set("Retry-After", strconv.Itoa(int(max(wait, 1))))
	return false
}

// cors answers preflight requests and marks responses for the allowed
// browser origins.
func (h *handlers) cors(next http.Handler) http.Handler {
	allowed := map[string]bool{}
	any := false
	for _, o := range h.cfg.CORSOrigins {
		if o == "*" {
			any = true
		}
		allowed[strings.TrimSuffix(o, "/")] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin == "" || !any && !allowed[origin] {
			next.ServeHTTP(w, r)
			return
		}
		hdr := w.Header()
		hdr.Add("Vary", "Origin")
		hdr.Set("Access-Control-Allow-Origin", origin)
		hdr.Set("Access-Control-Expose-Headers", "ETag, Location, Retry-After, X-Request-Id")
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			hdr.Set("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, PATCH, DELETE")
			hdr.Set("Access-Control-Allow-Headers", "Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, X-Request-Id")
			hdr.Set("Access-Control-Max-Age", "600")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(w, r)
	})
}
