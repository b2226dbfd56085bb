package documents_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/store"
	"github.com/credence/credence/store/bolt"
)

// scoresSchema has score with an index and rank, the same values, without.
const scoresSchema = `{"type": "object", "properties": {
  "score": {"type": "integer", "x-index": true},
  "rank": {"type": "integer"},
  "level": {"type": "string", "x-index": true},
  "tag": {"type": "string", "x-index": true},
  "note": {"type": "string"}}}`

// newScores is a service over a bbolt file with the collection scores,
// whose clock moves a millisecond at each reading, as an admin.
func newScores(t *testing.T, opts documents.Options) (context.Context, *documents.Service, store.Store) {
	t.Helper()
	st, err := bolt.Open(filepath.Join(t.TempDir(), "credence.db"), bolt.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	return newScoresOn(t, st, opts)
}

// newScoresOn is newScores on the store st.
func newScoresOn(t *testing.T, st store.Store, opts documents.Options) (context.Context, *documents.Service, store.Store) {
	t.Helper()
	var tick atomic.Int64
	opts.Now = func() time.Time { return listNow.Add(time.Duration(tick.Add(1)) * time.Millisecond) }
	svc, err := documents.New(t.Context(), st, opts)
	require.NoError(t, err)
	ctx := documents.WithAuth(t.Context(), documents.Auth{KeyID: "test", Role: documents.RoleAdmin})
	_, err = svc.Put(ctx, "_schemas", "scores", []byte(scoresSchema), documents.WriteOptions{})
	require.NoError(t, err)
	return ctx, svc, st
}

// putScore writes a document whose score and rank are n, or absent when n
// is negative.
func putScore(t *testing.T, ctx context.Context, svc *documents.Service, id string, n int, level string) {
	t.Helper()
	body := fmt.Sprintf(`{"level": %q}`, level)
	if n >= 0 {
		body = fmt.Sprintf(`{"score": %d, "rank": %d, "level": %q}`, n, n, level)
	}
	_, err := svc.Put(ctx, "scores", id, []byte(body), documents.WriteOptions{})
	require.NoError(t, err)
}

// walkAll pages through a list and returns every id, in order, and the
// explain of its first page.
func walkAll(t *testing.T, ctx context.Context, svc *documents.Service, opts documents.ListOptions) ([]string, *documents.Explain) {
	t.Helper()
	opts.Explain = true
	var out []string
	var first *documents.Explain
	for pages := 0; ; pages++ {
		require.Less(t, pages, 10000, "the cursor does not move")
		page, err := svc.List(ctx, "scores", opts)
		require.NoError(t, err, "%+v", opts)
		if first == nil {
			first = page.Explain
		}
		out = append(out, ids(t, page)...)
		if page.Next == "" {
			return out, first
		}
		opts.Cursor = page.Next
	}
}

// TestSortWalksTheIndex: a sort by an indexed field walks its index and
// gives what the same sort in memory gives, page by page, with missing
// values first, ties by id in the sort's direction, and filters on the
// same field, on another index and on no index.
func TestSortWalksTheIndex(t *testing.T) {
	ctx, svc, _ := newScores(t, documents.Options{})
	rnd := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		score := rnd.IntN(40) - 5 // some missing, many ties
		putScore(t, ctx, svc, fmt.Sprintf("d%03d", rnd.IntN(1000)*1000+i), score, []string{"a", "b", "c"}[rnd.IntN(3)])
	}
	for _, dir := range []string{"", "-"} {
		for _, filter := range []string{"", `score >= 10 && score < 20`, `(rank ?? 0) > 30`, `level == "b"`, `score == nil`} {
			t.Run(dir+"score/"+filter, func(t *testing.T) {
				want, memory := walkAll(t, ctx, svc, documents.ListOptions{Sort: dir + "rank", Filter: filter, Limit: 1000})
				assert.Equal(t, "memory", memory.Order)
				assert.Contains(t, memory.Advice, `rank has no index`)
				require.NotEmpty(t, want)
				for _, limit := range []int{1, 7, 50} {
					got, ex := walkAll(t, ctx, svc, documents.ListOptions{Sort: dir + "score", Filter: filter, Limit: limit})
					assert.Equal(t, want, got, "pages of %d", limit)
					if filter == `level == "b"` {
						// Fewer than 1,000 at that level: read and sorted in memory.
						assert.Equal(t, "level", ex.Index)
						assert.Equal(t, "memory", ex.Order)
						continue
					}
					assert.Equal(t, "score", ex.Index)
					assert.Equal(t, "index", ex.Order)
					if filter == "" {
						assert.LessOrEqual(t, ex.Examined, limit+1, "a walk reads the page and stops")
					}
				}
			})
		}
	}
	// The meta times are indexed in every collection.
	byTime, ex := walkAll(t, ctx, svc, documents.ListOptions{Sort: "-_createdAt", Limit: 10})
	assert.Equal(t, "index", ex.Order)
	assert.Equal(t, "_createdAt", ex.Index)
	assert.Len(t, byTime, 300)
	putScore(t, ctx, svc, byTime[299], 1, "a") // the oldest is the newest write
	updated, ex := walkAll(t, ctx, svc, documents.ListOptions{Sort: "-_updatedAt", Limit: 10})
	assert.Equal(t, "_updatedAt", ex.Index)
	assert.Equal(t, byTime[299], updated[0])
	assert.Len(t, updated, 300)
}

