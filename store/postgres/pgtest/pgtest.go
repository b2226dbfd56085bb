// Package pgtest gives tests their own PostgreSQL: each test gets a fresh
// schema (namespace) in the database named by CREDENCE_TEST_POSTGRES
// (default: the local database "test"), dropped when the test ends. When no
// database answers, the test is skipped with a message that says so.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/credence/credence/store/postgres"
)

// DefaultURL is the database used when CREDENCE_TEST_POSTGRES is unset.
const DefaultURL = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// URL returns the database the tests use.
func URL() string {
	if u := os.Getenv("CREDENCE_TEST_POSTGRES"); u != "" {
		return u
	}
	return DefaultURL
}

// Schema creates a fresh schema, dropped when tb ends, and returns its name
// and a URL whose search_path selects it (for a credence process). It skips
// tb when no database answers.
func Schema(tb testing.TB) (name, schemaURL string) {
	tb.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, URL())
	if err != nil {
		tb.Skipf("PostgreSQL is not reachable at %s (set CREDENCE_TEST_POSTGRES): %v", URL(), err)
	}
	var r [6]byte
	rand.Read(r[:])
	name = "credence_test_" + hex.EncodeToString(r[:])
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+pgx.Identifier{name}.Sanitize()); err != nil {
		conn.Close(ctx)
		tb.Fatalf("create schema: %v", err)
	}
	tb.Cleanup(func() {
		conn.Exec(ctx, "DROP SCHEMA "+pgx.Identifier{name}.Sanitize()+" CASCADE")
		conn.Close(ctx)
	})
	u, err := url.Parse(URL())
	if err != nil {
		tb.Fatalf("CREDENCE_TEST_POSTGRES: %v", err)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return name, u.String()
}

// Open opens a store in a fresh schema, closed and dropped when tb ends.
func Open(tb testing.TB) *postgres.Store {
	tb.Helper()
	name, _ := Schema(tb)
	return OpenIn(tb, name)
}

// OpenIn opens a store in the schema name (from Schema), closed when tb
// ends: a node of its own on the database, beside the others opened there.
func OpenIn(tb testing.TB, name string) *postgres.Store {
	tb.Helper()
	st, err := postgres.Open(context.Background(), URL(), postgres.Options{Schema: name})
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}
