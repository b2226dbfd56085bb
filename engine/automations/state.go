package automations

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/credence/credence/store"
)

// The runner's own buckets in the store. Their writes carry no side
// effects: Update may run them more than once.
const (
	leaseBucket = "auto/lease" // "runner": which runner works, until when
	jobsBucket  = "auto/jobs"  // job key: a job not yet done
	doneBucket  = "auto/done"  // job key: when it was done, so a redelivered event is not worked again
	firedBucket = "auto/fired" // schedule marker: when a scheduled automation fired for a document
	ticksBucket = "auto/ticks" // automation id: when its schedule is next due
	keysBucket  = "auto/keys"  // "tracking": the key of open-tracking tokens
)

var (
	leaseKey    = []byte("runner")
	trackingKey = []byte("tracking")
)

type lease struct {
	Owner string    `json:"owner"`
	Until time.Time `json:"until"`
}

// acquire takes or renews the lease. It reports whether this runner holds
// it. The lease runs on the wall clock, not Config.Now: it is about which
// process is alive, not about the program's time.
func (r *Runner) acquire(ctx context.Context) (bool, error) {
	now := time.Now()
	until := now.Add(r.cfg.LeaseTTL)
	var got bool
	err := r.st.Update(ctx, func(tx store.Tx) error {
		got = false
		v, err := tx.Get(leaseBucket, leaseKey)
		switch {
		case err == nil:
			var l lease
			if json.Unmarshal(v, &l) == nil && l.Owner != r.id && now.Before(l.Until) {
				return nil
			}
		case !errors.Is(err, store.ErrNotFound):
			return err
		}
		b, _ := json.Marshal(lease{Owner: r.id, Until: until})
		got = true
		return tx.Put(leaseBucket, leaseKey, b)
	})
	if err != nil {
		return false, fmt.Errorf("lease: %w", err)
	}
	if got {
		r.leaseUntil.Store(until.UnixNano())
	} else {
		r.leaseUntil.Store(0)
	}
	return got, nil
}

// release gives the lease up, so another node takes over at once.
func (r *Runner) release(ctx context.Context) error {
	r.leaseUntil.Store(0)
	return r.st.Update(ctx, func(tx store.Tx) error {
		v, err := tx.Get(leaseBucket, leaseKey)
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		var l lease
		if json.Unmarshal(v, &l) == nil && l.Owner != r.id {
			return nil
		}
		return tx.Delete(leaseBucket, leaseKey)
	})
}

// leased reports whether the lease is this runner's for a while yet: an
// effect outside the store (an e-mail, a webhook call) starts only then,
// so that a runner that lost its lease never sends what its successor
// sends too.
func (r *Runner) leased() bool {
	return time.Now().Add(r.cfg.LeaseTTL/3).UnixNano() < r.leaseUntil.Load()
}

// renew renews the lease when a third of it is gone: long passes keep it.
func (r *Runner) renew(ctx context.Context) (bool, error) {
	if time.Now().Add(2*r.cfg.LeaseTTL/3).UnixNano() < r.leaseUntil.Load() {
		return true, nil
	}
	return r.acquire(ctx)
}

// job is the work an event (or a schedule) calls for from one automation
// or one webhook subscription: its actions, run in order.
type job struct {
	Key        string `json:"key"`
	Automation string `json:"automation,omitempty"`
	Webhook    string `json:"webhook,omitempty"`
	// Event identifies what fired: collection/id/rev/op for a write,
	// schedule/... for a schedule. With Automation it makes the
	// idempotency keys of the actions.
	Event      string          `json:"event"`
	Op         string          `json:"op"`
	Collection string          `json:"collection"`
	DocID      string          `json:"docId"`
	Doc        json.RawMessage `json:"doc,omitempty"`
	Old        json.RawMessage `json:"old,omitempty"`
	// Offset is the days before the date of a reminder.
	Offset *int `json:"offset,omitempty"`
	// Marker is the key in firedBucket that records a scheduled firing.
	Marker string    `json:"marker,omitempty"`
	At     time.Time `json:"at"`
	// EventAt is when the event happened (the write, or the tick), and Rev
	// the revision written: they order the messages of a job, so that a
	// receiver gets the calls about a document in the order of its writes.
	EventAt   time.Time `json:"eventAt"`
	Rev       int64     `json:"rev,omitempty"`
	Attempts  int       `json:"attempts,omitempty"`
	NotBefore time.Time `json:"notBefore,omitzero"`
	Error     string    `json:"error,omitempty"`
	// Failed is set once the attempts are spent; the job waits for an
	// operator's retry (through its _messages document, Message).
	Failed  bool   `json:"failed,omitempty"`
	Message string `json:"message,omitempty"`
}

func jobKey(owner, event string) string { return owner + "\x00" + event }

// messageID is the id of a _messages document a job makes: ordered by the
// time of the event and the revision, and the idempotency key of the
// effect, so that the same effect always has the same id.
func (j job) messageID(prefix string, parts ...string) string {
	return fmt.Sprintf("%s-%013d-%06d-%s", prefix, j.EventAt.UnixMilli(), j.Rev%1000000, idempotencyKey(parts...))
}

