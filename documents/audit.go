package documents

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/credence/credence/store"
)

// AuditCollection is the tamper-evident log of writes.
const AuditCollection = "_audit"

// auditHeadKey holds the sequence number and hash of the last audit entry.
var auditHeadKey = []byte("audit.head")

func auditCollection() SystemCollection {
	return SystemCollection{Name: AuditCollection, ReadOnly: true, Schema: json.RawMessage(`{
  "type": "object",
  "title": "Audit log",
  "description": "One entry per write, in order. Each entry holds the hash of the one before it, so that an edited or removed entry breaks the chain (credence audit verify).",
  "properties": {
    "seq": {"type": "integer", "minimum": 1},
    "at": {"type": "string", "format": "date-time"},
    "keyId": {"type": "string"},
    "role": {"type": "string"},
    "op": {"type": "string", "enum": ["created", "updated", "deleted"]},
    "collection": {"type": "string", "x-index": true},
    "docId": {"type": "string", "x-index": true},
    "rev": {"type": "integer"},
    "prev": {"type": "string"},
    "hash": {"type": "string"}
  }
}`)}
}

// auditEntry is one write, as the audit log records it.
type auditEntry struct {
	Seq        int64  `json:"seq"`
	At         string `json:"at"`
	KeyID      string `json:"keyId"`
	Role       string `json:"role"`
	Op         string `json:"op"`
	Collection string `json:"collection"`
	DocID      string `json:"docId"`
	Rev        int64  `json:"rev"`
	Prev       string `json:"prev"`
	Hash       string `json:"hash"`
}

// digest is the entry's hash: SHA-256 over its fields, the previous hash
// among them.
func (e *auditEntry) digest() string {
	h := sha256.New()
	for _, f := range []string{strconv.FormatInt(e.Seq, 10), e.At, e.KeyID, e.Role, e.Op, e.Collection, e.DocID, strconv.FormatInt(e.Rev, 10), e.Prev} {
		var n [4]byte
		binary.BigEndian.PutUint32(n[:], uint32(len(f)))
		h.Write(n[:])
		h.Write([]byte(f))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// content is the entry as a document's content, its fields sorted by name
// as encodeContent writes them: written by hand, since one is written
// with every write, inside its transaction.
func (e *auditEntry) content() []byte {
	b := make([]byte, 1, 320)
	b[0] = '{'
	b = appendJSONString(member(b, "at"), e.At)
	b = appendJSONString(member(b, "collection"), e.Collection)
	b = appendJSONString(member(b, "docId"), e.DocID)
	b = appendJSONString(member(b, "hash"), e.Hash)
	b = appendJSONString(member(b, "keyId"), e.KeyID)
	b = appendJSONString(member(b, "op"), e.Op)
	b = appendJSONString(member(b, "prev"), e.Prev)
	b = strconv.AppendInt(member(b, "rev"), e.Rev, 10)
	b = appendJSONString(member(b, "role"), e.Role)
	b = strconv.AppendInt(member(b, "seq"), e.Seq, 10)
	return b[1:]
}

// auditID is the document id of entry seq: zero-padded, so ids sort as
// entries follow each other.
func auditID(seq int64) string { return fmt.Sprintf("%016d", seq) }

// audit appends an entry for a write inside its transaction.
func audit(tx store.Tx, a Auth, op, coll, id string, rev int64, at string) error {
	seq, prev := int64(0), ""
	head, err := tx.Get(metaBucket, auditHeadKey)
	switch {
	case err == nil && len(head) > 8:
		seq, prev = int64(binary.BigEndian.Uint64(head[:8])), string(head[8:])
	case err != nil && !errors.Is(err, store.ErrNotFound):
		return err
	}
	keyID, role := a.KeyID, a.Role
	if keyID == "" && role == "" {
		keyID, role = "internal", RoleAdmin
	}
	e := auditEntry{Seq: seq + 1, At: at, KeyID: keyID, Role: role, Op: op, Collection: coll, DocID: id, Rev: rev, Prev: prev}
	e.Hash = e.digest()
	body := e.content()
	docID := auditID(e.Seq)
	raw := compose(docID, body, meta{rev: 1, createdAt: at, updatedAt: at})
	if err := tx.Put(docsBucket(AuditCollection), []byte(docID), raw); err != nil {
		return err
	}
	for f, v := range map[string]string{"collection": e.Collection, "docId": e.DocID} {
		k, _ := indexKey(f, v, docID)
		if err := tx.Put(idxBucket(AuditCollection), k, []byte(docID)); err != nil {
			return err
		}
	}
	return tx.Put(metaBucket, auditHeadKey, append(binary.BigEndian.AppendUint64(nil, uint64(e.Seq)), e.Hash...))
}

// AuditReport is the outcome of a check of the audit chain.
type AuditReport struct {
	// Entries is the number of entries checked.
	Entries int64 `json:"entries"`
	// OK is set when the chain holds.
	OK bool `json:"ok"`
	// BrokenAt is the id of the first entry that does not hold, and
	// Problem says why.
	BrokenAt string `json:"brokenAt,omitempty"`
	Problem  string `json:"problem,omitempty"`
}

// VerifyAudit checks the audit chain from its first entry: each entry's
// hash, its link to the one before, the sequence without gaps, and the
// head recorded by the last write.
func (s *Service) VerifyAudit(ctx context.Context) (*AuditReport, error) {
	rep := &AuditReport{OK: true}
	err := s.st.View(ctx, func(r store.Reader) error {
		var headSeq int64
		var headHash string
		head, err := r.Get(metaBucket, auditHeadKey)
		if err == nil && len(head) > 8 {
			headSeq, headHash = int64(binary.BigEndian.Uint64(head[:8])), string(head[8:])
		} else if err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
		prev := ""
		var scanErr error
		fail := func(id, problem string) bool {
			rep.OK, rep.BrokenAt, rep.Problem = false, id, problem
			return false
		}
		err = r.Scan(docsBucket(AuditCollection), store.Range{}, func(k, v []byte) bool {
			id := string(k)
			var e auditEntry
			if err := json.Unmarshal(v, &e); err != nil {
				return fail(id, "the entry is not valid JSON")
			}
			rep.Entries++
			switch {
			case e.Seq != rep.Entries || id != auditID(e.Seq):
				return fail(id, fmt.Sprintf("entry %d is missing or out of place", rep.Entries))
			case e.Prev != prev:
				return fail(id, "the entry does not hold the hash of the entry before it")
			case e.digest() != e.Hash:
				return fail(id, "the entry was changed after it was written: its hash does not match its content")
			}
			prev = e.Hash
			return true
		})
		if err != nil || scanErr != nil || !rep.OK {
			return errors.Join(err, scanErr)
		}
		if rep.Entries != headSeq || prev != headHash {
			rep.OK = false
			rep.BrokenAt = auditID(headSeq)
			rep.Problem = fmt.Sprintf("the log ends at entry %d, but the last write recorded entry %d", rep.Entries, headSeq)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("verify audit: %w", err)
	}
	return rep, nil
}
