package engine_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/engine"
)

func TestHealth(t *testing.T) {
	srv := newServer(t)

	resp := srv.get("/healthz")
	assert.Equal(t, http.StatusOK, resp.Code)
	assert.JSONEq(t, `{"status":"ok"}`, string(resp.Body))

	require.NoError(t, srv.store.Close())
	assertProblem(t, srv.get("/healthz"), http.StatusServiceUnavailable)
}

func TestCreate(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "exams", examsSchema)

	t.Run("generated id", func(t *testing.T) {
		resp := srv.post("/api/exams", `{"title":"Automation fundamentals"}`)
		require.Equal(t, http.StatusCreated, resp.Code, resp)
		doc := resp.object(t)
		id, _ := doc["id"].(string)
		assert.Regexp(t, `^[0-9a-z]{26}$`, id, "a generated id is 26 URL-safe characters")
		assert.Equal(t, "/api/exams/"+id, resp.Header.Get("Location"))
		assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
		assert.Equal(t, "Automation fundamentals", doc["title"])
		assert.EqualValues(t, 1, doc["_rev"])

		tag := resp.Header.Get("ETag")
		assert.Regexp(t, `^"[^"]+"$`, tag, "a strong entity tag")
		assert.Equal(t, tag, etagOf(t, srv, "/api/exams/"+id), "the ETag of the create is the ETag of a read")
	})

	t.Run("generated ids sort by creation", func(t *testing.T) {
		var created []string
		for i := range 5 {
			created = append(created, createDoc(t, srv, "exams", fmt.Sprintf(`{"title":"Exam %d"}`, i))["id"].(string))
		}
		assert.IsIncreasing(t, created)
	})

	t.Run("client-given id", func(t *testing.T) {
		resp := srv.post("/api/exams", `{"id":"exam-automation-101","title":"Automation 101"}`)
		require.Equal(t, http.StatusCreated, resp.Code, resp)
		assert.Equal(t, "exam-automation-101", resp.object(t)["id"])
		assert.Equal(t, "/api/exams/exam-automation-101", resp.Header.Get("Location"))
		assert.Equal(t, http.StatusOK, srv.get("/api/exams/exam-automation-101").Code)
	})

	t.Run("duplicate id", func(t *testing.T) {
		createDoc(t, srv, "exams", `{"id":"taken","title":"First"}`)
		tag := etagOf(t, srv, "/api/exams/taken")

		p := assertProblem(t, srv.post("/api/exams", `{"id":"taken","title":"Second"}`), http.StatusConflict)
		assert.Contains(t, errorPaths(t, p), "/id")
		assert.Equal(t, tag, etagOf(t, srv, "/api/exams/taken"), "the first document is unchanged")
	})

	invalidIDs := map[string]string{
		"empty":            `""`,
		"leading dash":     `"-exam"`,
		"leading dot":      `".exam"`,
		"space":            `"an exam"`,
		"slash":            `"a/b"`,
		"non-ASCII letter": `"examé"`,
		"129 characters":   `"` + strings.Repeat("a", 129) + `"`,
		"number":           `101`,
		"null":             `null`,
		"object":           `{"id":"x"}`,
	}
	for name, id := range invalidIDs {
		t.Run("invalid id/"+name, func(t *testing.T) {
			p := assertProblem(t, srv.post("/api/exams", `{"id":`+id+`,"title":"Bad id"}`), http.StatusBadRequest)
			assert.Contains(t, errorPaths(t, p), "/id")
		})
	}

	t.Run("longest valid id", func(t *testing.T) {
		id := "A" + strings.Repeat("z._-9", 127/5) + "zz"
		require.Len(t, id, 128)
		resp := srv.post("/api/exams", `{"id":"`+id+`","title":"Long id"}`)
		assert.Equal(t, http.StatusCreated, resp.Code, resp)
	})

	t.Run("unknown collection", func(t *testing.T) {
		assertProblem(t, srv.post("/api/nothing", `{"title":"Lost"}`), http.StatusNotFound)
	})

	t.Run("invalid document", func(t *testing.T) {
		p := assertProblem(t, srv.post("/api/exams", `{"id":"invalid","title":"No"}`), http.StatusUnprocessableEntity)
		assert.Equal(t, []string{"/title"}, errorPaths(t, p))
		assertProblem(t, srv.get("/api/exams/invalid"), http.StatusNotFound)
	})
}

