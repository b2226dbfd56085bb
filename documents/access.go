package documents

import (
	"context"

	"github.com/credence/credence/expressions"
	"github.com/credence/credence/schemas"
	"github.com/credence/credence/store"
)

// The values of _status in a collection with x-publish.
const (
	StatusDraft     = "draft"
	StatusPublished = "published"
)

// accessPrograms are the compiled access keywords of a collection.
type accessPrograms struct {
	ops      map[string]*expressions.Program // x-access, by operation
	audience *expressions.Program            // x-audience
	private  []privateProgram                // x-private
}

type privateProgram struct {
	path []string
	when *expressions.Program // nil for x-private: true
}

// compileAccess compiles x-access, x-audience and x-private formulas.
func compileAccess(cache *expressions.Cache, c *schemas.Collection, bad *Error) accessPrograms {
	var a accessPrograms
	boolean := func(src, path string) *expressions.Program {
		p, err := cache.Compile(src, expressions.Options{Mode: expressions.Bool})
		if err != nil {
			bad.Errors = append(bad.Errors, formulaError(path, err))
			return nil
		}
		return p
	}
	for op, src := range c.Access {
		if p := boolean(src, "/x-access/"+op); p != nil {
			if a.ops == nil {
				a.ops = map[string]*expressions.Program{}
			}
			a.ops[op] = p
		}
	}
	if c.Audience != "" {
		a.audience = boolean(c.Audience, "/x-audience")
	}
	for _, pv := range c.Private {
		pp := privateProgram{path: pv.Path}
		if pv.When != "" {
			if pp.when = boolean(pv.When, pv.Pointer); pp.when == nil {
				continue
			}
		}
		a.private = append(a.private, pp)
	}
	return a
}

func forbidden(a Auth, what, coll string) *Error {
	role := a.Role
	if role == "" {
		role = RolePublic
	}
	return errorf(KindForbidden, "the role %q may not %s %s", role, what, coll)
}

// gate decides whether the caller may write documents of a collection.
type gate struct {
	open bool // the caller may write anything
	auth Auth
	c    *schemas.Collection
	ops  map[string]*expressions.Program
}

// writeGate returns the gate of ctx's caller for writes to c.
func (s *Service) writeGate(ctx context.Context, rs *registryState, c *schemas.Collection) (*gate, error) {
	a, authed := AuthFrom(ctx)
	sc, system := s.system.byName[c.Name]
	if system && sc.ReadOnly && authed {
		return nil, errorf(KindForbidden, "%s is written by Credence alone", c.Name)
	}
	if !authed || a.Role == RoleAdmin || a.Role == RoleEditor && !system {
		return &gate{open: true}, nil
	}
	ops := rs.formulas[c.Name].access.ops
	if ops["create"] == nil && ops["update"] == nil {
		return nil, forbidden(a, "write the documents of", c.Name)
	}
	return &gate{auth: a, c: c, ops: ops}, nil
}

// formulas reports whether the gate runs formulas.
func (g *gate) formulas() bool { return !g.open }

// allow runs the create or update formula against the document to write.
func (g *gate) allow(ev *evaluation, id string, fields map[string]any, old stored, exists bool) error {
	if g.open {
		return nil
	}
	op, what := "create", "create documents in"
	if exists {
		op, what = "update", "update the documents of"
	}
	p := g.ops[op]
	if p == nil {
		return forbidden(g.auth, what, g.c.Name)
	}
	var oldDoc map[string]any
	if exists {
		oldDoc = withID(formulaValue(g.c, content(old)), id)
	}
	v, err := ev.run(p, withID(formulaValue(g.c, fields), id), oldDoc, id)
	if err != nil {
		return formulaRunError("/x-access/"+op, "x-access."+op, err)
	}
	if v != true {
		return forbidden(g.auth, what, g.c.Name)
	}
	return nil
}

// allowStored decides on the stored document before anything else runs: a
// caller who may not read it gets a 404, one who may read but not update
// it a 403.
func (g *gate) allowStored(ev *evaluation, id string, old stored) error {
	if g.open {
		return nil
	}
	doc := withID(formulaValue(g.c, content(old)), id)
	read := g.ops["read"]
	if read == nil {
		read = g.ops["list"]
	}
	if read == nil {
		return forbidden(g.auth, "update the documents of", g.c.Name)
	}
	if !holds(ev.run(read, doc, nil, id)) {
		return errorf(KindNotFound, "no document %q in %s", id, g.c.Name)
	}
	if p := g.ops["update"]; p == nil || !holds(ev.run(p, doc, nil, id)) {
		return forbidden(g.auth, "update the documents of", g.c.Name)
	}
	return nil
}

