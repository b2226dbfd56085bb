package documents

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/credence/credence/expressions"
	"github.com/credence/credence/schemas"
	"github.com/credence/credence/store"
)

// SchemasCollection is the system collection whose documents define the
// other collections.
const SchemasCollection = "_schemas"

// Bucket layout. Collection names cannot contain "/", so names never clash.
func docsBucket(c string) string { return "docs/" + c }
func revsBucket(c string) string { return "revs/" + c }
func idxBucket(c string) string  { return "idx/" + c }
func uniqBucket(c string) string { return "uniq/" + c }

const metaBucket = "meta"

// versionKey holds the schema version: a counter bumped by every schema
// change, read by every write to detect a registry that changed under it.
var versionKey = []byte("schemas.version")

// seedKeyKey holds the store's draw key: 32 random bytes, made with the
// store, mixed into the seed of every sample() (see expressions.Env), and
// never served, exported or readable by a formula.
var seedKeyKey = []byte("draws.key")

// builtinTime is the _createdAt of the built-in schemas: they come with
// the program rather than from a write.
const builtinTime = "1970-01-01T00:00:00.000Z"

// maxRetries bounds how often a write is prepared again after the schema
// registry (or, for a schema patch, the schema) changed under it.
const maxRetries = 8

var (
	errStaleRegistry = errors.New("schema registry changed")
)

// Options configure a Service.
type Options struct {
	// Now returns the current time; time.Now when nil.
	Now func() time.Time
	// Limits bound each formula run; expressions.DefaultLimits when zero.
	Limits expressions.Limits
	// MaxSortScan bounds the documents a list sorted in memory (by a field
	// without an index) reads before it is refused: DefaultMaxSortScan
	// when 0, no bound when negative.
	MaxSortScan int
	// System are the system collections the program adds to the built-in
	// ones (_schemas, _keys, _audit).
	System []SystemCollection
	// FormulaTime bounds the formulas of one request in all: a list's
	// filter, access and computed fields over every document it reads, a
	// write's formulas. They stop this long after the request started to
	// run them, and the request fails. DefaultFormulaTime when zero.
	FormulaTime time.Duration
}

// DefaultFormulaTime is the default of Options.FormulaTime.
const DefaultFormulaTime = 5 * time.Second

// Service is the document service. It is safe for concurrent use.
type Service struct {
	st       store.Store
	now      func() time.Time
	ids      ids
	state    atomic.Pointer[registryState]
	schemaMu sync.Mutex // serializes schema changes made through this Service
	// feedSignal is sent to (without blocking) when a write commits.
	feedSignal chan struct{}
	cache      *expressions.Cache
	limits     expressions.Limits
	// formulaTime bounds the formulas of one request (Options.FormulaTime).
	formulaTime time.Duration
	system      *systemSet
	keys        keyCache
	seedKey     []byte // see seedKeyKey
	maxSorted   int    // see Options.MaxSortScan; 0 for no bound
	// shared is set when other nodes write to the store: reads check the
	// schema version (registryFor).
	shared bool
}

// registryState is a compiled registry, the formulas of its collections,
// and the schema version it reflects.
type registryState struct {
	reg      *schemas.Registry
	formulas map[string]*formulas
	version  uint64
}

// formulaCacheSize bounds the compiled formulas kept: those of every
// schema, and recent filters and playground formulas.
const formulaCacheSize = 4096

// New returns a Service on st, loading the collections stored in it.
func New(ctx context.Context, st store.Store, opts Options) (*Service, error) {
	s := &Service{st: st, now: opts.Now, limits: opts.Limits, cache: expressions.NewCache(formulaCacheSize),
		feedSignal: make(chan struct{}, 1)}
	if s.now == nil {
		s.now = time.Now
	}
	if s.limits == (expressions.Limits{}) {
		s.limits = expressions.DefaultLimits()
	}
	switch s.maxSorted = opts.MaxSortScan; {
	case s.maxSorted == 0:
		s.maxSorted = DefaultMaxSortScan
	case s.maxSorted < 0:
		s.maxSorted = 0
	}
	s.formulaTime = opts.FormulaTime
	if s.formulaTime <= 0 {
		s.formulaTime = DefaultFormulaTime
	}
	set, err := newSystemSet(opts.System, builtinTime)
	if err != nil {
		return nil, err
	}
	s.system = set
	reg, err := schemas.Compile(set.withSystem(map[string]json.RawMessage{}))
	if err != nil {
		return nil, fmt.Errorf("compile system collections: %w", err)
	}
	initial, err := s.newState(reg, 0)
	if err != nil {
		return nil, fmt.Errorf("compile system collections: %w", err)
	}
	s.state.Store(initial)
	if sh, ok := st.(sharedStore); ok {
		s.shared = sh.Shared()
	}
	if s.seedKey, err = loadSeedKey(ctx, st); err != nil {
		return nil, err
	}
	if err := s.reload(ctx); err != nil {
		return nil, err
	}
	if err := s.migrateIndexes(ctx); err != nil {
		return nil, fmt.Errorf("indexes: %w", err)
	}
	return s, nil
}

