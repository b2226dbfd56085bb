package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/store/bolt"
)

// TestCrashRecovery runs the real server under concurrent writes, kills it
// with SIGKILL in the middle of them, and restarts it on the same file:
// the file opens, every acknowledged write is there, every document's
// history is whole, and the indexes hold exactly the stored documents.
func TestCrashRecovery(t *testing.T) {
	data := filepath.Join(t.TempDir(), "c.db")
	crashRecovery(t, data, func() int { return checkStoreIndexes(t, data) })
}

// crashRecovery runs the crash test on the store at data: countIndexes
// opens the store directly (the server being dead), checks that its
// indexes hold one entry per stored value, and returns the number of
// stored documents.
func crashRecovery(t *testing.T, data string, countIndexes func() int) {
	t.Helper()
	if testing.Short() {
		t.Skip("the crash test builds the credence binary, loads it, and kills it; skipped with -short")
	}
	began := time.Now()
	s := startServe(t, data, nil)
	c := newClient(t)
	c.must(http.StatusCreated, http.MethodPut, s.url+"/api/_schemas/items", itemsSchema)

	load := runCrashLoad(t, c, s, 16, time.Second)
	require.NotEmpty(t, load.acks, "no write was acknowledged before the kill")
	t.Logf("load: %d writes acknowledged (%d documents), %d in flight at SIGKILL, %d cut off",
		len(load.acks), len(load.created), load.inFlightAtKill, load.cutOff)

	// The store opens cleanly, without the dead server's lock, and its
	// indexes hold one entry per stored value: nothing dangling.
	stored := countIndexes()

	// The restarted server answers and serves every acknowledged write.
	s = startServe(t, data, nil)
	docs := listAll(t, c, s.url+"/api/items")
	require.Len(t, docs, stored, "the server lists what the store holds")
	verified := verifyAcknowledged(t, c, s.url, load, docs)
	verifyHistories(t, c, s.url, docs)
	verifyUniqueIndex(t, c, s.url, load, docs)

	require.Equal(t, 0, s.terminate(10*time.Second))
	s.assertNoDataRace()
	// After deleting every document and creating one per value ever sent,
	// the indexes hold exactly those: the crash left nothing behind.
	assert.Equal(t, len(load.codes), countIndexes())
	t.Logf("verified %d acknowledged writes (%d deletions) on %d stored documents (%d created but unacknowledged), %d unique values reusable; %v in all",
		verified, len(load.deleted), len(docs), load.unackedStored(docs), len(load.codes), time.Since(began).Round(time.Millisecond))
}

// ack is a write the server acknowledged, with the document it answered.
type ack struct {
	id   string
	rev  int64
	body []byte
}

// crashLoad is what the writers did before the kill.
type crashLoad struct {
	mu       sync.Mutex
	acks     []ack
	created  map[string]bool // ids whose create was acknowledged
	deleted  map[string]bool // ids whose delete was acknowledged
	deleting map[string]bool // ids whose delete was sent, acknowledged or not
	codes    []string        // every unique value sent, acknowledged or not

	inFlightAtKill int64
	cutOff         int64 // writes that got no answer
}

func (l *crashLoad) unackedStored(docs map[string]storedDoc) int {
	n := 0
	for id := range docs {
		if !l.created[id] {
			n++
		}
	}
	return n
}

