package files_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/engine/files"
	"github.com/credence/credence/store"
	"github.com/credence/credence/store/bolt"
	"github.com/credence/credence/store/postgres/pgtest"
)

// engines are the stores files are kept in: bbolt always, PostgreSQL when
// one answers (pgtest skips otherwise).
func engines(t *testing.T) map[string]func(t *testing.T) store.Store {
	return map[string]func(t *testing.T) store.Store{
		"bbolt": func(t *testing.T) store.Store {
			st, err := bolt.Open(filepath.Join(t.TempDir(), "credence.db"), bolt.Options{})
			require.NoError(t, err)
			t.Cleanup(func() { st.Close() })
			return st
		},
		"postgres": func(t *testing.T) store.Store { return pgtest.Open(t) },
	}
}

// randomBytes are n reproducible bytes.
func randomBytes(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// chunks counts the chunks the store holds.
func chunks(t *testing.T, st store.Store) int {
	t.Helper()
	n := 0
	require.NoError(t, st.View(t.Context(), func(r store.Reader) error {
		return r.Scan("_files_chunks", store.Range{}, func(_, _ []byte) bool { n++; return true })
	}))
	return n
}

func TestFiles(t *testing.T) {
	for name, open := range engines(t) {
		t.Run(name, func(t *testing.T) {
			st := open(t)
			fs := &files.Store{St: st}
			ctx := t.Context()

			// Round trips across chunk boundaries.
			for _, size := range []int{0, 1, files.ChunkSize - 1, files.ChunkSize, files.ChunkSize + 1, 3*files.ChunkSize + 17} {
				data := randomBytes(size, uint64(size))
				info, err := fs.Put(ctx, bytes.NewReader(data), 1<<30)
				require.NoError(t, err, size)
				sum := sha256.Sum256(data)
				assert.Equal(t, hex.EncodeToString(sum[:]), info.SHA256)
				assert.EqualValues(t, size, info.Size)
				r, err := fs.Open(ctx, info.SHA256)
				require.NoError(t, err)
				got, err := io.ReadAll(r)
				require.NoError(t, err)
				assert.True(t, bytes.Equal(data, got), "the bytes of a file of %d come back", size)
			}

			// The media type is sniffed from the bytes.
			png := append([]byte("\x89PNG\r\n\x1a\n"), randomBytes(100, 7)...)
			info, err := fs.Put(ctx, bytes.NewReader(png), 1<<20)
			require.NoError(t, err)
			assert.Equal(t, "image/png", info.Type)

			// The same bytes are kept once.
			before := chunks(t, st)
			again, err := fs.Put(ctx, bytes.NewReader(png), 1<<20)
			require.NoError(t, err)
			assert.Equal(t, info.Blob, again.Blob)
			assert.Equal(t, before, chunks(t, st), "the second copy's chunks are dropped")

			// Over the limit mid-stream, or a broken read: nothing is kept.
			_, err = fs.Put(ctx, bytes.NewReader(randomBytes(5*files.ChunkSize, 9)), 2*files.ChunkSize)
			assert.ErrorIs(t, err, files.ErrTooLarge)
			broken := io.MultiReader(bytes.NewReader(randomBytes(3*files.ChunkSize, 11)), failing{})
			_, err = fs.Put(ctx, broken, 1<<30)
			assert.Error(t, err)
			assert.Equal(t, before, chunks(t, st), "no partial file is left")

			// Ranges, through the standard library's server.
			data := randomBytes(2*files.ChunkSize+100, 13)
			info, err = fs.Put(ctx, bytes.NewReader(data), 1<<30)
			require.NoError(t, err)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				f, err := fs.Open(r.Context(), info.SHA256)
				if err != nil {
					http.NotFound(w, r)
					return
				}
				http.ServeContent(w, r, "", info.Stored, f)
			}))
			t.Cleanup(srv.Close)
			req, err := http.NewRequest("GET", srv.URL, nil)
			require.NoError(t, err)
			req.Header.Set("Range", "bytes=262140-262150")
			res, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			part, err := io.ReadAll(res.Body)
			res.Body.Close()
			require.NoError(t, err)
			assert.Equal(t, http.StatusPartialContent, res.StatusCode)
			assert.Equal(t, data[262140:262151], part, "a range across a chunk boundary")

			// Deleted, it is gone with its chunks.
			require.NoError(t, fs.Delete(ctx, info.SHA256))
			_, err = fs.Open(ctx, info.SHA256)
			assert.ErrorIs(t, err, files.ErrNotFound)
			assert.Equal(t, before, chunks(t, st))
			require.NoError(t, fs.Delete(ctx, info.SHA256), "deleting a file not held is no error")
		})
	}
}

type failing struct{}

func (failing) Read([]byte) (int, error) { return 0, errors.New("the client went away") }

// BenchmarkFiles stores and reads back files of 1 MB and 20 MB on bbolt:
// throughput, and memory per operation that stays near one chunk however
// large the file.
func BenchmarkFiles(b *testing.B) {
	st, err := bolt.Open(filepath.Join(b.TempDir(), "credence.db"), bolt.Options{})
	require.NoError(b, err)
	b.Cleanup(func() { st.Close() })
	fs := &files.Store{St: st}
	for _, mb := range []int{1, 20} {
		data := randomBytes(mb<<20, uint64(mb))
		b.Run("put/"+itoa(mb)+"MB", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				// A byte of difference, so that every put stores its bytes.
				data[0] = byte(i)
				i++
				if _, err := fs.Put(context.Background(), bytes.NewReader(data), 1<<30); err != nil {
					b.Fatal(err)
				}
			}
		})
		info, err := fs.Put(context.Background(), bytes.NewReader(data), 1<<30)
		require.NoError(b, err)
		b.Run("get/"+itoa(mb)+"MB", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				r, err := fs.Open(context.Background(), info.SHA256)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := io.Copy(io.Discard, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