// idempotencyKey is the key of one effect: an action of a job, and, for a
// message, one recipient.
func idempotencyKey(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// enqueue stores jobs not seen before, with their schedule markers. A job
// whose key is pending or done, or whose marker is set, is a redelivery.
func (r *Runner) enqueue(ctx context.Context, jobs []job) (int, error) {
	if len(jobs) == 0 {
		return 0, nil
	}
	vals := make([][]byte, len(jobs))
	for i := range jobs {
		b, err := json.Marshal(jobs[i])
		if err != nil {
			return 0, err
		}
		vals[i] = b
	}
	var added int
	err := r.st.Update(ctx, func(tx store.Tx) error {
		added = 0
		for i, j := range jobs {
			k := []byte(j.Key)
			seen, err := exists(tx, jobsBucket, k)
			if err != nil {
				return err
			}
			if !seen {
				if seen, err = exists(tx, doneBucket, k); err != nil {
					return err
				}
			}
			if !seen && j.Marker != "" {
				if seen, err = exists(tx, firedBucket, []byte(j.Marker)); err != nil {
					return err
				}
			}
			if seen {
				continue
			}
			if j.Marker != "" {
				if err := tx.Put(firedBucket, []byte(j.Marker), timeBytes(j.At)); err != nil {
					return err
				}
			}
			if err := tx.Put(jobsBucket, k, vals[i]); err != nil {
				return err
			}
			added++
		}
		return nil
	})
	return added, err
}

func exists(r store.Reader, bucket string, key []byte) (bool, error) {
	_, err := r.Get(bucket, key)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

func timeBytes(t time.Time) []byte {
	return binary.BigEndian.AppendUint64(nil, uint64(t.UnixNano()))
}

// dueJobs returns up to limit jobs whose time has come.
func (r *Runner) dueJobs(ctx context.Context, now time.Time, limit int) ([]job, error) {
	var out []job
	err := r.st.View(ctx, func(rd store.Reader) error {
		out = out[:0]
		var derr error
		err := rd.Scan(jobsBucket, store.Range{}, func(k, v []byte) bool {
			var j job
			if derr = json.Unmarshal(v, &j); derr != nil {
				derr = fmt.Errorf("job %q: %w", k, derr)
				return false
			}
			if !j.Failed && !j.NotBefore.After(now) {
				out = append(out, j)
			}
			return len(out) < limit
		})
		if err != nil {
			return err
		}
		return derr
	})
	return out, err
}

// getJob reads a pending job.
func (r *Runner) getJob(ctx context.Context, key string) (*job, error) {
	var j *job
	err := r.st.View(ctx, func(rd store.Reader) error {
		v, err := rd.Get(jobsBucket, []byte(key))
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		j = new(job)
		return json.Unmarshal(v, j)
	})
	return j, err
}

// saveJob stores a job's progress.
func (r *Runner) saveJob(ctx context.Context, j job) error {
	b, err := json.Marshal(j)
	if err != nil {
		return err
	}
	return r.st.Update(ctx, func(tx store.Tx) error { return tx.Put(jobsBucket, []byte(j.Key), b) })
}

// finishJobs removes done jobs and remembers them as done.
func (r *Runner) finishJobs(ctx context.Context, keys []string, at time.Time) error {
	if len(keys) == 0 {
		return nil
	}
	return r.st.Update(ctx, func(tx store.Tx) error {
		for _, k := range keys {
			if err := tx.Delete(jobsBucket, []byte(k)); err != nil {
				return err
			}
			if err := tx.Put(doneBucket, []byte(k), timeBytes(at)); err != nil {
				return err
			}
		}
		return nil
	})
}

// pruneDone forgets the jobs done before cutoff: their events were
// acknowledged long ago and will not come back.
func (r *Runner) pruneDone(ctx context.Context, cutoff time.Time) error {
	var old [][]byte
	err := r.st.View(ctx, func(rd store.Reader) error {
		old = old[:0]
		return rd.Scan(doneBucket, store.Range{}, func(k, v []byte) bool {
			if len(v) == 8 && int64(binary.BigEndian.Uint64(v)) < cutoff.UnixNano() {
				old = append(old, append([]byte(nil), k...))
			}
			return len(old) < 10000
		})
	})
	if err != nil || len(old) == 0 {
		return err
	}
	return r.st.Update(ctx, func(tx store.Tx) error {
		for _, k := range old {
			if err := tx.Delete(doneBucket, k); err != nil {
				return err
			}
		}
		return nil
	})
}

// nextTick returns when a schedule is next due (zero: now).
func (r *Runner) nextTick(ctx context.Context, automation string) (time.Time, error) {
	var t time.Time
	err := r.st.View(ctx, func(rd store.Reader) error {
		v, err := rd.Get(ticksBucket, []byte(automation))
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		if len(v) == 8 {
			t = time.Unix(0, int64(binary.BigEndian.Uint64(v)))
		}
		return nil
	})
	return t, err
}

func (r *Runner) setTick(ctx context.Context, automation string, next time.Time) error {
	return r.st.Update(ctx, func(tx store.Tx) error {
		return tx.Put(ticksBucket, []byte(automation), timeBytes(next))
	})
}

// fired reports whether a schedule marker is set.
func (r *Runner) fired(ctx context.Context, marker string) (bool, error) {
	var ok bool
	err := r.st.View(ctx, func(rd store.Reader) error {
		var err error
		ok, err = exists(rd, firedBucket, []byte(marker))
		return err
	})
	return ok, err
}

// trackingSecret returns the key of open-tracking tokens, made once and
// kept in the store so that every node accepts the tokens of the others.
func (r *Runner) trackingSecret(ctx context.Context) ([]byte, error) {
	if k := r.tracking.Load(); k != nil {
		return *k, nil
	}
	var fresh [32]byte
	rand.Read(fresh[:])
	var key []byte
	err := r.st.Update(ctx, func(tx store.Tx) error {
		v, err := tx.Get(keysBucket, trackingKey)
		if err == nil {
			key = v
			return nil
		}
		if !errors.Is(err, store.ErrNotFound) {
			return err
		}
		key = fresh[:]
		return tx.Put(keysBucket, trackingKey, key)
	})
	if err != nil {
		return nil, fmt.Errorf("tracking key: %w", err)
	}
	r.tracking.Store(&key)
	return key, nil
}
