package engine

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/openapi"
	"github.com/credence/credence/schemas"
)

// specs builds the OpenAPI document of the live collections, once per
// registry (a schema change installs a new one) and version. A reader gets
// a whole document or waits for one: never a half-built spec.
type specs struct {
	mu    sync.Mutex
	reg   *schemas.Registry
	built map[string][]byte // "3.1/json", "3.0/yaml", ...
}

// Spec builds the OpenAPI document of svc's collections, with a stored
// document of each that the public may read as its example, in the given version ("3.1" or "3.0")
// and format ("json" or "yaml").
func Spec(ctx context.Context, svc Service, version, format string) ([]byte, error) {
	reg := svc.Registry()
	examples := map[string]json.RawMessage{}
	// One spec for every caller: its examples are what the public may
	// read, never a private field or a document hidden from anyone.
	ctx = documents.WithAuth(ctx, documents.Auth{Role: documents.RolePublic})
	for _, name := range append([]string{documents.SchemasCollection}, reg.Names()...) {
		page, err := svc.List(ctx, name, documents.ListOptions{Limit: 1})
		if documents.KindOf(err) == documents.KindForbidden {
			continue
		}
		if err != nil {
			return nil, err
		}
		if len(page.Items) > 0 {
			examples[name] = page.Items[0]
		}
	}
	doc, err := openapi.Build(reg, openapi.Options{Version: version, Examples: examples})
	if err != nil {
		return nil, err
	}
	return openapi.Marshal(doc, format)
}

func (s *specs) get(ctx context.Context, svc Service, version, format string) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if reg := svc.Registry(); reg != s.reg {
		s.reg, s.built = reg, map[string][]byte{}
	}
	key := version + "/" + format
	if b, ok := s.built[key]; ok {
		return b, nil
	}
	b, err := Spec(ctx, svc, version, format)
	if err != nil {
		return nil, err
	}
	s.built[key] = b
	return b, nil
}

func (h *handlers) openapi(format string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		version := r.URL.Query().Get("version")
		switch version {
		case "", "3.1", "3.1.0":
			version = "3.1"
		case "3.0", "3.0.3":
			version = "3.0"
		default:
			h.error(w, r, badRequest("version must be 3.1 or 3.0"))
			return
		}
		b, err := h.specs.get(r.Context(), h.svc, version, format)
		if err != nil {
			h.error(w, r, err)
			return
		}
		if format == "yaml" {
			w.Header().Set("Content-Type", "application/yaml")
		} else {
			w.Header().Set("Content-Type", "application/json")
		}
		w.Write(b)
	}
}
