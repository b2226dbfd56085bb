package engine_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
)

// A content tree as a portal reads it: a page with sections, sections
// with certifications, certifications with a level and prerequisites.
const (
	cmsLevels  = `{"type":"object","properties":{"name":{"type":"string"},"rank":{"type":"integer"},"label":{"type":"string","x-computed":"upper(doc.name)"}}}`
	cmsCerts   = `{"type":"object","properties":{"title":{"type":"string"},"level":{"type":"string","x-ref":"levels"},"requires":{"type":"array","items":{"type":"string","x-ref":"certifications"}}}}`
	cmsSection = `{"type":"object","properties":{"heading":{"type":"string"},"certifications":{"type":"array","items":{"type":"string","x-ref":"certifications"}}}}`
	cmsPages   = `{"type":"object","properties":{"title":{"type":"string"},"sections":{"type":"array","items":{"type":"string","x-ref":"sections"}},"hero":{"type":"string","x-ref":"sections"}}}`
)

func cmsServer(t *testing.T) *testServer {
	t.Helper()
	srv := newServer(t)
	createCollection(t, srv, "levels", cmsLevels)
	createCollection(t, srv, "certifications", cmsCerts)
	createCollection(t, srv, "sections", cmsSection)
	createCollection(t, srv, "pages", cmsPages)
	createDoc(t, srv, "levels", `{"id":"fun","name":"fundamentals","rank":1}`)
	createDoc(t, srv, "levels", `{"id":"pro","name":"professional","rank":2}`)
	createDoc(t, srv, "certifications", `{"id":"auto-f","title":"Automation Fundamentals","level":"fun"}`)
	createDoc(t, srv, "certifications", `{"id":"auto-p","title":"Automation Professional","level":"pro","requires":["auto-f"]}`)
	createDoc(t, srv, "sections", `{"id":"s1","heading":"Automation","certifications":["auto-f","auto-p"]}`)
	createDoc(t, srv, "sections", `{"id":"s2","heading":"Empty"}`)
	createDoc(t, srv, "pages", `{"id":"about","title":"About","sections":["s1","s2"],"hero":"s1"}`)
	return srv
}

func TestExpandDepths(t *testing.T) {
	srv := cmsServer(t)

	t.Run("depth 1 through an array and a single reference", func(t *testing.T) {
		resp := srv.get("/api/pages/about?expand=sections,hero")
		require.Equal(t, http.StatusOK, resp.Code, resp)
		page := resp.object(t)
		sections := page["sections"].([]any)
		require.Len(t, sections, 2)
		assert.Equal(t, "Automation", sections[0].(map[string]any)["heading"])
		assert.Equal(t, []any{"auto-f", "auto-p"}, sections[0].(map[string]any)["certifications"], "one level only")
		assert.Equal(t, "s1", page["hero"].(map[string]any)["id"])
		assert.True(t, strings.HasPrefix(resp.Header.Get("ETag"), `W/`), "an expanded answer is another representation")
	})

	t.Run("depth 3 with computed fields on the way", func(t *testing.T) {
		resp := srv.get("/api/pages/about?expand=sections.certifications.level")
		require.Equal(t, http.StatusOK, resp.Code, resp)
		certs := resp.object(t)["sections"].([]any)[0].(map[string]any)["certifications"].([]any)
		require.Len(t, certs, 2)
		level := certs[1].(map[string]any)["level"].(map[string]any)
		assert.Equal(t, "professional", level["name"])
		assert.Equal(t, "PROFESSIONAL", level["label"], "an expanded document goes through the read path: x-computed")
		assert.Equal(t, []any{"auto-f"}, certs[1].(map[string]any)["requires"], "not asked for: stays ids")
	})

	t.Run("star expands every reference one level", func(t *testing.T) {
		page := srv.get("/api/pages/about?expand=*").object(t)
		assert.Equal(t, "s2", page["sections"].([]any)[1].(map[string]any)["id"])
		assert.Equal(t, "s1", page["hero"].(map[string]any)["id"])
	})

	t.Run("on lists", func(t *testing.T) {
		items, _ := srv.get("/api/certifications?expand=level,requires").page(t)
		require.Len(t, items, 2)
		assert.Equal(t, "fundamentals", items[0]["level"].(map[string]any)["name"])
		assert.Equal(t, "Automation Fundamentals", items[1]["requires"].([]any)[0].(map[string]any)["title"])
	})

	t.Run("fields applies to the expanded answer", func(t *testing.T) {
		doc := srv.get("/api/certifications/auto-p?expand=level&fields=level").object(t)
		assert.Equal(t, "pro", doc["level"].(map[string]any)["id"])
		assert.NotContains(t, doc, "title")
	})

	t.Run("bad expand parameters", func(t *testing.T) {
		for _, q := range []string{"expand=nope", "expand=sections.nope", "expand=title", "expandDepth=11&expand=sections", "expandDepth=0&expand=sections"} {
			p := assertProblem(t, srv.get("/api/pages/about?"+q), http.StatusBadRequest)
			assert.NotEmpty(t, p["detail"], q)
		}
	})
}

