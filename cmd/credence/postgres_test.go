package main

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/store"
	"github.com/credence/credence/store/postgres"
	"github.com/credence/credence/store/postgres/pgtest"
)

// TestCrashRecoveryPostgres is TestCrashRecovery on PostgreSQL: the real
// server under concurrent writes, killed with SIGKILL in the middle of
// them, restarted on the same database. Every acknowledged write is there
// at its revision, every history is whole, and the indexes hold exactly the
// stored documents: no transaction the kill cut short left anything behind.
func TestCrashRecoveryPostgres(t *testing.T) {
	schema, data := pgtest.Schema(t)
	crashRecovery(t, data, func() int { return checkIndexesIn(t, openPostgres(t, schema)) })
}

// TestTransferBetweenEngines moves a program from bbolt to PostgreSQL and
// back, as `credence export --data ./credence.db | credence import --data
// postgres://...` does: the exports of the three stores are byte for byte
// the same, and the PostgreSQL copy works as a store, not only as an export.
func TestTransferBetweenEngines(t *testing.T) {
	_, pg := pgtest.Schema(t)
	fromBolt := exportOf(t, seedStore(t))
	imported := fmt.Sprintf("imported 2 schemas, %d documents and 0 files\n", 3+bulkQuestions)

	stdout, stderr, err := runCLI(t, strings.NewReader(fromBolt), "import", "--data", pg)
	require.NoError(t, err, stderr)
	assert.Equal(t, imported, stdout)
	fromPostgres := exportOf(t, pg)
	assertSameExport(t, fromBolt, fromPostgres)

	file := filepath.Join(t.TempDir(), "pg.ndjson")
	stdout, stderr, err = runCLI(t, nil, "export", "--data", pg, "--out", file)
	require.NoError(t, err, stderr)
	assert.Empty(t, stdout)
	back := filepath.Join(t.TempDir(), "back.db")
	stdout, stderr, err = runCLI(t, nil, "import", "--data", back, file)
	require.NoError(t, err, stderr)
	assert.Equal(t, imported, stdout)
	assertSameExport(t, fromBolt, exportOf(t, back))
	checkImportedStore(t, back)

	// The import rebuilt PostgreSQL's indexes and history too.
	svc, closeStore := openPostgresService(t, pg)
	defer closeStore()
	checkImported(t, svc)
}

// TestServeWaitsForPostgres starts the server before its database: it
// waits, saying so in the log, and serves once PostgreSQL answers.
func TestServeWaitsForPostgres(t *testing.T) {
	_, data := pgtest.Schema(t)
	p := newProxy(t, data)
	s := startServeNoWait(t, p.url, nil)

	time.Sleep(1500 * time.Millisecond)
	select {
	case <-s.done:
		t.Fatalf("credence serve gave up before PostgreSQL came up (%v):\n%s", s.waitErr, s.stderr())
	default:
	}
	_, serving := s.findLog("credence is serving")
	require.False(t, serving, "serving without a database:\n%s", s.stderr())
	waits := 0
	for _, l := range s.logLines() {
		if l["msg"] == "PostgreSQL is not answering yet; retrying" {
			waits++
			assert.Equal(t, "WARN", l["level"])
			assert.NotEmpty(t, l["in"], "the log says when it tries again: %v", l)
			assert.NotEmpty(t, l["error"], "the log says why: %v", l)
		}
	}
	assert.GreaterOrEqual(t, waits, 2, "the log shows the retries:\n%s", s.stderr())

	p.start()
	up := time.Now()
	s.waitReady()
	t.Logf("%d retries logged before PostgreSQL came up; serving %v after it did", waits, time.Since(up).Round(time.Millisecond))
	c := newClient(t)
	c.must(http.StatusCreated, http.MethodPut, s.url+"/api/_schemas/items", itemsSchema)
	c.must(http.StatusCreated, http.MethodPost, s.url+"/api/items", `{"id":"i1","code":"A","n":1}`)
	c.must(http.StatusOK, http.MethodGet, s.url+"/api/items/i1", "")
	require.Equal(t, 0, s.terminate(10*time.Second))
	s.assertNoDataRace()
}

