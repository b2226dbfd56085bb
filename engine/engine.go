package engine

import (
	"context"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine/admin"
	"github.com/credence/credence/engine/files"
	"github.com/credence/credence/schemas"
)

// DefaultMaxBodyBytes is the default limit on a request body: 1 MiB.
const DefaultMaxBodyBytes = 1 << 20

// Config configures the HTTP engine.
type Config struct {
	// Files keeps the files of x-file fields; without it, no upload or
	// download route answers.
	Files *files.Store
	// PublicURL is the API's address as its callers reach it, for the
	// OpenAPI document's servers; without it, the request's host.
	PublicURL string
	// APILicense is the OpenAPI document's info.license.name, "Proprietary"
	// when empty.
	APILicense string
	// MaxBodyBytes limits request bodies; DefaultMaxBodyBytes when 0.
	MaxBodyBytes int64
	// Logger receives one line per request; nothing is logged when nil.
	Logger *slog.Logger
	// AnonymousRole is the role of requests without an API key:
	// documents.RolePublic when empty.
	AnonymousRole string
	// RateLimit limits the requests of each key; no limit when zero.
	RateLimit RateLimit
	// AuthFailures throttles the failed authentications of each client
	// address; the defaults when zero, off when PerMinute is negative.
	AuthFailures AuthFailureLimit
	// Now returns the current time for the rate and failure limits;
	// time.Now when nil.
	Now func() time.Time
	// CORSOrigins are the browser origins allowed to call the API ("*"
	// for any).
	CORSOrigins []string
	// Routes, when set, adds routes behind the same middleware (request
	// ids, logging, authentication).
	Routes func(r chi.Router)
	// Tokens, when set, checks bearer tokens that are JWTs (three parts):
	// the access tokens of signed-in accounts, accepted wherever an API
	// key is.
	Tokens TokenVerifier
	// Public, when set, is a folder served at / (a frontend: the pack's
	// learner portal), for the GET paths no route takes outside /api/,
	// /auth/, /credentials/, /files/ and /admin/; a path without an
	// extension that names no file gets its index.html (a single-page
	// app's own routes).
	Public fs.FS
	// Closing, when closed, ends the event streams: http.Server.Shutdown
	// waits for every handler, and a stream never ends on its own. Their
	// clients reconnect with Last-Event-ID.
	Closing <-chan struct{}
}

// Service is what the engine needs of the document service.
type Service interface {
	Get(ctx context.Context, coll, id string, opts documents.ReadOptions) (*documents.Document, error)
	List(ctx context.Context, coll string, opts documents.ListOptions) (*documents.Page, error)
	Create(ctx context.Context, coll string, body []byte, opts documents.WriteOptions) (*documents.Document, error)
	Put(ctx context.Context, coll, id string, body []byte, opts documents.WriteOptions) (*documents.Document, error)
	Patch(ctx context.Context, coll, id string, patch []byte, opts documents.WriteOptions) (*documents.Document, error)
	Delete(ctx context.Context, coll, id string, opts documents.WriteOptions) error
	Revisions(ctx context.Context, coll, id string, opts documents.ListOptions) (*documents.Page, error)
	Revision(ctx context.Context, coll, id string, rev int64) (*documents.Document, error)
	Eval(ctx context.Context, req documents.EvalRequest) (*documents.EvalResult, error)
	Registry() *schemas.Registry
	Referrers(ctx context.Context, coll, id string, opts documents.ListOptions) (*documents.ReferrerPage, error)
	Ping(ctx context.Context) error
	Publish(ctx context.Context, coll, id string, publish bool, opts documents.WriteOptions) (*documents.Document, error)
	Authenticate(ctx context.Context, secret string) (documents.Auth, error)
	AuthenticateCached(secret string) (documents.Auth, bool)
	Abilities(role string) map[string]documents.Abilities
	WriteNDJSON(ctx context.Context, w io.Writer) error
	Aggregate(ctx context.Context, coll string, q documents.AggregateQuery) (*documents.Aggregate, error)
	AnalyzeItems(ctx context.Context, coll string, q documents.ItemQuery) (*documents.ItemAnalysis, error)
	VerifyAudit(ctx context.Context) (*documents.AuditReport, error)
	SeedKey() []byte
}

