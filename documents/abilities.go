package documents

import (
	"github.com/credence/credence/expressions"
	"github.com/credence/credence/schemas"
)

// Abilities are what callers of one role may possibly do with a
// collection. An operation is false only when the role is refused it
// whatever the document: a rule that depends on the document (a learner
// reads her own attempts) leaves it true.
type Abilities struct {
	List, Read, Create, Update, Delete bool
	// Private is set when the role may see x-private properties that
	// have no formula of their own (only privileged roles do).
	Private bool
	// Formulas is set when the role may read the collections' schemas,
	// formulas included.
	Formulas bool
}

// Writes reports whether the role may possibly write a document.
func (a Abilities) Writes() bool { return a.Create || a.Update || a.Delete }

// abilityProbe stands for a caller's key and subject when a formula is
// decided for a role rather than for a caller.
const abilityProbe = "\x00probe"

// Abilities returns what callers of role may possibly do with each
// collection of the current registry, _schemas and the system collections
// included: the same decisions as a request's, taken for the role without
// a document. The role "" is the anonymous caller's (public).
func (s *Service) Abilities(role string) map[string]Abilities {
	rs := s.state.Load()
	if role == "" {
		role = RolePublic
	}
	a := expressions.Auth{Role: role, ID: abilityProbe, Subject: abilityProbe}
	if role == RolePublic {
		a.ID, a.Subject = "", ""
	}
	admin, editor := role == RoleAdmin, role == RoleEditor
	out := map[string]Abilities{}
	switch {
	case admin:
		out[SchemasCollection] = Abilities{List: true, Read: true, Create: true, Update: true, Delete: true, Private: true, Formulas: true}
	case editor:
		out[SchemasCollection] = Abilities{List: true, Read: true, Private: true, Formulas: true}
	default:
		out[SchemasCollection] = Abilities{}
	}
	for _, name := range rs.reg.Names() {
		system := isSystem(name)
		readOnly := system && s.system.byName[name].ReadOnly
		var ab Abilities
		if admin || editor && !system {
			ab = Abilities{List: true, Read: true, Create: true, Update: true, Delete: true, Private: true, Formulas: true}
		} else {
			ops := rs.formulas[name].accessOps()
			c, _ := rs.reg.Collection(name)
			may := func(op string) bool {
				p := ops[op]
				if p == nil {
					return false
				}
				d, ok := p.Decide(a)
				if !ok {
					return true
				}
				if d.Known {
					return d.Value
				}
				for _, fv := range d.Equal {
					if fv.Value == "" && (fv.Field == fieldID || isLink(c, fv.Field)) {
						return false // an anonymous caller's empty subject names no document
					}
				}
				return true
			}
			ab.List, ab.Read = may("list"), may("read")
			if ops["read"] == nil {
				ab.Read = ab.List
			}
			if ops["list"] == nil {
				ab.List = ab.Read
			}
			// A write to a stored document is decided by reading it first.
			ab.Create, ab.Update, ab.Delete = may("create"), may("update") && ab.Read, may("delete") && ab.Read
			ab.Private, ab.Formulas = editor, editor
		}
		if readOnly {
			ab.Create, ab.Update, ab.Delete = false, false, false
		}
		out[name] = ab
	}
	return out
}

// isLink reports whether field is a reference (x-ref) of c, which never
// holds an empty id.
func isLink(c *schemas.Collection, field string) bool {
	if c == nil {
		return false
	}
	for _, l := range c.Links {
		if l.Field == field && !l.Many {
			return true
		}
	}
	return false
}
