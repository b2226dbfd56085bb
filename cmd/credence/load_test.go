package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writePack writes files (path: content) under a new folder and returns it.
func writePack(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	return dir
}

// smallPack has a reference between collections (so the order matters),
// a formula field, dates, a published document and a template.
var smallPack = map[string]string{
	"schemas/questions.json": `{"type": "object", "properties": {
		"exam": {"type": "string", "x-ref": "exams"}, "text": {"type": "string"},
		"words": {"type": "integer", "x-formula": "len(split(doc.text, \" \"))"}}}`,
	"schemas/exams.json": `{"type": "object", "x-publish": true, "properties": {
		"title": {"type": "string"}, "passingScore": {"type": "number"},
		"opensAt": {"type": "string", "format": "date-time"}}}`,
	"documents/exams/a101.json": `{"title": "Automation 101", "passingScore": 80.0,
		"opensAt": "2026-01-01T09:00:00Z", "_status": "published"}`,
	"documents/questions.json": `[{"id": "q1", "exam": "a101", "text": "What is a trigger?"},
		{"id": "q2", "exam": "a101", "text": "Name two actions."}]`,
	"documents/_templates/welcome.json": `{"subject": "Welcome, {{.recipient.name}}", "text": "Hello."}`,
}

func TestLoadTwiceChangesNothing(t *testing.T) {
	dir := writePack(t, smallPack)
	data := filepath.Join(t.TempDir(), "load.db")

	stdout, _, err := runCLI(t, nil, "load", "--data", data, dir)
	require.NoError(t, err)
	assert.Contains(t, stdout, "6 created, 0 updated, 0 unchanged")

	stdout, _, err = runCLI(t, nil, "load", "--data", data, dir)
	require.NoError(t, err)
	assert.Contains(t, stdout, "0 created, 0 updated, 6 unchanged")

	// A changed document is written again; the rest is left alone.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "documents", "exams", "a101.json"),
		[]byte(`{"title": "Automation 101", "passingScore": 85, "opensAt": "2026-01-01T09:00:00Z", "_status": "published"}`), 0o644))
	stdout, _, err = runCLI(t, nil, "load", "--data", data, dir)
	require.NoError(t, err)
	assert.Contains(t, stdout, "0 created, 1 updated, 5 unchanged")

	out, _, err := runCLI(t, nil, "eval", "--data", data, "--collection", "questions", "--id", "q2", "doc.words")
	require.NoError(t, err)
	assert.Equal(t, "{\"value\":3,\"type\":\"integer\"", out[:len(`{"value":3,"type":"integer"`)])
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string // in the error
	}{
		{"bad JSON", map[string]string{"schemas/exams.json": "{\"type\": \"object\",\n \"properties\": {]}"},
			[]string{"schemas/exams.json", "line 2, column"}},
		{"invalid document", map[string]string{
			"schemas/exams.json":   `{"type": "object", "properties": {"passingScore": {"type": "integer", "maximum": 100}}}`,
			"documents/exams.json": `[{"id": "a101", "passingScore": 80}, {"id": "a102", "passingScore": 180}]`},
			[]string{"documents/exams.json", "/1/passingScore", "100"}},
		{"missing reference", map[string]string{
			"schemas/exams.json":           `{"type": "object", "properties": {"level": {"type": "string", "x-ref": "levels"}}}`,
			"schemas/levels.json":          `{"type": "object"}`,
			"documents/exams/a101.json":    `{"level": "master"}`,
			"documents/levels/expert.json": `{}`},
			[]string{"documents/exams/a101.json", "/level"}},
		{"id differs from the file name", map[string]string{
			"schemas/exams.json":        `{"type": "object"}`,
			"documents/exams/a101.json": `{"id": "a102"}`},
			[]string{"documents/exams/a101.json", "/id"}},
		{"bad formula", map[string]string{
			"schemas/exams.json": `{"type": "object", "properties": {"x": {"type": "integer", "x-formula": "doc.a +"}}}`},
			[]string{"schemas/exams.json", "/properties/x/x-formula"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writePack(t, tt.files)
			_, _, err := runCLI(t, nil, "load", "--data", filepath.Join(t.TempDir(), "x.db"), dir)
			require.Error(t, err)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

// A pack's secret (a webhook's signing key) is compared where it is kept,
// though no read shows it: loading again changes nothing, and a new key in
// the pack is written.
func TestLoadComparesSecrets(t *testing.T) {
	dir := writePack(t, map[string]string{
		"documents/_webhooks/crm.json": `{"url": "https://crm.example.org/hook", "secret": "first-secret-0123456789"}`,
	})
	data := filepath.Join(t.TempDir(), "load.db")
	stdout, _, err := runCLI(t, nil, "load", "--data", data, dir)
	require.NoError(t, err)
	assert.Contains(t, stdout, "1 created, 0 updated, 0 unchanged")
	stdout, _, err = runCLI(t, nil, "load", "--data", data, dir)
	require.NoError(t, err)
	assert.Contains(t, stdout, "0 created, 0 updated, 1 unchanged")

	require.NoError(t, os.WriteFile(filepath.Join(dir, "documents", "_webhooks", "crm.json"),
		[]byte(`{"url": "https://crm.example.org/hook", "secret": "second-secret-0123456789"}`), 0o644))
	stdout, _, err = runCLI(t, nil, "load", "--data", data, dir)
	require.NoError(t, err)
	assert.Contains(t, stdout, "0 created, 1 updated, 0 unchanged")
}