// holds reports whether a formula ran and gave true.
func holds(v any, err error) bool { return err == nil && v == true }

// allowDelete runs the delete formula against the stored document.
func (s *Service) allowDelete(ctx context.Context, tx store.Reader, rs *registryState, coll string, raw []byte) error {
	a, authed := AuthFrom(ctx)
	sc, system := s.system.byName[coll]
	if system && sc.ReadOnly && authed {
		return errorf(KindForbidden, "%s is written by Credence alone", coll)
	}
	if !authed || a.Role == RoleAdmin || a.Role == RoleEditor && !system {
		return nil
	}
	c, _ := rs.reg.Collection(coll)
	ops := rs.formulas[coll].accessOps()
	d, err := decodeStored(raw)
	if err != nil {
		return err
	}
	ev := s.evaluation(ctx, tx, rs)
	// A document the caller may not read does not exist for it.
	read := ops["read"]
	if read == nil {
		read = ops["list"]
	}
	if c == nil || read == nil {
		return forbidden(a, "delete the documents of", coll)
	}
	if !holds(ev.run(read, withID(formulaValue(c, content(d)), d.str(fieldID)), nil, d.str(fieldID))) {
		return errorf(KindNotFound, "no document %q in %s", d.str(fieldID), coll)
	}
	p := ops["delete"]
	if p == nil {
		return forbidden(a, "delete the documents of", coll)
	}
	v, err := ev.run(p, withID(formulaValue(c, content(d)), d.str(fieldID)), nil, d.str(fieldID))
	if err != nil {
		return formulaRunError("/x-access/delete", "x-access.delete", err)
	}
	if v != true {
		return forbidden(a, "delete the documents of", coll)
	}
	return nil
}

// view is what one caller may see of one collection: which documents
// (x-access, publishing, x-audience) and which of their fields (x-private).
type view struct {
	coll    string
	c       *schemas.Collection // nil for _schemas
	f       *formulas
	authed  bool
	auth    Auth
	open    bool                 // every document is admitted by access
	rule    *expressions.Program // the read or list formula, when not open
	drafts  bool                 // drafts are admitted
	publish bool                 // the collection has x-publish
	// audience applies to callers who are not privileged.
	audience *expressions.Program
	// private lists the fields to hide from this caller.
	private  []privateProgram
	computed bool // the collection has x-computed fields
	// reads are the top-level fields the rule and the audience read, when
	// they name them all (readsAll is false): admit then decodes only those.
	reads    []string
	readsAll bool
}

// view returns what ctx's caller may see of coll, for op "read" or "list".
// preview asks for drafts too, which only privileged callers may see.
func (s *Service) view(ctx context.Context, rs *registryState, coll, op string, preview bool) (*view, error) {
	if !rs.exists(coll) {
		return nil, errorf(KindNotFound, "no collection named %q", coll)
	}
	a, authed := AuthFrom(ctx)
	priv := privileged(ctx)
	if preview && !priv {
		return nil, errorf(KindForbidden, "only editors and admins may preview drafts")
	}
	c, _ := rs.reg.Collection(coll)
	f := rs.formulas[coll]
	v := &view{coll: coll, c: c, f: f, authed: authed, auth: a, drafts: preview}
	v.computed = f != nil && len(f.computed) > 0
	if c != nil {
		v.publish = c.Publish
	}
	system := coll == SchemasCollection || isSystem(coll)
	switch {
	case !authed || a.Role == RoleAdmin:
		v.open = true
	case a.Role == RoleEditor && (!system || coll == SchemasCollection):
		v.open = true
	default:
		ops := f.accessOps()
		v.rule = ops[op]
		if v.rule == nil {
			v.rule = ops[map[string]string{"read": "list", "list": "read"}[op]]
		}
		if v.rule == nil {
			return nil, forbidden(a, op, coll)
		}
	}
	if f != nil {
		if !priv {
			v.audience = f.access.audience
		}
		for _, p := range []*expressions.Program{v.rule, v.audience} {
			if p != nil {
				v.readsAll = v.readsAll || p.ReadsWholeDoc()
				v.reads = append(v.reads, p.DocFields()...)
			}
		}
		for _, pp := range f.access.private {
			switch {
			case !authed:
				// Internal callers (export, automations) see everything.
			case pp.when != nil:
				v.private = append(v.private, pp)
			case !priv:
				v.private = append(v.private, pp)
			}
		}
	}
	return v, nil
}

// plain reports whether the view passes stored documents as they are.
func (v *view) plain() bool {
	return v.open && !v.publish && v.audience == nil && len(v.private) == 0 && !v.computed
}

// filters reports whether the view may hide documents.
func (v *view) filters() bool {
	return !v.open || v.publish && !v.drafts || v.audience != nil
}

