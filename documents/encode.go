package documents

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"hash/fnv"
	"io"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// Meta fields, written by the service, never by authors.
const (
	fieldID        = "id"
	fieldRev       = "_rev"
	fieldCreatedAt = "_createdAt"
	fieldUpdatedAt = "_updatedAt"
	fieldCreatedBy = "_createdBy"
	fieldUpdatedBy = "_updatedBy"
	fieldStatus    = "_status"
)

// metaOrder is the order in which meta fields follow the content.
var metaOrder = [...]string{fieldRev, fieldCreatedAt, fieldUpdatedAt, fieldCreatedBy, fieldUpdatedBy, fieldStatus}

// timeLayout is the form of _createdAt and _updatedAt: RFC 3339 in UTC with
// milliseconds, so that the strings sort as the times do.
const timeLayout = "2006-01-02T15:04:05.000Z"

var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$`)

// ValidID reports whether id is acceptable as a document id.
func ValidID(id string) bool { return idPattern.MatchString(id) }

// decodeJSON decodes one JSON value, keeping numbers as json.Number.
func decodeJSON(b []byte) (any, error) {
	if v, ok := decodeScalar(b); ok {
		return v, nil
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	// Anything but the end of the input after the value, valid JSON or
	// not, makes the body malformed.
	if _, err := d.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("unexpected data after the JSON value")
	}
	return v, nil
}

// stringBytes returns the text of b when it is a JSON string, without
// copying when it holds no escapes; isString is false for any other JSON
// value.
func stringBytes(b []byte) (s []byte, isString bool, err error) {
	if len(b) == 0 || b[0] != '"' {
		return nil, false, nil
	}
	if plainString(b) {
		return b[1 : len(b)-1], true, nil
	}
	v, err := decodeJSON(b)
	str, isString := v.(string)
	return []byte(str), isString, err
}

// plainString reports whether b is a JSON string of printable ASCII
// without escapes: its text is then b without the quotes.
func plainString(b []byte) bool {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return false
	}
	for _, c := range b[1 : len(b)-1] {
		if c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

// decodeScalar decodes, without a decoder's allocations, the JSON values
// formulas most often read from a stored document: literals, numbers and
// ASCII strings without escapes, each exactly filling b. It reports false
// for anything else, which the full decoder then handles.
func decodeScalar(b []byte) (any, bool) {
	switch {
	case len(b) == 0:
		return nil, false
	case b[0] == '"':
		if !plainString(b) {
			return nil, false
		}
		return string(b[1 : len(b)-1]), true
	case string(b) == "true":
		return true, true
	case string(b) == "false":
		return false, true
	case string(b) == "null":
		return nil, true
	case validNumber(b):
		return json.Number(b), true
	}
	return nil, false
}

// validNumber reports whether b is exactly one JSON number.
func validNumber(b []byte) bool {
	i := 0
	if i < len(b) && b[i] == '-' {
		i++
	}
	digits := func() int {
		start := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		return i - start
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case digits() == 0:
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(b)
}

// checkText refuses a body whose text a decoder would rewrite: bytes that
// are not UTF-8, and \u escapes of a lone surrogate (half of a UTF-16
// pair), both of which become U+FFFD, so that two different bodies would
// store the same text, and collide on an x-unique field. It names the byte
// offset of the first fault.
func checkText(b []byte) error {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c == '\\' && i+1 < len(b) {
				if b[i+1] != 'u' {
					i += 2 // an escaped quote or backslash is not the start of anything
					continue
				}
				if r, ok := hex4(b, i+2); ok && utf16.IsSurrogate(r) {
					low, okLow := hex4(b, i+8)
					if r >= 0xdc00 || !okLow || b[i+6] != '\\' || b[i+7] != 'u' || low < 0xdc00 || low > 0xdfff {
						return errorf(KindBadRequest, "the body holds a lone UTF-16 surrogate escape (\\u%04x) at byte %d: it is not text", r, i)
					}
					i += 12
					continue
				}
				i += 2
				continue
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return errorf(KindBadRequest, "the body is not valid UTF-8: byte %d (0x%02x) starts no character", i, b[i])
		}
		i += size
	}
	return nil
}

// hex4 reads the four hex digits of a \u escape at b[i:].
func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	n, err := strconv.ParseUint(string(b[i:i+4]), 16, 32)
	return rune(n), err == nil
}

// decodeObject decodes a request body that must be a JSON object.
func decodeObject(b []byte) (map[string]any, error) {
	if err := checkText(b); err != nil {
		return nil, err
	}
	v, err := decodeJSON(b)
	if err != nil {
		return nil, errorf(KindBadRequest, "the body is not valid JSON: %v", jsonErrorText(err))
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fieldError(KindInvalid, "a document must be a JSON object", "", "must be an object")
	}
	return m, nil
}

func jsonErrorText(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return se.Error() + " at byte " + strconv.FormatInt(se.Offset, 10)
	}
	if errors.Is(err, io.EOF) {
		return "the body is empty"
	}
	return err.Error()
}

// stored is a document as read from the store.
type stored map[string]any

func (d stored) rev() int64 {
	n, _ := d[fieldRev].(json.Number)
	r, _ := n.Int64()
	return r
}

func (d stored) str(field string) string {
	s, _ := d[field].(string)
	return s
}

func decodeStored(b []byte) (stored, error) {
	v, err := decodeJSON(b)
	if err != nil {
		return nil, err
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, errors.New("stored document is not an object")
	}
	return m, nil
}

// content returns the author's fields of a document: everything but id and
// the meta fields.
func content(d map[string]any) map[string]any {
	out := make(map[string]any, len(d))
	for k, v := range d {
		if k != fieldID && !strings.HasPrefix(k, "_") {
			out[k] = v
		}
	}
	return out
}

// encodeContent encodes the author's fields, sorted by key, without braces:
// `"a":1,"b":"x"`. It is the part of a document computed outside the write
// transaction.
func encodeContent(fields map[string]any) ([]byte, error) {
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var buf bytes.Buffer
	for i, k := range keys {
		if i > 0 {
			buf.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		buf.Write(kb)
		buf.WriteByte(':')
		vb, err := marshal(fields[k])
		if err != nil {
			return nil, err
		}
		buf.Write(vb)
	}
	return buf.Bytes(), nil
}

// appendJSONString appends s as a JSON string, as marshal writes it: at
// once when it is printable ASCII with nothing to escape (ids, names,
// times), through marshal otherwise.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' {
			q, _ := marshal(s)
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// member appends "name": and returns b, for a hand-written encoding.
func member(b []byte, name string) []byte {
	if len(b) > 0 && b[len(b)-1] != '{' {
		b = append(b, ',')
	}
	b = append(b, '"')
	b = append(b, name...)
	return append(b, '"', ':')
}

// marshal encodes a value without escaping <, > and &.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// meta is what the service writes beside the content.
type meta struct {
	rev       int64
	createdAt string
	updatedAt string
	createdBy string // the key that created the document, when known
	updatedBy string // the key that wrote this revision, when known
	status    string // draft or published, in collections with x-publish
}

// compose builds the canonical stored form of a document.
func compose(id string, body []byte, m meta) []byte {
	idb, _ := json.Marshal(id)
	out := make([]byte, 0, len(body)+len(idb)+96)
	out = append(out, `{"id":`...)
	out = append(out, idb...)
	if len(body) > 0 {
		out = append(out, ',')
		out = append(out, body...)
	}
	out = append(out, `,"_rev":`...)
	out = strconv.AppendInt(out, m.rev, 10)
	out = append(out, `,"_createdAt":"`...)
	out = append(out, m.createdAt...)
	out = append(out, `","_updatedAt":"`...)
	out = append(out, m.updatedAt...)
	out = append(out, '"')
	for _, f := range [...]struct{ name, value string }{{fieldCreatedBy, m.createdBy}, {fieldUpdatedBy, m.updatedBy}, {fieldStatus, m.status}} {
		if f.value != "" {
			vb, _ := json.Marshal(f.value)
			out = append(append(append(append(out, `,"`...), f.name...), `":`...), vb...)
		}
	}
	return append(out, '}')
}

