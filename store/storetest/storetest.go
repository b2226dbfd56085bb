// Package storetest is the conformance suite for store engines. An engine
// calls Run from its own tests, and Bench from its benchmarks, with a
// function that opens a new, empty store:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
//	}
//
// The suite checks only what package store promises, so every engine runs
// the same cases.
package storetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/store"
)

// Run runs the conformance suite. open must return a new, empty store and
// arrange for it to be closed when the test ends; some cases close the
// store themselves, so a second Close must not fail.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		test func(t *testing.T, s store.Store)
	}{
		{"GetMissing", testGetMissing},
		{"PutGetDelete", testPutGetDelete},
		{"EmptyKey", testEmptyKey},
		{"ValuesAreCopied", testValuesAreCopied},
		{"Scan", testScan},
		{"ScanEmptyBucket", testScanEmptyBucket},
		{"BinaryKeys", testBinaryKeys},
		{"DeleteBucket", testDeleteBucket},
		{"FailedUpdateLeavesNoTrace", testFailedUpdateLeavesNoTrace},
		{"ConcurrentFailedUpdates", testConcurrentFailedUpdates},
		{"UpdateSeesOwnWrites", testUpdateSeesOwnWrites},
		{"OwnWritesAfterReads", testOwnWritesAfterReads},
		{"ViewSeesSnapshot", testViewSeesSnapshot},
		{"ConcurrentIncrements", testConcurrentIncrements},
		{"CancelledContext", testCancelledContext},
		{"Closed", testClosed},
		{"CloseDuringUpdates", testCloseDuringUpdates},
		{"GetMany", testGetMany},
		{"GetKeys", testGetKeys},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.test(t, open(t)) })
	}
}

var errBoom = errors.New("boom")

// testGetMany reads several keys at once, through the engine's GetMany
// where it has one: in order, nil for the absent, duplicates answered,
// and inside a write, the transaction's own writes seen.
func testGetMany(t *testing.T, s store.Store) {
	put(t, s, "b", "k1", "v1")
	put(t, s, "b", "k2", "")
	keys := [][]byte{[]byte("k2"), []byte("nope"), []byte("k1"), []byte("k1")}
	check := func(got [][]byte) {
		require.Len(t, got, 4)
		assert.Equal(t, []byte{}, got[0], "an empty value is not an absent one")
		assert.Nil(t, got[1])
		assert.Equal(t, "v1", string(got[2]))
		assert.Equal(t, "v1", string(got[3]))
	}
	require.NoError(t, s.View(t.Context(), func(r store.Reader) error {
		got, err := store.GetMany(r, "b", keys)
		check(got)
		return err
	}))
	update(t, s, func(tx store.Tx) error {
		if err := tx.Put("b", []byte("nope"), []byte("now")); err != nil {
			return err
		}
		got, err := store.GetMany(tx, "b", keys)
		require.NoError(t, err)
		assert.Equal(t, "now", string(got[1]), "a write of the transaction is seen")
		got, err = store.GetMany(tx, "empty", keys)
		assert.Equal(t, make([][]byte, 4), got)
		return err
	})
}

