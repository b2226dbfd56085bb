package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
)

// benchCollection is the collection the load test fills and reads.
const benchCollection = "bench"

// benchSchema is its schema: an exam, with a unique code, an indexed
// level and an indexed score.
const benchSchema = `{
  "type": "object",
  "title": "Bench exam",
  "required": ["title", "code"],
  "properties": {
    "title": {"type": "string", "minLength": 3},
    "code": {"type": "string", "x-unique": true},
    "level": {"enum": ["fundamentals", "professional", "master"], "x-index": true},
    "score": {"type": "integer", "minimum": 0, "maximum": 100, "x-index": true},
    "timeLimitMinutes": {"type": "integer", "minimum": 1},
    "tags": {"type": "array", "items": {"type": "string"}}
  }
}`

func benchDocument(i int) string {
	levels := [...]string{"fundamentals", "professional", "master"}
	return fmt.Sprintf(`{"title":"Exam number %d","code":"C-%d","level":%q,"score":%d,"timeLimitMinutes":%d,"tags":["automation","api"]}`,
		i, i, levels[i%3], (i*37)%101, 1+(i*53)%120)
}

// benchScenario is one kind of request the load test drives.
type benchScenario struct {
	name, what string
	request    func(base string, n int64, ids []string) (*http.Request, error)
}

var benchScenarios = []benchScenario{
	{"get", "GET a document by id", func(base string, n int64, ids []string) (*http.Request, error) {
		return http.NewRequest(http.MethodGet, base+"/api/bench/"+ids[n%int64(len(ids))], nil)
	}},
	{"list", "GET a page of 50, id order", func(base string, _ int64, _ []string) (*http.Request, error) {
		return http.NewRequest(http.MethodGet, base+"/api/bench?limit=50", nil)
	}},
	{"sorted", "GET a page of 50 sorted by an indexed field (-score)", func(base string, _ int64, _ []string) (*http.Request, error) {
		return http.NewRequest(http.MethodGet, base+"/api/bench?limit=50&sort=-score", nil)
	}},
	{"filter", `GET a page of 50 filtered on an indexed field (level == "master")`, func(base string, _ int64, _ []string) (*http.Request, error) {
		return http.NewRequest(http.MethodGet, base+"/api/bench?limit=50&filter="+url.QueryEscape(`level == "master"`), nil)
	}},
	{"create", "POST a new document", func(base string, n int64, _ []string) (*http.Request, error) {
		r, err := http.NewRequest(http.MethodPost, base+"/api/bench", strings.NewReader(benchDocument(int(1e9+n))))
		if err == nil {
			r.Header.Set("Content-Type", "application/json")
		}
		return r, err
	}},
}