// runCrashLoad runs writers that each create documents and rewrite them
// (PUT changing the unique value, PATCH changing the indexed one, and for
// every fourth document DELETE), until the server dies. After d it kills
// the server with writes in flight.
func runCrashLoad(t *testing.T, c *client, s *server, writers int, d time.Duration) *crashLoad {
	l := &crashLoad{created: map[string]bool{}, deleted: map[string]bool{}, deleting: map[string]bool{}}
	var inFlight, cutOff atomic.Int64
	// write sends one request and records the answer; false means the
	// server is gone.
	write := func(method, path, body string, want int) (ok bool) {
		inFlight.Add(1)
		status, b, err := c.do(method, s.url+path, body)
		inFlight.Add(-1)
		if err != nil {
			cutOff.Add(1)
			return false
		}
		if status != want {
			t.Errorf("%s %s: got %d, want %d: %s", method, path, status, want, b)
			return false
		}
		var d storedDoc
		if len(b) > 0 {
			if err := json.Unmarshal(b, &d); err != nil {
				t.Errorf("%s %s: %v", method, path, err)
				return false
			}
		}
		l.mu.Lock()
		defer l.mu.Unlock()
		switch method {
		case http.MethodDelete:
			l.deleted[path[len("/api/items/"):]] = true
		default:
			if method == http.MethodPost {
				l.created[d.ID] = true
			}
			l.acks = append(l.acks, ack{id: d.ID, rev: d.Rev, body: b})
		}
		return true
	}
	sent := func(code string) {
		l.mu.Lock()
		l.codes = append(l.codes, code)
		l.mu.Unlock()
	}
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for i := 0; ; i++ {
				id := fmt.Sprintf("w%02d-%05d", w, i)
				sent(id + "-a")
				if !write(http.MethodPost, "/api/items", fmt.Sprintf(`{"id":%q,"code":"%s-a","n":1}`, id, id), http.StatusCreated) {
					return
				}
				sent(id + "-b")
				if !write(http.MethodPut, "/api/items/"+id, fmt.Sprintf(`{"code":"%s-b","n":2}`, id), http.StatusOK) {
					return
				}
				if !write(http.MethodPatch, "/api/items/"+id, `{"n":3}`, http.StatusOK) {
					return
				}
				if i%4 != 3 {
					continue
				}
				l.mu.Lock()
				l.deleting[id] = true
				l.mu.Unlock()
				if !write(http.MethodDelete, "/api/items/"+id, "", http.StatusNoContent) {
					return
				}
			}
		})
	}
	time.Sleep(d)
	l.inFlightAtKill = inFlight.Load()
	s.kill()
	wg.Wait()
	l.cutOff = cutOff.Load()
	return l
}

// storedDoc is an item as the server stores it.
type storedDoc struct {
	ID        string `json:"id"`
	Rev       int64  `json:"_rev"`
	Code      string `json:"code"`
	N         int    `json:"n"`
	CreatedAt string `json:"_createdAt"`
	UpdatedAt string `json:"_updatedAt"`
	raw       []byte
}

// decodeItem decodes a stored item, failing on anything half-written: a
// missing or unexpected member.
func decodeItem(t *testing.T, raw []byte) storedDoc {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Errorf("a stored document is not JSON: %v: %s", err, raw)
		return storedDoc{}
	}
	for _, k := range []string{"id", "code", "n", "_rev", "_createdAt", "_updatedAt"} {
		if _, ok := m[k]; !ok {
			t.Errorf("a stored document lacks %s: %s", k, raw)
		}
	}
	if len(m) != 6 {
		t.Errorf("a stored document has unexpected members: %s", raw)
	}
	var d storedDoc
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Errorf("a stored document: %v: %s", err, raw)
	}
	d.raw = raw
	return d
}

// listAll pages through a collection.
func listAll(t *testing.T, c *client, collURL string) map[string]storedDoc {
	t.Helper()
	docs := map[string]storedDoc{}
	cursor := ""
	for {
		u := collURL + "?limit=1000"
		if cursor != "" {
			u += "&cursor=" + url.QueryEscape(cursor)
		}
		var page struct {
			Items      []json.RawMessage `json:"items"`
			NextCursor string            `json:"nextCursor"`
		}
		require.NoError(t, json.Unmarshal(c.must(http.StatusOK, http.MethodGet, u, ""), &page))
		for _, it := range page.Items {
			d := decodeItem(t, it)
			_, dup := docs[d.ID]
			require.False(t, dup, "%s listed twice", d.ID)
			docs[d.ID] = d
		}
		if page.NextCursor == "" {
			return docs
		}
		cursor = page.NextCursor
	}
}

// verifyAcknowledged checks that every acknowledged write is readable as
// the revision it was acknowledged as, and every acknowledged delete stuck.
// It returns the number of acknowledged writes read back.
func verifyAcknowledged(t *testing.T, c *client, base string, l *crashLoad, docs map[string]storedDoc) int {
	t.Helper()
	parallel(slices.Collect(maps.Keys(l.deleted)), func(id string) {
		if _, ok := docs[id]; ok {
			t.Errorf("%s: deleted (acknowledged), yet listed", id)
		}
		for _, path := range []string{"", "/revisions", "/revisions/1"} {
			status, b, err := c.do(http.MethodGet, base+"/api/items/"+id+path, "")
			if err != nil || status != http.StatusNotFound {
				t.Errorf("GET %s%s after an acknowledged delete: %d %v: %s", id, path, status, err, b)
			}
		}
	})
	latest := map[string]int64{}
	var live []ack
	for _, a := range l.acks {
		latest[a.id] = max(latest[a.id], a.rev)
		if !l.deleted[a.id] {
			live = append(live, a)
		}
	}
	for id, rev := range latest {
		d, ok := docs[id]
		switch {
		case !ok && !l.deleting[id]:
			t.Errorf("%s: acknowledged at _rev %d, missing", id, rev)
		case ok && d.Rev < rev:
			t.Errorf("%s: acknowledged at _rev %d, stored at _rev %d", id, rev, d.Rev)
		}
	}
	// A document whose delete was cut off by the kill may be gone, history
	// and all: the delete committed without an answer.
	live = slices.DeleteFunc(live, func(a ack) bool { _, ok := docs[a.id]; return !ok })
	parallel(live, func(a ack) {
		status, b, err := c.do(http.MethodGet, fmt.Sprintf("%s/api/items/%s/revisions/%d", base, a.id, a.rev), "")
		if err != nil || status != http.StatusOK || !bytes.Equal(b, a.body) {
			t.Errorf("%s revision %d: %d %v\n got %s\nwant %s", a.id, a.rev, status, err, b, a.body)
		}
	})
	return len(live) + len(l.deleted)
}