// TestSortedWalkWhileWriting: a sorted walk by cursor over a collection
// while documents are created, deleted and changed (but not in the sort's
// field) returns every document that existed throughout exactly once.
func TestSortedWalkWhileWriting(t *testing.T) {
	ctx, svc, _ := newScores(t, documents.Options{})
	rnd := rand.New(rand.NewPCG(3, 4))
	throughout := map[string]bool{}
	for i := range 1000 {
		id := fmt.Sprintf("x%04d", i)
		putScore(t, ctx, svc, id, rnd.IntN(50), "a")
		throughout[id] = true
	}
	for run, sort := range []string{"score", "-score", "_createdAt", "-_createdAt"} {
		t.Run(sort, func(t *testing.T) {
			seen := map[string]int{}
			opts := documents.ListOptions{Sort: sort, Limit: 25, Explain: true}
			n := 0
			for pages := 0; ; pages++ {
				require.Less(t, pages, 1000)
				page, err := svc.List(ctx, "scores", opts)
				require.NoError(t, err)
				require.Equal(t, "index", page.Explain.Order)
				for _, id := range ids(t, page) {
					seen[id]++
				}
				// Between pages: new documents, some deleted again, and
				// changes to documents that were there all along.
				for range 5 {
					n++
					putScore(t, ctx, svc, fmt.Sprintf("run%d-new%04d", run, n), rnd.IntN(50), "b")
				}
				for range 2 {
					victim := fmt.Sprintf("run%d-new%04d", run, n-rnd.IntN(5))
					if err := svc.Delete(ctx, "scores", victim, documents.WriteOptions{}); err != nil {
						require.Equal(t, documents.KindNotFound, documents.KindOf(err))
					}
				}
				for range 5 {
					id := fmt.Sprintf("x%04d", rnd.IntN(1000))
					_, err := svc.Patch(ctx, "scores", id, []byte(fmt.Sprintf(`{"note": "page %d"}`, pages)), documents.WriteOptions{})
					require.NoError(t, err)
				}
				if page.Next == "" {
					break
				}
				opts.Cursor = page.Next
			}
			for id := range throughout {
				assert.Equal(t, 1, seen[id], "%s seen %d times", id, seen[id])
			}
			for id, times := range seen {
				assert.Equal(t, 1, times, "%s seen %d times", id, times)
			}
		})
	}
}

