package expressions

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/builtin"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/vm/runtime"
)

// The vm bounds what it allocates itself (ranges, list and map literals, the results of map,
// sort, concat, flatten), but not the work of a loop over a list it did not build, nor text
// that grows by concatenation, nor builtins that walk nested values. So after checking and
// optimizing, guard rewrites the tree: each such place calls one of the functions below, which
// count against the run's budget (Limits.MemoryBudget, in items and bytes of text) and check
// its deadline. The names start with "$", which a formula cannot write, and the functions are
// added to the configuration only after checking, so a formula cannot call them.
const (
	loopName = "$loop" // a loop's list: counts its items, checks the deadline, nil loops over nothing
	tickName = "$tick" // a loop's body: checks the deadline every 256 iterations
	sumName  = "$sum"  // sum's body: the same, and refuses text (sum adds numbers)
	addName  = "$add"  // + where either side may be text: counts the bytes of the result
	walkName = "$walk" // an argument of a builtin that walks nested values: counts them first
)

// walkingBuiltins go through every item (and nested item) of their arguments, or make output
// as large as them: their arguments are counted before they run, so a value shared many times
// (let a = [s, s]; let b = [a, a]; ...) cannot make them do exponential work.
var walkingBuiltins = map[string]bool{
	"toJSON": true, "fromJSON": true, "string": true, "flatten": true, "max": true, "min": true,
	"mean": true, "median": true, "uniq": true, "sort": true, "split": true, "splitAfter": true,
	"upper": true, "lower": true, "trim": true, "trimPrefix": true, "trimSuffix": true,
	"toBase64": true, "fromBase64": true, "keys": true, "values": true, "toPairs": true,
	"fromPairs": true, "concat": true, "reverse": true, "indexOf": true, "lastIndexOf": true,
	"hasPrefix": true, "hasSuffix": true,
}

var (
	guardType  = reflect.TypeFor[func(context.Context, any) any]()
	addType    = reflect.TypeFor[func(context.Context, any, any) any]()
	textOpType = reflect.TypeFor[func(context.Context, any, any, any) any]()
	stateType  = reflect.TypeFor[*runState]()
)

// guard rewrites the checked, optimized tree as described above. It sets the types the
// compiler reads itself, since the checker does not see these calls. It fails, with the node
// where, for a constant pattern that matches cannot use.
func guard(node *ast.Node, config *conf.Config) (ast.Node, error) {
	for name, fn := range map[string]func(...any) (any, error){
		loopName: loopItems, tickName: tick, sumName: sumItem, addName: addValues, walkName: walkValue,
		subName: subValues, mulName: mulValues, negName: negValue, matchesName: matchText, textOpName: textOp,
	} {
		config.Functions[name] = &builtin.Function{Name: name, Func: fn}
	}
	var bad ast.Node
	var badErr error
	config.Functions[fetchName] = &builtin.Function{Name: fetchName, Func: fetch}
	// inChain: n is inside an optional chain (a?.b.c), whose jumps expect nothing of ours on
	// the stack; callee: n is called (a method), so it must stay a member for the compiler.
	var walk func(n *ast.Node, inChain, callee bool)
	walk = func(n *ast.Node, inChain, callee bool) {
		if *n == nil {
			return
		}
		switch x := (*n).(type) {
		case *ast.ChainNode:
			inChain = true
		case *ast.CallNode:
			walk(&x.Callee, inChain, true)
			for i := range x.Arguments {
				walk(&x.Arguments[i], inChain, false)
			}
			return
		}
		for _, c := range children(*n) {
			walk(c, inChain, false)
		}
		switch x := (*n).(type) {
		case *ast.BuiltinNode:
			guardBuiltin(x)
		case *ast.BinaryNode:
			switch x.Operator {
			case "+":
				if maybeText(x.Left) && maybeText(x.Right) || mayWrap(x.Left, x.Right) {
					ast.Patch(n, call(addName, addType, x, x.Left, x.Right))
				}
			case "-":
				if mayWrap(x.Left, x.Right) {
					ast.Patch(n, call(subName, addType, x, x.Left, x.Right))
				}
			case "*":
				if mayWrap(x.Left, x.Right) {
					ast.Patch(n, call(mulName, addType, x, x.Left, x.Right))
				}
			case "matches", "contains", "startsWith", "endsWith":
				if err := guardText(n, x); err != nil && bad == nil {
					bad, badErr = x, err
				}
			}
		case *ast.UnaryNode:
			if x.Operator == "-" && mayWrap(x.Node) {
				ast.Patch(n, call(negName, guardType, x, x.Node))
			}
		case *ast.MemberNode:
			if !inChain && !callee && !x.Optional && !x.Method && mapLike(x.Node) {
				*n = fastFetch(x)
			}
		}
	}
	walk(node, false, false)
	return bad, badErr
}

