package documents

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/credence/credence/expressions"
	"github.com/credence/credence/schemas"
	"github.com/credence/credence/store"
)

// formulas are the compiled formulas of one collection.
type formulas struct {
	stored   []fieldProgram // x-formula, in dependency order
	computed []fieldProgram // x-computed
	defaults []fieldProgram // x-default
	rules    []ruleProgram  // x-rules
	access   accessPrograms // x-access, x-audience, x-private
}

type fieldProgram struct {
	field string
	prog  *expressions.Program
}

type ruleProgram struct {
	prog    *expressions.Program
	message string
}

// has reports whether writes run formulas (or drop computed fields).
func (f *formulas) has() bool {
	return f != nil && (len(f.stored) > 0 || len(f.defaults) > 0 || len(f.rules) > 0 || len(f.computed) > 0)
}

// compileFormulas compiles the formulas of a collection when its schema is
// saved, so that a bad formula is a 422 then, never a surprise at write
// time: syntax and type errors with their position, results that cannot fit
// their property, and cycles between x-formula fields.
func compileFormulas(cache *expressions.Cache, c *schemas.Collection) (*formulas, error) {
	f := &formulas{}
	bad := &Error{Kind: KindInvalid, Message: "a formula of " + c.Name + " does not hold"}
	field := func(kw string, list []schemas.Formula) []fieldProgram {
		var out []fieldProgram
		for _, sf := range list {
			path := "/properties/" + pointerToken(sf.Field) + "/" + kw
			p, err := cache.Compile(sf.Source, expressions.Options{Mode: expressions.Value})
			if err != nil {
				bad.Errors = append(bad.Errors, formulaError(path, err))
				continue
			}
			if msg := kindMismatch(p.Kind(), c.Types[sf.Field]); msg != "" {
				bad.Errors = append(bad.Errors, FieldError{Path: path, Message: msg})
				continue
			}
			out = append(out, fieldProgram{field: sf.Field, prog: p})
		}
		return out
	}
	f.stored = field("x-formula", c.Formulas)
	f.computed = field("x-computed", c.Computed)
	f.defaults = field("x-default", c.Defaults)
	for i, r := range c.Rules {
		p, err := cache.Compile(r.When, expressions.Options{Mode: expressions.Bool})
		if err != nil {
			bad.Errors = append(bad.Errors, formulaError(fmt.Sprintf("/x-rules/%d/when", i), err))
			continue
		}
		f.rules = append(f.rules, ruleProgram{prog: p, message: r.Message})
	}
	f.access = compileAccess(cache, c, bad)
	if len(bad.Errors) > 0 {
		return nil, bad
	}
	ordered, cycle := dependencyOrder(f.stored)
	if cycle != nil {
		return nil, fieldError(KindInvalid, "x-formula fields depend on each other in a circle",
			"/properties/"+pointerToken(cycle[0])+"/x-formula", "depends on itself: "+strings.Join(cycle, " → "))
	}
	f.stored = ordered
	return f, nil
}

// formulaError places a compile error at a keyword, with its position.
func formulaError(path string, err error) FieldError {
	var fe *expressions.Error
	if errors.As(err, &fe) {
		msg := fmt.Sprintf("line %d, column %d: %s", fe.Line, fe.Column, fe.Message)
		if fe.Snippet != "" {
			msg += "\n" + fe.Snippet
		}
		return FieldError{Path: path, Message: msg}
	}
	return FieldError{Path: path, Message: err.Error()}
}

// kindMismatch says why a formula's static result cannot fit a property
// of the given JSON types, or "" when it can (or cannot be known).
func kindMismatch(k reflect.Kind, types []string) string {
	var gives string
	switch k {
	case reflect.Bool:
		gives = "boolean"
	case reflect.Int, reflect.Int64:
		gives = "integer"
	case reflect.Float64:
		gives = "number"
	case reflect.String:
		gives = "string"
	case reflect.Slice:
		gives = "array"
	case reflect.Map:
		gives = "object"
	case reflect.Struct:
		gives = "string" // a time, stored as an RFC 3339 string
	default:
		return ""
	}
	if len(types) == 0 {
		return ""
	}
	for _, t := range types {
		if t == gives || t == "number" && gives == "integer" {
			return ""
		}
	}
	return fmt.Sprintf("gives %s %s, but the property is %s", article(gives), gives, strings.Join(types, " or "))
}