func TestGet(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "exams", examsSchema)
	created := srv.post("/api/exams", `{"id":"e1","title":"Automation 101","code":"A-101","passingScore":70}`)
	require.Equal(t, http.StatusCreated, created.Code, created)
	tag := created.Header.Get("ETag")

	t.Run("document and ETag", func(t *testing.T) {
		resp := srv.get("/api/exams/e1")
		require.Equal(t, http.StatusOK, resp.Code, resp)
		assert.Equal(t, tag, resp.Header.Get("ETag"))
		assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
		assert.JSONEq(t, string(created.Body), string(resp.Body))
	})

	conditional := []struct {
		name        string
		ifNoneMatch string
		want        int
	}{
		{"current tag", tag, http.StatusNotModified},
		{"weak form of the current tag", "W/" + tag, http.StatusNotModified},
		{"list holding the current tag", `"other", ` + tag, http.StatusNotModified},
		{"any", "*", http.StatusNotModified},
		{"another tag", `"0123456789abcdef"`, http.StatusOK},
	}
	for _, tc := range conditional {
		t.Run("If-None-Match/"+tc.name, func(t *testing.T) {
			resp := srv.get("/api/exams/e1", "If-None-Match", tc.ifNoneMatch)
			assert.Equal(t, tc.want, resp.Code, resp)
			assert.Equal(t, tag, resp.Header.Get("ETag"))
			if tc.want == http.StatusNotModified {
				assert.Empty(t, resp.Body)
			}
		})
	}

	t.Run("fields", func(t *testing.T) {
		resp := srv.get("/api/exams/e1?fields=code,passingScore,missing")
		require.Equal(t, http.StatusOK, resp.Code, resp)
		assert.JSONEq(t, `{"id":"e1","code":"A-101","passingScore":70}`, string(resp.Body))
	})

	t.Run("fields can name meta fields", func(t *testing.T) {
		resp := srv.get("/api/exams/e1?fields=_rev")
		require.Equal(t, http.StatusOK, resp.Code, resp)
		assert.JSONEq(t, `{"id":"e1","_rev":1}`, string(resp.Body))
	})

	t.Run("unknown id", func(t *testing.T) {
		assertProblem(t, srv.get("/api/exams/e2"), http.StatusNotFound)
	})

	t.Run("unknown collection", func(t *testing.T) {
		assertProblem(t, srv.get("/api/nothing/e1"), http.StatusNotFound)
	})
}

func TestPut(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "exams", examsSchema)

	t.Run("creates with the given id, then replaces", func(t *testing.T) {
		resp := srv.put("/api/exams/e1", `{"title":"Automation 101","passingScore":70}`)
		require.Equal(t, http.StatusCreated, resp.Code, resp)
		assert.Equal(t, "/api/exams/e1", resp.Header.Get("Location"))
		assert.NotEmpty(t, resp.Header.Get("ETag"))
		assert.Equal(t, "e1", resp.object(t)["id"])
		assert.EqualValues(t, 1, resp.object(t)["_rev"])

		resp = srv.put("/api/exams/e1", `{"title":"Automation 102"}`)
		require.Equal(t, http.StatusOK, resp.Code, resp)
		assert.Empty(t, resp.Header.Get("Location"))
		doc := resp.object(t)
		assert.EqualValues(t, 2, doc["_rev"])
		assert.Equal(t, "Automation 102", doc["title"])
		assert.NotContains(t, doc, "passingScore", "a PUT replaces the whole document")
		assert.Equal(t, resp.Header.Get("ETag"), etagOf(t, srv, "/api/exams/e1"))
	})

	t.Run("If-Match", func(t *testing.T) {
		createDoc(t, srv, "exams", `{"id":"e2","title":"Version one"}`)
		v1 := etagOf(t, srv, "/api/exams/e2")

		resp := srv.put("/api/exams/e2", `{"title":"Version two"}`, "If-Match", v1)
		require.Equal(t, http.StatusOK, resp.Code, resp)
		v2 := resp.Header.Get("ETag")
		assert.NotEqual(t, v1, v2)

		p := assertProblem(t, srv.put("/api/exams/e2", `{"title":"Lost update"}`, "If-Match", v1), http.StatusPreconditionFailed)
		assert.Contains(t, p["detail"], v2, "the problem names the current ETag")
		assert.Equal(t, v2, etagOf(t, srv, "/api/exams/e2"), "a stale write changes nothing")

		assert.Equal(t, http.StatusOK, srv.put("/api/exams/e2", `{"title":"Any version"}`, "If-Match", "*").Code)
	})

	t.Run("If-Match on an absent document", func(t *testing.T) {
		assertProblem(t, srv.put("/api/exams/absent", `{"title":"Never"}`, "If-Match", `"0123456789abcdef"`), http.StatusPreconditionFailed)
		assertProblem(t, srv.put("/api/exams/absent", `{"title":"Never"}`, "If-Match", "*"), http.StatusPreconditionFailed)
		assertProblem(t, srv.get("/api/exams/absent"), http.StatusNotFound)
	})

	t.Run("If-None-Match star creates only", func(t *testing.T) {
		resp := srv.put("/api/exams/once", `{"title":"First"}`, "If-None-Match", "*")
		require.Equal(t, http.StatusCreated, resp.Code, resp)
		tag := resp.Header.Get("ETag")

		assertProblem(t, srv.put("/api/exams/once", `{"title":"Second"}`, "If-None-Match", "*"), http.StatusPreconditionFailed)
		assert.Equal(t, tag, etagOf(t, srv, "/api/exams/once"))
	})

	t.Run("id in the body", func(t *testing.T) {
		assert.Equal(t, http.StatusCreated, srv.put("/api/exams/same", `{"id":"same","title":"Same id"}`).Code)

		p := assertProblem(t, srv.put("/api/exams/same", `{"id":"other","title":"Other id"}`), http.StatusUnprocessableEntity)
		assert.Equal(t, []string{"/id"}, errorPaths(t, p))
		p = assertProblem(t, srv.put("/api/exams/same", `{"id":5,"title":"Numeric id"}`), http.StatusUnprocessableEntity)
		assert.Equal(t, []string{"/id"}, errorPaths(t, p))
		assertProblem(t, srv.get("/api/exams/other"), http.StatusNotFound)
	})

	t.Run("invalid id in the URL", func(t *testing.T) {
		assertProblem(t, srv.put("/api/exams/-bad", `{"title":"Bad id"}`), http.StatusBadRequest)
		assertProblem(t, srv.put("/api/exams/"+strings.Repeat("x", 129), `{"title":"Long id"}`), http.StatusBadRequest)
	})

	t.Run("invalid document changes nothing", func(t *testing.T) {
		createDoc(t, srv, "exams", `{"id":"valid","title":"Valid"}`)
		tag := etagOf(t, srv, "/api/exams/valid")
		assertProblem(t, srv.put("/api/exams/valid", `{"title":"Valid","passingScore":"high"}`), http.StatusUnprocessableEntity)
		assert.Equal(t, tag, etagOf(t, srv, "/api/exams/valid"))
	})

	t.Run("unknown collection", func(t *testing.T) {
		assertProblem(t, srv.put("/api/nothing/e1", `{"title":"Lost"}`), http.StatusNotFound)
	})
}

