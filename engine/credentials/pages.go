package credentials

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	texttemplate "text/template"
	"time"

	"github.com/go-chi/chi/v5"
)

// maxVerifyBytes bounds a credential handed to /api/_verify.
const maxVerifyBytes = 256 << 10

func (p *Publisher) statusList(w http.ResponseWriter, r *http.Request) {
	purpose, list, ok := parseListURL(chi.URLParam(r, "list"))
	if !ok {
		problem(w, r, http.StatusNotFound, "no such status list")
		return
	}
	b, err := p.Issuer.StatusList(r.Context(), purpose, list)
	if errors.Is(err, ErrNotIssued) {
		problem(w, r, http.StatusNotFound, "no such status list")
		return
	}
	if err != nil {
		problem(w, r, http.StatusServiceUnavailable, "the status list cannot be read now")
		return
	}
	w.Header().Set("Content-Type", "application/vc+ld+json")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(b)
}

// issued reads the credential the path names, or answers why not.
func (p *Publisher) issued(w http.ResponseWriter, r *http.Request) (*Issued, bool) {
	c, err := p.Issuer.Get(r.Context(), chi.URLParam(r, "id"))
	if errors.Is(err, ErrNotIssued) {
		problem(w, r, http.StatusNotFound, "no credential was issued with that id")
		return nil, false
	}
	if err != nil {
		problem(w, r, http.StatusServiceUnavailable, "the credential cannot be read now")
		return nil, false
	}
	return c, true
}

// credential serves an issued credential in the form asked for.
func (p *Publisher) credential(w http.ResponseWriter, r *http.Request) {
	c, ok := p.issued(w, r)
	if !ok {
		return
	}
	accept := r.Header.Get("Accept")
	w.Header().Set("Vary", "Accept")
	switch {
	case strings.Contains(accept, "application/vc+jwt") || strings.Contains(accept, "application/jwt"):
		w.Header().Set("Content-Type", "application/vc+jwt")
		io.WriteString(w, c.JWT)
	case strings.Contains(accept, "text/html"):
		p.page(w, r, c)
	default:
		w.Header().Set("Content-Type", "application/vc+ld+json")
		w.Write(c.Credential)
	}
}

// verify checks a credential handed over: its JSON, or its JWT.
func (p *Publisher) verify(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxVerifyBytes+1))
	if err != nil {
		problem(w, r, http.StatusBadRequest, "the credential could not be read")
		return
	}
	if len(body) > maxVerifyBytes {
		problem(w, r, http.StatusRequestEntityTooLarge, "a credential is at most 256 KB")
		return
	}
	if len(strings.TrimSpace(string(body))) == 0 {
		problem(w, r, http.StatusBadRequest, "give the credential to verify: its JSON, or its JWT")
		return
	}
	res := p.Issuer.Verify(r.Context(), body)
	writeJSON(w, http.StatusOK, "application/json", false, res)
}

