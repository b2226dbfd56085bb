package documents

import (
	"context"
	"strings"

	"github.com/credence/credence/schemas"
	"github.com/credence/credence/store"
)

// Expansion bounds.
const (
	// DefaultExpandDepth is how deep expand paths may go unless a request
	// raises it; MaxExpandDepth is the most it may ask.
	DefaultExpandDepth = 3
	MaxExpandDepth     = 10
	// MaxExpanded bounds the documents one request resolves.
	MaxExpanded = 5000
)

// expandNode is one reference to resolve, and what to resolve inside the
// documents it leads to.
type expandNode struct {
	link     schemas.Link
	children []*expandNode
}

// parseExpand turns expand paths into a tree of references, checked
// against the collections' links: "*" names every reference of a level.
func parseExpand(reg *schemas.Registry, coll string, paths []string, depth int) ([]*expandNode, error) {
	if depth == 0 {
		depth = DefaultExpandDepth
	}
	if depth < 1 || depth > MaxExpandDepth {
		return nil, errorf(KindBadRequest, "expand: the depth must be between 1 and %d", MaxExpandDepth)
	}
	var roots []*expandNode
	for _, p := range paths {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		segs := strings.Split(p, ".")
		if len(segs) > depth {
			return nil, errorf(KindBadRequest, "expand: %q goes %d references deep, more than the bound of %d (expandDepth raises it, up to %d)", p, len(segs), depth, MaxExpandDepth)
		}
		if err := addPath(reg, coll, &roots, segs, p); err != nil {
			return nil, err
		}
	}
	return roots, nil
}

func addPath(reg *schemas.Registry, coll string, level *[]*expandNode, segs []string, full string) error {
	c, ok := reg.Collection(coll)
	if !ok {
		return errorf(KindBadRequest, "expand: %q: no collection %q", full, coll)
	}
	var links []schemas.Link
	if segs[0] == "*" {
		links = c.Links
	} else {
		for _, l := range c.Links {
			if l.Field == segs[0] {
				links = append(links, l)
			}
		}
		if len(links) == 0 {
			return errorf(KindBadRequest, "expand: %q: %s has no reference named %q", full, coll, segs[0])
		}
	}
	for _, l := range links {
		var n *expandNode
		for _, e := range *level {
			if e.link.Field == l.Field {
				n = e
			}
		}
		if n == nil {
			n = &expandNode{link: l}
			*level = append(*level, n)
		}
		if len(segs) > 1 {
			if err := addPath(reg, l.Target, &n.children, segs[1:], full); err != nil {
				return err
			}
		}
	}
	return nil
}

// expander resolves references for one request: level by level, with one
// store read per collection and level, each document seen through the
// caller's view of its collection.
type expander struct {
	s       *Service
	ctx     context.Context
	rs      *registryState
	r       store.Reader
	ev      *evaluation
	preview bool
	roots   []*expandNode
	views   map[string]*view
	loaded  map[string]map[string]any // coll/id: the document as the caller sees it; nil when hidden
	count   int
}

func (s *Service) newExpander(ctx context.Context, rs *registryState, r store.Reader, coll string, opts ReadOptions) (*expander, error) {
	roots, err := parseExpand(rs.reg, coll, opts.Expand, opts.ExpandDepth)
	if err != nil {
		return nil, err
	}
	return &expander{s: s, ctx: ctx, rs: rs, r: r, ev: s.evaluation(ctx, r, rs), preview: opts.Preview,
		roots: roots, views: map[string]*view{}, loaded: map[string]map[string]any{}}, nil
}

// occurrence is a document inside the answer whose references are to be
// resolved, with the documents on its path (to end cycles).
type occurrence struct {
	obj   map[string]any
	nodes []*expandNode
	path  []string
}

