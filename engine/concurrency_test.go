package engine_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// race runs n functions at once, released together, and waits for them.
func race(n int, fn func(i int)) {
	var ready, done sync.WaitGroup
	start := make(chan struct{})
	ready.Add(n)
	done.Add(n)
	for i := range n {
		go func() {
			defer done.Done()
			ready.Done()
			<-start
			fn(i)
		}()
	}
	ready.Wait()
	close(start)
	done.Wait()
}

func TestConcurrentCreates(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "exams", examsSchema)

	const n = 100
	codes := make([]int, n)
	created := make([]string, n)
	race(n, func(i int) {
		resp := srv.post("/api/exams", fmt.Sprintf(`{"title":"Exam %d","code":"C-%d"}`, i, i))
		codes[i] = resp.Code
		var doc struct{ ID string }
		if json.Unmarshal(resp.Body, &doc) == nil {
			created[i] = doc.ID
		}
	})

	for i, code := range codes {
		assert.Equal(t, http.StatusCreated, code, "create %d", i)
	}
	assert.Len(t, distinct(created), n, "every id is distinct")

	listed := listAll(t, srv, "/api/exams?limit=7")
	assert.ElementsMatch(t, created, idsOf(listed), "every create is persisted and listed once")
	for _, doc := range listed {
		assert.EqualValues(t, 1, doc["_rev"])
	}
	assert.IsIncreasing(t, idsOf(listed), "the default sort is by id")
}

func TestConcurrentIfMatch(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "exams", examsSchema)
	createDoc(t, srv, "exams", `{"id":"e1","title":"Version 0"}`)

	writes := []struct {
		name  string
		write func(i int, tag string) *response
	}{
		{"PUT", func(i int, tag string) *response {
			return srv.put("/api/exams/e1", fmt.Sprintf(`{"title":"Writer %d"}`, i), "If-Match", tag)
		}},
		{"PATCH", func(i int, tag string) *response {
			return srv.patch("/api/exams/e1", fmt.Sprintf(`{"title":"Writer %d"}`, i), "If-Match", tag)
		}},
	}
	for _, w := range writes {
		t.Run(w.name, func(t *testing.T) {
			for round := range 20 {
				tag := etagOf(t, srv, "/api/exams/e1")
				before := srv.get("/api/exams/e1").object(t)["_rev"].(float64)

				var answers [2]*response
				race(2, func(i int) { answers[i] = w.write(i, tag) })

				codes := []int{answers[0].Code, answers[1].Code}
				require.ElementsMatch(t, []int{http.StatusOK, http.StatusPreconditionFailed}, codes, "round %d", round)
				winner, loser := answers[0], answers[1]
				if winner.Code != http.StatusOK {
					winner, loser = loser, winner
				}
				checkProblem(t, loser)
				now := srv.get("/api/exams/e1")
				assert.Equal(t, winner.Header.Get("ETag"), now.Header.Get("ETag"), "the winner's write is the document")
				assert.Equal(t, before+1, now.object(t)["_rev"], "one write, one revision")
			}
		})
	}
}

