package certification_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine/automations"
	"github.com/credence/credence/examples/pack"
	"github.com/credence/credence/store/bolt"
)

// BenchmarkLapseSweep: the pack's hourly sweeps (lapse-expired,
// renewal-window, expiry-reminders) over 100,000 credentials, of which
// 1,000 reach their expiry: each sweep selects its candidates from the
// lapsesAt and renewalFrom indexes. One op is a whole pass of the
// automations: the ticks, then the 1,000 lapses and their messages.
func BenchmarkLapseSweep(b *testing.B) {
	for _, due := range []int{0, 1000} {
		b.Run(fmt.Sprintf("100000 credentials, %d due", due), func(b *testing.B) {
			benchSweep(b, 100_000, due, false)
		})
	}
	// For comparison: the lapse sweep with a where no index serves, which
	// reads every credential on every tick.
	b.Run("100000 credentials, 0 due, without the index", func(b *testing.B) {
		benchSweep(b, 100_000, 0, true)
	})
}

func benchSweep(b *testing.B, total, due int, scan bool) {
	ctx := context.Background()
	st, err := bolt.Open(filepath.Join(b.TempDir(), "program.db"), bolt.Options{})
	require.NoError(b, err)
	b.Cleanup(func() { st.Close() })
	clk := &clock{t: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)}
	svc, err := documents.New(ctx, st, documents.Options{Now: clk.Now, System: automations.SystemCollections(automations.Egress{})})
	require.NoError(b, err)
	_, err = pack.Load(ctx, svc, os.DirFS("."))
	require.NoError(b, err)

	// The sweeps only: the automations a credential's creation fires are
	// not what is measured.
	page, err := svc.List(ctx, "_automations", documents.ListOptions{Limit: documents.MaxLimit})
	require.NoError(b, err)
	keep := map[string][]byte{}
	for _, raw := range page.Items {
		d, err := svc.Get(ctx, "_automations", idOf(raw), documents.ReadOptions{})
		require.NoError(b, err)
		switch d.ID {
		case "lapse-expired", "renewal-window", "expiry-reminders":
			keep[d.ID] = d.JSON
		}
		require.NoError(b, svc.Delete(ctx, "_automations", d.ID, documents.WriteOptions{}))
	}

	// 10,000 learners with 10 periods each of the Certified User credential:
	// cycles 1 to 9 renewed long ago, the 10th current; due of them expire
	// within the hour to come, the others in the years to come.
	learners := total / 10
	parallel(b, learners, func(i int) error {
		_, err := svc.Put(ctx, "learners", fmt.Sprintf("l%05d", i), fmt.Appendf(nil, `{"name": "L%d", "email": "l%d@example.org"}`, i, i), documents.WriteOptions{})
		return err
	})
	now := clk.Now()
	parallel(b, learners, func(learner int) error {
		// The latest period first: a renewed one names its successor.
		for cycle := 10; cycle >= 1; cycle-- {
			status, expires, renewedBy := "renewed", now.AddDate(-10+cycle, 0, 0), fmt.Sprintf(`, "renewedBy": "l%05d--%d"`, learner, cycle+1)
			if cycle == 10 {
				status, expires, renewedBy = "active", now.Add(time.Duration(1+learner%3000)*24*time.Hour), ""
				if learner < due {
					expires = now.Add(30 * time.Minute)
				}
			}
			body := fmt.Appendf(nil, `{"learner": "l%05d", "certification": "ciq-certified-user", "cycle": %d, "via": "manual",
				"issuedAt": %q, "expiresAt": %q, "status": %q%s}`,
				learner, cycle, expires.AddDate(-1, 0, 0).Format(time.RFC3339), expires.Format(time.RFC3339), status, renewedBy)
			if _, err := svc.Put(ctx, "credentials", fmt.Sprintf("l%05d--%d", learner, cycle), body, documents.WriteOptions{}); err != nil {
				return err
			}
		}
		return nil
	})
	runner := automations.New(svc, st, automations.Config{Now: clk.Now})
	require.NoError(b, runner.RunOnce(ctx)) // the creations' events, with no automation to fire
	for id, raw := range keep {
		if scan && id == "lapse-expired" {
			var a map[string]any
			require.NoError(b, json.Unmarshal(raw, &a))
			a["on"].(map[string]any)["where"] = `doc.status in ["active", "expiring"] && doc.expiresAt <= now`
			raw, err = json.Marshal(a)
			require.NoError(b, err)
		}
		_, err := svc.Put(ctx, "_automations", id, raw, documents.WriteOptions{})
		require.NoError(b, err)
	}
	require.NoError(b, runner.RunOnce(ctx)) // the first ticks: nothing due yet
	clk.Add(time.Hour)

	admin := documents.WithAuth(ctx, documents.Auth{Role: documents.RoleAdmin, KeyID: "bench"})
	round := 0
	for b.Loop() {
		require.NoError(b, runner.RunOnce(ctx))
		b.StopTimer()
		lapsed, err := svc.List(ctx, "credentials", documents.ListOptions{Filter: `status == "lapsed"`, Limit: documents.MaxLimit})
		require.NoError(b, err)
		require.Len(b, lapsed.Items, due)
		// Reinstated, to lapse again in the next round's hour.
		round++
		expires := clk.Now().Add(30 * time.Minute).Format(time.RFC3339)
		parallel(b, due, func(i int) error {
			_, err := svc.Patch(admin, "credentials", fmt.Sprintf("l%05d--10", i),
				fmt.Appendf(nil, `{"status": "active", "note": "round %d", "expiresAt": %q}`, round, expires), documents.WriteOptions{})
			return err
		})
		clk.Add(time.Hour)
		b.StartTimer()
	}
}

func idOf(raw []byte) string {
	var d struct{ ID string }
	_ = json.Unmarshal(raw, &d)
	return d.ID
}

// parallel runs fn(0..n-1) from 16 writers, whose commits bbolt groups.
func parallel(b *testing.B, n int, fn func(i int) error) {
	b.Helper()
	var next atomic.Int64
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				if err := fn(i); err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
}