// loadSeedKey reads the store's draw key, making it on first use. Nodes
// starting together on one database agree: the transaction that makes it
// writes only when no other did.
func loadSeedKey(ctx context.Context, st store.Store) ([]byte, error) {
	var key []byte
	err := st.View(ctx, func(r store.Reader) error {
		v, err := r.Get(metaBucket, seedKeyKey)
		if err == nil {
			key = v
		}
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		return err
	})
	if err != nil || len(key) > 0 {
		return key, err
	}
	err = st.Update(ctx, func(tx store.Tx) error {
		v, err := tx.Get(metaBucket, seedKeyKey)
		if err == nil {
			key = v
			return nil
		}
		if !errors.Is(err, store.ErrNotFound) {
			return err
		}
		key = make([]byte, 32)
		rand.Read(key)
		return tx.Put(metaBucket, seedKeyKey, key)
	})
	if err != nil {
		return nil, fmt.Errorf("draw key: %w", err)
	}
	return key, nil
}

// SeedKey returns the store's draw key, for formulas run outside the
// service (automations) to pass as expressions.Env.SeedKey. It is a
// secret: never show it.
func (s *Service) SeedKey() []byte { return s.seedKey }

// Registry returns the current compiled collections.
func (s *Service) Registry() *schemas.Registry { return s.state.Load().reg }

// reload compiles the schemas stored in the store, if their version is newer
// than the one in memory, and installs them.
func (s *Service) reload(ctx context.Context) error {
	var version uint64
	raws := map[string][]byte{}
	err := s.st.View(ctx, func(r store.Reader) error {
		var err error
		if version, err = readVersion(r); err != nil {
			return err
		}
		if version <= s.state.Load().version {
			return nil
		}
		var derr error
		err = r.Scan(docsBucket(SchemasCollection), store.Range{}, func(k, v []byte) bool {
			d, err := decodeStored(v)
			if err != nil {
				derr = fmt.Errorf("schema %s: %w", k, err)
				return false
			}
			raw, err := encodeContent(content(d))
			if err != nil {
				derr = err
				return false
			}
			raws[string(k)] = append(append([]byte{'{'}, raw...), '}')
			return true
		})
		if err != nil {
			return err
		}
		return derr
	})
	if err != nil {
		return fmt.Errorf("load schemas: %w", err)
	}
	if version <= s.state.Load().version {
		return nil
	}
	in := make(map[string]json.RawMessage, len(raws))
	for n, r := range raws {
		in[n] = r
	}
	reg, err := schemas.Compile(s.system.withSystem(in))
	if err != nil {
		return fmt.Errorf("compile stored schemas: %w", err)
	}
	next, err := s.newState(reg, version)
	if err != nil {
		return fmt.Errorf("compile stored formulas: %w", err)
	}
	s.install(next)
	return nil
}

// newState compiles the formulas of every collection of reg.
func (s *Service) newState(reg *schemas.Registry, version uint64) (*registryState, error) {
	rs := &registryState{reg: reg, version: version, formulas: map[string]*formulas{}}
	for _, name := range reg.Names() {
		c, _ := reg.Collection(name)
		f, err := compileFormulas(s.cache, c)
		if err != nil {
			return nil, err
		}
		rs.formulas[name] = f
	}
	return rs, nil
}

// install swaps in a registry unless a newer one is already there.
func (s *Service) install(next *registryState) {
	for {
		cur := s.state.Load()
		if cur.version >= next.version || s.state.CompareAndSwap(cur, next) {
			return
		}
	}
}

func readVersion(r store.Reader) (uint64, error) {
	v, err := r.Get(metaBucket, versionKey)
	if errors.Is(err, store.ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	if len(v) != 8 {
		return 0, fmt.Errorf("corrupt schema version (%d bytes)", len(v))
	}
	return binary.BigEndian.Uint64(v), nil
}

func checkVersion(r store.Reader, want uint64) error {
	v, err := readVersion(r)
	if err != nil {
		return err
	}
	if v != want {
		return errStaleRegistry
	}
	return nil
}

// retry runs attempt with the current registry, and again with a fresh one
// when the registry changed under it, or when it did not know a collection
// that another node may just have defined.
func (s *Service) retry(ctx context.Context, attempt func(*registryState) error) error {
	checkedUnknown := false
	for i := 0; ; i++ {
		rs := s.state.Load()
		err := attempt(rs)
		if errors.Is(err, errUnknownCollection) && !checkedUnknown {
			checkedUnknown = true
			if rerr := s.reload(ctx); rerr != nil {
				return rerr
			}
			if s.state.Load().version == rs.version {
				return err
			}
			continue
		}
		if !errors.Is(err, errStaleRegistry) {
			return err
		}
		if i == maxRetries {
			return errorf(KindConflict, "the collection's schema kept changing during the write; try again")
		}
		if err := s.reload(ctx); err != nil {
			return err
		}
	}
}

// errUnknownCollection is in the chain of the error of a request on a
// collection that the registry does not know.
var errUnknownCollection = errors.New("unknown collection")

// noCollection is the error of a request on an unknown collection.
func noCollection(name string) *Error {
	return &Error{Kind: KindNotFound, Message: fmt.Sprintf("no collection named %q", name), err: errUnknownCollection}
}

// registryFor returns the registry a read of coll runs with: never older
// than the one of a schema change this node or another answered before the
// read began. On a store shared with other nodes, that takes one read of
// the schema version (folded into the document's read by Get); on a store
// of this process alone, the registry in memory is the newest, and the
// store is read only for a collection it does not know.
func (s *Service) registryFor(ctx context.Context, coll string) (*registryState, error) {
	rs := s.state.Load()
	if !s.shared && rs.exists(coll) {
		return rs, nil
	}
	if s.shared {
		v, err := s.getOne(ctx, metaBucket, versionKey)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return nil, fmt.Errorf("schema version: %w", err)
		}
		if len(v) == 8 && binary.BigEndian.Uint64(v) <= rs.version {
			return rs, nil
		}
	}
	if err := s.reload(ctx); err != nil {
		return nil, err
	}
	return s.state.Load(), nil
}

