package expressions_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/expressions"
)

func TestCompileErrors(t *testing.T) {
	filter := expressions.Options{Mode: expressions.Bool, Fields: []string{"title", "level", "passingScore"}}
	tests := []struct {
		name    string
		src     string
		opts    expressions.Options
		line    int
		column  int
		message string // the whole message, or a prefix ending in "..."
		snippet string // checked when not empty
	}{
		{
			name: "typo in a field name, with a suggestion", src: `titel == "Go"`, opts: filter,
			line: 1, column: 1, message: "unknown name titel (did you mean title?)",
			snippet: " | titel == \"Go\"\n | ^",
		},
		{
			name: "unknown name on the second line", src: "doc.a &&\n  pasingScore > 1", opts: filter,
			line: 2, column: 3, message: "unknown name pasingScore (did you mean passingScore?)",
			snippet: " |   pasingScore > 1\n | ..^",
		},
		{
			name: "unknown name without a close one", src: `zzz + 1`,
			line: 1, column: 1, message: "unknown name zzz",
		},
		{
			name: "unknown function", src: `adDays(now, 1)`,
			line: 1, column: 1, message: "unknown function adDays (did you mean addDays?)",
		},
		{
			name: "auth field typo", src: `auth.rol == "admin"`,
			line: 1, column: 6, message: "auth has no field rol (did you mean role?); it has id, role and subject",
			snippet: " | auth.rol == \"admin\"\n | .....^",
		},
		{
			name: "now is not the builtin now()", src: `now() > doc.expiresAt`,
			line: 1, column: 1, message: "now is a value, not a function: write now, without ()",
		},
		{
			name: "syntax error at the end", src: `doc.score +`,
			line: 1, column: 11, message: "unexpected token EOF",
		},
		{
			name: "type error between constants", src: `1 + "a"`,
			line: 1, column: 3, message: "invalid operation: + (mismatched types int and string)",
		},
		{
			name: "columns count characters, not bytes", src: `"é" + 1`,
			line: 1, column: 5, message: "invalid operation: + (mismatched types string and int)",
		},
		{
			name: "wrong argument type to a function", src: `get(1, "x")`,
			line: 1, column: 5, message: "cannot use int as argument (type string) to call get",
		},
		{
			name: "too few arguments", src: `get("exams")`,
			line: 1, column: 1, message: "not enough arguments to call get",
		},
		{
			name: "a fraction of a day", src: `addDays(now, 1.5)`,
			line: 1, column: 14, message: "cannot use float64 as argument (type int) to call addDays",
		},
		{
			name: "let cannot hide a variable", src: `let doc = 1; doc`,
			line: 1, column: 5, message: "doc is a reserved name: choose another name for the variable",
		},
		{
			name: "the functions' context is not a name", src: `ctx`,
			line: 1, column: 1, message: "unknown name ctx",
		},
		{
			name: "the whole environment is not a name", src: `$env.doc`,
			line: 1, column: 1, message: "unknown name $env",
		},
		{
			name: "Bool mode refuses a number", src: `len(doc.items) + 1`, opts: expressions.Options{Mode: expressions.Bool},
			line: 1, column: 1, message: "the formula must give true or false, but it gives a number",
		},
		{
			name: "Bool mode refuses text", src: `"yes"`, opts: expressions.Options{Mode: expressions.Bool},
			line: 1, column: 1, message: "the formula must give true or false, but it gives text",
		},
		{
			name: "too many nodes", src: strings.Repeat("1 + ", expressions.MaxNodes) + "1",
			line: 1, message: "the formula is too large (more than 2000 names, constants and operators)",
		},
		{
			name: "too long", src: `"` + strings.Repeat("x", expressions.MaxSourceLength) + `"`,
			line: 1, column: 1, message: "the formula is too long (more than 16384 characters)",
		},
		{
			name: "sample needs a list", src: `sample("abc", 2)`,
			line: 1, column: 1, message: "sample: the first argument must be a list, not text",
		},
		{
			name: "sample needs a whole number", src: `sample(doc.items, "2")`,
			line: 1, column: 1, message: "sample: the number of items must be a whole number, not text",
		},
		{
			name: "a bad regular expression", src: `doc.title matches "("`,
			line: 1, column: 11, message: "error parsing regexp: missing closing ): `(`",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := expressions.Compile(tt.src, tt.opts)
			assert.Nil(t, p)
			e := asError(t, err)
			assert.Equal(t, tt.message, e.Message)
			assert.Equal(t, tt.line, e.Line, "line")
			if tt.column != 0 {
				assert.Equal(t, tt.column, e.Column, "column")
			}
			if tt.snippet != "" {
				assert.Equal(t, tt.snippet, e.Snippet)
			}
			assert.Contains(t, e.Error(), tt.message)
		})
	}
}

