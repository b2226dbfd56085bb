package postgres

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/credence/credence/store"
)

// A Scan fetches its rows in chunks: the first small, since most scans
// stop early (a page of a list), then doubling for those that read on.
const (
	firstScanChunk = 64
	maxScanChunk   = 4096
)

const (
	beginRead  = `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`
	beginWrite = `BEGIN ISOLATION LEVEL SERIALIZABLE`
)

// txn is one transaction on one pooled connection, built to spend few
// round trips: BEGIN travels with the first statement; writes are buffered
// (reads see them) and travel with the next read, or with COMMIT; a key
// read once is not read again. A write transaction that reads a key, checks
// it and writes costs two round trips.
//
// A write transaction runs several calls, each in a savepoint (startCall).
// A call that fails is undone (rollbackCall): its buffered writes are
// dropped, and what it already sent is rolled back to its savepoint.
type txn struct {
	s     *Store
	ctx   context.Context
	conn  *pgxpool.Conn
	begin string // the BEGIN still to send; empty once sent
	turn  bool   // a write transaction: takeTurn follows BEGIN
	// broken is the error of a failed round trip: the transaction is lost.
	broken error

	pending []pgxStatement
	// overlay holds the buffered writes by bucket and key; a nil value is
	// a deleted key.
	overlay map[string]map[string][]byte
	// cache holds the keys read from the database: a nil value is a key
	// found absent.
	cache map[string]map[string][]byte

	// The current call: its savepoint, where its statements start in
	// pending, whether it has sent any, and how to undo its overlay writes.
	savepoint string
	mark      int
	sent      bool
	undo      []overlayUndo
}

type overlayUndo struct {
	bucket, key string
	value       []byte
	had         bool
}

// startCall opens a savepoint for the next call.
func (t *txn) startCall(i int) {
	t.savepoint = fmt.Sprintf("call_%d", i)
	t.mark, t.sent, t.undo = len(t.pending), false, nil
	t.pending = append(t.pending, pgxStatement{sql: "SAVEPOINT " + t.savepoint})
}

// rollbackCall undoes the current call.
func (t *txn) rollbackCall() {
	for i := len(t.undo) - 1; i >= 0; i-- {
		u := t.undo[i]
		if u.had {
			t.overlay[u.bucket][u.key] = u.value
		} else {
			delete(t.overlay[u.bucket], u.key)
		}
	}
	if !t.sent {
		t.pending = t.pending[:t.mark] // the savepoint itself was never sent
		return
	}
	// What the call sent is in the database: roll it back there, and
	// forget what was read since, which may have seen it.
	t.pending = append(t.pending[:0], pgxStatement{sql: "ROLLBACK TO SAVEPOINT " + t.savepoint})
	t.cache = nil
}

type pgxStatement struct {
	sql  string
	args []any
	// put, for a buffered Put, is its row: runs of them are sent as one
	// statement (see coalesce).
	put *kvRow
	// del, for a buffered Delete, is its key.
	del *kvRow
}

type kvRow struct {
	bucket     string
	key, value []byte
}

// row is the key a buffered write writes, nil for other statements.
func (st pgxStatement) row() *kvRow {
	if st.put != nil {
		return st.put
	}
	return st.del
}

// putManySQL writes rows given as arrays, one statement for many.
const putManySQL = `INSERT INTO credence_kv (bucket, key, value)
	SELECT * FROM unnest($1::text[], $2::bytea[], $3::bytea[])
	ON CONFLICT (bucket, key) DO UPDATE SET value = excluded.value`

