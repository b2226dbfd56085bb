package engine

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/credence/credence/documents"
)

// Bounds of realtime streams.
const (
	// feedPoll is how often a node reads the feed for the writes of other
	// nodes while anyone listens: with the time to decide and send, the
	// bound of an event's delay across nodes (this node's writes wake it).
	feedPoll = 100 * time.Millisecond
	// feedGap is the least time between two reads of the feed: the writes
	// of this node committed meanwhile are read and decided together.
	feedGap = 10 * time.Millisecond
	// feedSweep is how often a node on a shared store reads again the
	// FeedSettle before its newest entry, for other nodes' writes that
	// commit late: the bound of their delay.
	feedSweep = time.Second
	// feedBatch is how many entries the hub reads at once.
	feedBatch = 500
	// heartbeat keeps idle connections (and proxies) open.
	heartbeat = 15 * time.Second
	// writeWait is how long one write to a client may block before the
	// client is dropped.
	writeWait = 10 * time.Second
	// subscriberBuffer and subscriberBytes are how many events, and how
	// many bytes of them, a stream may be behind before it is dropped
	// (told to resync), so that a slow client never holds the others or
	// the writers, nor more than that memory.
	subscriberBuffer = 4096
	subscriberBytes  = 4 << 20
	// MaxSubscriptions bounds the open streams of one caller (a key or
	// account, or an address for the anonymous).
	MaxSubscriptions = 8
	// MaxStreams bounds the open streams of a node.
	MaxStreams = 10000
	// replayLimit bounds the entries a resuming client is sent before it
	// is told to resync.
	replayLimit = 10000
)

// feedService is what the event streams need of the document service.
type feedService interface {
	Feed(ctx context.Context, after string, limit int) ([]documents.FeedEntry, error)
	FeedKeeps(ctx context.Context, key string) (bool, error)
	FeedHead(ctx context.Context) (string, error)
	FeedShared() bool
	FeedSignal() <-chan struct{}
	NewWatcher(ctx context.Context, collections []string, id, filter string) (*documents.Watcher, error)
	Deliver(ctx context.Context, entries []documents.FeedEntry, set *documents.WatchSet, emit func(documents.FeedEntry, *documents.Watcher, documents.Seen)) error
}

// hub reads the feed once for all the streams of a node, decides each
// entry for the streams it may concern (as their callers), and hands each
// its event; a stream that falls subscriberBuffer events behind is dropped.
type hub struct {
	svc feedService
	log *slog.Logger

	set *documents.WatchSet

	mu      sync.Mutex
	subs    map[*documents.Watcher]*subscriber
	perCall map[string]int
	running bool
	high    string              // the newest entry handed out
	recent  map[string]struct{} // entries handed out within FeedSettle of high (shared stores)
	swept   time.Time           // when the look-back was last read (shared stores)
	// The frame last made, for the next caller that sees the same.
	lastKey   string
	lastSeen  documents.Seen
	lastFrame []byte
}

func newHub(svc feedService, log *slog.Logger) *hub {
	return &hub{svc: svc, log: log, set: documents.NewWatchSet(), subs: map[*documents.Watcher]*subscriber{},
		perCall: map[string]int{}, recent: map[string]struct{}{}}
}

// subscriber is a stream as the hub sees it: the frames queued for it,
// which its handler takes all at once when notified (the queue holds what
// is waiting, no more: an idle stream costs a few bytes).
type subscriber struct {
	w       *documents.Watcher
	mu      sync.Mutex
	queue   [][]byte
	queued  int // bytes in queue
	notify  chan struct{}
	dropped chan struct{}
}

// push queues a frame; false when the stream is too far behind for it.
func (s *subscriber) push(frame []byte) bool {
	s.mu.Lock()
	ok := s.queued+len(frame) <= subscriberBytes && len(s.queue) < subscriberBuffer
	if ok {
		s.queue = append(s.queue, frame)
		s.queued += len(frame)
	}
	s.mu.Unlock()
	if ok {
		select {
		case s.notify <- struct{}{}:
		default: // one is pending: the handler takes the whole queue
		}
	}
	return ok
}

// take appends the queued frames to buf and empties the queue.
func (s *subscriber) take(buf []byte) []byte {
	s.mu.Lock()
	for i, f := range s.queue {
		buf = append(buf, f...)
		s.queue[i] = nil
	}
	s.queue, s.queued = s.queue[:0], 0
	if cap(s.queue) > 64 {
		s.queue = nil // a burst's room is not kept
	}
	s.mu.Unlock()
	return buf
}

