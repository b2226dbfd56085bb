package documents

import (
	"errors"
	"fmt"

	"github.com/credence/credence/schemas"
	"github.com/credence/credence/store"
)

// Kind classifies an Error; the HTTP layer maps each kind to one status.
type Kind int

// The kinds of Error.
const (
	KindInternal           Kind = iota // a bug or a store failure
	KindBadRequest                     // malformed input: bad JSON, bad parameter
	KindNotFound                       // unknown collection or document
	KindInvalid                        // a document or schema that does not hold
	KindConflict                       // duplicate id or unique value, data in the way
	KindPreconditionFailed             // stale If-Match
	KindNotModified                    // If-None-Match matched
	KindUnavailable                    // the store cannot be reached for now
	KindUnauthorized                   // a bad, revoked or expired key
	KindForbidden                      // the caller's role may not do this
)

// FieldError is one failure at a JSON Pointer inside a document.
type FieldError = schemas.FieldError

// Error is the error type of the document service.
type Error struct {
	Kind    Kind
	Message string
	// Errors lists field failures, for KindInvalid and KindConflict.
	Errors []FieldError
	// Details carries extra members for the problem document, such as the
	// documents a schema change would break.
	Details map[string]any
	// Warnings are advisory notes that do not fail the request.
	Warnings []string
	err      error
}

func (e *Error) Error() string {
	msg := e.Message
	if len(e.Errors) > 0 {
		msg = fmt.Sprintf("%s: %s %s", msg, e.Errors[0].Path, e.Errors[0].Message)
	}
	if e.err != nil {
		return msg + ": " + e.err.Error()
	}
	return msg
}

// Unwrap returns the underlying error, if any.
func (e *Error) Unwrap() error { return e.err }

func errorf(kind Kind, format string, args ...any) *Error {
	return &Error{Kind: kind, Message: fmt.Sprintf(format, args...)}
}

func fieldError(kind Kind, msg, path, fieldMsg string) *Error {
	return &Error{Kind: kind, Message: msg, Errors: []FieldError{{Path: path, Message: fieldMsg}}}
}

// KindOf returns the kind of err: the Kind of an *Error in its chain,
// KindInvalid for a schema's *schemas.InvalidError, KindUnavailable for a
// store that cannot be reached, else KindInternal.
func KindOf(err error) Kind {
	if err == nil {
		return KindInternal
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	if errors.Is(err, store.ErrUnavailable) {
		return KindUnavailable
	}
	var ie *schemas.InvalidError
	if errors.As(err, &ie) {
		return KindInvalid
	}
	return KindInternal
}

// asError converts a schemas error into an *Error, leaving others alone.
func asError(err error) error {
	var ie *schemas.InvalidError
	if errors.As(err, &ie) {
		return &Error{Kind: KindInvalid, Message: ie.Message, Errors: ie.Errors}
	}
	var iu *schemas.InUseError
	if errors.As(err, &iu) {
		return &Error{Kind: KindConflict, Message: iu.Error(), Details: map[string]any{"referencedBy": iu.By}}
	}
	return err
}
