package openapi

import (
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// prune removes the schema components that no operation reaches: the
// Content shape of a collection no $ref embeds, or the shapes of a
// collection the caller may do nothing with.
func prune(doc *openapi3.T) {
	seen := map[*openapi3.Schema]bool{}
	used := map[string]bool{}
	var visit func(r *openapi3.SchemaRef)
	visits := func(rs openapi3.SchemaRefs) {
		for _, r := range rs {
			visit(r)
		}
	}
	visit = func(r *openapi3.SchemaRef) {
		if r == nil {
			return
		}
		if name, ok := strings.CutPrefix(r.Ref, "#/components/schemas/"); ok {
			used[name] = true
		}
		s := r.Value
		if s == nil || seen[s] {
			return
		}
		seen[s] = true
		visits(s.AllOf)
		visits(s.AnyOf)
		visits(s.OneOf)
		visits(s.PrefixItems)
		for _, one := range []*openapi3.SchemaRef{s.Not, s.Items, s.Contains, s.PropertyNames, s.AdditionalProperties.Schema, s.UnevaluatedItems.Schema, s.UnevaluatedProperties.Schema, s.If, s.Then, s.Else} {
			visit(one)
		}
		for _, m := range []openapi3.Schemas{s.Properties, s.PatternProperties, s.DependentSchemas} {
			for _, p := range m {
				visit(p)
			}
		}
	}
	content := func(c openapi3.Content) {
		for _, mt := range c {
			visit(mt.Schema)
		}
	}
	params := func(ps openapi3.Parameters) {
		for _, p := range ps {
			if p.Value != nil {
				visit(p.Value.Schema)
				content(p.Value.Content)
			}
		}
	}
	for _, item := range doc.Paths.Map() {
		params(item.Parameters)
		for _, op := range item.Operations() {
			params(op.Parameters)
			if op.RequestBody != nil && op.RequestBody.Value != nil {
				content(op.RequestBody.Value.Content)
			}
			for _, resp := range op.Responses.Map() {
				if resp.Value == nil {
					continue
				}
				content(resp.Value.Content)
				for _, h := range resp.Value.Headers {
					if h.Value != nil {
						visit(h.Value.Schema)
					}
				}
			}
		}
	}
	// Shared parameters, headers and responses are kept only when used.
	usedParams, usedHeaders, usedResponses := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, item := range doc.Paths.Map() {
		mark := func(ps openapi3.Parameters) {
			for _, p := range ps {
				if n, ok := strings.CutPrefix(p.Ref, "#/components/parameters/"); ok {
					usedParams[n] = true
				}
			}
		}
		mark(item.Parameters)
		for _, op := range item.Operations() {
			mark(op.Parameters)
			for _, resp := range op.Responses.Map() {
				if n, ok := strings.CutPrefix(resp.Ref, "#/components/responses/"); ok {
					usedResponses[n] = true
				}
				if resp.Value != nil {
					for _, h := range resp.Value.Headers {
						if n, ok := strings.CutPrefix(h.Ref, "#/components/headers/"); ok {
							usedHeaders[n] = true
						}
					}
				}
			}
		}
	}
	comps := doc.Components
	for _, r := range comps.Responses {
		if r.Value != nil {
			content(r.Value.Content)
		}
	}
	for n := range comps.Parameters {
		if !usedParams[n] {
			delete(comps.Parameters, n)
		}
	}
	for n := range comps.Headers {
		if !usedHeaders[n] {
			delete(comps.Headers, n)
		}
	}
	for n := range comps.Responses {
		if !usedResponses[n] {
			delete(comps.Responses, n)
		}
	}
	// A component reached only through another component is reached.
	for {
		grew := false
		for n, r := range comps.Schemas {
			if used[n] && !seen[r.Value] {
				visit(r)
				grew = true
			}
		}
		if !grew {
			break
		}
	}
	for n := range comps.Schemas {
		if !used[n] {
			delete(comps.Schemas, n)
		}
	}
}