// errTooMany is the refusal of a stream over the limits.
type errTooMany struct{ msg string }

func (e errTooMany) Error() string { return e.msg }

// join registers a subscriber and returns the newest entry the hub has
// handed out: the subscriber reads those up to it itself (a replay), the
// hub hands it the later ones.
func (h *hub) join(ctx context.Context, s *subscriber, who string) (string, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.perCall[who] >= MaxSubscriptions {
		return "", errTooMany{fmt.Sprintf("at most %d event streams may be open at once for one caller: close one first", MaxSubscriptions)}
	}
	if len(h.subs) >= MaxStreams {
		return "", errTooMany{"this node has as many event streams open as it takes: try again later"}
	}
	if !h.running {
		head, err := h.svc.FeedHead(ctx)
		if err != nil {
			return "", err
		}
		h.high, h.running = head, true
		clear(h.recent)
		go h.run()
	}
	h.subs[s.w] = s
	h.set.Add(s.w)
	h.perCall[who]++
	return h.high, nil
}

func (h *hub) leave(s *subscriber, who string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.subs, s.w)
	h.set.Remove(s.w)
	if h.perCall[who]--; h.perCall[who] <= 0 {
		delete(h.perCall, who)
	}
}

// run reads the feed while anyone listens: when this node's writes
// commit (at most every feedGap) and every feedPoll for other nodes'.
func (h *hub) run() {
	ctx := context.Background()
	t := time.NewTicker(feedPoll)
	defer t.Stop()
	signal := h.svc.FeedSignal()
	for {
		select {
		case <-t.C:
		case <-signal:
		}
		h.mu.Lock()
		if len(h.subs) == 0 {
			h.running = false
			h.mu.Unlock()
			return
		}
		h.mu.Unlock()
		for {
			n, err := h.poll(ctx)
			if err != nil {
				h.log.Warn("events: reading the feed failed", "error", err.Error())
				break
			}
			if n < feedBatch {
				break
			}
		}
		// Writes that commit meanwhile wait for the next read, together.
		time.Sleep(feedGap)
	}
}

// poll reads and hands out one batch of new entries; it returns how many
// it read. On a shared store it reads again, every feedSweep, the
// FeedSettle before the newest entry handed out, for the writes of other
// nodes that became visible late, and skips those already handed out.
func (h *hub) poll(ctx context.Context) (int, error) {
	shared := h.svc.FeedShared()
	h.mu.Lock()
	from := h.high
	if shared && from != "" && time.Since(h.swept) >= feedSweep {
		if t, ok := documents.FeedKeyTime(from); ok {
			from = documents.FeedKeyAt(t.Add(-documents.FeedSettle))
		}
		h.swept = time.Now()
	}
	h.mu.Unlock()
	read := 0
	var fresh []documents.FeedEntry
	for {
		entries, err := h.svc.Feed(ctx, from, feedBatch)
		if err != nil {
			return 0, err
		}
		read = len(entries)
		h.mu.Lock()
		for _, e := range entries {
			if _, ok := h.recent[e.Key]; ok || !shared && e.Key <= h.high {
				continue
			}
			fresh = append(fresh, e)
		}
		h.mu.Unlock()
		if read < feedBatch || len(fresh) > 0 {
			break
		}
		from = entries[len(entries)-1].Key // a full batch of entries already sent
	}
	if len(fresh) == 0 {
		return read, nil
	}
	err := h.svc.Deliver(ctx, fresh, h.set, h.emit)
	h.mu.Lock()
	for _, e := range fresh {
		if e.Key > h.high {
			h.high = e.Key
		}
		if shared {
			h.recent[e.Key] = struct{}{}
		}
	}
	if shared {
		if t, ok := documents.FeedKeyTime(h.high); ok {
			low := documents.FeedKeyAt(t.Add(-documents.FeedSettle))
			for k := range h.recent {
				if k < low {
					delete(h.recent, k)
				}
			}
		}
	}
	h.mu.Unlock()
	if err != nil {
		return 0, err
	}
	return read, nil
}

