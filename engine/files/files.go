// Package files keeps uploaded files (question images, evidence, badges)
// in the store itself, chunked, content-addressed by SHA-256: on bbolt in
// the data file (one file to back up, written with the documents that name
// it), on PostgreSQL in the database (every node serves every file).
//
// A file is written in two steps. Put streams the bytes into chunks under
// an upload id, hashing them and sniffing their media type as they come,
// and refuses them past a size limit without keeping a partial file; then
// it names the bytes by their hash (the same bytes are kept once). Open
// reads a file back as an io.ReadSeeker, chunk by chunk, so that a 20 MB
// download holds one chunk in memory.
package files

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/store"
)

// The store's buckets of files.
const (
	chunksBucket  = documents.FileChunksBucket // blob id + chunk number -> bytes
	uploadsBucket = "_files_uploads"           // blob id -> start of an upload not finished
	blobsBucket   = documents.FilesBucket      // SHA-256 hex -> Info (JSON)
	refsBucket    = documents.FileRefsBucket   // SHA-256, collection, id, field -> ""
)

// ChunkSize is the size of a stored chunk: a download holds one in memory.
const ChunkSize = 256 << 10

// chunksPerTx bounds the chunks one write transaction stores while a file
// streams in: 4 MiB a commit.
const chunksPerTx = 16

// ErrTooLarge is returned by Put for a file over its limit.
var ErrTooLarge = errors.New("files: the file is over the size limit")

// ErrNotFound is returned for a file the store does not hold.
var ErrNotFound = errors.New("files: no such file")

// Info describes a stored file.
type Info struct {
	// SHA256 is the hex SHA-256 of the bytes: the file's id.
	SHA256 string `json:"sha256"`
	// Size is the number of bytes.
	Size int64 `json:"size"`
	// Type is the media type sniffed from the first bytes.
	Type string `json:"type"`
	// Chunks is how many chunks hold the bytes, under Blob.
	Chunks int `json:"chunks"`
	// Blob is the upload id the chunks are stored under.
	Blob string `json:"blob"`
	// Stored is when the bytes were first stored.
	Stored time.Time `json:"stored"`
}

// Store keeps files in a store.Store.
type Store struct {
	St  store.Store
	Now func() time.Time
}

func (s *Store) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func chunkKey(blob string, n int) []byte {
	return binary.BigEndian.AppendUint32([]byte(blob+"/"), uint32(n))
}

