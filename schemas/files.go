package schemas

import (
	"encoding/json"
	"strings"
)

// FileField is an x-file property: its value is a file reference,
// {"sha256", "name", "type", "size", "width", "height"}, set by an upload.
type FileField struct {
	Field string
	// Types are the media types allowed ("image/png", or "image/*"); any
	// when empty.
	Types []string
	// MaxSize is the largest file in bytes; 0 for the server's limit.
	MaxSize int64
	// MaxPixels bounds an image's width times height; 0 for the server's.
	MaxPixels int64
}

// Allows reports whether the media type t is one the field takes.
func (f FileField) Allows(t string) bool {
	if len(f.Types) == 0 {
		return true
	}
	base, _, _ := strings.Cut(t, ";")
	base = strings.TrimSpace(base)
	for _, a := range f.Types {
		if a == base || strings.HasSuffix(a, "/*") && strings.HasPrefix(base, strings.TrimSuffix(a, "*")) {
			return true
		}
	}
	return false
}

// FileField returns the x-file property p of c.
func (c *Collection) FileField(p string) (FileField, bool) {
	for _, f := range c.Files {
		if f.Field == p {
			return f, true
		}
	}
	return FileField{}, false
}

// file reads x-file on the top-level property p:
//
//	"x-file": true | {"types": ["image/png", "image/*"], "maxSize": 5000000, "maxPixels": 40000000}
func file(coll *Collection, p string, prop map[string]any) error {
	v, ok := prop["x-file"]
	if !ok {
		return nil
	}
	at := "/properties/" + escape(p) + "/x-file"
	if ts := types(prop["type"]); len(ts) > 0 && !(len(ts) == 1 && ts[0] == "object") {
		return invalid(coll.Name, at, "an x-file property holds a file reference, an object: leave type out or make it object")
	}
	f := FileField{Field: p}
	switch v := v.(type) {
	case bool:
		if !v {
			return nil
		}
	case map[string]any:
		for k := range v {
			if k != "types" && k != "maxSize" && k != "maxPixels" {
				return invalid(coll.Name, at+"/"+escape(k), "is not an x-file setting: use types, maxSize or maxPixels")
			}
		}
		if ts, ok := v["types"]; ok {
			list, isList := ts.([]any)
			if !isList {
				return invalid(coll.Name, at+"/types", "must be a list of media types such as image/png or image/*")
			}
			for i, t := range list {
				s, isText := t.(string)
				if !isText || !strings.Contains(s, "/") {
					return invalid(coll.Name, at+"/types/"+itoa(i), "must be a media type such as image/png or image/*")
				}
				f.Types = append(f.Types, s)
			}
		}
		for name, dst := range map[string]*int64{"maxSize": &f.MaxSize, "maxPixels": &f.MaxPixels} {
			if n, ok := v[name]; ok {
				x, isWhole := wholeNumber(n)
				if !isWhole || x < 1 {
					return invalid(coll.Name, at+"/"+name, "must be a whole number from 1")
				}
				*dst = x
			}
		}
	default:
		return invalid(coll.Name, at, `must be true or {"types": [...], "maxSize": bytes, "maxPixels": pixels}`)
	}
	coll.Files = append(coll.Files, f)
	return nil
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// wholeNumber reads a decoded JSON number that is whole.
func wholeNumber(v any) (int64, bool) {
	switch n := v.(type) {
	case json.Number:
		i, err := n.Int64()
		return i, err == nil
	case float64:
		return int64(n), n == float64(int64(n))
	}
	return 0, false
}