// TestServeSurvivesPostgresRestart cuts the server off its database while
// writers keep writing, as a PostgreSQL restart looks to a client: every
// connection dropped, none accepted for a second. The server stays up,
// loses no acknowledged write, answers errors (not hangs) meanwhile, and
// serves again once the database is back, without a restart.
func TestServeSurvivesPostgresRestart(t *testing.T) {
	_, data := pgtest.Schema(t)
	p := newProxy(t, data)
	p.start()
	s := startServe(t, p.url, nil)
	c := newClient(t)
	c.must(http.StatusCreated, http.MethodPut, s.url+"/api/_schemas/items", itemsSchema)

	// A write belongs to the phase it began and ended in; one that spans
	// two is counted apart.
	const (
		before = iota
		outage
		after
		across
	)
	var (
		phase  atomic.Int32
		stopW  atomic.Bool
		mu     sync.Mutex
		acked  = map[string][]byte{} // id -> the document as acknowledged
		seen   [4]map[string]int     // per phase: status (or "no answer") -> count
		writes sync.WaitGroup
	)
	for i := range seen {
		seen[i] = map[string]int{}
	}
	for w := range 4 {
		writes.Go(func() {
			for i := 0; !stopW.Load(); i++ {
				id := fmt.Sprintf("w%d-%05d", w, i)
				began := phase.Load()
				status, b, err := c.do(http.MethodPost, s.url+"/api/items", fmt.Sprintf(`{"id":%q,"code":%q,"n":%d}`, id, id, i))
				ph := phase.Load()
				if ph != began {
					ph = across
				}
				mu.Lock()
				switch {
				case err != nil:
					seen[ph]["no answer"]++
				default:
					seen[ph][fmt.Sprint(status)]++
				}
				if err == nil && status == http.StatusCreated {
					acked[id] = b
				}
				mu.Unlock()
				time.Sleep(5 * time.Millisecond)
			}
		})
	}

	time.Sleep(300 * time.Millisecond)
	phase.Store(outage)
	p.stop()
	status, body, err := c.do(http.MethodGet, s.url+"/healthz", "")
	require.NoError(t, err, "the server answers while its database is down")
	assert.Equal(t, http.StatusServiceUnavailable, status, "/healthz reports the database: %s", body)
	time.Sleep(time.Second)
	p.start()
	phase.Store(after)

	// Back within a few seconds, without a restart.
	back := time.Now()
	for {
		status, _, err := c.do(http.MethodGet, s.url+"/healthz", "")
		if err == nil && status == http.StatusOK {
			break
		}
		require.Less(t, time.Since(back), 10*time.Second, "/healthz after the outage: %d %v\n%s", status, err, s.stderr())
		time.Sleep(20 * time.Millisecond)
	}
	healthy := time.Since(back)
	time.Sleep(300 * time.Millisecond)
	stopW.Store(true)
	writes.Wait()
	t.Logf("writes before the outage: %v; during: %v; after: %v; across two phases: %v; healthy %v after the database was back",
		seen[before], seen[outage], seen[after], seen[across], healthy.Round(time.Millisecond))
	t.Logf("the server's errors: %v", failures(s))

	select {
	case <-s.done:
		t.Fatalf("the server died with its database (%v):\n%s", s.waitErr, s.stderr())
	default:
	}
	assert.Positive(t, seen[outage]["503"], "writes during the outage get 503: %v", seen[outage])
	assert.Zero(t, seen[outage]["500"], "an unreachable database is a 503, not a 500: %v", seen[outage])
	assert.Zero(t, seen[outage]["no answer"], "every write gets an answer during the outage")
	assert.Zero(t, seen[across]["no answer"], "every write gets an answer across the outage")
	assert.Equal(t, seen[before]["201"], total(seen[before]), "before the outage every write succeeds: %v", seen[before])
	assert.Positive(t, seen[after]["201"], "writes succeed again after the outage: %v", seen[after])
	assert.Equal(t, seen[after]["201"], total(seen[after]), "after the outage every write succeeds: %v", seen[after])

	// Once back, every write succeeds: no connection of the pool is left
	// dead to fail a later request.
	for i := range 20 {
		c.must(http.StatusCreated, http.MethodPost, s.url+"/api/items", fmt.Sprintf(`{"code":"after-%d","n":0}`, i))
	}
	// Every acknowledged write is there, as it was acknowledged.
	ids := slices.Collect(maps.Keys(acked))
	parallel(ids, func(id string) {
		status, b, err := c.do(http.MethodGet, s.url+"/api/items/"+id, "")
		if err != nil || status != http.StatusOK || !bytes.Equal(b, acked[id]) {
			t.Errorf("%s, acknowledged: %d %v\n got %s\nwant %s", id, status, err, b, acked[id])
		}
	})
	docs := listAll(t, c, s.url+"/api/items")
	for _, id := range ids {
		assert.Contains(t, docs, id)
	}
	t.Logf("%d acknowledged writes verified; %d documents stored", len(ids), len(docs))
	require.Equal(t, 0, s.terminate(10*time.Second))
	s.assertNoDataRace()
}

// total is the number of writes counted in a tally.
func total(tally map[string]int) int {
	n := 0
	for _, v := range tally {
		n += v
	}
	return n
}

// failures counts the errors the server logged for the requests it failed,
// by error message.
func failures(s *server) map[string]int {
	out := map[string]int{}
	for _, l := range s.logLines() {
		if l["msg"] == "request failed" {
			msg, _ := l["error"].(string)
			out[msg]++
		}
	}
	return out
}

// openPostgres opens the store in schema directly, closed when the test
// ends, to check what a server left there.
func openPostgres(t *testing.T, schema string) store.Store { return pgtest.OpenIn(t, schema) }

