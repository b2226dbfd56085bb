package admin_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAdminReports: the reports page draws each saved report (a line over
// days, bars by group, an item analysis with its flags) and downloads each
// as CSV.
func TestAdminReports(t *testing.T) {
	b := newBrowser(t)
	b.api("PUT", "/api/_schemas/results", map[string]any{
		"type": "object", "title": "Results",
		"properties": map[string]any{
			"exam": map[string]any{"type": "string", "x-index": true}, "level": map[string]any{"type": "string"},
			"score": map[string]any{"type": "number"}, "passed": map[string]any{"type": "boolean"},
			"takenAt": map[string]any{"type": "string", "format": "date-time"},
			"items":   map[string]any{"type": "array", "items": map[string]any{"type": "object"}},
		},
	})
	day := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	for i := range 30 {
		var items []map[string]any
		total := 0
		for q := range 5 {
			x := 0
			if (i+q)%(q+2) != 0 {
				x = 1
			}
			total += x
			choice := "a"
			if x == 0 {
				choice = []string{"b", "c"}[i%2]
			}
			items = append(items, map[string]any{"item": fmt.Sprintf("q%d", q+1), "score": x, "max": 1,
				"choices": []string{choice}, "key": []string{"a"}, "options": []string{"a", "b", "c", "d"}})
		}
		b.api("POST", "/api/results", map[string]any{"exam": []string{"e1", "e2"}[i%2], "level": []string{"fundamentals", "master"}[i%3%2],
			"score": total * 20, "passed": total >= 3, "takenAt": day.Add(time.Duration(i%7) * 24 * time.Hour).Format(time.RFC3339), "items": items})
	}
	reports := []map[string]any{
		{"id": "per-day", "section": "Exams", "order": 1, "title": "Results per day", "collection": "results",
			"bucket": "takenAt:day", "tz": "Europe/Warsaw", "metrics": []string{"count", "sum:passed"}, "chart": "line"},
		{"id": "by-level", "section": "Exams", "order": 2, "title": "Pass rate by exam and level", "collection": "results",
			"groupBy": []string{"exam", "level"}, "metrics": []string{"count", "avg:score", "rate:passed"}, "chart": "bar"},
		{"id": "items-e1", "section": "Items", "order": 1, "kind": "items", "title": "Item analysis of e1", "collection": "results",
			"filter": `exam == "e1"`, "minSeen": 5},
	}
	for _, r := range reports {
		b.api("PUT", "/api/_reports/"+r["id"].(string), r)
	}
	downloads := t.TempDir()

	b.signIn()
	b.click(tid("nav-reports"))
	for _, id := range []string{"per-day", "by-level", "items-e1"} {
		b.run(visible(tid("chart-" + id)))
		// Drawn: the canvas has painted pixels.
		require.True(t, b.waitTrue(fmt.Sprintf(`(() => {
			const c = document.querySelector('[data-testid="chart-%s"]');
			if (!c || !c.width) return false;
			const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
			let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
			return n > 500;
		})()`, id)), "the chart of %s is drawn", id)
	}
	summary := b.waitText(tid("summary-items-e1"), "responses")
	assert.Contains(t, summary, "15 responses")
	assert.Contains(t, summary, "KR-20")
	assert.Greater(t, b.count(tid("items-items-e1")+" tbody tr"), 4)
	assert.Greater(t, b.count(".flag"), 0, "flags are shown")
	b.screenshot("20-reports")

	// CSV: the browser saves a file, the same the server gives.
	_, err := chromedp.Call(b.ctx, cdpbrowser.SetDownloadBehavior,
		cdpbrowser.SetDownloadBehaviorParams{Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads})
	require.NoError(t, err)
	for id, header := range map[string]string{
		"per-day":  "takenAt:day,count,sum:passed",
		"by-level": "exam,level,count,avg:score,rate:passed",
		"items-e1": "item,seen,max,difficulty,discrimination,flags",
	} {
		b.click(tid("csv-" + id))
		file := filepath.Join(downloads, id+".csv")
		require.True(t, b.waitTrue(fmt.Sprintf(`!!document.querySelector('[data-testid="csv-text-%s"]')`, id)), id)
		var got []byte
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if got, err = os.ReadFile(file); err == nil && len(got) > 0 {
				break
			}
		}
		require.NoError(t, err, "the download of %s", id)
		lines := strings.Split(strings.TrimSpace(string(got)), "\n")
		assert.Equal(t, header, lines[0], id)
		assert.Greater(t, len(lines), 1, id)
	}
}