func article(t string) string {
	if strings.ContainsRune("aeiou", rune(t[0])) {
		return "an"
	}
	return "a"
}

// dependencyOrder sorts x-formula fields so that each comes after the
// formula fields it reads; it returns a cycle when there is one.
func dependencyOrder(list []fieldProgram) ([]fieldProgram, []string) {
	byField := make(map[string]fieldProgram, len(list))
	for _, fp := range list {
		byField[fp.field] = fp
	}
	const (
		unvisited = iota
		visiting
		done
	)
	state := map[string]int{}
	var order []fieldProgram
	var stack []string
	var visit func(f string) []string
	visit = func(f string) []string {
		switch state[f] {
		case done:
			return nil
		case visiting:
			i := slices.Index(stack, f)
			return append(slices.Clone(stack[i:]), f)
		}
		state[f] = visiting
		stack = append(stack, f)
		deps := byField[f].prog.DocFields()
		if byField[f].prog.ReadsWholeDoc() {
			// keys(doc), doc[name]: it may read any other formula field.
			deps = slices.DeleteFunc(slices.Sorted(maps.Keys(byField)), func(d string) bool { return d == f })
		}
		for _, dep := range deps {
			if _, ok := byField[dep]; ok {
				if cycle := visit(dep); cycle != nil {
					return cycle
				}
			}
		}
		stack = stack[:len(stack)-1]
		state[f] = done
		order = append(order, byField[f])
		return nil
	}
	for _, f := range slices.Sorted(maps.Keys(byField)) {
		if cycle := visit(f); cycle != nil {
			return nil, cycle
		}
	}
	return order, nil
}

// pointerToken escapes a JSON Pointer reference token (RFC 6901).
func pointerToken(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// formulaValue turns a document's JSON content into what formulas see:
// numbers as int or float64, the schema's dates as times.
func formulaValue(c *schemas.Collection, fields map[string]any) map[string]any {
	v, _ := expressions.FromJSON(fields).(map[string]any)
	if v == nil {
		v = map[string]any{}
	}
	if c != nil && c.HasDates() {
		c.ConvertDates(v, func(s string) (any, bool) { return expressions.ParseTime(s) })
	}
	return v
}

// cloneJSON copies a decoded JSON value, so that a document shares no
// map or list with the schema it took a default from.
func cloneJSON(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = cloneJSON(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = cloneJSON(e)
		}
		return out
	}
	return v
}

// withID puts the document's id in what formulas see as doc: doc.id.
func withID(doc map[string]any, id string) map[string]any {
	if doc != nil && id != "" {
		doc[fieldID] = id
	}
	return doc
}

// evaluation is the state of formulas run for one request: they read
// through r, in the registry rs.
type evaluation struct {
	s    *Service
	ctx  context.Context
	r    store.Reader
	rs   *registryState
	now  time.Time
	auth expressions.Auth
	// blind formulas may not read other documents: the filters of callers
	// whose access is limited, which get, find and count would let probe
	// documents and fields hidden from them.
	blind bool
	// deadline ends every formula the request runs (Options.FormulaTime).
	deadline time.Time
}

// expired reports, as an error, that the request's formulas have run out
// of time or that its caller is gone: a list checks it for each document,
// since a formula that fails hides the document rather than fail the list.
func (e *evaluation) expired() error {
	if err := e.ctx.Err(); err != nil {
		return err
	}
	if time.Now().After(e.deadline) {
		return errorf(KindBadRequest, "the request ran its formulas for more than %v in all (filters, access rules and computed fields over each document read): narrow it, with a filter on an x-index field or a smaller limit", e.s.formulaTime)
	}
	return nil
}