func isFloat(k reflect.Kind) bool { return k == reflect.Float64 || k == reflect.Float32 }

// fetchName is a member access (doc.score, .points, list[0]) on a map or an unknown value: a
// map[string]any with a string key is read directly, anything else through runtime.Fetch as
// the vm would. It saves the reflection (and an allocation) of the vm's own fetch, the most
// common operation of a formula.
const fetchName = "$fetch"

var fetchType = reflect.TypeFor[func(any, any) any]()

func fastFetch(m *ast.MemberNode) ast.Node {
	callee := &ast.IdentifierNode{Value: fetchName}
	callee.SetType(fetchType)
	callee.SetLocation(m.Location())
	c := &ast.CallNode{Callee: callee, Arguments: []ast.Node{m.Node, m.Property}}
	c.SetNature(*m.Nature())
	c.SetLocation(m.Location())
	return c
}

func fetch(params ...any) (any, error) {
	if m, ok := params[0].(map[string]any); ok {
		if k, ok := params[1].(string); ok {
			return m[k], nil
		}
	}
	return runtime.Fetch(params[0], params[1]), nil
}

// mapLike says whether a node's static type is a map or unknown.
func mapLike(n ast.Node) bool {
	t := n.Type()
	return t == nil || t.Kind() == reflect.Interface || t.Kind() == reflect.Map
}

func guardBuiltin(b *ast.BuiltinNode) {
	if b.Name == "sum" && len(b.Arguments) == 1 {
		// sum(list) adds its items in a loop like sum(list, #): give it that body, to guard it.
		item := &ast.PointerNode{}
		item.SetLocation(b.Arguments[0].Location())
		b.Arguments = append(b.Arguments, &ast.PredicateNode{Node: item})
	}
	if len(b.Arguments) >= 2 {
		if p, ok := b.Arguments[1].(*ast.PredicateNode); ok {
			b.Arguments[0] = call(loopName, guardType, b.Arguments[0], b.Arguments[0])
			switch {
			case b.Name == "sum" && maybeText(p.Node):
				p.Node = call(sumName, guardType, p.Node, p.Node)
			case !cheap(p.Node):
				p.Node = call(tickName, guardType, p.Node, p.Node)
			}
			if b.Name == "sum" && len(b.Arguments) == 2 {
				// sum adds with the vm's + (which wraps around): make it
				// reduce(list, $add(#acc, body), 0), whose + does not.
				acc := &ast.PointerNode{Name: "acc"}
				acc.SetLocation(p.Node.Location())
				p.Node = call(addName, addType, p.Node, acc, p.Node)
				zero := &ast.IntegerNode{Value: 0}
				zero.SetType(reflect.TypeFor[int]())
				zero.SetLocation(b.Location())
				b.Name = "reduce"
				b.Arguments = append(b.Arguments, zero)
			}
			return
		}
	}
	if walkingBuiltins[b.Name] {
		for i, arg := range b.Arguments {
			if _, isConst := arg.(*ast.ConstantNode); !isConst && !constant(arg) {
				b.Arguments[i] = call(walkName, guardType, arg, arg)
			}
		}
	}
}

