// Package postgres is the scale-out storage engine: a store.Store in a
// PostgreSQL database (or a Postgres-compatible one) that several Credence
// nodes share.
//
// Every bucket lives in one table, credence_kv (bucket, key, value), whose
// primary key orders keys bytewise as the store contract asks. Reads run in
// REPEATABLE READ read-only transactions (one snapshot). Writes run in
// SERIALIZABLE transactions: when PostgreSQL reports a serialization failure
// or a deadlock, the whole transaction function runs again, with jittered
// backoff, which the store contract allows. Tables are created and upgraded
// by migrations the binary carries; a database newer than the binary is
// refused.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"strings"
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
}

// Store is a store.Store in PostgreSQL. Use Open to create one.
type Store struct {
	pool        *pgxpool.Pool
	maxAttempts int
	closed      atomic.Bool
	roundTrips  atomic.Int64
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
	if opts.MaxAttempts <= 0 {
		opts.MaxAttempts = 100
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	s := &Store{pool: pool, maxAttempts: opts.MaxAttempts}
	if err := s.migrate(ctx, opts.Schema); err != nil {
		pool.Close()
		return nil, err
	}
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
}

// migrate brings the tables to the version this binary knows, under an
// advisory lock so that nodes starting together do it once.
func (s *Store) migrate(ctx context.Context, schema string) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	defer conn.Release()
	if schema != "" {
		if _, err := conn.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+pgx.Identifier{schema}.Sanitize()); err != nil {
			return fmt.Errorf("postgres: create schema: %w", err)
		}
	}
	return pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(7305546021337)`); err != nil {
			return err
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
	return s.run(ctx, beginRead, func(t *txn) error { return fn(t) })
}

// Update runs fn in a SERIALIZABLE transaction, again after a conflict.
func (s *Store) Update(ctx context.Context, fn func(store.Tx) error) error {
	for attempt := 1; ; attempt++ {
		err := s.run(ctx, beginWrite, func(t *txn) error { return fn(t) })
		if !retryable(err) || attempt == s.maxAttempts {
			return err
		}
		// Jittered exponential backoff, capped: conflicting writers spread out.
		backoff := time.Duration(min(1<<min(attempt, 10), 200)) * 100 * time.Microsecond
		time.Sleep(backoff/2 + rand.N(backoff))
	}
}

// run runs fn in one transaction begun by begin, and commits it.
func (s *Store) run(ctx context.Context, begin string, fn func(*txn) error) error {
	t, err := s.start(ctx, begin)
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
		return fmt.Errorf("postgres: commit: %w", err)
	}
	return nil
}

// start takes a connection for a transaction that begins with its first
// statement.
func (s *Store) start(ctx context.Context, begin string) (*txn, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if s.closed.Load() {
		return nil, store.ErrClosed
	}
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		if s.closed.Load() {
			return nil, store.ErrClosed
		}
		return nil, fmt.Errorf("postgres: %w", err)
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
		return nil, fmt.Errorf("postgres: get: %w", err)
	}
	if v == nil {
		v = []byte{}
	}
	return v, nil
}

// RoundTrips returns the number of round trips to the database so far, for
// benchmarks and tests.
func (s *Store) RoundTrips() int64 { return s.roundTrips.Load() }

// retryable reports a serialization failure or a deadlock.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}

// Close closes the connection pool.
func (s *Store) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	s.pool.Close()
	return nil
}

// Ping reports whether the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.pool.Ping(ctx) }

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
	return errors.As(err, &ne)
}
