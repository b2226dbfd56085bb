package schemas

import (
	"slices"
	"strconv"
	"strings"
)

// Operations are the operations an x-access formula may govern.
var Operations = []string{"list", "read", "create", "update", "delete"}

// Private is an x-private property: removed from what a reader gets unless
// the reader may see it.
type Private struct {
	// Path is the property's place in a document: property names, with
	// "*" for every item of an array ("options", "*", "correct").
	Path []string
	// Pointer is the JSON Pointer of the keyword in the schema.
	Pointer string
	// When is a formula deciding, per reader, who may see the property;
	// empty for x-private: true (only privileged roles see it).
	When string
}

// access reads the root keywords x-access and x-audience, and the x-private
// properties anywhere under properties and items.
func access(coll *Collection, root map[string]any, doc any) error {
	if v, ok := root["x-access"]; ok {
		m, isObject := v.(map[string]any)
		if !isObject {
			return invalid(coll.Name, "/x-access", `must be an object of formulas: {"read": "...", "list": "...", "create": "...", "update": "...", "delete": "..."}`)
		}
		coll.Access = map[string]string{}
		for _, op := range sortedKeys(m) {
			src, isString := m[op].(string)
			if !isOperation(op) {
				return invalid(coll.Name, "/x-access/"+escape(op), "is not an operation: use list, read, create, update or delete")
			}
			if !isString || strings.TrimSpace(src) == "" {
				return invalid(coll.Name, "/x-access/"+escape(op), "must be a formula (a non-empty string)")
			}
			coll.Access[op] = src
		}
	}
	if v, ok := root["x-audience"]; ok {
		src, isString := v.(string)
		if !isString || strings.TrimSpace(src) == "" {
			return invalid(coll.Name, "/x-audience", "must be a formula (a non-empty string)")
		}
		coll.Audience = src
	}
	p := &privates{coll: coll, root: root}
	p.visit(root, "", nil, nil)
	if p.err != nil {
		return p.err
	}
	return nil
}

// privates collects the x-private properties by following the schema from
// its root through properties, items, allOf/anyOf/oneOf and local $refs,
// so that a property defined once in $defs is private wherever it is used.
type privates struct {
	coll *Collection
	root map[string]any
	err  *InvalidError
}

func (p *privates) visit(node any, pointer string, path []string, refs []string) {
	s, ok := node.(map[string]any)
	if !ok || p.err != nil || len(path) > 32 {
		return
	}
	if v, ok := s["x-private"]; ok {
		at := pointer + "/x-private"
		switch v := v.(type) {
		case bool:
			if v && len(path) > 0 {
				p.coll.Private = append(p.coll.Private, Private{Path: slices.Clone(path), Pointer: at})
			}
		case string:
			if strings.TrimSpace(v) == "" {
				p.err = invalid(p.coll.Name, at, "must be true, false or a formula")
				return
			}
			if len(path) > 0 {
				p.coll.Private = append(p.coll.Private, Private{Path: slices.Clone(path), Pointer: at, When: v})
			}
		default:
			p.err = invalid(p.coll.Name, at, "must be true, false or a formula")
			return
		}
		if len(path) == 0 {
			p.err = invalid(p.coll.Name, at, "x-private applies to properties, not to the whole document")
			return
		}
	}
	if props, ok := s["properties"].(map[string]any); ok {
		for _, name := range sortedKeys(props) {
			p.visit(props[name], pointer+"/properties/"+escape(name), append(path, name), refs)
		}
	}
	if items, ok := s["items"].(map[string]any); ok {
		p.visit(items, pointer+"/items", append(path, "*"), refs)
	}
	for _, kw := range []string{"allOf", "anyOf", "oneOf"} {
		list, _ := s[kw].([]any)
		for i, sub := range list {
			p.visit(sub, pointer+"/"+kw+"/"+strconv.Itoa(i), path, refs)
		}
	}
	if ref, ok := s["$ref"].(string); ok && strings.HasPrefix(ref, "#/") && !slices.Contains(refs, ref) {
		if target, found := lookupFragment(p.root, ref[1:]); found {
			p.visit(target, ref[1:], path, append(refs, ref))
		}
	}
}

func isOperation(op string) bool {
	for _, o := range Operations {
		if o == op {
			return true
		}
	}
	return false
}
