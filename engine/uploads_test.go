package engine_test

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine"
	"github.com/credence/credence/engine/files"
	"github.com/credence/credence/store"
	"github.com/credence/credence/store/bolt"
	"github.com/credence/credence/store/postgres/pgtest"
)

// evidenceSchema: a learner's CE activity with an evidence file and a
// picture, read by its owner and staff.
const evidenceSchema = `{
  "type": "object",
  "x-access": {
    "read": "auth.role in [\"admin\", \"editor\"] || doc.learner == auth.subject",
    "create": "auth.role == \"learner\"",
    "update": "auth.role == \"learner\" && doc.learner == auth.subject"
  },
  "properties": {
    "learner": {"type": "string", "x-default": "auth.subject"},
    "title": {"type": "string"},
    "evidence": {"x-file": {"types": ["application/pdf", "image/*", "text/plain"], "maxSize": 300000}},
    "picture": {"x-file": {"types": ["image/png"], "maxPixels": 10000}}
  }
}`

type fileServer struct {
	*testServer
	st    store.Store
	files *files.Store
	now   *time.Time
}

// fileEngines are the stores the file tests run on: bbolt, and PostgreSQL
// where one answers (pgtest skips otherwise).
var fileEngines = map[string]func(t *testing.T) store.Store{
	"bbolt": func(t *testing.T) store.Store {
		st, err := bolt.Open(filepath.Join(t.TempDir(), "credence.db"), bolt.Options{})
		require.NoError(t, err)
		t.Cleanup(func() { st.Close() })
		return st
	},
	"postgres": func(t *testing.T) store.Store { return pgtest.Open(t) },
}

func newFileServer(t *testing.T) (*fileServer, keyCaller, keyCaller, keyCaller) {
	t.Helper()
	return newFileServerOn(t, fileEngines["bbolt"](t))
}

func newFileServerOn(t *testing.T, st store.Store) (*fileServer, keyCaller, keyCaller, keyCaller) {
	t.Helper()
	svc, err := documents.New(t.Context(), st, documents.Options{})
	require.NoError(t, err)
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	fs := &files.Store{St: st, Now: func() time.Time { return now }}
	srv := &testServer{handler: engine.New(engine.Config{AnonymousRole: documents.RolePublic, Files: fs, Now: func() time.Time { return now }}, svc), svc: svc}
	s := &fileServer{testServer: srv, st: st, files: fs, now: &now}
	admin, _ := withKey(t, srv, "admin", "")
	require.Equal(t, http.StatusCreated, admin.put("/api/_schemas/activities", evidenceSchema).Code)
	ada, _ := withKey(t, srv, "learner", "ada")
	bob, _ := withKey(t, srv, "learner", "bob")
	require.Equal(t, http.StatusCreated, ada.put("/api/activities/a1", `{"title": "Course"}`).Code)
	return s, admin, ada, bob
}

// upload posts data as the part "file" named name.
func upload(t *testing.T, c keyCaller, path, name string, data []byte, headers ...string) *response {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", name)
	require.NoError(t, err)
	_, err = fw.Write(data)
	require.NoError(t, err)
	require.NoError(t, mw.Close())
	return c.srv.send(http.MethodPost, path, body.String(), append(c.with(headers), "Content-Type", mw.FormDataContentType())...)
}

func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		img.Set(x, 0, color.RGBA{R: 200, A: 255})
	}
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, img))
	return buf.Bytes()
}

var pdf = []byte("%PDF-1.4\n% a CE certificate\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")

func TestUploadAndDownload(t *testing.T) {
	for name, open := range fileEngines {
		t.Run(name, func(t *testing.T) { testUploadAndDownload(t, open(t)) })
	}
}

