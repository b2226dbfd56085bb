package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/credence/credence/store"
	"github.com/credence/credence/store/bolt"
	"github.com/credence/credence/store/postgres"
)

// storeFlags select and tune the store: a bbolt file, or a PostgreSQL URL.
type storeFlags struct {
	data             *string
	maxConns         *int
	statementTimeout *time.Duration
	connectTimeout   *time.Duration
}

func addStoreFlags(fs *flag.FlagSet) (*storeFlags, error) {
	maxConns, err := envInt("CREDENCE_PG_MAX_CONNS", 0)
	if err != nil {
		return nil, err
	}
	stmt, err := envDuration("CREDENCE_PG_STATEMENT_TIMEOUT", 0)
	if err != nil {
		return nil, err
	}
	connect, err := envDuration("CREDENCE_PG_CONNECT_TIMEOUT", time.Minute)
	if err != nil {
		return nil, err
	}
	return &storeFlags{
		data: fs.String("data", env("CREDENCE_DATA", "./credence.db"),
			"the data: a bbolt file path, or a postgres:// URL (env CREDENCE_DATA)"),
		maxConns: fs.Int("pg-max-conns", int(maxConns),
			"PostgreSQL connection pool size; 0 for the driver's default (env CREDENCE_PG_MAX_CONNS)"),
		statementTimeout: fs.Duration("pg-statement-timeout", stmt,
			"PostgreSQL statement timeout; 0 for none (env CREDENCE_PG_STATEMENT_TIMEOUT)"),
		connectTimeout: fs.Duration("pg-connect-timeout", connect,
			"how long to wait for PostgreSQL to come up at start (env CREDENCE_PG_CONNECT_TIMEOUT)"),
	}, nil
}

func isPostgres(data string) bool {
	return strings.HasPrefix(data, "postgres://") || strings.HasPrefix(data, "postgresql://")
}

// open opens the selected store. A PostgreSQL that is not up yet is waited
// for, with backoff, up to the connect timeout.
func (f *storeFlags) open(ctx context.Context, readOnly bool, log *slog.Logger) (store.Store, error) {
	if !isPostgres(*f.data) {
		st, err := bolt.Open(*f.data, bolt.Options{ReadOnly: readOnly})
		if errors.Is(err, bolt.ErrInUse) {
			return nil, fmt.Errorf("%w: stop the server first", err)
		}
		return st, err
	}
	opts := postgres.Options{MaxConns: int32(*f.maxConns), StatementTimeout: *f.statementTimeout}
	deadline := time.Now().Add(*f.connectTimeout)
	backoff := 100 * time.Millisecond
	for {
		st, err := postgres.Open(ctx, *f.data, opts)
		if err == nil || !postgres.Unavailable(err) || time.Now().Add(backoff).After(deadline) {
			return st, err
		}
		if log != nil {
			log.Warn("PostgreSQL is not answering yet; retrying", "in", backoff.String(), "error", err.Error())
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, 5*time.Second)
	}
}

func envDuration(name string, def time.Duration) (time.Duration, error) {
	v := env(name, "")
	if v == "" {
		return def, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", name, err)
	}
	return d, nil
}
