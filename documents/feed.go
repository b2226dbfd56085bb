package documents

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"sync"
	"time"

	"github.com/credence/credence/expressions"
	"github.com/credence/credence/store"
)

// feedBucket keeps a short history of writes for the clients that listen
// to them (realtime): one small entry a write, keyed as the outbox is (in
// time order), kept for FeedRetention.
const feedBucket = "feed"

// FeedRetention is how long the feed keeps its entries: a client that
// reconnects within it misses nothing.
const FeedRetention = time.Hour

// FeedSettle is how late, on a store shared by several nodes, a write may
// become visible after the time in its key (the time its transaction took
// plus the difference between the nodes' clocks) and still reach every
// listener: readers of the feed look back that far.
const FeedSettle = 2 * time.Second

// FeedEntry is one write, as the feed keeps it.
type FeedEntry struct {
	// Key orders the entries; a client resumes after it.
	Key        string `json:"-"`
	Collection string `json:"c"`
	ID         string `json:"i"`
	Rev        int64  `json:"r"`
	Op         string `json:"o"`
	At         string `json:"t"`
	// Before is the deleted document, on a delete (its revisions go with it).
	Before json.RawMessage `json:"b,omitempty"`
}

// FeedKeyAt returns the smallest key of the writes made at t or later.
func FeedKeyAt(t time.Time) string {
	var b [16]byte
	ms := t.UnixMilli()
	if ms < 0 {
		ms = 0
	}
	binary.BigEndian.PutUint64(b[:8], uint64(ms)<<16)
	return base32ID(b)
}

// FeedKeyTime returns the time in a feed key, and false when it is not one.
func FeedKeyTime(key string) (time.Time, bool) {
	if len(key) != 26 {
		return time.Time{}, false
	}
	var hi, lo uint64
	for i := 0; i < 26; i++ {
		d := crockfordValue(key[i])
		if d < 0 || i == 0 && d > 7 {
			return time.Time{}, false
		}
		hi = hi<<5 | lo>>59
		lo = lo<<5 | uint64(d)
	}
	return time.UnixMilli(int64(hi >> 16)), true
}

func crockfordValue(c byte) int {
	for i := 0; i < len(crockford); i++ {
		if crockford[i] == c {
			return i
		}
	}
	return -1
}

// commit runs fn in a write transaction and, when it commits, tells this
// node's feed readers (FeedSignal).
func (s *Service) commit(ctx context.Context, fn func(tx store.Tx) error) error {
	err := s.st.Update(ctx, fn)
	if err == nil {
		select {
		case s.feedSignal <- struct{}{}:
		default: // one is pending: the reader reads every new entry
		}
	}
	return err
}

// FeedSignal receives after this node's writes commit (several writes may
// give one signal): a feed reader need not wait for its next poll to find
// them. Other nodes' writes are found by polling.
func (s *Service) FeedSignal() <-chan struct{} { return s.feedSignal }

// FeedShared reports whether several nodes write the store, so that the
// feed's readers must look back FeedSettle.
func (s *Service) FeedShared() bool { return s.shared }

// Feed returns up to limit entries after the key after ("" from the
// oldest kept), oldest first.
func (s *Service) Feed(ctx context.Context, after string, limit int) (entries []FeedEntry, err error) {
	err = s.st.View(ctx, func(r store.Reader) error {
		entries = entries[:0]
		rng := store.Range{}
		if after != "" {
			rng.Start = store.After([]byte(after))
		}
		var derr error
		err := r.Scan(feedBucket, rng, func(k, v []byte) bool {
			var e FeedEntry
			if derr = json.Unmarshal(v, &e); derr != nil {
				return false
			}
			e.Key = string(k)
			entries = append(entries, e)
			return len(entries) < limit
		})
		if err != nil {
			return err
		}
		return derr
	})
	return entries, err
}

