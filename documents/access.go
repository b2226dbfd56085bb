package documents

import (
	"context"
	"encoding/json"
	"slices"
	"strings"

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
	secrets  []privateProgram                // x-secret
	// reads are the plans of reads and lists, decided once per schema so
	// that a request only picks one.
	reads readPlans
}

// readPlan is what a read runs to decide whether a caller sees a stored
// document: rule (x-access) and audience (x-audience), each may be nil,
// and the top-level fields they read.
type readPlan struct {
	rule, audience *expressions.Program
	// fields are the members admitRaw decodes: id, _status and the
	// document's fields the formulas read. all means the formulas may
	// read any field: admitRaw then decodes the whole document.
	fields []string
	all    bool
}

// readPlans are the plans of one collection: by operation (read, list)
// for callers the rule applies to, with or without the audience, and for
// callers who see every document (audience only, or nothing).
type readPlans struct {
	rule, ruleAudience map[string]*readPlan
	audience, none     *readPlan
}

func newReadPlan(rule, audience *expressions.Program) *readPlan {
	rp := &readPlan{rule: rule, audience: audience, fields: []string{fieldID, fieldStatus}}
	for _, p := range []*expressions.Program{rule, audience} {
		if p == nil {
			continue
		}
		rp.all = rp.all || p.ReadsWholeDoc()
		for _, f := range p.DocFields() {
			if f != fieldID && !strings.HasPrefix(f, "_") && !slices.Contains(rp.fields, f) {
				rp.fields = append(rp.fields, f)
			}
		}
	}
	return rp
}

// planReads fills a.reads from its programs. A read uses the list
// formula when it has no read formula of its own, and a list the read
// formula.
func (a *accessPrograms) planReads() {
	a.reads = readPlans{
		rule:         map[string]*readPlan{},
		ruleAudience: map[string]*readPlan{},
		audience:     newReadPlan(nil, a.audience),
		none:         newReadPlan(nil, nil),
	}
	for op, other := range map[string]string{"read": "list", "list": "read"} {
		rule := a.ops[op]
		if rule == nil {
			rule = a.ops[other]
		}
		if rule != nil {
			a.reads.rule[op] = newReadPlan(rule, nil)
			a.reads.ruleAudience[op] = newReadPlan(rule, a.audience)
		}
	}
}

type privateProgram struct {
	path   []string
	when   *expressions.Program // nil for x-private: true
	secret bool                 // x-secret given by writers: its presence is told (_secrets)
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
	for _, f := range c.Secrets {
		a.secrets = append(a.secrets, privateProgram{path: []string{f}, secret: !slices.Contains(c.ServerSecrets, f)})
	}
	a.planReads()
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
	open    bool // every document is admitted by access
	drafts  bool // drafts are admitted
	publish bool // the collection has x-publish
	// readPlan holds the read or list formula (when not open) and the
	// audience (for callers who are not privileged), less those decided
	// for this caller once (expressions.Decide): a formula that comes to
	// a value is dropped, or hides everything (none); one that comes to
	// field comparisons leaves them in equal.
	readPlan
	none  bool
	equal []expressions.FieldValue
	// compared are the fields admitFields reads when only equal is left.
	compared    []string
	comparedBuf [4]string
	// private lists the fields to hide from this caller.
	private  []privateProgram
	computed bool // the collection has x-computed fields
}