func TestPatch(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "exams", examsSchema)
	// Each case patches its own document; its code, unique, is its id.
	const base = `{"title":"Automation 101","code":"ID","passingScore":70,"tags":["api","automation"],
		"settings":{"shuffle":true,"timeLimitMinutes":60}}`
	withID := func(s, id string) string { return strings.ReplaceAll(s, `"ID"`, `"`+id+`"`) }

	merges := []struct {
		name  string
		patch string
		want  string
	}{
		{"set a field", `{"passingScore":80}`,
			`{"title":"Automation 101","code":"ID","passingScore":80,"tags":["api","automation"],"settings":{"shuffle":true,"timeLimitMinutes":60}}`},
		{"null removes a field", `{"code":null}`,
			`{"title":"Automation 101","passingScore":70,"tags":["api","automation"],"settings":{"shuffle":true,"timeLimitMinutes":60}}`},
		{"nested objects merge", `{"settings":{"shuffle":false}}`,
			`{"title":"Automation 101","code":"ID","passingScore":70,"tags":["api","automation"],"settings":{"shuffle":false,"timeLimitMinutes":60}}`},
		{"null removes a nested field", `{"settings":{"timeLimitMinutes":null}}`,
			`{"title":"Automation 101","code":"ID","passingScore":70,"tags":["api","automation"],"settings":{"shuffle":true}}`},
		{"arrays are replaced", `{"tags":["exam"]}`,
			`{"title":"Automation 101","code":"ID","passingScore":70,"tags":["exam"],"settings":{"shuffle":true,"timeLimitMinutes":60}}`},
		{"empty patch", `{}`,
			`{"title":"Automation 101","code":"ID","passingScore":70,"tags":["api","automation"],"settings":{"shuffle":true,"timeLimitMinutes":60}}`},
		{"the same id is allowed", `{"id":"ID","level":"master"}`,
			`{"title":"Automation 101","code":"ID","level":"master","passingScore":70,"tags":["api","automation"],"settings":{"shuffle":true,"timeLimitMinutes":60}}`},
	}
	for i, tc := range merges {
		t.Run(tc.name, func(t *testing.T) {
			id := fmt.Sprintf("merge-%d", i)
			require.Equal(t, http.StatusCreated, srv.put("/api/exams/"+id, withID(base, id)).Code)
			resp := srv.patch("/api/exams/"+id, withID(tc.patch, id))
			require.Equal(t, http.StatusOK, resp.Code, resp)

			doc := resp.object(t)
			assert.EqualValues(t, 2, doc["_rev"])
			assert.Equal(t, resp.Header.Get("ETag"), etagOf(t, srv, "/api/exams/"+id))
			assert.JSONEq(t, withID(tc.want, id), contentJSON(t, doc))
		})
	}

	t.Run("application/json is accepted too", func(t *testing.T) {
		require.Equal(t, http.StatusCreated, srv.put("/api/exams/plain", withID(base, "plain")).Code)
		resp := srv.patch("/api/exams/plain", `{"passingScore":90}`, "Content-Type", "application/json")
		assert.Equal(t, http.StatusOK, resp.Code, resp)
	})

	t.Run("If-Match", func(t *testing.T) {
		require.Equal(t, http.StatusCreated, srv.put("/api/exams/cond", withID(base, "cond")).Code)
		v1 := etagOf(t, srv, "/api/exams/cond")
		resp := srv.patch("/api/exams/cond", `{"passingScore":75}`, "If-Match", v1)
		require.Equal(t, http.StatusOK, resp.Code, resp)
		v2 := resp.Header.Get("ETag")

		assertProblem(t, srv.patch("/api/exams/cond", `{"passingScore":10}`, "If-Match", v1), http.StatusPreconditionFailed)
		assert.Equal(t, v2, etagOf(t, srv, "/api/exams/cond"))
	})

	refused := []struct {
		name   string
		patch  string
		header []string
		status int
		paths  []string
	}{
		{"result is invalid", `{"title":null,"passingScore":101}`, nil, http.StatusUnprocessableEntity, []string{"/passingScore", "/title"}},
		{"result has an unknown field", `{"extra":true}`, nil, http.StatusUnprocessableEntity, []string{"/extra"}},
		{"array patch", `[{"op":"replace","path":"/title","value":"JSON Patch"}]`, nil, http.StatusUnprocessableEntity, []string{""}},
		{"string patch", `"title"`, nil, http.StatusUnprocessableEntity, []string{""}},
		{"null patch", `null`, nil, http.StatusUnprocessableEntity, []string{""}},
		{"number patch", `7`, nil, http.StatusUnprocessableEntity, []string{""}},
		{"changes the id", `{"id":"other"}`, nil, http.StatusUnprocessableEntity, []string{"/id"}},
		{"malformed JSON", `{"title":`, nil, http.StatusBadRequest, nil},
		{"JSON Patch content type", `[]`, []string{"Content-Type", "application/json-patch+json"}, http.StatusUnsupportedMediaType, nil},
		{"text content type", `{}`, []string{"Content-Type", "text/plain"}, http.StatusUnsupportedMediaType, nil},
	}
	for i, tc := range refused {
		t.Run("refused/"+tc.name, func(t *testing.T) {
			id := fmt.Sprintf("refused-%d", i)
			require.Equal(t, http.StatusCreated, srv.put("/api/exams/"+id, withID(base, id)).Code)
			tag := etagOf(t, srv, "/api/exams/"+id)

			p := assertProblem(t, srv.patch("/api/exams/"+id, tc.patch, tc.header...), tc.status)
			if tc.paths != nil {
				assert.ElementsMatch(t, tc.paths, errorPaths(t, p))
			}
			assert.Equal(t, tag, etagOf(t, srv, "/api/exams/"+id), "a refused patch changes nothing")
		})
	}

	t.Run("absent document", func(t *testing.T) {
		assertProblem(t, srv.patch("/api/exams/absent", `{"title":"Nobody"}`), http.StatusNotFound)
		assertProblem(t, srv.patch("/api/nothing/absent", `{"title":"Nobody"}`), http.StatusNotFound)
	})
}

