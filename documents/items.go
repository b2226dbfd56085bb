package documents

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"time"
)

// ItemQuery selects scored responses (exam attempts) for an item analysis,
// and names the fields it reads.
type ItemQuery struct {
	// Filter selects the responses, as a list's: `exam == "e1"`.
	Filter string
	// Items is the array field of item results, "items" when empty. Each
	// element is {"item": id, "score": points earned, "max": points
	// possible (1 when absent), "choices": [option ids chosen], "key":
	// [the correct option ids], "options": [every option id]}; choices,
	// key and options are optional (no distractor analysis without them).
	Items string
	// Passed is a boolean field saying whether a response passed, "passed"
	// when empty; responses without a boolean there are left out of the
	// pass rate.
	Passed string
	// MinSeen is how many responses an item needs before it is flagged:
	// fewer say too little (20 when 0).
	MinSeen int
	Preview bool
	At      time.Time
}

// ItemAnalysis is the classical test theory of a set of responses.
type ItemAnalysis struct {
	// Responses counts the responses read (those with an item array).
	Responses int         `json:"responses"`
	Items     []ItemStats `json:"items"`
	Test      TestStats   `json:"test"`
}

// ItemStats are the statistics of one item (question).
type ItemStats struct {
	Item string `json:"item"`
	// Seen counts the responses the item was in.
	Seen int `json:"seen"`
	// Max is the most points the item gave in a response.
	Max float64 `json:"max"`
	// Difficulty is the mean share of the item's points earned (the
	// proportion correct for a one-point item): high is easy.
	Difficulty float64 `json:"difficulty"`
	// Discrimination is the corrected point-biserial: the correlation of
	// the item's score with the rest of the response's score (without the
	// item), over the responses that saw it; nil when either does not vary.
	Discrimination *float64 `json:"discrimination"`
	// Options are the options' choice proportions, keys first.
	Options []OptionStats `json:"options,omitempty"`
	// Flags are what a psychometrician would look at.
	Flags []ItemFlag `json:"flags"`
}

// OptionStats are how often one option was chosen.
type OptionStats struct {
	Option string `json:"option"`
	Key    bool   `json:"key"`
	Count  int    `json:"count"`
	// Proportion is Count over the responses that saw the item.
	Proportion float64 `json:"proportion"`
}

// ItemFlag is one reason to review an item.
type ItemFlag struct {
	Code   string `json:"code"`
	Detail string `json:"detail"`
}