// collection returns the compiled user collection name, or a not-found error.
func (rs *registryState) collection(name string) (*schemas.Collection, error) {
	if c, ok := rs.reg.Collection(name); ok {
		return c, nil
	}
	return nil, noCollection(name)
}

// exists reports whether name is a collection, user or system.
func (rs *registryState) exists(name string) bool {
	if name == SchemasCollection {
		return true
	}
	_, ok := rs.reg.Collection(name)
	return ok
}

// Document is a document as the service returns it.
type Document struct {
	ID   string
	Rev  int64
	ETag string
	// JSON is the document's encoding, ready to send.
	JSON []byte
	// Created is set when a write created the document.
	Created bool
	// Warnings are advisory notes about the write (e.g. unknown keywords).
	Warnings []string
	// Replayed is set when a write with the same idempotency key was
	// already made: this one changed nothing.
	Replayed bool
}

// WriteOptions are the preconditions and switches of a write.
type WriteOptions struct {
	// IfMatch, when set, must match the current ETag (or be "*").
	IfMatch string
	// IfNoneMatch "*" makes a PUT create-only.
	IfNoneMatch string
	// Force applies a schema change or collection deletion even when
	// stored documents stand in the way.
	Force bool
	// DryRun reports what a schema change would do without doing it. Only
	// Put on SchemasCollection supports it; other writes refuse it.
	DryRun bool
	// IdempotencyKey, when set, makes the write happen at most once: a
	// write with a key already used changes nothing and returns the
	// document as it stands, with Document.Replayed set.
	IdempotencyKey string
}

// refuseDryRun fails a write asked to be a dry run where only a real write
// exists: a client that asked not to change anything must not see its
// data changed.
func refuseDryRun(opts WriteOptions) error {
	if opts.DryRun {
		return errorf(KindBadRequest, "a dry run is supported only when putting a schema")
	}
	return nil
}

// Get returns one document, as ctx's caller may see it.
func (s *Service) Get(ctx context.Context, coll, id string, opts ReadOptions) (*Document, error) {
	rs := s.state.Load()
	var raw []byte
	if s.shared {
		// One round trip reads the document and the schema version it
		// must be read with.
		var err error
		if rs, raw, err = s.getVersioned(ctx, coll, id); err != nil {
			return nil, fmt.Errorf("get %s/%s: %w", coll, id, err)
		}
	} else if !rs.exists(coll) {
		var err error
		if rs, err = s.registryFor(ctx, coll); err != nil {
			return nil, err
		}
	}
	v, err := s.view(ctx, rs, coll, "read", opts.Preview)
	if err != nil {
		return nil, err
	}
	if coll == SchemasCollection || !v.plain() || len(opts.Expand) > 0 {
		return s.getViewed(ctx, rs, v, id, opts)
	}
	if raw == nil {
		raw, err = s.getOne(ctx, docsBucket(coll), []byte(id))
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return nil, fmt.Errorf("get %s/%s: %w", coll, id, err)
		}
	}
	if raw == nil {
		return nil, errorf(KindNotFound, "no document %q in %s", id, coll)
	}
	return finishGet(id, raw, etag(raw), opts)
}

// getVersioned reads the document id of coll together with the schema
// version, on a shared store, and returns the registry to read it with:
// a newer one than this node had when another node changed a schema.
// raw is nil when the document is absent.
func (s *Service) getVersioned(ctx context.Context, coll, id string) (*registryState, []byte, error) {
	keys := []store.Key{{Bucket: metaBucket, Key: versionKey}, {Bucket: docsBucket(coll), Key: []byte(id)}}
	var vals [][]byte
	var err error
	if g, ok := s.st.(keysGetter); ok {
		vals, err = g.GetKeys(ctx, keys)
	} else {
		err = s.st.View(ctx, func(r store.Reader) error {
			vals, err = store.GetKeys(r, keys)
			return err
		})
	}
	if err != nil {
		return nil, nil, err
	}
	rs := s.state.Load()
	if len(vals[0]) == 8 && binary.BigEndian.Uint64(vals[0]) > rs.version {
		if err := s.reload(ctx); err != nil {
			return nil, nil, err
		}
		rs = s.state.Load()
	}
	return rs, vals[1], nil
}

