package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/store/bolt"
)

const (
	questionsV1 = `{"type":"object","required":["text"],"properties":{` +
		`"text":{"type":"string"},` +
		`"code":{"type":"string","x-unique":true},` +
		`"level":{"type":"integer","x-index":true}}}`
	questionsV2 = `{"type":"object","required":["text"],"properties":{` +
		`"text":{"type":"string"},` +
		`"code":{"type":"string","x-unique":true},` +
		`"level":{"type":"integer","x-index":true},` +
		`"tags":{"type":"array","items":{"type":"string"}}}}`
	examsSchema = `{"type":"object","properties":{"title":{"type":"string"},"first":{"$ref":"questions"}}}`

	bulkQuestions = 300 // more than one import batch
)

// openTestService opens the service on a bolt file for the test to arrange or
// inspect a store; close it before running a command on the same file.
func openTestService(t *testing.T, path string) (*documents.Service, func()) {
	t.Helper()
	st, err := bolt.Open(path, bolt.Options{})
	require.NoError(t, err)
	svc, err := documents.New(t.Context(), st, documents.Options{})
	if err != nil {
		st.Close()
		require.NoError(t, err)
	}
	var once sync.Once
	closeFn := func() { once.Do(func() { require.NoError(t, st.Close()) }) }
	t.Cleanup(closeFn)
	return svc, closeFn
}

// seedStore writes a store with two collections, one $ref-ing the other,
// a replaced schema, documents with several revisions, a deleted document,
// strings that JSON encoders like to escape, and enough documents for
// several import batches. It returns the path of the closed file.
func seedStore(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "a.db")
	svc, closeStore := openTestService(t, path)
	ctx := t.Context()
	put := func(coll, id, body string) {
		t.Helper()
		_, err := svc.Put(ctx, coll, id, []byte(body), documents.WriteOptions{})
		require.NoError(t, err, "PUT %s/%s", coll, id)
	}
	create := func(coll, body string) {
		t.Helper()
		_, err := svc.Create(ctx, coll, []byte(body), documents.WriteOptions{})
		require.NoError(t, err, "POST %s %s", coll, body)
	}
	patch := func(coll, id, body string) {
		t.Helper()
		_, err := svc.Patch(ctx, coll, id, []byte(body), documents.WriteOptions{})
		require.NoError(t, err, "PATCH %s/%s", coll, id)
	}

	put(documents.SchemasCollection, "questions", questionsV1)
	put(documents.SchemasCollection, "questions", questionsV2)
	put(documents.SchemasCollection, "exams", examsSchema)

	create("questions", `{"id":"q1","text":"What is 2+2?","code":"Q1","level":1}`)
	put("questions", "q1", `{"text":"What is <b>2+2</b> & why? é","code":"Q1-b","level":2}`)
	patch("questions", "q1", `{"tags":["math","<arith>"]}`)
	create("questions", `{"id":"q2","text":"line\nbreak, \u2028 separator, \"quotes\", \\ and \u0007","code":"Q2"}`)
	create("questions", `{"id":"q3","text":"gone","code":"Q3"}`)
	require.NoError(t, svc.Delete(ctx, "questions", "q3", documents.WriteOptions{}))
	create("exams", `{"id":"e1","title":"Basics","first":{"text":"embedded","code":"E"}}`)
	patch("exams", "e1", `{"title":"Basics II"}`)

	var wg sync.WaitGroup
	errs := make(chan error, bulkQuestions)
	for i := range bulkQuestions {
		wg.Go(func() {
			_, err := svc.Create(ctx, "questions", fmt.Appendf(nil, `{"text":"bulk %d","code":"B%03d","level":%d}`, i, i, i%5), documents.WriteOptions{})
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	closeStore()
	return path
}

// exportOf runs `credence export --data path` and returns its output.
func exportOf(t *testing.T, path string) string {
	t.Helper()
	stdout, stderr, err := runCLI(t, nil, "export", "--data", path)
	require.NoError(t, err, stderr)
	return stdout
}

func TestExportContents(t *testing.T) {
	a := seedStore(t)
	out := exportOf(t, a)
	recs := parseNDJSON(t, out)
	require.Len(t, recs, 2+2+1+bulkQuestions, "2 schemas, q1, q2, e1 and the bulk questions; not the deleted q3")

	byID := map[string]record{}
	for i, r := range recs {
		if i < 2 {
			assert.Equal(t, documents.SchemasCollection, r.Collection, "schemas come first")
		} else {
			assert.NotEqual(t, documents.SchemasCollection, r.Collection, "line %d", i+1)
		}
		byID[r.Collection+"/"+r.id(t)] = r
	}
	assert.Len(t, byID["_schemas/questions"].Revisions, 1, "the replaced schema keeps its first version")
	assert.Len(t, byID["questions/q1"].Revisions, 2, "q1 has 3 revisions: 2 earlier ones and the document")
	assert.Empty(t, byID["questions/q2"].Revisions)
	assert.Len(t, byID["exams/e1"].Revisions, 1)
	assert.NotContains(t, byID, "questions/q3")
	assert.Contains(t, out, "<b>2+2</b> & why", "stored bytes are exported as they are, not HTML-escaped")

	t.Run("to a file", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "out.ndjson")
		stdout, stderr, err := runCLI(t, nil, "export", "--data", a, "--out", file)
		require.NoError(t, err, stderr)
		assert.Empty(t, stdout)
		b, err := os.ReadFile(file)
		require.NoError(t, err)
		assertSameExport(t, out, string(b))
	})
	t.Run("data file from the environment", func(t *testing.T) {
		t.Setenv("CREDENCE_DATA", a)
		stdout, stderr, err := runCLI(t, nil, "export")
		require.NoError(t, err, stderr)
		assertSameExport(t, out, stdout)
	})
	t.Run("the flag overrides the environment", func(t *testing.T) {
		t.Setenv("CREDENCE_DATA", filepath.Join(t.TempDir(), "missing.db"))
		assertSameExport(t, out, exportOf(t, a))
	})
}

