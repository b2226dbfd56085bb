package documents_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/store"
	"github.com/credence/credence/store/bolt"
	"github.com/credence/credence/store/postgres/pgtest"
)

// tallySchema counts level (an enum, with a text holding a zero byte and
// the empty text) and passed (a boolean); score is indexed, not counted.
const tallySchema = `{"type": "object", "properties": {
  "level": {"type": "string", "enum": ["a", "a\u0000b", "b", "", "zz"], "x-index": true},
  "passed": {"type": "boolean", "x-index": true},
  "score": {"type": "integer", "x-index": true}}}`

var tallyLevels = []string{"a", "a\x00b", "b", "", "zz"}

// tallyDoc is a document of tally; some have no level or no passed.
func tallyDoc(r *rand.Rand) string {
	var parts []string
	if r.IntN(6) > 0 {
		q, _ := json.Marshal(tallyLevels[r.IntN(len(tallyLevels))])
		parts = append(parts, `"level": `+string(q))
	}
	if r.IntN(5) > 0 {
		parts = append(parts, fmt.Sprintf(`"passed": %t`, r.IntN(2) == 0))
	}
	parts = append(parts, fmt.Sprintf(`"score": %d`, r.IntN(9)))
	return "{" + strings.Join(parts, ", ") + "}"
}

// assertCounts checks that each count of tally the kept counts answer is
// the count of every document read; fromCounts says whether they must
// answer.
func assertCounts(t *testing.T, ctx context.Context, svc *documents.Service, fromCounts bool, msg string) {
	t.Helper()
	for _, groupBy := range [][]string{nil, {"level"}, {"passed"}} {
		q := documents.AggregateQuery{GroupBy: groupBy, Explain: true}
		got, err := svc.Aggregate(ctx, "tally", q)
		require.NoError(t, err)
		q.Filter = `id != ""` // every document read
		want, err := svc.Aggregate(ctx, "tally", q)
		require.NoError(t, err)
		assert.Equal(t, want.Rows, got.Rows, "%s, by %v", msg, groupBy)
		assert.Equal(t, want.Matched, got.Matched, "%s, by %v", msg, groupBy)
		if fromCounts {
			assert.Equal(t, "counts", got.Explain.Order, "%s, by %v", msg, groupBy)
			assert.Equal(t, strings.Join(groupBy, ""), got.Explain.Index, "%s, by %v", msg, groupBy)
			assert.Zero(t, got.Explain.Examined, "no document read")
		}
	}
}

// TestKeptCounts: the counts kept as documents are written answer a count
// of the collection, and by a counted field, as a read of every document
// does, through creates, replacements, patches, deletes and writes that
// fail, from concurrent writers; after an import that replaces documents;
// after a schema change that counts another field; on a store written
// before counts were kept; and after the collection is deleted and made
// again.
func TestKeptCounts(t *testing.T) {
	t.Run("bolt", func(t *testing.T) {
		st, err := bolt.Open(filepath.Join(t.TempDir(), "credence.db"), bolt.Options{})
		require.NoError(t, err)
		t.Cleanup(func() { st.Close() })
		testKeptCounts(t, st)
	})
	t.Run("postgres", func(t *testing.T) { testKeptCounts(t, pgtest.Open(t)) })
}

