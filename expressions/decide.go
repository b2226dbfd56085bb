package expressions

import (
	"slices"
	"strconv"

	"github.com/expr-lang/expr/ast"
)

// A Decision is what a Bool formula comes to once the caller is known,
// for formulas built of comparisons of auth, literal strings and the
// document's top-level fields joined by &&, || and !: most x-access and
// x-audience formulas. An access check decides it once per request and
// then spends nothing, or a few string comparisons, per document.
type Decision struct {
	// Known is set when the result does not depend on the document:
	// Value is the result.
	Known, Value bool
	// Equal, when the result is not Known, are the comparisons it comes
	// to: the formula holds when every field named (doc.id included) is
	// the string given. A field that is missing or is not a string
	// makes it false, as == does.
	Equal []FieldValue
}

// FieldValue is a document field and the string it must equal.
type FieldValue struct{ Field, Value string }

// Decide returns what the formula comes to for the caller a; ok is false
// when it is not that simple (it reads old, now, other documents, nested
// fields, numbers or lists; its || depends on the document on both
// sides), and the formula must then run for each document.
func (p *Program) Decide(a Auth) (d Decision, ok bool) {
	if p.shape == nil {
		return Decision{}, false
	}
	r := p.shape.decide(a)
	switch r.kind {
	case known:
		return Decision{Known: true, Value: r.value}, true
	case fields:
		return Decision{Equal: r.equal}, true
	}
	return Decision{}, false
}

// shape is the structure of a Bool formula that Decide can decide, read
// from its tree once at compile time.
type shape struct {
	op          string   // "&&", "||", "!", "==", "!=", "in", "not in", "true", "false"
	left, right *shape   // of "&&", "||" ("!" has left only)
	x, y        operand  // the sides of "==" and "!="; x is the left of "in"
	set         []string // the literal strings right of "in"
}

// operand is a string-valued leaf: a literal, a field of auth or a
// top-level field of the document.
type operand struct {
	kind  int // strLit, authField, docFieldOperand
	value string
}

const (
	strLit = iota
	authField
	docFieldOperand
)

// shapeOf reads n (a formula's tree after analysis); nil when Decide
// cannot decide it.
func shapeOf(n ast.Node) *shape {
	switch n := n.(type) {
	case *ast.BoolNode:
		return &shape{op: strconv.FormatBool(n.Value)}
	case *ast.UnaryNode:
		if n.Operator != "!" && n.Operator != "not" {
			return nil
		}
		if s := shapeOf(n.Node); s != nil {
			return &shape{op: "!", left: s}
		}
	case *ast.BinaryNode:
		switch n.Operator {
		case "&&", "and", "||", "or":
			l, r := shapeOf(n.Left), shapeOf(n.Right)
			if l == nil || r == nil {
				return nil
			}
			op := "&&"
			if n.Operator == "||" || n.Operator == "or" {
				op = "||"
			}
			return &shape{op: op, left: l, right: r}
		case "==", "!=":
			l, lok := operandOf(n.Left)
			r, rok := operandOf(n.Right)
			if !lok || !rok {
				return nil
			}
			return &shape{op: n.Operator, x: l, y: r}
		case "in", "not in":
			l, ok := operandOf(n.Left)
			arr, isArr := n.Right.(*ast.ArrayNode)
			if !ok || l.kind == docFieldOperand || !isArr {
				return nil
			}
			s := &shape{op: n.Operator, x: l}
			for _, e := range arr.Nodes {
				str, ok := e.(*ast.StringNode)
				if !ok {
					return nil
				}
				s.set = append(s.set, str.Value)
			}
			return s
		}
	}
	return nil
}

// operandOf recognises a string literal, auth.id, auth.role,
// auth.subject and doc.X.
func operandOf(n ast.Node) (operand, bool) {
	if s, ok := n.(*ast.StringNode); ok {
		return operand{kind: strLit, value: s.Value}, true
	}
	if f, ok := docField(n); ok {
		return operand{kind: docFieldOperand, value: f}, true
	}
	if c, ok := n.(*ast.ChainNode); ok {
		n = c.Node
	}
	m, ok := n.(*ast.MemberNode)
	if !ok {
		return operand{}, false
	}
	id, ok := m.Node.(*ast.IdentifierNode)
	prop, isConst := m.Property.(*ast.StringNode)
	if !ok || id.Value != "auth" || !isConst || !slices.Contains(authFields, prop.Value) {
		return operand{}, false
	}
	return operand{kind: authField, value: prop.Value}, true
}

// result is a shape decided for one caller.
type result struct {
	kind  int // known, fields, unknown
	value bool
	equal []FieldValue
}

const (
	unknown = iota
	known
	fields
)

func (s *shape) decide(a Auth) result {
	switch s.op {
	case "true", "false":
		return result{kind: known, value: s.op == "true"}
	case "!":
		if r := s.left.decide(a); r.kind == known {
			return result{kind: known, value: !r.value}
		}
		return result{}
	case "&&":
		// expr evaluates the left side first and stops when it is false;
		// a field comparison never fails, so either side may decide.
		l := s.left.decide(a)
		if l.kind == known && !l.value || l.kind == unknown {
			return l
		}
		r := s.right.decide(a)
		switch {
		case l.kind == known, r.kind == unknown:
			return r
		case r.kind == known && !r.value:
			return r
		case r.kind == known:
			return l
		}
		return result{kind: fields, equal: append(slices.Clip(l.equal), r.equal...)}
	case "||":
		l := s.left.decide(a)
		if l.kind == known && l.value || l.kind == unknown {
			return l
		}
		r := s.right.decide(a)
		switch {
		case l.kind == known, r.kind == unknown:
			return r
		case r.kind == known && r.value:
			return r
		case r.kind == known:
			return l
		}
		return result{} // a disjunction of field comparisons
	case "==", "!=":
		l, r := s.x, s.y
		lv, lok := l.resolve(a)
		rv, rok := r.resolve(a)
		switch {
		case lok && rok:
			return result{kind: known, value: (lv == rv) == (s.op == "==")}
		case s.op == "!=":
			return result{}
		case lok && r.kind == docFieldOperand:
			return result{kind: fields, equal: []FieldValue{{Field: r.value, Value: lv}}}
		case rok && l.kind == docFieldOperand:
			return result{kind: fields, equal: []FieldValue{{Field: l.value, Value: rv}}}
		}
		return result{}
	case "in", "not in":
		v, _ := s.x.resolve(a)
		in := slices.Contains(s.set, v)
		return result{kind: known, value: in == (s.op == "in")}
	}
	return result{}
}

// resolve gives the value of a literal or auth operand; false for a
// document field.
func (o operand) resolve(a Auth) (string, bool) {
	switch o.kind {
	case strLit:
		return o.value, true
	case authField:
		switch o.value {
		case "id":
			return a.ID, true
		case "role":
			return a.Role, true
		case "subject":
			return a.Subject, true
		}
	}
	return "", false
}
