package engine_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
	"github.com/credence/credence/store/postgres/pgtest"
)

// watchInterval is how often the test nodes look for each other's schema
// changes; a second is the promise, so a tenth leaves room.
const watchInterval = 100 * time.Millisecond

// twoNodes starts two Credence nodes in-process on one fresh PostgreSQL
// schema, as two API servers behind a load balancer would run: each has its
// own connection pool, service, router, and schema watch. The test skips
// when no database answers.
func twoNodes(t *testing.T) (a, b *testServer) {
	t.Helper()
	schema, _ := pgtest.Schema(t)
	return startNode(t, schema), startNode(t, schema)
}

// startNode opens one node on schema and runs its schema watch until the
// test ends. A watch that cannot reload fails the test.
func startNode(t *testing.T, schema string) *testServer {
	t.Helper()
	srv := startNodeWithoutWatch(t, schema)
	svc := srv.svc

	wctx, stop := context.WithCancel(context.Background())
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		watchErr []error
	)
	wg.Go(func() {
		svc.Watch(wctx, watchInterval, func(err error) {
			mu.Lock()
			watchErr = append(watchErr, err)
			mu.Unlock()
		})
	})
	t.Cleanup(func() {
		stop()
		wg.Wait()
		assert.Empty(t, watchErr, "the schema watch failed")
	})
	return srv
}

// startNodeWithoutWatch opens one node on schema that follows the others'
// schema changes only as its requests find them.
func startNodeWithoutWatch(t *testing.T, schema string) *testServer {
	t.Helper()
	st := pgtest.OpenIn(t, schema)
	svc, err := documents.New(t.Context(), st, documents.Options{})
	require.NoError(t, err)
	// Requests that fail on the server side show in the test's output.
	log := slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn}))
	return &testServer{handler: engine.New(engine.Config{Logger: log, AnonymousRole: documents.RoleAdmin}, svc), svc: svc}
}

// A client behind a load balancer defines a collection on one node and
// uses it at once on another: the second node checks the schema version
// in the database before it answers 404, and no read or write runs with a
// schema older than one a client was already answered with. The nodes run
// no schema watch, so nothing but the requests themselves can catch up.
func TestTwoNodesSchemaChangeSeenAtOnce(t *testing.T) {
	schema, _ := pgtest.Schema(t)
	a, b := startNodeWithoutWatch(t, schema), startNodeWithoutWatch(t, schema)
	// b has compiled its registry before the change.
	assertProblem(t, b.get("/api/fresh/x"), http.StatusNotFound)

	createCollection(t, a, "fresh", `{"type":"object","properties":{"title":{"type":"string"}}}`)
	resp := b.post("/api/fresh", `{"id":"x","title":"made on b"}`)
	require.Equal(t, http.StatusCreated, resp.Code, "a write on b right after the schema on a: %s", resp)
	assert.Equal(t, "made on b", a.get("/api/fresh/x").object(t)["title"])

	createCollection(t, a, "other", `{"type":"object"}`)
	assert.Equal(t, http.StatusOK, b.get("/api/other").Code, "a list on b")
	createCollection(t, a, "third", `{"type":"object"}`)
	assert.Equal(t, http.StatusNotFound, b.get("/api/third/none").Code, "a read on b knows the collection: the document is what is missing")
	assert.Contains(t, string(b.get("/api/third/none").Body), `no document`)

	// A schema change that alters what a read shows is seen by the next
	// read on the other node: get, list and revisions.
	resp = a.put("/api/_schemas/fresh", `{"type":"object","properties":{"title":{"type":"string"},
	  "shout":{"type":"string","x-computed":"upper(doc.title)"}}}`)
	require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
	assert.Equal(t, "MADE ON B", b.get("/api/fresh/x").object(t)["shout"])
	items, _ := b.get("/api/fresh").page(t)
	require.Len(t, items, 1)
	assert.Equal(t, "MADE ON B", items[0]["shout"])

	resp = a.put("/api/_schemas/fresh", `{"type":"object","properties":{"title":{"type":"string","maxLength":3}}}`)
	require.Equal(t, http.StatusConflict, resp.Code, "the stored title is too long: %s", resp)
	resp = a.put("/api/_schemas/fresh?force=true", `{"type":"object","properties":{"title":{"type":"string","maxLength":20}}}`)
	require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
	p := assertProblem(t, b.put("/api/fresh/y", `{"title":"a title far longer than twenty"}`), http.StatusUnprocessableEntity)
	assert.Equal(t, []string{"/title"}, errorPaths(t, p))
	assert.Nil(t, b.get("/api/fresh/x").object(t)["shout"], "the computed field is gone on b as on a")

	// An unknown collection is still a 404.
	p = assertProblem(t, b.get("/api/never/x"), http.StatusNotFound)
	assert.Contains(t, p["detail"], "no collection")
}