// etag is a strong entity tag for the stored bytes of a document. Every
// write changes _rev and _updatedAt, so every revision has its own tag.
func etag(b []byte) string {
	h := fnv.New64a()
	h.Write(b)
	var sum [8]byte
	binary.BigEndian.PutUint64(sum[:], h.Sum64())
	const hexdigits = "0123456789abcdef"
	out := make([]byte, 0, 18)
	out = append(out, '"')
	for _, c := range sum {
		out = append(out, hexdigits[c>>4], hexdigits[c&0xf])
	}
	return string(append(out, '"'))
}

// matchETag reports whether an If-Match or If-None-Match header value
// matches tag. Weak tags compare by their opaque part.
func matchETag(header, tag string) bool {
	for _, part := range strings.Split(header, ",") {
		part = strings.TrimSpace(part)
		if part == "*" || strings.TrimPrefix(part, "W/") == tag {
			return true
		}
	}
	return false
}

// mergePatch applies an RFC 7396 JSON Merge Patch to target.
func mergePatch(target, patch any) any {
	p, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	t, ok := target.(map[string]any)
	if !ok {
		t = map[string]any{}
	} else {
		c := make(map[string]any, len(t))
		for k, v := range t {
			c[k] = v
		}
		t = c
	}
	for k, v := range p {
		if v == nil {
			delete(t, k)
			continue
		}
		t[k] = mergePatch(t[k], v)
	}
	return t
}