func TestDelete(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "exams", examsSchema)

	t.Run("then 404", func(t *testing.T) {
		createDoc(t, srv, "exams", `{"id":"gone","title":"Soon gone"}`)
		resp := srv.delete("/api/exams/gone")
		assert.Equal(t, http.StatusNoContent, resp.Code, resp)
		assert.Empty(t, resp.Body)

		assertProblem(t, srv.get("/api/exams/gone"), http.StatusNotFound)
		assertProblem(t, srv.get("/api/exams/gone/revisions"), http.StatusNotFound)
		assertProblem(t, srv.delete("/api/exams/gone"), http.StatusNotFound)
	})

	t.Run("the id can be used again", func(t *testing.T) {
		createDoc(t, srv, "exams", `{"id":"reborn","title":"First life"}`)
		require.Equal(t, http.StatusNoContent, srv.delete("/api/exams/reborn").Code)
		doc := createDoc(t, srv, "exams", `{"id":"reborn","title":"Second life"}`)
		assert.EqualValues(t, 1, doc["_rev"], "a new document starts a new history")
		items, _ := srv.get("/api/exams/reborn/revisions").page(t)
		assert.Len(t, items, 1)
	})

	t.Run("If-Match", func(t *testing.T) {
		createDoc(t, srv, "exams", `{"id":"cond","title":"Conditional"}`)
		v1 := etagOf(t, srv, "/api/exams/cond")
		require.Equal(t, http.StatusOK, srv.patch("/api/exams/cond", `{"level":"master"}`).Code)
		v2 := etagOf(t, srv, "/api/exams/cond")

		assertProblem(t, srv.delete("/api/exams/cond", "If-Match", v1), http.StatusPreconditionFailed)
		assert.Equal(t, v2, etagOf(t, srv, "/api/exams/cond"), "a stale delete changes nothing")
		assert.Equal(t, http.StatusNoContent, srv.delete("/api/exams/cond", "If-Match", v2).Code)
	})

	t.Run("If-Match on an absent document", func(t *testing.T) {
		// Without the header the answer is a 404, so the header is
		// ignored (RFC 9110, section 13.2.1): as for PATCH.
		assertProblem(t, srv.delete("/api/exams/absent", "If-Match", `"0123456789abcdef"`), http.StatusNotFound)
		assertProblem(t, srv.patch("/api/exams/absent", `{"title":"Nobody"}`, "If-Match", `"0123456789abcdef"`), http.StatusNotFound)
	})

	t.Run("unknown collection", func(t *testing.T) {
		assertProblem(t, srv.delete("/api/nothing/x"), http.StatusNotFound)
	})
}

