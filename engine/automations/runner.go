package automations

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/expressions"
	"github.com/credence/credence/schemas"
	"github.com/credence/credence/store"
)

// Documents is what the runner needs of the document service.
type Documents interface {
	Get(ctx context.Context, coll, id string, opts documents.ReadOptions) (*documents.Document, error)
	List(ctx context.Context, coll string, opts documents.ListOptions) (*documents.Page, error)
	Create(ctx context.Context, coll string, body []byte, opts documents.WriteOptions) (*documents.Document, error)
	Patch(ctx context.Context, coll, id string, patch []byte, opts documents.WriteOptions) (*documents.Document, error)
	PendingEvents(ctx context.Context, limit int) ([]documents.Event, error)
	AckEvents(ctx context.Context, keys []string) error
	Registry() *schemas.Registry
	// Reader is what get, find and count read in automations' formulas.
	Reader() expressions.Reader
	// SeedKey is the store's draw key, mixed into the seed of sample.
	SeedKey() []byte
	// Secret reads an x-secret field, which no read shows: a webhook's key.
	Secret(ctx context.Context, coll, id, field string) (string, error)
}

// Config configures a Runner. Zero fields take the defaults named.
type Config struct {
	// Now is the program's clock: schedules, reminders, backoff and the
	// now of formulas. time.Now when nil. Tests move it.
	Now func() time.Time
	// SMTP configures the e-mail channel.
	SMTP SMTP
	// Egress is the policy of the addresses webhooks may call, checked on
	// every connection; its zero value refuses internal addresses. Give
	// SystemCollections the same one.
	Egress Egress
	// WebhookTimeout bounds a webhook call: 10s.
	WebhookTimeout time.Duration
	// Logger receives what the runner does, and the messages of the log
	// channel.
	Logger *slog.Logger
	// PollInterval is the pause between passes when there is nothing to
	// do: 1s.
	PollInterval time.Duration
	// BatchSize is the number of outbox events read at a time: 500.
	BatchSize int
	// LeaseTTL is how long the lease lasts unless renewed: 15s. A node
	// whose runner stops is replaced after it.
	LeaseTTL time.Duration
	// MaxAttempts bounds the attempts of an action or a delivery before it
	// is failed: 8.
	MaxAttempts int
	// Backoff spaces the attempts: from 30s, doubling, up to 1h.
	Backoff Backoff
	// PublicURL is the server's address as recipients reach it
	// ("https://cert.example.org"); it makes the open-tracking pixel of
	// HTML e-mail. No pixel when empty.
	PublicURL string
	// Limits bound each formula run; expressions.DefaultLimits when zero.
	Limits expressions.Limits
	// NodeID names this runner in the lease; random when empty.
	NodeID string
	// Credentials issues the verifiable credentials of the issue and
	// credentialStatus actions; without it, those actions fail.
	Credentials Credentials
}

// Credentials issues verifiable credentials and keeps their status
// (engine/credentials).
type Credentials interface {
	// IssueFields issues the credential about source once, from the
	// fields an issue action's formula gives.
	IssueFields(ctx context.Context, source string, fields map[string]any) error
	// SetStatusNamed makes the credential about source active, suspended
	// or revoked; one never issued is left alone.
	SetStatusNamed(ctx context.Context, source, status string) error
}

// Runner runs automations and delivers messages. Create it with New and
// start it with Run.
type Runner struct {
	svc Documents
	st  store.Store
	cfg Config
	log *slog.Logger
	id  string
	cmp *compiler
	// hooks makes webhook calls under cfg.Egress.
	hooks *http.Client

	leaseUntil atomic.Int64
	full       atomic.Bool // the last batch of events was full
	tracking   atomic.Pointer[[]byte]

	mu          sync.Mutex // guards what follows
	automations map[string]*Automation
	subscribers []subscription
	loaded      bool
	lastPrune   time.Time
}

