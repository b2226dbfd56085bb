package postgres_test

import (
	"testing"

	"github.com/credence/credence/store"
	"github.com/credence/credence/store/postgres/pgtest"
	"github.com/credence/credence/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return pgtest.Open(t) })
}

func BenchmarkStore(b *testing.B) {
	storetest.Bench(b, func(b *testing.B) store.Store { return pgtest.Open(b) })
}
