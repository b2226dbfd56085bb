package automations

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/expressions"
)

// schedule runs the scheduled automations that are due: for each document
// their where selects and their when holds, a job, once per offset and
// date (reminders), once per revision, or on every tick (repeat).
func (r *Runner) schedule(ctx context.Context) error {
	autos, _ := r.snapshot()
	slices.SortFunc(autos, func(a, b *Automation) int { return compareStrings(a.ID, b.ID) })
	for _, a := range autos {
		if !a.Enabled || !a.On.Scheduled() || len(a.Do) == 0 {
			continue
		}
		now := r.cfg.Now()
		next, err := r.nextTick(ctx, a.ID)
		if err != nil {
			return err
		}
		// Not due yet, unless the next tick is further than one interval
		// away: the interval was shortened, which takes effect at once.
		if now.Before(next) && next.Sub(now) <= a.On.Every {
			continue
		}
		if err := r.tick(ctx, a, now); err != nil {
			return fmt.Errorf("%s: %w", a.ID, err)
		}
		if err := r.setTick(ctx, a.ID, now.Add(a.On.Every)); err != nil {
			return err
		}
	}
	return nil
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// tick runs one tick of a scheduled automation.
func (r *Runner) tick(ctx context.Context, a *Automation, now time.Time) error {
	var jobs []job
	flush := func() error {
		_, err := r.enqueue(ctx, jobs)
		jobs = jobs[:0]
		return err
	}
	// The documents the where formula selects from an index (a field
	// compared with a constant or with now), or all: it is run below.
	err := r.eachOf(ctx, a.On.Collection, a.On.Where, now, func(raw []byte) error {
		m, err := decode(raw)
		if err != nil {
			return err
		}
		id, _ := m["id"].(string)
		v := formulaDoc(r.svc, a.On.Collection, m)
		ok, err := r.holds(ctx, a.On.Where, v, nil, now)
		if err == nil && ok {
			ok, err = r.holds(ctx, a.When, v, nil, now)
		}
		if err != nil {
			r.log.Warn("automations: schedule formula failed", "automation", a.ID, "document", id, "error", err.Error())
			return nil
		}
		if !ok {
			return nil
		}
		j := job{Automation: a.ID, Op: "scheduled", Collection: a.On.Collection, DocID: id, Doc: raw, At: now, EventAt: now}
		switch {
		case len(a.On.Offsets) > 0:
			date, ok := dateOf(v[a.On.Date])
			if !ok {
				return nil
			}
			off, ok := dueOffset(a.On.Offsets, date, now)
			if !ok {
				return nil
			}
			day := date.UTC().Format(time.RFC3339)
			j.Event = "schedule/" + id + "/" + day + "/" + strconv.Itoa(off)
			j.Offset = &off
			j.Marker = a.ID + "\x00" + id + "\x00" + day + "\x00" + strconv.Itoa(off)
			// A cheap read first: most documents have fired already.
			if done, err := r.fired(ctx, j.Marker); err != nil || done {
				return err
			}
		case a.On.Repeat:
			j.Event = "schedule/" + id + "/" + now.UTC().Format(time.RFC3339Nano)
		default:
			rev, _ := toInt(m["_rev"])
			j.Event = "schedule/" + id + "/rev/" + strconv.FormatInt(rev, 10)
			j.Marker = a.ID + "\x00" + id + "\x00rev\x00" + strconv.FormatInt(rev, 10)
			if done, err := r.fired(ctx, j.Marker); err != nil || done {
				return err
			}
		}
		j.Key = jobKey(a.ID, j.Event)
		jobs = append(jobs, j)
		if len(jobs) >= 200 {
			return flush()
		}
		return nil
	})
	if err != nil {
		if documents.KindOf(err) == documents.KindNotFound {
			// The collection is not there (yet): nothing to do.
			r.log.Warn("automations: schedule on a missing collection", "automation", a.ID, "error", err.Error())
			return nil
		}
		return err
	}
	return flush()
}

// dueOffset returns the offset whose time has come most recently: of
// offsets (days before date, largest first), the last whose date - offset
// days is not after now. Offsets passed over (the document came late, the
// server was down) do not fire: only the latest reminder is worth sending.
func dueOffset(offsets []int, date, now time.Time) (int, bool) {
	found, off := false, 0
	for _, o := range offsets {
		if date.AddDate(0, 0, -o).After(now) {
			break
		}
		found, off = true, o
	}
	return off, found
}

func dateOf(v any) (time.Time, bool) {
	switch t := v.(type) {
	case time.Time:
		return t, true
	case string:
		return expressions.ParseTime(t)
	}
	return time.Time{}, false
}