func TestExpandCyclesAndDepth(t *testing.T) {
	srv := newServer(t)
	createCollection(t, srv, "a", `{"type":"object","properties":{"name":{"type":"string"}}}`)
	createCollection(t, srv, "b", `{"type":"object","properties":{"name":{"type":"string"},"a":{"type":"string","x-ref":"a"}}}`)
	require.Equal(t, http.StatusOK, srv.put("/api/_schemas/a", `{"type":"object","properties":{"name":{"type":"string"},"b":{"type":"string","x-ref":"b"}}}`).Code)
	require.Equal(t, http.StatusCreated, srv.post("/api/a", `{"id":"a1","name":"A"}`).Code)
	createDoc(t, srv, "b", `{"id":"b1","name":"B","a":"a1"}`)
	require.Equal(t, http.StatusOK, srv.patch("/api/a/a1", `{"b":"b1"}`).Code)

	t.Run("a document already on the path stays its id", func(t *testing.T) {
		doc := srv.get("/api/a/a1?expand=b.a.b").object(t)
		b := doc["b"].(map[string]any)
		assert.Equal(t, "B", b["name"])
		assert.Equal(t, "a1", b["a"], "a -> b -> a ends at the id")
	})

	t.Run("the depth bound", func(t *testing.T) {
		assertProblem(t, srv.get("/api/a/a1?expand=b.a.b.a"), http.StatusBadRequest)
		resp := srv.get("/api/a/a1?expand=b.a.b.a&expandDepth=4")
		require.Equal(t, http.StatusOK, resp.Code, resp)
		assert.Equal(t, "a1", resp.object(t)["b"].(map[string]any)["a"])
		deep := strings.TrimSuffix(strings.Repeat("b.a.", 6), ".")
		assertProblem(t, srv.get("/api/a/a1?expand="+deep+"&expandDepth=10"), http.StatusBadRequest)
	})

	t.Run("a self reference", func(t *testing.T) {
		createCollection(t, srv, "nodes", `{"type":"object","properties":{"parent":{"type":"string","x-ref":"nodes"}}}`)
		createDoc(t, srv, "nodes", `{"id":"root"}`)
		createDoc(t, srv, "nodes", `{"id":"n1","parent":"root"}`)
		createDoc(t, srv, "nodes", `{"id":"n2","parent":"n1"}`)
		doc := srv.get("/api/nodes/n2?expand=parent.parent").object(t)
		assert.Equal(t, "root", doc["parent"].(map[string]any)["parent"].(map[string]any)["id"])
	})
}