func TestExportImportRoundTrip(t *testing.T) {
	a := seedStore(t)
	want := exportOf(t, a)
	dir := t.TempDir()
	file := filepath.Join(dir, "a.ndjson")
	require.NoError(t, os.WriteFile(file, []byte(want), 0o644))
	imported := fmt.Sprintf("imported 2 schemas, %d documents and 0 files\n", 3+bulkQuestions)

	t.Run("file", func(t *testing.T) {
		b := filepath.Join(t.TempDir(), "b.db")
		stdout, stderr, err := runCLI(t, nil, "import", "--data", b, file)
		require.NoError(t, err, stderr)
		assert.Equal(t, imported, stdout)
		assertSameExport(t, want, exportOf(t, b))
		checkImportedStore(t, b)
	})
	t.Run("standard input", func(t *testing.T) {
		b := filepath.Join(t.TempDir(), "b.db")
		stdout, stderr, err := runCLI(t, strings.NewReader(want), "import", "--data", b)
		require.NoError(t, err, stderr)
		assert.Equal(t, imported, stdout)
		assertSameExport(t, want, exportOf(t, b))
	})
	t.Run("folder", func(t *testing.T) {
		folder := filepath.Join(t.TempDir(), "export")
		stdout, stderr, err := runCLI(t, nil, "export", "--data", a, "--dir", folder)
		require.NoError(t, err, stderr)
		assert.Empty(t, stdout)
		names, err := filepath.Glob(filepath.Join(folder, "*"))
		require.NoError(t, err)
		for i := range names {
			names[i] = filepath.Base(names[i])
		}
		assert.ElementsMatch(t, []string{"_schemas.ndjson", "questions.ndjson", "exams.ndjson"}, names)

		b := filepath.Join(t.TempDir(), "b.db")
		stdout, stderr, err = runCLI(t, nil, "import", "--data", b, folder)
		require.NoError(t, err, stderr)
		assert.Equal(t, imported, stdout)
		assertSameExport(t, want, exportOf(t, b))
	})
}

// checkImportedStore checks that an import of seedStore's export into the
// bbolt file at path works as a store (see checkImported).
func checkImportedStore(t *testing.T, path string) {
	t.Helper()
	svc, _ := openTestService(t, path)
	checkImported(t, svc)
}

// checkImported checks that an import of seedStore's export works as a
// store, not only as an export: indexes rebuilt, history readable.
func checkImported(t *testing.T, svc *documents.Service) {
	t.Helper()
	ctx := t.Context()
	_, err := svc.Create(ctx, "questions", []byte(`{"text":"copy","code":"Q1-b"}`), documents.WriteOptions{})
	assert.Equal(t, documents.KindConflict, documents.KindOf(err), "the unique index holds q1's code: %v", err)
	_, err = svc.Create(ctx, "questions", []byte(`{"text":"reuse","code":"Q1"}`), documents.WriteOptions{})
	assert.NoError(t, err, "q1's earlier code is free")
	_, err = svc.Create(ctx, "questions", []byte(`{"text":"reuse","code":"Q3"}`), documents.WriteOptions{})
	assert.NoError(t, err, "the deleted q3's code is free")
	_, err = svc.Create(ctx, "exams", []byte(`{"first":{"text":7}}`), documents.WriteOptions{})
	assert.Equal(t, documents.KindInvalid, documents.KindOf(err), "exams validates through its $ref: %v", err)
	page, err := svc.Revisions(ctx, "questions", "q1", documents.ListOptions{})
	require.NoError(t, err)
	assert.Len(t, page.Items, 3)
}

