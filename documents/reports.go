package documents

import "encoding/json"

// ReportsCollection holds saved analytics queries: a program's dashboards.
const ReportsCollection = "_reports"

// reportsCollection is the system collection of saved queries, each an
// aggregate or an item analysis of a collection, which editors and admins
// keep and any client runs through _aggregate or _itemAnalysis with the
// caller's own access.
func reportsCollection() SystemCollection {
	return SystemCollection{Name: ReportsCollection, Schema: json.RawMessage(`{
  "type": "object",
  "title": "Reports",
  "description": "Saved analytics queries: an aggregate (GET /api/{collection}/_aggregate with these parameters) or an item analysis (GET /api/{collection}/_itemAnalysis). Run with the reader's own access.",
  "x-access": {
    "list": "auth.role in [\"admin\", \"editor\"]",
    "read": "auth.role in [\"admin\", \"editor\"]",
    "create": "auth.role == \"editor\"",
    "update": "auth.role == \"editor\"",
    "delete": "auth.role == \"editor\""
  },
  "required": ["title", "collection"],
  "additionalProperties": false,
  "properties": {
    "title": {"type": "string", "minLength": 1, "maxLength": 200},
    "description": {"type": "string", "maxLength": 2000},
    "section": {"type": "string", "maxLength": 100, "description": "the dashboard section it is shown in"},
    "order": {"type": "integer", "description": "its place in the section, smallest first"},
    "kind": {"type": "string", "enum": ["aggregate", "items"], "default": "aggregate"},
    "collection": {"type": "string", "minLength": 1},
    "groupBy": {"type": "array", "items": {"type": "string"}, "maxItems": 5},
    "bucket": {"type": "string", "description": "field:hour|day|week|month|year"},
    "tz": {"type": "string"},
    "metrics": {"type": "array", "items": {"type": "string"}, "maxItems": 12},
    "filter": {"type": "string", "maxLength": 4000},
    "items": {"type": "string", "description": "item analysis: the array field of item results"},
    "passed": {"type": "string", "description": "item analysis: the boolean field of a pass"},
    "minSeen": {"type": "integer", "minimum": 1},
    "chart": {"type": "string", "enum": ["line", "bar", "table"], "default": "bar"}
  }
}`)}
}
