package expressions

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"time"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/builtin"
	"github.com/expr-lang/expr/conf"
)

// functions declares the formula functions with their Go types (and repeat, replace and join,
// which replace expr's builtins of the same names with versions that count what they make), so the checker refuses a wrong
// argument at compile time. Each takes the run's context first (expr.WithContext inserts it);
// a date argument may be a time or an RFC 3339 / date string, hence two overloads.
func functions() []expr.Option {
	type (
		ctx = context.Context
		doc = map[string]any
	)
	dateOverloads := func() []any {
		// The time overload comes last: the checker reports the last overload's complaint, and
		// "cannot use float64 as argument (type int)" is the helpful one.
		return []any{new(func(ctx, string, int) time.Time), new(func(ctx, time.Time, int) time.Time)}
	}
	return []expr.Option{
		expr.Function("get", fnGet, new(func(ctx, string, string) doc)),
		expr.Function("find", fnFind, new(func(ctx, string, doc) []doc)),
		expr.Function("count", fnCount, new(func(ctx, string, doc) int)),
		expr.Function("addDays", dateAdder("addDays", 366*maxYears, func(t time.Time, n int) time.Time { return t.AddDate(0, 0, n) }), dateOverloads()...),
		expr.Function("addMonths", dateAdder("addMonths", 12*maxYears, addMonths), dateOverloads()...),
		expr.Function("addHours", dateAdder("addHours", 24*366*maxYears, func(t time.Time, n int) time.Time { return t.Add(time.Duration(n) * time.Hour) }), dateOverloads()...),
		expr.Function("addMinutes", dateAdder("addMinutes", 60*24*366*maxYears, func(t time.Time, n int) time.Time { return t.Add(time.Duration(n) * time.Minute) }), dateOverloads()...),
		expr.Function("daysUntil", dayCounter("daysUntil", false),
			new(func(ctx, string) int), new(func(ctx, time.Time) int)),
		expr.Function("daysSince", dayCounter("daysSince", true),
			new(func(ctx, string) int), new(func(ctx, time.Time) int)),
		sampleFunction(),
		intFunction(),
		expr.Function("repeat", fnRepeat, new(func(ctx, string, int) string)),
		expr.Function("replace", fnReplace,
			new(func(ctx, string, string, string) string),
			new(func(ctx, string, string, string, int) string)),
		expr.Function("join", fnJoin,
			new(func(ctx, []any, string) string),
			new(func(ctx, []any) string),
			new(func(ctx, []string, string) string),
			new(func(ctx, []string) string)),
	}
}

// state returns the run's state, which expr passes as every function's first argument, after
// checking the run may go on.
func state(params []any) (*runState, error) {
	st, ok := params[0].(*runState)
	if !ok {
		return nil, errors.New("internal error: the formula runs without its state")
	}
	return st, st.check()
}

// charge counts n documents read (at least one per call) against MaxReads.
func (st *runState) charge(fn string, n int) error {
	st.reads += max(n, 1)
	if st.reads > st.lim.MaxReads {
		return fmt.Errorf("%w: %s goes past the limit of %d documents read per evaluation", ErrReadLimit, fn, st.lim.MaxReads)
	}
	return nil
}

// remaining is how many documents the run may still read.
func (st *runState) remaining() int { return max(st.lim.MaxReads-st.reads, 0) }

func (st *runState) reader(fn string) (Reader, error) {
	if st.read == nil {
		return nil, fmt.Errorf("%w (%s)", ErrNoReader, fn)
	}
	return st.read, nil
}

func fnGet(params ...any) (any, error) {
	st, err := state(params)
	if err != nil {
		return nil, err
	}
	coll, id, err := twoStrings("get", params[1], params[2])
	if err != nil {
		return nil, err
	}
	r, err := st.reader("get")
	if err != nil {
		return nil, err
	}
	if err := st.charge("get", 1); err != nil {
		return nil, err
	}
	d, err := r.Get(st.readContext(), coll, id)
	if err != nil {
		return nil, fmt.Errorf("get(%q, %q): %w", coll, id, err)
	}
	if d == nil {
		return nil, nil // untyped, so get(...)?.x and get(...) == nil work
	}
	return d, nil
}

func fnFind(params ...any) (any, error) {
	st, coll, match, r, err := matchArgs("find", params)
	if err != nil {
		return nil, err
	}
	rest := st.remaining()
	docs, err := r.Find(st.readContext(), coll, match, rest+1)
	if err != nil {
		return nil, fmt.Errorf("find(%q): %w", coll, err)
	}
	if err := st.charge("find", len(docs)); err != nil {
		return nil, err
	}
	if docs == nil {
		docs = []map[string]any{}
	}
	return docs, nil
}

