// Package expressions knows formulas: the expressions program owners write in schemas
// (x-formula, x-computed, x-default, x-rules), in filters and in automations, without a code
// change. A formula is an expr-lang expression (https://expr-lang.org) over the document being
// written or read (doc), its previous revision (old, nil on create), the caller (auth, with id,
// role and subject) and the current time (now), with functions that read other collections
// (get, find, count), date helpers (addDays, addMonths, addHours, addMinutes, daysUntil,
// daysSince), a repeatable random draw (sample), and expr's builtins (sum, map, filter, all,
// any, len, ...). Formulas never write.
//
// Compile type-checks a formula once and returns a Program, immutable and safe to Run
// concurrently; a Cache compiles each distinct formula once per process. Errors are *Error,
// with the line, column and a caret snippet for the author. Every Run is bounded: a memory
// budget (which also bounds the items its loops go through), a number of documents read
// through a Reader, and a timeout (Limits). Documents go in as formula values (FromJSON, and
// ParseTime for dates) and results come out as JSON values (ToJSON). REFERENCE.md is the
// formula reference for authors.
package expressions