// benchCmd starts a server on a store of its own, fills a collection and
// drives requests at it over loopback, printing throughput and latency.
func benchCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("bench", stderr)
	sf, err := addStoreFlags(fs)
	if err != nil {
		return err
	}
	*sf.data = "" // a new file of its own unless told
	docs := fs.Int("docs", 10000, "the documents to create before the requests")
	concurrency := fs.Int("concurrency", 32, "the clients sending requests at once")
	duration := fs.Duration("duration", 10*time.Second, "how long each scenario runs")
	only := fs.String("scenarios", "get,list,sorted,filter,create", "the scenarios to run, in order")
	profile := fs.String("cpuprofile", "", "write a CPU profile of the scenarios (not of the seeding) to this file, for go tool pprof")
	urls := fs.String("url", "", "drive running servers instead (comma-separated: the clients take them in turn), with the admin key of --key; they get the collection bench")
	keyFlag := fs.String("key", "", "the admin key to present with --url (default: env CREDENCE_KEY, else CREDENCE_ADMIN_KEY)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *docs < 1 || *concurrency < 1 || *duration <= 0 {
		fs.Usage()
		return flagError{errors.New("bench takes no arguments; --docs, --concurrency and --duration must be positive")}
	}
	var run []benchScenario
	for _, name := range strings.Split(*only, ",") {
		i := slices.IndexFunc(benchScenarios, func(s benchScenario) bool { return s.name == strings.TrimSpace(name) })
		if i < 0 {
			return fmt.Errorf("no scenario %q: the scenarios are get, list, sorted, filter and create", name)
		}
		if slices.ContainsFunc(run, func(s benchScenario) bool { return s.name == benchScenarios[i].name }) {
			return fmt.Errorf("scenario %q is named twice", benchScenarios[i].name)
		}
		run = append(run, benchScenarios[i])
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: *concurrency, MaxConnsPerHost: *concurrency}}
	if *urls != "" {
		key := *keyFlag
		if key == "" {
			key = env("CREDENCE_KEY", os.Getenv("CREDENCE_ADMIN_KEY"))
		}
		bases := strings.Split(*urls, ",")
		for i, b := range bases {
			bases[i] = strings.TrimRight(strings.TrimSpace(b), "/")
		}
		return benchRemote(ctx, client, bases, key, run, *docs, *concurrency, *duration, stdout)
	}
	tuneGC() // the server in this process runs as serve's would
	if *sf.data == "" {
		dir, err := os.MkdirTemp("", "credence-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		*sf.data = filepath.Join(dir, "bench.db")
	}
	st, err := sf.open(ctx, false, nil)
	if err != nil {
		return err
	}
	defer st.Close()
	svc, err := documents.New(ctx, st, documents.Options{})
	if err != nil {
		return err
	}
	if _, ok := svc.Registry().Collection(benchCollection); ok {
		return fmt.Errorf("the store has a collection %s already: give bench a store of its own (--data)", benchCollection)
	}
	secret := make([]byte, 24)
	rand.Read(secret)
	key := hex.EncodeToString(secret)
	admin := documents.WithAuth(ctx, documents.Auth{KeyID: "bench", Role: documents.RoleAdmin})
	if _, _, err := svc.PutKey(admin, documents.KeySpec{ID: "bench-" + key[:8], Name: "credence bench", Role: documents.RoleAdmin, Secret: key}); err != nil {
		return err
	}
	if _, err := svc.Put(admin, documents.SchemasCollection, benchCollection, []byte(benchSchema), documents.WriteOptions{}); err != nil {
		return err
	}

	fmt.Fprintf(stdout, "credence bench: %s, %d documents, %d clients, %s a scenario\n", redact(*sf.data), *docs, *concurrency, *duration)
	start := time.Now()
	ids, err := benchSeed(*docs, func(_, i int) (string, error) {
		doc, err := svc.Create(admin, benchCollection, []byte(benchDocument(i)), documents.WriteOptions{})
		if err != nil {
			return "", err
		}
		return doc.ID, nil
	})
	if err != nil {
		return err
	}
	took := time.Since(start)
	if a, ok := st.(interface{ Analyze(context.Context) error }); ok {
		// The statistics autovacuum would have gathered by now on a
		// database in service: a bulk load leaves them behind.
		if err := a.Analyze(ctx); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "seeded through the document service, 8 writers: %s (%.0f documents/s)\n\n", took.Round(time.Millisecond), float64(*docs)/took.Seconds())

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: engine.New(engine.Config{Logger: slog.New(slog.DiscardHandler)}, svc), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String()

	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if err := benchTable(ctx, client, []string{base}, key, run, ids, *concurrency, *duration, stdout); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "\nCPU/request is this process's (the clients' and the server's, with the database's when it is bbolt) over the requests sent.")
	for _, sc := range run {
		fmt.Fprintf(stdout, "  %-7s %s\n", sc.name, sc.what)
	}
	return nil
}

// benchTable runs the scenarios and prints a row for each.
func benchTable(ctx context.Context, client *http.Client, bases []string, key string, run []benchScenario, ids []string, concurrency int, d time.Duration, stdout io.Writer) error {
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "scenario\trequests/s\tp50\tp99\tmax\terrors\tCPU/request\t")
	for _, sc := range run {
		r, err := benchRun(ctx, client, bases, key, sc, ids, concurrency, d)
		if err != nil {
			tw.Flush() // the rows of the scenarios that ran
			return err
		}
		fmt.Fprintf(tw, "%s\t%.0f\t%s\t%s\t%s\t%d\t%s\t\n", sc.name, r.rate, ms(r.p50), ms(r.p99), ms(r.max), r.errors, us(r.cpu))
	}
	return tw.Flush()
}