// page is the verification page a person reads: who, what, when, valid or
// not and why. No script.
func (p *Publisher) page(w http.ResponseWriter, r *http.Request, c *Issued) {
	res := p.Issuer.Verify(r.Context(), c.Credential)
	vc := res.Credential
	subject, _ := vc["credentialSubject"].(map[string]any)
	achievement, _ := subject["achievement"].(map[string]any)
	issuer, _ := vc["issuer"].(map[string]any)
	data := map[string]any{
		"Valid": res.Valid, "Checks": res.Checks, "Name": str(vc["name"]),
		"Description": str(achievement["description"]), "Issuer": str(issuer["name"]), "IssuerID": str(issuer["id"]),
		"From": str(vc["validFrom"]), "Until": str(vc["validUntil"]), "ID": str(vc["id"]),
		"SupersededBy": c.SupersededBy, "LinkedIn": linkedIn(vc, c.Source), "Badge": c.Source + "/badge.svg",
		"Holder": c.HolderName, "Certificate": r.URL.Query().Get("view") == "certificate", "Source": c.Source,
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'")
	pageTemplate.Execute(w, data)
}

var pageTemplate = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{{.Name}}: {{if .Valid}}valid{{else}}not valid{{end}}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1d2433}
.verdict{font-size:1.4rem;font-weight:600;padding:.6rem 1rem;border-radius:.4rem}
.ok{background:#e3f5e8;color:#14532d}.ko{background:#fde8e8;color:#7f1d1d}
dt{font-weight:600;margin-top:.6rem}dd{margin:0}li.ko,li.ok{background:none}
.share{margin-top:1.5rem}.certificate{text-align:center;border:6px double #1d3557;padding:3rem 2rem;margin-top:2rem}
.kicker{letter-spacing:.3em;text-transform:uppercase}.holder{font-size:1.8rem;font-weight:600}.small{font-size:.8rem}
@page{size:A4 landscape;margin:1.5cm}@media print{.verdict{border:1px solid}.share a{display:none}}</style></head>
<body>{{if .Certificate}}
<main class="certificate"><p class="kicker">Certificate</p><h1>{{.Name}}</h1>
{{if .Holder}}<p>awarded to</p><p class="holder">{{.Holder}}</p>{{end}}
<p>by {{.Issuer}}, {{.From}}{{if .Until}}, valid until {{.Until}}{{end}}</p>
<p class="small">{{if .Valid}}Verified{{else}}Not valid{{end}} at {{.ID}}: a signed Open Badge anyone can check.</p></main>
{{else}}
<p class="verdict {{if .Valid}}ok{{else}}ko{{end}}">{{if .Valid}}Valid credential{{else}}This credential is not valid{{end}}</p>
<h1>{{.Name}}</h1>
{{if .Description}}<p>{{.Description}}</p>{{end}}
<dl>
{{if .Holder}}<dt>Awarded to</dt><dd>{{.Holder}}</dd>{{end}}
<dt>Issued by</dt><dd>{{.Issuer}} <small>({{.IssuerID}})</small></dd>
<dt>Valid from</dt><dd>{{.From}}</dd>
{{if .Until}}<dt>Valid until</dt><dd>{{.Until}}</dd>{{end}}
{{if .SupersededBy}}<dt>Renewed</dt><dd>superseded by a newer credential: <a href="{{.SupersededBy}}">{{.SupersededBy}}</a></dd>{{end}}
<dt>Identifier</dt><dd>{{.ID}}</dd>
</dl>
<p class="share"><img src="{{.Badge}}" alt="" width="96" height="96"> <a href="{{.LinkedIn}}">Add to LinkedIn profile</a> · <a href="{{.Badge}}" download>Download the badge (the credential is baked in)</a> · <a href="{{.Source}}?view=certificate">Printable certificate</a></p>
<h2>Checks</h2>
<ul>{{range .Checks}}<li class="{{if .OK}}ok{{else}}ko{{end}}">{{if .OK}}&#10003;{{else}}&#10007;{{end}} {{.Name}}: {{.Detail}}</li>{{end}}</ul>
{{end}}</body></html>
`))

// linkedIn is the "Add to profile" link of LinkedIn for the credential,
// with the parameters LinkedIn documents for certifications.
func linkedIn(vc map[string]any, source string) string {
	q := url.Values{}
	q.Set("startTask", "CERTIFICATION_NAME")
	q.Set("name", str(vc["name"]))
	if issuer, ok := vc["issuer"].(map[string]any); ok {
		q.Set("organizationName", str(issuer["name"]))
	}
	for prefix, field := range map[string]string{"issue": "validFrom", "expiration": "validUntil"} {
		if t, err := time.Parse(time.RFC3339, str(vc[field])); err == nil {
			q.Set(prefix+"Year", strconv.Itoa(t.Year()))
			q.Set(prefix+"Month", strconv.Itoa(int(t.Month())))
		}
	}
	q.Set("certUrl", str(vc["id"]))
	q.Set("certId", source)
	return "https://www.linkedin.com/profile/add?" + q.Encode()
}

// badge answers with the badge image: an SVG with the credential baked in,
// in an openbadges:credential element, as Open Badges 3.0 bakes SVG.
func (p *Publisher) badge(w http.ResponseWriter, r *http.Request) {
	c, ok := p.issued(w, r)
	if !ok {
		return
	}
	var vc map[string]any
	if err := json.Unmarshal(c.Credential, &vc); err != nil {
		problem(w, r, http.StatusInternalServerError, "the credential cannot be read")
		return
	}
	issuer, _ := vc["issuer"].(map[string]any)
	// A badge the program designed (the achievement's image) is the
	// artwork; without one, a plain disc names the achievement.
	var image string
	if subject, ok := vc["credentialSubject"].(map[string]any); ok {
		if ach, ok := subject["achievement"].(map[string]any); ok {
			switch img := ach["image"].(type) {
			case string:
				image = img
			case map[string]any:
				image = str(img["id"])
			}
		}
	}
	if !strings.HasPrefix(image, "data:image/") && !strings.HasPrefix(image, "https://") {
		image = ""
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Header().Set("Content-Disposition", `inline; filename="`+c.Source+`.svg"`)
	badgeTemplate.Execute(w, map[string]any{
		"Name": str(vc["name"]), "Issuer": str(issuer["name"]), "Image": image,
		// The credential's JSON escapes <, > and &; a CDATA end is split all the same.
		"Credential": strings.ReplaceAll(string(c.Credential), "]]>", "]]]]><![CDATA[>"),
	})
}

// badgeTemplate writes SVG: text/template, each text escaped for XML by
// the xml function, the credential in its CDATA section as it is.
var badgeTemplate = texttemplate.Must(texttemplate.New("badge").Funcs(texttemplate.FuncMap{"xml": xmlText}).Parse(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0" width="240" height="240" viewBox="0 0 240 240">
<openbadges:credential><![CDATA[{{.Credential}}]]></openbadges:credential>
<title>{{xml .Name}}</title>
{{if .Image}}<image href="{{xml .Image}}" x="0" y="0" width="240" height="240"/>
{{else}}<circle cx="120" cy="120" r="112" fill="#1d3557" stroke="#e9c46a" stroke-width="8"/>
<text x="120" y="105" text-anchor="middle" font-family="system-ui,sans-serif" font-size="15" fill="#fff">{{xml .Name}}</text>
<text x="120" y="140" text-anchor="middle" font-family="system-ui,sans-serif" font-size="11" fill="#e9c46a">{{xml .Issuer}}</text>
{{end}}</svg>
`))

// xmlText escapes s as XML character data.
func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
