package expressions

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/vm/runtime"
)

// Whole numbers and durations are 64-bit: expr's arithmetic wraps around past ±2^63 as Go's
// does, so that a large enough product turns negative and a date moves into the past. A
// formula's arithmetic never wraps: guard makes +, -, * and unary - on values that may be
// whole numbers or durations calls of the functions below, which fail with the operator's
// position instead; sum adds through $add; int() refuses a number it cannot hold; dates stay
// within the years 0001 to 9999, which RFC 3339 can write.

// errOverflow is the error of arithmetic past the 64-bit range.
var errOverflow = errors.New("the result is too large: whole numbers and durations hold up to about ±9.2e18 (±292 years)")

// errDateRange is the error of a date outside the years RFC 3339 can write.
var errDateRange = errors.New("the date is out of range: dates go from year 1 to year 9999")

const (
	subName = "$sub" // - on values that may be whole numbers, durations or dates
	mulName = "$mul" // * on values that may be whole numbers or durations
	negName = "$neg" // unary - on a value that may be a whole number
)

// mayWrap says whether an arithmetic node may operate on whole numbers, durations or dates:
// its operands' static types are not all decimal numbers.
func mayWrap(nodes ...ast.Node) bool {
	for _, n := range nodes {
		t := n.Type()
		if t == nil || !isFloat(t.Kind()) {
			return true
		}
	}
	return false
}

// addInts adds two whole numbers, or reports the overflow.
func addInts(a, b int64) (int64, bool) {
	c := a + b
	return c, (c > a) == (b > 0)
}

// subInts subtracts b from a, or reports the overflow.
func subInts(a, b int64) (int64, bool) {
	c := a - b
	return c, (c < a) == (b > 0)
}

// mulInts multiplies two whole numbers, or reports the overflow.
func mulInts(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	c := a * b
	if c/b != a || (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) {
		return 0, false
	}
	return c, true
}

// checkDate refuses a date outside the years 1 to 9999.
func checkDate(t time.Time) (time.Time, error) {
	if y := t.Year(); y < 1 || y > 9999 {
		return time.Time{}, errDateRange
	}
	return t, nil
}

// addChecked is + without wrapping: whole numbers, durations, and a date plus a duration.
func addChecked(a, b any) (any, error) {
	switch x := a.(type) {
	case int:
		if y, ok := b.(int); ok {
			c, ok := addInts(int64(x), int64(y))
			if !ok {
				return nil, errOverflow
			}
			return int(c), nil
		}
	case time.Duration:
		switch y := b.(type) {
		case time.Duration:
			c, ok := addInts(int64(x), int64(y))
			if !ok {
				return nil, errOverflow
			}
			return time.Duration(c), nil
		case time.Time:
			return checkDate(y.Add(x))
		}
	case time.Time:
		if y, ok := b.(time.Duration); ok {
			return checkDate(x.Add(y))
		}
	}
	return runtime.Add(a, b), nil
}

func subChecked(a, b any) (any, error) {
	switch x := a.(type) {
	case int:
		if y, ok := b.(int); ok {
			c, ok := subInts(int64(x), int64(y))
			if !ok {
				return nil, errOverflow
			}
			return int(c), nil
		}
	case time.Duration:
		if y, ok := b.(time.Duration); ok {
			c, ok := subInts(int64(x), int64(y))
			if !ok {
				return nil, errOverflow
			}
			return time.Duration(c), nil
		}
	case time.Time:
		switch y := b.(type) {
		case time.Duration:
			if y == math.MinInt64 {
				return nil, errOverflow
			}
			return checkDate(x.Add(-y))
		case time.Time:
			// Sub saturates at the largest duration rather than fail.
			d := x.Sub(y)
			if d == math.MaxInt64 || d == math.MinInt64 {
				return nil, errOverflow
			}
			return d, nil
		}
	}
	return runtime.Subtract(a, b), nil
}

func mulChecked(a, b any) (any, error) {
	x, xDur := a.(time.Duration)
	y, yDur := b.(time.Duration)
	if xDur || yDur {
		if !xDur {
			n, ok := a.(int)
			if !ok {
				return runtime.Multiply(a, b), nil
			}
			x = time.Duration(n)
		}
		if !yDur {
			n, ok := b.(int)
			if !ok {
				return runtime.Multiply(a, b), nil
			}
			y = time.Duration(n)
		}
		c, ok := mulInts(int64(x), int64(y))
		if !ok {
			return nil, errOverflow
		}
		return time.Duration(c), nil
	}
	if i, ok := a.(int); ok {
		if j, ok := b.(int); ok {
			c, ok := mulInts(int64(i), int64(j))
			if !ok {
				return nil, errOverflow
			}
			return int(c), nil
		}
	}
	return runtime.Multiply(a, b), nil
}