// emit hands a subscriber its event, or drops it when it is too far behind.
func (h *hub) emit(e documents.FeedEntry, w *documents.Watcher, seen documents.Seen) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s, ok := h.subs[w]
	if !ok {
		return
	}
	// Callers who see the same (staff, most often) share one frame.
	var frame []byte
	if e.Key == h.lastKey && seen.Visible == h.lastSeen.Visible && seen.WasVisible == h.lastSeen.WasVisible &&
		bytes.Equal(seen.JSON, h.lastSeen.JSON) {
		frame = h.lastFrame
	} else {
		frame = eventFrame(e, seen)
		h.lastKey, h.lastSeen, h.lastFrame = e.Key, seen, frame
	}
	if frame == nil {
		return
	}
	if s.push(frame) {
		return
	}
	close(s.dropped) // told to read afresh
	delete(h.subs, w)
	h.set.Remove(w)
}

// streamEvent is the data of an event.
type streamEvent struct {
	Collection string `json:"collection"`
	ID         string `json:"id"`
	Rev        int64  `json:"rev"`
	// Op is created, updated or deleted, as the caller sees it: a
	// document that became visible to it is created, one that it no
	// longer sees is deleted.
	Op string `json:"op"`
	// Visibility is "shown" or "hidden" when the write changed whether the
	// caller sees the document rather than the document itself.
	Visibility string          `json:"visibility,omitempty"`
	At         string          `json:"at"`
	Doc        json.RawMessage `json:"doc,omitempty"`
}

// eventFrame is the Server-Sent Event of an entry as a caller sees it,
// nil when it sees nothing of it.
func eventFrame(e documents.FeedEntry, seen documents.Seen) []byte {
	ev := streamEvent{Collection: e.Collection, ID: e.ID, Rev: e.Rev, At: e.At}
	switch {
	case e.Op == documents.OpDeleted && seen.WasVisible:
		ev.Op, ev.Doc = documents.OpDeleted, seen.JSON
	case e.Op == documents.OpUpdated && seen.WasVisible && !seen.Visible:
		ev.Op, ev.Visibility = documents.OpDeleted, "hidden" // gone from the caller's sight
	case e.Op == documents.OpCreated && seen.Visible:
		ev.Op, ev.Doc = documents.OpCreated, seen.JSON
	case e.Op == documents.OpUpdated && seen.Visible && !seen.WasVisible:
		ev.Op, ev.Visibility, ev.Doc = documents.OpCreated, "shown", seen.JSON // new to the caller
	case e.Op == documents.OpUpdated && seen.Visible:
		ev.Op, ev.Doc = documents.OpUpdated, seen.JSON
	default:
		return nil
	}
	doc := ev.Doc
	ev.Doc = nil
	b, err := json.Marshal(ev)
	if err != nil {
		return nil
	}
	if doc != nil {
		// The stored document is JSON already: spliced in, not encoded
		// again; on one line, as a data field must be.
		if bytes.IndexByte(doc, '\n') >= 0 {
			var c bytes.Buffer
			if json.Compact(&c, doc) != nil {
				return nil
			}
			doc = c.Bytes()
		}
		b = append(append(append(b[:len(b)-1], `,"doc":`...), doc...), '}')
	}
	frame := make([]byte, 0, len(b)+len(e.Key)+len(ev.Op)+24)
	frame = append(append(frame, "id: "...), e.Key...)
	frame = append(append(frame, "\nevent: "...), ev.Op...)
	frame = append(append(frame, "\ndata: "...), b...)
	return append(frame, "\n\n"...)
}