// testGetKeys reads keys of several buckets at once, through the engine's
// GetKeys where it has one, as testGetMany does for one bucket; and then
// Get answers the keys read, from the same snapshot.
func testGetKeys(t *testing.T, s store.Store) {
	put(t, s, "a", "k", "va")
	put(t, s, "b", "k", "vb")
	put(t, s, "b", "e", "")
	keys := []store.Key{{Bucket: "b", Key: []byte("k")}, {Bucket: "a", Key: []byte("nope")},
		{Bucket: "a", Key: []byte("k")}, {Bucket: "b", Key: []byte("e")}, {Bucket: "b", Key: []byte("k")}}
	check := func(got [][]byte) {
		require.Len(t, got, 5)
		assert.Equal(t, "vb", string(got[0]))
		assert.Nil(t, got[1])
		assert.Equal(t, "va", string(got[2]))
		assert.Equal(t, []byte{}, got[3], "an empty value is not an absent one")
		assert.Equal(t, "vb", string(got[4]))
	}
	require.NoError(t, s.View(t.Context(), func(r store.Reader) error {
		got, err := store.GetKeys(r, keys)
		check(got)
		v, gerr := r.Get("a", []byte("k"))
		assert.Equal(t, "va", string(v))
		_, missing := r.Get("a", []byte("nope"))
		assert.ErrorIs(t, missing, store.ErrNotFound)
		return errors.Join(err, gerr)
	}))
	update(t, s, func(tx store.Tx) error {
		if err := tx.Put("a", []byte("nope"), []byte("now")); err != nil {
			return err
		}
		got, err := store.GetKeys(tx, keys)
		require.NoError(t, err)
		assert.Equal(t, "now", string(got[1]), "a write of the transaction is seen")
		return nil
	})
}

// testOwnWritesAfterReads: a write read again after reads of other keys
// (which a server store sends the write with) reads as written, a deleted
// key and a deleted bucket's keys as absent, in the transaction and after.
func testOwnWritesAfterReads(t *testing.T, s store.Store) {
	put(t, s, "fruit", "apple", "red")
	update(t, s, func(tx store.Tx) error {
		for i, want := range []string{"green", "yellow"} {
			require.NoError(t, tx.Put("fruit", []byte("apple"), []byte(want)))
			_, err := tx.Get("fruit", []byte(fmt.Sprint("other", i)))
			require.ErrorIs(t, err, store.ErrNotFound)
			v, err := tx.Get("fruit", []byte("apple"))
			require.NoError(t, err)
			assert.Equal(t, want, string(v))
			vs, err := store.GetMany(tx, "fruit", [][]byte{[]byte("apple")})
			require.NoError(t, err)
			assert.Equal(t, want, string(vs[0]))
		}
		require.NoError(t, tx.Delete("fruit", []byte("apple")))
		_, err := tx.Get("fruit", []byte("pear"))
		require.ErrorIs(t, err, store.ErrNotFound)
		_, err = tx.Get("fruit", []byte("apple"))
		assert.ErrorIs(t, err, store.ErrNotFound, "deleted")

		for _, readBetween := range []bool{false, true} {
			require.NoError(t, tx.Put("vegetables", []byte("leek"), []byte("green")))
			if readBetween {
				_, err = tx.Get("fruit", []byte("plum"))
				require.ErrorIs(t, err, store.ErrNotFound)
			}
			require.NoError(t, tx.DeleteBucket("vegetables"))
			_, err = tx.Get("vegetables", []byte("leek"))
			assert.ErrorIs(t, err, store.ErrNotFound, "its bucket deleted")
		}
		return nil
	})
	_, err := get(t, s, "fruit", "apple")
	assert.ErrorIs(t, err, store.ErrNotFound)
	_, err = get(t, s, "vegetables", "leek")
	assert.ErrorIs(t, err, store.ErrNotFound)
}

func testGetMissing(t *testing.T, s store.Store) {
	put(t, s, "fruit", "apple", "red")

	tests := []struct {
		name   string
		bucket string
		key    string
	}{
		{"missing key", "fruit", "pear"},
		{"missing bucket", "vegetables", "apple"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := get(t, s, tt.bucket, tt.key)
			assert.ErrorIs(t, err, store.ErrNotFound, "in View")

			err = s.Update(t.Context(), func(tx store.Tx) error {
				_, err := tx.Get(tt.bucket, []byte(tt.key))
				return err
			})
			assert.ErrorIs(t, err, store.ErrNotFound, "in Update")
		})
	}
}