func TestConcurrentUnique(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "exams", examsSchema)

	const n = 20
	answers := make([]*response, n)
	race(n, func(i int) {
		answers[i] = srv.post("/api/exams", fmt.Sprintf(`{"title":"Writer %d","code":"SAME"}`, i))
	})
	var winner string
	for _, resp := range answers {
		switch resp.Code {
		case http.StatusCreated:
			require.Empty(t, winner, "a second writer got the unique value")
			winner = resp.object(t)["id"].(string)
		default:
			p := assertProblem(t, resp, http.StatusConflict)
			assert.Equal(t, []string{"/code"}, errorPaths(t, p))
		}
	}
	require.NotEmpty(t, winner, "one writer got the unique value")
	items, _ := srv.get("/api/exams").page(t)
	assert.Equal(t, []string{winner}, idsOf(items))

	t.Run("concurrent PUTs of different documents", func(t *testing.T) {
		race(n, func(i int) {
			answers[i] = srv.put(fmt.Sprintf("/api/exams/put-%d", i), `{"title":"Writer","code":"PUT"}`)
		})
		assert.Equal(t, 1, countCodes(answers, http.StatusCreated))
		assert.Equal(t, n-1, countCodes(answers, http.StatusConflict))
	})

	t.Run("an update frees the old value and takes the new", func(t *testing.T) {
		assertProblem(t, srv.post("/api/exams", `{"title":"Late","code":"SAME"}`), http.StatusConflict)
		require.Equal(t, http.StatusOK, srv.patch("/api/exams/"+winner, `{"code":"OTHER"}`).Code)

		race(n, func(i int) {
			answers[i] = srv.post("/api/exams", fmt.Sprintf(`{"title":"Writer %d","code":"SAME"}`, i))
		})
		assert.Equal(t, 1, countCodes(answers, http.StatusCreated), "the old value is free once")
		assertProblem(t, srv.post("/api/exams", `{"title":"Late","code":"OTHER"}`), http.StatusConflict)
	})

	t.Run("the same value again is no conflict with itself", func(t *testing.T) {
		resp := srv.put("/api/exams/"+winner, `{"title":"Renamed","code":"OTHER"}`)
		assert.Equal(t, http.StatusOK, resp.Code, resp)
	})

	t.Run("removing the value frees it", func(t *testing.T) {
		require.Equal(t, http.StatusOK, srv.patch("/api/exams/"+winner, `{"code":null}`).Code)
		createDoc(t, srv, "exams", `{"id":"after-null","title":"Taker","code":"OTHER"}`)
	})

	t.Run("a delete frees the value", func(t *testing.T) {
		require.Equal(t, http.StatusNoContent, srv.delete("/api/exams/after-null").Code)
		race(n, func(i int) {
			answers[i] = srv.post("/api/exams", fmt.Sprintf(`{"title":"Writer %d","code":"OTHER"}`, i))
		})
		assert.Equal(t, 1, countCodes(answers, http.StatusCreated))
		assert.Equal(t, n-1, countCodes(answers, http.StatusConflict))
	})

	t.Run("a refused write leaves the index alone", func(t *testing.T) {
		createDoc(t, srv, "exams", `{"id":"keeper","title":"Keeper","code":"KEPT"}`)
		assertProblem(t, srv.put("/api/exams/keeper", `{"title":"Keeper","code":"SAME"}`), http.StatusConflict)
		assertProblem(t, srv.post("/api/exams", `{"title":"Thief","code":"KEPT"}`), http.StatusConflict)
	})
}

func countCodes(answers []*response, code int) int {
	n := 0
	for _, a := range answers {
		if a.Code == code {
			n++
		}
	}
	return n
}

func distinct(s []string) map[string]bool {
	out := make(map[string]bool, len(s))
	for _, v := range s {
		out[v] = true
	}
	return out
}