func (e *evaluation) run(p *expressions.Program, doc, old map[string]any, seed string) (any, error) {
	env := expressions.Env{Doc: doc, Old: old, Auth: e.auth, Now: e.now, Seed: seed, SeedKey: e.s.seedKey}
	lim := e.s.limits
	lim.Deadline = e.deadline
	if !p.ReadsDocuments() {
		return p.Run(e.ctx, env, nil, lim)
	}
	maxReads := e.s.limits.MaxReads
	if maxReads == 0 {
		maxReads = expressions.DefaultLimits().MaxReads
	}
	var reader expressions.Reader = storeReader{r: e.r, rs: e.rs, budget: &readBudget{left: maxReads}, ev: e}
	if e.blind {
		reader = blindReader{}
	}
	return p.Run(e.ctx, env, reader, lim)
}

// computeWrite applies x-default (on create), x-formula fields in
// dependency order, the schema, then x-rules, to the content a client sent.
// Values a client sent for x-formula and x-computed fields are dropped:
// the server computes them.
func (e *evaluation) computeWrite(c *schemas.Collection, f *formulas, id string, fields map[string]any, old stored) (map[string]any, error) {
	out, doc, oldDoc, err := e.computeStored(c, f, id, fields, old, old == nil)
	if err != nil {
		return nil, err
	}
	if err := c.Validate(out); err != nil {
		return nil, asError(err)
	}
	var failed []FieldError
	var indexes []int
	for i, r := range f.rules {
		v, err := e.run(r.prog, doc, oldDoc, id)
		if err != nil {
			return nil, formulaRunError(fmt.Sprintf("/x-rules/%d", i), "rule "+fmt.Sprint(i), err)
		}
		if v != true {
			failed = append(failed, FieldError{Path: "", Message: r.message})
			indexes = append(indexes, i)
		}
	}
	if len(failed) > 0 {
		return nil, &Error{Kind: KindInvalid, Message: failed[0].Message, Errors: failed,
			Details: map[string]any{"rules": indexes}}
	}
	return out, nil
}

// computeStored drops the derived fields a client sent, applies x-default
// (when defaults is set) and the x-formula fields in dependency order. It
// returns the content, and the document and old document as formulas see
// them.
func (e *evaluation) computeStored(c *schemas.Collection, f *formulas, id string, fields map[string]any, old stored, defaults bool) (out, doc, oldDoc map[string]any, err error) {
	out = make(map[string]any, len(fields)+len(f.stored))
	for k, v := range fields {
		out[k] = v
	}
	for _, fp := range f.stored {
		delete(out, fp.field)
	}
	for _, fp := range f.computed {
		delete(out, fp.field)
	}
	if defaults {
		for k, v := range c.Literals {
			if _, given := out[k]; !given {
				out[k] = cloneJSON(v)
			}
		}
	}
	doc = withID(formulaValue(c, out), id)
	if old != nil {
		oldDoc = withID(formulaValue(c, content(old)), id)
	}
	set := func(fp fieldProgram) error {
		v, err := e.run(fp.prog, doc, oldDoc, id+"/"+fp.field)
		if err != nil {
			return formulaRunError("/"+pointerToken(fp.field), fp.field, err)
		}
		doc[fp.field] = v
		if v == nil {
			delete(out, fp.field)
			return nil
		}
		j, err := expressions.ToJSON(v)
		if err != nil {
			return formulaRunError("/"+pointerToken(fp.field), fp.field, err)
		}
		out[fp.field] = j
		return nil
	}
	if defaults {
		for _, fp := range f.defaults {
			if _, given := out[fp.field]; !given {
				if err := set(fp); err != nil {
					return nil, nil, nil, err
				}
			}
		}
	}
	for _, fp := range f.stored {
		if old != nil && c.IsImmutable(fp.field) && old[fp.field] != nil {
			// Computed once, kept after: an immutable formula field does
			// not follow what it read when the document was created.
			out[fp.field], doc[fp.field] = old[fp.field], oldDoc[fp.field]
			continue
		}
		if err := set(fp); err != nil {
			return nil, nil, nil, err
		}
	}
	return out, doc, oldDoc, nil
}

