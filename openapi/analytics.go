package openapi

import (
	"github.com/getkin/kin-openapi/openapi3"
)

// analytics adds the shared shapes and parameters of the aggregate and
// item analysis routes.
func (b *builder) analytics() {
	comps := b.doc.Components
	str := func(desc string) *openapi3.SchemaRef {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Description: desc}}
	}
	num := func(desc string) *openapi3.SchemaRef {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"number"}, Format: "double", Description: desc}}
	}
	integer := func(desc string) *openapi3.SchemaRef {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"integer"}, Format: "int64", Description: desc}}
	}
	nullable := func(s *openapi3.SchemaRef) *openapi3.SchemaRef { return b.nullable(s) }
	array := func(items *openapi3.SchemaRef, desc string) *openapi3.SchemaRef {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"array"}, Items: items, Description: desc}}
	}
	object := func(desc string, required []string, props openapi3.Schemas) *openapi3.SchemaRef {
		return &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"object"}, Description: desc, Required: required, Properties: props}}
	}
	yes := true
	row := &openapi3.SchemaRef{Value: &openapi3.Schema{
		Type:        &openapi3.Types{"object"},
		Description: "One group: its key, and each metric under its name as asked (count, avg:score, ...); a metric of a group without values is null.",
		Required:    []string{"key"},
		Properties: openapi3.Schemas{"key": {Value: &openapi3.Schema{Type: &openapi3.Types{"object"}, AdditionalProperties: openapi3.AdditionalProperties{Has: &yes},
			Description: "The group's value of each groupBy field and, under the bucket's field, its bucket (2026-11-24, 2026-11, 2026)."}}},
		AdditionalProperties: openapi3.AdditionalProperties{Has: &yes},
	}}
	comps.Schemas[aggregateSchema] = object("Groups of the documents a caller may list, with metrics over each.",
		[]string{"groupBy", "metrics", "rows", "matched"}, openapi3.Schemas{
			"groupBy": array(str(""), "The fields grouped by."),
			"bucket": object("The time buckets, when asked for.", []string{"field", "unit", "tz"}, openapi3.Schemas{
				"field": str(""), "unit": str("hour, day, week (from Monday), month or year"), "tz": str("The IANA time zone.")}),
			"metrics": array(str(""), "The metrics, as asked."),
			"rows":    array(row, "The groups, in key order."),
			"matched": integer("The documents aggregated."),
			"explain": object("With explain=true (editors and admins): how the documents were found.", nil, openapi3.Schemas{
				"index": str("The x-index field read; empty when none was."), "examined": integer("The documents read."), "matched": integer(""),
				"intersect": array(str(""), "Other x-index fields whose equalities were checked in their index."),
				"order":     str("counts: the counts kept as documents are written were read; index: an index's entries were counted; else the documents were read.")}),
		})
	flag := object("A reason to review an item.", []string{"code", "detail"}, openapi3.Schemas{
		"code":   {Value: &openapi3.Schema{Type: &openapi3.Types{"string"}, Enum: []any{"few-responses", "hard", "easy", "low-discrimination", "negative-discrimination", "unused-distractor", "distractor-over-key"}}},
		"detail": str("For a person."),
	})
	option := object("How often an option was chosen.", []string{"option", "key", "count", "proportion"}, openapi3.Schemas{
		"option": str(""), "key": {Value: &openapi3.Schema{Type: &openapi3.Types{"boolean"}, Description: "A correct option."}},
		"count": integer(""), "proportion": num("Count over the responses that saw the item."),
	})
	item := object("One item's statistics.", []string{"item", "seen", "max", "difficulty", "discrimination", "flags"}, openapi3.Schemas{
		"item":           str("The item's id."),
		"seen":           integer("The responses it was in."),
		"max":            num("The most points it gave."),
		"difficulty":     num("The mean share of its points earned (the proportion correct): high is easy."),
		"discrimination": nullable(num("The corrected point-biserial: its score's correlation with the rest of the response's score; null when either does not vary.")),
		"options":        array(option, "Keys first."),
		"flags":          array(flag, ""),
	})
	bin := object("Responses whose percent score is in [from, to); the last bin holds 100.", []string{"from", "to", "count"}, openapi3.Schemas{
		"from": integer(""), "to": integer(""), "count": integer("")})
	test := object("The responses' total scores.", []string{"mean", "sd", "min", "max", "median", "meanPercent", "distribution", "itemsPerResponse", "alpha", "kr20", "sem", "passRate"}, openapi3.Schemas{
		"mean": num(""), "sd": num("The sample standard deviation."), "min": num(""), "max": num(""), "median": num(""),
		"meanPercent":      num("The mean of score over points possible, in percent."),
		"distribution":     array(bin, "Ten bins of percent score."),
		"itemsPerResponse": num("The mean number of items a response saw."),
		"alpha":            nullable(num("Cronbach's alpha (KR-20 when every item scores 0 or its maximum).")),
		"kr20":             {Value: &openapi3.Schema{Type: &openapi3.Types{"boolean"}, Description: "Every item is dichotomous: alpha is KR-20."}},
		"sem":              nullable(num("The standard error of measurement: sd * sqrt(1 - alpha).")),
		"passRate":         nullable(num("The share of passes among the responses with a boolean pass field.")),
	})
	comps.Schemas[itemAnalysisSchema] = object("The classical item analysis of scored responses.", []string{"responses", "items", "test"}, openapi3.Schemas{
		"responses": integer("The responses read."),
		"items":     array(item, "By item id."),
		"test":      test,
	})
	param := func(name, desc string, schema *openapi3.SchemaRef) {
		p := &openapi3.Parameter{Name: name, In: "query", Description: desc, Schema: schema}
		comps.Parameters[name] = &openapi3.ParameterRef{Value: p}
		b.params[name] = &openapi3.ParameterRef{Ref: "#/components/parameters/" + name, Value: p}
	}
	param("groupBy", "Comma-separated top-level or meta fields whose values make the groups: `path,level`.", str(""))
	param("bucket", "A date field and a unit: `startedAt:day`; units are hour, day, week (from Monday), month and year.", str(""))
	param("tz", "The IANA time zone buckets are cut in: `Europe/Warsaw`; UTC by default.", str(""))
	param("metrics", "Comma-separated metrics: count; sum, avg, min, max, pNN (p50, p90), rate (the share of true) and distinct of a field: `count,avg:score,rate:passed`. count by default.", str(""))
	param("items", "The array field of item results (item, score, max, choices, key, options): items by default.", str(""))
	param("passed", "The boolean field of a pass: passed by default.", str(""))
	one := 1.0
	param("minSeen", "How many responses an item needs before it is flagged: 20 by default.",
		&openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"integer"}, Min: &one}})
}