// TokenVerifier checks an access token without the store: the caller it
// acts for, or false.
type TokenVerifier interface {
	Verify(token string) (documents.Auth, bool)
}

// New returns the HTTP handler of Credence.
func New(cfg Config, svc Service) http.Handler {
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.AnonymousRole == "" {
		cfg.AnonymousRole = documents.RolePublic
	}
	h := &handlers{svc: svc, cfg: cfg, log: cfg.Logger, thumbs: newThumbCache(),
		limits: newLimiter(cfg.RateLimit, cfg.Now), failures: newFailureLimiter(cfg.AuthFailures, cfg.Now)}
	if fs, ok := svc.(feedService); ok {
		h.hub = newHub(fs, cfg.Logger)
	}
	r := chi.NewRouter()
	r.Use(h.requestID, h.logRequests, h.recoverPanics, h.cors, middleware.GetHead, h.authenticate)
	r.NotFound(h.notFound)
	r.MethodNotAllowed(h.methodNotAllowed(r))

	// Flat routes, not a mounted sub-router: chi then knows, for every
	// path, which methods it has, and a 405 can say so in Allow.
	r.Get("/healthz", h.health)
	r.Get("/openapi.json", h.openapi("json"))
	r.Get("/openapi.yaml", h.openapi("yaml"))
	r.Get("/docs", h.docs)
	r.Get("/admin", http.RedirectHandler(admin.Prefix, http.StatusMovedPermanently).ServeHTTP)
	r.Handle("/admin/*", admin.Handler())
	r.Post("/api/_eval", h.eval)
	r.Get("/api/_export", h.export)
	r.Get("/api/_audit/_verify", h.verifyAudit)
	r.Get("/api/_events", h.events)
	r.Post("/api/_events/ticket", h.eventTicket)
	r.Get("/api/{collection}", h.list)
	r.Post("/api/{collection}", h.create)
	r.Get("/api/{collection}/_aggregate", h.aggregate)
	r.Get("/api/{collection}/_aggregate.csv", h.aggregateCSV)
	r.Get("/api/{collection}/_itemAnalysis", h.itemAnalysis)
	r.Get("/api/{collection}/{id}", h.get)
	r.Put("/api/{collection}/{id}", h.put)
	r.Patch("/api/{collection}/{id}", h.patch)
	r.Delete("/api/{collection}/{id}", h.delete)
	r.Get("/api/{collection}/{id}/revisions", h.revisions)
	r.Get("/api/{collection}/{id}/revisions/{rev}", h.revision)
	r.Get("/api/{collection}/{id}/referrers", h.referrers)
	r.Post("/api/{collection}/{id}/files/{field}", h.upload)
	r.Get("/api/{collection}/{id}/files/{field}", h.download)
	r.Get("/api/{collection}/{id}/files/{field}/url", h.signedURL)
	r.Get("/files/{sha}", h.signedFile)
	r.Post("/api/{collection}/{id}/publish", h.publish(true))
	r.Post("/api/{collection}/{id}/unpublish", h.publish(false))
	if cfg.Routes != nil {
		cfg.Routes(r)
	}
	return r
}

type handlers struct {
	svc      Service
	cfg      Config
	log      *slog.Logger
	specs    specs
	limits   *limiter
	failures *failureLimiter
	thumbs   *thumbCache
	hub      *hub // nil when the service has no feed
}

func (h *handlers) health(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := h.svc.Ping(ctx); err != nil {
		h.problem(w, r, http.StatusServiceUnavailable, "the store does not answer: "+err.Error(), nil)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write([]byte(`{"status":"ok"}`))
}