func testKeptCounts(t *testing.T, st store.Store) {
	ctx, svc, _ := newScoresOn(t, st, documents.Options{})
	_, err := svc.Put(ctx, "_schemas", "tally", []byte(tallySchema), documents.WriteOptions{})
	require.NoError(t, err)
	assertCounts(t, ctx, svc, true, "empty")

	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(w), 7))
			for range 150 {
				id := fmt.Sprintf("t%02d", r.IntN(60))
				var err error
				switch op := r.IntN(10); {
				case op < 5:
					_, err = svc.Put(ctx, "tally", id, []byte(tallyDoc(r)), documents.WriteOptions{})
				case op < 7:
					_, err = svc.Patch(ctx, "tally", id, []byte(`{"level": null, "passed": true}`), documents.WriteOptions{})
				case op < 9:
					err = svc.Delete(ctx, "tally", id, documents.WriteOptions{})
				default: // refused: not in the enum
					_, err = svc.Put(ctx, "tally", id, []byte(`{"level": "nope"}`), documents.WriteOptions{})
					assert.Equal(t, documents.KindInvalid, documents.KindOf(err))
					err = nil
				}
				if k := documents.KindOf(err); err != nil && k != documents.KindNotFound && k != documents.KindInvalid {
					assert.NoError(t, err)
				}
			}
		}()
	}
	wg.Wait()
	assertCounts(t, ctx, svc, true, "after concurrent writes")
	// The audit log keeps no counts: its count reads it (by a field, its index).
	for _, groupBy := range [][]string{nil, {"collection"}} {
		got, err := svc.Aggregate(ctx, documents.AuditCollection, documents.AggregateQuery{GroupBy: groupBy})
		require.NoError(t, err)
		want, err := svc.Aggregate(ctx, documents.AuditCollection, documents.AggregateQuery{GroupBy: groupBy, Filter: `id != ""`})
		require.NoError(t, err)
		assert.Equal(t, want.Rows, got.Rows, "the audit log by %v", groupBy)
		assert.NotZero(t, got.Matched)
	}

	// An import replaces documents, and brings back deleted ones.
	var exported bytes.Buffer
	require.NoError(t, svc.WriteNDJSON(ctx, &exported))
	var lines []string
	for line := range strings.SplitSeq(exported.String(), "\n") {
		if strings.Contains(line, `"collection":"tally"`) {
			lines = append(lines, line)
		}
	}
	require.NotEmpty(t, lines)
	r := rand.New(rand.NewPCG(9, 9))
	for i := range 60 {
		id := fmt.Sprintf("t%02d", i)
		if i%2 == 0 {
			err = svc.Delete(ctx, "tally", id, documents.WriteOptions{})
		} else {
			_, err = svc.Put(ctx, "tally", id, []byte(tallyDoc(r)), documents.WriteOptions{})
		}
		if documents.KindOf(err) != documents.KindNotFound {
			require.NoError(t, err)
		}
	}
	_, err = svc.ReadNDJSON(ctx, strings.NewReader(strings.Join(lines, "\n")))
	require.NoError(t, err)
	assertCounts(t, ctx, svc, true, "after an import")

	// score becomes counted: its enum lists its values.
	counted := strings.Replace(tallySchema, `"score": {"type": "integer", "x-index": true}`, `"score": {"enum": ["low", "high"], "x-index": true}`, 1)
	_, err = svc.Put(ctx, "_schemas", "tally", []byte(counted), documents.WriteOptions{Force: true})
	require.NoError(t, err)
	byScore, err := svc.Aggregate(ctx, "tally", documents.AggregateQuery{GroupBy: []string{"score"}, Explain: true})
	require.NoError(t, err)
	assert.NotEqual(t, "counts", byScore.Explain.Order, "numbers kept by force are not served from the counts")
	assertCounts(t, ctx, svc, true, "after a schema change")
	_, err = svc.Put(ctx, "_schemas", "tally", []byte(tallySchema), documents.WriteOptions{Force: true})
	require.NoError(t, err)

	// As a store written before counts were kept left it.
	require.NoError(t, st.Update(t.Context(), func(tx store.Tx) error {
		require.NoError(t, tx.DeleteBucket("counts/tally"))
		require.NoError(t, tx.DeleteBucket("counts/scores"))
		return tx.Put("meta", []byte("indexes.format"), []byte{2})
	}))
	reopened, err := documents.New(t.Context(), st, documents.Options{})
	require.NoError(t, err)
	assertCounts(t, ctx, reopened, true, "counted on open")

	require.NoError(t, reopened.Delete(ctx, "_schemas", "tally", documents.WriteOptions{Force: true}))
	_, err = reopened.Put(ctx, "_schemas", "tally", []byte(tallySchema), documents.WriteOptions{})
	require.NoError(t, err)
	assertCounts(t, ctx, reopened, true, "made again")
	total, err := reopened.Aggregate(ctx, "tally", documents.AggregateQuery{})
	require.NoError(t, err)
	assert.Zero(t, total.Matched, "the counts went with the collection")
}

// TestFormulaCountFromKeptCounts: count() in a formula, on nothing or on
// one counted field, reads the kept count (one read of its budget), so it
// answers past the bound of documents a formula may read; a count it
// cannot answer so (a field not counted, two fields, a list) reads the
// documents as before, and gives the same numbers where it can.
func TestFormulaCountFromKeptCounts(t *testing.T) {
	ctx, svc, _ := newScores(t, documents.Options{})
	_, err := svc.Put(ctx, "_schemas", "tally", []byte(tallySchema), documents.WriteOptions{})
	require.NoError(t, err)
	levels := map[string]int{}
	aPassed, score3 := 0, 0
	for i := range 1500 { // past the 1,000 reads a formula may make
		level := tallyLevels[i%3]
		levels[level]++
		if level == "a" && i%4 == 0 {
			aPassed++
		}
		if i%9 == 3 {
			score3++
		}
		q, _ := json.Marshal(level)
		_, err := svc.Put(ctx, "tally", fmt.Sprintf("t%04d", i), []byte(fmt.Sprintf(`{"level": %s, "passed": %t, "score": %d}`, q, i%4 == 0, i%9)), documents.WriteOptions{})
		require.NoError(t, err)
	}
	eval := func(formula string) (string, error) {
		res, err := svc.Eval(ctx, documents.EvalRequest{Expr: formula, Collection: "tally", Doc: json.RawMessage(`{}`)})
		if err != nil {
			return "", err
		}
		return fmt.Sprint(res.Value), nil
	}
	for formula, want := range map[string]int{
		`count("tally", {})`:             1500,
		`count("tally", {level: "a"})`:   levels["a"],
		`count("tally", {level: "b"})`:   levels["b"],
		`count("tally", {level: "zz"})`:  0,
		`count("tally", {passed: true})`: 375,
		`count("tally", {level: nil})`:   0,
		`count("tally", {level: 7})`:     0,
		`count("tally", {level: "a"}) + count("tally", {level: "a\u0000b"}) + count("tally", {passed: false})`: levels["a"] + levels["a\x00b"] + 1125,
		// Not from the counts: the documents of an index's range are read.
		`count("tally", {score: 3})`:                 score3,
		`count("tally", {level: "a", passed: true})`: aPassed,
	} {
		got, err := eval(formula)
		require.NoError(t, err, formula)
		assert.Equal(t, fmt.Sprint(want), got, formula)
	}
	// Not from the counts either, and past the bound: every document read.
	for _, formula := range []string{`count("tally", {note: "x"})`, `count("tally", {level: ["a"]})`} {
		_, err := eval(formula)
		assert.ErrorContains(t, err, "bound", formula)
	}
}
