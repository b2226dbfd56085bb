package expressions_test

import (
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/expressions"
)

func TestCache(t *testing.T) {
	c := expressions.NewCache(3)
	bare := expressions.Options{Mode: expressions.Bool, Fields: []string{"a", "b"}}

	p1, err := c.Compile(`doc.a > 1`, expressions.Options{})
	require.NoError(t, err)
	p2, err := c.Compile(`doc.a > 1`, expressions.Options{})
	require.NoError(t, err)
	assert.Same(t, p1, p2, "the same formula compiles once")

	p3, err := c.Compile(`doc.a > 1`, expressions.Options{Mode: expressions.Bool})
	require.NoError(t, err)
	assert.NotSame(t, p1, p3, "another mode is another program")

	f1, err := c.Compile(`a > b`, bare)
	require.NoError(t, err)
	f2, err := c.Compile(`a > b`, expressions.Options{Mode: expressions.Bool, Fields: []string{"b", "a", "a"}})
	require.NoError(t, err)
	assert.Same(t, f1, f2, "the order of fields does not matter")
	assert.Equal(t, 3, c.Len())

	_, err1 := c.Compile(`titel`, expressions.Options{})
	_, err2 := c.Compile(`titel`, expressions.Options{})
	require.Error(t, err1)
	assert.Same(t, err1, err2, "errors are cached too")
	assert.Equal(t, 3, c.Len(), "bounded")

	p4, err := c.Compile(`doc.a > 1`, expressions.Options{})
	require.NoError(t, err)
	assert.NotSame(t, p1, p4, "the least recently used was evicted")
}

func TestCacheKeepsTheRecentlyUsed(t *testing.T) {
	c := expressions.NewCache(2)
	a, _ := c.Compile(`1`, expressions.Options{})
	c.Compile(`2`, expressions.Options{})
	again, _ := c.Compile(`1`, expressions.Options{}) // 1 is now the most recent
	c.Compile(`3`, expressions.Options{})             // evicts 2
	assert.Same(t, a, again)
	still, _ := c.Compile(`1`, expressions.Options{})
	assert.Same(t, a, still)
}

func TestCacheDefaultSize(t *testing.T) {
	c := expressions.NewCache(0)
	for i := range expressions.DefaultCacheSize + 10 {
		_, err := c.Compile(strconv.Itoa(i), expressions.Options{})
		require.NoError(t, err)
	}
	assert.Equal(t, expressions.DefaultCacheSize, c.Len())
}

func TestCacheConcurrent(t *testing.T) {
	c := expressions.NewCache(8)
	var wg sync.WaitGroup
	programs := make([]*expressions.Program, 32)
	for i := range programs {
		wg.Go(func() {
			p, err := c.Compile(`doc.a + `+strconv.Itoa(i%4), expressions.Options{})
			assert.NoError(t, err)
			programs[i] = p
		})
	}
	wg.Wait()
	for i := range programs {
		again, err := c.Compile(`doc.a + `+strconv.Itoa(i%4), expressions.Options{})
		require.NoError(t, err)
		assert.Same(t, again, programs[i], "every caller got the cached program, or the one that became it")
	}
}
