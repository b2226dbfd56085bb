package main

import (
	"context"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/store/bolt"
)

// TestBench: the load test fills a store of its own and reports every
// scenario, with no failed request; on a store that has its collection
// already, it refuses rather than mixing its documents in.
func TestBench(t *testing.T) {
	stdout, _, err := runCLI(t, nil, "bench", "--docs", "300", "--concurrency", "4", "--duration", "200ms")
	require.NoError(t, err)
	for _, name := range []string{"get", "list", "sorted", "filter", "create"} {
		row := regexp.MustCompile(`(?m)^\s+` + name + `\s+(\d+)\s+[\d.]+ ms\s+[\d.]+ ms\s+[\d.]+ ms\s+0\s+\d+ µs$`).FindStringSubmatch(stdout)
		if assert.NotNil(t, row, "no row for %s in:\n%s", name, stdout) {
			assert.NotEqual(t, "0", row[1], "%s: no request answered", name)
		}
	}
	assert.Contains(t, stdout, "300 documents, 4 clients")

	data := filepath.Join(t.TempDir(), "taken.db")
	st, err := bolt.Open(data, bolt.Options{})
	require.NoError(t, err)
	svc, err := documents.New(context.Background(), st, documents.Options{})
	require.NoError(t, err)
	ctx := documents.WithAuth(context.Background(), documents.Auth{KeyID: "t", Role: documents.RoleAdmin})
	_, err = svc.Put(ctx, documents.SchemasCollection, benchCollection, []byte(`{"type": "object"}`), documents.WriteOptions{})
	require.NoError(t, err)
	require.NoError(t, st.Close())
	_, _, err = runCLI(t, nil, "bench", "--data", data, "--docs", "10", "--duration", "10ms")
	assert.ErrorContains(t, err, "give bench a store of its own")

	_, _, err = runCLI(t, nil, "bench", "--scenarios", "get,teleport")
	assert.ErrorContains(t, err, `no scenario "teleport"`)
	_, _, err = runCLI(t, nil, "bench", "--scenarios", "create,get,create")
	assert.ErrorContains(t, err, `scenario "create" is named twice`)
}