// benchRemote drives running servers: the collection is made and filled
// through their API, the creates spread over them.
func benchRemote(ctx context.Context, client *http.Client, bases []string, key string, run []benchScenario, docs, concurrency int, d time.Duration, stdout io.Writer) error {
	send := func(base, method, path, body string) (*http.Response, []byte, error) {
		req, err := http.NewRequestWithContext(ctx, method, base+path, strings.NewReader(body))
		if err != nil {
			return nil, nil, err
		}
		if method == http.MethodPut {
			req.Header.Set("If-None-Match", "*") // a new collection, not another's
		}
		req.Header.Set("Authorization", "Bearer "+key)
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			return nil, nil, err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return resp, b, err
	}
	resp, body, err := send(bases[0], http.MethodPut, "/api/_schemas/"+benchCollection, benchSchema)
	switch {
	case err != nil:
		return err
	case resp.StatusCode != http.StatusCreated:
		return fmt.Errorf("%s: making the collection %s: %s %s (give bench servers whose store has no collection %s)", bases[0], benchCollection, resp.Status, body, benchCollection)
	}
	fmt.Fprintf(stdout, "credence bench: %s, %d documents, %d clients, %s a scenario\n", strings.Join(bases, ", "), docs, concurrency, d)
	start := time.Now()
	ids, err := benchSeed(docs, func(w, i int) (string, error) {
		resp, body, err := send(bases[(w+i)%len(bases)], http.MethodPost, "/api/"+benchCollection, benchDocument(i))
		if err == nil && resp.StatusCode != http.StatusCreated {
			err = fmt.Errorf("seeding: %s %s", resp.Status, body)
		}
		if err != nil {
			return "", err
		}
		var doc struct{ ID string }
		err = json.Unmarshal(body, &doc)
		return doc.ID, err
	})
	if err != nil {
		return err
	}
	took := time.Since(start)
	fmt.Fprintf(stdout, "seeded over HTTP, 8 writers: %s (%.0f documents/s)\n\n", took.Round(time.Millisecond), float64(docs)/took.Seconds())
	if err := benchTable(ctx, client, bases, key, run, ids, concurrency, d, stdout); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "\nCPU/request is this process's: the clients' alone, the servers being others.")
	return nil
}

// benchSeed creates documents 0 to n-1 with create, 8 writers at a time,
// and returns their ids; create is given the writer and the document.
func benchSeed(n int, create func(w, i int) (string, error)) ([]string, error) {
	ids := make([]string, n)
	var next atomic.Int64
	errs := make(chan error, 8)
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				id, err := create(w, i)
				if err != nil {
					errs <- err
					return
				}
				ids[i] = id
			}
		})
	}
	wg.Wait()
	close(errs)
	return ids, <-errs
}

type benchResult struct {
	rate          float64
	p50, p99, max time.Duration
	errors        int
	cpu           time.Duration
}

// benchRun sends sc's requests from concurrency clients for d.
func benchRun(ctx context.Context, client *http.Client, bases []string, key string, sc benchScenario, ids []string, concurrency int, d time.Duration) (benchResult, error) {
	var n atomic.Int64
	lat := make([][]time.Duration, concurrency)
	failures := make([]int, concurrency)
	var firstErr error
	var once sync.Once
	cpu0 := cpuTime()
	start := time.Now()
	deadline := start.Add(d)
	var wg sync.WaitGroup
	for c := range concurrency {
		wg.Go(func() {
			for time.Now().Before(deadline) && ctx.Err() == nil {
				req, err := sc.request(bases[c%len(bases)], n.Add(1), ids)
				if err != nil {
					once.Do(func() { firstErr = err })
					return
				}
				req.Header.Set("Authorization", "Bearer "+key)
				t := time.Now()
				resp, err := client.Do(req.WithContext(ctx))
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode >= 300 {
						err = fmt.Errorf("%s: %s", sc.name, resp.Status)
					}
				}
				lat[c] = append(lat[c], time.Since(t))
				if err != nil {
					failures[c]++
					once.Do(func() { firstErr = err })
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	cpu := cpuTime() - cpu0
	var all []time.Duration
	errs := 0
	for c := range concurrency {
		all = append(all, lat[c]...)
		errs += failures[c]
	}
	if len(all) == 0 {
		return benchResult{}, fmt.Errorf("%s: no request answered: %v", sc.name, firstErr)
	}
	if errs > len(all)/100 {
		return benchResult{}, fmt.Errorf("%s: %d of %d requests failed, first: %v", sc.name, errs, len(all), firstErr)
	}
	slices.Sort(all)
	at := func(q float64) time.Duration { return all[min(len(all)-1, int(q*float64(len(all))))] }
	return benchResult{rate: float64(len(all)) / elapsed.Seconds(), p50: at(0.50), p99: at(0.99), max: all[len(all)-1],
		errors: errs, cpu: cpu / time.Duration(len(all))}, nil
}

// cpuTime is the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond)) }
func us(d time.Duration) string { return fmt.Sprintf("%.0f µs", float64(d)/float64(time.Microsecond)) }
