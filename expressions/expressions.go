package expressions

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/checker"
	"github.com/expr-lang/expr/compiler"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/optimizer"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/vm"
)

// Mode is what a formula must produce.
type Mode int

const (
	// Value formulas produce any value: x-formula, x-computed, x-default, _eval.
	Value Mode = iota
	// Bool formulas produce true or false: x-rules "when", x-access, filters, automation "when".
	// A formula whose type is known not to be boolean does not compile; one whose type is
	// known only at run time fails then if it is not boolean, and nil counts as false.
	Bool
)

// String names the mode.
func (m Mode) String() string {
	switch m {
	case Value:
		return "value"
	case Bool:
		return "bool"
	}
	return fmt.Sprintf("Mode(%d)", int(m))
}

// Options configure Compile.
type Options struct {
	Mode Mode
	// Fields, when not nil, puts each named top-level field of the document in scope by its
	// own name as well (filters: `level == "pro" && passingScore >= 80`), besides doc. The
	// variables doc, old, auth and now, and let variables, win over a field of the same name.
	Fields []string
}

// MaxNodes bounds the size of a formula: one with more nodes (names, constants, operators,
// calls) than this does not compile.
const MaxNodes = 2000

// MaxSourceLength bounds the text of a formula, in bytes: a longer one does not compile.
const MaxSourceLength = 16 << 10

// Program is a compiled formula. It is immutable and safe for concurrent use by any number of
// goroutines: compile once, run many times.
type Program struct {
	src       string
	mode      Mode
	prog      *vm.Program
	docFields []string
	wholeDoc  bool
	readsDocs bool
	usesAuth  bool // the formula names auth, so a run puts it in the environment
	usesNow   bool // the same for now
	kind      reflect.Kind
	conjuncts []Conjunct
	// exact: the formula is its conjuncts and nothing else.
	exact    bool
	shape    *shape    // what Decide decides, for Bool formulas it can
	pool     sync.Pool // of *runState, so a run allocates no vm
	patterns patterns  // the patterns matches compiled at run time
}

// Source returns the formula's text as compiled.
func (p *Program) Source() string { return p.src }

// Mode returns the mode the formula was compiled in.
func (p *Program) Mode() Mode { return p.mode }

// DocFields returns the top-level document fields the formula reads as doc.X or doc["X"]
// (and, with Options.Fields, as bare X), sorted, without duplicates: used for dependency order
// between x-formula fields and to find the conjuncts a filter can serve from an index.
// doc.a.b reads a; map(doc.items, .points) reads items. See ReadsWholeDoc for the reads it
// cannot name.
func (p *Program) DocFields() []string { return slices.Clone(p.docFields) }

// ReadsWholeDoc reports whether the formula uses doc other than as doc.X or doc["X"] with a
// constant X (keys(doc), doc[name], toJSON(doc), let d = doc), so it may read any field:
// DocFields is then not the complete list, and a dependency order should treat the formula as
// depending on every other field.
func (p *Program) ReadsWholeDoc() bool { return p.wholeDoc }

// ReadsDocuments reports whether the formula calls get, find or count: a
// formula that does not runs without a Reader.
func (p *Program) ReadsDocuments() bool { return p.readsDocs }

// Kind is the formula's static result kind when the checker knows it
// (reflect.Bool, reflect.Int, reflect.Float64, reflect.String, reflect.Slice, reflect.Map,
// reflect.Struct for time.Time), and reflect.Interface when it does not. A Bool formula is
// always reflect.Bool. doc.X is not known statically (documents are maps), so doc.score * 2 is
// reflect.Interface while len(doc.items) is reflect.Int.
func (p *Program) Kind() reflect.Kind { return p.kind }

// Conjuncts splits a Bool formula on top-level && into simple comparisons it recognises:
// field == const, const == field, field <, <=, >, >= const (and reversed), where field is
// doc.X or bare X (with Options.Fields) and const is a literal string, number, bool or nil.
// A reversed comparison comes back with the field first (3 < doc.x is doc.x > 3). ok is false
// when nothing is recognised; || is never split. The caller serves recognised conjuncts from
// an index, and still runs the whole formula on each candidate. A comparison with the variable
// now is a conjunct too, marked Now: the caller supplies the time.
func (p *Program) Conjuncts() (cs []Conjunct, ok bool) {
	return slices.Clone(p.conjuncts), len(p.conjuncts) > 0
}

// IsConjunction reports whether the formula is exactly its Conjuncts
// joined by &&, with nothing else to run: a candidate an index chose by
// every conjunct holds the formula.
func (p *Program) IsConjunction() bool { return p.exact }

