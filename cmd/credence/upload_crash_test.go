package main

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credence/credence/engine/files"
	"github.com/credence/credence/store"
	"github.com/credence/credence/store/bolt"
)

// TestUploadKilledMidway: the server killed with SIGKILL while a file
// streams in leaves no document naming a missing file, and the chunks it
// had written are found by the sweep and removed.
func TestUploadKilledMidway(t *testing.T) {
	data := filepath.Join(t.TempDir(), "files.db")
	s := startServe(t, data, nil)
	c := newClient(t)
	c.must(http.StatusCreated, http.MethodPut, s.url+"/api/_schemas/evidence",
		`{"type": "object", "properties": {"title": {"type": "string"}, "file": {"x-file": true}}}`)
	c.must(http.StatusCreated, http.MethodPut, s.url+"/api/evidence/e1", `{"title": "proof"}`)

	// A 12 MB upload that stalls after 6 MB: its first chunks are committed.
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	written := make(chan struct{})
	go func() {
		fw, _ := mw.CreateFormFile("file", "big.bin")
		fw.Write(bytes.Repeat([]byte("x"), 6<<20))
		close(written)
		// ... and then the process dies before the rest comes.
	}()
	req, err := http.NewRequest(http.MethodPost, s.url+"/api/evidence/e1/files/file", pr)
	require.NoError(t, err)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	done := make(chan struct{})
	go func() {
		defer close(done)
		res, err := http.DefaultClient.Do(req)
		if err == nil {
			res.Body.Close()
		}
	}()
	// The bytes sent; the server commits them as they come (4 MiB a
	// transaction): give it a moment, then kill it.
	<-written
	time.Sleep(time.Second)
	s.kill()
	pw.CloseWithError(io.ErrUnexpectedEOF)
	<-done

	// Restarted: the document names no file.
	s = startServe(t, data, nil)
	code, body, err := c.do(http.MethodGet, s.url+"/api/evidence/e1", "")
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, code)
	assert.NotContains(t, string(body), `"file"`, "no document names the half file")
	s.terminate(10 * time.Second)

	// The sweep finds the unfinished upload and removes its chunks.
	st, err := bolt.Open(data, bolt.Options{})
	require.NoError(t, err)
	defer st.Close()
	before := 0
	require.NoError(t, st.View(t.Context(), func(r store.Reader) error {
		return r.Scan("_files_chunks", store.Range{}, func(_, _ []byte) bool { before++; return true })
	}))
	t.Logf("%d chunks of the killed upload were on disk", before)
	swept, err := (&files.Store{St: st}).Sweep(t.Context(), -time.Hour)
	require.NoError(t, err)
	assert.Equal(t, 1, swept.Uploads)
	n := 0
	require.NoError(t, st.View(t.Context(), func(r store.Reader) error {
		return r.Scan("_files_chunks", store.Range{}, func(_, _ []byte) bool { n++; return true })
	}))
	assert.Zero(t, n, "no chunk is left")
}