func TestErrorFormat(t *testing.T) {
	_, err := expressions.Compile(`titel == "Go"`, expressions.Options{Fields: []string{"title"}})
	assert.Equal(t, "unknown name titel (did you mean title?) (1:1)\n | titel == \"Go\"\n | ^", err.Error())
}

func TestCompileAcceptsTheLanguage(t *testing.T) {
	for _, src := range []string{
		`sum(doc.answers, .points)`,
		`doc.score >= get("exams", doc.exam).passingScore`,
		`get("exams", doc.exam)?.passingScore ?? 0`,
		`count("attempts", {learner: doc.learner, exam: doc.exam}) < get("exams", doc.exam).maxAttempts`,
		`doc.submittedAt <= addMinutes(doc.startedAt, get("exams", doc.exam).timeLimitMinutes)`,
		`daysUntil(doc.expiresAt)`,
		`sample(find("questions", {exam: doc.exam}), 10)`,
		`len(filter(doc.answers, .points > 0))`,
		`doc.answers | map(.points) | sum()`,
		`let passing = get("exams", doc.exam).passingScore; doc.score >= passing`,
		`auth.role == "admin" || auth.id == doc.learner`,
		`old == nil || old.status != "closed"`,
		`now.Year() >= 2024`,
		`date("2024-03-01") < now`,
		`join(map(doc.tags, upper(#)), ", ")`,
		`replace(doc.title, "Go", "Golang")`,
	} {
		_, err := expressions.Compile(src, expressions.Options{})
		assert.NoError(t, err, src)
	}
}

