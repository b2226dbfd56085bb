package engine_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
	"github.com/credence/credence/store"
	"github.com/credence/credence/store/bolt"
)

// countingStore is a store that counts its read transactions: each
// authentication that misses the key cache is one.
type countingStore struct {
	store.Store
	views atomic.Int64
}

func (s *countingStore) View(ctx context.Context, fn func(store.Reader) error) error {
	s.views.Add(1)
	return s.Store.View(ctx, fn)
}

// manualClock is a time that moves only when the test says so.
type manualClock struct{ ns atomic.Int64 }

func newManualClock() *manualClock {
	c := &manualClock{}
	c.ns.Store(time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC).UnixNano())
	return c
}

func (c *manualClock) now() time.Time          { return time.Unix(0, c.ns.Load()).UTC() }
func (c *manualClock) advance(d time.Duration) { c.ns.Add(int64(d)) }

// failureServer is the router with a failure limit, on a bbolt store whose
// reads are counted, with a collection anyone may read (directory) and the
// service and the limits on one manual clock.
type failureServer struct {
	handler http.Handler
	svc     *documents.Service
	st      *countingStore
	clock   *manualClock
}

func newFailureServer(t *testing.T, cfg engine.Config) *failureServer {
	t.Helper()
	bs, err := bolt.Open(filepath.Join(t.TempDir(), "credence.db"), bolt.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { bs.Close() })
	st := &countingStore{Store: bs}
	clock := newManualClock()
	svc, err := documents.New(t.Context(), st, documents.Options{Now: clock.now})
	require.NoError(t, err)
	_, err = svc.Put(t.Context(), documents.SchemasCollection, "directory", []byte(accessDirectory), documents.WriteOptions{})
	require.NoError(t, err)
	cfg.AnonymousRole = documents.RolePublic
	cfg.Now = clock.now
	return &failureServer{handler: engine.New(cfg, svc), svc: svc, st: st, clock: clock}
}

// key defines a key of role and returns its Authorization header value.
func (s *failureServer) key(t *testing.T, role string) string {
	t.Helper()
	secret, _, err := s.svc.PutKey(t.Context(), documents.KeySpec{Role: role})
	require.NoError(t, err)
	return "Bearer " + secret
}