// events answers GET /api/_events: Server-Sent Events of the writes the
// caller may see, as it sees them, optionally of some collections
// (collections=a,b), one document (id=) or those a filter keeps (filter=).
// Last-Event-ID (or lastEventId=) resumes after an event within the feed's
// retention; else a resync event says to read afresh.
func (h *handlers) events(w http.ResponseWriter, r *http.Request) {
	fs, ok := h.svc.(feedService)
	if !ok {
		h.error(w, r, &documents.Error{Kind: documents.KindNotFound, Message: "this server has no event stream"})
		return
	}
	q := r.URL.Query()
	var ends <-chan time.Time // a ticket's stream ends after ticketStreamLife
	if t := q.Get("ticket"); t != "" {
		if r.Header.Get("Authorization") != "" {
			h.error(w, r, badRequest("send a ticket or an Authorization header, not both"))
			return
		}
		a, ok := h.ticketAuth(t)
		if !ok {
			h.authFailed(r)
			h.unauthorized(w, r, "the ticket is not valid or has expired: get a new one with POST /api/_events/ticket")
			return
		}
		r = r.WithContext(documents.WithAuth(r.Context(), a))
		life := time.NewTimer(ticketStreamLife)
		defer life.Stop()
		ends = life.C
	}
	s := &subscriber{notify: make(chan struct{}, 1), dropped: make(chan struct{})}
	colls, id := list(q.Get("collections")), q.Get("id")
	filter := q.Get("filter")
	if (id != "" || filter != "") && len(colls) != 1 {
		h.error(w, r, badRequest("id= and filter= need one collection: collections=attempts&id=... or collections=attempts&filter=..."))
		return
	}
	last := r.Header.Get("Last-Event-ID")
	if last == "" {
		last = q.Get("lastEventId")
	}
	if _, ok := documents.FeedKeyTime(last); last != "" && !ok {
		h.error(w, r, badRequest("Last-Event-ID is not the id of an event: resume with the id of the last event received"))
		return
	}
	// The stream decides as its caller, for as long as it is open.
	watcher, err := fs.NewWatcher(r.Context(), colls, id, filter)
	if err != nil {
		h.error(w, r, err)
		return
	}
	s.w = watcher
	who := "addr:" + clientAddr(r.RemoteAddr).String()
	if a, ok := documents.AuthFrom(r.Context()); ok && a.KeyID != "" {
		who = "key:" + a.KeyID
	}
	if h.hub == nil {
		h.error(w, r, &documents.Error{Kind: documents.KindNotFound, Message: "this server has no event stream"})
		return
	}
	cursor, err := h.hub.join(r.Context(), s, who)
	if err != nil {
		var tm errTooMany
		if ok := asTooMany(err, &tm); ok {
			w.Header().Set("Retry-After", "5")
			h.problem(w, r, http.StatusTooManyRequests, tm.msg, nil)
			return
		}
		h.error(w, r, err)
		return
	}
	defer h.hub.leave(s, who)

	rc := http.NewResponseController(w)
	hdr := w.Header()
	hdr.Set("Content-Type", "text/event-stream")
	hdr.Set("Cache-Control", "no-store")
	hdr.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	write := func(b []byte) error {
		_ = rc.SetWriteDeadline(time.Now().Add(writeWait))
		if _, err := w.Write(b); err != nil {
			return err
		}
		return rc.Flush()
	}
	if write([]byte(": the writes you may see, as you see them\nretry: 2000\n\n")) != nil {
		return
	}
	resync := func(why string) {
		b, _ := json.Marshal(map[string]string{"reason": why})
		_ = write([]byte("event: resync\ndata: " + string(b) + "\n\n"))
	}

	// What the caller missed, up to the hub's cursor.
	if last != "" && !h.replay(r.Context(), fs, s, last, cursor, write, resync) {
		return
	}

	beat := time.NewTicker(heartbeat)
	defer beat.Stop()
	var buf []byte
	for {
		select {
		case <-s.dropped: // before what is queued
			resync("the stream fell too far behind: read afresh")
			return
		default:
		}
		select {
		case <-r.Context().Done():
			return
		case <-h.cfg.Closing:
			return
		case <-ends:
			return
		case <-s.dropped:
			resync("the stream fell too far behind: read afresh")
			return
		case <-s.notify:
			// Everything queued goes in one write: one system call for a
			// burst, not one an event.
			buf = s.take(buf[:0])
			if len(buf) == 0 {
				continue
			}
			if !h.stillAuthorized(r) {
				return // its key was revoked, or its token expired
			}
			if write(buf) != nil {
				return
			}
			if cap(buf) > 64<<10 {
				buf = nil // a burst's room is not kept
			}
		case <-beat.C:
			if !h.stillAuthorized(r) {
				return // its key was revoked, or its token expired
			}
			if write([]byte(": ping\n\n")) != nil {
				return
			}
		}
	}
}

func asTooMany(err error, target *errTooMany) bool {
	tm, ok := err.(errTooMany)
	if ok {
		*target = tm
	}
	return ok
}