func TestBoolMode(t *testing.T) {
	tests := []struct {
		name string
		src  string
		doc  map[string]any
		want bool
		err  string
	}{
		{name: "true", src: `doc.score >= 80`, doc: map[string]any{"score": 90}, want: true},
		{name: "false", src: `doc.score >= 80`, doc: map[string]any{"score": 70}, want: false},
		{name: "a missing boolean field is false", src: `doc.active`, doc: map[string]any{}, want: false},
		{name: "a boolean field", src: `doc.active`, doc: map[string]any{"active": true}, want: true},
		{
			name: "a field that is not boolean fails at run time", src: `doc.score`, doc: map[string]any{"score": 7},
			err: "the formula must give true or false, but gave a number",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := compile(t, tt.src, expressions.Options{Mode: expressions.Bool})
			assert.Equal(t, reflect.Bool, p.Kind())
			got, err := p.Run(t.Context(), expressions.Env{Doc: tt.doc}, nil, expressions.Limits{})
			if tt.err != "" {
				assert.Equal(t, tt.err, asError(t, err).Message)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestDocFields(t *testing.T) {
	fields := []string{"level", "passingScore", "items", "get"}
	tests := []struct {
		name   string
		src    string
		fields []string // Options.Fields
		want   []string
		whole  bool
	}{
		{name: "dot", src: `doc.a + doc.b`, want: []string{"a", "b"}},
		{name: "index with a constant", src: `doc["b"] + doc.a`, want: []string{"a", "b"}},
		{name: "sorted without duplicates", src: `doc.z + doc.a + doc.z`, want: []string{"a", "z"}},
		{name: "nested counts the top field only", src: `doc.a.b.c == 1`, want: []string{"a"}},
		{name: "optional chaining", src: `doc?.a?.b`, want: []string{"a"}},
		{name: "inside a closure", src: `sum(map(doc.items, #.points))`, want: []string{"items"}},
		{name: "predicate fields are not document fields", src: `sum(doc.answers, .points)`, want: []string{"answers"}},
		{name: "old is not doc", src: `old.a != doc.b`, want: []string{"b"}},
		{name: "function arguments", src: `get("exams", doc.exam).passingScore`, want: []string{"exam"}},
		{name: "let values", src: `let x = doc.a; x + doc.b`, want: []string{"a", "b"}},
		{name: "none", src: `1 + 2`, want: []string{}},
		{name: "bare fields", src: `level == "pro" && passingScore >= 80`, fields: fields, want: []string{"level", "passingScore"}},
		{name: "bare and doc fields together", src: `level == doc.other`, fields: fields, want: []string{"level", "other"}},
		{name: "bare fields in closures", src: `all(items, .ok)`, fields: fields, want: []string{"items"}},
		{name: "a field named like a function, bare", src: `get > 1`, fields: fields, want: []string{"get"}},
		{name: "a let variable wins over a field", src: `let level = 1; level + 1`, fields: fields, want: []string{}},
		{name: "a dynamic key reads the whole document", src: `doc[doc.key]`, want: []string{"key"}, whole: true},
		{name: "doc as a value reads the whole document", src: `len(keys(doc))`, want: []string{}, whole: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := compile(t, tt.src, expressions.Options{Fields: tt.fields})
			assert.Equal(t, tt.want, p.DocFields())
			assert.Equal(t, tt.whole, p.ReadsWholeDoc())
		})
	}
}

func TestBareFieldsRun(t *testing.T) {
	p := compile(t, `level == "pro" && passingScore >= 80`, expressions.Options{Mode: expressions.Bool, Fields: []string{"level", "passingScore"}})
	for doc, want := range map[*map[string]any]bool{
		{"level": "pro", "passingScore": 85}:   true,
		{"level": "pro", "passingScore": 75}:   false,
		{"level": "basic", "passingScore": 95}: false,
	} {
		got, err := p.Run(t.Context(), expressions.Env{Doc: *doc}, nil, expressions.Limits{})
		require.NoError(t, err)
		assert.Equal(t, want, got, *doc)
	}
}

func TestKind(t *testing.T) {
	tests := []struct {
		src  string
		mode expressions.Mode
		want reflect.Kind
	}{
		{src: `doc.a > 1`, want: reflect.Bool},
		{src: `doc.a`, mode: expressions.Bool, want: reflect.Bool},
		{src: `len(doc.items)`, want: reflect.Int},
		{src: `count("attempts", {learner: doc.learner})`, want: reflect.Int},
		{src: `daysUntil(doc.expiresAt)`, want: reflect.Int},
		{src: `1.5 * 2`, want: reflect.Float64},
		{src: `"a" + "b"`, want: reflect.String},
		{src: `upper(doc.title)`, want: reflect.String},
		{src: `[1, 2]`, want: reflect.Slice},
		{src: `find("exams", {})`, want: reflect.Slice},
		{src: `{a: 1}`, want: reflect.Map},
		{src: `get("exams", doc.exam)`, want: reflect.Map},
		{src: `addDays(now, 30)`, want: reflect.Struct},
		{src: `now`, want: reflect.Struct},
		{src: `doc.a`, want: reflect.Interface},
		{src: `doc.score * 2`, want: reflect.Interface},
		{src: `now - now`, want: reflect.Interface},
		{src: `nil`, want: reflect.Interface},
	}
	for _, tt := range tests {
		t.Run(tt.src, func(t *testing.T) {
			assert.Equal(t, tt.want, compile(t, tt.src, expressions.Options{Mode: tt.mode}).Kind())
		})
	}
}

func TestConjuncts(t *testing.T) {
	fields := []string{"level", "passingScore", "active"}
	type c = expressions.Conjunct
	tests := []struct {
		name string
		src  string
		want []c
	}{
		{name: "equality", src: `doc.level == "pro"`, want: []c{{"level", "==", "pro", false}}},
		{name: "bare field", src: `level == "pro"`, want: []c{{"level", "==", "pro", false}}},
		{name: "index with a constant", src: `doc["level"] == "pro"`, want: []c{{"level", "==", "pro", false}}},
		{name: "two conjuncts", src: `level == "pro" && passingScore >= 80`, want: []c{{"level", "==", "pro", false}, {"passingScore", ">=", 80, false}}},
		{name: "and keyword", src: `level == "pro" and passingScore < 80.5`, want: []c{{"level", "==", "pro", false}, {"passingScore", "<", 80.5, false}}},
		{name: "reversed equality", src: `"pro" == level`, want: []c{{"level", "==", "pro", false}}},
		{name: "reversed ranges", src: `80 <= passingScore && 90 > passingScore`, want: []c{{"passingScore", ">=", 80, false}, {"passingScore", "<", 90, false}}},
		{name: "negative numbers", src: `passingScore > -1`, want: []c{{"passingScore", ">", -1, false}}},
		{name: "bool and nil", src: `active == true && doc.deletedAt == nil`, want: []c{{"active", "==", true, false}, {"deletedAt", "==", nil, false}}},
		{name: "keeps what it recognises among the rest", src: `level == "pro" && len(doc.tags) > 2 && passingScore > 50`, want: []c{{"level", "==", "pro", false}, {"passingScore", ">", 50, false}}},
		{name: "nested and", src: `(level == "pro" && active == true) && passingScore > 1`, want: []c{{"level", "==", "pro", false}, {"active", "==", true, false}, {"passingScore", ">", 1, false}}},
		{name: "or is not split", src: `level == "pro" || passingScore > 80`},
		{name: "and under or is not split", src: `(level == "pro" && active == true) || passingScore > 80`},
		{name: "not equal", src: `level != "pro"`},
		{name: "field against field", src: `passingScore > doc.minimum`},
		{name: "nested field", src: `doc.exam.level == "pro"`},
		{name: "computed constant", src: `passingScore > 40 + 40`},
		{name: "negation", src: `!(level == "pro")`},
		{name: "membership", src: `level in ["pro", "basic"]`},
		{name: "with now", src: `doc.lapsesAt <= now && level == "pro"`, want: []c{{Field: "lapsesAt", Op: "<=", Now: true}, {"level", "==", "pro", false}}},
		{name: "with now reversed, bare field", src: `now > passingScore`, want: []c{{Field: "passingScore", Op: "<", Now: true}}},
		{name: "now first", src: `now >= doc.lapsesAt`, want: []c{{Field: "lapsesAt", Op: "<=", Now: true}}},
		{name: "with now, bare field", src: `passingScore <= now`, want: []c{{Field: "passingScore", Op: "<=", Now: true}}},
		{name: "with now, optional chaining", src: `doc?.lapsesAt < now`, want: []c{{Field: "lapsesAt", Op: "<", Now: true}}},
		{name: "equal to now", src: `doc.lapsesAt == now`, want: []c{{Field: "lapsesAt", Op: "==", Now: true}}},
		{name: "now with a literal and a range", src: `now > doc.lapsesAt && passingScore >= 80 && doc.lapsesAt >= "2026-01-01"`,
			want: []c{{Field: "lapsesAt", Op: "<", Now: true}, {"passingScore", ">=", 80, false}, {"lapsesAt", ">=", "2026-01-01", false}}},
		{name: "not equal to now is not one", src: `doc.lapsesAt != now`},
		{name: "now against now is not one", src: `now <= now`},
		{name: "now in arithmetic is not one", src: `doc.lapsesAt <= addDays(now, 1)`},
		{name: "a let variable is not now", src: `let n = 1; passingScore > n`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := compile(t, tt.src, expressions.Options{Mode: expressions.Bool, Fields: fields})
			got, ok := p.Conjuncts()
			assert.Equal(t, tt.want != nil, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestProgramSource(t *testing.T) {
	p := compile(t, ` doc.a + 1 `, expressions.Options{Mode: expressions.Value})
	assert.Equal(t, ` doc.a + 1 `, p.Source())
	assert.Equal(t, expressions.Value, p.Mode())
	assert.Equal(t, "bool", expressions.Bool.String())
}

func TestReadsDocuments(t *testing.T) {
	for src, want := range map[string]bool{
		`doc.a + 1`:                                        false,
		`get("exams", doc.exam).passingScore`:              true,
		`count("attempts", {"learner": auth.subject}) < 3`: true,
		`len(find("answers", {"attempt": doc.id}))`:        true,
		`get > 1`:                 false, // a bare field named get
		`sum(map([1, 2], # * 2))`: false,
	} {
		t.Run(src, func(t *testing.T) {
			p := compile(t, src, expressions.Options{Fields: []string{"get"}})
			assert.Equal(t, want, p.ReadsDocuments())
		})
	}
}
