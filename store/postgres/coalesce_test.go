package postgres

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestCoalesce: buffered writes between two other statements go as each
// key's last write, the puts in one statement; the other statements keep
// their place.
func TestCoalesce(t *testing.T) {
	put := func(b, k, v string) pgxStatement {
		return pgxStatement{sql: putSQL, args: []any{b, []byte(k), []byte(v)}, put: &kvRow{bucket: b, key: []byte(k), value: []byte(v)}}
	}
	del := func(b, k string) pgxStatement {
		return pgxStatement{sql: "DELETE", args: []any{b, []byte(k)}, del: &kvRow{bucket: b, key: []byte(k)}}
	}
	mark := func(s string) pgxStatement { return pgxStatement{sql: s} }
	got := coalesce([]pgxStatement{
		mark("SAVEPOINT call_0"),
		put("docs", "a", "1"), put("idx", "x", ""), del("idx", "old"), put("docs", "a", "2"), put("idx", "old", "back"), del("docs", "gone"),
		mark("SAVEPOINT call_1"),
		put("docs", "b", "1"),
		mark("SAVEPOINT call_2"),
		put("docs", "c", "1"), del("docs", "c"),
	})
	want := []pgxStatement{
		mark("SAVEPOINT call_0"),
		del("docs", "gone"),
		{sql: putManySQL, args: []any{[]string{"idx", "docs", "idx"}, [][]byte{[]byte("x"), []byte("a"), []byte("old")}, [][]byte{[]byte(""), []byte("2"), []byte("back")}}},
		mark("SAVEPOINT call_1"),
		put("docs", "b", "1"),
		mark("SAVEPOINT call_2"),
		del("docs", "c"),
	}
	assert.Equal(t, len(want), len(got))
	for i := range min(len(want), len(got)) {
		assert.Equal(t, want[i].sql, got[i].sql, "statement %d", i)
		assert.Equal(t, want[i].args, got[i].args, "statement %d", i)
	}
}