// FeedKeeps reports whether the feed still holds every entry after key:
// false when key is older than the oldest entry kept (its reader missed
// entries, and must read afresh).
func (s *Service) FeedKeeps(ctx context.Context, key string) (bool, error) {
	first := ""
	err := s.st.View(ctx, func(r store.Reader) error {
		return r.Scan(feedBucket, store.Range{}, func(k, _ []byte) bool { first = string(k); return false })
	})
	return first == "" || key >= first, err
}

// FeedHead returns the key of the newest entry, "" when there is none.
func (s *Service) FeedHead(ctx context.Context) (string, error) {
	head := ""
	err := s.st.View(ctx, func(r store.Reader) error {
		return r.Scan(feedBucket, store.Range{Reverse: true}, func(k, _ []byte) bool { head = string(k); return false })
	})
	return head, err
}

// PruneFeed removes the entries older than FeedRetention, at most 10,000
// a call; it returns how many it removed.
func (s *Service) PruneFeed(ctx context.Context) (int, error) {
	cutoff := FeedKeyAt(s.now().Add(-FeedRetention))
	var keys [][]byte
	if err := s.st.View(ctx, func(r store.Reader) error {
		return r.Scan(feedBucket, store.Range{End: []byte(cutoff)}, func(k, _ []byte) bool {
			keys = append(keys, append([]byte(nil), k...))
			return len(keys) < 10000
		})
	}); err != nil {
		return 0, err
	}
	if len(keys) == 0 {
		return 0, nil
	}
	err := s.st.Update(ctx, func(tx store.Tx) error {
		for _, k := range keys {
			if err := tx.Delete(feedBucket, k); err != nil {
				return err
			}
		}
		return nil
	})
	return len(keys), err
}

// Seen is how one caller sees an entry of the feed.
type Seen struct {
	// Visible reports whether the caller may read the document at this
	// revision; WasVisible, at the revision before (false on a create).
	Visible, WasVisible bool
	// JSON is the document as the caller reads it at this revision (at
	// the last one, for a delete), private fields removed.
	JSON []byte
}

// Watcher is one listener of the feed: its caller (the context it was
// made with) and an optional filter on one collection. It keeps the access
// it decided for each collection until the schemas change. It is safe for
// concurrent use.
type Watcher struct {
	ctx    context.Context
	colls  map[string]bool // empty: every collection
	id     string
	filter string

	mu    sync.Mutex
	rs    *registryState
	views map[string]*view
}

// NewWatcher returns the watcher of ctx's caller for the writes of
// collections (all when empty), which must exist, or of the document id
// of one collection. A filter needs one collection; one that does not
// compile is a bad request, with its position.
func (s *Service) NewWatcher(ctx context.Context, collections []string, id, filter string) (*Watcher, error) {
	if (filter != "" || id != "") && len(collections) != 1 {
		return nil, errorf(KindBadRequest, "id= and filter= need one collection")
	}
	w := &Watcher{ctx: ctx, colls: map[string]bool{}, id: id, filter: filter, views: map[string]*view{}}
	for _, c := range collections {
		w.colls[c] = true
		rs, err := s.registryFor(ctx, c)
		if err != nil {
			return nil, err
		}
		if !rs.exists(c) {
			return nil, noCollection(c)
		}
		if filter != "" {
			if _, err := s.watchFilter(rs, c, filter); err != nil {
				return nil, err
			}
		}
	}
	return w, nil
}

// Wants reports whether the watcher listens to e's collection and document.
func (w *Watcher) Wants(e FeedEntry) bool {
	if len(w.colls) > 0 && !w.colls[e.Collection] {
		return false
	}
	return w.id == "" || w.id == e.ID
}

// WatchSet is the watchers of a node, indexed so that an entry is decided
// only for the watchers it may concern: a watcher whose reads of a
// collection are narrowed to one value of a field (doc.learner ==
// auth.subject, decided for its caller) is looked up by that value. It is
// safe for concurrent use.
type WatchSet struct {
	mu    sync.Mutex
	all   map[*Watcher]struct{}
	rs    *registryState
	index map[string]*watchIndex // by collection, built when needed
}