// eventually polls cond until it holds or within has passed, and reports
// how long it took.
func eventually(t *testing.T, within time.Duration, what string, cond func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !cond() {
		if time.Since(start) > within {
			require.Failf(t, "not in time", "%s: not within %v", what, within)
		}
		time.Sleep(10 * time.Millisecond)
	}
	return time.Since(start)
}

// defineOnBoth defines a collection through a and waits until b serves it.
func defineOnBoth(t *testing.T, a, b *testServer, name, schema string) {
	t.Helper()
	createCollection(t, a, name, schema)
	eventually(t, time.Second, "the other node serves "+name, func() bool {
		return b.get("/api/"+name).Code == http.StatusOK
	})
}

// TestTwoNodesConcurrentCreates spreads 200 concurrent creates over two
// nodes: all land, with distinct ids, and either node lists them all.
func TestTwoNodesConcurrentCreates(t *testing.T) {
	a, b := twoNodes(t)
	defineOnBoth(t, a, b, "exams", examsSchema)

	const n = 200
	nodes := []*testServer{a, b}
	answers := make([]*response, n)
	created := make([]string, n)
	race(n, func(i int) {
		answers[i] = nodes[i%2].post("/api/exams", fmt.Sprintf(`{"title":"Exam %d","code":"C-%d"}`, i, i))
		var doc struct{ ID string }
		if json.Unmarshal(answers[i].Body, &doc) == nil {
			created[i] = doc.ID
		}
	})

	for i, resp := range answers {
		require.Equal(t, http.StatusCreated, resp.Code, "create %d on node %d: %s", i, i%2, resp)
	}
	assert.Len(t, distinct(created), n, "every id is distinct")
	for name, node := range map[string]*testServer{"A": a, "B": b} {
		listed := listAll(t, node, "/api/exams?limit=37")
		assert.ElementsMatch(t, created, idsOf(listed), "node %s lists every create once", name)
	}
}

// TestTwoNodesIfMatch races two writers with the same If-Match, one on
// each node: exactly one wins, and both nodes read its write.
func TestTwoNodesIfMatch(t *testing.T) {
	a, b := twoNodes(t)
	defineOnBoth(t, a, b, "exams", examsSchema)
	createDoc(t, a, "exams", `{"id":"e1","title":"Version 0"}`)
	nodes := []*testServer{a, b}

	writes := []struct {
		name  string
		write func(node *testServer, tag string) *response
	}{
		{"PUT", func(node *testServer, tag string) *response {
			return node.put("/api/exams/e1", `{"title":"Writer"}`, "If-Match", tag)
		}},
		{"PATCH", func(node *testServer, tag string) *response {
			return node.patch("/api/exams/e1", `{"title":"Writer"}`, "If-Match", tag)
		}},
	}
	for _, w := range writes {
		t.Run(w.name, func(t *testing.T) {
			for round := range 10 {
				tag := etagOf(t, nodes[round%2], "/api/exams/e1")
				before := a.get("/api/exams/e1").object(t)["_rev"].(float64)

				var answers [2]*response
				race(2, func(i int) { answers[i] = w.write(nodes[i], tag) })

				codes := []int{answers[0].Code, answers[1].Code}
				require.ElementsMatch(t, []int{http.StatusOK, http.StatusPreconditionFailed}, codes,
					"round %d: A %s, B %s", round, answers[0], answers[1])
				winner := answers[0]
				if winner.Code != http.StatusOK {
					winner = answers[1]
				}
				for name, node := range map[string]*testServer{"A": a, "B": b} {
					now := node.get("/api/exams/e1")
					assert.Equal(t, winner.Header.Get("ETag"), now.Header.Get("ETag"), "node %s reads the winner's write", name)
					assert.Equal(t, before+1, now.object(t)["_rev"], "one write, one revision")
				}
			}
		})
	}
}

