// A client typed by the spec alone (openapi-typescript + openapi-fetch): it
// must compile under tsc --strict. It is checked, not run: the Go tests
// drive the same requests against a live server.
import createClient from "openapi-fetch";
import type { components, paths } from "./schema";

type Level = components["schemas"]["Level"];

const client = createClient<paths>({ baseUrl: "http://127.0.0.1:8080" });

export async function tour(): Promise<void> {
  // A create may leave out a field with a default (segment).
  const created = await client.POST("/api/learners", {
    body: { id: "ada", name: "Ada Lovelace", email: "ada@example.org" },
  });
  if (created.error) throw new Error(created.error.detail ?? created.error.title);
  const etag = created.response.headers.get("ETag") ?? "";

  // A merge patch removes a field with null, and changes only what it names.
  const patched = await client.PATCH("/api/learners/{id}", {
    params: { path: { id: "ada" }, header: { "If-Match": etag } },
    body: { headline: null, organization: "Analytical Engines" },
  });
  if (patched.data) console.log(patched.data._rev);

  // A reference is the id, or with expand= the document it names.
  const exam = await client.GET("/api/exams/{id}", {
    params: { path: { id: "conversationiq-associate" }, query: { expand: "level" } },
  });
  if (exam.data) {
    const level: string | Level | undefined = exam.data.level;
    const title = typeof level === "object" ? level.title : level;
    console.log(title);
  }

  // With fields=, a read is partial: what was not asked for may be absent.
  const page = await client.GET("/api/exams", {
    params: { query: { fields: "title", limit: 10 } },
  });
  for (const item of page.data?.items ?? []) {
    const t: string | undefined = item.title;
    console.log(item.id, t);
  }

  // Analytics: an aggregate's rows, and an exam's item analysis.
  const agg = await client.GET("/api/attempts/_aggregate", {
    params: { query: { groupBy: "path,level", metrics: "count,rate:passed", tz: "Europe/Warsaw" } },
  });
  for (const row of agg.data?.rows ?? []) console.log(row.key, row["rate:passed"]);
  const items = await client.GET("/api/attempts/_itemAnalysis", {
    params: { query: { filter: 'exam == "automation-fundamentals"', minSeen: 30 } },
  });
  const alpha: number | null | undefined = items.data?.test.alpha;
  console.log(alpha, items.data?.items.map((i) => i.flags.map((f) => f.code)));
}
