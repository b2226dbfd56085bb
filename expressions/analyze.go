package expressions

import (
	"reflect"
	"slices"
	"time"

	"github.com/expr-lang/expr/ast"
)

// The variables every formula has in scope, and the fields of auth.
var (
	envNames   = []string{"doc", "old", "auth", "now"}
	authFields = []string{"id", "role", "subject"}
	// readFunctions are the functions that read other documents.
	readFunctions = []string{"get", "find", "count"}
)

// ctxName is the variable expr.WithContext passes to functions. Formulas cannot name it: the
// analysis refuses it as an unknown name, and refuses it (like the other variables) in let.
const ctxName = "ctx"

// analysis walks a parsed formula before type checking: it refuses unknown names with a
// suggestion, rewrites bare field names (Options.Fields) into doc.X, and collects the document
// fields the formula reads.
type analysis struct {
	src       string
	fields    map[string]bool // Options.Fields
	functions map[string]bool // our functions and expr's builtins
	docFields map[string]bool
	wholeDoc  bool
	readsDocs bool            // the formula calls get, find or count
	uses      map[string]bool // which of envNames the formula names
	err       *Error
}

func (a *analysis) fail(node ast.Node, msg string) {
	if a.err == nil {
		a.err = errorAt(a.src, node.Location().From, msg, nil)
	}
}