// TestStats are the statistics of the responses' total scores.
type TestStats struct {
	Mean   float64 `json:"mean"`
	SD     float64 `json:"sd"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
	Median float64 `json:"median"`
	// MeanPercent is the mean of score over points possible, in percent.
	MeanPercent float64 `json:"meanPercent"`
	// Distribution counts the responses by percent score, in tens: the
	// last bin holds 90 to 100.
	Distribution []ScoreBin `json:"distribution"`
	// ItemsPerResponse is the mean number of items a response saw.
	ItemsPerResponse float64 `json:"itemsPerResponse"`
	// Alpha is Cronbach's alpha (KR-20 when every item scores 0 or its
	// maximum); nil when it is undefined.
	Alpha *float64 `json:"alpha"`
	// KR20 is set when every item is dichotomous, so Alpha is KR-20.
	KR20 bool `json:"kr20"`
	// SEM is the standard error of measurement, SD * sqrt(1 - Alpha).
	SEM *float64 `json:"sem"`
	// PassRate is the share of passes among the responses with a boolean
	// pass field; nil when none has one.
	PassRate *float64 `json:"passRate"`
}

// ScoreBin counts the responses whose percent score is in [From, To), the
// last bin [90, 100].
type ScoreBin struct {
	From  int `json:"from"`
	To    int `json:"to"`
	Count int `json:"count"`
}

// itemResult is an element of a response's item array.
type itemResult struct {
	Item    string   `json:"item"`
	Score   *float64 `json:"score"`
	Max     *float64 `json:"max"`
	Choices []string `json:"choices"`
	Key     []string `json:"key"`
	Options []string `json:"options"`
}

// itemAcc accumulates one item over the responses: sums of the item's
// score x and of the rest r.
type itemAcc struct {
	n                             int
	sx, sxx, sr, srr, sxr, sshare float64
	max                           float64
	dichotomous                   bool
	options                       map[string]int
	keys                          map[string]bool
	order                         []string // options in the order first met
}

// AnalyzeItems computes the item analysis of the responses of coll that
// ctx's caller may list and the filter keeps, in one pass over them.
func (s *Service) AnalyzeItems(ctx context.Context, coll string, q ItemQuery) (*ItemAnalysis, error) {
	if q.Items == "" {
		q.Items = "items"
	}
	if q.Passed == "" {
		q.Passed = "passed"
	}
	if q.MinSeen == 0 {
		q.MinSeen = 20
	}
	fields, err := s.listFields(ctx, coll, q.Preview)
	if err != nil {
		return nil, err
	}
	for param, f := range map[string]string{"items": q.Items, "passed": q.Passed} {
		switch {
		case !fields.has(f):
			return nil, parameterError(param, f, f, "%s has no field %q", coll, f)
		case fields.hidden(f):
			return nil, parameterError(param, f, f, "%s is private", f)
		}
	}
	accs := map[string]*itemAcc{}
	var order []string
	var totals, percents []float64
	var passes, judged, elements int
	var results []itemResult
	members := []string{q.Items, q.Passed}
	each := func(raw []byte) error {
		var itemsRaw, passedRaw []byte
		if err := topFields(raw, members, func(k string, value []byte) error {
			if k == q.Items {
				itemsRaw = value
			} else {
				passedRaw = value
			}
			return nil
		}); err != nil {
			return err
		}
		if len(itemsRaw) == 0 || itemsRaw[0] != '[' {
			return nil // not a scored response (yet)
		}
		results = results[:0]
		if err := json.Unmarshal(itemsRaw, &results); err != nil {
			return &Error{Kind: KindBadRequest, Message: fmt.Sprintf("items: %s holds an element that is not an item result: %v", q.Items, err)}
		}
		total, possible := 0.0, 0.0
		for _, r := range results {
			total += value(r.Score, 0)
			possible += value(r.Max, 1)
		}
		for _, r := range results {
			a := accs[r.Item]
			if a == nil {
				a = &itemAcc{options: map[string]int{}, keys: map[string]bool{}, dichotomous: true}
				accs[r.Item] = a
				order = append(order, r.Item)
			}
			x, m := value(r.Score, 0), value(r.Max, 1)
			rest := total - x
			a.n++
			a.sx += x
			a.sxx += x * x
			a.sr += rest
			a.srr += rest * rest
			a.sxr += x * rest
			if m > 0 {
				a.sshare += x / m
			}
			a.max = max(a.max, m)
			a.dichotomous = a.dichotomous && (x == 0 || x == m)
			for _, o := range r.Options {
				a.option(o, 0)
			}
			for _, k := range r.Key {
				a.option(k, 0)
				a.keys[k] = true
			}
			for _, ch := range r.Choices {
				a.option(ch, 1)
			}
		}
		elements += len(results)
		totals = append(totals, total)
		if possible > 0 {
			percents = append(percents, total*100/possible)
		}
		switch string(passedRaw) {
		case "true":
			passes++
			judged++
		case "false":
			judged++
		}
		return nil
	}
	if _, err := s.List(ctx, coll, ListOptions{Filter: q.Filter, Preview: q.Preview, At: q.At, each: each}); err != nil {
		return nil, err
	}
	out := &ItemAnalysis{Responses: len(totals), Items: []ItemStats{}}
	n := float64(len(totals))
	var weightedVar float64 // sum over items of seen * variance
	allDichotomous := len(order) > 0
	for _, id := range order {
		a := accs[id]
		k := float64(a.n)
		meanX, meanR := a.sx/k, a.sr/k
		varX, varR := a.sxx/k-meanX*meanX, a.srr/k-meanR*meanR
		weightedVar += k * max(varX, 0)
		allDichotomous = allDichotomous && a.dichotomous
		st := ItemStats{Item: id, Seen: a.n, Max: a.max, Difficulty: a.sshare / k, Flags: []ItemFlag{}}
		if varX > 1e-12 && varR > 1e-12 {
			r := (a.sxr/k - meanX*meanR) / math.Sqrt(varX*varR)
			st.Discrimination = &r
		}
		st.Options = a.stats()
		st.Flags = flags(st, q.MinSeen)
		out.Items = append(out.Items, st)
	}
	sort.SliceStable(out.Items, func(i, j int) bool { return out.Items[i].Item < out.Items[j].Item })
	if judged > 0 {
		rate := float64(passes) / float64(judged)
		out.Test.PassRate = &rate
	}
	out.Test.Distribution = make([]ScoreBin, 10)
	for i := range out.Test.Distribution {
		out.Test.Distribution[i] = ScoreBin{From: i * 10, To: i*10 + 10}
	}
	for _, p := range percents {
		out.Test.Distribution[min(int(p/10), 9)].Count++
	}
	if n == 0 {
		return out, nil
	}
	sum, sumSq := 0.0, 0.0
	for _, t := range totals {
		sum += t
		sumSq += t * t
	}
	mean := sum / n
	popVar := sumSq/n - mean*mean
	out.Test.Mean = mean
	if n > 1 {
		out.Test.SD = math.Sqrt(max(popVar, 0) * n / (n - 1))
	}
	out.Test.Min, out.Test.Max = slices.Min(totals), slices.Max(totals)
	out.Test.Median = percentile(totals, 50)
	if len(percents) > 0 {
		s := 0.0
		for _, p := range percents {
			s += p
		}
		out.Test.MeanPercent = s / float64(len(percents))
	}
	k := float64(elements) / n
	out.Test.ItemsPerResponse = k
	out.Test.KR20 = allDichotomous
	if k > 1 && popVar > 1e-12 {
		alpha := k / (k - 1) * (1 - weightedVar/n/popVar)
		out.Test.Alpha = &alpha
		if alpha <= 1 {
			sem := out.Test.SD * math.Sqrt(1-alpha)
			out.Test.SEM = &sem
		}
	}
	return out, nil
}

// value is *p, or def when p is nil.
func value(p *float64, def float64) float64 {
	if p == nil {
		return def
	}
	return *p
}

// option counts n choices of option o, first meeting it if need be.
func (a *itemAcc) option(o string, n int) {
	if _, ok := a.options[o]; !ok {
		a.order = append(a.order, o)
	}
	a.options[o] += n
}

// stats are the options' proportions, keys first, then in the order met.
func (a *itemAcc) stats() []OptionStats {
	if len(a.order) == 0 {
		return nil
	}
	out := make([]OptionStats, 0, len(a.order))
	for _, o := range a.order {
		out = append(out, OptionStats{Option: o, Key: a.keys[o], Count: a.options[o], Proportion: float64(a.options[o]) / float64(a.n)})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Key && !out[j].Key })
	return out
}

// The thresholds of the flags.
const (
	hardBelow           = 0.2
	easyAbove           = 0.9
	discriminationBelow = 0.2
)

// flags are the reasons to review an item seen by at least minSeen
// responses.
func flags(st ItemStats, minSeen int) []ItemFlag {
	out := []ItemFlag{}
	if st.Seen < minSeen {
		return append(out, ItemFlag{"few-responses", fmt.Sprintf("seen %d times: flags need %d", st.Seen, minSeen)})
	}
	if st.Difficulty < hardBelow {
		out = append(out, ItemFlag{"hard", fmt.Sprintf("difficulty %.2f is under %.1f: few earn its points (a wrong key, or unclear wording?)", st.Difficulty, hardBelow)})
	}
	if st.Difficulty > easyAbove {
		out = append(out, ItemFlag{"easy", fmt.Sprintf("difficulty %.2f is over %.1f: nearly everyone earns its points", st.Difficulty, easyAbove)})
	}
	switch {
	case st.Discrimination == nil:
	case *st.Discrimination < 0:
		out = append(out, ItemFlag{"negative-discrimination", fmt.Sprintf("discrimination %.2f: stronger candidates do worse on it (a wrong key?)", *st.Discrimination)})
	case *st.Discrimination < discriminationBelow:
		out = append(out, ItemFlag{"low-discrimination", fmt.Sprintf("discrimination %.2f is under %.1f: it hardly tells stronger candidates from weaker ones", *st.Discrimination, discriminationBelow)})
	}
	keyShare := -1.0
	for _, o := range st.Options {
		if o.Key {
			keyShare = max(keyShare, o.Proportion)
		}
	}
	if keyShare < 0 {
		return out // no key: no distractors to judge
	}
	for _, o := range st.Options {
		switch {
		case o.Key:
		case o.Count == 0:
			out = append(out, ItemFlag{"unused-distractor", fmt.Sprintf("option %s is chosen by nobody: it distracts no one", o.Option)})
		case o.Proportion > keyShare:
			out = append(out, ItemFlag{"distractor-over-key", fmt.Sprintf("option %s is chosen more often (%.2f) than the key (%.2f)", o.Option, o.Proportion, keyShare)})
		}
	}
	return out
}
