// Package engine is Credence's HTTP surface: a chi router whose generic
// routes serve every collection, middleware for request ids, logging,
// panics and body limits, and the one place where errors become
// application/problem+json responses.
//
// New builds the handler from a Config and a documents.Service. Handlers are
// thin: decode the request, call the service, encode the answer.
package engine
