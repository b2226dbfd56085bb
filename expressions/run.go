package expressions

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/vm"
)

// Env is the data a formula runs against. Doc and Old hold formula values (see FromJSON).
type Env struct {
	Doc map[string]any
	Old map[string]any // nil on create: old == nil is then true
	// Auth is the caller: auth.id, auth.role, auth.subject.
	Auth Auth
	// Now is the now variable, and what daysUntil and daysSince count from. The zero time means
	// the moment the run starts (in UTC).
	Now time.Time
	// Seed makes sample repeatable: the document id and the field name.
	Seed string
	// SeedKey, when set, is mixed with Seed (HMAC-SHA256) to seed sample:
	// the draw stays repeatable for whoever holds the key, and cannot be
	// foreseen from Seed alone (a client that chooses a document's id
	// cannot search for the id that draws the questions it knows).
	SeedKey []byte
}

// Auth is the caller as formulas see it: auth.id, auth.role and auth.subject.
type Auth struct {
	ID      string `expr:"id"`
	Role    string `expr:"role"`
	Subject string `expr:"subject"`
}

// Reader is what get, find and count read. Documents come back as formula values.
type Reader interface {
	// Get returns the document, or nil, nil when it is absent.
	Get(ctx context.Context, collection, id string) (map[string]any, error)
	// Find returns at most limit documents whose top-level fields equal match's values.
	Find(ctx context.Context, collection string, match map[string]any, limit int) ([]map[string]any, error)
	// Count counts the documents whose top-level fields equal match's values; it may stop
	// counting at limit.
	Count(ctx context.Context, collection string, match map[string]any, limit int) (int, error)
}

// Limits bound one run.
type Limits struct {
	// MemoryBudget is in expr vm memory units (roughly, list items allocated); it also bounds
	// the items all the formula's loops go through, in all. 0 means DefaultLimits' value.
	MemoryBudget uint
	// MaxReads bounds the documents read through get, find and count per run; every call
	// counts at least one. 0 means 1000.
	MaxReads int
	// Timeout bounds the run; 0 means 1s. The run's context bounds it too.
	Timeout time.Duration
	// Deadline, when set, stops the run at that time if it comes before Timeout does: the
	// bound of all the formulas of one request.
	Deadline time.Time
}

// DefaultLimits returns the limits a zero field of Limits stands for: expr's default memory
// budget (1,000,000 units), 1,000 documents read and one second.
func DefaultLimits() Limits {
	return Limits{MemoryBudget: conf.DefaultMemoryBudget, MaxReads: 1000, Timeout: time.Second}
}

func (l Limits) orDefaults() Limits {
	d := DefaultLimits()
	if l.MemoryBudget == 0 {
		l.MemoryBudget = d.MemoryBudget
	}
	if l.MaxReads <= 0 {
		l.MaxReads = d.MaxReads
	}
	if l.Timeout <= 0 {
		l.Timeout = d.Timeout
	}
	return l
}

// runState is one run: the vm and its environment, reused through Program's pool, and the
// state functions need. It is the context.Context that expr.WithContext hands to functions as
// their first argument (the caller's context, embedded), so a run needs no context.WithValue.
type runState struct {
	context.Context

	vm   vm.VM
	env  map[string]any
	read Reader
	lim  Limits
	now  time.Time
	seed string
	key  []byte

	patterns *patterns

	deadline time.Time
	reads    int
	work     uint // items looped over, values walked, bytes of text built
	ticks    uint // loop iterations, to check the deadline every so often
	rng      *rand.Rand
	readCtx  context.Context
	cancel   context.CancelFunc
}

func newRunState() *runState {
	return &runState{env: make(map[string]any, 5)}
}

