// Command roundtrip drives a Credence server through the client that
// oapi-codegen generated from the server's own OpenAPI 3.0 document.
//
// TestGeneratedClient (engine/codegen_test.go) copies this file into a
// temporary module beside the generated package client, builds it and runs
// it with CREDENCE_URL set to a server that has the collections exams and
// questions. It prints one line per step and exits non-zero at the first
// answer that is not what the spec promises.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strings"

	"codegentest/client"
)

func main() {
	base := os.Getenv("CREDENCE_URL")
	if base == "" {
		fail("CREDENCE_URL is not set")
	}
	c, err := client.NewClientWithResponses(base)
	check(err)
	ctx := context.Background()

	// Questions: a $ref to a $defs choice, a nullable hint, a number that
	// only a double holds.
	q, err := c.CreateQuestionWithResponse(ctx, nil, client.CreateQuestionJSONRequestBody{
		Text:    "Which trigger starts a workflow?",
		Exam:    "a101",
		Choices: &[]client.QuestionChoice{{Label: "A webhook", Correct: ptr(true)}, {Label: "A cron"}},
		Points:  ptr(123456.789),
	})
	check(err)
	expectStatus("create a question", q.HTTPResponse, q.Body, http.StatusCreated)
	question := strict[client.Question]("create a question", q.Body)
	expect("the question's choices", len(deref(question.Choices)) == 2 && deref(question.Choices)[0].Label == "A webhook" &&
		*deref(question.Choices)[0].Correct, q.Body)
	expect("the question's points, exactly", question.Points != nil && *question.Points == 123456.789, q.Body)

	// A null sent for a nullable field comes back as null.
	q, err = c.CreateQuestionWithBodyWithResponse(ctx, nil, "application/json",
		strings.NewReader(`{"text": "What is a cron?", "exam": "a101", "hint": null}`))
	check(err)
	expectStatus("create a question with a null hint", q.HTTPResponse, q.Body, http.StatusCreated)
	expect("the null hint", strict[client.Question]("create a question with a null hint", q.Body).Hint == nil &&
		bytes.Contains(q.Body, []byte(`"hint":null`)), q.Body)
	step("questions created")

	// Exams: create three, each answered 201 with its ETag and Location.
	// The last has no passingScore: on a read, its computed passMargin fails
	// and the document says so in _errors.
	type created struct {
		id, etag     string
		passingScore *int64
	}
	var exams []created
	for i, level := range []client.ExamInputLevel{client.ExamInputLevelFundamentals, client.ExamInputLevelProfessional, client.ExamInputLevelMaster} {
		in := client.CreateExamJSONRequestBody{
			Title:   fmt.Sprintf("Automation %d01", i+1),
			Code:    fmt.Sprintf("A%d01", i+1),
			Level:   &level,
			Summary: ptr("Workflows and triggers."),
			Tags:    &[]string{"automation", string(level)},
			Sample:  &client.QuestionChoice{Label: "A webhook"},
		}
		if level != client.ExamInputLevelMaster {
			in.PassingScore = ptr(70 + int64(i))
		}
		in.Settings = &struct {
			Shuffle          *bool  `json:"shuffle,omitempty"`
			TimeLimitMinutes *int64 `json:"timeLimitMinutes,omitempty"`
		}{Shuffle: ptr(true), TimeLimitMinutes: ptr[int64](90)}
		r, err := c.CreateExamWithResponse(ctx, nil, in)
		check(err)
		expectStatus("create an exam", r.HTTPResponse, r.Body, http.StatusCreated)
		exam := strict[client.Exam]("create an exam", r.Body)
		expect("the created exam", exam.Id != "" && exam.Title == in.Title && exam.Code == in.Code &&
			string(*exam.Level) == string(level) && *exam.Settings.TimeLimitMinutes == 90 &&
			slices.Equal(*exam.Tags, *in.Tags) && exam.Sample.Label == "A webhook", r.Body)
		expect("the x-formula field titleLength", exam.TitleLength != nil && *exam.TitleLength == int64(len(in.Title)), r.Body)
		expect("the passing score", (in.PassingScore == nil) == (exam.PassingScore == nil) &&
			(in.PassingScore == nil || *exam.PassingScore == *in.PassingScore), r.Body)
		expect("the meta fields", *exam.UnderscoreRev == 1 && !exam.UnderscoreCreatedAt.IsZero() && !exam.UnderscoreUpdatedAt.IsZero(), r.Body)
		expect("ETag and Location headers", r.Headers201 != nil && r.Headers201.ETag != nil && *r.Headers201.ETag != "" &&
			r.Headers201.Location != nil && strings.HasSuffix(*r.Headers201.Location, "/api/exams/"+exam.Id), r.Body)
		exams = append(exams, created{exam.Id, *r.Headers201.ETag, in.PassingScore})
	}
	step("exams created")

	// Get: the document and the same ETag; If-None-Match answers 304.
	first := exams[0]
	g, err := c.GetExamWithResponse(ctx, first.id, nil)
	check(err)
	expectStatus("get an exam", g.HTTPResponse, g.Body, http.StatusOK)
	got := strict[client.Exam]("get an exam", g.Body)
	expect("the exam read back", got.Id == first.id && got.Title == "Automation 101" && *got.Summary == "Workflows and triggers.", g.Body)
	expect("the ETag of a read", g.Headers200 != nil && g.Headers200.ETag != nil && *g.Headers200.ETag == first.etag, g.Body)
	g, err = c.GetExamWithResponse(ctx, first.id, &client.GetExamParams{IfNoneMatch: &first.etag})
	check(err)
	expectStatus("get an unchanged exam", g.HTTPResponse, g.Body, http.StatusNotModified)
	step("exam read")

	// List one at a time, following nextCursor to the end: every exam once,
	// with its computed field or the reason it failed.
	want := map[string]*int64{}
	for _, e := range exams {
		want[e.id] = e.passingScore
	}
	seen := map[string]int{}
	var cursor *string
	for pages := 0; ; pages++ {
		if pages > len(exams)+1 {
			fail("the list does not end: %d pages", pages)
		}
		l, err := c.ListExamsWithResponse(ctx, &client.ListExamsParams{Limit: ptr(1), Cursor: cursor})
		check(err)
		expectStatus("list exams", l.HTTPResponse, l.Body, http.StatusOK)
		page := strict[client.ExamPage]("list exams", l.Body)
		expect("a page of at most one", len(page.Items) <= 1, l.Body)
		for _, item := range page.Items {
			// Items are whole documents, or partial ones with fields=.
			e, err := item.AsExam()
			check(err)
			seen[e.Id]++
			if score := want[e.Id]; score != nil {
				expect("the x-computed field passMargin", e.PassMargin != nil && *e.PassMargin == *score-50 &&
					e.UnderscoreErrors == nil, l.Body)
			} else {
				expect("the failed x-computed field in _errors", e.PassMargin == nil && e.UnderscoreErrors != nil &&
					len(*e.UnderscoreErrors) == 1 && (*e.UnderscoreErrors)[0].Field == "passMargin" &&
					(*e.UnderscoreErrors)[0].Message != "", l.Body)
			}
		}
		if page.NextCursor == nil {
			break
		}
		cursor = page.NextCursor
	}
	for _, e := range exams {
		expect("exam "+e.id+" listed once", seen[e.id] == 1, []byte(fmt.Sprint(seen)))
	}
	expect("nothing else listed", len(seen) == len(exams), []byte(fmt.Sprint(seen)))
	step("exams listed page by page")

	// Patch with If-Match: the change is applied and the ETag moves on; the
	// stale ETag is then refused with a problem.
	p, err := c.PatchExamWithApplicationMergePatchPlusJSONBodyWithResponse(ctx, first.id,
		&client.PatchExamParams{IfMatch: &first.etag}, client.ExamPatch{PassingScore: ptr[int64](85)})
	check(err)
	expectStatus("patch an exam", p.HTTPResponse, p.Body, http.StatusOK)
	patched := strict[client.Exam]("patch an exam", p.Body)
	expect("the patched exam", *patched.PassingScore == 85 && patched.Title == "Automation 101" && *patched.UnderscoreRev == 2, p.Body)
	expect("a new ETag", p.Headers200 != nil && p.Headers200.ETag != nil && *p.Headers200.ETag != first.etag, p.Body)
	etag := *p.Headers200.ETag

	p, err = c.PatchExamWithApplicationMergePatchPlusJSONBodyWithResponse(ctx, first.id,
		&client.PatchExamParams{IfMatch: &first.etag}, client.ExamPatch{PassingScore: ptr[int64](90)})
	check(err)
	expectStatus("patch with a stale ETag", p.HTTPResponse, p.Body, http.StatusPreconditionFailed)
	expectProblem("patch with a stale ETag", p.ApplicationproblemJSON412, http.StatusPreconditionFailed, p.Body)

	// A merge patch's null removes a field; the typed body cannot say null,
	// the raw one can.
	p, err = c.PatchExamWithBodyWithResponse(ctx, first.id, &client.PatchExamParams{IfMatch: &etag},
		"application/merge-patch+json", strings.NewReader(`{"summary": null}`))
	check(err)
	expectStatus("patch a field away", p.HTTPResponse, p.Body, http.StatusOK)
	expect("the summary removed", strict[client.Exam]("patch a field away", p.Body).Summary == nil, p.Body)
	etag = *p.Headers200.ETag
	step("exam patched")

	// Errors: an invalid document is a 422 whose errors point at the field;
	// a duplicate x-unique value is a 409.
	bad, err := c.CreateExamWithResponse(ctx, nil, client.CreateExamJSONRequestBody{Title: "Automation 901", Code: "A901", PassingScore: ptr[int64](180)})
	check(err)
	expectStatus("create an invalid exam", bad.HTTPResponse, bad.Body, http.StatusUnprocessableEntity)
	prob := expectProblem("create an invalid exam", bad.ApplicationproblemJSON422, http.StatusUnprocessableEntity, bad.Body)
	expect("the problem type", prob.Type == "urn:credence:problem:invalid", bad.Body)
	expect("the failing field", prob.Errors != nil && len(*prob.Errors) == 1 && (*prob.Errors)[0].Path == "/passingScore" &&
		(*prob.Errors)[0].Message != "", bad.Body)
	expect("the request id", prob.RequestId != nil && *prob.RequestId != "", bad.Body)

	dup, err := c.CreateExamWithResponse(ctx, nil, client.CreateExamJSONRequestBody{Title: "Automation 102", Code: "A101"})
	check(err)
	expectStatus("create a duplicate code", dup.HTTPResponse, dup.Body, http.StatusConflict)
	expectProblem("create a duplicate code", dup.ApplicationproblemJSON409, http.StatusConflict, dup.Body)
	step("errors decoded as problems")

	// Delete with If-Match; then the exam is gone.
	d, err := c.DeleteExamWithResponse(ctx, first.id, &client.DeleteExamParams{IfMatch: &etag})
	check(err)
	expectStatus("delete an exam", d.HTTPResponse, d.Body, http.StatusNoContent)
	g, err = c.GetExamWithResponse(ctx, first.id, nil)
	check(err)
	expectStatus("get a deleted exam", g.HTTPResponse, g.Body, http.StatusNotFound)
	expectProblem("get a deleted exam", g.ApplicationproblemJSON404, http.StatusNotFound, g.Body)
	step("exam deleted")
}

