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

// SpecOptions choose the OpenAPI document Spec builds.
type SpecOptions struct {
	// Version is "3.1" (the default) or "3.0"; Format "json" (the default)
	// or "yaml".
	Version, Format string
	// Role is the caller's role: the document shows what that role may
	// do. Admins (and "") get the whole API.
	Role string
	// ServerURL is servers[0].url: the API's public address.
	ServerURL string
	// License is info.license.name.
	License string
}

// Spec builds the OpenAPI document of svc's collections as a caller of
// opts.Role sees them: the operations it may possibly perform, without
// the formulas and private fields it may not read, with a stored document
// of each collection that the public may read as its example.
func Spec(ctx context.Context, svc Service, opts SpecOptions) ([]byte, error) {
	reg := svc.Registry()
	examples := map[string]json.RawMessage{}
	// Examples are what the public may read, never a private field or a
	// document hidden from anyone.
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
	role := opts.Role
	if role == "" {
		role = documents.RoleAdmin
	}
	abilities := svc.Abilities(role)
	access := make(map[string]openapi.Permissions, len(abilities))
	for coll, a := range abilities {
		access[coll] = openapi.Permissions{List: a.List, Read: a.Read, Create: a.Create, Update: a.Update, Delete: a.Delete}
	}
	formulas := abilities[documents.SchemasCollection].Formulas
	doc, err := openapi.Build(reg, openapi.Options{
		Version: opts.Version, Examples: examples, ServerURL: opts.ServerURL, License: opts.License,
		Access: access, HideFormulas: !formulas, Export: role == documents.RoleAdmin, HidePrivate: !abilities[documents.SchemasCollection].Private,
	})
	if err != nil {
		return nil, err
	}
	return openapi.Marshal(doc, opts.Format)
}

// specCacheSize bounds the documents kept per registry: one per role,
// version, format and server address.
const specCacheSize = 64

// specs builds the OpenAPI documents of the live collections, once per
// registry (a schema change installs a new one), role, version, format
// and address. A reader gets a whole document or waits for one: never a
// half-built spec.
type specs struct {
	mu    sync.Mutex
	reg   *schemas.Registry
	built map[SpecOptions][]byte
}

func (s *specs) get(ctx context.Context, svc Service, opts SpecOptions) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if reg := svc.Registry(); reg != s.reg || len(s.built) >= specCacheSize {
		s.reg, s.built = reg, map[SpecOptions][]byte{}
	}
	if b, ok := s.built[opts]; ok {
		return b, nil
	}
	b, err := Spec(ctx, svc, opts)
	if err != nil {
		return nil, err
	}
	s.built[opts] = b
	return b, nil
}

// openapi serves the document of what the caller may do: the whole API to
// an admin, less to others.
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
		b, err := h.specs.get(r.Context(), h.svc, h.specOptions(r, version, format))
		if err != nil {
			h.error(w, r, err)
			return
		}
		if format == "yaml" {
			w.Header().Set("Content-Type", "application/yaml")
		} else {
			w.Header().Set("Content-Type", "application/json")
		}
		w.Header().Set("Vary", "Authorization")
		w.Write(b)
	}
}

// specOptions are the options of the document for r's caller.
func (h *handlers) specOptions(r *http.Request, version, format string) SpecOptions {
	role := h.cfg.AnonymousRole
	if a, ok := documents.AuthFrom(r.Context()); ok {
		role = a.Role
	}
	server := h.cfg.PublicURL
	if server == "" {
		server = origin(r)
	}
	return SpecOptions{Version: version, Format: format, Role: role, ServerURL: server, License: h.cfg.APILicense}
}
