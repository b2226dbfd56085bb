// Package documents is the document service: create, read, replace, patch,
// delete and list JSON documents in collections, with revisions, secondary
// indexes and uniqueness, on top of a store.Store.
//
// Service is the entry point. Collections are themselves documents of the
// system collection "_schemas": writing _schemas/exams validates the body as
// a collection schema, checks the documents already stored against it and
// swaps in a new compiled schemas.Registry, all at once and with no restart.
//
// Every write is one store transaction that writes the document, its
// revision and its index entries together. Documents are stored in a
// canonical JSON form (id first, then the author's fields in key order, then
// the meta fields), so a read can answer with the stored bytes as they are.
//
// Errors are *Error values with a Kind; the HTTP layer maps kinds to status
// codes in one place.
package documents
