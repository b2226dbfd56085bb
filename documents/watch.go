package documents

import (
	"context"
	"time"
)

// Watch keeps the compiled collections in step with schema changes made by
// other nodes sharing the store: every interval it reads the schema version
// and, when another node changed it, compiles the stored schemas again. It
// returns when ctx is done. A node's own changes apply at once without it;
// writes check the version in their transaction whatever the interval, so
// no write is ever validated against an old schema. Errors are passed to
// report (which may be nil) and the watch goes on.
func (s *Service) Watch(ctx context.Context, interval time.Duration, report func(error)) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.reload(ctx); err != nil && ctx.Err() == nil && report != nil {
				report(err)
			}
		}
	}
}