func fnCount(params ...any) (any, error) {
	st, coll, match, r, err := matchArgs("count", params)
	if err != nil {
		return nil, err
	}
	if kc, ok := r.(keptCounter); ok {
		n, kept, err := kc.KeptCount(st.readContext(), coll, match)
		if err != nil {
			return nil, fmt.Errorf("count(%q): %w", coll, err)
		}
		if kept {
			if err := st.charge("count", 1); err != nil { // a key read
				return nil, err
			}
			return n, nil
		}
	}
	rest := st.remaining()
	n, err := r.Count(st.readContext(), coll, match, rest+1)
	if err != nil {
		return nil, fmt.Errorf("count(%q): %w", coll, err)
	}
	if err := st.charge("count", n); err != nil {
		return nil, err
	}
	return n, nil
}

// keptCounter is a Reader that may answer a count without reading the
// documents (from counts kept as they are written); kept is false when it
// cannot, and the documents are counted.
type keptCounter interface {
	KeptCount(ctx context.Context, collection string, match map[string]any) (n int, kept bool, err error)
}

func matchArgs(fn string, params []any) (*runState, string, map[string]any, Reader, error) {
	st, err := state(params)
	if err != nil {
		return nil, "", nil, nil, err
	}
	coll, ok := params[1].(string)
	if !ok {
		return nil, "", nil, nil, fmt.Errorf("%s: the collection must be text, not %s", fn, describe(params[1]))
	}
	var match map[string]any
	switch m := params[2].(type) {
	case map[string]any:
		match = m
	case nil:
	default:
		return nil, "", nil, nil, fmt.Errorf("%s: the match must be an object like {learner: doc.learner}, not %s", fn, describe(params[2]))
	}
	r, err := st.reader(fn)
	if err != nil {
		return nil, "", nil, nil, err
	}
	if st.remaining() == 0 {
		// Nothing left to read: the call itself goes past the limit.
		if err := st.charge(fn, 1); err != nil {
			return nil, "", nil, nil, err
		}
	}
	return st, coll, match, r, nil
}

func twoStrings(fn string, a, b any) (string, string, error) {
	s1, ok1 := a.(string)
	s2, ok2 := b.(string)
	if !ok1 {
		return "", "", fmt.Errorf("%s: the collection must be text, not %s", fn, describe(a))
	}
	if !ok2 {
		return "", "", fmt.Errorf("%s: the id must be text, not %s", fn, describe(b))
	}
	return s1, s2, nil
}

// describe names a runtime value's type for a formula author.
func describe(v any) string {
	switch v.(type) {
	case nil:
		return "nothing (nil)"
	case bool:
		return "true or false"
	case int, int64, float64:
		return "a number"
	case string:
		return "text"
	case time.Time:
		return "a date"
	case []any, []map[string]any, []int, []string, []float64:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// toTime accepts a time or a string ParseTime understands.
func toTime(fn string, v any) (time.Time, error) {
	switch v := v.(type) {
	case time.Time:
		return v, nil
	case string:
		if t, ok := ParseTime(v); ok {
			return t, nil
		}
		return time.Time{}, fmt.Errorf("%s: %q is not a date (expected 2024-03-01 or 2024-03-01T09:30:00Z)", fn, v)
	case nil:
		return time.Time{}, fmt.Errorf("%s: the date is missing (nil)", fn)
	}
	return time.Time{}, fmt.Errorf("%s: expected a date, not %s", fn, describe(v))
}

// toInt accepts an int, or a float64 with no fraction (a number that came from JSON).
func toInt(fn string, v any) (int, error) {
	switch v := v.(type) {
	case int:
		return v, nil
	case float64:
		if v == math.Trunc(v) && math.Abs(v) < 1<<53 {
			return int(v), nil
		}
	}
	return 0, fmt.Errorf("%s: expected a whole number, not %s", fn, describe(v))
}

// maxYears bounds what the date functions add: the span of the years 1 to 9999, which a date
// may not leave.
const maxYears = 10000

// dateAdder makes a function that adds n units to a date, refusing an n past limit (which
// could wrap around inside time's arithmetic) and a result outside the years 1 to 9999.
func dateAdder(fn string, limit int, add func(time.Time, int) time.Time) func(params ...any) (any, error) {
	return func(params ...any) (any, error) {
		if _, err := state(params); err != nil {
			return nil, err
		}
		t, err := toTime(fn, params[1])
		if err != nil {
			return nil, err
		}
		n, err := toInt(fn, params[2])
		if err != nil {
			return nil, err
		}
		if n > limit || n < -limit {
			return nil, fmt.Errorf("%s: %w", fn, errDateRange)
		}
		out, err := checkDate(add(t, n))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", fn, err)
		}
		return out, nil
	}
}

// addMonths adds calendar months, keeping the day of the month when the target month has it
// and using its last day when it does not: Jan 31 plus one month is Feb 28 (or 29).
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(d, last)-1)
}