// view returns what ctx's caller may see of coll, for op "read" or "list".
// preview asks for drafts too, which only privileged callers may see.
func (s *Service) view(ctx context.Context, rs *registryState, coll, op string, preview bool) (*view, error) {
	if !rs.exists(coll) {
		return nil, noCollection(coll)
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
	v.open = !authed || a.Role == RoleAdmin || a.Role == RoleEditor && (!system || coll == SchemasCollection)
	if f == nil {
		if !v.open {
			return nil, forbidden(a, op, coll)
		}
		v.all = true // no plan: admitRaw decodes what it needs
		return v, nil
	}
	plans := &f.access.reads
	var plan *readPlan
	switch {
	case v.open && priv:
		plan = plans.none
	case v.open:
		plan = plans.audience
	case priv:
		plan = plans.rule[op]
	default:
		plan = plans.ruleAudience[op]
	}
	if plan == nil {
		return nil, forbidden(a, op, coll)
	}
	v.readPlan = *plan
	v.decide(plans.none.fields)
	// Secrets are hidden from every reader, internal ones included: the
	// room that uses one reads it with Service.Secret.
	v.private = append(v.private, f.access.secrets...)
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
	return v, nil
}

// decide decides the rule and the audience for the caller where they
// can be (see view.equal). meta are the fields admitRaw decodes when no
// formula is left to run.
func (v *view) decide(meta []string) {
	a := expressions.Auth{ID: v.auth.KeyID, Role: v.auth.Role, Subject: v.auth.Subject}
	decided := false
	for _, p := range []**expressions.Program{&v.rule, &v.audience} {
		if *p == nil {
			continue
		}
		d, ok := (*p).Decide(a)
		if !ok {
			continue
		}
		decided, *p = true, nil
		switch {
		case d.Known && !d.Value:
			v.none = true
		case !d.Known:
			for _, fv := range d.Equal {
				// Formulas do not see meta fields: doc._x is nil.
				v.none = v.none || strings.HasPrefix(fv.Field, "_")
			}
			if v.equal == nil {
				v.equal = d.Equal
			} else {
				v.equal = append(slices.Clip(v.equal), d.Equal...)
			}
		}
	}
	if decided && v.rule == nil && v.audience == nil && v.equal == nil && !v.all {
		// The plan's fields hold the compared ones: narrow them only
		// when nothing is left to compare.
		v.fields = meta
	}
	if v.rule == nil && v.audience == nil {
		v.compared = v.comparedBuf[:0]
		if v.publish && !v.drafts {
			v.compared = append(v.compared, fieldStatus)
		}
		for _, fv := range v.equal {
			if !slices.Contains(v.compared, fv.Field) {
				v.compared = append(v.compared, fv.Field)
			}
		}
	}
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
	switch {
	case v.none:
		return false, nil
	case v.publish && !v.drafts && d.str(fieldStatus) != StatusPublished:
		return false, nil
	case v.rule == nil && v.audience == nil && v.equal == nil:
		return true, nil
	}
	id := d.str(fieldID)
	return v.admitDoc(ev, withID(formulaValue(v.c, content(d)), id), id), nil
}

// admitDoc runs the comparisons, the rule and the audience on doc, the
// document as formulas see it.
func (v *view) admitDoc(ev *evaluation, doc map[string]any, id string) bool {
	for _, fv := range v.equal {
		// As == in a formula: a field that is not a string (a date
		// included, which formulas see as a time) is not equal.
		if s, ok := doc[fv.Field].(string); !ok || s != fv.Value {
			return false
		}
	}
	for _, p := range []*expressions.Program{v.rule, v.audience} {
		if p == nil {
			continue
		}
		// A formula that fails for a document hides it rather than
		// failing the read or showing what it should guard.
		if !holds(ev.run(p, doc, nil, id)) {
			return false
		}
	}
	return true
}

// admitRaw is admit on a stored document's bytes: it decodes only the
// fields the formulas read, where it can tell which.
func (v *view) admitRaw(ev *evaluation, raw []byte) (bool, error) {
	switch {
	case v.none:
		return false, nil
	case v.rule == nil && v.audience == nil && v.equal == nil && (!v.publish || v.drafts):
		return true, nil
	case v.all:
		d, err := decodeStored(raw)
		if err != nil {
			return false, err
		}
		return v.admit(ev, d)
	case v.rule == nil && v.audience == nil && (v.c == nil || !v.c.HasDates()):
		return v.admitFields(raw)
	}
	var id, status string
	var doc map[string]any
	if v.rule != nil || v.audience != nil || v.equal != nil {
		doc = make(map[string]any, len(v.fields))
	}
	err := topFields(raw, v.fields, func(k string, value []byte) error {
		val, err := decodeJSON(value)
		switch {
		case err != nil:
			return err
		case k == fieldID:
			id, _ = val.(string)
		case k == fieldStatus:
			status, _ = val.(string)
		case doc != nil:
			doc[k] = expressions.FromJSON(val)
		}
		return nil
	})
	switch {
	case err != nil:
		return false, err
	case v.publish && !v.drafts && status != StatusPublished:
		return false, nil
	case doc == nil:
		return true, nil
	}
	if v.c != nil && v.c.HasDates() {
		v.c.ConvertDates(doc, func(s string) (any, bool) { return expressions.ParseTime(s) })
	}
	return v.admitDoc(ev, withID(doc, id), id), nil
}

// admitFields is admitRaw when only comparisons with strings are left
// and no field is a date: it decodes no more than the compared strings.
func (v *view) admitFields(raw []byte) (bool, error) {
	matched, seen := 0, 0
	published := false
	err := topFields(raw, v.compared, func(k string, value []byte) error {
		s, isString, err := stringBytes(value)
		if err != nil {
			return err
		}
		if isString && k == fieldStatus {
			published = string(s) == StatusPublished
		}
		for _, fv := range v.equal {
			if isString && fv.Field == k && fv.Value == string(s) {
				matched++
			}
		}
		if seen++; seen == len(v.compared) {
			return errEnough
		}
		return nil
	})
	switch {
	case err != nil:
		return false, err
	case v.publish && !v.drafts && !published:
		return false, nil
	}
	return matched == len(v.equal), nil
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
		if out, hidden, ok := v.stripRaw(raw); ok {
			return out, hidden, nil
		}
		var err error
		if d, err = decodeStored(raw); err != nil {
			return nil, false, err
		}
	}
	var doc map[string]any
	hidden := false
	var set []string
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
			if pp.secret {
				set = append(set, pp.path[0])
			}
		}
	}
	if !hidden {
		return raw, false, nil
	}
	out, err := recompose(d)
	return withSecretsSet(out, set), true, err
}