// Put stores the bytes r gives, at most limit of them, and returns what it
// stored. Bytes already stored (the same SHA-256) are kept once: the new
// copy is dropped. A file over limit, or a read that fails, leaves nothing
// behind.
func (s *Store) Put(ctx context.Context, r io.Reader, limit int64) (*Info, error) {
	var idb [12]byte
	if _, err := rand.Read(idb[:]); err != nil {
		return nil, err
	}
	blob := hex.EncodeToString(idb[:])
	// A record of the upload while it runs: a process killed mid-way
	// leaves chunks that Sweep finds by it.
	started, _ := s.now().UTC().MarshalText()
	if err := s.St.Update(ctx, func(tx store.Tx) error { return tx.Put(uploadsBucket, []byte(blob), started) }); err != nil {
		return nil, err
	}
	h := sha256.New()
	var (
		size    int64
		n       int
		sniff   []byte
		pending [][]byte
	)
	buf := make([]byte, ChunkSize)
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		first := n - len(pending)
		err := s.St.Update(ctx, func(tx store.Tx) error {
			for i, c := range pending {
				if err := tx.Put(chunksBucket, chunkKey(blob, first+i), c); err != nil {
					return err
				}
			}
			return nil
		})
		pending = pending[:0]
		return err
	}
	fail := func(err error) (*Info, error) {
		s.drop(context.WithoutCancel(ctx), blob, n)
		return nil, err
	}
	for {
		k, err := io.ReadFull(r, buf)
		if k > 0 {
			size += int64(k)
			if size > limit {
				return fail(ErrTooLarge)
			}
			if sniff == nil {
				sniff = bytes.Clone(buf[:min(k, 512)])
			}
			h.Write(buf[:k])
			pending = append(pending, bytes.Clone(buf[:k]))
			n++
			if len(pending) == chunksPerTx {
				if err := flush(); err != nil {
					return fail(err)
				}
			}
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return fail(err)
		}
	}
	if err := flush(); err != nil {
		return fail(err)
	}
	info := &Info{SHA256: hex.EncodeToString(h.Sum(nil)), Size: size, Type: http.DetectContentType(sniff), Chunks: n, Blob: blob, Stored: s.now().UTC()}
	var kept *Info
	err := s.St.Update(ctx, func(tx store.Tx) error {
		kept = nil
		if err := tx.Delete(uploadsBucket, []byte(blob)); err != nil {
			return err
		}
		old, err := tx.Get(blobsBucket, []byte(info.SHA256))
		if err == nil {
			var prev Info
			if err := json.Unmarshal(old, &prev); err != nil {
				return err
			}
			// Touched: a sweep leaves it its grace again, so that the
			// document it is about to be attached to finds it.
			prev.Stored = info.Stored
			b, err := json.Marshal(prev)
			if err != nil {
				return err
			}
			kept = &prev
			return tx.Put(blobsBucket, []byte(info.SHA256), b)
		}
		if !errors.Is(err, store.ErrNotFound) {
			return err
		}
		b, err := json.Marshal(info)
		if err != nil {
			return err
		}
		return tx.Put(blobsBucket, []byte(info.SHA256), b)
	})
	if err != nil {
		return fail(err)
	}
	if kept != nil {
		// The same bytes are stored already: keep those.
		s.drop(ctx, blob, n)
		return kept, nil
	}
	return info, nil
}

// drop removes the chunks of an upload, and its record.
func (s *Store) drop(ctx context.Context, blob string, chunks int) {
	_ = s.St.Update(ctx, func(tx store.Tx) error { return tx.Delete(uploadsBucket, []byte(blob)) })
	for first := 0; first < chunks; first += 64 {
		_ = s.St.Update(ctx, func(tx store.Tx) error {
			for i := first; i < min(first+64, chunks); i++ {
				if err := tx.Delete(chunksBucket, chunkKey(blob, i)); err != nil {
					return err
				}
			}
			return nil
		})
	}
}

// Stat returns what the store holds of the file sha, or ErrNotFound.
func (s *Store) Stat(ctx context.Context, sha string) (*Info, error) {
	var info *Info
	err := s.St.View(ctx, func(r store.Reader) error {
		b, err := r.Get(blobsBucket, []byte(sha))
		if errors.Is(err, store.ErrNotFound) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		info = &Info{}
		return json.Unmarshal(b, info)
	})
	return info, err
}

// Delete removes the file sha and its chunks; a file not held is not an
// error.
func (s *Store) Delete(ctx context.Context, sha string) error {
	info, err := s.Stat(ctx, sha)
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := s.St.Update(ctx, func(tx store.Tx) error { return tx.Delete(blobsBucket, []byte(sha)) }); err != nil {
		return err
	}
	s.drop(ctx, info.Blob, info.Chunks)
	return nil
}

// Open returns the file sha as an io.ReadSeeker that reads one chunk at a
// time, each in a read of its own.
func (s *Store) Open(ctx context.Context, sha string) (*Reader, error) {
	info, err := s.Stat(ctx, sha)
	if err != nil {
		return nil, err
	}
	return &Reader{s: s, ctx: ctx, info: info, chunk: -1}, nil
}

// Reader reads a stored file.
type Reader struct {
	s     *Store
	ctx   context.Context
	info  *Info
	off   int64
	chunk int    // the chunk in buf, -1 for none
	buf   []byte // its bytes
}

// Info describes the file read.
func (r *Reader) Info() *Info { return r.info }