// TestSortWithoutIndexIsBounded: a sort in memory says so in the explain,
// and past the service's bound is refused with advice; an index, or a
// filter that an index serves, makes the same list cheap.
func TestSortWithoutIndexIsBounded(t *testing.T) {
	ctx, svc, _ := newScores(t, documents.Options{MaxSortScan: 100})
	for i := range 150 {
		putScore(t, ctx, svc, fmt.Sprintf("d%03d", i), i%60, []string{"a", "b", "c"}[i%3])
	}
	_, err := svc.List(ctx, "scores", documents.ListOptions{Sort: "rank"})
	require.Error(t, err)
	assert.Equal(t, documents.KindBadRequest, documents.KindOf(err))
	assert.Contains(t, err.Error(), "more than 100 documents")
	assert.Contains(t, err.Error(), `add "x-index": true to it in the schema of scores`)

	page, err := svc.List(ctx, "scores", documents.ListOptions{Sort: "rank", Filter: `level == "a"`, Explain: true})
	require.NoError(t, err, "50 at level a: few enough to sort")
	assert.Len(t, page.Items, 50)
	assert.Equal(t, "memory", page.Explain.Order)

	cases := []struct{ sort, filter, order, advice string }{
		{"", "", "id", ""},
		{"-score", "", "index", ""},
		{"score,rank", `level == "a"`, "memory", "several fields"},
		{"score,-id", `level == "a"`, "memory", "sort by score"},
	}
	for _, c := range cases {
		page, err := svc.List(ctx, "scores", documents.ListOptions{Sort: c.sort, Filter: c.filter, Limit: 5, Explain: true})
		require.NoError(t, err, c.sort)
		assert.Equal(t, c.order, page.Explain.Order, c.sort)
		assert.Contains(t, page.Explain.Advice, c.advice, c.sort)
	}
	// A cursor made by one plan is refused by another.
	page, err = svc.List(ctx, "scores", documents.ListOptions{Sort: "score", Limit: 5})
	require.NoError(t, err)
	_, err = svc.List(ctx, "scores", documents.ListOptions{Sort: "-score", Limit: 5, Cursor: page.Next})
	assert.Equal(t, documents.KindBadRequest, documents.KindOf(err))
}

// TestIndexesMigrate: a store whose index entries predate an entry for
// every document (no format mark) is rebuilt once when a service opens it.
func TestIndexesMigrate(t *testing.T) {
	ctx, svc, st := newScores(t, documents.Options{})
	for i := range 20 {
		putScore(t, ctx, svc, fmt.Sprintf("d%02d", i), i-5, "a") // five without a score
	}
	// As an older version left it: no entry for a missing value, none for
	// the times, no format mark.
	require.NoError(t, st.Update(t.Context(), func(tx store.Tx) error {
		var drop [][]byte
		err := tx.Scan("idx/scores", store.Range{}, func(k, _ []byte) bool {
			if k[len("\x06score\x00")] == 0x02 || k[1] == '_' {
				drop = append(drop, slices.Clone(k))
			}
			return true
		})
		for _, k := range drop {
			require.NoError(t, tx.Delete("idx/scores", k))
		}
		require.NotEmpty(t, drop)
		require.NoError(t, err)
		return tx.Delete("meta", []byte("indexes.format"))
	}))
	reopened, err := documents.New(t.Context(), st, documents.Options{})
	require.NoError(t, err)
	all, ex := walkAll(t, ctx, reopened, documents.ListOptions{Sort: "score", Limit: 3})
	assert.Equal(t, "index", ex.Order)
	assert.Len(t, all, 20)
	assert.Equal(t, []string{"d00", "d01", "d02", "d03", "d04"}, all[:5], "the missing scores first")
	missing, _ := walkAll(t, ctx, reopened, documents.ListOptions{Filter: "score == nil"})
	assert.Len(t, missing, 5, "an equality with null is served by the index")
	byTime, _ := walkAll(t, ctx, reopened, documents.ListOptions{Sort: "_createdAt", Limit: 7})
	assert.Len(t, byTime, 20)
}

