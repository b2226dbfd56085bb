package engine

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/credence/credence/documents"
)

// aggregate answers GET /api/{collection}/_aggregate: the groups and
// metrics of the documents the caller may list, as JSON.
func (h *handlers) aggregate(w http.ResponseWriter, r *http.Request) { h.serveAggregate(w, r, false) }

// aggregateCSV answers GET /api/{collection}/_aggregate.csv: the same as
// CSV, a column per group field, the bucket, then a column per metric.
func (h *handlers) aggregateCSV(w http.ResponseWriter, r *http.Request) { h.serveAggregate(w, r, true) }

func (h *handlers) serveAggregate(w http.ResponseWriter, r *http.Request, csv bool) {
	q := r.URL.Query()
	query := documents.AggregateQuery{
		GroupBy: list(q.Get("groupBy")), Bucket: q.Get("bucket"), TZ: q.Get("tz"),
		Metrics: list(q.Get("metrics")), Filter: q.Get("filter"),
	}
	if !utf8.ValidString(query.Filter) {
		h.error(w, r, badRequest("the filter is not valid UTF-8"))
		return
	}
	var err error
	if query.Explain, err = flag(q, "explain"); err != nil {
		h.error(w, r, err)
		return
	}
	if query.Preview, err = flag(q, "preview"); err != nil {
		h.error(w, r, err)
		return
	}
	res, err := h.svc.Aggregate(r.Context(), pathParam(r, "collection"), query)
	if err != nil {
		h.error(w, r, err)
		return
	}
	if csv {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.csv"`, pathParam(r, "collection")))
		writeAggregateCSV(w, res)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(res)
}

// list splits a comma-separated parameter; "" is no items.
func list(s string) []string {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	for i, p := range parts {
		parts[i] = strings.TrimSpace(p)
	}
	return parts
}

// writeAggregateCSV writes the rows of an aggregate as CSV.
func writeAggregateCSV(w http.ResponseWriter, res *documents.Aggregate) {
	cw := csv.NewWriter(w)
	header := append([]string{}, res.GroupBy...)
	if res.Bucket != nil {
		header = append(header, res.Bucket.Field+":"+res.Bucket.Unit)
	}
	header = append(header, res.Metrics...)
	cw.Write(header)
	for _, row := range res.Rows {
		rec := make([]string, 0, len(header))
		for _, f := range res.GroupBy {
			rec = append(rec, csvCell(row.Key[f]))
		}
		if res.Bucket != nil {
			rec = append(rec, csvCell(row.Key[res.Bucket.Field]))
		}
		for _, m := range res.Metrics {
			rec = append(rec, csvCell(row.Values[m]))
		}
		cw.Write(rec)
	}
	cw.Flush()
}

// csvCell is a value as a CSV cell; text that a spreadsheet would run as a
// formula (=, +, -, @) is quoted with a leading apostrophe.
func csvCell(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
			return "'" + v
		}
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case int:
		return strconv.Itoa(v)
	case bool:
		return strconv.FormatBool(v)
	}
	return fmt.Sprint(v)
}

// itemAnalysis answers GET /api/{collection}/_itemAnalysis: the classical
// item statistics of the scored responses the caller may list.
func (h *handlers) itemAnalysis(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	query := documents.ItemQuery{Filter: q.Get("filter"), Items: q.Get("items"), Passed: q.Get("passed")}
	if !utf8.ValidString(query.Filter) {
		h.error(w, r, badRequest("the filter is not valid UTF-8"))
		return
	}
	if s := q.Get("minSeen"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 1_000_000 {
			h.error(w, r, badRequest("minSeen must be a number from 1"))
			return
		}
		query.MinSeen = n
	}
	var err error
	if query.Preview, err = flag(q, "preview"); err != nil {
		h.error(w, r, err)
		return
	}
	res, err := h.svc.AnalyzeItems(r.Context(), pathParam(r, "collection"), query)
	if err != nil {
		h.error(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(res)
}