// New returns a Runner over the document service svc and its store st,
// where it keeps its own state (buckets prefixed "auto/").
func New(svc Documents, st store.Store, cfg Config) *Runner {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.WebhookTimeout <= 0 {
		cfg.WebhookTimeout = 10 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = time.Second
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 500
	}
	if cfg.LeaseTTL <= 0 {
		cfg.LeaseTTL = 15 * time.Second
	}
	if cfg.MaxAttempts <= 0 {
		cfg.MaxAttempts = 8
	}
	if cfg.Backoff.Base <= 0 {
		cfg.Backoff.Base = 30 * time.Second
	}
	if cfg.Backoff.Max < cfg.Backoff.Base {
		cfg.Backoff.Max = max(time.Hour, cfg.Backoff.Base)
	}
	cfg.PublicURL = strings.TrimSuffix(cfg.PublicURL, "/")
	id := cfg.NodeID
	if id == "" {
		var b [8]byte
		rand.Read(b[:])
		id = hex.EncodeToString(b[:])
	}
	return &Runner{svc: svc, st: st, cfg: cfg, log: cfg.Logger, id: id, cmp: newCompiler(),
		hooks: cfg.Egress.Client(cfg.WebhookTimeout)}
}

// Run works until ctx ends: a pass whenever there may be work, a pause of
// PollInterval when there is none. Errors are logged and the pass is tried
// again after a pause; Run returns nil when ctx ends, after giving up the
// lease.
func (r *Runner) Run(ctx context.Context) error {
	defer func() {
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if err := r.release(rctx); err != nil {
			r.log.Warn("automations: cannot release the lease", "error", err.Error())
		}
	}()
	for {
		busy, err := r.pass(ctx)
		full := r.full.Swap(false)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			r.log.Error("automations: pass failed", "error", err.Error())
			busy = false
		}
		if busy && full {
			continue // a full batch: the outbox has more
		}
		wait := r.cfg.PollInterval
		if busy {
			// More may be waiting: look again soon, but not at once, so
			// that events written one by one are read and acknowledged
			// in batches rather than each with a commit of its own.
			wait = min(wait, linger)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
	}
}

// linger is the pause after a pass that found work.
const linger = 50 * time.Millisecond

// ErrLeased is RunOnce's answer when another runner holds the lease.
var ErrLeased = errors.New("automations: another runner holds the lease")

// RunOnce makes passes until there is nothing left to do now: events to
// read, jobs and deliveries due, schedules due; then it gives up the
// lease. It is Run's work without the waiting. When another runner holds
// the lease, it returns ErrLeased at once.
func (r *Runner) RunOnce(ctx context.Context) (err error) {
	ok, err := r.acquire(ctx)
	if err != nil {
		return err
	}
	if !ok {
		return ErrLeased
	}
	defer func() {
		// A pass killed (ctx cancelled) keeps the lease until it expires,
		// as a crashed process does.
		if rerr := r.release(ctx); rerr != nil && err == nil && ctx.Err() == nil {
			err = rerr
		}
	}()
	for range 1000 {
		busy, err := r.pass(ctx)
		if err != nil || !busy {
			return err
		}
	}
	return errors.New("automations: still busy after 1000 passes")
}

// pass does one round of work and reports whether there may be more.
func (r *Runner) pass(ctx context.Context) (bool, error) {
	ok, err := r.renew(ctx)
	if err != nil || !ok {
		r.mu.Lock()
		r.loaded = false // whoever holds the lease may change things; reload when ours again
		r.mu.Unlock()
		return false, err
	}
	if err := r.load(ctx); err != nil {
		return false, err
	}
	events, err := r.consume(ctx)
	if err != nil {
		return false, fmt.Errorf("events: %w", err)
	}
	if err := r.schedule(ctx); err != nil {
		return false, fmt.Errorf("schedules: %w", err)
	}
	jobs, err := r.work(ctx)
	if err != nil {
		return false, fmt.Errorf("jobs: %w", err)
	}
	sent, err := r.deliver(ctx)
	if err != nil {
		return false, fmt.Errorf("delivery: %w", err)
	}
	now := r.cfg.Now()
	if now.Sub(r.lastPrune) > time.Hour {
		r.lastPrune = now
		if err := r.pruneDone(ctx, now.Add(-7*24*time.Hour)); err != nil {
			r.log.Warn("automations: cannot prune", "error", err.Error())
		}
	}
	return events > 0 || jobs > 0 || sent > 0, nil
}