// keysGetter is a store that reads keys of several buckets in one round
// trip outside a transaction; store/postgres is one.
type keysGetter interface {
	GetKeys(ctx context.Context, keys []store.Key) ([][]byte, error)
}

// sharedStore is a store other processes write to at the same time.
type sharedStore interface {
	Shared() bool
}

// getViewed reads a document through a view: access, publishing,
// audience, private fields, computed fields and expansion.
func (s *Service) getViewed(ctx context.Context, rs *registryState, v *view, id string, opts ReadOptions) (*Document, error) {
	var out []byte
	var tag string
	err := s.st.View(ctx, func(r store.Reader) error {
		r = s.reader(r, v.coll)
		raw, err := r.Get(docsBucket(v.coll), []byte(id))
		if errors.Is(err, store.ErrNotFound) {
			return errorf(KindNotFound, "no document %q in %s", id, v.coll)
		}
		if err != nil {
			return err
		}
		tag = etag(raw)
		ev := s.evaluation(ctx, r, rs)
		var d stored
		if v.filters() {
			// A document the caller may not see does not exist for it.
			var ok bool
			if len(v.private) > 0 && !v.computed && !v.stripsRaw() {
				// strip decodes it anyway: once is enough.
				if d, err = decodeStored(raw); err != nil {
					return err
				}
				ok, err = v.admit(ev, d)
			} else {
				ok, err = v.admitRaw(ev, raw)
			}
			if err != nil || !ok {
				return errors.Join(err, errorf(KindNotFound, "no document %q in %s", id, v.coll))
			}
		}
		if opts.IfNoneMatch != "" && matchETag(opts.IfNoneMatch, tag) {
			return &Error{Kind: KindNotModified, Message: "not modified", Details: map[string]any{"etag": tag}}
		}
		var changed bool
		if v.computed {
			out, changed, err = v.present(ev, raw)
		} else {
			out, changed, err = v.strip(ev, raw, d)
		}
		if err != nil {
			return err
		}
		if len(opts.Expand) > 0 {
			x, err := s.newExpander(ctx, rs, r, v.coll, opts)
			if err != nil {
				return err
			}
			if out, err = x.document(v.coll, out); err != nil {
				return err
			}
			changed = true
		}
		if changed {
			// Another representation of the same revision.
			tag = "W/" + tag
		}
		return nil
	})
	if KindOf(err) != KindInternal {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("get %s/%s: %w", v.coll, id, err)
	}
	return finishGet(id, out, tag, opts)
}

// finishGet applies If-None-Match and the projection to a read.
func finishGet(id string, raw []byte, tag string, opts ReadOptions) (*Document, error) {
	if opts.IfNoneMatch != "" && matchETag(opts.IfNoneMatch, tag) {
		return nil, &Error{Kind: KindNotModified, Message: "not modified", Details: map[string]any{"etag": tag}}
	}
	doc := &Document{ID: id, ETag: tag, JSON: raw}
	if len(opts.Fields) > 0 {
		var err error
		if doc.JSON, err = project(raw, opts.Fields); err != nil {
			return nil, fmt.Errorf("get %s: %w", id, err)
		}
		if !strings.HasPrefix(tag, "W/") {
			doc.ETag = "W/" + tag
		}
	}
	return doc, nil
}

// oneGetter is a store that reads a single key in fewer round trips than a
// transaction takes; store/postgres is one.
type oneGetter interface {
	GetOne(ctx context.Context, bucket string, key []byte) ([]byte, error)
}

// getOne reads one key, through the store's GetOne where it has one.
func (s *Service) getOne(ctx context.Context, bucket string, key []byte) ([]byte, error) {
	if g, ok := s.st.(oneGetter); ok {
		return g.GetOne(ctx, bucket, key)
	}
	var v []byte
	err := s.st.View(ctx, func(r store.Reader) error {
		var err error
		v, err = r.Get(bucket, key)
		return err
	})
	return v, err
}

// Create stores a new document. The id comes from the body's "id" member or
// is generated. In a collection with x-publish, "_status": "published" in
// the body publishes it at once; it is a draft otherwise.
func (s *Service) Create(ctx context.Context, coll string, body []byte, opts WriteOptions) (*Document, error) {
	if err := refuseDryRun(opts); err != nil {
		return nil, err
	}
	if err := checkIdempotencyKey(opts.IdempotencyKey); err != nil {
		return nil, err
	}
	m, err := decodeObject(body)
	if err != nil {
		return nil, err
	}
	id, _ := m[fieldID].(string)
	if v, ok := m[fieldID]; ok && (!isString(v) || !ValidID(id)) {
		return nil, fieldError(KindBadRequest, "invalid id", "/id", "must match "+idPattern.String())
	}
	if coll == SchemasCollection {
		if id == "" {
			return nil, fieldError(KindInvalid, "a collection needs a name", "/id", "is required: the collection name")
		}
		return s.putSchema(ctx, id, m, body, opts, true)
	}
	if id == "" {
		id = s.ids.next(s.now())
	}
	status, err := statusOf(m)
	if err != nil {
		return nil, err
	}
	return s.put(ctx, coll, id, m, writeMode{mustCreate: true, status: status, idempotencyKey: opts.IdempotencyKey})
}