func negChecked(a any) (any, error) {
	switch x := a.(type) {
	case int:
		if x == math.MinInt {
			return nil, errOverflow
		}
		return -x, nil
	case time.Duration:
		if x == math.MinInt64 {
			return nil, errOverflow
		}
		return -x, nil
	}
	return runtime.Negate(a), nil
}

// The functions guard calls: the run's state first, as every guard function.

func subValues(params ...any) (any, error) { return subChecked(params[1], params[2]) }
func mulValues(params ...any) (any, error) { return mulChecked(params[1], params[2]) }
func negValue(params ...any) (any, error)  { return negChecked(params[1]) }

// fnInt is the builtin int, refusing what a whole number cannot hold: a decimal number past
// ±2^63 (or not a number) and text of a number too large.
func fnInt(params ...any) (any, error) {
	switch v := params[0].(type) {
	case int:
		return v, nil
	case float64:
		if math.IsNaN(v) || v >= 1<<63 || v < -(1<<63) {
			return nil, fmt.Errorf("int: %v is %w", v, errTooLargeForInt)
		}
		return int(v), nil
	case time.Duration:
		return int(v), nil
	case string:
		n, err := strconv.Atoi(v)
		if errors.Is(err, strconv.ErrRange) {
			return nil, fmt.Errorf("int: %q is %w", v, errTooLargeForInt)
		}
		if err != nil {
			return nil, fmt.Errorf("int: %q is not a whole number", v)
		}
		return n, nil
	case bool, nil:
		return nil, fmt.Errorf("int: cannot make a whole number of %s", describe(v))
	}
	return runtime.ToInt(params[0]), nil
}

var errTooLargeForInt = errors.New("too large for a whole number (about ±9.2e18 at most)")

// foldOverflow finds, before the optimizer folds constants (and would wrap around), an
// arithmetic of whole-number literals whose result cannot be held: 9223372036854775807 + 1.
// It returns the node where it happens, or nil.
func foldOverflow(node ast.Node) ast.Node {
	var bad ast.Node
	var value func(n ast.Node) (int64, bool)
	value = func(n ast.Node) (int64, bool) {
		switch x := n.(type) {
		case *ast.IntegerNode:
			return int64(x.Value), true
		case *ast.UnaryNode:
			v, ok := value(x.Node)
			if !ok || bad != nil {
				return 0, false
			}
			switch x.Operator {
			case "-":
				if v == math.MinInt64 {
					bad = x
					return 0, false
				}
				return -v, true
			case "+":
				return v, true
			}
		case *ast.BinaryNode:
			a, okA := value(x.Left)
			b, okB := value(x.Right)
			if !okA || !okB || bad != nil {
				return 0, false
			}
			var c int64
			ok := true
			switch x.Operator {
			case "+":
				c, ok = addInts(a, b)
			case "-":
				c, ok = subInts(a, b)
			case "*":
				c, ok = mulInts(a, b)
			default:
				return 0, false
			}
			if !ok {
				bad = x
			}
			return c, ok
		}
		return 0, false
	}
	ast.Find(node, func(n ast.Node) bool {
		if bad == nil {
			value(n)
		}
		if b, ok := n.(*ast.BuiltinNode); ok && bad == nil && (b.Name == "sum" || b.Name == "reduce") && len(b.Arguments) > 0 {
			// The optimizer adds a constant range by the formula for a series.
			if r, ok := b.Arguments[0].(*ast.BinaryNode); ok && r.Operator == ".." {
				m, okM := value(r.Left)
				n, okN := value(r.Right)
				if okM && okN && n >= m {
					count, ok1 := subInts(n, m)
					_, ok2 := addInts(count, 1)
					ends, ok3 := addInts(m, n)
					_, ok4 := mulInts(count+1, ends)
					if !ok1 || !ok2 || !ok3 || !ok4 {
						bad = b
					}
				}
			}
		}
		return bad != nil
	})
	return bad
}
