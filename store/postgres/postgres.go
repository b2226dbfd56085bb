// Package postgres is the scale-out storage engine: a store.Store in a
// PostgreSQL database (or a Postgres-compatible one) that several Credence
// nodes share.
//
// Every bucket lives in one table, credence_kv (bucket, key, value), whose
// primary key orders keys bytewise as the store contract asks. Reads run in
// REPEATABLE READ read-only transactions (one snapshot).
//
// Writes go through one committer per Store, as in store/bolt: concurrent
// Update calls of this node are run one after another in one SERIALIZABLE
// transaction, each inside its own savepoint, and committed together. Calls
// of one node therefore never conflict with each other, and share a commit.
// The transactions of different nodes take turns: each takes a lock that
// keeps other writers out (readers go on) before it reads. Every document
// write extends the one audit chain, so two nodes' writes would conflict
// anyway; taking turns spends no work on transactions PostgreSQL would
// refuse, and a long transaction, such as a schema change that reads a
// whole collection, cannot starve under a stream of short writes from
// other nodes. SERIALIZABLE stays as the guard: when PostgreSQL reports a
// serialization failure or a deadlock, the batch runs again, with jittered
// backoff, which the store contract allows. A database that cannot be reached gives
// errors wrapping store.ErrUnavailable.
//
// Round trips are few: BEGIN and SAVEPOINT travel with the first statement
// after them; writes are buffered (reads see them) and sent with the next
// read or with COMMIT; keys read once in a transaction are not read again.
//
// Tables are created and upgraded by migrations the binary carries; a
// database newer than the binary is refused.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/credence/credence/store"
)

// Options configures Open. The zero value is ready to use.
type Options struct {
	// MaxConns is the pool size; 0 leaves pgxpool's default.
	MaxConns int32
	// StatementTimeout bounds each statement; 0 means no bound.
	StatementTimeout time.Duration
	// Schema, when set, is the PostgreSQL schema (namespace) that holds the
	// tables; it is created if needed. Tests use one per run.
	Schema string
	// MaxAttempts bounds how often a conflicting write transaction runs;
	// 0 means 100.
	MaxAttempts int
	// MaxBatch is the most Update calls committed in one transaction;
	// 0 means 100.
	MaxBatch int
}

// Store is a store.Store in PostgreSQL. Use Open to create one.
type Store struct {
	pool        *pgxpool.Pool
	maxAttempts int
	maxBatch    int
	roundTrips  atomic.Int64
	conflicts   atomic.Int64 // batches that lost to another node's and ran again

	// mu guards closed and the sends on calls, so that Close can close the
	// channel once no sender is left.
	mu     sync.RWMutex
	closed atomic.Bool
	calls  chan *call
	done   chan struct{} // closed when the committer has stopped
}

// call is one Update waiting for the committer.
type call struct {
	ctx    context.Context
	fn     func(store.Tx) error
	result chan error
}

var _ store.Store = (*Store)(nil)

// Open connects to the database at url, runs the migrations it needs and
// returns the Store.
func Open(ctx context.Context, url string, opts Options) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	if opts.MaxConns > 0 {
		cfg.MaxConns = opts.MaxConns
	}
	if opts.Schema != "" {
		cfg.ConnConfig.RuntimeParams["search_path"] = opts.Schema
	}
	if opts.StatementTimeout > 0 {
		cfg.ConnConfig.RuntimeParams["statement_timeout"] = fmt.Sprint(opts.StatementTimeout.Milliseconds())
	}
	// Every statement on credence_kv reads a key or a range of keys of its
	// primary key, in key order: its index serves them best at any size.
	// The planner, going by statistics taken when the table was small (a
	// new database filling up, before autovacuum analyzes it again), would
	// scan the table, or read a whole range and sort it, instead: a create
	// then took seconds, a page sorted by an index 150 ms.
	for _, p := range []string{"enable_seqscan", "enable_bitmapscan", "enable_sort"} {
		if _, set := cfg.ConnConfig.RuntimeParams[p]; !set {
			cfg.ConnConfig.RuntimeParams[p] = "off"
		}
	}
	if opts.MaxAttempts <= 0 {
		opts.MaxAttempts = 100
	}
	if opts.MaxBatch <= 0 {
		opts.MaxBatch = 100
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	s := &Store{pool: pool, maxAttempts: opts.MaxAttempts, maxBatch: opts.MaxBatch,
		calls: make(chan *call, opts.MaxBatch), done: make(chan struct{})}
	if err := s.migrate(ctx, opts.Schema); err != nil {
		pool.Close()
		return nil, err
	}
	go s.commit()
	return s, nil
}

