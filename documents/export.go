package documents

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/credence/credence/schemas"
	"github.com/credence/credence/store"
)

// Record is one line of an export: a document with its earlier revisions.
// The document itself is its latest revision.
type Record struct {
	Collection string            `json:"collection"`
	Document   json.RawMessage   `json:"document"`
	Revisions  []json.RawMessage `json:"revisions,omitempty"`
}

// Export calls emit for every document of every collection, the schemas
// first, from one consistent snapshot. emit must not keep the record.
func (s *Service) Export(ctx context.Context, emit func(Record) error) error {
	return s.st.View(ctx, func(r store.Reader) error {
		var names []string
		err := r.Scan(docsBucket(SchemasCollection), store.Range{}, func(k, _ []byte) bool {
			names = append(names, string(k))
			return true
		})
		if err != nil {
			return err
		}
		names = append([]string{SchemasCollection}, names...)
		// The system collections' documents (keys, automations) follow;
		// their schemas are built in. The audit log belongs to its store:
		// entries restored elsewhere would not chain with the entries there.
		for _, n := range slices.Sorted(maps.Keys(s.system.byName)) {
			if n != AuditCollection {
				names = append(names, n)
			}
		}
		for i, coll := range names {
			if i == 1 {
				// The files, before any document that names one.
				if err := exportFiles(r, emit); err != nil {
					return fmt.Errorf("export files: %w", err)
				}
			}
			if err := exportCollection(r, coll, emit); err != nil {
				return fmt.Errorf("export %s: %w", coll, err)
			}
		}
		return nil
	})
}

func exportCollection(r store.Reader, coll string, emit func(Record) error) error {
	var emitErr error
	err := r.Scan(docsBucket(coll), store.Range{}, func(k, v []byte) bool {
		rec := Record{Collection: coll, Document: v}
		err := r.Scan(revsBucket(coll), store.Prefix(append(bytes.Clone(k), 0)), func(_, rv []byte) bool {
			if !bytes.Equal(rv, v) {
				rec.Revisions = append(rec.Revisions, bytes.Clone(rv))
			}
			return true
		})
		if err == nil {
			err = emit(rec)
		}
		emitErr = err
		return err == nil
	})
	if err != nil {
		return err
	}
	return emitErr
}

// WriteNDJSON writes the export to w, one Record per line.
func (s *Service) WriteNDJSON(ctx context.Context, w io.Writer) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if err := s.Export(ctx, func(r Record) error { return enc.Encode(r) }); err != nil {
		return err
	}
	return bw.Flush()
}

// ImportStats counts what an import wrote.
type ImportStats struct {
	Schemas   int `json:"schemas"`
	Documents int `json:"documents"`
	Files     int `json:"files"`
}

// importBatch is the number of documents written per transaction.
const importBatch = 1024