// load reads the automations and webhook subscriptions, when they are not
// loaded yet.
func (r *Runner) load(ctx context.Context) error {
	r.mu.Lock()
	loaded := r.loaded
	r.mu.Unlock()
	if loaded {
		return nil
	}
	autos := map[string]*Automation{}
	err := r.each(ctx, AutomationsCollection, func(raw []byte) error {
		m, err := decode(raw)
		if err != nil {
			return err
		}
		a, err := r.cmp.automation(m)
		if err != nil {
			// Saved documents passed the check; one that no longer compiles
			// (the formula language changed) is skipped, loudly.
			r.log.Error("automations: cannot compile", "automation", m["id"], "error", err.Error())
			return nil
		}
		autos[a.ID] = a
		return nil
	})
	if err != nil {
		return fmt.Errorf("load automations: %w", err)
	}
	var subs []subscription
	err = r.each(ctx, WebhooksCollection, func(raw []byte) error {
		m, err := decode(raw)
		if err != nil {
			return err
		}
		subs = append(subs, subscriptionsOf(m)...)
		return nil
	})
	if err != nil {
		return fmt.Errorf("load webhooks: %w", err)
	}
	r.mu.Lock()
	r.automations, r.subscribers, r.loaded = autos, subs, true
	r.mu.Unlock()
	return nil
}

// invalidate makes the next pass reload the definitions.
func (r *Runner) invalidate() {
	r.mu.Lock()
	r.loaded = false
	r.mu.Unlock()
}

// each calls fn for every document of coll, in id order.
func (r *Runner) each(ctx context.Context, coll string, fn func(raw []byte) error) error {
	return r.eachOf(ctx, coll, nil, time.Time{}, fn)
}

// eachOf calls fn with the documents of coll that narrow's comparisons
// with constants or with now (at at) select from an x-index: all of them
// when none can be served from one. fn still has to run narrow. The pages
// follow the index, so a pass over a range reads each entry once; in id
// order each page would read the whole range again.
func (r *Runner) eachOf(ctx context.Context, coll string, narrow *expressions.Program, at time.Time, fn func(raw []byte) error) error {
	cursor := ""
	for {
		page, err := r.svc.List(ctx, coll, documents.ListOptions{Limit: documents.MaxLimit, Cursor: cursor, Narrow: narrow, At: at, IndexOrder: true})
		if err != nil {
			return err
		}
		for _, raw := range page.Items {
			if err := fn(raw); err != nil {
				return err
			}
		}
		if page.Next == "" {
			return nil
		}
		cursor = page.Next
	}
}

func (r *Runner) automation(id string) *Automation {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.automations[id]
}

func (r *Runner) snapshot() ([]*Automation, []subscription) {
	r.mu.Lock()
	defer r.mu.Unlock()
	list := make([]*Automation, 0, len(r.automations))
	for _, a := range r.automations {
		list = append(list, a)
	}
	return list, r.subscribers
}

// writerPrefix is the KeyID prefix of the writes automations make.
const writerPrefix = "automation:"

// writer is the context of an automation's writes: the audit names it.
func writer(ctx context.Context, automation string) context.Context {
	return documents.WithAuth(ctx, documents.Auth{KeyID: writerPrefix + automation, Role: documents.RoleAdmin})
}

// consume reads a batch of outbox events, stores the jobs they call for,
// and acknowledges them. It returns the number of events read.
func (r *Runner) consume(ctx context.Context) (int, error) {
	events, err := r.svc.PendingEvents(ctx, r.cfg.BatchSize)
	if err != nil || len(events) == 0 {
		return 0, err
	}
	now := r.cfg.Now()
	// An automation or a webhook created in this batch acts on the events
	// after its own, not on those before: it did not exist then.
	notYet := map[string]bool{}
	for _, ev := range events {
		if ev.Op == documents.OpCreated && (ev.Collection == AutomationsCollection || ev.Collection == WebhooksCollection) {
			notYet[ev.Collection+"/"+ev.ID] = true
		}
	}
	var jobs []job
	keys := make([]string, 0, len(events))
	for _, ev := range events {
		keys = append(keys, ev.Key)
		switch ev.Collection {
		case AutomationsCollection, WebhooksCollection:
			delete(notYet, ev.Collection+"/"+ev.ID)
			// Later events of the batch see the change.
			r.invalidate()
			if err := r.load(ctx); err != nil {
				return 0, err
			}
		}
		js, err := r.match(ctx, ev, now, notYet)
		if err != nil {
			return 0, err
		}
		jobs = append(jobs, js...)
	}
	if _, err := r.enqueue(ctx, jobs); err != nil {
		return 0, fmt.Errorf("store jobs: %w", err)
	}
	if err := r.svc.AckEvents(ctx, keys); err != nil {
		return 0, err
	}
	r.full.Store(len(events) == r.cfg.BatchSize)
	return len(events), nil
}

