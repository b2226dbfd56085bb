package admin_test

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
)

// TestAdminLive: a list and the dashboard follow the writes made
// elsewhere, without a reload.
func TestAdminLive(t *testing.T) {
	b := newBrowser(t)
	b.api("PUT", "/api/_schemas/levels", map[string]any{
		"type": "object", "title": "Levels", "required": []string{"title"},
		"properties": map[string]any{"title": map[string]any{"type": "string"}},
	})
	b.api("PUT", "/api/levels/foundations", map[string]any{"title": "Foundations"})
	b.signIn()

	b.run(chromedp.Navigate(b.base + "/admin/c/levels"))
	b.run(visible(tid("live")))
	b.waitCount(tid("doc-row"), 1)
	b.api("PUT", "/api/levels/mastery", map[string]any{"title": "Mastery"})
	b.waitCount(tid("doc-row"), 2)
	b.api("PATCH", "/api/levels/mastery", map[string]any{"title": "Mastery, renamed"})
	b.waitText(tid("documents"), "Mastery, renamed")
	b.api("DELETE", "/api/levels/foundations", nil)
	b.waitCount(tid("doc-row"), 1)
	b.screenshot("24-live-list")

	b.run(chromedp.Navigate(b.base + "/admin/"))
	b.run(visible(tid("live")))
	b.waitText(tid("count-levels"), "1")
	b.api("PUT", "/api/levels/expert", map[string]any{"title": "Expert"})
	b.waitText(tid("count-levels"), "2")
	b.waitText(tid("recent"), "Expert")
	assert.Contains(t, b.waitText(tid("recent"), "Expert"), "levels")
}
