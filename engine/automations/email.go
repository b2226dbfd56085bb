package automations

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"net/smtp"
	"strings"
	"time"
)

// SMTP configures the e-mail channel.
type SMTP struct {
	// Addr is the relay's host:port; without it, e-mail messages fail with
	// "no SMTP server configured".
	Addr string
	// From is the sender: "Program <noreply@example.org>".
	From string
	// Username and Password authenticate (PLAIN), when set.
	Username, Password string
	// TLS is "starttls" (upgrade when the server offers it; required when
	// authenticating), "tls" (implicit TLS, port 465) or "none".
	TLS string
	// Timeout bounds one delivery; 30s when zero.
	Timeout time.Duration
	// TLSConfig, when set, is used for TLS (tests trust their own CA).
	TLSConfig *tls.Config
}

// Email is one e-mail to send.
type Email struct {
	To        string
	Subject   string
	Text      string
	HTML      string
	MessageID string // the _messages id, for the Message-ID header
}

// send delivers e to the relay. It returns once the relay has accepted the
// message (250 to the end of DATA).
func (c SMTP) send(ctx context.Context, e Email, now time.Time) error {
	if c.Addr == "" {
		return errors.New("no SMTP server configured")
	}
	from, err := mail.ParseAddress(c.From)
	if err != nil {
		return fmt.Errorf("the sender %q is not an address: %w", c.From, err)
	}
	to, err := mail.ParseAddress(e.To)
	if err != nil {
		return fmt.Errorf("the recipient %q is not an address: %w", e.To, err)
	}
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	deadline := time.Now().Add(timeout)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	host, _, err := net.SplitHostPort(c.Addr)
	if err != nil {
		return fmt.Errorf("SMTP address %q: %w", c.Addr, err)
	}
	tlsConfig := c.TLSConfig
	if tlsConfig == nil {
		tlsConfig = &tls.Config{ServerName: host}
	}
	dialer := &net.Dialer{Deadline: deadline}
	var conn net.Conn
	if c.TLS == "tls" {
		conn, err = (&tls.Dialer{NetDialer: dialer, Config: tlsConfig}).DialContext(ctx, "tcp", c.Addr)
	} else {
		conn, err = dialer.DialContext(ctx, "tcp", c.Addr)
	}
	if err != nil {
		return fmt.Errorf("connect to %s: %w", c.Addr, err)
	}
	conn.SetDeadline(deadline)
	// Closing the connection when ctx ends interrupts a stalled server.
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	cl, err := smtp.NewClient(conn, host)
	if err != nil {
		conn.Close()
		return fmt.Errorf("SMTP greeting: %w", err)
	}
	defer cl.Close()
	if c.TLS != "tls" && c.TLS != "none" {
		if ok, _ := cl.Extension("STARTTLS"); ok {
			if err := cl.StartTLS(tlsConfig); err != nil {
				return fmt.Errorf("STARTTLS: %w", err)
			}
		}
	}
	if c.Username != "" {
		if err := cl.Auth(smtp.PlainAuth("", c.Username, c.Password, host)); err != nil {
			return fmt.Errorf("SMTP authentication: %w", err)
		}
	}
	if err := cl.Mail(from.Address); err != nil {
		return fmt.Errorf("MAIL FROM: %w", err)
	}
	if err := cl.Rcpt(to.Address); err != nil {
		return fmt.Errorf("RCPT TO %s: %w", to.Address, err)
	}
	w, err := cl.Data()
	if err != nil {
		return fmt.Errorf("DATA: %w", err)
	}
	if _, err := w.Write(compose(from, to, e, now)); err != nil {
		return fmt.Errorf("DATA: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("the server refused the message: %w", err)
	}
	return cl.Quit()
}

// compose writes the message: text and HTML as multipart/alternative,
// quoted-printable, with a Message-ID derived from the _messages id so that
// a message sent twice after a crash is recognisable as one.
func compose(from, to *mail.Address, e Email, now time.Time) []byte {
	var b bytes.Buffer
	header := func(k, v string) { fmt.Fprintf(&b, "%s: %s\r\n", k, v) }
	header("From", from.String())
	header("To", to.String())
	header("Subject", mime.QEncoding.Encode("utf-8", e.Subject))
	header("Date", now.UTC().Format(time.RFC1123Z))
	domain := "credence.local"
	if _, d, ok := strings.Cut(from.Address, "@"); ok {
		domain = d
	}
	header("Message-ID", "<"+e.MessageID+"@"+domain+">")
	header("MIME-Version", "1.0")
	part := func(ctype, body string) {
		fmt.Fprintf(&b, "Content-Type: %s; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n", ctype)
		qp := quotedprintable.NewWriter(&b)
		qp.Write([]byte(body))
		qp.Close()
		b.WriteString("\r\n")
	}
	switch {
	case e.HTML != "" && e.Text != "":
		var rnd [12]byte
		rand.Read(rnd[:])
		boundary := "credence-" + hex.EncodeToString(rnd[:])
		header("Content-Type", `multipart/alternative; boundary="`+boundary+`"`)
		b.WriteString("\r\n")
		b.WriteString("--" + boundary + "\r\n")
		part("text/plain", e.Text)
		b.WriteString("--" + boundary + "\r\n")
		part("text/html", e.HTML)
		b.WriteString("--" + boundary + "--\r\n")
	case e.HTML != "":
		part("text/html", e.HTML)
	default:
		part("text/plain", e.Text)
	}
	return b.Bytes()
}