// eventID names an event the same way on every delivery of it.
func eventID(ev documents.Event) string {
	return ev.Collection + "/" + ev.ID + "/" + strconv.FormatInt(ev.Rev, 10) + "/" + ev.Op
}

// match returns the jobs an event calls for: one per automation that
// fires on it and whose when holds, one per webhook subscribed to it.
func (r *Runner) match(ctx context.Context, ev documents.Event, now time.Time, notYet map[string]bool) ([]job, error) {
	autos, subs := r.snapshot()
	var jobs []job
	doc := ev.After
	if ev.Op == documents.OpDeleted {
		doc = ev.Before
	}
	var dv, ov map[string]any
	decoded := false
	for _, a := range autos {
		if !a.Enabled || len(a.Do) == 0 || !a.On.fires(ev.Collection, ev.Op) || ev.KeyID == writerPrefix+a.ID ||
			notYet[AutomationsCollection+"/"+a.ID] {
			// An automation never fires on its own writes: an update of
			// the document it watches would fire it again, for ever.
			continue
		}
		if !decoded {
			decoded = true
			d, err := decode(doc)
			if err != nil {
				return nil, fmt.Errorf("event %s: %w", eventID(ev), err)
			}
			o, err := decode(ev.Before)
			if err != nil {
				return nil, fmt.Errorf("event %s: %w", eventID(ev), err)
			}
			dv, ov = formulaDoc(r.svc, ev.Collection, d), formulaDoc(r.svc, ev.Collection, o)
			if ev.Op == documents.OpDeleted {
				ov = nil
			}
		}
		ok, err := r.holds(ctx, a.When, dv, ov, now)
		if err != nil {
			// A formula that fails on this document does not stop the
			// others; it is logged for the program owner.
			r.log.Warn("automations: when failed", "automation", a.ID, "event", eventID(ev), "error", err.Error())
			continue
		}
		if !ok {
			continue
		}
		jobs = append(jobs, r.newJob(a.ID, "", eventID(ev), ev, doc, now))
	}
	for _, s := range subs {
		if s.matches(ev.Collection, ev.Op) && !notYet[WebhooksCollection+"/"+s.webhook] {
			jobs = append(jobs, r.newJob("", s.webhook, eventID(ev), ev, doc, now))
		}
	}
	return jobs, nil
}

func (r *Runner) newJob(automation, webhook, event string, ev documents.Event, doc []byte, now time.Time) job {
	owner := automation
	if webhook != "" {
		owner = "webhook:" + webhook
	}
	j := job{Key: jobKey(owner, event), Automation: automation, Webhook: webhook, Event: event, Op: ev.Op,
		Collection: ev.Collection, DocID: ev.ID, Doc: doc, At: now, EventAt: ev.At, Rev: ev.Rev}
	if ev.Op == documents.OpUpdated {
		j.Old = ev.Before
	}
	return j
}

// work runs the jobs that are due and returns how many it ran.
func (r *Runner) work(ctx context.Context) (int, error) {
	now := r.cfg.Now()
	jobs, err := r.dueJobs(ctx, now, r.cfg.BatchSize)
	if err != nil || len(jobs) == 0 {
		return 0, err
	}
	// The jobs of one document run in order, one after the other; those
	// of different documents side by side, so that the store groups
	// their commits (a sweep that lapses a thousand credentials).
	var groups [][]job
	at := make(map[string]int)
	for _, j := range jobs {
		k := j.Collection + "\x00" + j.DocID
		i, ok := at[k]
		if !ok {
			i = len(groups)
			at[k] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], j)
	}
	done := make([][]string, len(groups))
	errs := make([]error, len(groups))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(jobWorkers, len(groups)) {
		wg.Go(func() {
			for g := range next {
				done[g], errs[g] = r.runGroup(ctx, groups[g], now)
			}
		})
	}
	for g := range groups {
		next <- g
	}
	close(next)
	wg.Wait()
	var finished []string
	for g := range groups {
		if errs[g] != nil {
			return 0, errs[g]
		}
		finished = append(finished, done[g]...)
	}
	if err := r.finishJobs(ctx, finished, now); err != nil {
		return 0, err
	}
	return len(jobs), nil
}

