package expressions

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
)

// TimeLayout is how ToJSON writes a time: RFC 3339 in UTC with milliseconds. Times written so
// sort as text in the order of time (for years 0000 to 9999), which an index of dates relies on;
// the same instant spelled otherwise (without milliseconds, with an offset) does not.
const TimeLayout = "2006-01-02T15:04:05.000Z"

// FromJSON converts a decoded JSON value (numbers as json.Number, from a decoder with
// UseNumber) into a formula value: integral numbers that fit become int, others float64,
// recursively through maps and slices; strings stay strings (dates are converted by the caller
// with ParseTime where the schema says format date-time or date).
//
// An integral number beyond the int range (past ±2^63) becomes the nearest float64, so it is
// no longer exact; every integer up to 2^63 stays exact, including those past 2^53. 2.0 and
// 1e3 are integral, so they become the ints 2 and 1000. A float64 input (from a decoder without
// UseNumber) is treated the same way. Maps and slices are copied, never changed in place.
func FromJSON(v any) any {
	switch v := v.(type) {
	case json.Number:
		return fromNumber(string(v))
	case float64:
		if i, ok := floatToInt(v); ok {
			return i
		}
		return v
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = FromJSON(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = FromJSON(x)
		}
		return out
	}
	return v
}

func fromNumber(s string) any {
	if i, err := strconv.ParseInt(s, 10, strconv.IntSize); err == nil {
		return int(i)
	}
	// 12.000 is integral: parse its integer part exactly rather than through a float64.
	if whole, frac, ok := strings.Cut(s, "."); ok && !strings.ContainsAny(frac, "eE") && strings.Trim(frac, "0") == "" {
		if i, err := strconv.ParseInt(whole, 10, strconv.IntSize); err == nil {
			return int(i)
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil && !isRangeError(err) {
		return s // not a number at all: a decoder never produces this
	}
	if i, ok := floatToInt(f); ok {
		return i
	}
	return f
}

func isRangeError(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// floatToInt converts f when it is integral and inside the int range.
func floatToInt(f float64) (int, bool) {
	if f != math.Trunc(f) || math.IsInf(f, 0) || f < math.MinInt64 || f >= math.MaxInt64 || strconv.IntSize != 64 && (f < math.MinInt32 || f > math.MaxInt32) {
		return 0, false
	}
	return int(f), true
}

// ToJSON converts a formula value back to JSON-ready values: time.Time to RFC 3339 in UTC with
// milliseconds ("2006-01-02T15:04:05.000Z"), ints and floats to json.Number, recursively;
// NaN and ±Inf are an error. A duration (now - doc.startedAt) becomes its text ("1h30m0s"),
// auth becomes {"id", "role", "subject"}, lists of any type become []any, and maps with keys
// that are not text (from groupBy) get their keys written as text. Any other type is an error.
func ToJSON(v any) (any, error) {
	switch v := v.(type) {
	case nil, bool, string, json.Number:
		return v, nil
	case int:
		return json.Number(strconv.Itoa(v)), nil
	case float64:
		return floatNumber(v)
	case time.Time:
		return v.UTC().Format(TimeLayout), nil
	case time.Duration:
		return v.String(), nil
	case Auth:
		return map[string]any{"id": v.ID, "role": v.Role, "subject": v.Subject}, nil
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			j, err := ToJSON(x)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", k, err)
			}
			out[k] = j
		}
		return out, nil
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			j, err := ToJSON(x)
			if err != nil {
				return nil, fmt.Errorf("[%d]: %w", i, err)
			}
			out[i] = j
		}
		return out, nil
	}
	return reflectToJSON(reflect.ValueOf(v))
}

func reflectToJSON(rv reflect.Value) (any, error) {
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return json.Number(strconv.FormatInt(rv.Int(), 10)), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return json.Number(strconv.FormatUint(rv.Uint(), 10)), nil
	case reflect.Float32, reflect.Float64:
		return floatNumber(rv.Float())
	case reflect.Bool:
		return rv.Bool(), nil
	case reflect.String:
		return rv.String(), nil
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return nil, nil
		}
		return ToJSON(rv.Elem().Interface())
	case reflect.Slice, reflect.Array:
		if rv.Kind() == reflect.Slice && rv.IsNil() {
			return []any{}, nil
		}
		out := make([]any, rv.Len())
		for i := range out {
			j, err := ToJSON(rv.Index(i).Interface())
			if err != nil {
				return nil, fmt.Errorf("[%d]: %w", i, err)
			}
			out[i] = j
		}
		return out, nil
	case reflect.Map:
		if rv.IsNil() {
			return nil, nil
		}
		out := make(map[string]any, rv.Len())
		keys := rv.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i]) < fmt.Sprint(keys[j]) })
		for _, k := range keys {
			name, err := keyText(k)
			if err != nil {
				return nil, err
			}
			j, err := ToJSON(rv.MapIndex(k).Interface())
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			out[name] = j
		}
		return out, nil
	case reflect.Invalid:
		return nil, nil
	}
	return nil, fmt.Errorf("a value of type %s cannot be stored as JSON", rv.Type())
}

// keyText writes a map key as a JSON object key.
func keyText(k reflect.Value) (string, error) {
	if k.Kind() == reflect.Interface {
		if k.IsNil() {
			return "null", nil
		}
		k = k.Elem()
	}
	j, err := reflectToJSON(k)
	if err != nil {
		return "", err
	}
	switch j := j.(type) {
	case string:
		return j, nil
	case json.Number:
		return string(j), nil
	case bool:
		return strconv.FormatBool(j), nil
	case nil:
		return "null", nil
	}
	return "", fmt.Errorf("a map key of type %s cannot be a JSON object key", k.Type())
}

// floatNumber writes f as encoding/json would, or fails for NaN and ±Inf, which JSON cannot hold.
func floatNumber(f float64) (any, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil, fmt.Errorf("the formula gave %v, which is not a number JSON can hold", f)
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b := strconv.AppendFloat(nil, f, format, -1, 64)
	if format == 'e' {
		// 1e-07 becomes 1e-7, as encoding/json writes it.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return json.Number(b), nil
}

// ParseTime parses an RFC 3339 date-time or a date (2006-01-02, as midnight UTC). The time
// comes back in UTC.
func ParseTime(s string) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), true
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, true
	}
	return time.Time{}, false
}