// openPostgresService opens the document service on the database at data.
func openPostgresService(t *testing.T, data string) (*documents.Service, func()) {
	t.Helper()
	st, err := postgres.Open(t.Context(), data, postgres.Options{})
	require.NoError(t, err)
	svc, err := documents.New(t.Context(), st, documents.Options{})
	if err != nil {
		st.Close()
		require.NoError(t, err)
	}
	return svc, func() { st.Close() }
}

// checkIndexesIn checks, in any store, that the indexes of items match its
// documents: one unique entry per document, held by it, one secondary entry
// per indexed field (code, n), and one revision per _rev. It returns the
// number of documents. It reads the documents package's buckets (docs/,
// uniq/, idx/, revs/) directly, so a change of that layout shows here.
func checkIndexesIn(t *testing.T, st store.Store) int {
	t.Helper()
	var docs, idx, revs, revSum int
	holders := map[string]int{}
	err := st.View(t.Context(), func(r store.Reader) error {
		count := func(bucket string, fn func(k, v []byte)) error {
			return r.Scan(bucket, store.Range{}, func(k, v []byte) bool { fn(k, v); return true })
		}
		err := count("docs/items", func(k, v []byte) {
			docs++
			d := decodeItem(t, v)
			if d.ID != string(k) {
				t.Errorf("document under key %q has id %q", k, d.ID)
			}
			revSum += int(d.Rev)
			holders[d.ID]--
		})
		if err == nil {
			err = count("uniq/items", func(_, v []byte) { holders[string(v)]++ })
		}
		if err == nil {
			err = count("idx/items", func(_, _ []byte) { idx++ })
		}
		if err == nil {
			err = count("revs/items", func(_, _ []byte) { revs++ })
		}
		return err
	})
	require.NoError(t, err)
	require.Positive(t, docs, "no documents in docs/items: has the bucket layout changed?")
	for id, n := range holders {
		if n != 0 {
			t.Errorf("%s: %+d unique entries more than documents", id, n)
		}
	}
	assert.Equal(t, 4*docs, idx, "secondary index entries (code, n, _createdAt and _updatedAt of each document)")
	assert.Equal(t, revSum, revs, "revisions (the sum of _rev)")
	return docs
}

// proxy is a TCP proxy in front of PostgreSQL on a port of its own: what
// the server sees of its database when the proxy stops is what it sees of
// a PostgreSQL that is down or restarting (connections cut, new ones
// refused).
type proxy struct {
	t      *testing.T
	addr   string // where the proxy listens, when it does
	target string // the PostgreSQL it forwards to
	url    string // the database URL, through the proxy

	mu    sync.Mutex
	ln    net.Listener
	conns map[net.Conn]bool
	wg    sync.WaitGroup
}

// newProxy returns a proxy for the database at data on a free port, not
// listening yet; it stops when the test ends.
func newProxy(t *testing.T, data string) *proxy {
	t.Helper()
	u, err := url.Parse(data)
	require.NoError(t, err)
	port := u.Port()
	if port == "" {
		port = "5432"
	}
	if u.Hostname() == "" || strings.HasPrefix(u.Hostname(), "/") {
		t.Skipf("the proxy needs a TCP address for PostgreSQL, not %q", u.Host)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	p := &proxy{t: t, addr: ln.Addr().String(), target: net.JoinHostPort(u.Hostname(), port), conns: map[net.Conn]bool{}}
	require.NoError(t, ln.Close())
	u.Host = p.addr
	p.url = u.String()
	t.Cleanup(p.stop)
	return p
}

// start listens and forwards each connection to PostgreSQL.
func (p *proxy) start() {
	p.t.Helper()
	ln, err := net.Listen("tcp", p.addr)
	require.NoError(p.t, err, "listen again on %s", p.addr)
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	p.wg.Go(func() {
		for {
			in, err := ln.Accept()
			if err != nil {
				return // stopped
			}
			out, err := net.DialTimeout("tcp", p.target, 5*time.Second)
			if err != nil {
				in.Close()
				continue
			}
			if !p.track(in, out) {
				return
			}
			pipe := func(dst, src net.Conn) {
				io.Copy(dst, src)
				in.Close()
				out.Close()
			}
			p.wg.Go(func() { pipe(out, in) })
			p.wg.Go(func() { pipe(in, out) })
		}
	})
}

// track records a proxied connection, or closes it if the proxy stopped
// meanwhile.
func (p *proxy) track(conns ...net.Conn) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln == nil {
		for _, c := range conns {
			c.Close()
		}
		return false
	}
	for _, c := range conns {
		p.conns[c] = true
	}
	return true
}

// stop stops listening and cuts every proxied connection.
func (p *proxy) stop() {
	p.mu.Lock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for c := range p.conns {
		c.Close()
	}
	clear(p.conns)
	p.mu.Unlock()
	p.wg.Wait()
}