// admit reports whether the caller may see the stored document d.
func (v *view) admit(ev *evaluation, d stored) (bool, error) {
	if v.publish && !v.drafts && d.str(fieldStatus) != StatusPublished {
		return false, nil
	}
	if v.rule == nil && v.audience == nil {
		return true, nil
	}
	doc := withID(formulaValue(v.c, content(d)), d.str(fieldID))
	id := d.str(fieldID)
	for _, p := range []*expressions.Program{v.rule, v.audience} {
		if p == nil {
			continue
		}
		ok, err := ev.run(p, doc, nil, id)
		if err != nil {
			// A formula that fails for a document hides it rather than
			// failing the read or showing what it should guard.
			return false, nil
		}
		if ok != true {
			return false, nil
		}
	}
	return true, nil
}

// admitRaw is admit on a stored document's bytes: it decodes only the
// fields the formulas read, where it can tell which.
func (v *view) admitRaw(ev *evaluation, raw []byte) (bool, error) {
	if v.readsAll {
		d, err := decodeStored(raw)
		if err != nil {
			return false, err
		}
		return v.admit(ev, d)
	}
	d := make(stored, len(v.reads)+2)
	err := topFields(raw, append(v.reads, fieldID, fieldStatus), func(k string, value []byte) error {
		val, err := decodeJSON(value)
		d[k] = val
		return err
	})
	if err != nil {
		return false, err
	}
	return v.admit(ev, d)
}

// present returns the document as the caller gets it: x-computed fields
// added, x-private fields the caller may not see removed.
func (v *view) present(ev *evaluation, raw []byte) ([]byte, bool, error) {
	if v.computed {
		var err error
		if raw, err = ev.computeRead(v.c, v.f, raw); err != nil {
			return nil, false, err
		}
	}
	return v.strip(ev, raw, nil)
}

// strip removes the x-private fields the caller may not see. d is raw
// decoded, when the caller has it; strip may change it.
func (v *view) strip(ev *evaluation, raw []byte, d stored) ([]byte, bool, error) {
	if len(v.private) == 0 {
		return raw, false, nil
	}
	if d == nil {
		var err error
		if d, err = decodeStored(raw); err != nil {
			return nil, false, err
		}
	}
	var doc map[string]any
	hidden := false
	for _, pp := range v.private {
		if pp.when != nil {
			if doc == nil {
				doc = withID(formulaValue(v.c, content(d)), d.str(fieldID))
			}
			ok, err := ev.run(pp.when, doc, nil, d.str(fieldID))
			if err == nil && ok == true {
				continue
			}
		}
		if removePath(map[string]any(d), pp.path) {
			hidden = true
		}
	}
	if !hidden {
		return raw, false, nil
	}
	out, err := recompose(d)
	return out, true, err
}

// removePath deletes the value at path ("*" for every array item) and
// reports whether anything was removed.
func removePath(v any, path []string) bool {
	if len(path) == 0 {
		return false
	}
	switch v := v.(type) {
	case map[string]any:
		if path[0] == "*" {
			return false
		}
		if len(path) == 1 {
			_, ok := v[path[0]]
			delete(v, path[0])
			return ok
		}
		return removePath(v[path[0]], path[1:])
	case []any:
		if path[0] != "*" {
			return false
		}
		removed := false
		for _, e := range v {
			removed = removePath(e, path[1:]) || removed
		}
		return removed
	}
	return false
}

// hides reports whether the view hides field (top-level) from the caller
// for every document: sorting or filtering on it would reveal it.
func (v *view) hides(field string) bool {
	for _, pp := range v.private {
		if pp.path[0] == field {
			return true
		}
	}
	return false
}

// accessOps returns the x-access programs of a collection (nil-safe).
func (f *formulas) accessOps() map[string]*expressions.Program {
	if f == nil {
		return nil
	}
	return f.access.ops
}

// Publish sets the _status of a document of a collection with x-publish:
// published (true) or draft (false), as a new revision.
func (s *Service) Publish(ctx context.Context, coll, id string, publish bool, opts WriteOptions) (*Document, error) {
	rs := s.state.Load()
	c, err := rs.collection(coll)
	if err != nil {
		return nil, err
	}
	if !c.Publish {
		return nil, errorf(KindConflict, "%s has no draft and published states: its schema does not set x-publish", coll)
	}
	status := StatusDraft
	if publish {
		status = StatusPublished
	}
	return s.update(ctx, coll, id, writeMode{ifMatch: opts.IfMatch, mustExist: true, status: status, idempotencyKey: opts.IdempotencyKey}, nil,
		func(old stored) (map[string]any, error) { return content(old), nil })
}