// statusOf reads the _status a writer gives, if any.
func statusOf(m map[string]any) (string, error) {
	v, ok := m[fieldStatus]
	if !ok {
		return "", nil
	}
	if v != StatusDraft && v != StatusPublished {
		return "", fieldError(KindInvalid, "invalid _status", "/_status", `must be "draft" or "published"`)
	}
	return v.(string), nil
}

// Put creates or replaces the document id with body.
func (s *Service) Put(ctx context.Context, coll, id string, body []byte, opts WriteOptions) (*Document, error) {
	if coll != SchemasCollection {
		if err := refuseDryRun(opts); err != nil {
			return nil, err
		}
	}
	if err := checkIdempotencyKey(opts.IdempotencyKey); err != nil {
		return nil, err
	}
	if !ValidID(id) {
		return nil, fieldError(KindBadRequest, "invalid id", "/id", "must match "+idPattern.String())
	}
	m, err := decodeObject(body)
	if err != nil {
		return nil, err
	}
	if v, ok := m[fieldID]; ok && v != id {
		return nil, fieldError(KindInvalid, "the id in the body differs from the id in the URL", "/id", "must be "+quote(id)+" or absent")
	}
	if coll == SchemasCollection {
		return s.putSchema(ctx, id, m, body, opts, false)
	}
	status, err := statusOf(m)
	if err != nil {
		return nil, err
	}
	return s.put(ctx, coll, id, m, writeMode{ifMatch: opts.IfMatch, ifNoneMatch: opts.IfNoneMatch, status: status, idempotencyKey: opts.IdempotencyKey})
}

// Patch applies a JSON Merge Patch (RFC 7396) to the document id.
func (s *Service) Patch(ctx context.Context, coll, id string, patch []byte, opts WriteOptions) (*Document, error) {
	if err := refuseDryRun(opts); err != nil {
		return nil, err
	}
	if err := checkText(patch); err != nil {
		return nil, err
	}
	pv, err := decodeJSON(patch)
	if err != nil {
		return nil, errorf(KindBadRequest, "the patch is not valid JSON: %v", jsonErrorText(err))
	}
	p, ok := pv.(map[string]any)
	if !ok {
		return nil, fieldError(KindInvalid, "a merge patch on a document must be a JSON object", "", "must be an object")
	}
	if v, ok := p[fieldID]; ok && v != id {
		return nil, fieldError(KindInvalid, "the id of a document cannot be changed", "/id", "must be "+quote(id)+" or absent")
	}
	if coll == SchemasCollection {
		return s.patchSchema(ctx, id, p, opts)
	}
	if err := checkIdempotencyKey(opts.IdempotencyKey); err != nil {
		return nil, err
	}
	status, err := statusOf(p)
	if err != nil {
		return nil, err
	}
	return s.update(ctx, coll, id, writeMode{ifMatch: opts.IfMatch, mustExist: true, status: status, idempotencyKey: opts.IdempotencyKey}, nil,
		func(old stored) (map[string]any, error) {
			merged, _ := mergePatch(content(old), content(p)).(map[string]any)
			return merged, nil
		})
}

// patchSchema applies a merge patch to a collection's schema: optimistic,
// since a schema change is checked outside the write of its document.
func (s *Service) patchSchema(ctx context.Context, id string, p map[string]any, opts WriteOptions) (*Document, error) {
	for i := 0; i <= maxRetries; i++ {
		cur, err := s.Get(ctx, SchemasCollection, id, ReadOptions{})
		if err != nil {
			return nil, err
		}
		if opts.IfMatch != "" && !matchETag(opts.IfMatch, cur.ETag) {
			return nil, errorf(KindPreconditionFailed, "the document has changed: its ETag is %s", cur.ETag)
		}
		old, err := decodeStored(cur.JSON)
		if err != nil {
			return nil, fmt.Errorf("patch %s/%s: %w", SchemasCollection, id, err)
		}
		merged, _ := mergePatch(content(old), content(p)).(map[string]any)
		doc, err := s.putSchema(ctx, id, merged, nil, WriteOptions{Force: opts.Force, IfMatch: cur.ETag}, false)
		if KindOf(err) != KindPreconditionFailed {
			return doc, err
		}
	}
	return nil, errorf(KindConflict, "the schema kept changing during the patch; try again")
}

// writeMode carries a write's preconditions into the transaction.
type writeMode struct {
	mustCreate     bool   // POST: an existing id is a conflict
	mustExist      bool   // PATCH: an absent id is not found
	ifMatch        string // If-Match header
	ifNoneMatch    string // If-None-Match header
	status         string // _status to write, in a collection with x-publish
	idempotencyKey string // a write already made with this key is not made again
	keySecret      bool   // the write gives a _keys secret hash of its own
}