func TestPublishing(t *testing.T) {
	srv := newServerConfig(t, engine.Config{AnonymousRole: documents.RolePublic})
	admin := bearer(t, srv, documents.RoleAdmin, "")
	editor := bearer(t, srv, documents.RoleEditor, "")
	reader := bearer(t, srv, "learner", "l1")
	require.Equal(t, http.StatusCreated, srv.put("/api/_schemas/articles", `{"type":"object","x-publish":true,
		"x-access":{"read":"true"},
		"properties":{"title":{"type":"string"},"related":{"type":"array","items":{"type":"string","x-ref":"articles"}}}}`, admin...).Code)

	draft := srv.post("/api/articles", `{"id":"draft","title":"Not yet"}`, editor...)
	require.Equal(t, http.StatusCreated, draft.Code, draft)
	assert.Equal(t, documents.StatusDraft, draft.object(t)["_status"], "a new document starts as a draft")
	pub := srv.post("/api/articles", `{"id":"live","title":"Live","related":["draft"],"_status":"published"}`, editor...)
	require.Equal(t, http.StatusCreated, pub.Code, pub)
	assert.Equal(t, documents.StatusPublished, pub.object(t)["_status"], "a writer may publish at once")
	assertProblem(t, srv.post("/api/articles", `{"title":"x","_status":"live"}`, editor...), http.StatusUnprocessableEntity)

	t.Run("drafts are hidden from normal reads", func(t *testing.T) {
		for _, who := range [][]string{nil, reader, editor} {
			assertProblem(t, srv.get("/api/articles/draft", who...), http.StatusNotFound)
			items, _ := srv.get("/api/articles", who...).page(t)
			assert.Equal(t, []string{"live"}, idsOf(items))
		}
	})

	t.Run("preview shows drafts to editors and admins only", func(t *testing.T) {
		assert.Equal(t, http.StatusOK, srv.get("/api/articles/draft?preview=true", editor...).Code)
		items, _ := srv.get("/api/articles?preview=true", admin...).page(t)
		assert.Equal(t, []string{"draft", "live"}, idsOf(items))
		assertProblem(t, srv.get("/api/articles/draft?preview=true", reader...), http.StatusForbidden)
		assertProblem(t, srv.get("/api/articles?preview=true"), http.StatusForbidden)
	})

	t.Run("expand does not leak a draft", func(t *testing.T) {
		doc := srv.get("/api/articles/live?expand=related", reader...).object(t)
		assert.Equal(t, []any{"draft"}, doc["related"])
		doc = srv.get("/api/articles/live?expand=related&preview=true", editor...).object(t)
		assert.Equal(t, "Not yet", doc["related"].([]any)[0].(map[string]any)["title"])
	})

	t.Run("publish and unpublish", func(t *testing.T) {
		resp := srv.post("/api/articles/draft/publish", "", editor...)
		require.Equal(t, http.StatusOK, resp.Code, resp)
		assert.Equal(t, documents.StatusPublished, resp.object(t)["_status"])
		assert.EqualValues(t, 2, resp.object(t)["_rev"], "a new revision")
		assert.Equal(t, http.StatusOK, srv.get("/api/articles/draft", reader...).Code)
		require.Equal(t, http.StatusOK, srv.post("/api/articles/draft/unpublish", "", editor...).Code)
		assertProblem(t, srv.get("/api/articles/draft", reader...), http.StatusNotFound)
		assertProblem(t, srv.post("/api/articles/draft/publish", "", reader...), http.StatusForbidden)
		assertProblem(t, srv.post("/api/articles/nope/publish", "", editor...), http.StatusNotFound)
		require.Equal(t, http.StatusCreated, srv.put("/api/_schemas/plain", `{"type":"object"}`, admin...).Code)
		require.Equal(t, http.StatusCreated, srv.post("/api/plain", `{"id":"p"}`, admin...).Code)
		assertProblem(t, srv.post("/api/plain/p/publish", "", admin...), http.StatusConflict)
	})

	t.Run("a PATCH keeps the status", func(t *testing.T) {
		resp := srv.patch("/api/articles/live", `{"title":"Live, edited"}`, editor...)
		require.Equal(t, http.StatusOK, resp.Code, resp)
		assert.Equal(t, documents.StatusPublished, resp.object(t)["_status"])
	})
}