// ReadNDJSON imports an export: the schemas first (all of them, in any
// order), then the documents, each with its revisions and meta fields as
// they were. A document already present with the same id is replaced.
// Documents are restored, not re-validated: an export taken after a forced
// schema change comes back as it was. Each batch of documents is one
// transaction; an error stops the import and names the line at fault.
func (s *Service) ReadNDJSON(ctx context.Context, r io.Reader) (ImportStats, error) {
	var stats ImportStats
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 256<<20)
	line := 0
	var pendingSchemas []*prepared
	var schemaLines []int
	var batch []*prepared
	var batchLines []int
	// The batch being committed: the next one is read and decoded
	// meanwhile. committing answers once, with the batch's size or error.
	var committing chan error
	committed := 0
	wait := func() error {
		if committing == nil {
			return nil
		}
		err := <-committing
		committing = nil
		if err == nil {
			stats.Documents += committed
		}
		return err
	}
	flush := func(last bool) error {
		if err := wait(); err != nil {
			return err
		}
		if len(pendingSchemas) > 0 {
			if err := s.importSchemas(ctx, pendingSchemas); err != nil {
				return fmt.Errorf("the schemas of %s: %w", lineList(schemaLines), err)
			}
			stats.Schemas += len(pendingSchemas)
			pendingSchemas, schemaLines = nil, nil
		}
		if len(batch) > 0 {
			recs, lines := batch, batchLines
			batch, batchLines = nil, nil
			committed, committing = len(recs), make(chan error, 1)
			go func() { committing <- s.importDocuments(ctx, recs, lines) }()
		}
		if last {
			return wait()
		}
		return nil
	}
	fail := func(err error) (ImportStats, error) {
		wait() // the batch in flight lands or fails; either way, stop here
		return stats, err
	}
	for sc.Scan() {
		line++
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var rec Record
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return fail(errorf(KindBadRequest, "line %d: not an export record: %v", line, err))
		}
		if rec.Collection == fileRecord || rec.Collection == chunkRecord {
			if err := flush(true); err != nil {
				return stats, err
			}
			if err := s.importFileRecord(ctx, rec); err != nil {
				return stats, fmt.Errorf("line %d: %w", line, err)
			}
			if rec.Collection == fileRecord {
				stats.Files++
			}
			continue
		}
		p, err := prepareRecord(rec)
		if err != nil {
			return fail(fmt.Errorf("line %d: %w", line, err))
		}
		if rec.Collection == SchemasCollection {
			if len(batch) > 0 || stats.Documents > 0 || committing != nil {
				return fail(errorf(KindBadRequest, "line %d: schemas must come before documents", line))
			}
			pendingSchemas = append(pendingSchemas, p)
			schemaLines = append(schemaLines, line)
			continue
		}
		batch = append(batch, p)
		batchLines = append(batchLines, line)
		if len(batch) == importBatch {
			if err := flush(false); err != nil {
				return stats, err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fail(fmt.Errorf("line %d: %w", line+1, err))
	}
	if err := flush(true); err != nil {
		return stats, err
	}
	if a, ok := s.st.(analyzer); ok && stats.Documents >= bulkImport {
		// A database's planner goes by statistics: bring them up to the
		// size the import left, rather than wait for autovacuum.
		if err := a.Analyze(ctx); err != nil {
			return stats, err
		}
	}
	return stats, nil
}

// analyzer is a store that keeps statistics for a query planner.
type analyzer interface {
	Analyze(ctx context.Context) error
}

// bulkImport is the import after which a store's statistics are refreshed.
const bulkImport = 10_000

// prepared is an export record checked and decoded, outside any
// transaction: what a batch's transaction needs is ready.
type prepared struct {
	Record
	d    stored
	id   string
	revs []int64 // the revision numbers of Revisions, in order
}

// prepareRecord checks what can be checked of a record on its own: a
// collection, a document with an id and a _rev, and revisions of that
// document older than it.
func prepareRecord(rec Record) (*prepared, error) {
	if rec.Collection == "" {
		return nil, errorf(KindBadRequest, "a record without a collection")
	}
	d, err := decodeStored(rec.Document)
	if err != nil {
		return nil, errorf(KindBadRequest, "%s: document: %v", rec.Collection, err)
	}
	id := d.str(fieldID)
	if !ValidID(id) || d.rev() < 1 {
		return nil, errorf(KindBadRequest, "%s: document without a valid id and _rev", rec.Collection)
	}
	p := &prepared{Record: rec, d: d, id: id, revs: make([]int64, len(rec.Revisions))}
	for i, rv := range rec.Revisions {
		r, err := decodeStored(rv)
		if err != nil || r.str(fieldID) != id || r.rev() < 1 || r.rev() >= d.rev() {
			return nil, errorf(KindBadRequest, "%s/%s: a revision is not an earlier revision of this document", rec.Collection, id)
		}
		p.revs[i] = r.rev()
	}
	return p, nil
}