// strict decodes body into T refusing members T does not declare: every
// member the server sends must be in the spec.
func strict[T any](what string, body []byte) T {
	var v T
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		fail("%s: the body does not decode strictly into %T: %v\n%s", what, v, err, body)
	}
	return v
}

func expectStatus(what string, resp *http.Response, body []byte, want int) {
	if resp.StatusCode != want {
		fail("%s: status %d, want %d\n%s", what, resp.StatusCode, want, body)
	}
}

// expectProblem checks that the generated client decoded an
// application/problem+json answer into Problem.
func expectProblem(what string, p *client.Problem, status int, body []byte) *client.Problem {
	if p == nil {
		fail("%s: no Problem decoded\n%s", what, body)
	}
	if p.Status != status || p.Title != http.StatusText(status) || p.Type == "" || p.Detail == nil || *p.Detail == "" {
		fail("%s: problem %+v, want status %d\n%s", what, *p, status, body)
	}
	return p
}

func expect(what string, ok bool, body []byte) {
	if !ok {
		fail("%s: not as expected\n%s", what, body)
	}
}

func check(err error) {
	if err != nil {
		fail("%v", err)
	}
}

func step(s string) { fmt.Println("ok:", s) }

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "FAIL: "+format+"\n", args...)
	os.Exit(1)
}

func ptr[T any](v T) *T { return &v }

func deref[T any](p *[]T) []T {
	if p == nil {
		return nil
	}
	return *p
}