// names lists what a bare name could have meant, for suggestions.
func (a *analysis) names() []string {
	out := slices.Clone(envNames)
	for f := range a.fields {
		out = append(out, f)
	}
	for f := range a.functions {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

func (a *analysis) functionNames() []string {
	var out []string
	for f := range a.functions {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

// walk visits *node with the let variables of scope; it may replace *node.
func (a *analysis) walk(node *ast.Node, scope []string) {
	if *node == nil || a.err != nil {
		return
	}
	switch n := (*node).(type) {
	case *ast.IdentifierNode:
		switch {
		case slices.Contains(scope, n.Value):
		case n.Value == "doc":
			a.wholeDoc = true
		case slices.Contains(envNames, n.Value):
			a.uses[n.Value] = true
		case a.fields[n.Value]:
			a.docFields[n.Value] = true
			field := &ast.MemberNode{
				Node:     &ast.IdentifierNode{Value: "doc"},
				Property: &ast.StringNode{Value: n.Value},
			}
			field.Node.SetLocation(n.Location())
			field.Property.SetLocation(n.Location())
			ast.Patch(node, field)
		case a.functions[n.Value]:
		default:
			a.fail(n, "unknown name "+n.Value+didYouMean(n.Value, a.names()))
		}
		return

	case *ast.MemberNode:
		if id, ok := n.Node.(*ast.IdentifierNode); ok && !slices.Contains(scope, id.Value) {
			prop, isConst := n.Property.(*ast.StringNode)
			switch id.Value {
			case "doc":
				if isConst {
					a.docFields[prop.Value] = true
					return
				}
				a.wholeDoc = true
				a.walk(&n.Property, scope)
				return
			case "auth":
				if isConst && !slices.Contains(authFields, prop.Value) {
					a.fail(n.Property, "auth has no field "+prop.Value+didYouMean(prop.Value, authFields)+
						"; it has id, role and subject")
					return
				}
			}
		}

	case *ast.CallNode:
		if id, ok := n.Callee.(*ast.IdentifierNode); ok && !slices.Contains(scope, id.Value) {
			switch {
			case id.Value == "now":
				a.fail(n, "now is a value, not a function: write now, without ()")
			case slices.Contains(envNames, id.Value):
				a.fail(n, id.Value+" is a value, not a function")
			case a.functions[id.Value]:
				a.readsDocs = a.readsDocs || slices.Contains(readFunctions, id.Value)
			default:
				a.fail(n, "unknown function "+id.Value+didYouMean(id.Value, a.functionNames()))
			}
			for i := range n.Arguments {
				a.walk(&n.Arguments[i], scope)
			}
			return
		}

	case *ast.VariableDeclaratorNode:
		if n.Name == ctxName || n.Name == "$env" || slices.Contains(envNames, n.Name) {
			a.fail(n, n.Name+" is a reserved name: choose another name for the variable")
			return
		}
		a.walk(&n.Value, scope)
		a.walk(&n.Expr, append(slices.Clip(scope), n.Name))
		return
	}
	for _, c := range children(*node) {
		a.walk(c, scope)
	}
}

// children returns pointers to the child nodes of n, so a walk can replace them.
func children(n ast.Node) []*ast.Node {
	switch n := n.(type) {
	case *ast.UnaryNode:
		return []*ast.Node{&n.Node}
	case *ast.BinaryNode:
		return []*ast.Node{&n.Left, &n.Right}
	case *ast.ChainNode:
		return []*ast.Node{&n.Node}
	case *ast.MemberNode:
		return []*ast.Node{&n.Node, &n.Property}
	case *ast.SliceNode:
		out := []*ast.Node{&n.Node}
		if n.From != nil {
			out = append(out, &n.From)
		}
		if n.To != nil {
			out = append(out, &n.To)
		}
		return out
	case *ast.CallNode:
		out := []*ast.Node{&n.Callee}
		for i := range n.Arguments {
			out = append(out, &n.Arguments[i])
		}
		return out
	case *ast.BuiltinNode:
		var out []*ast.Node
		for i := range n.Arguments {
			out = append(out, &n.Arguments[i])
		}
		if n.Map != nil {
			out = append(out, &n.Map)
		}
		return out
	case *ast.PredicateNode:
		return []*ast.Node{&n.Node}
	case *ast.VariableDeclaratorNode:
		return []*ast.Node{&n.Value, &n.Expr}
	case *ast.SequenceNode:
		out := make([]*ast.Node, len(n.Nodes))
		for i := range n.Nodes {
			out[i] = &n.Nodes[i]
		}
		return out
	case *ast.ConditionalNode:
		return []*ast.Node{&n.Cond, &n.Exp1, &n.Exp2}
	case *ast.ArrayNode:
		out := make([]*ast.Node, len(n.Nodes))
		for i := range n.Nodes {
			out[i] = &n.Nodes[i]
		}
		return out
	case *ast.MapNode:
		out := make([]*ast.Node, len(n.Pairs))
		for i := range n.Pairs {
			out[i] = &n.Pairs[i]
		}
		return out
	case *ast.PairNode:
		return []*ast.Node{&n.Key, &n.Value}
	}
	return nil
}

// Conjunct is one comparison of a document field with a constant, found at the top level of a
// Bool formula: doc.Field Op Value. Op is one of "==", "<", "<=", ">", ">="; Value is a string,
// an int, a float64, a bool or nil (nil and bools only with "==").
//
// Now marks a comparison with the variable now (doc.lapsesAt <= now): its Value is nil, and the
// caller puts in its own time, which is the formula's now when it runs.
type Conjunct struct {
	Field string
	Op    string
	Value any
	Now   bool
}

// conjuncts splits n on top-level && (or "and") and keeps the comparisons it recognises.
func conjuncts(n ast.Node) []Conjunct {
	if b, ok := n.(*ast.BinaryNode); ok && (b.Operator == "&&" || b.Operator == "and") {
		return append(conjuncts(b.Left), conjuncts(b.Right)...)
	}
	if c, ok := comparison(n); ok {
		return []Conjunct{c}
	}
	return nil
}

// exactConjuncts reports whether n is made only of recognised comparisons
// joined by &&.
func exactConjuncts(n ast.Node) bool {
	if b, ok := n.(*ast.BinaryNode); ok && (b.Operator == "&&" || b.Operator == "and") {
		return exactConjuncts(b.Left) && exactConjuncts(b.Right)
	}
	_, ok := comparison(n)
	return ok
}

var flipped = map[string]string{"==": "==", "<": ">", "<=": ">=", ">": "<", ">=": "<="}

func comparison(n ast.Node) (Conjunct, bool) {
	b, ok := n.(*ast.BinaryNode)
	if !ok {
		return Conjunct{}, false
	}
	if _, ok := flipped[b.Operator]; !ok {
		return Conjunct{}, false
	}
	if f, ok := docField(b.Left); ok {
		if isNow(b.Right) {
			return Conjunct{Field: f, Op: b.Operator, Now: true}, true
		}
		if v, ok := literal(b.Right); ok && comparable(b.Operator, v) {
			return Conjunct{Field: f, Op: b.Operator, Value: v}, true
		}
	}
	if f, ok := docField(b.Right); ok {
		if isNow(b.Left) {
			return Conjunct{Field: f, Op: flipped[b.Operator], Now: true}, true
		}
		if v, ok := literal(b.Left); ok && comparable(b.Operator, v) {
			return Conjunct{Field: f, Op: flipped[b.Operator], Value: v}, true
		}
	}
	return Conjunct{}, false
}

// isNow recognises the variable now (not a let variable of that name: let refuses it).
func isNow(n ast.Node) bool {
	id, ok := n.(*ast.IdentifierNode)
	return ok && id.Value == "now"
}

// comparable says whether an index can serve field op v: ranges only over numbers and strings.
func comparable(op string, v any) bool {
	if op == "==" {
		return true
	}
	switch v.(type) {
	case int, float64, string:
		return true
	}
	return false
}

// docField recognises doc.X, doc["X"] and doc?.X (bare X was rewritten to doc.X already).
func docField(n ast.Node) (string, bool) {
	if c, ok := n.(*ast.ChainNode); ok {
		n = c.Node
	}
	m, ok := n.(*ast.MemberNode)
	if !ok {
		return "", false
	}
	id, ok := m.Node.(*ast.IdentifierNode)
	if !ok || id.Value != "doc" {
		return "", false
	}
	s, ok := m.Property.(*ast.StringNode)
	if !ok {
		return "", false
	}
	return s.Value, true
}

// literal recognises a constant: a string, a number (with an optional sign), a bool or nil.
func literal(n ast.Node) (any, bool) {
	switch n := n.(type) {
	case *ast.StringNode:
		return n.Value, true
	case *ast.IntegerNode:
		return n.Value, true
	case *ast.FloatNode:
		return n.Value, true
	case *ast.BoolNode:
		return n.Value, true
	case *ast.NilNode:
		return nil, true
	case *ast.UnaryNode:
		v, ok := literal(n.Node)
		if !ok {
			return nil, false
		}
		switch n.Operator {
		case "+":
			switch v.(type) {
			case int, float64:
				return v, true
			}
		case "-":
			switch v := v.(type) {
			case int:
				return -v, true
			case float64:
				return -v, true
			}
		}
	}
	return nil, false
}

var (
	timeType     = reflect.TypeFor[time.Time]()
	durationType = reflect.TypeFor[time.Duration]()
	authType     = reflect.TypeFor[Auth]()
)

// kindOf maps the checker's static type to the kinds Program.Kind documents.
func kindOf(t reflect.Type) reflect.Kind {
	switch t {
	case nil, durationType:
		return reflect.Interface
	case timeType:
		return reflect.Struct
	case authType:
		return reflect.Map
	}
	switch t.Kind() {
	case reflect.Bool:
		return reflect.Bool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return reflect.Int
	case reflect.Float32, reflect.Float64:
		return reflect.Float64
	case reflect.String:
		return reflect.String
	case reflect.Slice, reflect.Array:
		return reflect.Slice
	case reflect.Map:
		return reflect.Map
	}
	return reflect.Interface
}