// watchIndex is the watchers of one collection.
type watchIndex struct {
	general []*Watcher                       // decided for every entry
	routes  map[string]map[string][]*Watcher // field, value: decided when the document holds it
	fields  []string
}

// NewWatchSet returns an empty set.
func NewWatchSet() *WatchSet {
	return &WatchSet{all: map[*Watcher]struct{}{}, index: map[string]*watchIndex{}}
}

// Add adds w to the set.
func (ws *WatchSet) Add(w *Watcher) {
	ws.mu.Lock()
	ws.all[w] = struct{}{}
	clear(ws.index)
	ws.mu.Unlock()
}

// Remove removes w from the set.
func (ws *WatchSet) Remove(w *Watcher) {
	ws.mu.Lock()
	delete(ws.all, w)
	clear(ws.index)
	ws.mu.Unlock()
}

// Len returns the number of watchers.
func (ws *WatchSet) Len() int {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	return len(ws.all)
}

// indexOf returns the index of coll under rs.
func (ws *WatchSet) indexOf(s *Service, rs *registryState, coll string) *watchIndex {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if ws.rs != rs {
		ws.rs = rs
		clear(ws.index)
	}
	if x, ok := ws.index[coll]; ok {
		return x
	}
	x := &watchIndex{routes: map[string]map[string][]*Watcher{}}
	for w := range ws.all {
		if len(w.colls) > 0 && !w.colls[coll] {
			continue
		}
		v := w.viewOf(s, rs, coll)
		switch {
		case v == nil || v.none:
			// It reads nothing of coll.
		case v.rule == nil && v.audience == nil && len(v.equal) > 0:
			fv := v.equal[0]
			byValue := x.routes[fv.Field]
			if byValue == nil {
				byValue = map[string][]*Watcher{}
				x.routes[fv.Field] = byValue
				x.fields = append(x.fields, fv.Field)
			}
			byValue[fv.Value] = append(byValue[fv.Value], w)
		default:
			x.general = append(x.general, w)
		}
	}
	ws.index[coll] = x
	return x
}

// candidates appends to out the watchers an entry may concern, given the
// document at its revision and the one before.
func (x *watchIndex) candidates(out []*Watcher, e FeedEntry, now, before []byte) []*Watcher {
	for _, w := range x.general {
		if w.Wants(e) {
			out = append(out, w)
		}
	}
	if len(x.fields) == 0 {
		return out
	}
	values := func(raw []byte) map[string]string {
		m := map[string]string{}
		if raw == nil {
			return m
		}
		_ = topFields(raw, x.fields, func(k string, value []byte) error {
			var s string
			if json.Unmarshal(value, &s) == nil {
				m[k] = s
			}
			return nil
		})
		return m
	}
	vn, vb := values(now), values(before)
	for _, f := range x.fields {
		for i, val := range []string{vn[f], vb[f]} {
			if val == "" || i == 1 && val == vn[f] {
				continue
			}
			for _, w := range x.routes[f][val] {
				if w.Wants(e) { // a watcher has one route: never twice
					out = append(out, w)
				}
			}
		}
	}
	return out
}

func (s *Service) watchFilter(rs *registryState, coll, filter string) (*expressions.Program, error) {
	c, _ := rs.reg.Collection(coll)
	props := []string{fieldID}
	if c != nil {
		props = append(props, c.Properties...)
	}
	prog, err := s.cache.Compile(filter, expressions.Options{Mode: expressions.Bool, Fields: props})
	if err != nil {
		fe := formulaError("", err)
		return nil, &Error{Kind: KindBadRequest, Message: "the filter does not hold: " + fe.Message,
			Errors: []FieldError{{Path: "", Message: fe.Message}}, Details: positionOf(err)}
	}
	return prog, nil
}