func TestList(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "exams", examsSchema)
	for _, body := range []string{
		`{"id":"c","title":"Charlie","level":"master","passingScore":70}`,
		`{"id":"a","title":"Alpha","level":"professional","passingScore":80}`,
		`{"id":"e","title":"Echo","level":"fundamentals"}`,
		`{"id":"b","title":"Bravo","level":"professional","passingScore":70}`,
		`{"id":"d","title":"Delta","level":"master","passingScore":90}`,
	} {
		createDoc(t, srv, "exams", body)
	}
	// Update two documents so that _rev and _updatedAt differ from creation order.
	require.Equal(t, http.StatusOK, srv.patch("/api/exams/a", `{"tags":["x"]}`).Code)
	require.Equal(t, http.StatusOK, srv.patch("/api/exams/a", `{"tags":["y"]}`).Code)
	require.Equal(t, http.StatusOK, srv.patch("/api/exams/e", `{"tags":["z"]}`).Code)

	sorts := []struct {
		sort string
		want []string
	}{
		{"", []string{"a", "b", "c", "d", "e"}},
		{"id", []string{"a", "b", "c", "d", "e"}},
		{"-id", []string{"e", "d", "c", "b", "a"}},
		{"title", []string{"a", "b", "c", "d", "e"}},
		{"-title", []string{"e", "d", "c", "b", "a"}},
		// A missing value sorts first, ties fall back on the id, in the
		// sort's direction.
		{"passingScore", []string{"e", "b", "c", "a", "d"}},
		{"-passingScore", []string{"d", "a", "c", "b", "e"}},
		{"-passingScore,title", []string{"d", "a", "b", "c", "e"}},
		{"passingScore,-title", []string{"e", "c", "b", "a", "d"}},
		{"level,-passingScore", []string{"e", "d", "c", "a", "b"}},
		{"+level,-id", []string{"e", "d", "c", "b", "a"}},
		{"_createdAt", []string{"c", "a", "e", "b", "d"}},
		{"-_createdAt", []string{"d", "b", "e", "a", "c"}},
		{"_updatedAt", []string{"c", "b", "d", "a", "e"}},
		{"-_rev,id", []string{"a", "e", "b", "c", "d"}},
	}
	for _, tc := range sorts {
		t.Run("sort="+tc.sort, func(t *testing.T) {
			path := withQuery("/api/exams", "sort", tc.sort)
			resp := srv.get(path)
			require.Equal(t, http.StatusOK, resp.Code, resp)
			items, next := resp.page(t)
			assert.Equal(t, tc.want, idsOf(items))
			assert.Empty(t, next, "one page holds all")

			for _, limit := range []int{1, 2, 4} {
				paged := listAll(t, srv, withQuery(path, "limit", fmt.Sprint(limit)))
				assert.Equal(t, tc.want, idsOf(paged), "pages of %d", limit)
			}
		})
	}

	t.Run("fields", func(t *testing.T) {
		resp := srv.get("/api/exams?sort=-passingScore&limit=2&fields=title,passingScore")
		require.Equal(t, http.StatusOK, resp.Code, resp)
		items, _ := resp.page(t)
		assert.Equal(t, []map[string]any{
			{"id": "d", "title": "Delta", "passingScore": float64(90)},
			{"id": "a", "title": "Alpha", "passingScore": float64(80)},
		}, items)
	})

	t.Run("items are whole documents", func(t *testing.T) {
		items, _ := srv.get("/api/exams?limit=1").page(t)
		require.Len(t, items, 1)
		assert.Equal(t, srv.get("/api/exams/a").object(t), items[0])
	})

	badQueries := map[string]string{
		"limit zero":         "limit=0",
		"limit negative":     "limit=-1",
		"limit over the max": "limit=1001",
		"limit not a number": "limit=ten",
		"cursor not base64":  "cursor=%25%25%25",
		"cursor not JSON":    "cursor=bm90IGpzb24",
		"cursor not ours":    "cursor=eyJzIjoiaWQiLCJ2IjpbMV19",
		"empty sort field":   "sort=title,,id",
		"sort on a dash":     "sort=-",
	}
	for name, query := range badQueries {
		t.Run("400/"+name, func(t *testing.T) {
			assertProblem(t, srv.get("/api/exams?"+query), http.StatusBadRequest)
		})
	}

	t.Run("limit up to the max", func(t *testing.T) {
		assert.Equal(t, http.StatusOK, srv.get("/api/exams?limit=1000").Code)
	})

	t.Run("cursor from another sort", func(t *testing.T) {
		_, next := srv.get("/api/exams?sort=title&limit=2").page(t)
		require.NotEmpty(t, next)
		p := assertProblem(t, srv.get("/api/exams?sort=-title&limit=2&cursor="+next), http.StatusBadRequest)
		assert.Contains(t, p["detail"], "sort")
		assertProblem(t, srv.get("/api/exams?limit=2&cursor="+next), http.StatusBadRequest)
	})

	t.Run("unknown collection", func(t *testing.T) {
		assertProblem(t, srv.get("/api/nothing"), http.StatusNotFound)
	})

	t.Run("empty collection", func(t *testing.T) {
		createCollection(t, srv, "empty", `{"type":"object"}`)
		resp := srv.get("/api/empty")
		require.Equal(t, http.StatusOK, resp.Code)
		assert.JSONEq(t, `{"items":[]}`, string(resp.Body))
	})
}

func TestListLimits(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "notes", `{"type":"object","properties":{"n":{"type":"integer"}}}`)
	createMany(t, srv, "notes", 1001, func(i int) string { return fmt.Sprintf(`{"id":"n%04d","n":%d}`, i, i) })

	items, next := srv.get("/api/notes").page(t)
	assert.Len(t, items, 50, "the default limit")
	assert.NotEmpty(t, next)

	items, next = srv.get("/api/notes?limit=1000").page(t)
	assert.Len(t, items, 1000, "the max limit")
	assert.NotEmpty(t, next)
	items, next = srv.get("/api/notes?limit=1000&cursor=" + next).page(t)
	assert.Equal(t, []string{"n1000"}, idsOf(items))
	assert.Empty(t, next)

	items, _ = srv.get("/api/notes?sort=-n&limit=1000").page(t)
	assert.Len(t, items, 1000)
	assert.Equal(t, "n1000", items[0]["id"])
}

