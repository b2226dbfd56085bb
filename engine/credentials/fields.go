package credentials

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// IssueFields issues the credential about source from the fields an
// automation's issue action gives:
//
//	{"issuer": {"name", "url", "email", "image"},
//	 "achievement": {"id", "type", "name", "description", "criteria", "image"},
//	 "email": the holder's address (salted and hashed in the credential), or "subject": a DID,
//	 "validFrom", "validUntil": dates, "supersedes": the source of the credential this one renews,
//	 "holderName": shown on the page and certificate (not signed), for a holder who agreed to be named}
func (is *Issuer) IssueFields(ctx context.Context, source string, f map[string]any) error {
	r := Request{Source: source, Email: str(f["email"]), SubjectID: str(f["subject"]), Supersedes: str(f["supersedes"]),
		HolderName: str(f["holderName"])}
	if m, ok := f["issuer"].(map[string]any); ok {
		r.Issuer = Profile{Name: str(m["name"]), URL: str(m["url"]), Email: str(m["email"]), Image: str(m["image"])}
	}
	m, ok := f["achievement"].(map[string]any)
	if !ok {
		return errors.New("issue: no achievement")
	}
	r.Achievement = Achievement{ID: str(m["id"]), Type: str(m["type"]), Name: str(m["name"]),
		Description: str(m["description"]), Criteria: str(m["criteria"]), Image: str(m["image"])}
	var err error
	if r.ValidFrom, err = date(f["validFrom"]); err != nil || r.ValidFrom.IsZero() {
		return fmt.Errorf("issue: validFrom must be a date: %v", f["validFrom"])
	}
	if f["validUntil"] != nil {
		if r.ValidUntil, err = date(f["validUntil"]); err != nil {
			return fmt.Errorf("issue: validUntil must be a date: %v", f["validUntil"])
		}
	}
	_, err = is.Issue(ctx, r)
	return err
}

// SetStatusNamed makes the credential about source "active" (both bits
// clear), "suspended" or "revoked"; a credential never issued (a pending
// award, say) is left alone.
func (is *Issuer) SetStatusNamed(ctx context.Context, source, status string) error {
	var err error
	switch status {
	case "active":
		err = is.SetStatus(ctx, source, false, false)
	case "suspended":
		err = is.SetStatus(ctx, source, false, true)
	case "revoked":
		err = is.SetStatus(ctx, source, true, false)
	default:
		return fmt.Errorf("credentialStatus: %q is not active, suspended or revoked", status)
	}
	if errors.Is(err, ErrNotIssued) {
		return nil
	}
	return err
}

func date(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, errors.New("not a date")
	}
	return time.Parse(time.RFC3339, s)
}