// coalesce sends the buffered writes between two other statements (a
// savepoint, a lock) as few statements: each key's last write alone, the
// puts as one INSERT of arrays. A create writes a dozen keys; PostgreSQL
// then runs one statement for them rather than twelve. The deletes stay
// point statements, which the primary key serves whatever the planner's
// statistics.
func coalesce(pending []pgxStatement) []pgxStatement {
	out := make([]pgxStatement, 0, len(pending))
	var run []pgxStatement
	flush := func() {
		if len(run) <= 1 {
			out = append(out, run...)
			run = run[:0]
			return
		}
		last := map[string]int{}
		for i, st := range run {
			r := st.row()
			last[r.bucket+"\x00"+string(r.key)] = i
		}
		var buckets []string
		var keys, values [][]byte
		for i, st := range run {
			r := st.row()
			if last[r.bucket+"\x00"+string(r.key)] != i {
				continue // written again later in the run
			}
			if st.del != nil {
				out = append(out, st)
				continue
			}
			buckets, keys, values = append(buckets, r.bucket), append(keys, r.key), append(values, r.value)
		}
		switch len(keys) {
		case 0:
		case 1:
			out = append(out, pgxStatement{sql: putSQL, args: []any{buckets[0], keys[0], values[0]}})
		default:
			out = append(out, pgxStatement{sql: putManySQL, args: []any{buckets, keys, values}})
		}
		run = run[:0]
	}
	for _, st := range pending {
		if st.row() != nil {
			run = append(run, st)
			continue
		}
		flush()
		out = append(out, st)
	}
	flush()
	return out
}

// send makes one round trip: the BEGIN and buffered writes not yet sent,
// then query, whose rows go to scan. query may be empty.
func (t *txn) send(query string, args []any, scan func(pgx.Rows) error) error {
	b := &pgx.Batch{}
	if t.begin != "" {
		b.Queue(t.begin)
		if t.turn {
			b.Queue(takeTurn)
		}
	}
	for _, st := range coalesce(t.pending) {
		b.Queue(st.sql, st.args...)
	}
	if query != "" {
		b.Queue(query, args...)
	}
	if b.Len() == 0 {
		return nil
	}
	t.s.roundTrips.Add(1)
	br := t.conn.SendBatch(t.ctx, b)
	t.keepSent()
	t.begin, t.pending, t.overlay = "", nil, nil
	t.sent, t.undo = true, nil
	err := t.readBatch(br, b.Len(), query != "" && scan != nil, scan)
	if err != nil {
		err = classify(err)
		t.broken = err
	}
	return err
}

func (t *txn) readBatch(br pgx.BatchResults, n int, hasQuery bool, scan func(pgx.Rows) error) error {
	for i := range n {
		if i == n-1 && hasQuery {
			rows, err := br.Query()
			if err == nil {
				err = scan(rows)
				rows.Close()
				if err == nil {
					err = rows.Err()
				}
			}
			if err != nil {
				br.Close()
				return err
			}
			continue
		}
		if _, err := br.Exec(); err != nil {
			br.Close()
			return err
		}
	}
	return br.Close()
}

// keepSent keeps the buffered writes being sent as what the database
// holds for their keys in this transaction: a key written and read again
// later (the audit chain's head, a kept count) costs no round trip. A
// round trip that fails breaks the transaction; a call rolled back after
// it sent forgets the cache.
func (t *txn) keepSent() {
	for bucket, writes := range t.overlay {
		maps.Copy(t.cached(bucket), writes)
	}
}

// finish commits what was done, in the round trip of the buffered writes.
func (t *txn) finish() error {
	if t.begin != "" && len(t.pending) == 0 {
		return nil // nothing was read or written: no transaction to end
	}
	return t.send(`COMMIT`, nil, nil)
}

// abort rolls back a transaction that was started.
func (t *txn) abort() {
	if t.begin == "" {
		t.s.roundTrips.Add(1)
		t.conn.Exec(context.WithoutCancel(t.ctx), `ROLLBACK`)
	}
}