// cheap says whether a loop body costs a small constant whatever the data: field reads,
// arithmetic, and comparisons with a constant (.points > 0, #acc + #.points, .status == "done").
// Such a body needs no deadline check of its own: the loop's items are counted at its start,
// so the loop is bounded. Anything else (a call, a builtin, == between two values that may be
// large lists, in, matches, contains) may take time on large values, and is checked.
func cheap(n ast.Node) bool {
	switch x := n.(type) {
	case *ast.PointerNode, *ast.IdentifierNode, *ast.IntegerNode, *ast.FloatNode,
		*ast.StringNode, *ast.BoolNode, *ast.NilNode:
		return true
	case *ast.MemberNode:
		return constant(x.Property) && cheap(x.Node)
	case *ast.CallNode:
		id, ok := x.Callee.(*ast.IdentifierNode)
		if !ok {
			return false
		}
		switch id.Value {
		case fetchName:
			return constant(x.Arguments[1]) && cheap(x.Arguments[0])
		case addName, subName, mulName:
			return cheap(x.Arguments[1]) && cheap(x.Arguments[2])
		case negName:
			return cheap(x.Arguments[1])
		}
		return false
	case *ast.ChainNode:
		return cheap(x.Node)
	case *ast.UnaryNode:
		return cheap(x.Node)
	case *ast.ConditionalNode:
		return cheap(x.Cond) && cheap(x.Exp1) && cheap(x.Exp2)
	case *ast.BinaryNode:
		if !cheap(x.Left) || !cheap(x.Right) {
			return false
		}
		switch x.Operator {
		case "&&", "||", "and", "or", "??", "+", "-", "*", "/", "%":
			// A + that may join text is a call to $add by now, so this one adds numbers.
			return true
		case "==", "!=", "<", "<=", ">", ">=":
			return constant(x.Left) || constant(x.Right)
		}
	}
	return false
}

// constant says whether n is a literal scalar.
func constant(n ast.Node) bool {
	switch n.(type) {
	case *ast.IntegerNode, *ast.FloatNode, *ast.StringNode, *ast.BoolNode, *ast.NilNode:
		return true
	}
	return false
}

// call builds name(ctx, args...) in place of like, with like's location and type.
func call(name string, fnType reflect.Type, like ast.Node, args ...ast.Node) ast.Node {
	loc := like.Location()
	callee := &ast.IdentifierNode{Value: name}
	callee.SetType(fnType)
	callee.SetLocation(loc)
	ctx := &ast.IdentifierNode{Value: ctxName}
	ctx.SetType(stateType)
	ctx.SetLocation(loc)
	c := &ast.CallNode{Callee: callee, Arguments: append([]ast.Node{ctx}, args...)}
	c.SetNature(*like.Nature())
	c.SetLocation(loc)
	return c
}

// maybeText says whether a node may give text: its static type is text or unknown, and it is
// not arithmetic (doc.score * 2 is a number even when doc.score's type is unknown).
func maybeText(n ast.Node) bool {
	switch x := n.(type) {
	case *ast.BinaryNode:
		switch x.Operator {
		case "-", "*", "/", "%", "**", "^":
			return false
		}
	case *ast.UnaryNode:
		return false
	}
	t := n.Type()
	return t == nil || t.Kind() == reflect.Interface || t.Kind() == reflect.String
}

// grow counts n units of work or memory against the run's budget.
func (st *runState) grow(n int, what string) error {
	st.work += uint(max(n, 0))
	if st.work > st.lim.MemoryBudget {
		return fmt.Errorf("%w (%d units), %s", ErrMemory, st.lim.MemoryBudget, what)
	}
	return nil
}