// TestPaginationUnderWrites lists a collection page by page while documents
// are inserted before and after the cursor and deleted between pages:
// every document that exists for the whole listing appears exactly once.
func TestPaginationUnderWrites(t *testing.T) {
	sorts := []string{"", "-id", "score", "-score", "-score,title", "_createdAt", "-_updatedAt"}
	for _, sort := range sorts {
		t.Run("sort="+sort, func(t *testing.T) {
			t.Parallel()
			srv := newServer(t)
			createCollection(t, srv, "items", `{"type":"object","properties":{"title":{"type":"string"},"score":{"type":"integer"}}}`)
			createMany(t, srv, "items", 60, func(i int) string {
				return fmt.Sprintf(`{"id":"m%03d","title":"T%d","score":%d}`, i, i%7, i%5)
			})
			stable := map[string]bool{}
			var doomed []string
			for i := range 60 {
				id := fmt.Sprintf("m%03d", i)
				if i%4 == 3 {
					doomed = append(doomed, id)
				} else {
					stable[id] = true
				}
			}

			seen := map[string]int{}
			path := withQuery("/api/items?limit=5", "sort", sort)
			cursor := ""
			for page := 0; ; page++ {
				require.Less(t, page, 100, "the listing ends")
				p := path
				if cursor != "" {
					p = withQuery(path, "cursor", cursor)
				}
				resp := srv.get(p)
				require.Equal(t, http.StatusOK, resp.Code, resp)
				items, next := resp.page(t)
				for _, id := range idsOf(items) {
					seen[id]++
				}
				if next == "" {
					break
				}
				cursor = next

				// Between pages: ids that sort before and after anything
				// listed, scores at both ends, and a deletion.
				writes := []func() *response{
					func() *response {
						return srv.post("/api/items", fmt.Sprintf(`{"id":"a%03d","title":"New","score":-%d}`, page, page))
					},
					func() *response {
						return srv.post("/api/items", fmt.Sprintf(`{"id":"z%03d","title":"New","score":%d}`, page, 100+page))
					},
				}
				if len(doomed) > 0 {
					id := doomed[0]
					doomed = doomed[1:]
					writes = append(writes, func() *response { return srv.delete("/api/items/" + id) })
				}
				answers := make([]*response, len(writes))
				race(len(writes), func(i int) { answers[i] = writes[i]() })
				for _, resp := range answers {
					require.Less(t, resp.Code, 300, resp)
				}
			}

			for id, n := range seen {
				assert.Equal(t, 1, n, "%s listed %d times", id, n)
			}
			for id := range stable {
				assert.Contains(t, seen, id, "%s was skipped", id)
			}
		})
	}
}

// TestPaginationUnderConcurrentWrites pages through a collection while other
// goroutines insert and delete: no document is listed twice, and none that
// lived through the whole listing is missed.
func TestPaginationUnderConcurrentWrites(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "items", `{"type":"object","properties":{"score":{"type":"integer"}}}`)
	createMany(t, srv, "items", 200, func(i int) string { return fmt.Sprintf(`{"id":"m%03d","score":%d}`, i, i%9) })
	stable := map[string]bool{}
	var churn []string
	for i := range 200 {
		id := fmt.Sprintf("m%03d", i)
		if i%2 == 0 {
			stable[id] = true
		} else {
			churn = append(churn, id)
		}
	}

	stop := make(chan struct{})
	var writers sync.WaitGroup
	for w := range 4 {
		writers.Add(1)
		go func() {
			defer writers.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				// Insert around the stable documents and delete the churn.
				srv.post("/api/items", fmt.Sprintf(`{"id":"%c%d-%d","score":%d}`, "amz"[i%3], w, i, i%11))
				if i < len(churn)/4 {
					srv.delete("/api/items/" + churn[w*len(churn)/4+i])
				}
			}
		}()
	}

	for _, sort := range []string{"", "-id", "score,-id", "-_createdAt"} {
		seen := map[string]int{}
		for _, id := range idsOf(listAll(t, srv, withQuery("/api/items?limit=9", "sort", sort))) {
			seen[id]++
		}
		for id, n := range seen {
			assert.Equal(t, 1, n, "sort=%s: %s listed %d times", sort, id, n)
		}
		for id := range stable {
			assert.Contains(t, seen, id, "sort=%s: %s was skipped", sort, id)
		}
	}
	close(stop)
	writers.Wait()
}