// jobWorkers bounds the documents whose jobs run at once.
const jobWorkers = 8

// runGroup runs the jobs of one document in order, and returns the keys
// of those done.
func (r *Runner) runGroup(ctx context.Context, jobs []job, now time.Time) ([]string, error) {
	var done []string
	for _, j := range jobs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if ok, err := r.renew(ctx); err != nil || !ok {
			return nil, err
		}
		finished, err := r.runJob(ctx, j, now)
		if err != nil {
			return nil, err
		}
		if finished {
			done = append(done, j.Key)
		}
	}
	return done, nil
}

// runJob runs a job's actions in order. Each has its idempotency key, so a
// job run again after a crash redoes nothing the first run did. When an
// action fails, the job waits for a retry with backoff, and after
// MaxAttempts it fails: recorded in _messages for operators. It reports
// whether the job is done; its error is the store's, not the actions'.
func (r *Runner) runJob(ctx context.Context, j job, now time.Time) (bool, error) {
	var actErr error
	step := ""
	if j.Webhook != "" {
		step = "webhook " + j.Webhook
		actErr = r.queueSubscription(ctx, j, now)
	} else {
		a := r.automation(j.Automation)
		if a == nil || !a.Enabled {
			r.log.Info("automations: job dropped: its automation is gone or disabled", "automation", j.Automation, "event", j.Event)
			return true, nil
		}
		for i := range a.Do {
			if actErr = r.act(ctx, a, i, j, now); actErr != nil {
				step = fmt.Sprintf("action %d (%s) of %s", i, a.Do[i].Kind, a.ID)
				break
			}
		}
	}
	if actErr == nil {
		if j.Message != "" {
			r.patchMessage(ctx, j.Message, map[string]any{"status": StatusDelivered, "deliveredAt": stamp(now), "error": nil})
		}
		return true, nil
	}
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	j.Attempts++
	j.Error = step + ": " + actErr.Error()
	r.log.Warn("automations: action failed", "job", j.Event, "automation", j.Automation, "attempt", j.Attempts, "error", j.Error)
	if j.Attempts >= r.cfg.MaxAttempts {
		j.Failed = true
		id, err := r.recordFailure(ctx, j, now)
		if err != nil {
			r.log.Error("automations: cannot record a failed action", "job", j.Event, "error", err.Error())
		}
		j.Message = id
	} else {
		j.NotBefore = now.Add(r.cfg.Backoff.Delay(j.Attempts))
	}
	return false, r.saveJob(ctx, j)
}

// recordFailure writes the _messages document of a job that failed for
// good, through which an operator retries it.
func (r *Runner) recordFailure(ctx context.Context, j job, now time.Time) (string, error) {
	id := "job-" + idempotencyKey(j.Key)
	body := map[string]any{
		"id": id, "channel": ChannelAction, "status": StatusFailed, "automation": j.Automation,
		"event": j.Event, "document": j.Collection + "/" + j.DocID, "attempts": j.Attempts,
		"error": truncate(j.Error, 2000), "failedAt": stamp(now),
	}
	if j.Webhook != "" {
		body["webhook"] = j.Webhook
		delete(body, "automation")
	}
	if _, err := r.create(ctx, MessagesCollection, body, ""); err != nil {
		if documents.KindOf(err) != documents.KindConflict {
			return "", err
		}
		// There from an earlier failure, since retried: fail it again.
		r.patchMessage(ctx, id, map[string]any{"status": StatusFailed, "attempts": j.Attempts,
			"error": truncate(j.Error, 2000), "failedAt": stamp(now)})
	}
	return id, nil
}

// create writes a new document, as the automation system.
func (r *Runner) create(ctx context.Context, coll string, body map[string]any, idem string) (*documents.Document, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	return r.svc.Create(writer(ctx, "system"), coll, b, documents.WriteOptions{IdempotencyKey: idem})
}

// patchMessage changes a _messages document; a failure is logged, since
// the message itself is done.
func (r *Runner) patchMessage(ctx context.Context, id string, patch map[string]any) {
	b, _ := json.Marshal(patch)
	if _, err := r.svc.Patch(writer(ctx, "system"), MessagesCollection, id, b, documents.WriteOptions{}); err != nil {
		r.log.Error("automations: cannot update a message", "message", id, "error", err.Error())
	}
}

func stamp(t time.Time) string { return t.UTC().Format(expressions.TimeLayout) }

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