// analyticsRoutes adds the aggregate and item analysis routes of a
// collection whose documents the caller may list.
func (b *builder) analyticsRoutes(spec collSpec, name, plural string, describe func(string) string, params func(...string) openapi3.Parameters) {
	base := "/api/" + spec.coll
	csvText := "The rows as CSV: a column per group field, the bucket, then a column per metric."
	ok := jsonResponse("The groups and their metrics.", b.conv.ref(aggregateSchema))
	csv := &openapi3.ResponseRef{Value: &openapi3.Response{Description: &csvText, Content: openapi3.Content{
		"text/csv": &openapi3.MediaType{Schema: &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}}}}}}}
	b.doc.Paths.Set(base+"/_aggregate.csv", &openapi3.PathItem{Get: &openapi3.Operation{
		OperationID: "aggregate" + plural + "CSV", Tags: []string{spec.coll},
		Summary:     "The aggregate of " + spec.coll + " as CSV",
		Description: describe("What GET " + base + "/_aggregate answers, as CSV for a spreadsheet: a column per group field, the bucket, then a column per metric. A cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe."),
		Parameters:  params("groupBy", "bucket", "tz", "metrics", "filter", "preview"),
		Responses:   b.responsesOf(map[int]*openapi3.ResponseRef{200: csv}, 400, 404, 503),
	}})
	b.doc.Paths.Set(base+"/_aggregate", &openapi3.PathItem{Get: &openapi3.Operation{
		OperationID: "aggregate" + plural, Tags: []string{spec.coll},
		Summary:     "Count and measure documents of " + spec.coll + " by group and time bucket",
		Description: describe("Groups the documents of " + spec.coll + " the caller may list (and the filter keeps) by fields and a time bucket, with metrics over each group, in one streamed read. A private field cannot be grouped by or measured; a bad parameter is a 400 naming it and the position of the culprit."),
		Parameters:  params("groupBy", "bucket", "tz", "metrics", "filter", "explain", "preview"),
		Responses:   b.responsesOf(map[int]*openapi3.ResponseRef{200: ok}, 400, 404, 503),
	}})
	b.doc.Paths.Set(base+"/_itemAnalysis", &openapi3.PathItem{Get: &openapi3.Operation{
		OperationID: "analyze" + name + "Items", Tags: []string{spec.coll},
		Summary:     "Item analysis of scored responses of " + spec.coll,
		Description: describe("Classical test theory over the responses of " + spec.coll + " the caller may list: each item's difficulty, corrected point-biserial, option proportions and flags, and the test's distribution, alpha (KR-20), SEM and pass rate. Reads an array of item results (items) and a boolean pass (passed)."),
		Parameters:  params("filter", "items", "passed", "minSeen", "preview"),
		Responses:   b.responsesOf(map[int]*openapi3.ResponseRef{200: jsonResponse("The item analysis.", b.conv.ref(itemAnalysisSchema))}, 400, 404, 503),
	}})
}