func testUploadAndDownload(t *testing.T, st store.Store) {
	s, admin, ada, bob := newFileServerOn(t, st)
	resp := upload(t, ada, "/api/activities/a1/files/evidence", `..\..\cert "final".pdf`, pdf)
	require.Equal(t, http.StatusOK, resp.Code, "%s", resp)
	doc := resp.object(t)
	ev := doc["evidence"].(map[string]any)
	assert.Equal(t, "application/pdf", ev["type"])
	assert.EqualValues(t, len(pdf), ev["size"])
	assert.Equal(t, "cert final.pdf", ev["name"], "a base name, no quotes")
	assert.Len(t, ev["sha256"], 64)
	assert.EqualValues(t, 2, doc["_rev"])

	// Ada reads it back, with its ETag and ranges; staff too.
	get := ada.get("/api/activities/a1/files/evidence")
	require.Equal(t, http.StatusOK, get.Code)
	assert.Equal(t, pdf, get.Body)
	assert.Equal(t, "application/pdf", get.Header.Get("Content-Type"))
	assert.Equal(t, "nosniff", get.Header.Get("X-Content-Type-Options"))
	assert.Equal(t, `"`+ev["sha256"].(string)+`"`, get.Header.Get("ETag"))
	assert.Contains(t, get.Header.Get("Content-Disposition"), `inline; filename="cert final.pdf"`)
	part := ada.get("/api/activities/a1/files/evidence", "Range", "bytes=0-7")
	assert.Equal(t, http.StatusPartialContent, part.Code)
	assert.Equal(t, "%PDF-1.4", string(part.Body))
	notModified := ada.get("/api/activities/a1/files/evidence", "If-None-Match", get.Header.Get("ETag"))
	assert.Equal(t, http.StatusNotModified, notModified.Code)
	assert.Equal(t, http.StatusOK, admin.get("/api/activities/a1/files/evidence").Code)

	// Bob sees neither her activity nor its file, and cannot upload to it.
	assertProblem(t, bob.get("/api/activities/a1/files/evidence"), http.StatusNotFound)
	assertProblem(t, upload(t, bob, "/api/activities/a1/files/evidence", "x.pdf", pdf), http.StatusNotFound)
	assertProblem(t, s.get("/api/activities/a1/files/evidence"), http.StatusNotFound)

	// A file that lies about its type is judged by its bytes.
	lie := upload(t, ada, "/api/activities/a1/files/picture", "photo.png", pdf)
	p := assertProblem(t, lie, http.StatusUnprocessableEntity)
	assert.Contains(t, mustJSON(t, p), "application/pdf by its bytes")
	// An image too large in pixels is refused from its header alone.
	bomb := upload(t, ada, "/api/activities/a1/files/picture", "big.png", pngOf(t, 200, 100))
	p = assertProblem(t, bomb, http.StatusUnprocessableEntity)
	assert.Contains(t, mustJSON(t, p), "200×100 pixels")
	small := upload(t, ada, "/api/activities/a1/files/picture", "small.png", pngOf(t, 40, 20))
	require.Equal(t, http.StatusOK, small.Code, "%s", small)
	pic := small.object(t)["picture"].(map[string]any)
	assert.EqualValues(t, 40, pic["width"])
	assert.EqualValues(t, 20, pic["height"])

	// Over the field's size: 413, and the document keeps its file.
	big := upload(t, ada, "/api/activities/a1/files/evidence", "big.txt", bytes.Repeat([]byte("a"), 400000))
	assertProblem(t, big, http.StatusRequestEntityTooLarge)
	assert.Equal(t, ev["sha256"], ada.get("/api/activities/a1").object(t)["evidence"].(map[string]any)["sha256"])

	// Unknown fields and collections are 404s; a made-up reference is refused.
	assertProblem(t, upload(t, ada, "/api/activities/a1/files/title", "x.txt", []byte("x")), http.StatusNotFound)
	forged := admin.patch("/api/activities/a1", `{"evidence": {"sha256": "`+fmt.Sprintf("%064d", 0)+`"}}`)
	assertProblem(t, forged, http.StatusUnprocessableEntity)
	assertProblem(t, admin.put("/api/activities/a1", `{"learner": "ada", "evidence": {"name": "x"}}`), http.StatusUnprocessableEntity)
}