// TestSchemaChangeRacesWrites replaces a schema while writers create
// documents that only the old schema allows: whoever wins, no stored
// document breaks the schema in force, unless the change was forced.
func TestSchemaChangeRacesWrites(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "exams", `{"type":"object","properties":{"title":{"type":"string"}}}`)
	closed := `{"type":"object","additionalProperties":false,"properties":{"title":{"type":"string"}}}`

	const n = 16
	answers := make([]*response, n)
	race(n, func(i int) {
		if i == 0 {
			answers[i] = srv.put("/api/_schemas/exams", closed)
			return
		}
		body := `{"title":"Plain"}`
		if i%2 == 0 {
			body = `{"title":"Extra","extra":true}`
		}
		answers[i] = srv.post("/api/exams", body)
	})

	assert.Contains(t, []int{http.StatusOK, http.StatusConflict}, answers[0].Code, answers[0])
	for _, resp := range answers[1:] {
		assert.Contains(t, []int{http.StatusCreated, http.StatusUnprocessableEntity}, resp.Code, resp)
	}
	coll, ok := srv.svc.Registry().Collection("exams")
	require.True(t, ok)
	schemaChanged := answers[0].Code == http.StatusOK
	assert.Equal(t, schemaChanged, strings.Contains(string(coll.Raw), "additionalProperties"), "the registry follows the answer")
	for _, doc := range listAll(t, srv, "/api/exams") {
		assert.NoError(t, coll.Validate(content(doc)), "document %s breaks the schema in force", doc["id"])
	}
	created := countCodes(answers[1:], http.StatusCreated)
	assert.Len(t, listAll(t, srv, "/api/exams"), created, "every 201 is stored, nothing else")
}

// TestConcurrentPatches sends merge patches without preconditions to one
// document at once: each is applied, none is lost.
func TestConcurrentPatches(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "counters", `{"type":"object"}`)
	createDoc(t, srv, "counters", `{"id":"c1"}`)

	const n = 32
	answers := make([]*response, n)
	race(n, func(i int) {
		answers[i] = srv.patch("/api/counters/c1", fmt.Sprintf(`{"f%02d":%d}`, i, i))
	})

	for i, resp := range answers {
		assert.Equal(t, http.StatusOK, resp.Code, "patch %d: %s", i, resp)
	}
	doc := srv.get("/api/counters/c1").object(t)
	for i := range n {
		assert.EqualValues(t, i, doc[fmt.Sprintf("f%02d", i)], "patch %d is lost", i)
	}
	assert.EqualValues(t, n+1, doc["_rev"])
}

// TestUniqueNumbers checks that x-unique compares numbers as numbers:
// equal values in other spellings conflict, and values that a float64
// cannot tell apart do not.
func TestUniqueNumbers(t *testing.T) {
	cases := []struct {
		name        string
		first, then string
		want        int
	}{
		{"same spelling", `1`, `1`, http.StatusConflict},
		{"trailing zeros", `1`, `1.000`, http.StatusConflict},
		{"exponent", `100`, `1e2`, http.StatusConflict},
		{"negative exponent", `1`, `10E-1`, http.StatusConflict},
		{"minus zero", `0`, `-0.0`, http.StatusConflict},
		{"fractions", `0.5`, `5e-1`, http.StatusConflict},
		{"negatives", `-12.5`, `-125e-1`, http.StatusConflict},
		{"beyond float64 range", `1e400`, `10e399`, http.StatusConflict},
		{"beyond float64 precision", `9007199254740993`, `9007199254740992`, http.StatusCreated},
		{"64-bit ids", `1234567890123456789`, `1234567890123456788`, http.StatusCreated},
		{"long fractions", `0.10000000000000000001`, `0.1`, http.StatusCreated},
		{"beyond float64 range, apart", `1e400`, `1e401`, http.StatusCreated},
		{"sign", `5`, `-5`, http.StatusCreated},
	}
	srv := newServer(t)
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			coll := fmt.Sprintf("numbers%d", i)
			createCollection(t, srv, coll, `{"type":"object","properties":{"n":{"type":"number","x-unique":true}}}`)
			first := srv.post("/api/"+coll, `{"n":`+tc.first+`}`)
			require.Equal(t, http.StatusCreated, first.Code, first)
			resp := srv.post("/api/"+coll, `{"n":`+tc.then+`}`)
			assert.Equal(t, tc.want, resp.Code, resp)
		})
	}
}
