package engine_test

import (
	"net/http"
	"net/url"
	"testing"
)

// FuzzFilter sends arbitrary filters to a list: the answer is a page or a
// problem about the filter, never a failure of the server.
func FuzzFilter(f *testing.F) {
	for _, seed := range []string{
		`level == "master"`,
		`passingScore >= 80 && level == "professional"`,
		`doc.level > "fundamentals" || len(doc.tags ?? []) > 1`,
		`any(doc.tags ?? [], # == "api")`,
		`get("exams", doc.id) != nil`,
		`count("exams", {"level": level}) > 1`,
		`sum(map(1..100000000, # * 2)) > 0`,
		`level ==`,
		`passingScore + 1`,
		`"\x00" in title`,
		`now > addDays(now, -1)`,
		`((((((((((1))))))))))`,
		``,
	} {
		f.Add(seed)
	}
	srv := newServer(f)
	createCollection(f, srv, "exams", examsSchema)
	for _, body := range []string{
		`{"title":"Automation","level":"master","passingScore":80,"tags":["api"]}`,
		`{"title":"Analytics","level":"professional","passingScore":70}`,
		`{"title":"Basics","level":"fundamentals"}`,
	} {
		createDoc(f, srv, "exams", body)
	}
	f.Fuzz(func(t *testing.T, filter string) {
		resp := srv.get("/api/exams?explain=true&filter=" + url.QueryEscape(filter))
		switch resp.Code {
		case http.StatusOK:
			resp.page(t)
		case http.StatusBadRequest:
			checkProblem(t, resp)
		default:
			t.Fatalf("filter %q: %v", filter, resp)
		}
	})
}
