package expressions_test

import (
	"context"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/expressions"
)

// nested builds `let l1 = [doc.s, doc.s]; let l2 = [l1, l1]; ...; <last>` with n levels: a
// value that is small in memory (every level shares the one below) and huge once walked.
func nested(n int, last string) string {
	var b strings.Builder
	b.WriteString("let l0 = doc.s; ")
	for i := 1; i <= n; i++ {
		b.WriteString("let l" + strconv.Itoa(i) + " = [l" + strconv.Itoa(i-1) + ", l" + strconv.Itoa(i-1) + "]; ")
	}
	return b.String() + strings.ReplaceAll(last, "LAST", "l"+strconv.Itoa(n))
}

func TestMemoryLimit(t *testing.T) {
	items := make([]any, 1000)
	for i := range items {
		items[i] = i
	}
	doc := map[string]any{
		"items": items,
		"s":     strings.Repeat("x", 1000),
		"bio":   strings.Repeat("y", 10_000),
		"big":   strings.Repeat("z", 100_000),
	}
	tests := []struct {
		name    string
		src     string
		message string // a suffix of the message
		budget  uint   // Limits.MemoryBudget
	}{
		{name: "a huge range", src: `sum(map(1..100000000, # * 2))`, message: "in the lists it builds"},
		{name: "a range alone", src: `len(1..2000000)`, message: "in the lists it builds"},
		{name: "nested loops over a document's list", src: `all(doc.items, all(doc.items, all(doc.items, # == #)))`, message: "in its loops", budget: 100_000},
		{name: "text doubling", src: `reduce(1..40, #acc + #acc, "xy")`, message: "in the text it builds"},
		{name: "repeat of a long text", src: `repeat(doc.big, 1000000)`, message: "in repeat"},
		{name: "repeat in a loop", src: `map(1..1000, repeat(doc.s, 10))`, message: "in repeat"},
		{name: "replace that grows", src: `replace(replace(doc.s, "", doc.s), "", doc.s)`, message: "in replace"},
		{name: "join with a long separator", src: `join(map(1..1000, ""), doc.big)`, message: "in join"},
		{name: "split in a loop", src: `map(1..1000, split(doc.bio, ""))`, message: "in the values it goes through"},
		{name: "a shared value written as JSON", src: nested(30, `toJSON(LAST)`), message: "in the values it goes through"},
		{name: "a shared value flattened", src: nested(30, `flatten(LAST)`), message: "in the values it goes through"},
		{name: "a shared value as the result", src: nested(30, `LAST`), message: "in its result"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := compile(t, tt.src, expressions.Options{})
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)

			_, err := p.Run(t.Context(), expressions.Env{Doc: doc}, nil, expressions.Limits{MemoryBudget: tt.budget})

			runtime.ReadMemStats(&after)
			require.ErrorIs(t, err, expressions.ErrMemory)
			e := asError(t, err)
			assert.True(t, strings.HasPrefix(e.Message, "the formula needs more memory or work than its budget"), e.Message)
			assert.True(t, strings.HasSuffix(e.Message, tt.message), e.Message)
			assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<20), "allocates little")
		})
	}
}

func TestMemoryBudgetIsConfigurable(t *testing.T) {
	p := compile(t, `len(map(doc.items, #))`, expressions.Options{})
	items := make([]any, 200)
	run := func(budget uint) error {
		_, err := p.Run(t.Context(), expressions.Env{Doc: map[string]any{"items": items}}, nil, expressions.Limits{MemoryBudget: budget})
		return err
	}
	assert.NoError(t, run(1000))
	assert.ErrorIs(t, run(100), expressions.ErrMemory)
	assert.NoError(t, run(0), "0 means the default")
}

func TestTimeout(t *testing.T) {
	blocking := exams()
	blocking.hook = func(ctx context.Context) error {
		<-ctx.Done()
		return ctx.Err()
	}
	slow := exams()
	slow.hook = func(context.Context) error {
		time.Sleep(5 * time.Millisecond)
		return nil
	}
	items := make([]any, 10_000)
	for i := range items {
		items[i] = i
	}
	big := map[string]any{"bio": strings.Repeat("y", 10_000), "items": items}
	tests := []struct {
		name   string
		src    string
		reader expressions.Reader
		limits expressions.Limits
		ctx    func() (context.Context, context.CancelFunc)
	}{
		{
			name: "a reader that waits for its context", src: `get("exams", "go-pro")`, reader: blocking,
			limits: expressions.Limits{Timeout: 50 * time.Millisecond},
		},
		{
			name: "the caller's deadline comes first", src: `get("exams", "go-pro")`, reader: blocking,
			limits: expressions.Limits{Timeout: time.Minute},
			ctx: func() (context.Context, context.CancelFunc) {
				return context.WithTimeout(context.Background(), 50*time.Millisecond)
			},
		},
		{
			name: "many slow reads", src: `len(map(1..500, get("exams", "go-pro")))`, reader: slow,
			limits: expressions.Limits{Timeout: 50 * time.Millisecond},
		},
		{
			name: "long nested loops", src: `all(doc.items, all(doc.items, # >= 0))`,
			limits: expressions.Limits{Timeout: 20 * time.Millisecond, MemoryBudget: 1 << 40},
		},
		{
			name: "a loop with an expensive body", src: `len(map(1..1000000, upper(doc.bio)))`,
			limits: expressions.Limits{Timeout: 20 * time.Millisecond, MemoryBudget: 1 << 40},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			if tt.ctx != nil {
				ctx, cancel = tt.ctx()
			}
			defer cancel()
			p := compile(t, tt.src, expressions.Options{})

			_, err := p.Run(ctx, expressions.Env{Doc: big}, tt.reader, tt.limits)

			require.ErrorIs(t, err, context.DeadlineExceeded)
			asError(t, err)
		})
	}
}

func TestCanceledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := compile(t, `1 + 1`, expressions.Options{}).Run(ctx, expressions.Env{}, nil, expressions.Limits{})
	require.ErrorIs(t, err, context.Canceled)
	asError(t, err)
}

func TestCancelDuringARun(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	r := exams()
	r.hook = func(context.Context) error {
		cancel()
		return nil
	}
	_, err := compile(t, `len(map(1..10, get("exams", "go-pro")))`, expressions.Options{}).Run(ctx, expressions.Env{}, r, expressions.Limits{})
	require.ErrorIs(t, err, context.Canceled)
	assert.Equal(t, 1, r.calls, "the run stops at the next call")
}

func TestDefaultLimits(t *testing.T) {
	assert.Equal(t, expressions.Limits{MemoryBudget: 1_000_000, MaxReads: 1000, Timeout: time.Second}, expressions.DefaultLimits())
}