// TestFilesAreCollected: a file no document names is swept after its
// grace, a replaced or deleted document's file too; a file a document
// names never is, even when a sweep races the write that names it.
func TestFilesAreCollected(t *testing.T) {
	for name, open := range fileEngines {
		t.Run(name, func(t *testing.T) { testFilesAreCollected(t, open(t)) })
	}
}

func testFilesAreCollected(t *testing.T, st store.Store) {
	s, admin, ada, _ := newFileServerOn(t, st)
	first := upload(t, ada, "/api/activities/a1/files/evidence", "one.txt", []byte("first evidence")).object(t)["evidence"].(map[string]any)
	second := upload(t, ada, "/api/activities/a1/files/evidence", "two.txt", []byte("second evidence")).object(t)["evidence"].(map[string]any)
	stored := func(sha any) bool {
		_, err := s.files.Stat(t.Context(), sha.(string))
		return err == nil
	}
	*s.now = s.now.Add(2 * time.Hour)
	swept, err := s.files.Sweep(t.Context(), time.Hour)
	require.NoError(t, err)
	assert.Equal(t, 1, swept.Files, "the replaced file")
	assert.False(t, stored(first["sha256"]))
	assert.True(t, stored(second["sha256"]), "the file the document names stays")

	require.Equal(t, http.StatusNoContent, admin.delete("/api/activities/a1").Code)
	swept, err = s.files.Sweep(t.Context(), time.Hour)
	require.NoError(t, err)
	assert.Equal(t, 1, swept.Files, "the grace counts from the upload, long past")
	assert.False(t, stored(second["sha256"]), "a deleted document's file goes")

	// The race: uploads attached while sweeps with no grace run; every
	// document that names a file finds it stored.
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
				_, _ = s.files.Sweep(t.Context(), -time.Hour) // every file not yet named is a candidate
			}
		}
	}()
	for i := range 30 {
		id := fmt.Sprintf("r%d", i)
		require.Equal(t, http.StatusCreated, ada.put("/api/activities/"+id, `{"title": "race"}`).Code)
		resp := upload(t, ada, "/api/activities/"+id+"/files/evidence", "e.txt", []byte(fmt.Sprintf("evidence %d", i)))
		require.Contains(t, []int{http.StatusOK, http.StatusUnprocessableEntity}, resp.Code, "%s", resp)
	}
	close(stop)
	wg.Wait()
	named := 0
	for i := range 30 {
		doc := ada.get(fmt.Sprintf("/api/activities/r%d", i)).object(t)
		if ev, ok := doc["evidence"].(map[string]any); ok {
			named++
			assert.True(t, stored(ev["sha256"]), "r%d names a file that is stored", i)
			assert.Equal(t, http.StatusOK, ada.get(fmt.Sprintf("/api/activities/r%d/files/evidence", i)).Code)
		}
	}
	t.Logf("%d of 30 uploads attached while sweeps ran (the others were collected first and refused: upload again)", named)
	// With no sweep running, an upload attaches at once.
	require.Equal(t, http.StatusCreated, ada.put("/api/activities/calm", `{"title": "calm"}`).Code)
	calm := upload(t, ada, "/api/activities/calm/files/evidence", "e.txt", []byte("calm evidence"))
	require.Equal(t, http.StatusOK, calm.Code, "%s", calm)
	assert.True(t, stored(calm.object(t)["evidence"].(map[string]any)["sha256"]))
}

