// Package schemas parses, checks and compiles collection schemas.
//
// A collection is a named JSON Schema (draft 2020-12) whose root describes
// an object, plus Credence's x- keywords (x-unique, x-index, x-publish, ...).
// A Registry is an immutable set of compiled collections: a schema change
// builds a new Registry with jsonschema/v5 and the caller swaps it in
// atomically, so readers never see a half-built state.
//
// Compilation never touches the network or the file system. A $ref resolves
// inside the schema or to another registered collection, whose schema lives
// at the URI "credence://schemas/{name}": from any collection schema,
// {"$ref": "questions"} or {"$ref": "questions#/$defs/choice"} refers to the
// collection "questions". Any other reference is refused.
//
// Validate turns a document into FieldErrors: one per failing JSON Pointer,
// with a message a business user can read. A failed anyOf or oneOf is one
// error at its own location, not one per alternative. Numbers beyond
// 1e-1000 .. 1e1000 are refused in schemas and documents alike, before they
// reach the validator's big-number arithmetic.
package schemas
