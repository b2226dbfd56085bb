package expressions

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/expr-lang/expr/file"
)

// ErrReadLimit is the cause of a run that read more documents through get, find and count
// than Limits.MaxReads allows. Check it with errors.Is.
var ErrReadLimit = errors.New("the formula reads too many documents")

// ErrMemory is the cause of a run that went past Limits.MemoryBudget: it built lists too large,
// or looped over too many items in all. Check it with errors.Is.
var ErrMemory = errors.New("the formula needs more memory or work than its budget")

// ErrNoReader is the cause of a run that called get, find or count when Run was given no
// Reader (a context where formulas may not read other documents). Check it with errors.Is.
var ErrNoReader = errors.New("the formula cannot read other documents here")

// Error is a formula that does not compile or fails to run. Message is for the person who wrote
// the formula; Line and Column (1-based, counted in characters) point at the problem, with
// Snippet showing the source line and a caret under the column. Line and Column are 0 when a
// runtime error has no position. Err is the cause when there is one (ErrMemory, ErrReadLimit,
// ErrNoReader, a context error, a Reader's error), so errors.Is and errors.As see through an
// Error.
type Error struct {
	Message string
	Line    int
	Column  int
	Snippet string
	Err     error
}

// Error returns the message, the position and the snippet, the way expr formats its own errors:
//
//	unknown name titel (did you mean title?) (1:1)
//	 | titel == "Go"
//	 | ^
func (e *Error) Error() string {
	if e.Line == 0 {
		return e.Message
	}
	if e.Snippet == "" {
		return fmt.Sprintf("%s (%d:%d)", e.Message, e.Line, e.Column)
	}
	return fmt.Sprintf("%s (%d:%d)\n%s", e.Message, e.Line, e.Column, e.Snippet)
}

// Unwrap returns the cause, or nil.
func (e *Error) Unwrap() error { return e.Err }

// errorAt builds an *Error for a position (a character offset) in src.
func errorAt(src string, offset int, msg string, cause error) *Error {
	fe := &file.Error{Location: file.Location{From: offset, To: offset}, Message: msg}
	return fromFileError(src, fe.Bind(file.NewSource(src)), cause)
}

// fromFileError converts expr's error, already bound to its source, into an *Error.
func fromFileError(src string, fe *file.Error, cause error) *Error {
	e := &Error{
		Message: strings.TrimSpace(fe.Message),
		Line:    fe.Line,
		Column:  fe.Column + 1,
		Snippet: strings.TrimPrefix(fe.Snippet, "\n"),
		Err:     cause,
	}
	if e.Line < 1 {
		// Bind leaves Line at 0 only when it was never called; every error we build has a
		// position, at worst the start of the formula.
		bound := (&file.Error{Message: fe.Message}).Bind(file.NewSource(src))
		e.Line, e.Column, e.Snippet = bound.Line, bound.Column+1, strings.TrimPrefix(bound.Snippet, "\n")
	}
	return e
}

// compileError turns any error from parsing, checking, optimizing or compiling into an *Error
// with a position (the start of the formula when expr gives none).
func compileError(src string, err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var fe *file.Error
	if errors.As(err, &fe) {
		if fe.Line == 0 {
			fe = fe.Bind(file.NewSource(src))
		}
		return fromFileError(src, fe, nil)
	}
	return errorAt(src, 0, err.Error(), nil)
}

// runError turns an error from the vm (a *file.Error bound to the source, whose Prev is what a
// function returned) into an *Error, recognising the causes callers check with errors.Is.
func (p *Program) runError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var fe *file.Error
	if !errors.As(err, &fe) {
		return &Error{Message: err.Error(), Err: err}
	}
	cause := fe.Prev
	msg := strings.TrimSpace(fe.Message)
	switch {
	case cause != nil && (errors.Is(cause, ErrMemory) || errors.Is(cause, ErrReadLimit) ||
		errors.Is(cause, ErrNoReader) || errors.Is(cause, context.DeadlineExceeded) ||
		errors.Is(cause, context.Canceled)):
		msg = cause.Error()
	case strings.Contains(msg, "memory budget exceeded"):
		// The vm signals its memory budget with a panic of this text and no error value
		// (vm.memGrow): there is nothing else to recognise it by.
		// TestMemoryLimit pins the behaviour, so an expr upgrade that changes it fails there.
		cause = ErrMemory
		msg = ErrMemory.Error() + ", in the lists it builds"
	case p.mode == Bool && strings.HasPrefix(msg, "invalid operation: bool("):
		// The cast AsBool adds at the end of a Bool formula whose type was unknown at compile time.
		gave := strings.TrimSuffix(strings.TrimPrefix(msg, "invalid operation: bool("), ")")
		if name, ok := goTypeNames[gave]; ok {
			gave = name
		}
		msg = "the formula must give true or false, but gave " + gave
	case strings.Contains(msg, "<nil>"):
		msg += " (a value is missing: ?. skips a missing object, as in get(\"exams\", doc.exam)?.passingScore, and ?? gives a default, as in doc.bonus ?? 0)"
	}
	out := fromFileError(p.src, fe, cause)
	out.Message = msg
	return out
}

// goTypeNames names the types of formula values for a formula author.
var goTypeNames = map[string]string{
	"int": "a number", "float64": "a decimal number", "string": "text", "time.Time": "a date",
	"[]interface {}": "a list", "map[string]interface {}": "an object", "time.Duration": "a duration",
}

// suggest returns the candidate closest to name, or "" when none is close enough to be a typo.
func suggest(name string, candidates []string) string {
	best, bestDist := "", 0
	limit := 1
	if len(name) > 4 {
		limit = 2
	}
	for _, c := range candidates {
		if c == name || c == "" {
			continue
		}
		d := editDistance(strings.ToLower(name), strings.ToLower(c))
		if d > limit {
			continue
		}
		if best == "" || d < bestDist || (d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance: insertions, deletions, substitutions
// and transpositions of neighbours each cost one, so "titel" is one away from "title".
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 1 << 30
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// didYouMean formats a suggestion for a message, or nothing.
func didYouMean(name string, candidates []string) string {
	if s := suggest(name, candidates); s != "" {
		return " (did you mean " + s + "?)"
	}
	return ""
}