// put stores a user document whose content the client gave whole.
func (s *Service) put(ctx context.Context, coll, id string, m map[string]any, mode writeMode) (*Document, error) {
	return s.update(ctx, coll, id, mode, content(m), nil)
}

// update writes the document id of coll. Its new content is fixed, or what
// change makes of the stored document (nil when absent), inside the write
// transaction. Formulas run inside the transaction too, so that what they
// read (a count of attempts, an exam's pass mark) is what the write is
// checked against. Without formulas, fixed content is validated and
// encoded before the transaction, which then only writes.
func (s *Service) update(ctx context.Context, coll, id string, mode writeMode, fixed map[string]any, change func(stored) (map[string]any, error)) (*Document, error) {
	auth, _ := AuthFrom(ctx)
	var doc *Document
	err := s.retry(ctx, func(rs *registryState) error {
		c, err := rs.collection(coll)
		if err != nil {
			return err
		}
		f := rs.formulas[coll]
		gate, err := s.writeGate(ctx, rs, c)
		if err != nil {
			return err
		}
		// Fixed content, without formulas to run in the transaction, is
		// validated and encoded before it.
		prepared := fixed != nil && !f.has() && !gate.formulas() && coll != KeysCollection && len(c.Immutable) == 0 && len(c.Secrets) == 0
		var body []byte
		if prepared {
			if err := c.Validate(fixed); err != nil {
				return asError(err)
			}
			if err := s.system.check(ctx, coll, fixed); err != nil {
				return err
			}
			if body, err = encodeContent(fixed); err != nil {
				return errorf(KindBadRequest, "cannot encode the document: %v", err)
			}
		}
		return s.commit(ctx, func(tx store.Tx) error {
			doc = nil
			if err := checkVersion(tx, rs.version); err != nil {
				return err
			}
			if mode.idempotencyKey != "" {
				done, err := s.replay(tx, idemKey(auth, coll, mode.idempotencyKey))
				if err == nil && done != nil && done.JSON != nil {
					done.JSON, err = s.shown(ctx, tx, rs, coll, done.JSON)
				}
				if done != nil || err != nil {
					doc = done
					return err
				}
			}
			old, exists, err := current(tx, coll, id, mode)
			if err != nil {
				return err
			}
			// Nothing of a document the caller may not touch runs or
			// shows: not its rules, not its existence.
			if exists {
				if err := gate.allowStored(s.evaluation(ctx, tx, rs), id, old); err != nil {
					return err
				}
			}
			fields, b := fixed, body
			var secret string
			if !prepared {
				if fields == nil {
					if fields, err = change(old); err != nil {
						return err
					}
				} else {
					fields = maps.Clone(fields)
				}
				if coll == KeysCollection && !mode.keySecret {
					secret = prepareKey(fields, old)
				}
				if fixed != nil && exists {
					keepSecrets(c, fields, old)
				}
				if exists && !isAdmin(ctx) {
					if err := checkImmutable(c, fields, old); err != nil {
						return err
					}
				}
				ev := s.evaluation(ctx, tx, rs)
				if f.has() {
					if fields, err = ev.computeWrite(c, f, id, fields, old); err != nil {
						return err
					}
				} else if err := c.Validate(fields); err != nil {
					return asError(err)
				}
				if err := s.system.check(ctx, coll, fields); err != nil {
					return err
				}
				if err := gate.allow(ev, id, fields, old, exists); err != nil {
					return err
				}
				if b, err = encodeContent(fields); err != nil {
					return errorf(KindBadRequest, "cannot encode the document: %v", err)
				}
			} else if err := gate.allow(nil, id, fields, old, exists); err != nil {
				return err
			}
			if err := checkLinks(tx, c, id, fields); err != nil {
				return err
			}
			if doc, err = s.write(tx, auth, c, coll, id, b, fields, old, exists, mode.status); err != nil {
				return err
			}
			if mode.idempotencyKey != "" {
				if err := remember(tx, idemKey(auth, coll, mode.idempotencyKey), coll, id); err != nil {
					return err
				}
			}
			if doc.JSON, err = s.shown(ctx, tx, rs, coll, doc.JSON); err != nil {
				return err
			}
			if secret != "" {
				doc.JSON = withSecret(doc.JSON, secret)
			}
			return nil
		})
	})
	if coll == KeysCollection {
		s.keys.invalidate() // again after the commit: no request caches the old key
	}
	if err != nil {
		return nil, hideHolder(ctx, err)
	}
	return doc, nil
}

// shown is a written document as its writer may read it: the answer to a
// write shows no more than a read would.
func (s *Service) shown(ctx context.Context, r store.Reader, rs *registryState, coll string, raw []byte) ([]byte, error) {
	if _, authed := AuthFrom(ctx); !authed {
		return raw, nil
	}
	v, err := s.view(ctx, rs, coll, "read", false)
	if KindOf(err) == KindForbidden {
		return project(raw, nil) // a caller that may write but not read: the id
	}
	if err != nil {
		return nil, err
	}
	out, _, err := v.present(s.evaluation(ctx, r, rs), raw)
	return out, err
}

