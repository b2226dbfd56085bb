package automations

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Headers of a webhook call.
const (
	// SignatureHeader carries "t=<unix seconds>,v1=<hex HMAC-SHA256>", the
	// HMAC keyed by the webhook's secret over "<t>.<body>".
	SignatureHeader = "Credence-Signature"
	// DeliveryHeader carries the id of the _messages document of the call,
	// the same on every attempt: a receiver drops a delivery it has seen.
	DeliveryHeader = "Credence-Delivery"
	// EventHeader names the event: "certifications.created", or the
	// automation's id for an automation's call.
	EventHeader = "Credence-Event"
)

// Sign returns the value of SignatureHeader for body sent at t.
func Sign(secret string, t time.Time, body []byte) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	return "t=" + ts + ",v1=" + mac(secret, ts, body)
}

func mac(secret, ts string, body []byte) string {
	h := hmac.New(sha256.New, []byte(secret))
	h.Write([]byte(ts))
	h.Write([]byte{'.'})
	h.Write(body)
	return hex.EncodeToString(h.Sum(nil))
}

// Verify checks a SignatureHeader value against body, as a receiver does:
// the HMAC must match and its time must be within tolerance of now, so that
// a captured call cannot be replayed later.
func Verify(secret, header string, body []byte, now time.Time, tolerance time.Duration) error {
	var ts, sig string
	for part := range strings.SplitSeq(header, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "t":
			ts = v
		case "v1":
			sig = v
		}
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || sig == "" {
		return errors.New("malformed signature header")
	}
	if !hmac.Equal([]byte(sig), []byte(mac(secret, ts, body))) {
		return errors.New("signature does not match")
	}
	if d := now.Sub(time.Unix(sec, 0)); d > tolerance || d < -tolerance {
		return fmt.Errorf("signature is %v old", d.Round(time.Second))
	}
	return nil
}

// Backoff is the delay before retry number n (1 for the first retry):
// exponential from Base, capped at Max, with full jitter in its upper half
// so that many failing calls do not retry in step.
type Backoff struct {
	Base time.Duration
	Max  time.Duration
}

// Delay returns the wait before retry n.
func (b Backoff) Delay(n int) time.Duration {
	d := b.Base
	for i := 1; i < n && d < b.Max; i++ {
		d *= 2
	}
	d = min(d, b.Max)
	half := d / 2
	if half <= 0 {
		return d
	}
	return half + rand.N(half+1)
}

// maxResponseLogged bounds the response body kept in a call's log.
const maxResponseLogged = 512

// post makes one webhook call and returns the status it got (0 when there
// was no answer) and an error unless the answer was 2xx.
func post(ctx context.Context, client *http.Client, url, secret, delivery, event string, body []byte, now time.Time) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Credence-Webhook/1")
	req.Header.Set(SignatureHeader, Sign(secret, now, body))
	req.Header.Set(DeliveryHeader, delivery)
	req.Header.Set(EventHeader, event)
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	snippet, _ := io.ReadAll(io.LimitReader(resp.Body, maxResponseLogged))
	io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20)) // let the connection be reused
	if loc := resp.Header.Get("Location"); resp.StatusCode/100 == 3 && loc != "" {
		// Not followed: a hop elsewhere would carry a signed delivery
		// to a target nobody saved.
		return resp.StatusCode, fmt.Errorf("answered %s to %q: redirects are not followed", resp.Status, loc)
	}
	if resp.StatusCode/100 != 2 {
		msg := strings.TrimSpace(string(snippet))
		if msg != "" {
			return resp.StatusCode, fmt.Errorf("answered %s: %s", resp.Status, msg)
		}
		return resp.StatusCode, fmt.Errorf("answered %s", resp.Status)
	}
	return resp.StatusCode, nil
}