func TestRevisions(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "exams", examsSchema)
	createDoc(t, srv, "exams", `{"id":"e1","title":"Version 1"}`)
	require.Equal(t, http.StatusOK, srv.put("/api/exams/e1", `{"title":"Version 2"}`).Code)
	require.Equal(t, http.StatusOK, srv.patch("/api/exams/e1", `{"title":"Version 3"}`).Code)
	current := srv.get("/api/exams/e1")

	t.Run("newest first", func(t *testing.T) {
		resp := srv.get("/api/exams/e1/revisions")
		require.Equal(t, http.StatusOK, resp.Code, resp)
		items, next := resp.page(t)
		require.Len(t, items, 3)
		assert.Empty(t, next)
		for i, want := range []string{"Version 3", "Version 2", "Version 1"} {
			assert.Equal(t, want, items[i]["title"])
			assert.EqualValues(t, 3-i, items[i]["_rev"])
		}
		assert.Equal(t, current.object(t), items[0], "the newest revision is the document")
	})

	t.Run("paged", func(t *testing.T) {
		resp := srv.get("/api/exams/e1/revisions?limit=2")
		require.Equal(t, http.StatusOK, resp.Code, resp)
		items, next := resp.page(t)
		assert.Equal(t, []string{"Version 3", "Version 2"}, titles(items))
		require.NotEmpty(t, next)

		items, next = srv.get("/api/exams/e1/revisions?limit=2&cursor=" + next).page(t)
		assert.Equal(t, []string{"Version 1"}, titles(items))
		assert.Empty(t, next)
	})

	t.Run("one revision", func(t *testing.T) {
		resp := srv.get("/api/exams/e1/revisions/1")
		require.Equal(t, http.StatusOK, resp.Code, resp)
		assert.Equal(t, "Version 1", resp.object(t)["title"])
		assert.EqualValues(t, 1, resp.object(t)["_rev"])
		assert.NotEmpty(t, resp.Header.Get("ETag"))

		resp = srv.get("/api/exams/e1/revisions/3")
		require.Equal(t, http.StatusOK, resp.Code, resp)
		assert.Equal(t, current.Header.Get("ETag"), resp.Header.Get("ETag"), "the latest revision has the document's ETag")
	})

	for _, path := range []string{
		"/api/exams/e1/revisions/4",
		"/api/exams/e1/revisions/0",
		"/api/exams/e1/revisions/-1",
		"/api/exams/e1/revisions/one",
		"/api/exams/e2/revisions/1",
		"/api/exams/e2/revisions",
		"/api/nothing/e1/revisions",
		"/api/nothing/e1/revisions/1",
	} {
		t.Run("404 "+path, func(t *testing.T) {
			assertProblem(t, srv.get(path), http.StatusNotFound)
		})
	}

	for _, query := range []string{"limit=0", "limit=1001", "cursor=x", "cursor=0"} {
		t.Run("400 "+query, func(t *testing.T) {
			assertProblem(t, srv.get("/api/exams/e1/revisions?"+query), http.StatusBadRequest)
		})
	}
}

func titles(docs []map[string]any) []string {
	out := make([]string, len(docs))
	for i, d := range docs {
		out[i], _ = d["title"].(string)
	}
	return out
}