// checkImmutable refuses a write that changes an x-immutable field the
// stored document old has a value for: such a field is set once, when
// the document is created or later, and never changed or removed after.
// x-formula fields are not checked: computeStored keeps their values.
func checkImmutable(c *schemas.Collection, fields map[string]any, old stored) error {
	var bad []FieldError
	for _, field := range c.Immutable {
		was, ok := old[field]
		if !ok || was == nil || c.IsFormula(field) {
			continue
		}
		if !sameJSON(was, fields[field]) {
			bad = append(bad, FieldError{Path: "/" + pointerToken(field), Message: "is immutable: set once, it cannot change"})
		}
	}
	if len(bad) > 0 {
		return &Error{Kind: KindInvalid, Message: "an immutable field cannot change", Errors: bad}
	}
	return nil
}

// sameJSON reports whether two decoded JSON values are equal, numbers by
// value (1.0 is 1).
func sameJSON(a, b any) bool {
	switch a := a.(type) {
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k, v := range a {
			w, ok := b[k]
			if !ok || !sameJSON(v, w) {
				return false
			}
		}
		return true
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !sameJSON(a[i], b[i]) {
				return false
			}
		}
		return true
	case json.Number:
		b, ok := b.(json.Number)
		if !ok {
			return false
		}
		ea, okA := appendNumber(nil, string(a))
		eb, okB := appendNumber(nil, string(b))
		return okA && okB && bytes.Equal(ea, eb)
	}
	return a == b
}

// formulaRunError reports a formula that failed while running.
func formulaRunError(path, what string, err error) *Error {
	msg := err.Error()
	var fe *expressions.Error
	if errors.As(err, &fe) {
		msg = fe.Message
		if fe.Line > 0 {
			msg = fmt.Sprintf("line %d, column %d: %s", fe.Line, fe.Column, fe.Message)
		}
	}
	if errors.Is(err, context.DeadlineExceeded) {
		msg = "the formula runs longer than it may"
	}
	message := "the formula failed"
	if what != "" {
		message = "the formula of " + what + " failed"
	}
	return &Error{Kind: KindInvalid, Message: message,
		Errors: []FieldError{{Path: path, Message: msg}}, err: err}
}

// computeRead adds the x-computed fields to a stored document.
func (e *evaluation) computeRead(c *schemas.Collection, f *formulas, raw []byte) ([]byte, error) {
	d, err := decodeStored(raw)
	if err != nil {
		return nil, err
	}
	fields := content(d)
	id := d.str(fieldID)
	doc := withID(formulaValue(c, fields), id)
	for _, fp := range f.computed {
		v, err := e.run(fp.prog, doc, nil, id+"/"+fp.field)
		if err != nil {
			// A read does not fail for a virtual field: it is left out, and
			// the reason goes with the document.
			d["_errors"] = appendError(d["_errors"], fp.field, err)
			continue
		}
		doc[fp.field] = v
		if j, err := expressions.ToJSON(v); err == nil && v != nil {
			d[fp.field] = j
		}
	}
	return recompose(d)
}

func appendError(list any, field string, err error) any {
	l, _ := list.([]any)
	msg := err.Error()
	var fe *expressions.Error
	if errors.As(err, &fe) {
		msg = fe.Message
	}
	return append(l, map[string]any{"field": field, "message": msg})
}

// evaluation returns the state for formulas run for ctx's caller, reading
// through r.
func (s *Service) evaluation(ctx context.Context, r store.Reader, rs *registryState) *evaluation {
	a, _ := AuthFrom(ctx)
	return &evaluation{s: s, ctx: ctx, r: r, rs: rs, now: s.now(), deadline: time.Now().Add(s.formulaTime),
		auth: expressions.Auth{ID: a.KeyID, Role: a.Role, Subject: a.Subject}}
}
