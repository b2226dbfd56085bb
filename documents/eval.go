package documents

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"time"

	"github.com/credence/credence/expressions"
	"github.com/credence/credence/store"
)

// EvalRequest asks to evaluate a formula: the playground where a program
// owner tries a formula before saving it.
type EvalRequest struct {
	// Expr is the formula.
	Expr string `json:"expr"`
	// Mode is "value" (x-formula, x-computed, x-default; the default),
	// "bool" (x-rules, x-access) or "filter" (a list filter, with the
	// top-level fields in scope by name).
	Mode string `json:"mode,omitempty"`
	// Collection gives the document its schema (dates) and scope.
	Collection string `json:"collection,omitempty"`
	// Doc is a sample document; ID names a stored one instead.
	Doc json.RawMessage `json:"doc,omitempty"`
	ID  string          `json:"id,omitempty"`
}

// EvalResult is the value of a formula, its JSON type, and how long the
// run took.
type EvalResult struct {
	Value  any    `json:"value"`
	Type   string `json:"type"`
	Micros int64  `json:"micros"`
}

// Eval compiles and runs a formula against a sample or a stored document,
// as it would run in the collection. A formula that does not compile or
// fails is a KindInvalid error whose Details carry line, column and
// snippet.
func (s *Service) Eval(ctx context.Context, req EvalRequest) (*EvalResult, error) {
	// Formulas read every document and field: the playground is for
	// the people who write them.
	if !privileged(ctx) {
		a, _ := AuthFrom(ctx)
		return nil, forbidden(a, "evaluate formulas in", "the playground")
	}
	rs, err := s.registryFor(ctx, req.Collection)
	if err != nil {
		return nil, err
	}
	opts := expressions.Options{Mode: expressions.Value}
	switch req.Mode {
	case "", "value":
	case "bool":
		opts.Mode = expressions.Bool
	case "filter":
		opts.Mode = expressions.Bool
		if c, ok := rs.reg.Collection(req.Collection); ok {
			opts.Fields = c.Properties
		}
	default:
		return nil, fieldError(KindBadRequest, "unknown mode", "/mode", `must be "value", "bool" or "filter"`)
	}
	if req.Collection != "" && !rs.exists(req.Collection) {
		return nil, noCollection(req.Collection)
	}
	if req.ID != "" && req.Collection == "" {
		return nil, fieldError(KindBadRequest, "a stored document needs its collection", "/collection", "is required with id")
	}
	prog, err := s.cache.Compile(req.Expr, opts)
	if err != nil {
		fe := formulaError("/expr", err)
		return nil, &Error{Kind: KindInvalid, Message: "the formula does not hold", Errors: []FieldError{fe}, Details: positionOf(err)}
	}
	fields := map[string]any{}
	if len(req.Doc) > 0 && string(req.Doc) != "null" {
		m, err := decodeObject(req.Doc)
		if err != nil {
			return nil, err
		}
		fields = content(m)
	}
	c, _ := rs.reg.Collection(req.Collection)
	var v *view
	if req.ID != "" {
		// The stored document as the caller may read it: no secret, nothing
		// of a collection the caller may not read.
		if v, err = s.view(ctx, rs, req.Collection, "read", false); err != nil {
			return nil, err
		}
	}
	var res *EvalResult
	err = s.st.View(ctx, func(r store.Reader) error {
		id := req.ID
		ev := s.evaluation(ctx, r, rs)
		if id != "" {
			raw, err := r.Get(docsBucket(req.Collection), []byte(id))
			if errors.Is(err, store.ErrNotFound) {
				return errorf(KindNotFound, "no document %q in %s", id, req.Collection)
			}
			if err != nil {
				return err
			}
			if ok, err := v.admitRaw(ev, raw); err != nil || !ok {
				return errors.Join(err, errorf(KindNotFound, "no document %q in %s", id, req.Collection))
			}
			if raw, _, err = v.strip(ev, raw, nil); err != nil {
				return err
			}
			d, err := decodeStored(raw)
			if err != nil {
				return err
			}
			fields = content(d)
		}
		start := time.Now()
		v, err := ev.run(prog, withID(formulaValue(c, fields), id), nil, id)
		micros := time.Since(start).Microseconds()
		if err != nil {
			re := formulaRunError("/expr", "", err)
			re.Details = positionOf(err)
			return re
		}
		j, err := expressions.ToJSON(v)
		if err != nil {
			return formulaRunError("/expr", "", err)
		}
		res = &EvalResult{Value: j, Type: jsonType(v), Micros: micros}
		return nil
	})
	return res, err
}

// jsonType names the JSON type of a formula value; times are "date".
func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case int, int64:
		return "integer"
	case float64:
		return "number"
	case string:
		return "string"
	case time.Time:
		return "date"
	}
	switch reflect.ValueOf(v).Kind() {
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Map, reflect.Struct:
		return "object"
	}
	return "unknown"
}
