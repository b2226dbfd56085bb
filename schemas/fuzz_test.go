package schemas_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/credence/credence/schemas"
)

// FuzzCompile feeds arbitrary schema bodies to Registry.Put and, when one
// compiles, arbitrary documents to Validate. Whatever comes in, nothing
// panics and every error is an *InvalidError with something to say. The
// seeds live in testdata/fuzz/FuzzCompile.
func FuzzCompile(f *testing.F) {
	base, _ := put(f, schemas.Empty(), "questions", `{
		"type":"object",
		"properties":{"text":{"type":"string"},"points":{"type":"integer","minimum":0}},
		"$defs":{"choice":{"type":"object","properties":{"label":{"type":"string"}}}}
	}`)
	f.Add([]byte(`{"type":"object"}`), []byte(`{}`))
	f.Fuzz(func(t *testing.T, schema, doc []byte) {
		reg, c, err := base.Put("exams", schema)
		if err != nil {
			requireInvalid(t, "put", err)
			return
		}
		if c == nil || reg == nil {
			t.Fatal("put returned no error and no collection")
		}
		var v any
		d := json.NewDecoder(bytes.NewReader(doc))
		d.UseNumber()
		if d.Decode(&v) == nil {
			if err := c.Validate(v); err != nil {
				requireInvalid(t, "validate", err)
			}
		}
		if _, err := reg.Delete("questions"); err != nil {
			var inUse *schemas.InUseError
			if !errors.As(err, &inUse) || len(inUse.By) == 0 {
				t.Fatalf("delete: want *InUseError naming the referrers, got %T: %v", err, err)
			}
		}
	})
}

func requireInvalid(t *testing.T, op string, err error) {
	t.Helper()
	var ie *schemas.InvalidError
	if !errors.As(err, &ie) {
		t.Fatalf("%s: want *InvalidError, got %T: %v", op, err, err)
	}
	if ie.Message == "" {
		t.Fatalf("%s: empty message: %#v", op, ie)
	}
	for _, fe := range ie.Errors {
		if fe.Message == "" {
			t.Fatalf("%s: empty field message at %q: %#v", op, fe.Path, ie)
		}
	}
}