func testPutGetDelete(t *testing.T, s store.Store) {
	put(t, s, "fruit", "apple", "red")
	assertValue(t, s, "fruit", "apple", "red")

	put(t, s, "fruit", "apple", "green")
	assertValue(t, s, "fruit", "apple", "green")

	put(t, s, "fruit", "empty", "")
	assertValue(t, s, "fruit", "empty", "")

	update(t, s, func(tx store.Tx) error { return tx.Delete("fruit", []byte("apple")) })
	_, err := get(t, s, "fruit", "apple")
	assert.ErrorIs(t, err, store.ErrNotFound)
	assertValue(t, s, "fruit", "empty", "")

	err = s.Update(t.Context(), func(tx store.Tx) error {
		if err := tx.Delete("fruit", []byte("apple")); err != nil {
			return fmt.Errorf("absent key: %w", err)
		}
		if err := tx.Delete("vegetables", []byte("leek")); err != nil {
			return fmt.Errorf("absent bucket: %w", err)
		}
		return nil
	})
	assert.NoError(t, err, "deleting what is not there")
}

func testEmptyKey(t *testing.T, s store.Store) {
	for _, k := range [][]byte{nil, {}} {
		err := s.Update(t.Context(), func(tx store.Tx) error {
			return tx.Put("fruit", k, []byte("x"))
		})
		assert.Error(t, err, "key %#v", k)
	}
	assert.Empty(t, keys(t, s, "fruit", store.Range{}))
}

func testValuesAreCopied(t *testing.T, s store.Store) {
	key, value := []byte("apple"), []byte("red")
	update(t, s, func(tx store.Tx) error {
		err := tx.Put("fruit", key, value)
		copy(key, "XXXXX")
		copy(value, "XXX")
		return err
	})
	assertValue(t, s, "fruit", "apple", "red")

	got, err := get(t, s, "fruit", "apple")
	require.NoError(t, err)
	copy(got, "XXX")
	assertValue(t, s, "fruit", "apple", "red")

	update(t, s, func(tx store.Tx) error {
		got, err := tx.Get("fruit", []byte("apple"))
		copy(got, "XXX")
		return err
	})
	assertValue(t, s, "fruit", "apple", "red")
}

func testScan(t *testing.T, s store.Store) {
	for _, k := range []string{"c", "ab", "b", "a", "ba", "abc"} {
		put(t, s, "letters", k, "value of "+k)
	}

	tests := []struct {
		name  string
		r     store.Range
		limit int // stop after this many keys; 0 means no limit
		want  []string
	}{
		{"all", store.Range{}, 0, []string{"a", "ab", "abc", "b", "ba", "c"}},
		{"all reverse", store.Range{Reverse: true}, 0, []string{"c", "ba", "b", "abc", "ab", "a"}},
		{"prefix", store.Prefix([]byte("ab")), 0, []string{"ab", "abc"}},
		{"prefix reverse", reverse(store.Prefix([]byte("a"))), 0, []string{"abc", "ab", "a"}},
		{"prefix none", store.Prefix([]byte("d")), 0, nil},
		{"start inclusive", store.Range{Start: []byte("b")}, 0, []string{"b", "ba", "c"}},
		{"end exclusive", store.Range{End: []byte("b")}, 0, []string{"a", "ab", "abc"}},
		{"start and end", store.Range{Start: []byte("ab"), End: []byte("ba")}, 0, []string{"ab", "abc", "b"}},
		{"start and end reverse", store.Range{Start: []byte("ab"), End: []byte("ba"), Reverse: true}, 0, []string{"b", "abc", "ab"}},
		{"bounds between keys", store.Range{Start: []byte("aa"), End: []byte("bb")}, 0, []string{"ab", "abc", "b", "ba"}},
		{"bounds between keys reverse", store.Range{Start: []byte("aa"), End: []byte("bb"), Reverse: true}, 0, []string{"ba", "b", "abc", "ab"}},
		{"end after last reverse", store.Range{End: []byte("z"), Reverse: true}, 0, []string{"c", "ba", "b", "abc", "ab", "a"}},
		{"start after last", store.Range{Start: []byte("z")}, 0, nil},
		{"end before first reverse", store.Range{End: []byte("a"), Reverse: true}, 0, nil},
		{"early stop", store.Range{}, 2, []string{"a", "ab"}},
		{"early stop reverse", store.Range{Reverse: true}, 2, []string{"c", "ba"}},
		{"next page after ab", store.Range{Start: store.After([]byte("ab"))}, 2, []string{"abc", "b"}},
		{"next page after ab reverse", store.Range{End: []byte("ab"), Reverse: true}, 0, []string{"a"}},
		{"next page after b within prefix", store.Range{Start: store.After([]byte("b")), End: store.PrefixEnd([]byte("b"))}, 0, []string{"ba"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, scanKeys(t, s, "letters", tt.r, tt.limit))
		})
	}

	t.Run("values match keys", func(t *testing.T) {
		err := s.View(t.Context(), func(r store.Reader) error {
			return r.Scan("letters", store.Range{}, func(k, v []byte) bool {
				return assert.Equal(t, "value of "+string(k), string(v))
			})
		})
		assert.NoError(t, err)
	})
}