// Read reads from the current offset.
func (r *Reader) Read(p []byte) (int, error) {
	if r.off >= r.info.Size {
		return 0, io.EOF
	}
	n := int(r.off / ChunkSize)
	if n != r.chunk {
		var b []byte
		err := r.s.St.View(r.ctx, func(rd store.Reader) error {
			var err error
			b, err = rd.Get(chunksBucket, chunkKey(r.info.Blob, n))
			return err
		})
		if err != nil {
			return 0, fmt.Errorf("files: chunk %d of %s: %w", n, r.info.SHA256, err)
		}
		r.chunk, r.buf = n, b
	}
	k := copy(p, r.buf[r.off-int64(n)*ChunkSize:])
	r.off += int64(k)
	return k, nil
}

// Seek sets the offset of the next Read.
func (r *Reader) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		offset += r.off
	case io.SeekEnd:
		offset += r.info.Size
	default:
		return 0, errors.New("files: bad whence")
	}
	if offset < 0 {
		return 0, errors.New("files: negative offset")
	}
	r.off = offset
	return offset, nil
}

// Swept counts what a sweep removed.
type Swept struct {
	// Files no document names any more, stored longer ago than the grace.
	Files int
	// Uploads that never finished (a process killed mid-way).
	Uploads int
}

// Sweep removes the files no document names that were stored (or last
// uploaded again) longer than grace ago, and the chunks of uploads started
// longer than grace ago that never finished. Each file is removed in a
// transaction that checks again that no reference names it: a document
// written meanwhile either committed its reference first (the file stays)
// or finds the file gone and is refused (its writer uploads again).
func (s *Store) Sweep(ctx context.Context, grace time.Duration) (Swept, error) {
	var out Swept
	before := s.now().Add(-grace)
	var candidates []Info
	var uploads []string
	err := s.St.View(ctx, func(r store.Reader) error {
		var ferr error
		err := r.Scan(blobsBucket, store.Range{}, func(k, v []byte) bool {
			var info Info
			if ferr = json.Unmarshal(v, &info); ferr != nil {
				return false
			}
			if info.Stored.Before(before) {
				candidates = append(candidates, info)
			}
			return true
		})
		if err != nil {
			return err
		}
		if ferr != nil {
			return ferr
		}
		return r.Scan(uploadsBucket, store.Range{}, func(k, v []byte) bool {
			var t time.Time
			if t.UnmarshalText(v) == nil && t.Before(before) {
				uploads = append(uploads, string(k))
			}
			return true
		})
	})
	if err != nil {
		return out, err
	}
	for _, info := range candidates {
		removed := false
		err := s.St.Update(ctx, func(tx store.Tx) error {
			removed = false
			named := false
			if err := tx.Scan(refsBucket, store.Prefix(append([]byte(info.SHA256), 0)), func(_, _ []byte) bool {
				named = true
				return false
			}); err != nil {
				return err
			}
			cur, err := tx.Get(blobsBucket, []byte(info.SHA256))
			if named || errors.Is(err, store.ErrNotFound) {
				return nil
			}
			if err != nil {
				return err
			}
			var now Info
			if err := json.Unmarshal(cur, &now); err != nil {
				return err
			}
			if !now.Stored.Before(before) {
				return nil // uploaded again meanwhile
			}
			removed = true
			return tx.Delete(blobsBucket, []byte(info.SHA256))
		})
		if err != nil {
			return out, err
		}
		if removed {
			s.drop(ctx, info.Blob, info.Chunks)
			out.Files++
		}
	}
	for _, blob := range uploads {
		var keys [][]byte
		if err := s.St.View(ctx, func(r store.Reader) error {
			return r.Scan(chunksBucket, store.Prefix([]byte(blob+"/")), func(k, _ []byte) bool {
				keys = append(keys, bytes.Clone(k))
				return true
			})
		}); err != nil {
			return out, err
		}
		if err := s.St.Update(ctx, func(tx store.Tx) error {
			for _, k := range keys {
				if err := tx.Delete(chunksBucket, k); err != nil {
					return err
				}
			}
			return tx.Delete(uploadsBucket, []byte(blob))
		}); err != nil {
			return out, err
		}
		out.Uploads++
	}
	return out, nil
}