// verifyHistories checks that each stored document reads as listed and has
// the contiguous revisions 1.._rev, the newest equal to the document.
func verifyHistories(t *testing.T, c *client, base string, docs map[string]storedDoc) {
	t.Helper()
	parallel(values(docs), func(d storedDoc) {
		status, b, err := c.do(http.MethodGet, base+"/api/items/"+d.ID, "")
		if err != nil || status != http.StatusOK || !bytes.Equal(b, d.raw) {
			t.Errorf("GET %s: %d %v: %s", d.ID, status, err, b)
			return
		}
		status, b, err = c.do(http.MethodGet, base+"/api/items/"+d.ID+"/revisions?limit=1000", "")
		if err != nil || status != http.StatusOK {
			t.Errorf("revisions of %s: %d %v: %s", d.ID, status, err, b)
			return
		}
		var page struct{ Items []json.RawMessage }
		if err := json.Unmarshal(b, &page); err != nil {
			t.Errorf("revisions of %s: %v", d.ID, err)
			return
		}
		if int64(len(page.Items)) != d.Rev {
			t.Errorf("%s at _rev %d has %d revisions", d.ID, d.Rev, len(page.Items))
			return
		}
		for i, raw := range page.Items {
			r := decodeItem(t, raw)
			if want := d.Rev - int64(i); r.ID != d.ID || r.Rev != want || r.CreatedAt != d.CreatedAt {
				t.Errorf("%s: revision %d of the list is %s", d.ID, want, raw)
			}
		}
		if !bytes.Equal(page.Items[0], d.raw) {
			t.Errorf("%s: newest revision differs from the document:\n%s\n%s", d.ID, page.Items[0], d.raw)
		}
	})
}

// verifyUniqueIndex checks that every stored unique value is taken, then
// that once every document is deleted each value ever sent is free: an
// index entry left by a write that died with the server would refuse it.
func verifyUniqueIndex(t *testing.T, c *client, base string, l *crashLoad, docs map[string]storedDoc) {
	t.Helper()
	parallel(values(docs), func(d storedDoc) {
		status, b, err := c.do(http.MethodPost, base+"/api/items", fmt.Sprintf(`{"code":%q,"n":0}`, d.Code))
		if err != nil || status != http.StatusConflict {
			t.Errorf("a second %q: %d %v: %s", d.Code, status, err, b)
		}
	})
	parallel(values(docs), func(d storedDoc) {
		status, b, err := c.do(http.MethodDelete, base+"/api/items/"+d.ID, "")
		if err != nil || status != http.StatusNoContent {
			t.Errorf("DELETE %s: %d %v: %s", d.ID, status, err, b)
		}
	})
	require.Empty(t, listAll(t, c, base+"/api/items"))
	parallel(l.codes, func(code string) {
		status, b, err := c.do(http.MethodPost, base+"/api/items", fmt.Sprintf(`{"code":%q,"n":7}`, code))
		if err != nil || status != http.StatusCreated {
			t.Errorf("%q again after deleting everything: %d %v: %s", code, status, err, b)
		}
	})
}

// checkStoreIndexes opens the bbolt file and checks it with checkIndexesIn.
func checkStoreIndexes(t *testing.T, data string) int {
	t.Helper()
	st, err := bolt.Open(data, bolt.Options{})
	require.NoError(t, err, "the data file must open cleanly")
	defer func() { require.NoError(t, st.Close()) }()
	return checkIndexesIn(t, st)
}

// parallel calls fn for each item from 8 goroutines.
func parallel[T any](items []T, fn func(T)) {
	ch := make(chan T)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for it := range ch {
				fn(it)
			}
		})
	}
	for _, it := range items {
		ch <- it
	}
	close(ch)
	wg.Wait()
}

func values[K comparable, V any](m map[K]V) []V {
	out := make([]V, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}