// TestUploadOfKilledProcess: the chunks of an upload that never finished
// (the process killed mid-way) are swept after the grace.
func TestUploadOfKilledProcess(t *testing.T) {
	s, _, _, _ := newFileServer(t)
	started, _ := s.now.Add(-2 * time.Hour).MarshalText()
	require.NoError(t, s.st.Update(t.Context(), func(tx store.Tx) error {
		if err := tx.Put("_files_uploads", []byte("deadbeef"), started); err != nil {
			return err
		}
		return tx.Put("_files_chunks", []byte("deadbeef/\x00\x00\x00\x00"), []byte("half a file"))
	}))
	swept, err := s.files.Sweep(t.Context(), time.Hour)
	require.NoError(t, err)
	assert.Equal(t, 1, swept.Uploads)
	n := 0
	require.NoError(t, s.st.View(t.Context(), func(r store.Reader) error {
		return r.Scan("_files_chunks", store.Range{}, func(_, _ []byte) bool { n++; return true })
	}))
	assert.Zero(t, n)
}

// TestExportCarriesFiles: an export holds the files, before the documents
// that name them; an import into another store serves them again.
func TestExportCarriesFiles(t *testing.T) {
	s, _, ada, _ := newFileServer(t)
	picture := pngOf(t, 30, 30)
	big := bytes.Repeat([]byte("evidence line\n"), 20000) // more than a chunk
	require.Equal(t, http.StatusOK, upload(t, ada, "/api/activities/a1/files/picture", "p.png", picture).Code)
	require.Equal(t, http.StatusOK, upload(t, ada, "/api/activities/a1/files/evidence", "e.txt", big).Code)
	var export bytes.Buffer
	require.NoError(t, s.svc.WriteNDJSON(t.Context(), &export))

	other, admin2, _, _ := newFileServer(t)
	stats, err := other.svc.ReadNDJSON(t.Context(), &export)
	require.NoError(t, err)
	assert.Equal(t, 2, stats.Files)
	for field, want := range map[string][]byte{"picture": picture, "evidence": big} {
		got := admin2.get("/api/activities/a1/files/" + field)
		require.Equal(t, http.StatusOK, got.Code, field)
		assert.True(t, bytes.Equal(want, got.Body), "%s comes back whole", field)
	}
	// The references came back too: the files are not swept.
	*other.now = other.now.Add(48 * time.Hour)
	swept, err := other.files.Sweep(t.Context(), time.Hour)
	require.NoError(t, err)
	assert.Zero(t, swept.Files)
}

// pngHeader is the start of a PNG that claims to be w×h: what an image
// reader sees first, and all a decompression bomb needs to show.
func pngHeader(w, h uint32) []byte {
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 6 // 8 bits, RGBA
	chunk := append([]byte("IHDR"), ihdr...)
	out := []byte("\x89PNG\r\n\x1a\n")
	out = binary.BigEndian.AppendUint32(out, 13)
	out = append(out, chunk...)
	out = binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(chunk))
	// A little compressed nothing, as if the pixels followed.
	return append(out, bytes.Repeat([]byte{0}, 64)...)
}

func TestThumbnails(t *testing.T) {
	_, _, ada, bob := newFileServer(t)
	require.Equal(t, http.StatusOK, upload(t, ada, "/api/activities/a1/files/evidence", "chart.png", pngOf(t, 300, 200)).Code)
	thumb := ada.get("/api/activities/a1/files/evidence?thumb=100x100")
	require.Equal(t, http.StatusOK, thumb.Code, "%s", thumb)
	assert.Equal(t, "image/png", thumb.Header.Get("Content-Type"))
	cfg, err := png.DecodeConfig(bytes.NewReader(thumb.Body))
	require.NoError(t, err)
	assert.Equal(t, [2]int{100, 66}, [2]int{cfg.Width, cfg.Height}, "it fits, its proportions kept")
	again := ada.get("/api/activities/a1/files/evidence?thumb=100x100", "If-None-Match", thumb.Header.Get("ETag"))
	assert.Equal(t, http.StatusNotModified, again.Code)
	assertProblem(t, bob.get("/api/activities/a1/files/evidence?thumb=100x100"), http.StatusNotFound)
	for _, bad := range []string{"0x5", "100", "5000x10", "axb"} {
		assertProblem(t, ada.get("/api/activities/a1/files/evidence?thumb="+bad), http.StatusBadRequest)
	}
	// A PDF has no thumbnail.
	require.Equal(t, http.StatusOK, upload(t, ada, "/api/activities/a1/files/evidence", "c.pdf", pdf).Code)
	assertProblem(t, ada.get("/api/activities/a1/files/evidence?thumb=100x100"), http.StatusBadRequest)

	// A decompression bomb: a few bytes claiming 50,000 × 50,000 pixels,
	// refused from its header at the upload; nothing is decoded.
	bomb := upload(t, ada, "/api/activities/a1/files/evidence", "bomb.png", pngHeader(50000, 50000))
	p := assertProblem(t, bomb, http.StatusUnprocessableEntity)
	assert.Contains(t, mustJSON(t, p), "50000×50000 pixels")
}

