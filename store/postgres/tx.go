package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/credence/credence/store"
)

// scanChunk is the number of rows a Scan fetches per query.
const scanChunk = 256

type reader struct {
	ctx context.Context
	tx  pgx.Tx
}

func (r *reader) Get(bucket string, key []byte) ([]byte, error) {
	var v []byte
	err := r.tx.QueryRow(r.ctx, `SELECT value FROM credence_kv WHERE bucket = $1 AND key = $2`, bucket, key).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: get: %w", err)
	}
	if v == nil {
		v = []byte{}
	}
	return v, nil
}

// Scan reads the range in chunks, each a keyset query that continues after
// the last key seen, so no cursor stays open between calls of fn.
func (r *reader) Scan(bucket string, rng store.Range, fn func(key, value []byte) bool) error {
	lo, hi := rng.Start, rng.End
	loIncl := true
	for {
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
		q += fmt.Sprintf(` LIMIT %d`, scanChunk)
		rows, err := r.tx.Query(r.ctx, q, args...)
		if err != nil {
			return fmt.Errorf("postgres: scan: %w", err)
		}
		var keys, values [][]byte
		for rows.Next() {
			var k, v []byte
			if err := rows.Scan(&k, &v); err != nil {
				rows.Close()
				return fmt.Errorf("postgres: scan: %w", err)
			}
			keys, values = append(keys, k), append(values, v)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("postgres: scan: %w", err)
		}
		for i := range keys {
			if !fn(keys[i], values[i]) {
				return nil
			}
		}
		if len(keys) < scanChunk {
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

type writer struct {
	reader
}

func (w *writer) Put(bucket string, key, value []byte) error {
	if len(key) == 0 {
		return errors.New("postgres: put: empty key")
	}
	if value == nil {
		value = []byte{}
	}
	_, err := w.tx.Exec(w.ctx, `INSERT INTO credence_kv (bucket, key, value) VALUES ($1, $2, $3)
		ON CONFLICT (bucket, key) DO UPDATE SET value = excluded.value`, bucket, key, value)
	if err != nil {
		return fmt.Errorf("postgres: put: %w", err)
	}
	return nil
}

func (w *writer) Delete(bucket string, key []byte) error {
	if _, err := w.tx.Exec(w.ctx, `DELETE FROM credence_kv WHERE bucket = $1 AND key = $2`, bucket, key); err != nil {
		return fmt.Errorf("postgres: delete: %w", err)
	}
	return nil
}

func (w *writer) DeleteBucket(bucket string) error {
	if _, err := w.tx.Exec(w.ctx, `DELETE FROM credence_kv WHERE bucket = $1`, bucket); err != nil {
		return fmt.Errorf("postgres: delete bucket: %w", err)
	}
	return nil
}