func testScanEmptyBucket(t *testing.T, s store.Store) {
	put(t, s, "letters", "a", "1")
	update(t, s, func(tx store.Tx) error { return tx.Delete("letters", []byte("a")) })

	assert.Empty(t, keys(t, s, "letters", store.Range{}), "emptied bucket")
	assert.Empty(t, keys(t, s, "letters", store.Range{Reverse: true}), "emptied bucket, reverse")
	assert.Empty(t, keys(t, s, "never-written", store.Range{}), "missing bucket")
	assert.Empty(t, keys(t, s, "never-written", store.Range{Reverse: true}), "missing bucket, reverse")
}

func testBinaryKeys(t *testing.T, s store.Store) {
	sorted := [][]byte{
		{0x00},
		{0x00, 0x00},
		{0x00, 0x01},
		{0x01},
		{0x7f},
		{0x80},
		{0xfe, 0xff},
		{0xff},
		{0xff, 0x00},
		{0xff, 0xff},
	}
	update(t, s, func(tx store.Tx) error {
		for _, i := range []int{5, 9, 0, 3, 7, 1, 8, 2, 6, 4} {
			if err := tx.Put("bin", sorted[i], []byte{byte(i)}); err != nil {
				return err
			}
		}
		return nil
	})

	tests := []struct {
		name string
		r    store.Range
		want [][]byte
	}{
		{"all in byte order", store.Range{}, sorted},
		{"prefix 0x00", store.Prefix([]byte{0x00}), sorted[0:3]},
		{"prefix 0xff", store.Prefix([]byte{0xff}), sorted[7:10]},
		{"prefix 0xff reverse", reverse(store.Prefix([]byte{0xff})), [][]byte{sorted[9], sorted[8], sorted[7]}},
		{"after 0x00", store.Range{Start: store.After([]byte{0x00}), End: []byte{0x01}}, sorted[1:3]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, keys(t, s, "bin", tt.r))
		})
	}

	t.Run("each key keeps its value", func(t *testing.T) {
		err := s.View(t.Context(), func(r store.Reader) error {
			for i, k := range sorted {
				v, err := r.Get("bin", k)
				if !assert.NoError(t, err, "key %x", k) {
					continue
				}
				assert.Equal(t, []byte{byte(i)}, v, "key %x", k)
			}
			return nil
		})
		assert.NoError(t, err)
	})
}

func testDeleteBucket(t *testing.T, s store.Store) {
	put(t, s, "fruit", "apple", "red")
	put(t, s, "fruit", "pear", "green")
	put(t, s, "vegetables", "leek", "green")

	update(t, s, func(tx store.Tx) error { return tx.DeleteBucket("fruit") })

	_, err := get(t, s, "fruit", "apple")
	assert.ErrorIs(t, err, store.ErrNotFound)
	assert.Empty(t, keys(t, s, "fruit", store.Range{}))
	assertValue(t, s, "vegetables", "leek", "green")

	err = s.Update(t.Context(), func(tx store.Tx) error { return tx.DeleteBucket("never-written") })
	assert.NoError(t, err, "deleting an absent bucket")

	put(t, s, "fruit", "plum", "blue")
	assert.Equal(t, map[string]string{"plum": "blue"}, dump(t, s, "fruit"), "bucket written again")
}

