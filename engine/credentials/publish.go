package credentials

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/go-jose/go-jose/v4"

	"github.com/credence/credence/documents"
)

// Publisher publishes the issuer's public keys, and lets an admin rotate
// them:
//
//	GET  /.well-known/did.json      the did:web document of the host: every key, as Multikey
//	GET  /.well-known/jwks.json     the same keys as a JSON Web Key Set (OKP, Ed25519)
//	GET  /api/_issuer/keys          the keys, the current one last (admin)
//	POST /api/_issuer/keys/rotate   a new current key; the others retired, still published (admin)
type Publisher struct {
	Keys *Keys
	// Issuer, when set, also serves the credentials it issued:
	//
	//	GET  /credentials/{id}             the credential: JSON with its proof, a VC-JWT (Accept: application/vc+jwt), or a page (Accept: text/html)
	//	GET  /credentials/{id}/badge.svg   the badge image, the credential baked in (Open Badges 3.0 baking)
	//	GET  /credentials/status/{list}    a signed Bitstring Status List ("revocation-1", "suspension-1")
	//	POST /api/_verify                  verify a credential of this issuer handed over (JSON or JWT)
	Issuer *Issuer
	// PublicURL, without an Issuer, is the server's address as the world
	// reaches it ("https://cert.example.org"): the did:web is made from its
	// host; from the request's Host when empty. With an Issuer, its BaseURL.
	PublicURL string
}

// Routes adds the publisher's routes.
func (p *Publisher) Routes(r chi.Router) {
	r.Get("/.well-known/did.json", p.didDocument)
	r.Get("/.well-known/jwks.json", p.jwks)
	r.Get("/api/_issuer/keys", p.admin(p.list))
	r.Post("/api/_issuer/keys/rotate", p.admin(p.rotate))
	if p.Issuer != nil {
		r.Get("/credentials/status/{list}", p.statusList)
		r.Get("/credentials/{id}", p.credential)
		r.Get("/credentials/{id}/badge.svg", p.badge)
		r.Post("/api/_verify", p.verify)
	}
}

// DID is the did:web of the host of publicURL, or of host when it is empty:
// "did:web:cert.example.org", a port escaped ("did:web:localhost%3A8080").
func DID(publicURL, host string) string {
	if u, err := url.Parse(publicURL); err == nil && u.Host != "" {
		host = u.Host
	}
	return "did:web:" + strings.ReplaceAll(url.PathEscape(host), ":", "%3A")
}

// did is the issuer's did:web: the Issuer's when there is one, else from
// PublicURL or the request's host.
func (p *Publisher) did(r *http.Request) string {
	if p.Issuer != nil && p.Issuer.BaseURL != "" {
		return p.Issuer.DID()
	}
	return DID(p.PublicURL, r.Host)
}

// didDocument answers with the DID document that lists every key.
func (p *Publisher) didDocument(w http.ResponseWriter, r *http.Request) {
	keys, err := p.Keys.List(r.Context())
	if err != nil {
		problem(w, r, http.StatusServiceUnavailable, "the issuer's keys cannot be read now")
		return
	}
	did := p.did(r)
	methods := make([]map[string]any, 0, len(keys))
	refs := make([]string, 0, len(keys))
	for _, k := range keys {
		id := did + "#" + k.ID
		methods = append(methods, map[string]any{"id": id, "type": "Multikey", "controller": did, "publicKeyMultibase": k.PublicKeyMultibase()})
		refs = append(refs, id)
	}
	writeJSON(w, http.StatusOK, "application/did+json", true, map[string]any{
		"@context":           []string{"https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"},
		"id":                 did,
		"verificationMethod": methods,
		"assertionMethod":    refs,
	})
}

// jwks answers with the keys as a JSON Web Key Set.
func (p *Publisher) jwks(w http.ResponseWriter, r *http.Request) {
	keys, err := p.Keys.List(r.Context())
	if err != nil {
		problem(w, r, http.StatusServiceUnavailable, "the issuer's keys cannot be read now")
		return
	}
	set := jose.JSONWebKeySet{}
	for _, k := range keys {
		set.Keys = append(set.Keys, jose.JSONWebKey{Key: k.Public, KeyID: k.ID, Algorithm: string(jose.EdDSA), Use: "sig"})
	}
	writeJSON(w, http.StatusOK, "application/jwk-set+json", true, set)
}

func (p *Publisher) list(w http.ResponseWriter, r *http.Request) {
	keys, err := p.Keys.List(r.Context())
	if err != nil {
		problem(w, r, http.StatusServiceUnavailable, "the issuer's keys cannot be read now")
		return
	}
	writeJSON(w, http.StatusOK, "application/json", false, map[string]any{"items": publicKeys(keys)})
}

func (p *Publisher) rotate(w http.ResponseWriter, r *http.Request) {
	k, err := p.Keys.Rotate(r.Context())
	if err != nil {
		problem(w, r, http.StatusServiceUnavailable, "the issuer's key cannot be rotated now")
		return
	}
	writeJSON(w, http.StatusCreated, "application/json", false, publicKeys([]Key{k})[0])
}

// admin lets only an admin key through.
func (p *Publisher) admin(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		a, ok := documents.AuthFrom(r.Context())
		switch {
		case !ok || a.Role == "" || a.Role == documents.RolePublic:
			problem(w, r, http.StatusUnauthorized, "an admin key is required")
		case a.Role != documents.RoleAdmin:
			problem(w, r, http.StatusForbidden, "only an admin manages the issuer's keys")
		default:
			h(w, r)
		}
	}
}

func publicKeys(keys []Key) []map[string]any {
	out := make([]map[string]any, 0, len(keys))
	for _, k := range keys {
		m := map[string]any{"id": k.ID, "publicKeyMultibase": k.PublicKeyMultibase(), "created": k.Created}
		if k.Retired != nil {
			m["retired"] = k.Retired
		}
		out = append(out, m)
	}
	return out
}

// writeJSON answers with v; public answers may be cached a few minutes
// (a rotation shows within them).
func writeJSON(w http.ResponseWriter, status int, contentType string, public bool, v any) {
	w.Header().Set("Content-Type", contentType)
	if public {
		w.Header().Set("Cache-Control", "public, max-age=300")
	} else {
		w.Header().Set("Cache-Control", "no-store")
	}
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// problem answers with an RFC 9457 problem document.
func problem(w http.ResponseWriter, r *http.Request, status int, detail string) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{
		"type": "about:blank", "title": http.StatusText(status), "status": status,
		"detail": detail, "instance": r.URL.Path,
	})
}