// lineList names lines for an error: "line 3" or "lines 1-4".
func lineList(lines []int) string {
	if len(lines) == 1 {
		return fmt.Sprintf("line %d", lines[0])
	}
	return fmt.Sprintf("lines %d-%d", lines[0], lines[len(lines)-1])
}

// importSchemas writes schema records and their collections' indexes.
func (s *Service) importSchemas(ctx context.Context, recs []*prepared) error {
	s.schemaMu.Lock()
	defer s.schemaMu.Unlock()
	return s.retry(ctx, func(rs *registryState) error {
		raws := map[string]json.RawMessage{}
		for _, n := range rs.reg.Names() {
			c, _ := rs.reg.Collection(n)
			raws[n] = c.Raw
		}
		docs := make(map[string]stored, len(recs))
		for _, rec := range recs {
			d := rec.d
			name := rec.id
			body, err := encodeContent(content(d))
			if err != nil {
				return err
			}
			raws[name] = append(append([]byte{'{'}, body...), '}')
			docs[name] = d
		}
		next, err := schemas.Compile(raws)
		if err != nil {
			return asError(err)
		}
		nextState, err := s.newState(next, rs.version+1)
		if err != nil {
			return err
		}
		err = s.commit(ctx, func(tx store.Tx) error {
			if err := checkVersion(tx, rs.version); err != nil {
				return err
			}
			for _, rec := range recs {
				if err := s.restore(tx, nil, SchemasCollection, rec); err != nil {
					return fmt.Errorf("schema %s: %w", rec.id, err)
				}
			}
			for _, name := range slices.Sorted(maps.Keys(docs)) {
				c, _ := next.Collection(name)
				if err := rebuildIndexes(tx, c); err != nil {
					return fmt.Errorf("schema %s: %w", name, err)
				}
			}
			return putVersion(tx, rs.version+1)
		})
		if err != nil {
			return err
		}
		s.install(nextState)
		return nil
	})
}

// importDocuments writes one batch of document records, read from lines.
func (s *Service) importDocuments(ctx context.Context, recs []*prepared, lines []int) error {
	return s.retry(ctx, func(rs *registryState) error {
		colls := make([]*schemas.Collection, len(recs))
		for i, rec := range recs {
			if rec.Collection == AuditCollection {
				return errorf(KindBadRequest, "line %d: the audit log is not imported: it belongs to the store that wrote it", lines[i])
			}
			c, err := rs.collection(rec.Collection)
			if err != nil {
				return fmt.Errorf("line %d: %w", lines[i], err)
			}
			colls[i] = c
		}
		return s.commit(ctx, func(tx store.Tx) error {
			if err := checkVersion(tx, rs.version); err != nil {
				return err
			}
			t := &tally{Tx: tx} // the batch's counts, added once
			for i, rec := range recs {
				if err := s.restore(t, colls[i], rec.Collection, rec); err != nil {
					return fmt.Errorf("line %d: %w", lines[i], err)
				}
			}
			return t.flush()
		})
	})
}

// restore writes a record as it is: document, revisions and index entries,
// replacing any document with the same id.
func (s *Service) restore(tx store.Tx, c *schemas.Collection, coll string, p *prepared) error {
	err := s.deleteDoc(tx, nil, c, coll, p.id, "")
	if err != nil && KindOf(err) != KindNotFound {
		return err
	}
	if c != nil {
		// The stored document as the fields: the indexes read properties
		// only, never its id or meta fields.
		if err := updateIndexes(tx, c, p.id, nil, p.d, timesOf(p.d)); err != nil {
			return fmt.Errorf("%s/%s: %w", coll, p.id, err)
		}
	}
	for i, rv := range p.Revisions {
		if err := tx.Put(revsBucket(coll), revKey(p.id, p.revs[i]), rv); err != nil {
			return err
		}
	}
	if err := tx.Put(revsBucket(coll), revKey(p.id, p.d.rev()), p.Document); err != nil {
		return err
	}
	return tx.Put(docsBucket(coll), []byte(p.id), p.Document)
}