func runStateOf(params []any) (*runState, error) {
	st, ok := params[0].(*runState)
	if !ok {
		return nil, errors.New("internal error: the formula runs without its state")
	}
	return st, nil
}

// loopItems is $loop.
func loopItems(params ...any) (any, error) {
	st, err := runStateOf(params)
	if err != nil {
		return nil, err
	}
	list := params[1]
	if list == nil {
		return []any{}, nil // a loop over a missing field goes over nothing
	}
	if err := st.grow(length(list), "in its loops"); err != nil {
		return nil, err
	}
	if err := st.check(); err != nil {
		return nil, err
	}
	return list, nil
}

// tick is $tick.
func tick(params ...any) (any, error) {
	st, err := runStateOf(params)
	if err != nil {
		return nil, err
	}
	st.ticks++
	if st.ticks%256 == 0 {
		if err := st.check(); err != nil {
			return nil, err
		}
	}
	return params[1], nil
}

// sumItem is $sum.
func sumItem(params ...any) (any, error) {
	if _, isText := params[1].(string); isText {
		return nil, errors.New("sum adds numbers, not text: use join to put text together")
	}
	return tick(params...)
}

// addValues is $add: + as the vm does it (runtime.Add), counting the bytes of joined text and
// refusing to wrap around (addChecked).
func addValues(params ...any) (any, error) {
	st, err := runStateOf(params)
	if err != nil {
		return nil, err
	}
	if a, ok := params[1].(string); ok {
		if b, ok := params[2].(string); ok {
			if err := st.grow(len(a)+len(b), "in the text it builds"); err != nil {
				return nil, err
			}
			return a + b, nil
		}
	}
	return addChecked(params[1], params[2])
}

// walkValue is $walk.
func walkValue(params ...any) (any, error) {
	st, err := runStateOf(params)
	if err != nil {
		return nil, err
	}
	if err := st.chargeValue(params[1], "in the values it goes through"); err != nil {
		return nil, err
	}
	if err := st.check(); err != nil {
		return nil, err
	}
	return params[1], nil
}

// chargeValue counts v's size (see sizeOf) against the budget.
func (st *runState) chargeValue(v any, what string) error {
	rest := int(min(st.lim.MemoryBudget-min(st.work, st.lim.MemoryBudget), 1<<40))
	n, ok := sizeOf(v, rest)
	if !ok {
		return fmt.Errorf("%w (%d units), %s", ErrMemory, st.lim.MemoryBudget, what)
	}
	return st.grow(n, what)
}

// maxDepth bounds how deeply sizeOf follows nested values.
const maxDepth = 1000

// sizeOf counts the values in v (one each) and the bytes of its text, following nested lists
// and maps (a value shared twice counts twice). It stops, returning false, once the count
// passes limit or the nesting passes maxDepth, so it costs at most limit steps.
func sizeOf(v any, limit int) (int, bool) {
	switch v := v.(type) {
	case nil, bool, int, float64, time.Time:
		return 1, limit >= 1
	case string:
		return 1 + len(v), 1+len(v) <= limit
	}
	s := sizer{limit: limit}
	ok := s.walk(v, 0)
	return s.n, ok
}

type sizer struct{ n, limit int }

func (s *sizer) walk(v any, depth int) bool {
	s.n++
	if s.n > s.limit || depth > maxDepth {
		return false
	}
	switch v := v.(type) {
	case nil, bool, int, float64, time.Time:
		return true
	case string:
		s.n += len(v)
	case []any:
		for _, x := range v {
			if !s.walk(x, depth+1) {
				return false
			}
		}
	case map[string]any:
		for k, x := range v {
			s.n += len(k)
			if !s.walk(x, depth+1) {
				return false
			}
		}
	case []int:
		s.n += len(v)
	case []float64:
		s.n += len(v)
	case []string:
		for _, x := range v {
			s.n += 1 + len(x)
		}
	case []map[string]any:
		for _, x := range v {
			if !s.walk(x, depth+1) {
				return false
			}
		}
	default:
		rv := reflect.ValueOf(v)
		switch rv.Kind() {
		case reflect.Slice, reflect.Array:
			for i := range rv.Len() {
				if !s.walk(rv.Index(i).Interface(), depth+1) {
					return false
				}
			}
		case reflect.Map:
			it := rv.MapRange()
			for it.Next() {
				if !s.walk(it.Key().Interface(), depth+1) || !s.walk(it.Value().Interface(), depth+1) {
					return false
				}
			}
		case reflect.String:
			s.n += rv.Len()
		}
	}
	return s.n <= s.limit
}

