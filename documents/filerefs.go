package documents

import (
	"errors"
	"regexp"

	"github.com/credence/credence/schemas"
	"github.com/credence/credence/store"
)

// The buckets of stored files (engine/files writes them; a document write
// checks and records its references in the same transaction).
const (
	// FilesBucket maps a file's SHA-256 (hex) to what is stored of it.
	FilesBucket = "_files"
	// FileRefsBucket holds a key per reference of a document's x-file
	// field to a file: SHA-256, collection, id and field, each ended by a
	// zero byte. A file no key names is garbage.
	FileRefsBucket = "_files_refs"
)

var sha256Hex = regexp.MustCompile(`^[0-9a-f]{64}$`)

// fileOf returns the SHA-256 a file reference names, "" for none.
func fileOf(v any) string {
	m, ok := v.(map[string]any)
	if !ok {
		return ""
	}
	s, _ := m["sha256"].(string)
	return s
}

// FileRefKey is the key of the reference of coll/id's field to the file sha.
func FileRefKey(sha, coll, id, field string) []byte {
	k := make([]byte, 0, len(sha)+len(coll)+len(id)+len(field)+4)
	for _, s := range []string{sha, coll, id, field} {
		k = append(append(k, s...), 0)
	}
	return k
}

// updateFileRefs checks that the x-file fields of a document written name
// stored files, and records its references (fields nil: the document is
// deleted), in the write's transaction: a file is never collected while a
// committed document names it.
func updateFileRefs(tx store.Tx, c *schemas.Collection, id string, old stored, fields map[string]any) error {
	for _, f := range c.Files {
		oldSHA, newSHA := fileOf(old[f.Field]), fileOf(fields[f.Field])
		if v, present := fields[f.Field]; present && v != nil && !sha256Hex.MatchString(newSHA) {
			return fieldError(KindInvalid, "the document does not match the schema of "+c.Name, "/"+f.Field,
				"must be a file reference with the sha256 of a stored file: upload the file to this field")
		}
		if oldSHA == newSHA {
			continue
		}
		if newSHA != "" {
			if _, err := tx.Get(FilesBucket, []byte(newSHA)); errors.Is(err, store.ErrNotFound) {
				return fieldError(KindInvalid, "the document names a file that is not stored", "/"+f.Field,
					"names no stored file (it may have been collected): upload it again")
			} else if err != nil {
				return err
			}
			if err := tx.Put(FileRefsBucket, FileRefKey(newSHA, c.Name, id, f.Field), []byte{}); err != nil {
				return err
			}
		}
		if oldSHA != "" {
			if err := tx.Delete(FileRefsBucket, FileRefKey(oldSHA, c.Name, id, f.Field)); err != nil {
				return err
			}
		}
	}
	return nil
}