// migrations, in order; the schema version is the number applied.
var migrations = []string{
	`CREATE TABLE credence_kv (
		bucket text NOT NULL,
		key    bytea NOT NULL,
		value  bytea NOT NULL,
		PRIMARY KEY (bucket, key)
	)`,
	// An empty table whose lock is the writers' turn (see takeTurn).
	`CREATE TABLE credence_turn (turn integer)`,
}

// migrate brings the tables to the version this binary knows, under an
// advisory lock so that nodes starting together do it once.
func (s *Store) migrate(ctx context.Context, schema string) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	defer conn.Release()
	return pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(7305546021337)`); err != nil {
			return err
		}
		// Under the lock: CREATE SCHEMA IF NOT EXISTS is not safe against
		// a concurrent one (it fails on pg_namespace's unique index).
		if schema != "" {
			if _, err := tx.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+pgx.Identifier{schema}.Sanitize()); err != nil {
				return fmt.Errorf("postgres: create schema: %w", err)
			}
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS credence_schema_version (version integer NOT NULL)`); err != nil {
			return fmt.Errorf("postgres: migrations table: %w", err)
		}
		var version int
		err := tx.QueryRow(ctx, `SELECT version FROM credence_schema_version`).Scan(&version)
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			if _, err := tx.Exec(ctx, `INSERT INTO credence_schema_version VALUES (0)`); err != nil {
				return err
			}
		case err != nil:
			return fmt.Errorf("postgres: read schema version: %w", err)
		}
		if version > len(migrations) {
			return fmt.Errorf("postgres: the database is at schema version %d, newer than this binary knows (%d): upgrade credence", version, len(migrations))
		}
		for i := version; i < len(migrations); i++ {
			if _, err := tx.Exec(ctx, migrations[i]); err != nil {
				return fmt.Errorf("postgres: migration %d: %w", i+1, err)
			}
		}
		_, err = tx.Exec(ctx, `UPDATE credence_schema_version SET version = $1`, len(migrations))
		return err
	})
}

// View runs fn in a read-only REPEATABLE READ transaction.
func (s *Store) View(ctx context.Context, fn func(store.Reader) error) error {
	if s.closed.Load() {
		return store.ErrClosed
	}
	t, err := s.start(ctx, beginRead)
	if err != nil {
		return err
	}
	defer t.conn.Release()
	if err := fn(t); err != nil {
		t.abort()
		return err
	}
	if err := t.finish(); err != nil {
		t.abort()
		return fmt.Errorf("postgres: %w", err)
	}
	return nil
}

// Update queues fn for the committer and waits for its outcome. Once
// queued, a call is not abandoned when ctx ends: its answer is the truth
// about whether its writes were committed.
func (s *Store) Update(ctx context.Context, fn func(store.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c := &call{ctx: ctx, fn: fn, result: make(chan error, 1)}
	s.mu.RLock()
	if s.closed.Load() {
		s.mu.RUnlock()
		return store.ErrClosed
	}
	s.calls <- c
	s.mu.RUnlock()
	return <-c.result
}

// commit is the committer: it takes the first waiting call and whatever
// else is already queued, and runs them as one transaction.
func (s *Store) commit() {
	defer close(s.done)
	for c := range s.calls {
		batch := []*call{c}
	drain:
		for len(batch) < s.maxBatch {
			select {
			case c, ok := <-s.calls:
				if !ok {
					break drain
				}
				batch = append(batch, c)
			default:
				break drain
			}
		}
		s.commitBatch(batch)
	}
}

// commitBatch runs a batch, again after a conflict with another node, and
// answers every call.
func (s *Store) commitBatch(batch []*call) {
	for attempt := 1; ; attempt++ {
		results, err := s.runBatch(batch)
		if err == nil {
			for i, c := range batch {
				c.result <- results[i]
			}
			return
		}
		if retryable(err) {
			s.conflicts.Add(1)
		}
		if !retryable(err) || attempt == s.maxAttempts {
			for _, c := range batch {
				c.result <- err
			}
			return
		}
		// Jittered exponential backoff, capped: conflicting nodes spread out.
		backoff := time.Duration(min(1<<min(attempt, 10), 200)) * 100 * time.Microsecond
		time.Sleep(backoff/2 + rand.N(backoff))
	}
}

// runBatch runs each call in its own savepoint of one transaction. A call
// that fails is rolled back to its savepoint and gets its error; a failure
// of the transaction itself fails the batch.
func (s *Store) runBatch(batch []*call) ([]error, error) {
	ctx := context.Background() // the batch outlives any one caller
	t, err := s.start(ctx, beginWrite)
	if err != nil {
		return nil, err
	}
	defer t.conn.Release()
	t.turn = true
	results := make([]error, len(batch))
	for i, c := range batch {
		if err := c.ctx.Err(); err != nil {
			results[i] = err
			continue
		}
		t.startCall(i)
		err := runCall(c.fn, t)
		if t.broken != nil {
			t.abort()
			return nil, fmt.Errorf("postgres: %w", t.broken)
		}
		if err != nil {
			t.rollbackCall()
			results[i] = err
		}
	}
	if err := t.finish(); err != nil {
		t.abort()
		return nil, fmt.Errorf("postgres: commit: %w", err)
	}
	return results, nil
}

// runCall runs fn, turning a panic into an error for its caller alone.
func runCall(fn func(store.Tx) error, t *txn) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("postgres: update panicked: %v", v)
		}
	}()
	return fn(t)
}

