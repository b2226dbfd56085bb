package expressions

import (
	"container/list"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// DefaultCacheSize is the number of formulas a Cache made with a size below one keeps.
const DefaultCacheSize = 1024

// Cache compiles each distinct (formula, options) once and keeps the most recently used
// results, errors included, up to its size: the same x-formula text in every schema version,
// or the same filter on every request, compiles once per process. It is safe for concurrent
// use; make one with NewCache.
type Cache struct {
	mu      sync.Mutex
	size    int
	order   *list.List // of *cacheEntry, most recently used first
	entries map[string]*list.Element
}

type cacheEntry struct {
	key string
	p   *Program
	err error
}

// NewCache returns a cache of at most size compiled formulas (DefaultCacheSize when size < 1).
func NewCache(size int) *Cache {
	if size < 1 {
		size = DefaultCacheSize
	}
	return &Cache{size: size, order: list.New(), entries: make(map[string]*list.Element)}
}

// Compile is the package's Compile through the cache: the result (a *Program, or the compile
// error) of the first call with the same src and options is returned again. Two goroutines
// asking for a formula not yet cached may both compile it; the first result stored wins.
func (c *Cache) Compile(src string, opts Options) (*Program, error) {
	key := cacheKey(src, opts)
	c.mu.Lock()
	if el, ok := c.entries[key]; ok {
		c.order.MoveToFront(el)
		e := el.Value.(*cacheEntry)
		c.mu.Unlock()
		return e.p, e.err
	}
	c.mu.Unlock()

	p, err := Compile(src, opts)

	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[key]; ok {
		c.order.MoveToFront(el)
		e := el.Value.(*cacheEntry)
		return e.p, e.err
	}
	c.entries[key] = c.order.PushFront(&cacheEntry{key: key, p: p, err: err})
	for c.order.Len() > c.size {
		oldest := c.order.Back()
		c.order.Remove(oldest)
		delete(c.entries, oldest.Value.(*cacheEntry).key)
	}
	return p, err
}

// Len returns the number of formulas the cache holds.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

// cacheKey identifies what Compile's result depends on: the mode, the set of fields (their
// order and repetitions do not matter) and the text.
func cacheKey(src string, opts Options) string {
	fields := slices.Clone(opts.Fields)
	slices.Sort(fields)
	fields = slices.Compact(fields)
	var b strings.Builder
	b.WriteString(strconv.Itoa(int(opts.Mode)))
	for _, f := range fields {
		b.WriteByte(0)
		b.WriteString(f)
	}
	b.WriteString("\x00\x01")
	b.WriteString(src)
	return b.String()
}