// write stores a document, its revision and its index entries inside tx,
// and records its event and audit entry. c is nil for _schemas, which has
// no indexes. old is the stored document, when it exists. status is the
// _status to write in a collection with x-publish; "" keeps the old one
// (draft for a new document).
func (s *Service) write(tx store.Tx, a Auth, c *schemas.Collection, coll, id string, body []byte, fields map[string]any, old stored, exists bool, status string) (*Document, error) {
	key := []byte(id)
	at := s.now()
	now := at.UTC().Format(timeLayout)
	m := meta{rev: 1, createdAt: now, updatedAt: now, createdBy: a.KeyID, updatedBy: a.KeyID}
	var before []byte
	if exists {
		m.rev = old.rev() + 1
		m.createdAt = old.str(fieldCreatedAt)
		m.createdBy = old.str(fieldCreatedBy)
		var err error
		if before, err = recompose(old); err != nil {
			return nil, err
		}
	}
	if c == nil || !c.Publish {
		status = "" // _status means something only with x-publish
	}
	m.status = status
	if m.status == "" {
		m.status = old.str(fieldStatus)
	}
	if m.status == "" && c != nil && c.Publish {
		m.status = StatusDraft
	}
	raw := compose(id, body, m)
	if c != nil {
		if err := updateIndexes(tx, c, id, old, fields, times{created: m.createdAt, updated: m.updatedAt}); err != nil {
			return nil, err
		}
	}
	if err := tx.Put(docsBucket(coll), key, raw); err != nil {
		return nil, err
	}
	if err := tx.Put(revsBucket(coll), revKey(id, m.rev), raw); err != nil {
		return nil, err
	}
	op := OpCreated
	if exists {
		op = OpUpdated
	}
	if err := s.record(tx, a, op, coll, id, m.rev, before, raw, at); err != nil {
		return nil, err
	}
	return &Document{ID: id, Rev: m.rev, ETag: etag(raw), JSON: raw, Created: !exists}, nil
}

// current reads the stored document id of coll inside tx and checks the
// write's preconditions against it. old is nil when it does not exist.
func current(tx store.Tx, coll, id string, mode writeMode) (old stored, exists bool, err error) {
	oldRaw, err := tx.Get(docsBucket(coll), []byte(id))
	exists = err == nil
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, false, err
	}
	switch {
	case mode.mustCreate && exists:
		return nil, false, fieldError(KindConflict, "a document with this id already exists", "/id", quote(id)+" is taken")
	case mode.mustExist && !exists:
		return nil, false, errorf(KindNotFound, "no document %q in %s", id, coll)
	case mode.ifNoneMatch != "" && exists && matchETag(mode.ifNoneMatch, etag(oldRaw)):
		return nil, false, errorf(KindPreconditionFailed, "the document already exists")
	case mode.ifMatch != "" && !exists:
		return nil, false, errorf(KindPreconditionFailed, "the document does not exist")
	case mode.ifMatch != "" && !matchETag(mode.ifMatch, etag(oldRaw)):
		return nil, false, errorf(KindPreconditionFailed, "the document has changed: its ETag is %s", etag(oldRaw))
	}
	if exists {
		if old, err = decodeStored(oldRaw); err != nil {
			return nil, false, fmt.Errorf("stored %s/%s: %w", coll, id, err)
		}
	}
	return old, exists, nil
}

func revKey(id string, rev int64) []byte {
	k := make([]byte, 0, len(id)+9)
	k = append(k, id...)
	k = append(k, 0)
	return binary.BigEndian.AppendUint64(k, uint64(rev))
}

// indexKey is the tuple (field, value, id) of a secondary index entry, or
// (field, value) for a uniqueness entry when id is empty.
func indexKey(field string, value any, id string) ([]byte, bool) {
	k := appendString(nil, field)
	k, ok := appendValue(k, value)
	if !ok {
		return nil, false
	}
	if id != "" {
		k = appendString(k, id)
	}
	return k, true
}

// indexPrefix is the prefix of the index entries of field = value (JSON).
func indexPrefix(field string, value any) ([]byte, bool) {
	return indexKey(field, value, "")
}

// keepSecrets gives a replacement the stored values of the x-secret fields
// it leaves out: a writer that never read them (no one does) replaces the
// rest of the document without losing them. A patch removes one with null.
func keepSecrets(c *schemas.Collection, fields map[string]any, old stored) {
	for _, f := range c.Secrets {
		if _, given := fields[f]; !given && old[f] != nil {
			fields[f] = old[f]
		}
	}
}

