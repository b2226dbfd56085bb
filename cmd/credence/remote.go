package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
)

// remoteFlags point a command at a running server instead of a store, so
// that it works without stopping the server.
type remoteFlags struct {
	url, key *string
}

func addRemoteFlags(fs *flag.FlagSet) *remoteFlags {
	return &remoteFlags{
		url: fs.String("url", env("CREDENCE_URL", ""),
			"a running server's address, such as http://127.0.0.1:8080: ask it rather than open the store (env CREDENCE_URL)"),
		key: fs.String("key", "",
			"the API key to present with --url (default: env CREDENCE_KEY, else CREDENCE_ADMIN_KEY)"),
	}
}

// remote reports whether the command is to ask a server.
func (f *remoteFlags) remote() bool { return *f.url != "" }

// do sends one request to the server and returns its answer when it is a
// success; a problem comes back as an error that says it.
func (f *remoteFlags) do(ctx context.Context, method, path string, query url.Values, body any) (*http.Response, error) {
	base, err := url.Parse(strings.TrimRight(*f.url, "/"))
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, fmt.Errorf("--url %q: want an address such as http://127.0.0.1:8080", *f.url)
	}
	u := base.JoinPath(path)
	u.RawQuery = query.Encode()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		rd = strings.NewReader(string(b))
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), rd)
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	key := *f.key
	if key == "" {
		key = env("CREDENCE_KEY", os.Getenv("CREDENCE_ADMIN_KEY"))
	}
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 300 {
		defer resp.Body.Close()
		var p struct {
			Detail string `json:"detail"`
			Title  string `json:"title"`
		}
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		if json.Unmarshal(b, &p) == nil && p.Detail != "" {
			return nil, fmt.Errorf("%s %s: %s: %s", method, u.Path, resp.Status, p.Detail)
		}
		return nil, fmt.Errorf("%s %s: %s", method, u.Path, resp.Status)
	}
	return resp, nil
}

// copyFrom copies a successful answer's body to w.
func (f *remoteFlags) copyFrom(ctx context.Context, path string, query url.Values, w io.Writer) error {
	resp, err := f.do(ctx, http.MethodGet, path, query, nil)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(w, resp.Body); err != nil {
		return fmt.Errorf("GET %s: the answer broke off: %w", path, err)
	}
	return nil
}
