package schemas

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
)

// jsonschema/v5 turns every number it compares into a *big.Rat and does not
// check that the conversion worked: a number whose exponent is too large for
// big.Rat (1e9999999) makes it panic on a nil pointer, and one just below the
// limit costs a second of arithmetic. Numbers are therefore bounded before
// they reach it, in schemas and in documents alike.
const (
	maxNumberLength   = 1000 // characters of a number literal
	maxNumberExponent = 1000 // |e| in 1e-1000 .. 1e1000
)

// badNumbers lists the numbers inside v that the validator cannot compare,
// with the reason. It allocates only for what it reports.
func badNumbers(v any) []FieldError {
	var w numberWalker
	w.walk(v)
	return w.bad
}

type numberWalker struct {
	tokens []string // the path to the current value, unescaped
	bad    []FieldError
}

func (w *numberWalker) walk(v any) {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			w.tokens = append(w.tokens, k)
			w.walk(e)
			w.tokens = w.tokens[:len(w.tokens)-1]
		}
	case []any:
		for i, e := range v {
			w.tokens = append(w.tokens, strconv.Itoa(i))
			w.walk(e)
			w.tokens = w.tokens[:len(w.tokens)-1]
		}
	case json.Number:
		w.report(checkNumber(string(v)))
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			w.report("is not a finite number")
		}
	case float32:
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			w.report("is not a finite number")
		}
	}
}

func (w *numberWalker) report(msg string) {
	if msg == "" {
		return
	}
	var path strings.Builder
	for _, t := range w.tokens {
		path.WriteByte('/')
		path.WriteString(escape(t))
	}
	w.bad = append(w.bad, FieldError{Path: path.String(), Message: msg})
}

// checkNumber returns why the JSON number literal s cannot be validated, or "".
func checkNumber(s string) string {
	if len(s) > maxNumberLength {
		return "is too long a number"
	}
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	default:
		return "is not a valid number"
	}
	if i < len(s) && s[i] == '.' {
		i++
		start := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i == start {
			return "is not a valid number"
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		start := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i == start {
			return "is not a valid number"
		}
		if e, err := strconv.Atoi(s[start:i]); err != nil || e > maxNumberExponent {
			return "is too large or too small a number"
		}
	}
	if i != len(s) {
		return "is not a valid number"
	}
	return ""
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