// TestTwoNodesUnique checks that an x-unique value is unique across
// nodes, also when writers on both race for it.
func TestTwoNodesUnique(t *testing.T) {
	a, b := twoNodes(t)
	defineOnBoth(t, a, b, "exams", examsSchema)

	t.Run("a value taken on one node is refused on the other", func(t *testing.T) {
		createDoc(t, a, "exams", `{"id":"taker","title":"Taker","code":"TAKEN"}`)
		p := assertProblem(t, b.post("/api/exams", `{"title":"Thief","code":"TAKEN"}`), http.StatusConflict)
		assert.Equal(t, []string{"/code"}, errorPaths(t, p))

		require.Equal(t, http.StatusOK, b.patch("/api/exams/taker", `{"code":"MOVED"}`).Code, "B moves A's document to another value")
		createDoc(t, a, "exams", `{"title":"Reuser","code":"TAKEN"}`)
		assertProblem(t, a.post("/api/exams", `{"title":"Thief","code":"MOVED"}`), http.StatusConflict)
	})

	t.Run("10 writers per node racing for one value", func(t *testing.T) {
		nodes := []*testServer{a, b}
		for round := range 3 {
			code := fmt.Sprintf("RACE-%d", round)
			answers := make([]*response, 20)
			race(len(answers), func(i int) {
				answers[i] = nodes[i%2].post("/api/exams", fmt.Sprintf(`{"title":"Writer %d","code":%q}`, i, code))
			})
			require.Equal(t, 1, countCodes(answers, http.StatusCreated), "round %d: one writer gets %s", round, code)
			require.Equal(t, len(answers)-1, countCodes(answers, http.StatusConflict), "round %d: the others hear 409", round)
			var holders []string
			for _, d := range listAll(t, b, "/api/exams?limit=100") {
				if d["code"] == code {
					holders = append(holders, d["id"].(string))
				}
			}
			assert.Len(t, holders, 1, "round %d: one document holds %s", round, code)
		}
	})
}

// TestTwoNodesSchemaChange changes collections through node A and checks
// that node B enforces the change within a second, without a restart.
func TestTwoNodesSchemaChange(t *testing.T) {
	a, b := twoNodes(t)
	defineOnBoth(t, a, b, "exams", examsSchema)
	createDoc(t, b, "exams", `{"title":"Before the change","level":"master"}`)

	t.Run("a field made required on A is required on B", func(t *testing.T) {
		required := strings.Replace(examsSchema, `"required": ["title"]`, `"required": ["title", "level"]`, 1)
		require.NotEqual(t, examsSchema, required)
		resp := a.put("/api/_schemas/exams", required)
		require.Equal(t, http.StatusOK, resp.Code, resp)

		// A write reads the schema version in its own transaction: B
		// refuses at once, without waiting for its watch.
		p := assertProblem(t, b.post("/api/exams", `{"title":"No level"}`), http.StatusUnprocessableEntity)
		assert.Equal(t, []string{"/level"}, errorPaths(t, p))
		assertProblem(t, b.put("/api/exams/e2", `{"title":"No level"}`), http.StatusUnprocessableEntity)
		createDoc(t, b, "exams", `{"title":"With a level","level":"professional"}`)
	})

	t.Run("a collection created on A answers on B", func(t *testing.T) {
		createCollection(t, a, "notes", `{"type":"object","required":["body"],"properties":{"body":{"type":"string"}}}`)
		took := eventually(t, time.Second, "B creates notes", func() bool {
			return b.post("/api/notes", `{"id":"n1","body":"from B"}`).Code == http.StatusCreated
		})
		t.Logf("B served notes after %v", took)
		assertProblem(t, b.post("/api/notes", `{"text":"no body"}`), http.StatusUnprocessableEntity)
		items, _ := a.get("/api/notes").page(t)
		assert.Equal(t, []string{"n1"}, idsOf(items), "A reads what B wrote")
	})

	t.Run("a collection deleted with force on A is gone on B", func(t *testing.T) {
		id := createDoc(t, b, "exams", `{"title":"Doomed","level":"master","code":"DOOMED"}`)["id"].(string)
		resp := a.delete("/api/_schemas/exams?force=true")
		require.Equal(t, http.StatusNoContent, resp.Code, resp)

		// The documents are gone at once; the route goes when B's watch
		// sees the change (a write on B would see it sooner).
		assertProblem(t, b.get("/api/exams/"+id), http.StatusNotFound)
		took := eventually(t, time.Second, "B no longer lists exams", func() bool {
			return b.get("/api/exams").Code == http.StatusNotFound
		})
		t.Logf("B stopped listing exams after %v", took)
		assertProblem(t, b.post("/api/exams", `{"title":"Too late","level":"master"}`), http.StatusNotFound)
		assertProblem(t, b.get("/api/exams/"+id+"/revisions"), http.StatusNotFound)

		// The collection defined again through B starts empty, its unique
		// index with it.
		defineOnBoth(t, b, a, "exams", examsSchema)
		items, _ := a.get("/api/exams").page(t)
		assert.Empty(t, items)
		createDoc(t, a, "exams", `{"title":"Reborn","code":"DOOMED"}`)
	})
}

