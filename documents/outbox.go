package documents

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/credence/credence/store"
)

// outboxBucket holds the events of writes not yet acknowledged by their
// consumer, keyed by a time-ordered id.
const outboxBucket = "outbox"

// The operations an Event reports.
const (
	OpCreated = "created"
	OpUpdated = "updated"
	OpDeleted = "deleted"
)

// Event is a write, recorded in the transaction that made it: what the
// automations and webhooks act on.
type Event struct {
	// Key identifies the event in the outbox, for AckEvents.
	Key        string `json:"-"`
	Collection string `json:"collection"`
	ID         string `json:"id"`
	// Rev is the revision written; for a delete, the last revision.
	Rev int64 `json:"rev"`
	// Op is OpCreated, OpUpdated or OpDeleted.
	Op string `json:"op"`
	// Before is the stored document before the write; nil on create.
	Before json.RawMessage `json:"before,omitempty"`
	// After is the stored document after the write; nil on delete.
	After json.RawMessage `json:"after,omitempty"`
	At    time.Time       `json:"at"`
	// KeyID is the Auth.KeyID of the writer.
	KeyID string `json:"keyId,omitempty"`
}

// record writes the outbox event and the audit entry of a write.
func (s *Service) record(tx store.Tx, a Auth, op, coll, id string, rev int64, before, after []byte, at time.Time) error {
	stamp := at.UTC().Format(timeLayout)
	if coll == AuditCollection {
		return nil
	}
	if coll == KeysCollection {
		// Before the commit, so that no request trusts the old key after it.
		s.keys.invalidate()
	}
	if err := audit(tx, a, op, coll, id, rev, stamp); err != nil {
		return err
	}
	ev := Event{Collection: coll, ID: id, Rev: rev, Op: op, Before: before, After: after, At: at.UTC(), KeyID: a.KeyID}
	key := []byte(s.ids.next(at))
	if err := tx.Put(outboxBucket, key, ev.encode()); err != nil {
		return err
	}
	// The feed of realtime clients: small, the document read from its
	// revision when it is sent (a deleted one carries its last form).
	fe := FeedEntry{Collection: coll, ID: id, Rev: rev, Op: op, At: stamp}
	if op == OpDeleted {
		fe.Before = before
	}
	return tx.Put(feedBucket, key, fe.encode())
}

// encode is json.Marshal(ev), written by hand: Before and After are stored
// documents, compact JSON already, which json.Marshal would scan again,
// and one event is written with every write, inside its transaction.
func (ev *Event) encode() []byte {
	b := make([]byte, 1, 128+len(ev.Before)+len(ev.After))
	b[0] = '{'
	b = appendJSONString(member(b, "collection"), ev.Collection)
	b = appendJSONString(member(b, "id"), ev.ID)
	b = strconv.AppendInt(member(b, "rev"), ev.Rev, 10)
	b = appendJSONString(member(b, "op"), ev.Op)
	if len(ev.Before) > 0 {
		b = append(member(b, "before"), ev.Before...)
	}
	if len(ev.After) > 0 {
		b = append(member(b, "after"), ev.After...)
	}
	b = appendJSONString(member(b, "at"), ev.At.Format(time.RFC3339Nano))
	if ev.KeyID != "" {
		b = appendJSONString(member(b, "keyId"), ev.KeyID)
	}
	return append(b, '}')
}

// encode is json.Marshal(fe), written by hand, as Event.encode.
func (fe *FeedEntry) encode() []byte {
	b := make([]byte, 1, 96+len(fe.Before))
	b[0] = '{'
	b = appendJSONString(member(b, "c"), fe.Collection)
	b = appendJSONString(member(b, "i"), fe.ID)
	b = strconv.AppendInt(member(b, "r"), fe.Rev, 10)
	b = appendJSONString(member(b, "o"), fe.Op)
	b = appendJSONString(member(b, "t"), fe.At)
	if len(fe.Before) > 0 {
		b = append(member(b, "b"), fe.Before...)
	}
	return append(b, '}')
}

// PendingEvents returns up to limit events not yet acknowledged, oldest
// first; the events of one document come in revision order. An event stays
// pending until AckEvents removes it, so a consumer that stops before the
// acknowledgement sees it again: its effects must be idempotent.
func (s *Service) PendingEvents(ctx context.Context, limit int) ([]Event, error) {
	if limit <= 0 {
		limit = 100
	}
	var out []Event
	err := s.st.View(ctx, func(r store.Reader) error {
		out = out[:0]
		var derr error
		err := r.Scan(outboxBucket, store.Range{}, func(k, v []byte) bool {
			var e Event
			if derr = json.Unmarshal(v, &e); derr != nil {
				derr = fmt.Errorf("outbox event %s: %w", k, derr)
				return false
			}
			e.Key = string(k)
			out = append(out, e)
			return len(out) < limit
		})
		if err != nil {
			return err
		}
		return derr
	})
	if err != nil {
		return nil, fmt.Errorf("pending events: %w", err)
	}
	// Writers on several nodes stamp keys with their own clocks: keep each
	// document's events in revision order whatever the clocks say.
	// The slots a document's events hold are refilled in revision order.
	slots := map[string][]int{}
	for i, e := range out {
		slots[e.Collection+"\x00"+e.ID] = append(slots[e.Collection+"\x00"+e.ID], i)
	}
	for _, idx := range slots {
		if len(idx) < 2 {
			continue
		}
		evs := make([]Event, len(idx))
		for j, i := range idx {
			evs[j] = out[i]
		}
		slices.SortStableFunc(evs, func(a, b Event) int { return cmp.Compare(a.Rev, b.Rev) })
		for j, i := range idx {
			out[i] = evs[j]
		}
	}
	return out, nil
}

// AckEvents removes events from the outbox: their effects are done.
func (s *Service) AckEvents(ctx context.Context, keys []string) error {
	if len(keys) == 0 {
		return nil
	}
	err := s.st.Update(ctx, func(tx store.Tx) error {
		for _, k := range keys {
			if err := tx.Delete(outboxBucket, []byte(k)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("ack events: %w", err)
	}
	return nil
}