func testFailedUpdateLeavesNoTrace(t *testing.T, s store.Store) {
	put(t, s, "fruit", "apple", "red")
	put(t, s, "fruit", "pear", "green")
	before := map[string]map[string]string{
		"fruit":      {"apple": "red", "pear": "green"},
		"vegetables": {},
	}

	tests := []struct {
		name   string
		writes func(tx store.Tx) error
	}{
		{"put new key", func(tx store.Tx) error {
			return tx.Put("fruit", []byte("plum"), []byte("blue"))
		}},
		{"overwrite", func(tx store.Tx) error {
			return tx.Put("fruit", []byte("apple"), []byte("green"))
		}},
		{"overwrite twice", func(tx store.Tx) error {
			return errors.Join(
				tx.Put("fruit", []byte("apple"), []byte("green")),
				tx.Put("fruit", []byte("apple"), []byte("yellow")))
		}},
		{"delete", func(tx store.Tx) error {
			return tx.Delete("fruit", []byte("apple"))
		}},
		{"delete then put", func(tx store.Tx) error {
			return errors.Join(
				tx.Delete("fruit", []byte("apple")),
				tx.Put("fruit", []byte("apple"), []byte("green")))
		}},
		{"put in new bucket", func(tx store.Tx) error {
			return tx.Put("vegetables", []byte("leek"), []byte("green"))
		}},
		{"delete bucket", func(tx store.Tx) error {
			return tx.DeleteBucket("fruit")
		}},
		{"write, delete bucket, write again", func(tx store.Tx) error {
			return errors.Join(
				tx.Put("fruit", []byte("apple"), []byte("green")),
				tx.DeleteBucket("fruit"),
				tx.Put("fruit", []byte("fig"), []byte("purple")),
				tx.Put("vegetables", []byte("leek"), []byte("green")),
				tx.DeleteBucket("vegetables"))
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.Update(t.Context(), func(tx store.Tx) error {
				if err := tt.writes(tx); err != nil {
					return err
				}
				return errBoom
			})
			require.ErrorIs(t, err, errBoom)

			for bucket, want := range before {
				assert.Equal(t, want, dump(t, s, bucket), "bucket %s", bucket)
			}
		})
	}
}

func testConcurrentFailedUpdates(t *testing.T, s store.Store) {
	put(t, s, "shared", "kept", "yes")
	put(t, s, "shared", "counter", "0")

	// Every third call fails after changing everything it can reach,
	// including the writes of the calls that succeed around it.
	const n = 50
	errs := make([]error, n)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-start
			errs[i] = s.Update(t.Context(), func(tx store.Tx) error {
				if err := tx.Put("shared", key(i), []byte("written")); err != nil {
					return err
				}
				if i%3 != 0 {
					return nil
				}
				return errors.Join(
					tx.Put("shared", []byte("counter"), []byte(strconv.Itoa(i))),
					tx.Delete("shared", []byte("kept")),
					tx.DeleteBucket("shared"),
					tx.Put("shared", []byte("intruder"), []byte("x")),
					errBoom)
			})
		})
	}
	close(start)
	wg.Wait()

	want := map[string]string{"kept": "yes", "counter": "0"}
	for i, err := range errs {
		if i%3 == 0 {
			assert.ErrorIs(t, err, errBoom, "call %d", i)
			continue
		}
		assert.NoError(t, err, "call %d", i)
		want[string(key(i))] = "written"
	}
	assert.Equal(t, want, dump(t, s, "shared"))
}

