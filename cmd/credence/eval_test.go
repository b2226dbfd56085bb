package main

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/store/bolt"
)

// examsFile writes a bbolt file with the collection exams of schema and
// the given documents, closes it, and returns its path.
func examsFile(t *testing.T, schema string, docs ...string) string {
	t.Helper()
	data := filepath.Join(t.TempDir(), "c.db")
	st, err := bolt.Open(data, bolt.Options{})
	require.NoError(t, err)
	svc, err := documents.New(t.Context(), st, documents.Options{})
	require.NoError(t, err)
	_, err = svc.Put(t.Context(), documents.SchemasCollection, "exams", []byte(schema), documents.WriteOptions{})
	require.NoError(t, err)
	for _, d := range docs {
		_, err = svc.Create(t.Context(), "exams", []byte(d), documents.WriteOptions{})
		require.NoError(t, err)
	}
	require.NoError(t, st.Close())
	return data
}

func TestEvalCommand(t *testing.T) {
	data := examsFile(t, `{"type":"object","properties":{"passingScore":{"type":"integer"},"date":{"type":"string","format":"date"}}}`,
		`{"id":"e1","passingScore":80,"date":"2026-01-31"}`)

	tests := []struct {
		name  string
		args  []string
		value any
		typ   string
	}{
		{"stored document", []string{"--id", "e1", "doc.passingScore + 5"}, float64(85), "integer"},
		{"sample document", []string{"--doc", `{"passingScore": 10}`, "doc.passingScore * 2"}, float64(20), "integer"},
		{"dates are times", []string{"--id", "e1", "addMonths(doc.date, 1)"}, "2026-02-28T00:00:00.000Z", "date"},
		{"filter mode", []string{"--id", "e1", "--mode", "filter", "passingScore > 50"}, true, "boolean"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"eval", "--data", data, "--collection", "exams"}, tt.args...)
			stdout, stderr, err := runCLI(t, nil, args...)
			require.NoError(t, err, stderr)
			var res documents.EvalResult
			require.NoError(t, json.Unmarshal([]byte(stdout), &res), stdout)
			assert.Equal(t, tt.value, res.Value)
			assert.Equal(t, tt.typ, res.Type)
		})
	}
	t.Run("an error names its position", func(t *testing.T) {
		_, _, err := runCLI(t, nil, "eval", "--data", data, "--collection", "exams", "doc.passingScore +")
		require.Error(t, err)
		assert.Contains(t, err.Error(), "line 1, column")
	})
}

func TestOpenAPICommand(t *testing.T) {
	data := examsFile(t, `{"type":"object","properties":{"title":{"type":"string"}}}`)

	for _, version := range []string{"3.1", "3.0"} {
		stdout, stderr, err := runCLI(t, nil, "openapi", "--data", data, "--version", version)
		require.NoError(t, err, stderr)
		var doc struct {
			OpenAPI string         `json:"openapi"`
			Paths   map[string]any `json:"paths"`
		}
		require.NoError(t, json.Unmarshal([]byte(stdout), &doc))
		assert.Contains(t, doc.OpenAPI, version)
		assert.Contains(t, doc.Paths, "/api/exams")
	}
	stdout, _, err := runCLI(t, nil, "openapi", "--data", data, "--format", "yaml")
	require.NoError(t, err)
	assert.Contains(t, stdout, "openapi: 3.1.0")
}