func TestImportIntoExistingStore(t *testing.T) {
	a := seedStore(t)
	export := exportOf(t, a)
	file := filepath.Join(t.TempDir(), "a.ndjson")
	require.NoError(t, os.WriteFile(file, []byte(export), 0o644))

	// The target has its own version of questions and of q1, a question
	// the export does not have, and a collection of its own.
	target := filepath.Join(t.TempDir(), "target.db")
	svc, closeStore := openTestService(t, target)
	ctx := t.Context()
	for _, w := range []struct{ coll, id, body string }{
		{"_schemas", "questions", `{"type":"object","properties":{"text":{"type":"string"},"code":{"type":"string","x-unique":true}}}`},
		{"_schemas", "notes", `{"type":"object","properties":{"body":{"type":"string"}}}`},
		{"questions", "q1", `{"text":"old 1","code":"OLD"}`},
		{"questions", "q1", `{"text":"old 2","code":"OLD"}`},
		{"questions", "q1", `{"text":"old 3","code":"OLD"}`},
		{"questions", "q1", `{"text":"old 4","code":"OLD"}`},
		{"questions", "q9", `{"text":"mine","code":"Q9"}`},
		{"notes", "n1", `{"body":"keep me"}`},
	} {
		_, err := svc.Put(ctx, w.coll, w.id, []byte(w.body), documents.WriteOptions{})
		require.NoError(t, err)
	}
	q9, err := svc.Get(ctx, "questions", "q9", documents.ReadOptions{})
	require.NoError(t, err)
	n1, err := svc.Get(ctx, "notes", "n1", documents.ReadOptions{})
	require.NoError(t, err)
	closeStore()

	stdout, stderr, err := runCLI(t, nil, "import", "--data", target, file)
	require.NoError(t, err, stderr)
	assert.Equal(t, fmt.Sprintf("imported 2 schemas, %d documents and 0 files\n", 3+bulkQuestions), stdout)

	// Every record of the export is in the target as it was exported:
	// q1 and the questions schema replaced, history and all.
	got := exportOf(t, target)
	gotLines := map[string]bool{}
	for _, l := range strings.Split(got, "\n") {
		gotLines[l] = true
	}
	for i, l := range strings.Split(strings.TrimSuffix(export, "\n"), "\n") {
		assert.True(t, gotLines[l], "line %d of the export is not in the target's export: %s", i+1, l)
	}

	svc, _ = openTestService(t, target)
	assert.ElementsMatch(t, []string{"_audit", "_keys", "_reports", "exams", "notes", "questions"}, svc.Registry().Names())
	page, err := svc.Revisions(ctx, "questions", "q1", documents.ListOptions{})
	require.NoError(t, err)
	assert.Len(t, page.Items, 3, "q1's history is the imported one")
	for _, keep := range []*documents.Document{q9, n1} {
		coll := map[string]string{"q9": "questions", "n1": "notes"}[keep.ID]
		doc, err := svc.Get(ctx, coll, keep.ID, documents.ReadOptions{})
		if assert.NoError(t, err, "%s is kept", keep.ID) {
			assert.Equal(t, string(keep.JSON), string(doc.JSON))
		}
	}
	_, err = svc.Create(ctx, "questions", []byte(`{"text":"again","code":"OLD"}`), documents.WriteOptions{})
	assert.NoError(t, err, "the replaced q1's code is free")
	_, err = svc.Create(ctx, "questions", []byte(`{"text":"again","code":"Q9"}`), documents.WriteOptions{})
	assert.Equal(t, documents.KindConflict, documents.KindOf(err), "q9 still holds its code: %v", err)
	_, err = svc.Create(ctx, "questions", []byte(`{"text":"again","code":"Q1-b"}`), documents.WriteOptions{})
	assert.Equal(t, documents.KindConflict, documents.KindOf(err), "the imported q1 holds its code: %v", err)
}