// dayCounter counts whole days between the run's now and a date (from the date to now when
// since is set): the time between divided by 24 hours, truncated toward zero (36 hours is 1
// day, -36 hours is -1 day). It counts in seconds, which hold any span of dates, where a
// duration would stop at 292 years.
func dayCounter(fn string, since bool) func(params ...any) (any, error) {
	return func(params ...any) (any, error) {
		st, err := state(params)
		if err != nil {
			return nil, err
		}
		t, err := toTime(fn, params[1])
		if err != nil {
			return nil, err
		}
		from, to := st.now, t
		if since {
			from, to = t, st.now
		}
		secs := to.Unix() - from.Unix()
		nanos := to.Nanosecond() - from.Nanosecond()
		if secs > 0 && nanos < 0 {
			secs-- // the seconds short of a whole one do not count
		} else if secs < 0 && nanos > 0 {
			secs++
		}
		return int(secs / 86400), nil
	}
}

// fnSample draws n items without replacement, repeatably: the run's random source is seeded
// from Env.Seed and Env.SeedKey (see random), and a partial Fisher-Yates shuffle runs on a copy.
func fnSample(params ...any) (any, error) {
	st, err := state(params)
	if err != nil {
		return nil, err
	}
	n, err := toInt("sample", params[2])
	if err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, fmt.Errorf("sample: cannot draw %d items", n)
	}
	list := params[1]
	if list == nil {
		list = []any{}
	}
	rv := reflect.ValueOf(list)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return nil, fmt.Errorf("sample: expected a list, not %s", describe(list))
	}
	size := rv.Len()
	if err := st.grow(size, "in sample"); err != nil {
		return nil, err
	}
	n = min(n, size)
	rng := st.random()
	if items, ok := list.([]any); ok {
		out := make([]any, size)
		copy(out, items)
		for i := range n {
			j := i + rng.IntN(size-i)
			out[i], out[j] = out[j], out[i]
		}
		return out[:n:n], nil
	}
	out := reflect.MakeSlice(reflect.SliceOf(rv.Type().Elem()), size, size)
	reflect.Copy(out, rv)
	swap := reflect.Swapper(out.Interface())
	for i := range n {
		swap(i, i+rng.IntN(size-i))
	}
	return out.Slice3(0, n, n).Interface(), nil
}

// random is the run's random source, made on first use from the seed: the draws of one run
// follow each other, so a formula that samples twice gets two different draws, the same ones
// on every run with the same seed (and key). The seed is hashed (HMAC-SHA256 keyed by
// Env.SeedKey, or SHA-256 without a key) into the 128 bits of a PCG state.
func (st *runState) random() *rand.Rand {
	if st.rng == nil {
		var sum []byte
		if st.key != nil {
			h := hmac.New(sha256.New, st.key)
			h.Write([]byte(st.seed))
			sum = h.Sum(nil)
		} else {
			s := sha256.Sum256([]byte(st.seed))
			sum = s[:]
		}
		st.rng = rand.New(rand.NewPCG(binary.BigEndian.Uint64(sum), binary.BigEndian.Uint64(sum[8:])))
	}
	return st.rng
}

// intFunction replaces the builtin int with fnInt, which refuses a number too large for a
// whole number instead of making some other one of it; the builtin's check of its argument
// stays.
func intFunction() expr.Option {
	return func(c *conf.Config) {
		c.Functions["int"] = &builtin.Function{Name: "int", Func: fnInt, Validate: builtin.Builtins[builtin.Index["int"]].Validate}
	}
}

// sampleFunction declares sample with a validation rather than overloads, so that its result
// has the type of its list (sample(find(...), 3) is a list of documents, sample(doc.tags, 1) a
// list of anything) and a wrong argument gets a plain message. Types still holds the signature
// expr.WithContext reads to pass the run's context.
func sampleFunction() expr.Option {
	return func(c *conf.Config) {
		c.Functions["sample"] = &builtin.Function{
			Name:     "sample",
			Func:     fnSample,
			Types:    []reflect.Type{reflect.TypeFor[func(context.Context, []any, int) []any]()},
			Validate: validateSample,
		}
	}
}

func validateSample(args []reflect.Type) (reflect.Type, error) {
	anyList := reflect.TypeFor[[]any]()
	if len(args) != 3 {
		return anyList, errors.New("sample takes a list and a number of items: sample(list, n)")
	}
	list, n := args[1], args[2]
	out := anyList
	switch list.Kind() {
	case reflect.Interface:
	case reflect.Slice, reflect.Array:
		out = reflect.SliceOf(list.Elem())
	default:
		return anyList, fmt.Errorf("sample: the first argument must be a list, not %s", typeName(list))
	}
	switch n.Kind() {
	case reflect.Interface, reflect.Int, reflect.Int64, reflect.Int32:
	default:
		return anyList, fmt.Errorf("sample: the number of items must be a whole number, not %s", typeName(n))
	}
	return out, nil
}