// Compile compiles src once, type-checked against the environment: variables doc, old, auth
// (with id, role, subject), now, and the functions get, find, count, addDays, addMonths,
// addHours, addMinutes, daysUntil, daysSince and sample, besides expr's builtins. A compile or
// type error is an *Error with Line and Column (1-based) and a Snippet (the source line and a
// caret under the column).
func Compile(src string, opts Options) (p *Program, err error) {
	defer func() {
		// A panic in expr's parser or checker is a bug there; the formula author still gets an
		// error with a position rather than a crashed request.
		if r := recover(); r != nil {
			p, err = nil, errorAt(src, 0, fmt.Sprintf("the formula cannot be compiled: %v", r), nil)
		}
	}()
	if len(src) > MaxSourceLength {
		return nil, errorAt(src, 0, fmt.Sprintf("the formula is too long (more than %d characters)", MaxSourceLength), nil)
	}

	// The steps of expr.Compile, one by one, so the tree can be read and rewritten in between:
	// before checking, to refuse unknown names with a suggestion, put bare fields in scope and
	// note the fields read (analysis); after optimizing, to bound loops and text (guard).
	config := newConfig(opts.Mode)
	tree, err := parser.ParseWithConfig(src, config)
	if err != nil {
		e := compileError(src, err)
		if strings.Contains(e.Message, "exceeds maximum allowed nodes") {
			// expr's parser says so when it passes MaxNodes.
			e.Message = fmt.Sprintf("the formula is too large (more than %d names, constants and operators)", MaxNodes)
		}
		return nil, e
	}

	a := &analysis{
		src:       src,
		fields:    make(map[string]bool, len(opts.Fields)),
		functions: make(map[string]bool, len(config.Functions)+len(config.Builtins)),
		docFields: make(map[string]bool),
		uses:      make(map[string]bool),
	}
	for _, f := range opts.Fields {
		a.fields[f] = true
	}
	for name := range config.Functions {
		a.functions[name] = true
	}
	for name := range config.Builtins {
		a.functions[name] = true
	}
	a.walk(&tree.Node, nil)
	if a.err != nil {
		return nil, a.err
	}
	cs, exact := conjuncts(tree.Node), exactConjuncts(tree.Node)
	var sh *shape
	if opts.Mode == Bool {
		sh = shapeOf(tree.Node)
	}

	t, err := new(checker.Checker).PatchAndCheck(tree, config)
	if err != nil {
		var fe *file.Error
		if !errors.As(err, &fe) && opts.Mode == Bool {
			// The checker's only error without a position: the result type is known, and it
			// is not what AsBool expects.
			return nil, errorAt(src, 0, "the formula must give true or false, but it gives "+typeName(tree.Node.Type()), nil)
		}
		return nil, compileError(src, err)
	}
	kind := kindOf(t)
	if opts.Mode == Bool {
		kind = reflect.Bool
	}

	if n := foldOverflow(tree.Node); n != nil {
		return nil, errorAt(src, n.Location().From, errOverflow.Error(), errOverflow)
	}
	if err := optimizer.Optimize(&tree.Node, config); err != nil {
		return nil, compileError(src, err)
	}
	if n, err := guard(&tree.Node, config); err != nil {
		return nil, errorAt(src, n.Location().From, err.Error(), err)
	}
	prog, err := compiler.Compile(tree, config)
	if err != nil {
		// The compiler fails only by a panic it recovers, with a stack trace in the message:
		// keep its first line.
		msg, _, _ := strings.Cut(err.Error(), "\n")
		return nil, errorAt(src, 0, "the formula cannot be compiled: "+msg, nil)
	}

	fields := make([]string, 0, len(a.docFields))
	for f := range a.docFields {
		fields = append(fields, f)
	}
	slices.Sort(fields)
	p = &Program{
		src:       src,
		mode:      opts.Mode,
		prog:      prog,
		docFields: fields,
		wholeDoc:  a.wholeDoc,
		readsDocs: a.readsDocs,
		usesAuth:  a.uses["auth"],
		usesNow:   a.uses["now"],
		kind:      kind,
		conjuncts: cs,
		exact:     exact,
		shape:     sh,
	}
	p.pool.New = func() any { return newRunState() }
	return p, nil
}

// newConfig builds expr's configuration the way expr.Compile does from options: the typed
// environment, the functions with their Go types, the run's context passed to them, UTC for
// date(), the node limit, and AsBool for Bool formulas.
func newConfig(mode Mode) *conf.Config {
	opts := []expr.Option{
		expr.Env(map[string]any{
			"doc":   map[string]any{},
			"old":   map[string]any{},
			"auth":  Auth{},
			"now":   time.Time{},
			ctxName: (*runState)(nil),
		}),
		expr.WithContext(ctxName),
		expr.Patch(utcDates{}),
		expr.MaxNodes(MaxNodes),
	}
	opts = append(opts, functions()...)
	if mode == Bool {
		opts = append(opts, expr.AsBool())
	}
	config := conf.CreateNew()
	for _, op := range opts {
		op(config)
	}
	for name := range config.Disabled {
		delete(config.Builtins, name)
	}
	config.Check()
	return config
}

// utcDates makes date() and now() read and give times in UTC, as expr.Timezone("UTC") does,
// but once per call and with the zone's type set: a date() in the argument of a function that
// receives the run's context (addDays(date("2024-01-31"), 1)) is visited again after the
// checker, and expr's own patcher left it a zone of unknown type, which the compiler then
// copied, failing at run time.
type utcDates struct{}

func (utcDates) Visit(node *ast.Node) {
	b, ok := (*node).(*ast.BuiltinNode)
	if !ok || b.Name != "date" && b.Name != "now" {
		return
	}
	if len(b.Arguments) > 0 {
		if c, ok := b.Arguments[0].(*ast.ConstantNode); ok {
			if _, zoned := c.Value.(*time.Location); zoned {
				return
			}
		}
	}
	loc := &ast.ConstantNode{Value: time.UTC}
	// Typed, so that the compiler passes the zone itself and not a copy of it (it dereferences
	// a builtin's arguments of unknown type).
	loc.SetType(reflect.TypeOf(time.UTC))
	ast.Patch(node, &ast.BuiltinNode{Name: b.Name, Arguments: append([]ast.Node{loc}, b.Arguments...)})
}

// typeName names a type for a formula author.
func typeName(t reflect.Type) string {
	if t != nil && (t.Kind() == reflect.Float64 || t.Kind() == reflect.Float32) {
		return "a decimal number"
	}
	switch kindOf(t) {
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Float64:
		return "a number"
	case reflect.String:
		return "text"
	case reflect.Slice:
		return "a list"
	case reflect.Map:
		return "an object"
	case reflect.Struct:
		return "a date"
	}
	switch t {
	case nil:
		return "a value of unknown type"
	case durationType:
		return "a duration"
	}
	return t.String()
}
