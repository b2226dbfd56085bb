package expressions

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"

	"github.com/expr-lang/expr/ast"
)

// Go's regular expressions run in time linear in the text, but that time is the text's
// length times the size of the pattern's program: "a?" repeated a thousand times over half a
// million characters is billions of steps, in one step of the vm that no deadline interrupts.
// So matches is a call of $matches, which refuses patterns longer than MaxPatternLength and
// charges the run's budget with the length of the text times the number of instructions of
// the pattern before it matches; contains, startsWith and endsWith charge the length of what
// they read. The budget then bounds such a step as it bounds a loop (about 20 ms for the
// default budget).

// MaxPatternLength bounds the text of a regular expression that matches uses, in bytes.
const MaxPatternLength = 1024

const (
	matchesName = "$matches" // text matches pattern
	textOpName  = "$textop"  // contains, startsWith, endsWith
)

// pattern is a compiled regular expression and its cost per byte of text matched.
type pattern struct {
	re   *regexp.Regexp
	cost int
}

// compilePattern compiles a pattern and measures its program.
func compilePattern(src string) (*pattern, error) {
	if len(src) > MaxPatternLength {
		return nil, fmt.Errorf("the pattern is too long (%d bytes; at most %d)", len(src), MaxPatternLength)
	}
	re, err := regexp.Compile(src)
	if err != nil {
		return nil, err
	}
	parsed, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return nil, err
	}
	prog, err := syntax.Compile(parsed.Simplify())
	if err != nil {
		return nil, err
	}
	return &pattern{re: re, cost: len(prog.Inst)}, nil
}

// patterns caches the patterns a formula builds at run time (doc.text matches doc.rule), so
// that each is compiled once; it starts afresh when full.
type patterns struct {
	mu sync.Mutex
	m  map[string]*pattern
}

const maxCachedPatterns = 64

func (c *patterns) get(src string) (*pattern, error) {
	c.mu.Lock()
	p, ok := c.m[src]
	c.mu.Unlock()
	if ok {
		return p, nil
	}
	p, err := compilePattern(src)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.m == nil || len(c.m) >= maxCachedPatterns {
		c.m = make(map[string]*pattern, maxCachedPatterns)
	}
	c.m[src] = p
	c.mu.Unlock()
	return p, nil
}

// guardText rewrites matches, contains, startsWith and endsWith. A constant pattern is
// compiled here, once; one that cannot be used is a compile error at the operator.
func guardText(n *ast.Node, x *ast.BinaryNode) error {
	switch x.Operator {
	case "matches":
		right := x.Right
		if s, ok := x.Right.(*ast.StringNode); ok {
			p, err := compilePattern(s.Value)
			if err != nil {
				return err
			}
			c := &ast.ConstantNode{Value: p}
			c.SetLocation(s.Location())
			right = c
		}
		ast.Patch(n, call(matchesName, addType, x, x.Left, right))
	case "contains", "startsWith", "endsWith":
		op := &ast.StringNode{Value: x.Operator}
		op.SetLocation(x.Location())
		ast.Patch(n, call(textOpName, textOpType, x, op, x.Left, x.Right))
	}
	return nil
}

// matchText is $matches: text matches pattern, nil on either side giving false.
func matchText(params ...any) (any, error) {
	st, err := runStateOf(params)
	if err != nil {
		return nil, err
	}
	if params[1] == nil || params[2] == nil {
		return false, nil
	}
	text, ok := params[1].(string)
	if !ok {
		return nil, fmt.Errorf("matches: expected text, not %s", describe(params[1]))
	}
	var p *pattern
	switch v := params[2].(type) {
	case *pattern:
		p = v
	case string:
		if p, err = st.patterns.get(v); err != nil {
			return nil, fmt.Errorf("matches: %w", err)
		}
		// Compiling costs about the pattern's length again.
		if err := st.grow(len(v), "in matches"); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("matches: the pattern must be text, not %s", describe(params[2]))
	}
	if err := st.check(); err != nil {
		return nil, err
	}
	if len(text) > 0 && p.cost > int(st.lim.MemoryBudget)/len(text)+1 {
		return nil, fmt.Errorf("%w (%d units), in matches: %d characters against a pattern of %d steps", ErrMemory,
			st.lim.MemoryBudget, len(text), p.cost)
	}
	if err := st.grow((len(text)+1)*p.cost, "in matches"); err != nil {
		return nil, err
	}
	return p.re.MatchString(text), nil
}

// textOp is $textop: contains, startsWith or endsWith, charging what it reads.
func textOp(params ...any) (any, error) {
	st, err := runStateOf(params)
	if err != nil {
		return nil, err
	}
	op, _ := params[1].(string)
	if params[2] == nil || params[3] == nil {
		return false, nil
	}
	a, okA := params[2].(string)
	b, okB := params[3].(string)
	if !okA || !okB {
		return nil, fmt.Errorf("%s: expected text on both sides, not %s and %s", op, describe(params[2]), describe(params[3]))
	}
	switch op {
	case "contains":
		if err := st.grow(len(a)+len(b), "in contains"); err != nil {
			return nil, err
		}
		return strings.Contains(a, b), nil
	case "startsWith":
		return strings.HasPrefix(a, b), nil
	case "endsWith":
		return strings.HasSuffix(a, b), nil
	}
	return nil, fmt.Errorf("internal error: unknown text operator %q", op)
}