// fieldSecrets is the member of an answer that names the x-secret fields
// a document has a value for: their values are never shown.
const fieldSecrets = "_secrets"

// withSecretsSet adds to a document's encoding the names of the secrets it
// holds, which a reader does not get.
func withSecretsSet(raw []byte, set []string) []byte {
	if len(set) == 0 || len(raw) == 0 {
		return raw
	}
	names, _ := json.Marshal(set)
	out := make([]byte, 0, len(raw)+len(names)+14)
	out = append(out, raw[:len(raw)-1]...)
	out = append(out, `,"`+fieldSecrets+`":`...)
	out = append(out, names...)
	return append(out, '}')
}

// stripRaw is strip on the stored bytes, for fields private to the
// caller whatever the document (no formula): it removes them without
// decoding the document. ok is false when it cannot.
func (v *view) stripRaw(raw []byte) (out []byte, hidden, ok bool) {
	if !v.stripsRaw() {
		return nil, false, false
	}
	out = raw
	var set []string
	for _, pp := range v.private {
		o, removed, ok := removeRaw(out, pp.path)
		if !ok {
			return nil, false, false
		}
		if removed {
			out, hidden = o, true
			if pp.secret {
				set = append(set, pp.path[0])
			}
		}
	}
	return withSecretsSet(out, set), hidden, true
}

// stripsRaw reports whether the private fields are private whatever the
// document, so that stripRaw may remove them.
func (v *view) stripsRaw() bool {
	for _, pp := range v.private {
		if pp.when != nil {
			return false
		}
	}
	return true
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
	rs, err := s.registryFor(ctx, coll)
	if err != nil {
		return nil, err
	}
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