// BenchmarkThumbnail makes the thumbnail of a 12-megapixel JPEG (4000 ×
// 3000), the cache off so that each run decodes and scales.
func BenchmarkThumbnail(b *testing.B) {
	st, err := bolt.Open(filepath.Join(b.TempDir(), "credence.db"), bolt.Options{})
	require.NoError(b, err)
	b.Cleanup(func() { st.Close() })
	svc, err := documents.New(b.Context(), st, documents.Options{})
	require.NoError(b, err)
	fs := &files.Store{St: st}
	img := image.NewRGBA(image.Rect(0, 0, 4000, 3000))
	for y := range 3000 {
		for x := 0; x < 4000; x += 7 {
			img.Set(x, y, color.RGBA{R: uint8(x), G: uint8(y), B: 90, A: 255})
		}
	}
	var buf bytes.Buffer
	require.NoError(b, jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}))
	info, err := fs.Put(b.Context(), bytes.NewReader(buf.Bytes()), 1<<30)
	require.NoError(b, err)
	srv := &testServer{handler: engine.New(engine.Config{AnonymousRole: documents.RoleAdmin, Files: fs}, svc), svc: svc, store: st}
	createCollection(b, srv, "photos", `{"type": "object", "properties": {"image": {"x-file": {"types": ["image/*"]}}}}`)
	resp := srv.put("/api/photos/p1", `{"image": {"sha256": "`+info.SHA256+`", "name": "p.jpg"}}`)
	require.Equal(b, http.StatusCreated, resp.Code, "%s", resp)
	size := 100
	for b.Loop() {
		size++ // another size each run: no cache
		resp := srv.get(fmt.Sprintf("/api/photos/p1/files/image?thumb=%dx%d", size, size))
		if resp.Code != http.StatusOK {
			b.Fatalf("%s", resp)
		}
	}
	b.ReportMetric(float64(buf.Len())/1e6, "MB-jpeg")
}

// TestSignedFileAddresses: a reader of the document gets an address that
// works without a key until it expires; a changed one does not.
func TestSignedFileAddresses(t *testing.T) {
	s, _, ada, bob := newFileServer(t)
	require.Equal(t, http.StatusOK, upload(t, ada, "/api/activities/a1/files/evidence", "chart.png", pngOf(t, 80, 40)).Code)
	signed := ada.get("/api/activities/a1/files/evidence/url?ttl=10m")
	require.Equal(t, http.StatusOK, signed.Code, "%s", signed)
	addr := signed.object(t)["url"].(string)
	got := s.get(addr) // no key
	require.Equal(t, http.StatusOK, got.Code, "%s", got)
	assert.Equal(t, "image/png", got.Header.Get("Content-Type"))
	assert.Equal(t, http.StatusOK, s.get(addr+"&thumb=20x20").Code, "thumbnails too")
	changed := "0"
	if strings.HasSuffix(addr, "0") {
		changed = "1" // a change, whatever the signature ends with
	}
	assertProblem(t, s.get(addr[:len(addr)-1]+changed), http.StatusForbidden)
	assertProblem(t, bob.get("/api/activities/a1/files/evidence/url"), http.StatusNotFound)
	assertProblem(t, ada.get("/api/activities/a1/files/evidence/url?ttl=5h"), http.StatusBadRequest)
	// Another file under the same signature is refused.
	other := "/files/" + fmt.Sprintf("%064d", 1) + addr[len("/files/")+64:]
	assertProblem(t, s.get(other), http.StatusForbidden)
	// Ten minutes later, it has expired.
	*s.now = s.now.Add(11 * time.Minute)
	p := assertProblem(t, s.get(addr), http.StatusForbidden)
	assert.Contains(t, p["detail"], "expired")
}