func TestMetaFields(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "exams", examsSchema)
	timestamp := regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$`)

	created := createDoc(t, srv, "exams", `{"id":"e1","title":"Automation 101"}`)
	assert.EqualValues(t, 1, created["_rev"])
	assert.Regexp(t, timestamp, created["_createdAt"])
	assert.Equal(t, created["_createdAt"], created["_updatedAt"])

	replaced := srv.put("/api/exams/e1", `{"title":"Automation 102"}`).object(t)
	patched := srv.patch("/api/exams/e1", `{"title":"Automation 103"}`).object(t)
	for i, doc := range []map[string]any{replaced, patched} {
		assert.EqualValues(t, i+2, doc["_rev"])
		assert.Equal(t, created["_createdAt"], doc["_createdAt"], "_createdAt stays")
		assert.Regexp(t, timestamp, doc["_updatedAt"])
	}
	assert.Greater(t, replaced["_updatedAt"], created["_updatedAt"], "_updatedAt moves")
	assert.Greater(t, patched["_updatedAt"], replaced["_updatedAt"], "_updatedAt moves")

	t.Run("client-sent meta fields are ignored", func(t *testing.T) {
		forged := `{"_rev":99,"_createdAt":"1999-01-01T00:00:00.000Z","_updatedAt":"1999-01-01T00:00:00.000Z","_secret":"x","_status":"published"`
		checks := []struct {
			name    string
			send    func() *response
			wantRev int
		}{
			{"POST", func() *response { return srv.post("/api/exams", forged+`,"id":"forged","title":"Forged"}`) }, 1},
			{"PUT", func() *response { return srv.put("/api/exams/forged", forged+`,"title":"Forged again"}`) }, 2},
			{"PATCH", func() *response { return srv.patch("/api/exams/forged", forged+`}`) }, 3},
		}
		for _, c := range checks {
			resp := c.send()
			require.Less(t, resp.Code, 300, "%s: %s", c.name, resp)
			doc := resp.object(t)
			assert.EqualValues(t, c.wantRev, doc["_rev"], c.name)
			assert.NotEqual(t, "1999-01-01T00:00:00.000Z", doc["_createdAt"], c.name)
			assert.NotEqual(t, "1999-01-01T00:00:00.000Z", doc["_updatedAt"], c.name)
			assert.NotContains(t, doc, "_secret", c.name)
			assert.NotContains(t, doc, "_status", c.name)
			assert.Equal(t, doc, srv.get("/api/exams/forged").object(t), c.name)
		}
	})

	t.Run("field order is id, content, meta", func(t *testing.T) {
		body := string(srv.get("/api/exams/e1").Body)
		assert.True(t, strings.HasPrefix(body, `{"id":"e1","title":"Automation 103","_rev":3,"_createdAt":`), body)
	})
}

func TestErrors(t *testing.T) {
	const limit = 2048
	srv := newServerConfig(t, engine.Config{MaxBodyBytes: limit})
	createCollection(t, srv, "exams", examsSchema)
	createDoc(t, srv, "exams", `{"id":"e1","title":"Automation 101"}`)
	big := `{"title":"` + strings.Repeat("x", limit) + `"}`

	cases := []struct {
		name   string
		method string
		path   string
		body   string
		header []string
		status int
	}{
		{"unknown route", http.MethodGet, "/nothing", "", nil, http.StatusNotFound},
		{"unknown collection", http.MethodGet, "/api/nothing", "", nil, http.StatusNotFound},
		{"unknown document", http.MethodGet, "/api/exams/nothing", "", nil, http.StatusNotFound},
		{"too deep a route", http.MethodGet, "/api/exams/e1/revisions/1/more", "", nil, http.StatusNotFound},

		{"trailing slash", http.MethodGet, "/api/exams/", "", nil, http.StatusNotFound},

		{"POST on a document", http.MethodPost, "/api/exams/e1", `{}`, nil, http.StatusMethodNotAllowed},
		{"PUT on a collection", http.MethodPut, "/api/exams", `{}`, nil, http.StatusMethodNotAllowed},
		{"PATCH on a collection", http.MethodPatch, "/api/exams", `{}`, nil, http.StatusMethodNotAllowed},
		{"DELETE on a collection", http.MethodDelete, "/api/exams", "", nil, http.StatusMethodNotAllowed},
		{"DELETE on revisions", http.MethodDelete, "/api/exams/e1/revisions", "", nil, http.StatusMethodNotAllowed},
		{"PUT on a revision", http.MethodPut, "/api/exams/e1/revisions/1", `{}`, nil, http.StatusMethodNotAllowed},
		{"POST on healthz", http.MethodPost, "/healthz", `{}`, nil, http.StatusMethodNotAllowed},
		{"POST on a schema", http.MethodPost, "/api/_schemas/exams", `{}`, nil, http.StatusMethodNotAllowed},

		{"POST over the limit", http.MethodPost, "/api/exams", big, nil, http.StatusRequestEntityTooLarge},
		{"PUT over the limit", http.MethodPut, "/api/exams/e2", big, nil, http.StatusRequestEntityTooLarge},
		{"PATCH over the limit", http.MethodPatch, "/api/exams/e1", big, nil, http.StatusRequestEntityTooLarge},
		{"schema over the limit", http.MethodPut, "/api/_schemas/big", big, nil, http.StatusRequestEntityTooLarge},

		{"POST as text", http.MethodPost, "/api/exams", `{"title":"Text"}`, []string{"Content-Type", "text/plain"}, http.StatusUnsupportedMediaType},
		{"POST as form", http.MethodPost, "/api/exams", `title=Form`, []string{"Content-Type", "application/x-www-form-urlencoded"}, http.StatusUnsupportedMediaType},
		{"PUT as XML", http.MethodPut, "/api/exams/e2", `<exam/>`, []string{"Content-Type", "application/xml"}, http.StatusUnsupportedMediaType},
		{"POST as merge patch", http.MethodPost, "/api/exams", `{"title":"Patch"}`, []string{"Content-Type", "application/merge-patch+json"}, http.StatusUnsupportedMediaType},
		{"unparsable Content-Type", http.MethodPost, "/api/exams", `{"title":"Bad"}`, []string{"Content-Type", "application/json; ="}, http.StatusUnsupportedMediaType},

		{"truncated JSON", http.MethodPost, "/api/exams", `{"title":`, nil, http.StatusBadRequest},
		{"two JSON values", http.MethodPost, "/api/exams", `{"title":"One"}{"title":"Two"}`, nil, http.StatusBadRequest},
		{"trailing garbage", http.MethodPost, "/api/exams", `{"title":"One"} x`, nil, http.StatusBadRequest},
		{"empty body", http.MethodPost, "/api/exams", ``, nil, http.StatusBadRequest},
		{"single quotes", http.MethodPut, "/api/exams/e2", `{'title':'One'}`, nil, http.StatusBadRequest},
		{"malformed schema", http.MethodPut, "/api/_schemas/broken", `{"type":`, nil, http.StatusBadRequest},

		{"array document", http.MethodPost, "/api/exams", `[{"title":"One"}]`, nil, http.StatusUnprocessableEntity},
		{"string document", http.MethodPut, "/api/exams/e2", `"Automation"`, nil, http.StatusUnprocessableEntity},
		{"null document", http.MethodPost, "/api/exams", `null`, nil, http.StatusUnprocessableEntity},
	}
	allowed := map[string]string{
		"/healthz":                  "GET",
		"/api/exams":                "GET, POST",
		"/api/exams/e1":             "GET, PUT, PATCH, DELETE",
		"/api/_schemas/exams":       "GET, PUT, PATCH, DELETE",
		"/api/exams/e1/revisions":   "GET",
		"/api/exams/e1/revisions/1": "GET",
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp := srv.send(tc.method, tc.path, tc.body, tc.header...)
			p := assertProblem(t, resp, tc.status)
			if p != nil {
				assert.Equal(t, "urn:credence:problem:"+slug(tc.status), p["type"])
				assert.Equal(t, strings.SplitN(tc.path, "?", 2)[0], p["instance"])
			}
			if tc.status == http.StatusMethodNotAllowed {
				assert.Equal(t, allowed[tc.path], resp.Header.Get("Allow"), "a 405 names the allowed methods")
			}
		})
	}

	t.Run("nothing was written", func(t *testing.T) {
		items, _ := srv.get("/api/exams").page(t)
		assert.Equal(t, []string{"e1"}, idsOf(items))
		assertProblem(t, srv.get("/api/_schemas/big"), http.StatusNotFound)
		assertProblem(t, srv.get("/api/_schemas/broken"), http.StatusNotFound)
	})

	t.Run("a body at the limit is read", func(t *testing.T) {
		body := `{"title":"` + strings.Repeat("x", limit-len(`{"title":""}`)) + `"}`
		require.Len(t, body, limit)
		assert.Equal(t, http.StatusCreated, srv.post("/api/exams", body).Code)
	})

	t.Run("the request id comes back", func(t *testing.T) {
		resp := srv.get("/api/exams/nothing", "X-Request-Id", "req-42")
		assert.Equal(t, "req-42", resp.Header.Get("X-Request-Id"))
		assert.Equal(t, "req-42", assertProblem(t, resp, http.StatusNotFound)["requestId"])
	})
}

func slug(status int) string {
	return map[int]string{
		http.StatusBadRequest:            "bad-request",
		http.StatusNotFound:              "not-found",
		http.StatusMethodNotAllowed:      "method-not-allowed",
		http.StatusConflict:              "conflict",
		http.StatusPreconditionFailed:    "precondition-failed",
		http.StatusRequestEntityTooLarge: "too-large",
		http.StatusUnsupportedMediaType:  "unsupported-media-type",
		http.StatusUnprocessableEntity:   "invalid",
	}[status]
}

func TestValidationErrors(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "exams", examsSchema)

	resp := srv.post("/api/exams", `{
		"title": "ab",
		"level": "expert",
		"passingScore": 101,
		"tags": [1, "api", true],
		"settings": {"shuffle": "yes", "timeLimitMinutes": 0},
		"extra": 1
	}`)
	p := assertProblem(t, resp, http.StatusUnprocessableEntity)
	errs := fieldErrors(t, p)
	assert.Equal(t, map[string]string{
		"/title":                     "must be at least 3 characters long",
		"/level":                     `must be one of "fundamentals", "professional", "master"`,
		"/passingScore":              "must be at most 100",
		"/tags/0":                    "must be a string",
		"/tags/2":                    "must be a string",
		"/settings/shuffle":          "must be a boolean",
		"/settings/timeLimitMinutes": "must be at least 1",
		"/extra":                     "is not allowed here",
	}, errs, "every failing path, with a message a business user can read")

	p = assertProblem(t, srv.post("/api/exams", `{"level":"master"}`), http.StatusUnprocessableEntity)
	assert.Equal(t, map[string]string{"/title": "is required"}, fieldErrors(t, p))
}

// TestOverTheNetwork runs requests through a real HTTP server, where bodies
// arrive with a Content-Length or chunked.
func TestOverTheNetwork(t *testing.T) {
	const limit = 2048
	srv := newServerConfig(t, engine.Config{MaxBodyBytes: limit})
	createCollection(t, srv, "exams", examsSchema)
	ts := httptest.NewServer(srv.handler)
	t.Cleanup(ts.Close)

	send := func(method, path string, body io.Reader) *response {
		t.Helper()
		req, err := http.NewRequestWithContext(t.Context(), method, ts.URL+path, body)
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		res, err := ts.Client().Do(req)
		require.NoError(t, err)
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		require.NoError(t, err)
		return &response{Code: res.StatusCode, Header: res.Header, Body: b}
	}

	resp := send(http.MethodPost, "/api/exams", strings.NewReader(`{"title":"Over the wire"}`))
	require.Equal(t, http.StatusCreated, resp.Code, resp)
	assert.Equal(t, http.StatusOK, send(http.MethodGet, resp.Header.Get("Location"), nil).Code)

	big := `{"title":"` + strings.Repeat("x", 4*limit) + `"}`
	assertProblem(t, send(http.MethodPost, "/api/exams", strings.NewReader(big)), http.StatusRequestEntityTooLarge)
	// A reader of unknown length goes out chunked, without Content-Length.
	chunked := io.MultiReader(strings.NewReader(big))
	assertProblem(t, send(http.MethodPost, "/api/exams", chunked), http.StatusRequestEntityTooLarge)
	chunked = io.MultiReader(strings.NewReader(`{"title":"Chunked"}`))
	assert.Equal(t, http.StatusCreated, send(http.MethodPost, "/api/exams", chunked).Code)

	items, _ := srv.get("/api/exams").page(t)
	assert.Equal(t, []string{"Over the wire", "Chunked"}, titles(items))
}

// TestEscapedPaths checks that a path escaped more than it needs to be
// names the same collection, document and revision.
func TestEscapedPaths(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "exams", examsSchema)
	createDoc(t, srv, "exams", `{"id":"e1","title":"Automation 101"}`)

	for _, path := range []string{"/api/exams/e%31", "/api/ex%61ms/e1", "/api/exams/e1/revisions/%31", "/api/%65xams/e1/revisions"} {
		assert.Equal(t, http.StatusOK, srv.get(path).Code, path)
	}
	resp := srv.put("/api/exams/e%32", `{"title":"Escaped"}`)
	require.Equal(t, http.StatusCreated, resp.Code, resp)
	assert.Equal(t, "e2", resp.object(t)["id"])
	assert.Equal(t, "/api/exams/e2", resp.Header.Get("Location"))

	p := assertProblem(t, srv.put("/api/exams/a%2Fb", `{"title":"Slash"}`), http.StatusBadRequest)
	assert.Equal(t, []string{"/id"}, errorPaths(t, p))
}