func (t *txn) Get(bucket string, key []byte) ([]byte, error) {
	if v, ok := t.overlay[bucket][string(key)]; ok {
		if v == nil {
			return nil, store.ErrNotFound
		}
		return bytes.Clone(v), nil
	}
	if v, ok := t.cache[bucket][string(key)]; ok {
		if v == nil {
			return nil, store.ErrNotFound
		}
		return bytes.Clone(v), nil
	}
	var v []byte
	found := false
	err := t.send(`SELECT value FROM credence_kv WHERE bucket = $1 AND key = $2`, []any{bucket, key},
		func(rows pgx.Rows) error {
			if rows.Next() {
				found = true
				return rows.Scan(&v)
			}
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("postgres: get: %w", err)
	}
	if found && v == nil {
		v = []byte{}
	}
	t.remember(bucket, key, v)
	if !found {
		return nil, store.ErrNotFound
	}
	return bytes.Clone(v), nil
}

// GetMany reads several keys in one round trip; keys the transaction wrote
// or read already are answered from memory.
func (t *txn) GetMany(bucket string, keys [][]byte) ([][]byte, error) {
	out := make([][]byte, len(keys))
	var ask [][]byte
	at := map[string][]int{}
	for i, k := range keys {
		if v, ok := t.overlay[bucket][string(k)]; ok {
			out[i] = bytes.Clone(v)
			continue
		}
		if v, ok := t.cache[bucket][string(k)]; ok {
			out[i] = bytes.Clone(v)
			continue
		}
		if _, dup := at[string(k)]; !dup {
			ask = append(ask, k)
		}
		at[string(k)] = append(at[string(k)], i)
	}
	if len(ask) == 0 {
		return out, nil
	}
	cache := t.cached(bucket)
	for _, k := range ask {
		cache[string(k)] = nil
	}
	err := t.send(getManySQL, []any{bucket, ask},
		func(rows pgx.Rows) error {
			for rows.Next() {
				var k, v []byte
				if err := rows.Scan(&k, &v); err != nil {
					return err
				}
				if v == nil {
					v = []byte{}
				}
				cache[string(k)] = v
				for _, i := range at[string(k)] {
					out[i] = bytes.Clone(v)
				}
			}
			return nil
		})
	if err != nil {
		for _, k := range ask {
			delete(t.cache[bucket], string(k))
		}
		return nil, fmt.Errorf("postgres: get many: %w", err)
	}
	return out, nil
}

// getManySQL reads keys of one bucket in one statement: one index scan
// that looks each key up in the primary key. The store's sessions forbid
// the sequential and bitmap scans that statistics taken when the table was
// small would choose; as one statement of two parameters it is planned
// once (a UNION ALL of a lookup per key took 1-13 ms to plan for 128 keys,
// more than reading them).
const getManySQL = `SELECT key, value FROM credence_kv WHERE bucket = $1 AND key = ANY($2::bytea[])`

// getKeysQuery reads n keys of several buckets in one statement: a point
// lookup each, numbered, joined with UNION ALL (which the planner serves
// from the primary key, where a join with unnested arrays was twice as
// slow for the two keys a read usually asks). Their pairs are the
// arguments, bucket then key.
func getKeysQuery(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(" UNION ALL ")
		}
		fmt.Fprintf(&b, "SELECT %d, value FROM credence_kv WHERE bucket = $%d AND key = $%d", i, 2*i+1, 2*i+2)
	}
	return b.String()
}

// keyArgs are the arguments of getKeysQuery for keys.
func keyArgs(keys []store.Key) []any {
	args := make([]any, 0, 2*len(keys))
	for _, k := range keys {
		args = append(args, k.Bucket, k.Key)
	}
	return args
}

// scanKeys reads the rows of getKeysQuery into out, by their number; a
// key without a row stays nil.
func scanKeys(rows pgx.Rows, out [][]byte) error {
	for rows.Next() {
		var i int
		var v []byte
		if err := rows.Scan(&i, &v); err != nil {
			return err
		}
		if v == nil {
			v = []byte{}
		}
		out[i] = v
	}
	return nil
}

// GetKeys reads keys of several buckets in one round trip; keys the
// transaction wrote or read already are answered from memory, and the
// keys read are remembered, so that Get answers them without a round trip.
func (t *txn) GetKeys(keys []store.Key) ([][]byte, error) {
	out := make([][]byte, len(keys))
	var ask []store.Key
	var asked []int
	for i, k := range keys {
		if v, ok := t.overlay[k.Bucket][string(k.Key)]; ok {
			out[i] = bytes.Clone(v)
			continue
		}
		if v, ok := t.cache[k.Bucket][string(k.Key)]; ok {
			out[i] = bytes.Clone(v)
			continue
		}
		ask, asked = append(ask, k), append(asked, i)
	}
	if len(ask) == 0 {
		return out, nil
	}
	read := make([][]byte, len(ask))
	err := t.send(getKeysQuery(len(ask)), keyArgs(ask), func(rows pgx.Rows) error { return scanKeys(rows, read) })
	if err != nil {
		return nil, fmt.Errorf("postgres: get keys: %w", err)
	}
	for n, k := range ask {
		t.remember(k.Bucket, k.Key, read[n]) // nil: absent
		out[asked[n]] = bytes.Clone(read[n])
	}
	return out, nil
}

