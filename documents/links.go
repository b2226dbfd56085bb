package documents

import (
	"errors"
	"fmt"

	"github.com/credence/credence/schemas"
	"github.com/credence/credence/store"
)

// checkLinks checks, inside the write's transaction, that every x-ref of
// the content points at a document that exists: a 422 lists the missing
// ones by JSON Pointer. A document may refer to itself.
func checkLinks(r store.Reader, c *schemas.Collection, id string, fields map[string]any) error {
	var missing []FieldError
	check := func(path, target string, v any) error {
		ref, ok := v.(string)
		if !ok || target == c.Name && ref == id {
			return nil // not a reference (null, where the schema allows it), or itself
		}
		_, err := r.Get(docsBucket(target), []byte(ref))
		if errors.Is(err, store.ErrNotFound) {
			missing = append(missing, FieldError{Path: path, Message: fmt.Sprintf("refers to %q in %s, which does not exist", ref, target)})
			return nil
		}
		return err
	}
	for _, l := range c.Links {
		v, ok := fields[l.Field]
		if !ok {
			continue
		}
		path := "/" + pointerToken(l.Field)
		if !l.Many {
			if err := check(path, l.Target, v); err != nil {
				return err
			}
			continue
		}
		list, _ := v.([]any)
		for i, e := range list {
			if err := check(fmt.Sprintf("%s/%d", path, i), l.Target, e); err != nil {
				return err
			}
		}
	}
	if len(missing) > 0 {
		return &Error{Kind: KindInvalid, Message: "the document refers to documents that do not exist", Errors: missing}
	}
	return nil
}