// from reads the directory from the client address addr (host:port) with
// the Authorization header auth ("" for none).
func (s *failureServer) from(addr, auth string) *response {
	r := httptest.NewRequest(http.MethodGet, "/api/directory", nil)
	r.RemoteAddr = addr
	if auth != "" {
		r.Header.Set("Authorization", auth)
	}
	rec := httptest.NewRecorder()
	s.handler.ServeHTTP(rec, r)
	return &response{Code: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
}

// assertThrottled checks that resp is the 429 of an address that failed
// too often, and returns its Retry-After.
func assertThrottled(t *testing.T, resp *response) int {
	t.Helper()
	p := assertProblem(t, resp, http.StatusTooManyRequests)
	assert.Contains(t, p["detail"], "too many failed authentications from this address")
	retry, err := strconv.Atoi(resp.Header.Get("Retry-After"))
	if assert.NoError(t, err, "Retry-After: %q", resp.Header.Get("Retry-After")) {
		assert.Positive(t, retry)
	}
	return retry
}

func TestAuthFailureLimit(t *testing.T) {
	// The defaults: 10 failures at once, one more every 6 seconds.
	s := newFailureServer(t, engine.Config{})
	const guesser, neighbour = "198.51.100.7", "203.0.113.9"
	recent, unused := s.key(t, "learner"), s.key(t, "learner")
	require.Equal(t, http.StatusOK, s.from(guesser+":50000", recent).Code, "a key in use before the guessing")

	reads := s.st.views.Load()
	var retry int
	for i := range 30 {
		// Each guess on a new connection: the port does not matter.
		resp := s.from(fmt.Sprintf("%s:%d", guesser, 40000+i), fmt.Sprintf("Bearer crd_guess-%d", i))
		if i < engine.DefaultAuthFailureBurst {
			assertProblem(t, resp, http.StatusUnauthorized)
			continue
		}
		retry = assertThrottled(t, resp)
		assert.LessOrEqual(t, retry, 6, "one failure comes back every 6 s")
	}
	assert.LessOrEqual(t, s.st.views.Load()-reads, int64(engine.DefaultAuthFailureBurst), "store reads for 30 guesses")

	t.Run("a recently used key still passes", func(t *testing.T) {
		assert.Equal(t, http.StatusOK, s.from(guesser+":50000", recent).Code)
	})
	t.Run("a key not used recently waits, without a store read", func(t *testing.T) {
		reads := s.st.views.Load()
		assertThrottled(t, s.from(guesser+":50001", unused))
		assertThrottled(t, s.from(guesser+":50001", "Basic YWRtaW46YWRtaW4="))
		assert.Equal(t, reads, s.st.views.Load())
	})
	t.Run("anonymous requests are not throttled", func(t *testing.T) {
		assert.Equal(t, http.StatusOK, s.from(guesser+":50002", "").Code)
	})
	t.Run("another address is not throttled", func(t *testing.T) {
		assertProblem(t, s.from(neighbour+":40000", "Bearer crd_typo"), http.StatusUnauthorized)
		assert.Equal(t, http.StatusOK, s.from(neighbour+":40000", unused).Code)
	})
	t.Run("after Retry-After the address may try again", func(t *testing.T) {
		s.clock.advance(time.Duration(retry) * time.Second)
		assert.Equal(t, http.StatusOK, s.from(guesser+":50003", unused).Code, "a valid key takes no token")
		assertProblem(t, s.from(guesser+":50004", "Bearer crd_guess-again"), http.StatusUnauthorized)
		assertThrottled(t, s.from(guesser+":50005", "Bearer crd_guess-more"))
	})
}

func TestAuthFailureLimitCountsEveryFailure(t *testing.T) {
	s := newFailureServer(t, engine.Config{AuthFailures: engine.AuthFailureLimit{Burst: 2}})
	ctx := t.Context()
	revokedKey, revoked, err := s.svc.PutKey(ctx, documents.KeySpec{Role: "learner"})
	require.NoError(t, err)
	_, err = s.svc.Patch(ctx, documents.KeysCollection, revoked.ID, []byte(`{"revoked":true}`), documents.WriteOptions{})
	require.NoError(t, err)
	expiredKey, _, err := s.svc.PutKey(ctx, documents.KeySpec{Role: "learner", ExpiresAt: s.clock.now().Add(-time.Minute)})
	require.NoError(t, err)

	tests := []struct {
		name, auth string
	}{
		{"unknown key", "Bearer crd_nobody"},
		{"revoked key", "Bearer " + revokedKey},
		{"expired key", "Bearer " + expiredKey},
		{"empty bearer", "Bearer "},
		{"basic", "Basic YWRtaW46YWRtaW4="},
		{"no scheme", revokedKey},
		{"too long", "Bearer " + strings.Repeat("x", 600)},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			addr := fmt.Sprintf("192.0.2.%d:1234", i+1)
			for range 2 {
				assertProblem(t, s.from(addr, tt.auth), http.StatusUnauthorized)
			}
			assertThrottled(t, s.from(addr, tt.auth))
			assertThrottled(t, s.from(addr, "Bearer crd_other"))
		})
	}
}

func TestAuthFailureLimitAndRateLimit(t *testing.T) {
	s := newFailureServer(t, engine.Config{
		AuthFailures: engine.AuthFailureLimit{Burst: 1},
		RateLimit:    engine.RateLimit{PerSecond: 0.01, Burst: 2},
	})
	const addr = "198.51.100.7:40000"
	assertProblem(t, s.from(addr, "Bearer crd_guess"), http.StatusUnauthorized)
	assertThrottled(t, s.from(addr, "Bearer crd_guess"))

	// Anonymous callers from the address answer to the rate limit only.
	for i := range 2 {
		assert.Equal(t, http.StatusOK, s.from(addr, "").Code, "anonymous request %d", i+1)
	}
	p := assertProblem(t, s.from(addr, ""), http.StatusTooManyRequests)
	assert.Contains(t, p["detail"], "too many requests")
}

func TestAuthFailureLimitOff(t *testing.T) {
	s := newFailureServer(t, engine.Config{AuthFailures: engine.AuthFailureLimit{PerMinute: -1}})
	for i := range 30 {
		assertProblem(t, s.from("198.51.100.7:40000", fmt.Sprintf("Bearer crd_guess-%d", i)), http.StatusUnauthorized)
	}
}

