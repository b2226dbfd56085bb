package documents

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"

	"github.com/credence/credence/store"
)

// FileChunksBucket holds the chunks of stored files: blob id, "/", and the
// chunk's number (4 bytes, big-endian).
const FileChunksBucket = "_files_chunks"

// The records of an export that carry files, after the schemas and before
// the documents that name them: a file's description, then its chunks.
const (
	fileRecord  = "_files"
	chunkRecord = "_files_chunks"
)

// fileChunk is the document of a chunk record.
type fileChunk struct {
	Blob string `json:"blob"`
	N    uint32 `json:"n"`
	Data []byte `json:"data"` // base64 in JSON
}

// exportFiles emits every stored file: its description, then its chunks.
func exportFiles(r store.Reader, emit func(Record) error) error {
	var emitErr error
	err := r.Scan(FilesBucket, store.Range{}, func(k, v []byte) bool {
		if emitErr = emit(Record{Collection: fileRecord, Document: bytes.Clone(v)}); emitErr != nil {
			return false
		}
		var info struct {
			Blob string `json:"blob"`
		}
		if emitErr = json.Unmarshal(v, &info); emitErr != nil {
			return false
		}
		emitErr = r.Scan(FileChunksBucket, store.Prefix([]byte(info.Blob+"/")), func(ck, cv []byte) bool {
			if len(ck) < 4 {
				return true
			}
			doc, err := json.Marshal(fileChunk{Blob: info.Blob, N: binary.BigEndian.Uint32(ck[len(ck)-4:]), Data: cv})
			if err == nil {
				err = emit(Record{Collection: chunkRecord, Document: doc})
			}
			emitErr = err
			return err == nil
		})
		return emitErr == nil
	})
	if err != nil {
		return err
	}
	return emitErr
}

// importFileRecord writes a file's description or chunk as it was.
func (s *Service) importFileRecord(ctx context.Context, rec Record) error {
	switch rec.Collection {
	case fileRecord:
		var info struct {
			SHA256 string `json:"sha256"`
			Blob   string `json:"blob"`
		}
		if err := json.Unmarshal(rec.Document, &info); err != nil || !sha256Hex.MatchString(info.SHA256) || info.Blob == "" {
			return errorf(KindBadRequest, "a file record without a sha256 and a blob")
		}
		return s.st.Update(ctx, func(tx store.Tx) error { return tx.Put(FilesBucket, []byte(info.SHA256), rec.Document) })
	case chunkRecord:
		var c fileChunk
		if err := json.Unmarshal(rec.Document, &c); err != nil || c.Blob == "" {
			return errorf(KindBadRequest, "a file chunk record without a blob")
		}
		key := binary.BigEndian.AppendUint32([]byte(c.Blob+"/"), c.N)
		return s.st.Update(ctx, func(tx store.Tx) error { return tx.Put(FileChunksBucket, key, c.Data) })
	}
	return fmt.Errorf("not a file record: %s", rec.Collection)
}