func testUpdateSeesOwnWrites(t *testing.T, s store.Store) {
	put(t, s, "fruit", "apple", "red")

	// fn may run on another goroutine: it reports with assert, not require.
	update(t, s, func(tx store.Tx) error {
		err := errors.Join(
			tx.Put("fruit", []byte("pear"), []byte("green")),
			tx.Put("fruit", []byte("apple"), []byte("yellow")),
			tx.Delete("fruit", []byte("missing")))
		if err != nil {
			return err
		}

		v, err := tx.Get("fruit", []byte("apple"))
		assert.NoError(t, err)
		assert.Equal(t, "yellow", string(v))

		var got []string
		err = tx.Scan("fruit", store.Range{}, func(k, _ []byte) bool {
			got = append(got, string(k))
			return true
		})
		assert.NoError(t, err)
		assert.Equal(t, []string{"apple", "pear"}, got)

		if err := tx.DeleteBucket("fruit"); err != nil {
			return err
		}
		_, err = tx.Get("fruit", []byte("apple"))
		assert.ErrorIs(t, err, store.ErrNotFound, "after DeleteBucket")
		return nil
	})
}

func testViewSeesSnapshot(t *testing.T, s store.Store) {
	// Make room first: an engine that must grow its file for the transfer
	// may wait for readers to finish, and this test wants the transfer to
	// land while the read is open.
	update(t, s, func(tx store.Tx) error {
		for i := range 256 {
			if err := tx.Put("filler", key(i), make([]byte, 4096)); err != nil {
				return err
			}
		}
		return nil
	})
	update(t, s, func(tx store.Tx) error { return tx.DeleteBucket("filler") })

	// Two accounts whose balances always sum to 100.
	put(t, s, "accounts", "alice", "50")
	put(t, s, "accounts", "bob", "50")
	transfer := func(tx store.Tx) error {
		return errors.Join(
			tx.Put("accounts", []byte("alice"), []byte("20")),
			tx.Put("accounts", []byte("bob"), []byte("80")))
	}

	updated := make(chan error, 1)
	var alice, bob []byte
	err := s.View(t.Context(), func(r store.Reader) error {
		var err error
		if alice, err = r.Get("accounts", []byte("alice")); err != nil {
			return err
		}
		go func() { updated <- s.Update(context.Background(), transfer) }()
		// An engine may hold the transfer back until this read ends; the
		// snapshot must hold either way.
		select {
		case err := <-updated:
			updated <- err
		case <-time.After(200 * time.Millisecond):
		}
		bob, err = r.Get("accounts", []byte("bob"))
		return err
	})
	require.NoError(t, err)
	require.NoError(t, <-updated, "transfer")

	assert.Equal(t, "50", string(alice))
	assert.Equal(t, "50", string(bob), "read after a concurrent transfer")
	assert.Equal(t, map[string]string{"alice": "20", "bob": "80"}, dump(t, s, "accounts"))
}

// Increment adds one to the decimal number at key (absent is 0): a read,
// then a write of what was read, which concurrent transactions must not
// interleave.
func Increment(tx store.Tx, bucket, key string) error {
	n := 0
	v, err := tx.Get(bucket, []byte(key))
	switch {
	case errors.Is(err, store.ErrNotFound):
	case err != nil:
		return err
	default:
		if n, err = strconv.Atoi(string(v)); err != nil {
			return err
		}
	}
	return tx.Put(bucket, []byte(key), []byte(strconv.Itoa(n+1)))
}

func testConcurrentIncrements(t *testing.T, s store.Store) {
	const n = 128
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			err := s.Update(t.Context(), func(tx store.Tx) error { return Increment(tx, "counters", "hits") })
			assert.NoError(t, err)
		})
	}
	wg.Wait()

	assertValue(t, s, "counters", "hits", strconv.Itoa(n))
}