// TestCompoundFilters: a conjunction of comparisons on several indexed
// fields is served by the index whose range holds the fewest entries, the
// equalities on the others checked in their own index before a document
// is read; the answers are those of the same filters by scan.
func TestCompoundFilters(t *testing.T) {
	ctx, svc, _ := newScores(t, documents.Options{})
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < 3300; i += 4 {
				tag := "common"
				if i%97 == 0 {
					tag = "rare"
				}
				body := fmt.Sprintf(`{"score": %d, "rank": %d, "level": %q, "tag": %q}`, i%100, i%100, []string{"a", "b", "c"}[i%3], tag)
				_, err := svc.Put(ctx, "scores", fmt.Sprintf("d%04d", i), []byte(body), documents.WriteOptions{})
				assert.NoError(t, err)
			}
		}()
	}
	wg.Wait()
	cases := []struct {
		filter, scan, sort, index, order string
		intersect                        []string
		served                           bool // every candidate read is kept
	}{
		{`level == "a" && tag == "rare"`, `(level ?? "") == "a" && (tag ?? "") == "rare"`, "", "tag", "id", []string{"level"}, true},
		{`tag == "rare" && level == "a"`, `(level ?? "") == "a" && (tag ?? "") == "rare"`, "", "tag", "id", []string{"level"}, true},
		{`score >= 95 && level == "b"`, `(rank ?? 0) >= 95 && (level ?? "") == "b"`, "", "score", "id", []string{"level"}, true},
		{`level == "a"`, `(level ?? "") == "a"`, "-score", "score", "index", []string{"level"}, true},
		{`level == "a" && score < 10`, `(level ?? "") == "a" && (rank ?? 0) < 10`, "score", "score", "index", []string{"level"}, true},
		{`level == "c" && tag == "rare" && score > 50`, `(level ?? "") == "c" && (tag ?? "") == "rare" && (rank ?? 0) > 50`, "", "tag", "id", []string{"level"}, false},
	}
	// Two equalities on one field are two checks: none holds for both.
	for _, filter := range []string{`tag == "rare" && level == "a" && level == "b"`, `level == "a" && level == "b"`, `level == "a" && tag == "rare" && tag == "common"`} {
		for _, sort := range []string{"", "-score"} {
			got, _ := walkAll(t, ctx, svc, documents.ListOptions{Filter: filter, Sort: sort, Limit: 40})
			assert.Empty(t, got, "%s sorted by %q", filter, sort)
		}
	}
	for _, c := range cases {
		t.Run(c.filter+"/"+c.sort, func(t *testing.T) {
			scanSort := strings.NewReplacer("score", "rank").Replace(c.sort)
			want, ex := walkAll(t, ctx, svc, documents.ListOptions{Filter: c.scan, Sort: scanSort, Limit: 1000})
			require.Empty(t, ex.Index, "the reference reads every document")
			require.NotEmpty(t, want)
			got, ex := walkAll(t, ctx, svc, documents.ListOptions{Filter: c.filter, Sort: c.sort, Limit: 40})
			assert.Equal(t, want, got)
			assert.Equal(t, c.index, ex.Index)
			assert.Equal(t, c.order, ex.Order)
			assert.Equal(t, c.intersect, ex.Intersect)
			if c.served {
				assert.Equal(t, ex.Examined, ex.Matched, "no document read that the filter refuses")
			}
		})
	}
}

// TestIDRanges: comparisons of id with texts bound the scan of the
// collection, in either order, and with a cursor.
func TestIDRanges(t *testing.T) {
	ctx, svc, _ := newScores(t, documents.Options{})
	for i := range 100 {
		putScore(t, ctx, svc, fmt.Sprintf("d%03d", i), i, "a")
	}
	for _, c := range []struct {
		filter, sort string
		first, last  string
		count        int
	}{
		{`id > "d089"`, "", "d090", "d099", 10},
		{`id >= "d010" && id < "d020"`, "", "d010", "d019", 10},
		{`id <= "d004"`, "-id", "d004", "d000", 5},
		{`id == "d042"`, "", "d042", "d042", 1},
		{`id > "d050" && id < "d040"`, "", "", "", 0},
	} {
		got, ex := walkAll(t, ctx, svc, documents.ListOptions{Filter: c.filter, Sort: c.sort, Limit: 3})
		require.Len(t, got, c.count, c.filter)
		assert.LessOrEqual(t, ex.Examined, 4, "%s: only the range is read", c.filter)
		if c.count > 0 {
			assert.Equal(t, c.first, got[0], c.filter)
			assert.Equal(t, c.last, got[len(got)-1], c.filter)
		}
	}
}

