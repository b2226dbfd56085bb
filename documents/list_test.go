package documents_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/expressions"
	"github.com/credence/credence/store/bolt"
)

// listNow is the service's clock in the list tests.
var listNow = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

// passesSchema has an indexed date and an unindexed one.
const passesSchema = `{"type": "object", "properties": {
  "expiresAt": {"type": "string", "format": "date-time", "x-index": true},
  "issuedAt": {"type": "string", "format": "date-time"}}}`

// newListService is a service over bbolt with the collection passes, read
// as an admin (who may ask for Explain).
func newListService(t *testing.T) (context.Context, *documents.Service) {
	t.Helper()
	st, err := bolt.Open(filepath.Join(t.TempDir(), "credence.db"), bolt.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	svc, err := documents.New(t.Context(), st, documents.Options{Now: func() time.Time { return listNow }})
	require.NoError(t, err)
	ctx := documents.WithAuth(t.Context(), documents.Auth{KeyID: "test", Role: documents.RoleAdmin})
	_, err = svc.Put(ctx, "_schemas", "passes", []byte(passesSchema), documents.WriteOptions{})
	require.NoError(t, err)
	return ctx, svc
}

func putPass(t *testing.T, ctx context.Context, svc *documents.Service, id, expiresAt string) {
	t.Helper()
	_, err := svc.Put(ctx, "passes", id, fmt.Appendf(nil, `{"expiresAt": %q, "issuedAt": %q}`, expiresAt, expiresAt), documents.WriteOptions{})
	require.NoError(t, err, "put %s", id)
}

// ids lists the ids of a page's items.
func ids(t *testing.T, page *documents.Page) []string {
	t.Helper()
	out := make([]string, 0, len(page.Items))
	for _, raw := range page.Items {
		var d struct{ ID string }
		require.NoError(t, json.Unmarshal(raw, &d))
		out = append(out, d.ID)
	}
	return out
}

func TestListComparesWithNowThroughTheIndex(t *testing.T) {
	ctx, svc := newListService(t)
	// One a day at noon: 10 before the clock's day, 20 from it on, as
	// formulas write dates.
	for i := range 30 {
		putPass(t, ctx, svc, fmt.Sprintf("p%02d", i), listNow.AddDate(0, 0, i-10).Add(2*time.Hour).Format(expressions.TimeLayout))
	}
	for _, tc := range []struct {
		name, filter   string
		at             time.Time
		want, examined int
		index          string
	}{
		{"before now", `expiresAt < now`, time.Time{}, 10, 10, "expiresAt"},
		{"now first", `now > doc.expiresAt`, time.Time{}, 10, 10, "expiresAt"},
		{"at or after now", `doc.expiresAt >= now`, time.Time{}, 20, 20, "expiresAt"},
		{"at a time given", `expiresAt < now`, listNow.AddDate(0, 0, 5), 15, 15, "expiresAt"},
		{"now and a formula of it", `expiresAt > now && expiresAt < addDays(now, 5)`, time.Time{}, 5, 20, "expiresAt"},
		{"without an index, the same answer", `issuedAt < now`, listNow.AddDate(0, 0, 5), 15, 30, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page, err := svc.List(ctx, "passes", documents.ListOptions{Filter: tc.filter, At: tc.at, Explain: true, Limit: 100})
			require.NoError(t, err)
			assert.Len(t, page.Items, tc.want)
			require.NotNil(t, page.Explain)
			assert.Equal(t, tc.index, page.Explain.Index)
			assert.Equal(t, tc.want, page.Explain.Matched)
			assert.Equal(t, tc.examined, page.Explain.Examined, "the range is read, not the collection")
		})
	}
}

// TestListComparesDatesOfAnySpellingWithNow: dates written by hand, without
// milliseconds or with an offset, do not sort by their text as they do in
// time; the index still gives every document the filter holds for.
func TestListComparesDatesOfAnySpellingWithNow(t *testing.T) {
	ctx, svc := newListService(t)
	for id, at := range map[string]string{
		"now-plain":       "2026-11-23T10:00:00Z",      // the clock's instant, sorts after it as text
		"before-east":     "2026-11-23T11:30:00+02:00", // 09:30Z
		"before-east-far": "2026-11-23T23:00:00+14:00", // 09:00Z
		"after-west":      "2026-11-23T08:30:00-02:00", // 10:30Z
		"after-plain":     "2026-11-23T10:00:01Z",
		"before-millis":   "2026-11-23T09:59:59.999Z",
		"long-before":     "2026-10-01T00:00:00Z",
		"long-after":      "2027-01-01T00:00:00+01:00",
	} {
		putPass(t, ctx, svc, id, at)
	}
	for _, tc := range []struct {
		filter string
		want   []string
	}{
		{`expiresAt < now`, []string{"before-east", "before-east-far", "before-millis", "long-before"}},
		{`expiresAt <= now`, []string{"before-east", "before-east-far", "before-millis", "long-before", "now-plain"}},
		{`expiresAt > now`, []string{"after-plain", "after-west", "long-after"}},
		{`expiresAt >= now`, []string{"after-plain", "after-west", "long-after", "now-plain"}},
		{`expiresAt == now`, []string{"now-plain"}},
	} {
		t.Run(tc.filter, func(t *testing.T) {
			page, err := svc.List(ctx, "passes", documents.ListOptions{Filter: tc.filter, Explain: true})
			require.NoError(t, err)
			assert.Equal(t, tc.want, ids(t, page))
			assert.Equal(t, "expiresAt", page.Explain.Index)
			assert.Equal(t, len(tc.want), page.Explain.Examined, "only those it gives are read")
		})
	}
}