func testCancelledContext(t *testing.T, s store.Store) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()

	called := false
	err := s.Update(ctx, func(tx store.Tx) error {
		called = true
		return tx.Put("fruit", []byte("apple"), []byte("red"))
	})
	assert.ErrorIs(t, err, context.Canceled, "Update")

	err = s.View(ctx, func(store.Reader) error {
		called = true
		return nil
	})
	assert.ErrorIs(t, err, context.Canceled, "View")

	assert.False(t, called, "fn called with a cancelled context")
	assert.Empty(t, keys(t, s, "fruit", store.Range{}))
}

func testClosed(t *testing.T, s store.Store) {
	put(t, s, "fruit", "apple", "red")
	require.NoError(t, s.Close())

	err := s.View(t.Context(), func(store.Reader) error { return nil })
	assert.ErrorIs(t, err, store.ErrClosed, "View")

	err = s.Update(t.Context(), func(store.Tx) error { return nil })
	assert.ErrorIs(t, err, store.ErrClosed, "Update")
}

func testCloseDuringUpdates(t *testing.T, s store.Store) {
	const n = 20
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			errs[i] = s.Update(t.Context(), func(tx store.Tx) error {
				return tx.Put("fruit", key(i), []byte("x"))
			})
		})
	}
	assert.NoError(t, s.Close())
	wg.Wait()

	for i, err := range errs {
		if err != nil {
			assert.ErrorIs(t, err, store.ErrClosed, "call %d", i)
		}
	}
}

// key returns a key that sorts by i.
func key(i int) []byte {
	return fmt.Appendf(nil, "key-%08d", i)
}

func reverse(r store.Range) store.Range {
	r.Reverse = true
	return r
}

func update(t testing.TB, s store.Store, fn func(store.Tx) error) {
	t.Helper()
	require.NoError(t, s.Update(t.Context(), fn))
}

func put(t testing.TB, s store.Store, bucket, key, value string) {
	t.Helper()
	update(t, s, func(tx store.Tx) error {
		return tx.Put(bucket, []byte(key), []byte(value))
	})
}

func get(t testing.TB, s store.Store, bucket, key string) (value []byte, err error) {
	t.Helper()
	viewErr := s.View(t.Context(), func(r store.Reader) error {
		value, err = r.Get(bucket, []byte(key))
		return nil
	})
	require.NoError(t, viewErr)
	return value, err
}

func assertValue(t testing.TB, s store.Store, bucket, key, want string) {
	t.Helper()
	got, err := get(t, s, bucket, key)
	if assert.NoError(t, err, "%s/%s", bucket, key) {
		assert.Equal(t, want, string(got), "%s/%s", bucket, key)
		assert.NotNil(t, got, "%s/%s", bucket, key)
	}
}

// keys returns the keys Scan visits in r.
func keys(t testing.TB, s store.Store, bucket string, r store.Range) [][]byte {
	t.Helper()
	var got [][]byte
	err := s.View(t.Context(), func(rd store.Reader) error {
		return rd.Scan(bucket, r, func(k, _ []byte) bool {
			got = append(got, bytes.Clone(k))
			return true
		})
	})
	require.NoError(t, err)
	return got
}

// scanKeys returns the keys Scan visits in r as strings, stopping after
// limit keys when limit is positive.
func scanKeys(t testing.TB, s store.Store, bucket string, r store.Range, limit int) []string {
	t.Helper()
	var got []string
	err := s.View(t.Context(), func(rd store.Reader) error {
		return rd.Scan(bucket, r, func(k, _ []byte) bool {
			got = append(got, string(k))
			return limit <= 0 || len(got) < limit
		})
	})
	require.NoError(t, err)
	return got
}

// dump returns every key and value in bucket.
func dump(t testing.TB, s store.Store, bucket string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := s.View(t.Context(), func(r store.Reader) error {
		return r.Scan(bucket, store.Range{}, func(k, v []byte) bool {
			got[string(k)] = string(v)
			return true
		})
	})
	require.NoError(t, err)
	return got
}