// ids generates document ids: 26 characters of Crockford base32 (lower
// case), 48 bits of milliseconds then 80 bits that are random for the first
// id of a millisecond and incremented after, so ids sort by creation time.
type ids struct {
	mu   sync.Mutex
	last uint64
	rnd  [10]byte
}

const crockford = "0123456789abcdefghjkmnpqrstvwxyz"

func (g *ids) next(now time.Time) string {
	g.mu.Lock()
	ms := uint64(now.UnixMilli())
	if ms <= g.last {
		ms = g.last
		for i := len(g.rnd) - 1; i >= 0; i-- {
			g.rnd[i]++
			if g.rnd[i] != 0 {
				break
			}
		}
	} else {
		rand.Read(g.rnd[:])
		g.rnd[0] &= 0x7f // leave room to increment within a millisecond
	}
	g.last = ms
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], ms<<16)
	copy(b[6:], g.rnd[:])
	g.mu.Unlock()
	return base32ID(b)
}

// base32ID writes 128 bits as 26 base32 digits, most significant first.
func base32ID(b [16]byte) string {
	hi := binary.BigEndian.Uint64(b[:8])
	lo := binary.BigEndian.Uint64(b[8:])
	var out [26]byte
	for i := 25; i >= 0; i-- {
		out[i] = crockford[lo&31]
		lo = lo>>5 | hi<<59
		hi >>= 5
	}
	return string(out[:])
}

// Tuple encoding: order-preserving bytes for index keys. Each element starts
// with a tag; strings escape 0x00 as 0x00 0xff and end with 0x00, so that a
// tuple's bytes sort as its elements do.
const (
	tagMissing = 0x01
	tagNull    = 0x02
	tagFalse   = 0x03
	tagTrue    = 0x04
	tagNumber  = 0x05
	tagString  = 0x06
)

func appendString(b []byte, s string) []byte {
	b = append(b, tagString)
	for i := 0; i < len(s); i++ {
		b = append(b, s[i])
		if s[i] == 0 {
			b = append(b, 0xff)
		}
	}
	return append(b, 0)
}