func (st *runState) begin(ctx context.Context, p *Program, env Env, r Reader, lim Limits, start time.Time) {
	st.Context = ctx
	st.read = r
	st.lim = lim
	st.now = env.Now
	if st.now.IsZero() {
		st.now = start.UTC()
	}
	st.seed, st.key = env.Seed, env.SeedKey
	st.patterns = &p.patterns
	st.deadline = start.Add(lim.Timeout)
	if d, ok := ctx.Deadline(); ok && d.Before(st.deadline) {
		st.deadline = d
	}
	if !lim.Deadline.IsZero() && lim.Deadline.Before(st.deadline) {
		st.deadline = lim.Deadline
	}
	st.env["doc"] = env.Doc
	if env.Old == nil {
		st.env["old"] = nil // untyped, so old == nil holds and old?.x is nil
	} else {
		st.env["old"] = env.Old
	}
	// auth and now are structs: putting them in the map boxes them, which allocates, so only
	// for formulas that name them.
	if p.usesAuth {
		st.env["auth"] = env.Auth
	}
	if p.usesNow {
		st.env["now"] = st.now
	}
	st.env[ctxName] = st
	st.vm.MemoryBudget = lim.MemoryBudget
}

// end drops every reference the run made, so a pooled state keeps no document alive.
func (st *runState) end() {
	if st.cancel != nil {
		st.cancel()
	}
	st.Context, st.read, st.readCtx, st.cancel, st.rng = nil, nil, nil, nil, nil
	st.reads, st.work, st.ticks, st.seed, st.key = 0, 0, 0, "", nil
	for k := range st.env {
		st.env[k] = nil
	}
	stack := st.vm.Stack[:cap(st.vm.Stack)]
	clear(stack)
	st.vm.Stack = stack[:0]
	clear(st.vm.Variables)
}

// check fails once the run's context is done or its deadline has passed.
func (st *runState) check() error {
	if err := st.Context.Err(); err != nil {
		return fmt.Errorf("the formula was stopped: %w", err)
	}
	if time.Now().After(st.deadline) {
		return fmt.Errorf("the formula ran out of time (%v): %w", st.lim.Timeout, context.DeadlineExceeded)
	}
	return nil
}

// readContext is the context for the Reader: the caller's, bounded by the run's deadline. It
// is made on the first read, so a formula that reads nothing costs no timer.
func (st *runState) readContext() context.Context {
	if st.readCtx == nil {
		st.readCtx, st.cancel = context.WithDeadline(st.Context, st.deadline)
	}
	return st.readCtx
}

// Run evaluates p. r may be nil when the formula calls no reading function (then such a call
// is an error: ErrNoReader). Errors: *Error (runtime errors carry the position when expr gives
// one); errors.Is(err, ErrReadLimit) past MaxReads; errors.Is(err, ErrMemory) past the budget;
// context errors (context.DeadlineExceeded, context.Canceled) past the timeout or when ctx is
// done. The result is a formula value (use ToJSON to store it); a Bool formula gives a bool.
//
// The timeout (and ctx) is checked before the run, when every loop starts, every 256
// iterations of a loop whose body is more than field reads and arithmetic, in every call of
// get, find, count, sample and the date functions, and after the run; the Reader gets a context
// with the run's deadline. One step of the vm between those points is not interrupted: a
// builtin or an operator on one value (sort, a regular expression over a long text, == between
// two long lists), whose input is bounded by the memory budget or by the documents read.
func (p *Program) Run(ctx context.Context, env Env, r Reader, lim Limits) (out any, err error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := ctx.Err(); err != nil {
		return nil, &Error{Message: "the formula was stopped before it ran: " + err.Error(), Err: err}
	}
	lim = lim.orDefaults()
	st := p.pool.Get().(*runState)
	st.begin(ctx, p, env, r, lim, time.Now())
	defer func() {
		if rec := recover(); rec != nil {
			out, err = nil, &Error{Message: fmt.Sprintf("the formula failed: %v", rec)}
		}
		st.end()
		p.pool.Put(st)
	}()

	out, err = st.vm.Run(p.prog, st.env)
	if err != nil {
		return nil, p.runError(err)
	}
	if err := st.check(); err != nil {
		return nil, &Error{Message: err.Error(), Err: errors.Unwrap(err)}
	}
	if err := st.chargeValue(out, "in its result"); err != nil {
		// A result made of one value shared many times ([a, a] nested) is small in memory but
		// not once written as JSON.
		return nil, &Error{Message: err.Error(), Err: ErrMemory}
	}
	return out, nil
}
