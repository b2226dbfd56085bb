package openapi

import (
	"strconv"
	"strings"
	"unicode"
)

// pascal turns a collection name such as "badge_tiers" into "BadgeTiers".
func pascal(name string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(name, func(r rune) bool { return r == '_' || r == '-' }) {
		b.WriteString(strings.ToUpper(part[:1]))
		b.WriteString(part[1:])
	}
	return b.String()
}

// uncountable are English words whose singular is their plural.
var uncountable = map[string]bool{
	"news": true, "series": true, "species": true, "status": true, "data": true,
	"info": true, "information": true, "metadata": true, "equipment": true,
	"feedback": true, "progress": true, "analytics": true,
}

// irregular maps irregular plurals to their singulars.
var irregular = map[string]string{
	"people": "person", "children": "child", "men": "man", "women": "woman",
	"criteria": "criterion", "indices": "index", "analyses": "analysis",
	"quizzes": "quiz", "statuses": "status", "courses": "course", "responses": "response",
	"licenses": "license", "phases": "phase", "cases": "case", "purchases": "purchase",
	"releases": "release", "databases": "database", "bases": "base",
}

// singular gives the English singular of one lower-case word, by the
// common rules: categories -> category, addresses -> address, boxes -> box,
// exams -> exam; words ending in ss, us or is, and uncountable ones, stay.
func singular(w string) string {
	if uncountable[w] {
		return w
	}
	if s, ok := irregular[w]; ok {
		return s
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"),
		strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "zzes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s") && len(w) > 1:
		return w[:len(w)-1]
	}
	return w
}

// typeName gives the PascalCase singular of a collection name: exams ->
// Exam, badge_tiers -> BadgeTier, _schemas -> Schema. Only the last word is
// made singular.
func typeName(coll string) string {
	parts := strings.FieldsFunc(coll, func(r rune) bool { return r == '_' })
	if len(parts) == 0 {
		return "Collection"
	}
	parts[len(parts)-1] = singular(parts[len(parts)-1])
	n := pascal(strings.Join(parts, "_"))
	if n == "" || unicode.IsDigit(rune(n[0])) {
		n = "C" + n
	}
	return n
}

// componentName makes s usable in a component's name (^[a-zA-Z0-9._-]+$).
func componentName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '_'):
			b.WriteRune(r)
		default:
			b.WriteString("_" + strconv.FormatInt(int64(r), 16) + "_")
		}
	}
	return b.String()
}

// namer hands out type names that collide neither with each other nor with
// the document's fixed components.
type namer struct{ taken map[string]bool }

// suffixes are the names derived from a collection's type name.
var suffixes = []string{"", "Content", "Partial", "Input", "Patch", "Page"}

func (n *namer) name(want string) string {
	for i := 1; ; i++ {
		cand := want
		if i > 1 {
			cand += strconv.Itoa(i)
		}
		free := true
		for _, s := range suffixes {
			if n.taken[cand+s] {
				free = false
				break
			}
		}
		if free {
			for _, s := range suffixes {
				n.taken[cand+s] = true
			}
			return cand
		}
	}
}