// expand resolves the references of the documents, given as the caller
// sees them, and returns them encoded.
func (x *expander) expand(coll string, docs [][]byte) ([][]byte, error) {
	if len(x.roots) == 0 {
		return docs, nil
	}
	objs := make([]stored, len(docs))
	var level []occurrence
	for i, raw := range docs {
		d, err := decodeStored(raw)
		if err != nil {
			return nil, err
		}
		objs[i] = d
		level = append(level, occurrence{obj: d, nodes: x.roots, path: []string{coll + "/" + d.str(fieldID)}})
	}
	for len(level) > 0 {
		// Every id this level needs, by collection: one read each.
		want := map[string][]string{}
		for _, o := range level {
			for _, n := range o.nodes {
				for _, id := range linkTargets(n.link, o.obj) {
					key := n.link.Target + "/" + id
					if _, done := x.loaded[key]; !done {
						want[n.link.Target] = append(want[n.link.Target], id)
					}
				}
			}
		}
		for target, ids := range want {
			if err := x.load(target, ids); err != nil {
				return nil, err
			}
		}
		var next []occurrence
		for _, o := range level {
			for _, n := range o.nodes {
				v, ok := o.obj[n.link.Field]
				if !ok {
					continue
				}
				resolve := func(id string) any {
					key := n.link.Target + "/" + id
					doc := x.loaded[key]
					if doc == nil || onPath(o.path, key) {
						return id
					}
					if len(n.children) == 0 {
						return doc
					}
					cp := cloneDoc(doc)
					next = append(next, occurrence{obj: cp, nodes: n.children, path: append(o.path[:len(o.path):len(o.path)], key)})
					return cp
				}
				switch v := v.(type) {
				case string:
					o.obj[n.link.Field] = resolve(v)
				case []any:
					out := make([]any, len(v))
					for i, e := range v {
						if id, ok := e.(string); ok {
							out[i] = resolve(id)
						} else {
							out[i] = e
						}
					}
					o.obj[n.link.Field] = out
				}
			}
		}
		level = next
	}
	out := make([][]byte, len(objs))
	for i, d := range objs {
		b, err := recompose(d)
		if err != nil {
			return nil, err
		}
		out[i] = b
	}
	return out, nil
}

// document expands the references of one document.
func (x *expander) document(coll string, raw []byte) ([]byte, error) {
	out, err := x.expand(coll, [][]byte{raw})
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// load reads the documents ids of coll in one read, and keeps those the
// caller may see, as it may see them.
func (x *expander) load(coll string, ids []string) error {
	x.count += len(ids)
	if x.count > MaxExpanded {
		return errorf(KindBadRequest, "expand: the answer would hold more than %d documents; expand fewer references", MaxExpanded)
	}
	v, ok := x.views[coll]
	if !ok {
		var err error
		v, err = x.s.view(x.ctx, x.rs, coll, "read", x.preview)
		if KindOf(err) == KindForbidden {
			v, err = nil, nil // references the caller may not read stay ids
		}
		if err != nil {
			return err
		}
		x.views[coll] = v
	}
	keys := make([][]byte, len(ids))
	for i, id := range ids {
		keys[i] = []byte(id)
		x.loaded[coll+"/"+id] = nil
	}
	if v == nil {
		return nil
	}
	raws, err := store.GetMany(x.r, docsBucket(coll), keys)
	if err != nil {
		return err
	}
	for i, raw := range raws {
		if raw == nil {
			continue
		}
		if v.filters() {
			d, err := decodeStored(raw)
			if err != nil {
				return err
			}
			if ok, err := v.admit(x.ev, d); err != nil || !ok {
				if err != nil {
					return err
				}
				continue
			}
		}
		shown, _, err := v.present(x.ev, raw)
		if err != nil {
			return err
		}
		d, err := decodeStored(shown)
		if err != nil {
			return err
		}
		x.loaded[coll+"/"+ids[i]] = d
	}
	return nil
}

func onPath(path []string, key string) bool {
	for _, p := range path {
		if p == key {
			return true
		}
	}
	return false
}

// cloneDoc copies a decoded document deep enough that resolving its
// references does not change the copy others share.
func cloneDoc(d map[string]any) map[string]any {
	out := make(map[string]any, len(d))
	for k, v := range d {
		if l, ok := v.([]any); ok {
			v = append([]any(nil), l...)
		}
		out[k] = v
	}
	return out
}
