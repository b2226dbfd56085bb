package documents_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/store/bolt"
)

// attemptsSchema is a collection of exam attempts with an indexed status.
const attemptsSchema = `{"type": "object", "properties": {
  "status": {"type": "string", "x-index": true},
  "exam": {"type": "string"},
  "score": {"type": "number"},
  "passed": {"type": "boolean"},
  "startedAt": {"type": "string", "format": "date-time"}}}`

// benchAttempts is a service over a new bbolt file with the collection
// attempts of schema, and an admin's context.
func benchAttempts(b *testing.B, schema string) (context.Context, *documents.Service) {
	b.Helper()
	st, err := bolt.Open(filepath.Join(b.TempDir(), "credence.db"), bolt.Options{})
	require.NoError(b, err)
	b.Cleanup(func() { st.Close() })
	svc, err := documents.New(b.Context(), st, documents.Options{})
	require.NoError(b, err)
	ctx := documents.WithAuth(b.Context(), documents.Auth{KeyID: "bench", Role: documents.RoleAdmin})
	_, err = svc.Put(ctx, "_schemas", "attempts", []byte(schema), documents.WriteOptions{})
	require.NoError(b, err)
	return ctx, svc
}

// BenchmarkAggregate: a count by day and an average by group over 100,000
// attempts, filtered on an indexed field that keeps nine in ten.
func BenchmarkAggregate(b *testing.B) {
	ctx, svc := benchAttempts(b, attemptsSchema)
	const total = 100_000
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for i := range total {
		status := "submitted"
		if i%10 == 0 {
			status = "started"
		}
		at := start.Add(time.Duration(i) * 5 * time.Minute).Format(time.RFC3339)
		require.NoError(b, enc.Encode(documents.Record{Collection: "attempts", Document: fmt.Appendf(nil,
			`{"id": "a%06d", "status": %q, "exam": "e%d", "score": %d, "passed": %t, "startedAt": %q, "_rev": 1, "_createdAt": %q, "_updatedAt": %q}`,
			i, status, i%40, i%101, i%101 >= 70, at, at, at)}))
	}
	stats, err := svc.ReadNDJSON(b.Context(), &buf)
	require.NoError(b, err)
	require.Equal(b, total, stats.Documents)

	for _, bc := range []struct {
		name string
		q    documents.AggregateQuery
		rows int
	}{
		{"count by day", documents.AggregateQuery{Bucket: "startedAt:day", TZ: "Europe/Warsaw", Metrics: []string{"count"}, Filter: `status == "submitted"`}, 348},
		{"avg by group", documents.AggregateQuery{GroupBy: []string{"exam"}, Metrics: []string{"count", "avg:score", "rate:passed"}, Filter: `status == "submitted"`}, 36},
		{"p90 by group, no filter", documents.AggregateQuery{GroupBy: []string{"exam"}, Metrics: []string{"p90:score"}}, 40},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				res, err := svc.Aggregate(ctx, "attempts", bc.q)
				if err != nil {
					b.Fatal(err)
				}
				if len(res.Rows) != bc.rows {
					b.Fatalf("%d rows, want %d", len(res.Rows), bc.rows)
				}
			}
		})
	}
}

// BenchmarkItemAnalysis: the item analysis of a 40-question exam over
// 10,000 attempts, each item with four options.
func BenchmarkItemAnalysis(b *testing.B) {
	ctx, svc := benchAttempts(b, `{"type": "object", "properties": {
	  "exam": {"type": "string", "x-index": true}, "passed": {"type": "boolean"},
	  "items": {"type": "array", "items": {"type": "object"}}}}`)
	const attempts, questions = 10_000, 40
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	options := []string{"a", "b", "c", "d"}
	for i := range attempts {
		var items bytes.Buffer
		score := 0
		for q := range questions {
			chosen := options[(i*7+q*3)%4]
			x := 0
			if chosen == "a" || (i+q)%3 == 0 {
				chosen, x = "a", 1
			}
			score += x
			if q > 0 {
				items.WriteByte(',')
			}
			fmt.Fprintf(&items, `{"item":"q%02d","score":%d,"max":1,"choices":[%q],"key":["a"],"options":["a","b","c","d"]}`, q, x, chosen)
		}
		require.NoError(b, enc.Encode(documents.Record{Collection: "attempts", Document: fmt.Appendf(nil,
			`{"id": "a%05d", "exam": "e1", "passed": %t, "items": [%s], "_rev": 1, "_createdAt": "2026-11-01T00:00:00Z", "_updatedAt": "2026-11-01T00:00:00Z"}`,
			i, score >= 28, items.Bytes())}))
	}
	stats, err := svc.ReadNDJSON(b.Context(), &buf)
	require.NoError(b, err)
	require.Equal(b, attempts, stats.Documents)
	for b.Loop() {
		res, err := svc.AnalyzeItems(ctx, "attempts", documents.ItemQuery{Filter: `exam == "e1"`})
		if err != nil {
			b.Fatal(err)
		}
		if res.Responses != attempts || len(res.Items) != questions {
			b.Fatalf("%d responses, %d items", res.Responses, len(res.Items))
		}
	}
}
