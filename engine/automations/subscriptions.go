package automations

import (
	"fmt"
	"strings"

	"github.com/credence/credence/documents"
)

// subscription is one entry of a webhook's events: the calls it gets
// without an automation.
type subscription struct {
	webhook    string
	collection string // "*" for every collection
	op         string // "*" for every operation
}

func (s subscription) matches(collection, op string) bool {
	if s.collection == "*" && strings.HasPrefix(collection, "_") {
		// "*" is the program's data; system collections are named.
		return false
	}
	return (s.collection == "*" || s.collection == collection) && (s.op == "*" || s.op == op)
}

// parseSubscription reads "certifications.created", "certifications.*" or "*".
func parseSubscription(s string) (collection, op string, err error) {
	if s == "*" {
		return "*", "*", nil
	}
	coll, op, ok := strings.Cut(s, ".")
	if !ok || coll == "" {
		return "", "", fmt.Errorf("must be collection.event (created, updated, deleted), collection.* or *")
	}
	switch op {
	case documents.OpCreated, documents.OpUpdated, documents.OpDeleted, "*":
		return coll, op, nil
	}
	return "", "", fmt.Errorf("the event must be created, updated, deleted or *, not %q", op)
}

// subscriptionsOf reads the events of a _webhooks document.
func subscriptionsOf(hook map[string]any) []subscription {
	id, _ := hook["id"].(string)
	if enabled, ok := hook["enabled"].(bool); ok && !enabled {
		return nil
	}
	list, _ := hook["events"].([]any)
	var out []subscription
	for _, e := range list {
		s, _ := e.(string)
		coll, op, err := parseSubscription(s)
		if err == nil {
			out = append(out, subscription{webhook: id, collection: coll, op: op})
		}
	}
	return out
}