// remember caches a key read: a nil value is a key found absent.
func (t *txn) remember(bucket string, key, value []byte) {
	t.cached(bucket)[string(key)] = value
}

// cached is the cache of bucket's keys, made when there is none.
func (t *txn) cached(bucket string) map[string][]byte {
	if t.cache == nil {
		t.cache = map[string]map[string][]byte{}
	}
	if t.cache[bucket] == nil {
		t.cache[bucket] = map[string][]byte{}
	}
	return t.cache[bucket]
}

// Scan reads the range in chunks, each a keyset query that continues after
// the last key seen, so no cursor stays open between calls of fn.
func (t *txn) Scan(bucket string, rng store.Range, fn func(key, value []byte) bool) error {
	lo, hi := rng.Start, rng.End
	loIncl := true
	for chunk := firstScanChunk; ; chunk = min(2*chunk, maxScanChunk) {
		q := `SELECT key, value FROM credence_kv WHERE bucket = $1`
		args := []any{bucket}
		if lo != nil {
			args = append(args, lo)
			if loIncl {
				q += fmt.Sprintf(` AND key >= $%d`, len(args))
			} else {
				q += fmt.Sprintf(` AND key > $%d`, len(args))
			}
		}
		if hi != nil {
			args = append(args, hi)
			q += fmt.Sprintf(` AND key < $%d`, len(args))
		}
		if rng.Reverse {
			q += ` ORDER BY key DESC`
		} else {
			q += ` ORDER BY key`
		}
		q += fmt.Sprintf(` LIMIT %d`, chunk)
		var keys, values [][]byte
		err := t.send(q, args, func(rows pgx.Rows) error {
			for rows.Next() {
				var k, v []byte
				if err := rows.Scan(&k, &v); err != nil {
					return err
				}
				keys, values = append(keys, k), append(values, v)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("postgres: scan: %w", err)
		}
		for i := range keys {
			if !fn(keys[i], values[i]) {
				return nil
			}
		}
		if len(keys) < chunk {
			return nil
		}
		last := keys[len(keys)-1]
		if rng.Reverse {
			hi = last
		} else {
			lo, loIncl = last, false
		}
	}
}

// buffer queues a write and records its effect for later reads.
func (t *txn) buffer(bucket string, key, value []byte, st pgxStatement) {
	t.pending = append(t.pending, st)
	if t.overlay == nil {
		t.overlay = map[string]map[string][]byte{}
	}
	if t.overlay[bucket] == nil {
		t.overlay[bucket] = map[string][]byte{}
	}
	prev, had := t.overlay[bucket][string(key)]
	t.undo = append(t.undo, overlayUndo{bucket: bucket, key: string(key), value: prev, had: had})
	t.overlay[bucket][string(key)] = value
	delete(t.cache[bucket], string(key))
}

func (t *txn) Put(bucket string, key, value []byte) error {
	if len(key) == 0 {
		return errors.New("postgres: put: empty key")
	}
	k, v := bytes.Clone(key), bytes.Clone(value)
	if v == nil {
		v = []byte{}
	}
	t.buffer(bucket, k, v, pgxStatement{sql: putSQL, args: []any{bucket, k, v}, put: &kvRow{bucket: bucket, key: k, value: v}})
	return nil
}

// putSQL writes one row.
const putSQL = `INSERT INTO credence_kv (bucket, key, value) VALUES ($1, $2, $3)
	ON CONFLICT (bucket, key) DO UPDATE SET value = excluded.value`

func (t *txn) Delete(bucket string, key []byte) error {
	k := bytes.Clone(key)
	t.buffer(bucket, k, nil, pgxStatement{sql: `DELETE FROM credence_kv WHERE bucket = $1 AND key = $2`, args: []any{bucket, k}, del: &kvRow{bucket: bucket, key: k}})
	return nil
}

// DeleteBucket is sent at once: buffering it would make the overlay answer
// for every key of the bucket.
func (t *txn) DeleteBucket(bucket string) error {
	delete(t.cache, bucket)
	delete(t.overlay, bucket) // its writes are sent before the DELETE
	t.pending = append(t.pending, pgxStatement{sql: `DELETE FROM credence_kv WHERE bucket = $1`, args: []any{bucket}})
	if err := t.send("", nil, nil); err != nil {
		return fmt.Errorf("postgres: delete bucket: %w", err)
	}
	return nil
}