// viewOf returns the watcher's read view of coll, nil when it may not
// read it.
func (w *Watcher) viewOf(s *Service, rs *registryState, coll string) *view {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.rs != rs {
		w.rs, w.views = rs, map[string]*view{}
	}
	v, ok := w.views[coll]
	if !ok {
		var err error
		if v, err = s.view(w.ctx, rs, coll, "read", false); err != nil {
			v = nil // forbidden, or gone
		}
		w.views[coll] = v
	}
	return v
}

// Deliver decides a batch of feed entries for the watchers of set they
// may concern, in one read, and calls emit for each with what its caller
// sees (access, publishing, audience and private fields decided as a read
// of that revision would, and the filter). A watcher whose formulas fail
// for an entry does not see it. emit is not called for a watcher that the
// index shows cannot see the document.
func (s *Service) Deliver(ctx context.Context, entries []FeedEntry, set *WatchSet, emit func(FeedEntry, *Watcher, Seen)) error {
	states := map[string]*registryState{}
	for _, e := range entries {
		if _, ok := states[e.Collection]; ok {
			continue
		}
		rs, err := s.registryFor(ctx, e.Collection)
		switch {
		case KindOf(err) == KindNotFound:
			rs = nil // a collection removed since
		case err != nil:
			return err
		}
		if rs != nil && !rs.exists(e.Collection) {
			rs = nil
		}
		states[e.Collection] = rs
	}
	return s.st.View(ctx, func(r store.Reader) error {
		var ws []*Watcher
		for _, e := range entries {
			rs := states[e.Collection]
			if rs == nil {
				continue
			}
			var now, before []byte
			rev := func(n int64) []byte {
				if n < 1 {
					return nil
				}
				raw, err := r.Get(revsBucket(e.Collection), revKey(e.ID, n))
				if err != nil {
					return nil // gone since: a later entry says so
				}
				return raw
			}
			switch e.Op {
			case OpDeleted:
				before = e.Before
			case OpUpdated:
				now, before = rev(e.Rev), rev(e.Rev-1)
			default:
				now = rev(e.Rev)
			}
			ws = set.indexOf(s, rs, e.Collection).candidates(ws[:0], e, now, before)
			for _, w := range ws {
				emit(e, w, s.see(r, rs, e, w, now, before))
			}
		}
		return nil
	})
}

// see decides an entry for one watcher; now and before are the stored
// document at the entry's revision and the one before.
func (s *Service) see(r store.Reader, rs *registryState, e FeedEntry, w *Watcher, now, before []byte) Seen {
	var out Seen
	v := w.viewOf(s, rs, e.Collection)
	if v == nil || w.ctx.Err() != nil {
		return out
	}
	r = s.reader(r, e.Collection)
	ev := s.evaluation(w.ctx, r, rs)
	var prog *expressions.Program
	if w.filter != "" {
		var err error
		if prog, err = s.watchFilter(rs, e.Collection, w.filter); err != nil {
			return out
		}
	}
	c, _ := rs.reg.Collection(e.Collection)
	look := func(raw []byte) ([]byte, bool) {
		if raw == nil {
			return nil, false
		}
		if ok, err := v.admitRaw(ev, raw); err != nil || !ok {
			return nil, false
		}
		shown, _, err := v.present(ev, raw)
		if err != nil {
			return nil, false
		}
		if prog != nil {
			// The filter sees what the caller sees, so that it cannot
			// probe a private field, and reads no other document when the
			// caller's reads are restricted (as a list's filter).
			d, err := decodeStored(shown)
			if err != nil {
				return nil, false
			}
			fv := formulaValue(c, content(d))
			fv[fieldID] = e.ID
			fev := s.evaluation(w.ctx, r, rs)
			fev.blind = !v.open || len(v.private) > 0 || v.audience != nil
			if !holds(fev.run(prog, fv, nil, e.ID)) {
				return nil, false
			}
		}
		return shown, true
	}
	if e.Op == OpDeleted {
		out.JSON, out.WasVisible = look(before)
		return out
	}
	out.JSON, out.Visible = look(now)
	if e.Op == OpUpdated {
		_, out.WasVisible = look(before)
	}
	return out
}
