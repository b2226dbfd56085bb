// Package admin serves the admin UI: a single-page application, built with
// Vite from the sources in ui/ and committed in dist/, embedded in the
// binary so that serving it needs neither Node.js nor a network. The UI
// speaks only the public REST API; this package holds no endpoints of its
// own beyond the static files.
package admin
