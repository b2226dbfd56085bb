package credentials_test

import (
	"context"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
	"github.com/credence/credence/engine/credentials"
	"github.com/credence/credence/store/bolt"
)

func TestCredentialRoutes(t *testing.T) {
	ctx := context.Background()
	st, err := bolt.Open(filepath.Join(t.TempDir(), "credence.db"), bolt.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	svc, err := documents.New(ctx, st, documents.Options{})
	require.NoError(t, err)
	keys, err := credentials.OpenKeys(ctx, st, secret, nil)
	require.NoError(t, err)
	is := &credentials.Issuer{Keys: keys}
	pub := &credentials.Publisher{Keys: keys, Issuer: is}
	srv := httptest.NewServer(engine.New(engine.Config{Routes: pub.Routes}, svc))
	t.Cleanup(srv.Close)
	is.BaseURL = srv.URL
	r := request("ada--cert", time.Now().Add(365*24*time.Hour))
	r.ValidFrom = time.Now().Add(-time.Hour)
	r.Achievement.Name = `Certified <User> & "Friends" ]]>`
	r.HolderName = "Ada Lovelace"
	c, err := is.Issue(ctx, r)
	require.NoError(t, err)

	get := func(path, accept string) (int, string, string) {
		req, err := http.NewRequest("GET", srv.URL+path, nil)
		require.NoError(t, err)
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		require.NoError(t, err)
		return res.StatusCode, res.Header.Get("Content-Type"), string(b)
	}
	status, ctype, body := get("/credentials/ada--cert", "")
	assert.Equal(t, http.StatusOK, status)
	assert.Equal(t, "application/vc+ld+json", ctype)
	assert.Equal(t, string(c.Credential), body)
	_, ctype, body = get("/credentials/ada--cert", "application/vc+jwt")
	assert.Equal(t, "application/vc+jwt", ctype)
	assert.Equal(t, c.JWT, body)
	_, ctype, page := get("/credentials/ada--cert", "text/html,application/xhtml+xml")
	assert.Contains(t, ctype, "text/html")
	assert.Contains(t, page, "Valid credential")
	assert.Contains(t, page, "Certified &lt;User&gt; &amp; &#34;Friends&#34;", "escaped")
	assert.Contains(t, page, "https://www.linkedin.com/profile/add?")
	assert.Contains(t, page, "startTask=CERTIFICATION_NAME")
	assert.Contains(t, page, "certId=ada--cert")
	assert.Contains(t, page, "Ada Lovelace")
	assert.NotContains(t, body, "Ada Lovelace", "the name is not signed into the credential")
	_, _, cert := get("/credentials/ada--cert?view=certificate", "text/html")
	assert.Contains(t, cert, `class="certificate"`)
	assert.Contains(t, cert, "awarded to")
	assert.Contains(t, cert, "@page{size:A4 landscape")
	status, _, _ = get("/credentials/nobody", "")
	assert.Equal(t, http.StatusNotFound, status)
	for _, list := range []string{"revocation-0", "revocation-2", "revocation-99999999", "expiry-1", "revocation"} {
		status, _, _ = get("/credentials/status/"+list, "")
		assert.Equal(t, http.StatusNotFound, status, list)
	}
	status, _, list := get("/credentials/status/suspension-1", "")
	assert.Equal(t, http.StatusOK, status)
	assert.Contains(t, list, "BitstringStatusListCredential")

	// The badge: an SVG whose openbadges:credential is the credential,
	// which verifies.
	status, ctype, svg := get("/credentials/ada--cert/badge.svg", "")
	require.Equal(t, http.StatusOK, status)
	assert.Equal(t, "image/svg+xml", ctype)
	var doc struct {
		Credential struct {
			Space string `xml:"xmlns,attr"`
			Text  string `xml:",chardata"`
		} `xml:"https://purl.imsglobal.org/ob/v3p0 credential"`
		Title string `xml:"title"`
	}
	require.NoError(t, xml.Unmarshal([]byte(svg), &doc), svg)
	assert.Equal(t, r.Achievement.Name, doc.Title)
	res := is.Verify(ctx, []byte(doc.Credential.Text))
	assert.True(t, res.Valid, "%+v", res.Checks)
	assert.Contains(t, svg, "<circle", "without a design, the plain disc")

	// A designed badge (the achievement's image) is the artwork; an
	// address that is neither https nor data is not drawn.
	designed := request("bo--cert", time.Now().Add(365*24*time.Hour))
	designed.ValidFrom = time.Now().Add(-time.Hour)
	designed.Achievement.Image = `data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=`
	_, err = is.Issue(ctx, designed)
	require.NoError(t, err)
	_, _, svg = get("/credentials/bo--cert/badge.svg", "")
	assert.Contains(t, svg, `<image href="`+designed.Achievement.Image+`"`)
	assert.NotContains(t, svg, "<circle")
	hostile := request("cy--cert", time.Now().Add(365*24*time.Hour))
	hostile.Achievement.Image = "javascript:alert(1)"
	_, err = is.Issue(ctx, hostile)
	assert.ErrorContains(t, err, "https address or a data:image/ URI")

	// Verification over HTTP: a body too large, an empty one.
	post := func(body string) int {
		res, err := http.Post(srv.URL+"/api/_verify", "application/json", strings.NewReader(body))
		require.NoError(t, err)
		res.Body.Close()
		return res.StatusCode
	}
	assert.Equal(t, http.StatusOK, post(string(c.Credential)))
	assert.Equal(t, http.StatusBadRequest, post("  "))
	assert.Equal(t, http.StatusRequestEntityTooLarge, post(strings.Repeat("x", 300<<10)))
}