// Secret returns the value of the x-secret field of a stored document, ""
// when it has none. Reads never show a secret: the code that uses one (a
// webhook's signing key) reads it here, as an internal caller.
func (s *Service) Secret(ctx context.Context, coll, id, field string) (string, error) {
	if _, authed := AuthFrom(ctx); authed {
		return "", errorf(KindForbidden, "secrets are read by Credence alone")
	}
	c, err := s.state.Load().collection(coll)
	if err != nil {
		return "", err
	}
	if !c.IsSecret(field) {
		return "", fmt.Errorf("%s.%s is not a secret", coll, field)
	}
	raw, err := s.getOne(ctx, docsBucket(coll), []byte(id))
	if errors.Is(err, store.ErrNotFound) {
		return "", errorf(KindNotFound, "no document %q in %s", id, coll)
	}
	if err != nil {
		return "", fmt.Errorf("secret %s/%s: %w", coll, id, err)
	}
	var value string
	err = topFields(raw, []string{field}, func(_ string, v []byte) error {
		s, _ := decodeJSON(v)
		value, _ = s.(string)
		return errEnough
	})
	if err != nil && !errors.Is(err, errEnough) {
		return "", fmt.Errorf("secret %s/%s: %w", coll, id, err)
	}
	return value, nil
}

// uniqueConflict is the error of a write that would give field a value
// the document holder has already.
func uniqueConflict(field, holder string) *Error {
	return &Error{Kind: KindConflict, Message: "a unique value is already taken",
		Errors:  []FieldError{{Path: "/" + field, Message: "must be unique: another document has the same value"}},
		Details: map[string]any{"document": holder}}
}

// hideHolder drops from a uniqueness conflict the id of the document that
// holds the value, for callers who may not read every document: a taken
// value is all they learn.
func hideHolder(ctx context.Context, err error) error {
	var e *Error
	if err != nil && !privileged(ctx) && errors.As(err, &e) && e.Kind == KindConflict && e.Details["document"] != nil {
		e.Details = nil
	}
	return err
}

// Delete removes the document id, its revisions and its index entries.
func (s *Service) Delete(ctx context.Context, coll, id string, opts WriteOptions) error {
	if err := refuseDryRun(opts); err != nil {
		return err
	}
	if coll == SchemasCollection {
		return s.deleteSchema(ctx, id, opts)
	}
	a, _ := AuthFrom(ctx)
	err := s.retry(ctx, func(rs *registryState) error {
		if _, err := rs.collection(coll); err != nil {
			return err
		}
		return s.commit(ctx, func(tx store.Tx) error {
			if err := checkVersion(tx, rs.version); err != nil {
				return err
			}
			raw, err := tx.Get(docsBucket(coll), []byte(id))
			if errors.Is(err, store.ErrNotFound) {
				return errorf(KindNotFound, "no document %q in %s", id, coll)
			}
			if err != nil {
				return err
			}
			if err := s.allowDelete(ctx, tx, rs, coll, raw); err != nil {
				return err
			}
			return s.remove(tx, a, rs, coll, id, opts.IfMatch, map[string]bool{})
		})
	})
	if coll == KeysCollection {
		s.keys.invalidate()
	}
	return err
}

// deleteDoc removes one document inside tx. c is nil for _schemas. The
// delete is recorded (event and audit) unless a is nil.
func (s *Service) deleteDoc(tx store.Tx, a *Auth, c *schemas.Collection, coll, id, ifMatch string) error {
	raw, err := tx.Get(docsBucket(coll), []byte(id))
	if errors.Is(err, store.ErrNotFound) {
		// Not If-Match's 412: a delete of nothing is a 404 with or
		// without preconditions (RFC 9110, section 13.2.1), as for PATCH.
		return errorf(KindNotFound, "no document %q in %s", id, coll)
	}
	if err != nil {
		return err
	}
	if ifMatch != "" && !matchETag(ifMatch, etag(raw)) {
		return errorf(KindPreconditionFailed, "the document has changed: its ETag is %s", etag(raw))
	}
	if c != nil {
		old, err := decodeStored(raw)
		if err != nil {
			return fmt.Errorf("stored %s/%s: %w", coll, id, err)
		}
		if err := updateIndexes(tx, c, id, old, nil, times{}); err != nil {
			return err
		}
	}
	var revs [][]byte
	err = tx.Scan(revsBucket(coll), store.Prefix(append([]byte(id), 0)), func(k, _ []byte) bool {
		revs = append(revs, append([]byte(nil), k...))
		return true
	})
	if err != nil {
		return err
	}
	for _, k := range revs {
		if err := tx.Delete(revsBucket(coll), k); err != nil {
			return err
		}
	}
	if err := tx.Delete(docsBucket(coll), []byte(id)); err != nil {
		return err
	}
	if a == nil {
		return nil
	}
	d, err := decodeStored(raw)
	if err != nil {
		return fmt.Errorf("stored %s/%s: %w", coll, id, err)
	}
	return s.record(tx, *a, OpDeleted, coll, id, d.rev(), raw, nil, s.now())
}

func isString(v any) bool { _, ok := v.(string); return ok }

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

// Ping reports whether the store answers.
func (s *Service) Ping(ctx context.Context) error {
	return s.st.View(ctx, func(r store.Reader) error {
		_, err := readVersion(r)
		return err
	})
}