func TestAudience(t *testing.T) {
	srv := newServerConfig(t, engine.Config{AnonymousRole: documents.RolePublic})
	admin := bearer(t, srv, documents.RoleAdmin, "")
	partner := bearer(t, srv, "partner", "acme")
	learner := bearer(t, srv, "learner", "l1")
	require.Equal(t, http.StatusCreated, srv.put("/api/_schemas/sections", `{"type":"object",
		"x-access":{"read":"true"},
		"x-audience":"!(\"partners\" in doc.segments) || auth.role == \"partner\"",
		"properties":{"heading":{"type":"string"},"segments":{"type":"array","items":{"type":"string"}}}}`, admin...).Code)
	require.Equal(t, http.StatusCreated, srv.put("/api/_schemas/pages", `{"type":"object","x-access":{"read":"true"},
		"properties":{"sections":{"type":"array","items":{"type":"string","x-ref":"sections"}}}}`, admin...).Code)
	for _, body := range []string{`{"id":"all","heading":"Everyone","segments":[]}`, `{"id":"deals","heading":"Partner deals","segments":["partners"]}`} {
		require.Equal(t, http.StatusCreated, srv.post("/api/sections", body, admin...).Code)
	}
	require.Equal(t, http.StatusCreated, srv.post("/api/pages", `{"id":"about","sections":["all","deals"]}`, admin...).Code)

	tests := []struct {
		name    string
		who     []string
		visible []string
	}{
		{"a partner", partner, []string{"all", "deals"}},
		{"a learner", learner, []string{"all"}},
		{"anonymous", nil, []string{"all"}},
		{"an admin sees everything", admin, []string{"all", "deals"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, _ := srv.get("/api/sections", tt.who...).page(t)
			assert.Equal(t, tt.visible, idsOf(items), "list")
			status := http.StatusNotFound
			if len(tt.visible) == 2 {
				status = http.StatusOK
			}
			assert.Equal(t, status, srv.get("/api/sections/deals", tt.who...).Code, "get")
			page := srv.get("/api/pages/about?expand=sections", tt.who...).object(t)
			var got []string
			for _, s := range page["sections"].([]any) {
				if m, ok := s.(map[string]any); ok {
					got = append(got, m["id"].(string))
				}
			}
			assert.Equal(t, tt.visible, got, "expand")
		})
	}
}

// bearer creates a key and returns the header that presents it.
func bearer(t testing.TB, srv *testServer, role, subject string) []string {
	t.Helper()
	secret, _, err := srv.svc.PutKey(t.Context(), documents.KeySpec{Role: role, Subject: subject})
	require.NoError(t, err)
	return []string{"Authorization", "Bearer " + secret}
}

// BenchmarkExpand reads one document expanding 10 references, each
// expanding 10 more: 111 documents in one answer.
func BenchmarkExpand(b *testing.B) {
	srv := newServer(b)
	createCollection(b, srv, "leaves", `{"type":"object","properties":{"text":{"type":"string"},"n":{"type":"integer"}}}`)
	createCollection(b, srv, "branches", `{"type":"object","properties":{"title":{"type":"string"},"leaves":{"type":"array","items":{"type":"string","x-ref":"leaves"}}}}`)
	createCollection(b, srv, "trees", `{"type":"object","properties":{"title":{"type":"string"},"branches":{"type":"array","items":{"type":"string","x-ref":"branches"}}}}`)
	createMany(b, srv, "leaves", 100, func(i int) string { return fmt.Sprintf(`{"id":"l%03d","text":"leaf %d","n":%d}`, i, i, i) })
	var branchIDs []string
	createMany(b, srv, "branches", 10, func(i int) string {
		var ls []string
		for j := range 10 {
			ls = append(ls, fmt.Sprintf(`"l%03d"`, i*10+j))
		}
		branchIDs = append(branchIDs, fmt.Sprintf(`"b%02d"`, i))
		return fmt.Sprintf(`{"id":"b%02d","title":"branch %d","leaves":[%s]}`, i, i, strings.Join(ls, ","))
	})
	createDoc(b, srv, "trees", `{"id":"t","title":"tree","branches":[`+strings.Join(branchIDs, ",")+`]}`)
	createMany(b, srv, "trees", 50, func(i int) string {
		return fmt.Sprintf(`{"id":"t%02d","title":"tree %d","branches":[%s]}`, i, i, strings.Join(branchIDs[:3], ","))
	})

	b.Run("get 111 documents", func(b *testing.B) {
		resp := srv.get("/api/trees/t?expand=branches.leaves")
		require.Equal(b, http.StatusOK, resp.Code, resp)
		require.Contains(b, string(resp.Body), `"leaf 99"`)
		b.ReportAllocs()
		for b.Loop() {
			if resp := srv.get("/api/trees/t?expand=branches.leaves"); resp.Code != http.StatusOK {
				b.Fatal(resp)
			}
		}
	})
	b.Run("list 50 expanding one level", func(b *testing.B) {
		path := "/api/trees?limit=50&cursor=&expand=" + url.QueryEscape("branches")
		items, _ := srv.get(path).page(b)
		require.Len(b, items, 50)
		require.IsType(b, map[string]any{}, items[1]["branches"].([]any)[0])
		b.ReportAllocs()
		for b.Loop() {
			if resp := srv.get(path); resp.Code != http.StatusOK {
				b.Fatal(resp)
			}
		}
	})
}