// appendValue appends the encoding of a scalar JSON value; ok is false for
// objects and arrays, which are not indexed.
func appendValue(b []byte, v any) ([]byte, bool) {
	switch v := v.(type) {
	case nil:
		return append(b, tagNull), true
	case bool:
		if v {
			return append(b, tagTrue), true
		}
		return append(b, tagFalse), true
	case json.Number:
		return appendNumber(b, string(v))
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return b, false
		}
		return appendNumber(b, strconv.FormatFloat(v, 'g', -1, 64))
	case string:
		return appendString(b, v), true
	}
	return b, false
}

// Signs of an encoded number, in order.
const (
	numNegative = 0x01
	numZero     = 0x02
	numPositive = 0x03
)

// appendNumber appends an exact, order-preserving encoding of the number s,
// in JSON syntax. A float64 would fold 2^53 and 2^53+1 into one value, and
// 1e400 into none: a unique index needs every number to encode as itself,
// and equal numbers (1, 1.0, 10e-1, -0 and 0) to encode the same.
//
// The number is written 0.d1d2...dn x 10^e, with d1 nonzero and dn the last
// nonzero digit: the sign, then e as a biased 64-bit integer, then the
// digits and a terminator that sorts before any digit. Negative numbers
// invert e and the digits, so that they sort in reverse. ok is false only
// for an exponent out of the int64 range.
func appendNumber(b []byte, s string) ([]byte, bool) {
	neg := strings.HasPrefix(s, "-")
	mant, exp10, hasExp := strings.Cut(strings.ToLower(strings.TrimPrefix(s, "-")), "e")
	var exp int64
	if hasExp {
		var err error
		if exp, err = strconv.ParseInt(exp10, 10, 64); err != nil || exp > 1<<62 || exp < -1<<62 {
			return b, false
		}
	}
	whole, frac, _ := strings.Cut(mant, ".")
	digits := strings.TrimLeft(whole+frac, "0")
	// The value is digits x 10^(exp - len(frac)), so e counts the digits.
	e := exp - int64(len(frac)) + int64(len(digits))
	digits = strings.TrimRight(digits, "0")
	if digits == "" {
		return append(b, tagNumber, numZero), true
	}
	biased := uint64(e) ^ 1<<63
	if !neg {
		b = append(b, tagNumber, numPositive)
		b = binary.BigEndian.AppendUint64(b, biased)
		return append(append(b, digits...), 0x00), true
	}
	b = append(b, tagNumber, numNegative)
	b = binary.BigEndian.AppendUint64(b, ^biased)
	for i := 0; i < len(digits); i++ {
		b = append(b, ^digits[i])
	}
	return append(b, 0xff), true
}