// replay sends a resuming client the events after last up to cursor (on a
// shared store, from FeedSettle before last: the writes of other nodes
// that became visible late; a client may get an event twice, and knows it
// by its collection, id and rev). It returns false when the stream ends.
func (h *handlers) replay(ctx context.Context, fs feedService, s *subscriber, last, cursor string, write func([]byte) error, resync func(string)) bool {
	from := last
	if fs.FeedShared() {
		t, _ := documents.FeedKeyTime(last)
		from = documents.FeedKeyAt(t.Add(-documents.FeedSettle))
	}
	if cursor == "" || from >= cursor {
		return true
	}
	if keeps, err := fs.FeedKeeps(ctx, last); err != nil {
		return false
	} else if !keeps {
		resync("the events after " + last + " are no longer kept: read afresh")
		return false
	}
	one := documents.NewWatchSet()
	one.Add(s.w)
	sent := 0
	for {
		entries, err := fs.Feed(ctx, from, feedBatch)
		if err != nil {
			return false
		}
		var batch []documents.FeedEntry
		for _, e := range entries {
			if e.Key > cursor {
				break
			}
			batch = append(batch, e)
		}
		var frames [][]byte
		err = fs.Deliver(ctx, batch, one, func(e documents.FeedEntry, _ *documents.Watcher, seen documents.Seen) {
			if f := eventFrame(e, seen); f != nil {
				frames = append(frames, f)
			}
		})
		if err != nil {
			return false
		}
		for _, f := range frames {
			if write(f) != nil {
				return false
			}
		}
		if sent += len(frames); sent > replayLimit {
			resync("more events were missed than a stream replays: read afresh")
			return false
		}
		if len(entries) < feedBatch || entries[len(entries)-1].Key >= cursor {
			return true
		}
		from = entries[len(entries)-1].Key
	}
}

// Stream tickets let a browser's EventSource, which cannot send an
// Authorization header, open a stream as its caller: POST
// /api/_events/ticket (with the header) gives one, good for a minute, for
// GET /api/_events?ticket=. A stream opened with one ends after
// ticketStreamLife (the client resumes with a new ticket and its last
// event's id), so that a revoked key does not listen on for ever.
const (
	ticketTTL        = time.Minute
	ticketStreamLife = time.Hour
)

// ticketClaims is what a ticket carries.
type ticketClaims struct {
	Auth    documents.Auth `json:"a"`
	Expires int64          `json:"e"`
}

func (h *handlers) ticketKey() []byte {
	mac := hmac.New(sha256.New, h.svc.SeedKey())
	mac.Write([]byte("credence event stream tickets"))
	return mac.Sum(nil)
}

func (h *handlers) now() time.Time {
	if h.cfg.Now != nil {
		return h.cfg.Now()
	}
	return time.Now()
}

// eventTicket answers POST /api/_events/ticket.
func (h *handlers) eventTicket(w http.ResponseWriter, r *http.Request) {
	a, _ := documents.AuthFrom(r.Context())
	exp := h.now().Add(ticketTTL)
	claims, err := json.Marshal(ticketClaims{Auth: a, Expires: exp.Unix()})
	if err != nil {
		h.error(w, r, err)
		return
	}
	body := base64.RawURLEncoding.EncodeToString(claims)
	mac := hmac.New(sha256.New, h.ticketKey())
	mac.Write([]byte(body))
	ticket := body + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusCreated)
	json.NewEncoder(w).Encode(map[string]string{"ticket": ticket, "expiresAt": exp.UTC().Format(time.RFC3339)})
}

// ticketAuth returns the caller a ticket stands for, or false when it is
// not one of this store's or has expired.
func (h *handlers) ticketAuth(ticket string) (documents.Auth, bool) {
	body, sig, ok := strings.Cut(ticket, ".")
	if !ok || len(ticket) > 2048 {
		return documents.Auth{}, false
	}
	got, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil {
		return documents.Auth{}, false
	}
	mac := hmac.New(sha256.New, h.ticketKey())
	mac.Write([]byte(body))
	if !hmac.Equal(got, mac.Sum(nil)) {
		return documents.Auth{}, false
	}
	raw, err := base64.RawURLEncoding.DecodeString(body)
	if err != nil {
		return documents.Auth{}, false
	}
	var c ticketClaims
	if json.Unmarshal(raw, &c) != nil || h.now().Unix() > c.Expires {
		return documents.Auth{}, false
	}
	return c.Auth, true
}

// stillAuthorized reports whether the Authorization header a stream was
// opened with still stands for a caller (a key not revoked, a token not
// expired); a stream without one stands.
func (h *handlers) stillAuthorized(r *http.Request) bool {
	hdr := r.Header.Get("Authorization")
	if hdr == "" {
		return true
	}
	_, secret, _ := strings.Cut(hdr, " ")
	secret = strings.TrimSpace(secret)
	if h.cfg.Tokens != nil && strings.Count(secret, ".") == 2 {
		_, ok := h.cfg.Tokens.Verify(secret)
		return ok
	}
	if _, ok := h.svc.AuthenticateCached(secret); ok {
		return true
	}
	_, err := h.svc.Authenticate(r.Context(), secret)
	return err == nil
}