// TestIndexesMigrateInChunks: a rebuild reads the documents a chunk at a
// time and misses none at the chunks' edges.
func TestIndexesMigrateInChunks(t *testing.T) {
	ctx, svc, st := newScores(t, documents.Options{})
	var buf strings.Builder
	const n = 10_050
	for i := range n {
		fmt.Fprintf(&buf, `{"collection":"scores","document":{"id":"d%05d","score":%d,"_rev":1,"_createdAt":"2026-01-01T00:00:00.000Z","_updatedAt":"2026-01-01T00:00:00.000Z"}}`+"\n", i, i%7)
	}
	_, err := svc.ReadNDJSON(ctx, strings.NewReader(buf.String()))
	require.NoError(t, err)
	require.NoError(t, st.Update(t.Context(), func(tx store.Tx) error {
		require.NoError(t, tx.DeleteBucket("idx/scores"))
		return tx.Delete("meta", []byte("indexes.format"))
	}))
	reopened, err := documents.New(t.Context(), st, documents.Options{})
	require.NoError(t, err)
	all, ex := walkAll(t, ctx, reopened, documents.ListOptions{Sort: "score", Limit: 1000})
	assert.Equal(t, "index", ex.Order)
	assert.Len(t, all, n)
	seen := map[string]bool{}
	for _, id := range all {
		seen[id] = true
	}
	assert.Len(t, seen, n, "each once")
}

// TestCountFromIndex: a count of a whole collection, by nothing or by an
// indexed field, is read from the index alone, and says what a read of
// every document says (a filter that keeps all of them forces that read);
// a numeric field, a filter or another metric go the long way.
func TestCountFromIndex(t *testing.T) {
	ctx, svc, _ := newScores(t, documents.Options{})
	levels := []string{"a", "a\x00b", "b", "", "zz"}
	for i := range 200 {
		level := levels[i%len(levels)]
		quoted, _ := json.Marshal(level)
		body := fmt.Sprintf(`{"score": %d, "level": %s}`, i%9, quoted)
		if i%11 == 0 {
			body = fmt.Sprintf(`{"score": %d}`, i%9) // no level: the null group
		}
		_, err := svc.Put(ctx, "scores", fmt.Sprintf("d%03d", i), []byte(body), documents.WriteOptions{})
		require.NoError(t, err)
	}
	for _, c := range []struct {
		groupBy []string
		metrics []string
		order   string // "" when documents are read
	}{
		{nil, nil, "counts"},
		{[]string{"level"}, []string{"count"}, "index"}, // not counted: no enum
		{[]string{"score"}, nil, ""},
		{[]string{"level"}, []string{"count", "avg:score"}, ""},
		{[]string{"rank"}, nil, ""}, // no index
	} {
		q := documents.AggregateQuery{GroupBy: c.groupBy, Metrics: c.metrics, Explain: true}
		got, err := svc.Aggregate(ctx, "scores", q)
		require.NoError(t, err, "%+v", c)
		q.Filter = `id != ""`
		want, err := svc.Aggregate(ctx, "scores", q)
		require.NoError(t, err)
		assert.Equal(t, want.Rows, got.Rows, "%+v", c)
		assert.Equal(t, 200, got.Matched)
		if c.order != "" {
			assert.Equal(t, c.order, got.Explain.Order, "%+v", c)
			assert.Zero(t, got.Explain.Examined, "no document read")
		} else {
			assert.NotZero(t, got.Explain.Examined, "%+v", c)
		}
	}
}