// recompose encodes a decoded document in the canonical order: id, the
// content sorted by key, the meta fields in their order, then any other
// underscore fields an answer carries (such as _errors).
func recompose(d stored) ([]byte, error) {
	body, err := encodeContent(content(d))
	if err != nil {
		return nil, err
	}
	idb, _ := marshal(d[fieldID])
	out := append([]byte(`{"id":`), idb...)
	if len(body) > 0 {
		out = append(append(out, ','), body...)
	}
	rest := make([]string, 0, 4)
	for k := range d {
		if strings.HasPrefix(k, "_") && !slices.Contains(metaOrder[:], k) {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	for _, k := range append(metaOrder[:], rest...) {
		v, ok := d[k]
		if !ok {
			continue
		}
		kb, _ := marshal(k)
		vb, err := marshal(v)
		if err != nil {
			return nil, err
		}
		out = append(append(append(append(out, ','), kb...), ':'), vb...)
	}
	return append(out, '}'), nil
}

// errEnough, returned by the function topFields calls, ends the reading
// early and without an error.
var errEnough = errors.New("enough fields read")

// topFields calls fn with the raw value of each top-level member of the
// JSON object raw whose key is among keys (keys hold no escapes). It reads
// the object once, without decoding what it skips: a read that needs two
// fields of a large document pays for two fields.
func topFields(raw []byte, keys []string, fn func(key string, value []byte) error) error {
	i := skipSpace(raw, 0)
	if i >= len(raw) || raw[i] != '{' {
		return errors.New("not a JSON object")
	}
	i++
	for {
		i = skipSpace(raw, i)
		if i < len(raw) && raw[i] == '}' {
			return nil
		}
		if i >= len(raw) || raw[i] != '"' {
			return errors.New("malformed JSON object")
		}
		end := skipValue(raw, i)
		if end < 0 {
			return errors.New("malformed JSON object")
		}
		key := raw[i+1 : end-1]
		i = skipSpace(raw, end)
		if i >= len(raw) || raw[i] != ':' {
			return errors.New("malformed JSON object")
		}
		i = skipSpace(raw, i+1)
		end = skipValue(raw, i)
		if end < 0 {
			return errors.New("malformed JSON object")
		}
		for _, k := range keys {
			if string(key) == k {
				if err := fn(k, raw[i:end]); errors.Is(err, errEnough) {
					return nil
				} else if err != nil {
					return err
				}
				break
			}
		}
		i = skipSpace(raw, end)
		if i < len(raw) && raw[i] == ',' {
			i++
		}
	}
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\n' || b[i] == '\t' || b[i] == '\r') {
		i++
	}
	return i
}

// skipValue returns the end of the JSON value starting at i, or -1.
func skipValue(b []byte, i int) int {
	if i >= len(b) {
		return -1
	}
	switch b[i] {
	case '"':
		for j := i + 1; j < len(b); j++ {
			switch b[j] {
			case '\\':
				j++
			case '"':
				return j + 1
			}
		}
		return -1
	case '{', '[':
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '"':
				end := skipValue(b, j)
				if end < 0 {
					return -1
				}
				j = end - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
		return -1
	default:
		j := i
		for j < len(b) && b[j] != ',' && b[j] != '}' && b[j] != ']' && b[j] != ' ' && b[j] != '\n' && b[j] != '\t' && b[j] != '\r' {
			j++
		}
		if j == i {
			return -1
		}
		return j
	}
}

// removeRaw removes path from the JSON value b as removePath does from
// its decoded form (keys, and "*" for every item of an array), without
// decoding it. removed reports a change; ok is false when it cannot tell
// (malformed JSON, a key written with escapes), and the caller decodes.
func removeRaw(b []byte, path []string) (out []byte, removed, ok bool) {
	i := skipSpace(b, 0)
	if len(path) == 0 || i >= len(b) {
		return b, false, true
	}
	switch {
	case b[i] == '{' && path[0] != "*":
		return removeMember(b, i, path)
	case b[i] == '[' && path[0] == "*":
		return removeInItems(b, i, path[1:])
	}
	return b, false, true
}

// removeMember is removeRaw on the object starting at b[i].
func removeMember(b []byte, i int, path []string) ([]byte, bool, bool) {
	out := make([]byte, 0, len(b))
	out = append(out, '{')
	removed, first := false, true
	i++
	for {
		i = skipSpace(b, i)
		if i < len(b) && b[i] == '}' {
			break
		}
		if i >= len(b) || b[i] != '"' {
			return b, false, false
		}
		end := skipValue(b, i)
		if end < 0 {
			return b, false, false
		}
		key := b[i:end]
		if bytes.IndexByte(key, '\\') >= 0 {
			return b, false, false
		}
		i = skipSpace(b, end)
		if i >= len(b) || b[i] != ':' {
			return b, false, false
		}
		i = skipSpace(b, i+1)
		end = skipValue(b, i)
		if end < 0 {
			return b, false, false
		}
		value := b[i:end]
		if string(key[1:len(key)-1]) == path[0] {
			if len(path) == 1 {
				removed = true
				value = nil
			} else {
				v, r, ok := removeRaw(value, path[1:])
				if !ok {
					return b, false, false
				}
				value, removed = v, removed || r
			}
		}
		if value != nil {
			if !first {
				out = append(out, ',')
			}
			first = false
			out = append(append(append(out, key...), ':'), value...)
		}
		i = skipSpace(b, end)
		if i < len(b) && b[i] == ',' {
			i++
		}
	}
	if !removed {
		return b, false, true
	}
	return append(out, '}'), true, true
}

// removeInItems removes path from every item of the array starting at
// b[i].
func removeInItems(b []byte, i int, path []string) ([]byte, bool, bool) {
	out := make([]byte, 0, len(b))
	out = append(out, '[')
	removed, first := false, true
	i++
	for {
		i = skipSpace(b, i)
		if i < len(b) && b[i] == ']' {
			break
		}
		end := skipValue(b, i)
		if end < 0 {
			return b, false, false
		}
		v, r, ok := removeRaw(b[i:end], path)
		if !ok {
			return b, false, false
		}
		removed = removed || r
		if !first {
			out = append(out, ',')
		}
		first = false
		out = append(out, v...)
		i = skipSpace(b, end)
		if i < len(b) && b[i] == ',' {
			i++
		}
	}
	if !removed {
		return b, false, true
	}
	return append(out, ']'), true, true
}

// orderedContent encodes the members of the JSON object raw, but id and
// the meta fields (names starting with "_"), as encodeContent does, except
// that every object keeps its members in the order they were written: a
// schema's properties come back in its author's order. A member written
// twice keeps its last value, in its first place.
func orderedContent(raw []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	v, err := readOrdered(dec)
	if err != nil {
		return nil, err
	}
	obj, ok := v.(orderedObject)
	if !ok {
		return nil, errors.New("not a JSON object")
	}
	obj = slices.DeleteFunc(obj, func(m orderedMember) bool { return m.key == fieldID || strings.HasPrefix(m.key, "_") })
	var buf bytes.Buffer
	if err := obj.members(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// orderedObject is a JSON object with its members in order.
type orderedObject []orderedMember

type orderedMember struct {
	key   string
	value any // orderedObject, []any, or a scalar
}

func readOrdered(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			var obj orderedObject
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, _ := kt.(string)
				val, err := readOrdered(dec)
				if err != nil {
					return nil, err
				}
				if i := slices.IndexFunc(obj, func(m orderedMember) bool { return m.key == key }); i >= 0 {
					obj[i].value = val
					continue
				}
				obj = append(obj, orderedMember{key, val})
			}
			_, err := dec.Token() // }
			return obj, err
		case '[':
			list := []any{}
			for dec.More() {
				val, err := readOrdered(dec)
				if err != nil {
					return nil, err
				}
				list = append(list, val)
			}
			_, err := dec.Token() // ]
			return list, err
		}
	}
	return tok, nil
}

// members writes the object's members, without braces.
func (o orderedObject) members(buf *bytes.Buffer) error {
	for i, m := range o {
		if i > 0 {
			buf.WriteByte(',')
		}
		kb, err := marshal(m.key)
		if err != nil {
			return err
		}
		buf.Write(kb)
		buf.WriteByte(':')
		if err := writeOrdered(buf, m.value); err != nil {
			return err
		}
	}
	return nil
}

func writeOrdered(buf *bytes.Buffer, v any) error {
	switch v := v.(type) {
	case orderedObject:
		buf.WriteByte('{')
		if err := v.members(buf); err != nil {
			return err
		}
		buf.WriteByte('}')
	case []any:
		buf.WriteByte('[')
		for i, x := range v {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := writeOrdered(buf, x); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
	default:
		b, err := marshal(v)
		if err != nil {
			return err
		}
		buf.Write(b)
	}
	return nil
}