// BenchmarkFileHTTP uploads and downloads files of 1 MB and 20 MB through
// the router on bbolt (the body built once; the upload streams it into the
// store, the download reads a chunk at a time).
func BenchmarkFileHTTP(b *testing.B) {
	st, err := bolt.Open(filepath.Join(b.TempDir(), "credence.db"), bolt.Options{})
	require.NoError(b, err)
	b.Cleanup(func() { st.Close() })
	svc, err := documents.New(b.Context(), st, documents.Options{})
	require.NoError(b, err)
	srv := &testServer{handler: engine.New(engine.Config{AnonymousRole: documents.RoleAdmin, Files: &files.Store{St: st}}, svc), svc: svc, store: st}
	createCollection(b, srv, "docs", `{"type": "object", "properties": {"file": {"x-file": true}}}`)
	require.Equal(b, http.StatusCreated, srv.put("/api/docs/d1", `{}`).Code)
	for _, mb := range []int{1, 20} {
		data := bytes.Repeat([]byte("0123456789abcdef"), mb<<16)
		b.Run(fmt.Sprintf("upload/%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			defer peakHeap(b)()
			i := 0
			for b.Loop() {
				i++
				data[0] = byte(i) // new bytes each time: no deduplication
				// The body streams, as from a client: nothing of it is
				// buffered on this side.
				pr, pw := io.Pipe()
				mw := multipart.NewWriter(pw)
				go func() {
					fw, _ := mw.CreateFormFile("file", "f.bin")
					fw.Write(data)
					mw.Close()
					pw.Close()
				}()
				req := httptest.NewRequest(http.MethodPost, "/api/docs/d1/files/file", pr)
				req.Header.Set("Content-Type", mw.FormDataContentType())
				rec := httptest.NewRecorder()
				srv.handler.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("%d %s", rec.Code, rec.Body)
				}
			}
		})
		b.Run(fmt.Sprintf("download/%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			defer peakHeap(b)()
			for b.Loop() {
				req := httptest.NewRequest(http.MethodGet, "/api/docs/d1/files/file", nil)
				w := &discardWriter{header: http.Header{}}
				srv.handler.ServeHTTP(w, req)
				if w.status != http.StatusOK && w.status != 0 {
					b.Fatalf("%d", w.status)
				}
			}
		})
	}
}

// discardWriter is a ResponseWriter that keeps nothing of the body, so
// that a download's memory is the server's own.
type discardWriter struct {
	header http.Header
	status int
}

func (d *discardWriter) Header() http.Header         { return d.header }
func (d *discardWriter) Write(p []byte) (int, error) { return len(p), nil }
func (d *discardWriter) WriteHeader(code int)        { d.status = code }

// peakHeap samples the heap while a benchmark runs and reports its peak
// above the start, in MB: what a request holds at once, not what it
// allocates over its life. The collector runs at 10% meanwhile, so that
// garbage waiting for it does not count as held.
func peakHeap(b *testing.B) func() {
	old := debug.SetGCPercent(10)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				runtime.ReadMemStats(&m)
				if m.HeapAlloc > base && m.HeapAlloc-base > peak.Load() {
					peak.Store(m.HeapAlloc - base)
				}
			}
		}
	}()
	return func() {
		close(stop)
		<-done
		debug.SetGCPercent(old)
		b.ReportMetric(float64(peak.Load())/1e6, "peak-heap-MB")
	}
}