// TestTwoNodesSchemaChangeUnderLoad changes a collection through node A
// while writers keep creating documents through node B: the change must go
// through (it reads the whole collection, and must not lose every
// serialization conflict to the stream of short writes), and no write of B
// may escape it.
func TestTwoNodesSchemaChangeUnderLoad(t *testing.T) {
	a, b := twoNodes(t)
	defineOnBoth(t, a, b, "exams", examsSchema)

	t.Run("a new unique field indexes every write", func(t *testing.T) {
		unique := strings.Replace(examsSchema, `"title": {"type": "string", "minLength": 3}`,
			`"title": {"type": "string", "minLength": 3, "x-unique": true}`, 1)
		require.NotEqual(t, examsSchema, unique)
		var resp *response
		titles := writeWhile(t, b, "Indexed", func() { resp = a.put("/api/_schemas/exams", unique) })
		require.Equal(t, http.StatusOK, resp.Code, resp)
		race(len(titles), func(i int) {
			resp := a.post("/api/exams", fmt.Sprintf(`{"title":%q}`, titles[i]))
			assert.Equal(t, http.StatusConflict, resp.Code, "every title B wrote is in the new unique index: %s", resp)
		})
		t.Logf("%d writes on B during the change", len(titles))
	})

	t.Run("a forced delete leaves nothing behind", func(t *testing.T) {
		var resp *response
		titles := writeWhile(t, b, "Doomed", func() { resp = a.delete("/api/_schemas/exams?force=true") })
		require.Equal(t, http.StatusNoContent, resp.Code, resp)

		defineOnBoth(t, a, b, "exams", examsSchema)
		for name, node := range map[string]*testServer{"A": a, "B": b} {
			items, _ := node.get("/api/exams").page(t)
			assert.Empty(t, items, "node %s: no document outlived the delete", name)
		}
		race(len(titles), func(i int) {
			resp := a.post("/api/exams", fmt.Sprintf(`{"title":"Again","code":%q}`, titles[i]))
			assert.Equal(t, http.StatusCreated, resp.Code, "no unique entry outlived the delete: %s", resp)
		})
		t.Logf("%d writes on B before the delete", len(titles))
	})
}

// starved is how long a change may take under writeWhile's load: many
// times what it takes, far less than the 100 attempts of a change that
// loses every conflict.
const starved = 3 * time.Second

// writeWhile runs 8 writers creating exams through node, each with a fresh
// title and code (the same string, starting with prefix), and calls change
// once they are under way. Change must return within starved. The writers
// stop when it has returned, when the collection is gone, or after twice
// starved: a change that only goes through once they stop still fails. It
// returns the titles of the acknowledged creates.
func writeWhile(t *testing.T, node *testServer, prefix string, change func()) []string {
	t.Helper()
	var (
		mu     sync.Mutex
		titles []string
		wg     sync.WaitGroup
	)
	done := make(chan struct{})
	timeout := time.AfterFunc(2*starved, func() { close(done) })
	for w := range 8 {
		wg.Go(func() {
			for i := 0; ; i++ {
				select {
				case <-done:
					return
				default:
				}
				title := fmt.Sprintf("%s %d-%d", prefix, w, i)
				resp := node.post("/api/exams", fmt.Sprintf(`{"title":%q,"code":%q}`, title, title))
				if resp.Code == http.StatusNotFound {
					return // the collection is gone
				}
				if !assert.Equal(t, http.StatusCreated, resp.Code, resp) {
					return
				}
				mu.Lock()
				titles = append(titles, title)
				mu.Unlock()
			}
		})
	}
	time.Sleep(100 * time.Millisecond)
	start := time.Now()
	change()
	took := time.Since(start)
	if timeout.Stop() {
		close(done)
	}
	wg.Wait()
	require.Less(t, took, starved, "the change starved under the writes of the other node")
	require.NotEmpty(t, titles, "the writers wrote")
	t.Logf("the change took %v under load", took.Round(time.Millisecond))
	return titles
}