// start takes a connection for a transaction that begins with its first
// statement.
func (s *Store) start(ctx context.Context, begin string) (*txn, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		if s.closed.Load() {
			return nil, store.ErrClosed
		}
		return nil, fmt.Errorf("postgres: %w", classify(err))
	}
	return &txn{s: s, ctx: ctx, conn: conn, begin: begin}, nil
}

// GetOne reads one key outside any transaction: one round trip. It serves
// callers that need a single read, which is its own consistent snapshot.
func (s *Store) GetOne(ctx context.Context, bucket string, key []byte) ([]byte, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	var v []byte
	s.roundTrips.Add(1)
	err := s.pool.QueryRow(ctx, `SELECT value FROM credence_kv WHERE bucket = $1 AND key = $2`, bucket, key).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: get: %w", classify(err))
	}
	if v == nil {
		v = []byte{}
	}
	return v, nil
}

// GetKeys reads keys of several buckets outside any transaction, in one
// statement: one round trip, one consistent snapshot. A key that is absent
// gives nil.
func (s *Store) GetKeys(ctx context.Context, keys []store.Key) ([][]byte, error) {
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	s.roundTrips.Add(1)
	rows, err := s.pool.Query(ctx, getKeysQuery(len(keys)), keyArgs(keys)...)
	if err != nil {
		return nil, fmt.Errorf("postgres: get keys: %w", classify(err))
	}
	defer rows.Close()
	out := make([][]byte, len(keys))
	if err := scanKeys(rows, out); err != nil {
		return nil, fmt.Errorf("postgres: get keys: %w", classify(err))
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: get keys: %w", classify(err))
	}
	return out, nil
}

// Shared reports that other processes may write to the store at the same
// time: several API nodes on one database.
func (s *Store) Shared() bool { return true }

// classify marks the errors of an unreachable database as
// store.ErrUnavailable, keeping the cause.
func classify(err error) error {
	if Unavailable(err) {
		return fmt.Errorf("%w: %w", store.ErrUnavailable, err)
	}
	return err
}

// RoundTrips returns the number of round trips to the database so far, for
// benchmarks and tests.
func (s *Store) RoundTrips() int64 { return s.roundTrips.Load() }

// Conflicts counts the write transactions PostgreSQL refused (a
// serialization failure or a deadlock) and that ran again.
func (s *Store) Conflicts() int64 { return s.conflicts.Load() }

// takeTurn keeps every other writer out until COMMIT: a lock that
// conflicts with itself, on a table of its own, so that readers, vacuum
// and ANALYZE of credence_kv never wait for it. It travels with BEGIN,
// before the first query, so the transaction's snapshot is taken once the
// turn is held.
const takeTurn = `LOCK TABLE credence_turn IN EXCLUSIVE MODE`

// retryable reports a serialization failure or a deadlock.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}

// Close waits for the queued writes, stops the committer and closes the
// connection pool.
func (s *Store) Close() error {
	s.mu.Lock()
	if s.closed.Swap(true) {
		s.mu.Unlock()
		return nil
	}
	close(s.calls)
	s.mu.Unlock()
	<-s.done
	s.pool.Close()
	return nil
}

// Ping reports whether the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.pool.Ping(ctx) }

// Analyze brings PostgreSQL's statistics of the table up to date, as
// autovacuum does within a minute or so of a bulk load: until then the
// planner may sort a range it should read in index order.
func (s *Store) Analyze(ctx context.Context) error {
	if _, err := s.pool.Exec(ctx, `ANALYZE credence_kv`); err != nil {
		return fmt.Errorf("postgres: analyze: %w", err)
	}
	return nil
}

// Unavailable reports whether err means the database could not be reached
// or is not accepting connections yet (starting up, shutting down), as
// opposed to a refusal that waiting will not change.
func Unavailable(err error) bool {
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		var pe *pgconn.PgError
		return !errors.As(err, &pe) || strings.HasPrefix(pe.Code, "57P")
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return strings.HasPrefix(pe.Code, "57P") // admin_shutdown, cannot_connect_now, ...
	}
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)
}
