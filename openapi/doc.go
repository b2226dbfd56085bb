// Package openapi builds the OpenAPI document of a Credence registry: one
// tag, three component schemas (the read shape <Name>, the write shape
// <Name>Input, the list page <Name>Page) and the generic routes for every
// collection, the system collection _schemas included, with one shared
// problem+json error schema. Build gives OpenAPI 3.1.0, whose schemas are
// JSON Schema 2020-12 and carry the collection schemas nearly as written,
// or OpenAPI 3.0.3 through a conversion that says in a schema's description
// what 3.0 cannot express rather than leaving it out silently. Marshal
// encodes the document as JSON or YAML in a stable order.
package openapi