func TestAuthFailureLimitAddresses(t *testing.T) {
	t.Run("an IPv6 address counts by its /64", func(t *testing.T) {
		s := newFailureServer(t, engine.Config{AuthFailures: engine.AuthFailureLimit{Burst: 1}})
		assertProblem(t, s.from("[2001:db8:0:1::1]:40000", "Bearer crd_guess"), http.StatusUnauthorized)
		assertThrottled(t, s.from("[2001:db8:0:1:ffff::2]:40000", "Bearer crd_guess"))
		assertProblem(t, s.from("[2001:db8:0:2::1]:40000", "Bearer crd_guess"), http.StatusUnauthorized)
	})
	t.Run("an IPv4 address is itself, mapped or not", func(t *testing.T) {
		s := newFailureServer(t, engine.Config{AuthFailures: engine.AuthFailureLimit{Burst: 1}})
		assertProblem(t, s.from("198.51.100.7:40000", "Bearer crd_guess"), http.StatusUnauthorized)
		assertThrottled(t, s.from("[::ffff:198.51.100.7]:40000", "Bearer crd_guess"))
		assertProblem(t, s.from("198.51.100.8:40000", "Bearer crd_guess"), http.StatusUnauthorized)
	})
	t.Run("past the table's size, new addresses share one bucket", func(t *testing.T) {
		s := newFailureServer(t, engine.Config{AuthFailures: engine.AuthFailureLimit{Burst: 2, Addresses: 2}})
		for _, host := range []string{"192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4"} {
			assertProblem(t, s.from(host+":1234", "Bearer crd_guess"), http.StatusUnauthorized)
		}
		// .3 and .4 used the shared bucket up: any address not in the
		// table waits; those in it keep their own.
		assertThrottled(t, s.from("192.0.2.5:1234", "Bearer crd_guess"))
		assert.Equal(t, http.StatusOK, s.from("192.0.2.5:1234", "").Code, "anonymous requests are not throttled")
		assertProblem(t, s.from("192.0.2.1:1234", "Bearer crd_guess"), http.StatusUnauthorized)

		// A minute on, the table forgets the addresses whose buckets are
		// full again, and a new address has its own.
		s.clock.advance(time.Minute + time.Second)
		assertProblem(t, s.from("192.0.2.6:1234", "Bearer crd_guess"), http.StatusUnauthorized)
		assertProblem(t, s.from("192.0.2.6:1234", "Bearer crd_guess"), http.StatusUnauthorized)
		assertThrottled(t, s.from("192.0.2.6:1234", "Bearer crd_guess"))
		assertProblem(t, s.from("192.0.2.5:1234", "Bearer crd_guess"), http.StatusUnauthorized)
	})
}

func TestAuthFailureLimitConcurrentGuesses(t *testing.T) {
	s := newFailureServer(t, engine.Config{})
	const guesser, writers, each = "198.51.100.7", 8, 40
	recent := s.key(t, "learner")
	require.Equal(t, http.StatusOK, s.from(guesser+":50000", recent).Code)

	reads := s.st.views.Load()
	var unauthorized, throttled, other atomic.Int64
	race(writers, func(w int) {
		for i := range each {
			if i%4 == 0 {
				// A valid user behind the same address, all along.
				if code := s.from(guesser+":50000", recent).Code; code != http.StatusOK {
					other.Add(1)
				}
				continue
			}
			switch s.from(guesser+":40000", fmt.Sprintf("Bearer crd_guess-%d-%d", w, i)).Code {
			case http.StatusUnauthorized:
				unauthorized.Add(1)
			case http.StatusTooManyRequests:
				throttled.Add(1)
			default:
				other.Add(1)
			}
		}
	})
	assert.Zero(t, other.Load(), "the valid key always passes; guesses get 401 or 429")
	assert.GreaterOrEqual(t, unauthorized.Load(), int64(engine.DefaultAuthFailureBurst))
	// Guesses in flight together may all read the store before the first
	// of them is counted, but no more than one each.
	assert.LessOrEqual(t, unauthorized.Load(), int64(engine.DefaultAuthFailureBurst+writers-1))
	assert.Equal(t, int64(writers*each*3/4), unauthorized.Load()+throttled.Load())
	// The valid key's reads of the directory are reads too.
	assert.LessOrEqual(t, s.st.views.Load()-reads, unauthorized.Load()+int64(writers*each/4))
}