// length is the number of items a loop over v goes through.
func length(v any) int {
	switch v := v.(type) {
	case []any:
		return len(v)
	case []map[string]any:
		return len(v)
	case []int:
		return len(v)
	case []float64:
		return len(v)
	case []string:
		return len(v)
	case map[string]any:
		return len(v)
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map, reflect.String:
		return rv.Len()
	}
	return 0
}

// The builtins repeat, replace and join can make text far larger than their arguments (repeat
// allocates before the vm counts it): these versions compute the size first and count it.

func fnRepeat(params ...any) (any, error) {
	st, err := state(params)
	if err != nil {
		return nil, err
	}
	s, ok := params[1].(string)
	if !ok {
		return nil, fmt.Errorf("repeat: expected text, not %s", describe(params[1]))
	}
	n, err := toInt("repeat", params[2])
	if err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, fmt.Errorf("repeat: cannot repeat %d times", n)
	}
	if len(s) > 0 && n > int(st.lim.MemoryBudget)/len(s)+1 {
		return nil, fmt.Errorf("%w (%d units), in repeat", ErrMemory, st.lim.MemoryBudget)
	}
	if err := st.grow(len(s)*n, "in repeat"); err != nil {
		return nil, err
	}
	return strings.Repeat(s, n), nil
}

func fnReplace(params ...any) (any, error) {
	st, err := state(params)
	if err != nil {
		return nil, err
	}
	var parts [3]string
	for i := range parts {
		s, ok := params[1+i].(string)
		if !ok {
			return nil, fmt.Errorf("replace: expected text, not %s", describe(params[1+i]))
		}
		parts[i] = s
	}
	s, old, repl := parts[0], parts[1], parts[2]
	n := -1
	if len(params) == 5 {
		if n, err = toInt("replace", params[4]); err != nil {
			return nil, err
		}
	}
	count := strings.Count(s, old)
	if n >= 0 {
		count = min(count, n)
	}
	if err := st.grow(len(s)+count*max(len(repl)-len(old), 0), "in replace"); err != nil {
		return nil, err
	}
	return strings.Replace(s, old, repl, n), nil
}

func fnJoin(params ...any) (any, error) {
	st, err := state(params)
	if err != nil {
		return nil, err
	}
	sep := ""
	if len(params) == 3 {
		s, ok := params[2].(string)
		if !ok {
			return nil, fmt.Errorf("join: the separator must be text, not %s", describe(params[2]))
		}
		sep = s
	}
	var items []string
	switch list := params[1].(type) {
	case []string:
		items = list
	case []any:
		items = make([]string, len(list))
		for i, x := range list {
			s, ok := x.(string)
			if !ok {
				return nil, fmt.Errorf("join: item %d is %s, not text (string(x) makes text of a value)", i, describe(x))
			}
			items[i] = s
		}
	case nil:
		return "", nil
	default:
		return nil, fmt.Errorf("join: expected a list of text, not %s", describe(params[1]))
	}
	size := len(sep) * max(len(items)-1, 0)
	for _, s := range items {
		size += len(s)
	}
	if err := st.grow(size, "in join"); err != nil {
		return nil, err
	}
	return strings.Join(items, sep), nil
}