func TestListNarrowChoosesCandidatesWithoutRunning(t *testing.T) {
	ctx, svc := newListService(t)
	for i := range 10 {
		putPass(t, ctx, svc, fmt.Sprintf("p%02d", i), listNow.AddDate(0, 0, i-3).Format(expressions.TimeLayout))
	}
	// A formula that fails on every document it runs on: as Narrow it is
	// not run, so its comparison with now only chooses the candidates.
	narrow, err := expressions.Compile(`doc.expiresAt <= now && doc.missing.x == 1`, expressions.Options{Mode: expressions.Bool})
	require.NoError(t, err)
	page, err := svc.List(ctx, "passes", documents.ListOptions{Narrow: narrow, Explain: true})
	require.NoError(t, err)
	assert.Equal(t, []string{"p00", "p01", "p02", "p03"}, ids(t, page))
	assert.Equal(t, "expiresAt", page.Explain.Index)
	assert.Equal(t, 4, page.Explain.Examined)

	page, err = svc.List(ctx, "passes", documents.ListOptions{Narrow: narrow, At: listNow.AddDate(0, 0, 1)})
	require.NoError(t, err)
	assert.Len(t, page.Items, 5)

	// Neither a filter it is not run as.
	_, err = svc.List(ctx, "passes", documents.ListOptions{Filter: narrow.Source()})
	assert.Equal(t, documents.KindBadRequest, documents.KindOf(err))
}

func TestListInIndexOrderReadsARangeOnce(t *testing.T) {
	ctx, svc := newListService(t)
	const total, limit = 250, 40
	for i := range total {
		// Ids in the reverse order of their dates.
		putPass(t, ctx, svc, fmt.Sprintf("p%03d", total-i), listNow.Add(-time.Duration(i+1)*time.Minute).Format(expressions.TimeLayout))
	}
	putPass(t, ctx, svc, "later", listNow.Add(time.Hour).Format(expressions.TimeLayout))

	seen := map[string]bool{}
	examined, pages, cursor := 0, 0, ""
	for {
		page, err := svc.List(ctx, "passes", documents.ListOptions{Filter: `expiresAt <= now`, IndexOrder: true, Limit: limit, Cursor: cursor, Explain: true})
		require.NoError(t, err)
		pages++
		examined += page.Explain.Examined
		for _, id := range ids(t, page) {
			assert.False(t, seen[id], "%s twice", id)
			seen[id] = true
		}
		if page.Next == "" {
			break
		}
		cursor = page.Next
	}
	assert.Len(t, seen, total)
	assert.Equal(t, (total+limit-1)/limit, pages)
	assert.LessOrEqual(t, examined, total+pages, "each entry once, and one more per page to know there is a next")

	t.Run("the order of the index", func(t *testing.T) {
		page, err := svc.List(ctx, "passes", documents.ListOptions{Filter: `expiresAt <= now`, IndexOrder: true, Limit: 3})
		require.NoError(t, err)
		assert.Equal(t, []string{"p001", "p002", "p003"}, ids(t, page), "the earliest first")
	})
	t.Run("id order where no range serves", func(t *testing.T) {
		page, err := svc.List(ctx, "passes", documents.ListOptions{Filter: `issuedAt <= now`, IndexOrder: true, Limit: 3})
		require.NoError(t, err)
		assert.Equal(t, []string{"p001", "p002", "p003"}, ids(t, page))
		page, err = svc.List(ctx, "passes", documents.ListOptions{Filter: `issuedAt <= now`, IndexOrder: true, Limit: 3, Cursor: page.Next})
		require.NoError(t, err)
		assert.Equal(t, []string{"p004", "p005", "p006"}, ids(t, page))
	})
	t.Run("refusals", func(t *testing.T) {
		first, err := svc.List(ctx, "passes", documents.ListOptions{Filter: `expiresAt <= now`, IndexOrder: true, Limit: 3})
		require.NoError(t, err)
		for name, opts := range map[string]documents.ListOptions{
			"a sort":                        {Filter: `expiresAt <= now`, IndexOrder: true, Sort: "-id"},
			"its cursor in id order":        {Filter: `expiresAt <= now`, Cursor: first.Next},
			"its cursor where no range is":  {Filter: `issuedAt <= now`, IndexOrder: true, Cursor: first.Next},
			"its cursor for another filter": {Filter: `expiresAt == "x"`, IndexOrder: true, Cursor: first.Next},
		} {
			_, err := svc.List(ctx, "passes", opts)
			assert.Equal(t, documents.KindBadRequest, documents.KindOf(err), name)
		}
	})
}
