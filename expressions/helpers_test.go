package expressions_test

import (
	"context"
	"reflect"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credence/credence/expressions"
)

// memReader is an in-memory Reader: collections of documents with an "id" field.
type memReader struct {
	mu    sync.Mutex
	colls map[string][]map[string]any
	calls int
	// hook, when set, runs at the start of every call (to block, sleep or panic).
	hook func(ctx context.Context) error
}

func newReader(colls map[string][]map[string]any) *memReader {
	return &memReader{colls: colls}
}

func (m *memReader) enter(ctx context.Context) error {
	m.mu.Lock()
	m.calls++
	hook := m.hook
	m.mu.Unlock()
	if hook != nil {
		return hook(ctx)
	}
	return nil
}

func (m *memReader) Get(ctx context.Context, coll, id string) (map[string]any, error) {
	if err := m.enter(ctx); err != nil {
		return nil, err
	}
	for _, d := range m.colls[coll] {
		if d["id"] == id {
			return d, nil
		}
	}
	return nil, nil
}

func (m *memReader) Find(ctx context.Context, coll string, match map[string]any, limit int) ([]map[string]any, error) {
	if err := m.enter(ctx); err != nil {
		return nil, err
	}
	var out []map[string]any
	for _, d := range m.colls[coll] {
		if len(out) == limit {
			break
		}
		if matches(d, match) {
			out = append(out, d)
		}
	}
	return out, nil
}

func (m *memReader) Count(ctx context.Context, coll string, match map[string]any, limit int) (int, error) {
	docs, err := m.Find(ctx, coll, match, limit)
	return len(docs), err
}

func matches(d, match map[string]any) bool {
	for k, v := range match {
		if !reflect.DeepEqual(d[k], v) {
			return false
		}
	}
	return true
}

// numbered returns n documents {id: "<group>-<i>", group: group, n: i}.
func numbered(n int, group string) []map[string]any {
	out := make([]map[string]any, n)
	for i := range out {
		out[i] = map[string]any{"id": group + "-" + strconv.Itoa(i), "group": group, "n": i}
	}
	return out
}

// compile compiles src or fails the test.
func compile(t testing.TB, src string, opts expressions.Options) *expressions.Program {
	t.Helper()
	p, err := expressions.Compile(src, opts)
	require.NoError(t, err, "compile %q", src)
	return p
}

// eval compiles src as a Value formula and runs it on doc with default limits.
func eval(t testing.TB, src string, env expressions.Env, r expressions.Reader) (any, error) {
	t.Helper()
	return compile(t, src, expressions.Options{}).Run(context.Background(), env, r, expressions.Limits{})
}

// asError asserts err is an *expressions.Error and returns it.
func asError(t testing.TB, err error) *expressions.Error {
	t.Helper()
	require.Error(t, err)
	var e *expressions.Error
	require.ErrorAs(t, err, &e)
	return e
}