func TestImportErrorsNameTheLine(t *testing.T) {
	a := seedStore(t)
	lines := strings.Split(strings.TrimSuffix(exportOf(t, a), "\n"), "\n")
	schemaLines, docLines := lines[:2], lines[2:12]
	join := func(parts ...[]string) string {
		var all []string
		for _, p := range parts {
			all = append(all, p...)
		}
		return strings.Join(all, "\n") + "\n"
	}
	tests := []struct {
		name  string
		input string
		want  string
	}{
		{"not JSON", join(schemaLines, docLines[:1], []string{`{"collection":"questions","document":{"id":"x"`}, docLines[1:]),
			"line 4: "},
		{"blank lines still count", join(schemaLines, []string{"", ""}, []string{`not json`}),
			"line 5: "},
		{"not an object", join(schemaLines, []string{`[1,2]`}), "line 3: "},
		{"document without an id", join(schemaLines, docLines[:3], []string{`{"collection":"questions","document":{"text":"x","_rev":1}}`}, docLines[3:]),
			"line 6: "},
		{"document without a _rev", join(schemaLines, docLines[:1], []string{`{"collection":"questions","document":{"id":"x","text":"x"}}`}, docLines[1:]),
			"line 4: "},
		{"revision of another document", join(schemaLines, []string{`{"collection":"questions","document":{"id":"x","text":"x","_rev":2},"revisions":[{"id":"y","text":"y","_rev":1}]}`}, docLines),
			"line 3: "},
		{"unknown collection", join(schemaLines, docLines[:5], []string{`{"collection":"nope","document":{"id":"x","_rev":1}}`}, docLines[5:]),
			"line 8: "},
		{"revision newer than the document", join(schemaLines, []string{`{"collection":"questions","document":{"id":"x","text":"x","_rev":1},"revisions":[{"id":"x","text":"y","_rev":2}]}`}),
			"line 3: "},
		{"record without a collection", join(schemaLines, []string{`{"document":{"id":"x","_rev":1}}`}), "line 3: "},
		{"invalid schema", join(schemaLines, []string{`{"collection":"_schemas","document":{"id":"bad","type":"array","_rev":1}}`}, docLines),
			"the schemas of lines 1-3: "},
		{"duplicate unique value", join(schemaLines, []string{
			`{"collection":"questions","document":{"id":"x","text":"x","code":"same","_rev":1}}`,
			`{"collection":"questions","document":{"id":"y","text":"y","code":"same","_rev":1}}`,
		}), "line 4: questions/y: a unique value is already taken"},
		{"schema after documents", join(schemaLines, docLines[:2], schemaLines[:1]), "line 5: "},
		{"schema after a full batch of documents", join(schemaLines, lines[2:], schemaLines[:1]),
			fmt.Sprintf("line %d: schemas must come before documents", len(lines)+1)},
		{"truncated last line", join(schemaLines, docLines[:2], []string{docLines[2][:len(docLines[2])/2]}), "line 5: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "in.ndjson")
			require.NoError(t, os.WriteFile(file, []byte(tt.input), 0o644))
			_, _, err := runCLI(t, nil, "import", "--data", filepath.Join(t.TempDir(), "b.db"), file)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestTransferWhileTheDataFileIsInUse(t *testing.T) {
	a := seedStore(t)
	_, closeStore := openTestService(t, a) // as a running server would

	for _, args := range [][]string{
		{"export", "--data", a},
		{"import", "--data", a, os.DevNull},
	} {
		t.Run(args[0], func(t *testing.T) {
			stdout, _, err := runCLI(t, nil, args...)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "in use")
			assert.Contains(t, err.Error(), "stop the server first")
			assert.Empty(t, stdout)
		})
	}

	closeStore()
	exportOf(t, a)
}

func TestExportWithoutDataFile(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.db")
	_, _, err := runCLI(t, nil, "export", "--data", missing)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no data file")
	assert.NoFileExists(t, missing, "export must not create the file it reads")
}

// assertSameExport checks that two exports are equal byte for byte, and
// reports the first line that differs rather than both exports.
func assertSameExport(t *testing.T, want, got string) {
	t.Helper()
	if want == got {
		return
	}
	w, g := strings.SplitAfter(want, "\n"), strings.SplitAfter(got, "\n")
	for i := range min(len(w), len(g)) {
		if w[i] != g[i] {
			t.Errorf("the exports differ at line %d:\nwant %q\n got %q", i+1, w[i], g[i])
			return
		}
	}
	t.Errorf("the exports differ in length: want %d lines, got %d", len(w), len(g))
}
