package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine/automations"
)

// export writes every collection and document, schemas first, as NDJSON to
// stdout or a file, or as one NDJSON file per collection in a folder.
func export(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export", stderr)
	sf, err := addStoreFlags(fs)
	if err != nil {
		return err
	}
	rf := addRemoteFlags(fs)
	out := fs.String("out", "", "write NDJSON to this file instead of standard output")
	dir := fs.String("dir", "", "write one NDJSON file per collection into this folder")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return flagError{fmt.Errorf("export takes no arguments (did you mean --out %s?)", fs.Arg(0))}
	}
	if rf.remote() {
		return exportRemote(ctx, rf, *out, *dir, stdout)
	}
	svc, closeStore, err := openService(ctx, sf, true)
	if err != nil {
		return err
	}
	defer closeStore()
	switch {
	case *dir != "":
		return exportDir(ctx, svc, *dir)
	case *out != "":
		f, err := os.Create(*out)
		if err != nil {
			return err
		}
		if err := svc.WriteNDJSON(ctx, f); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	return svc.WriteNDJSON(ctx, stdout)
}

// exportRemote writes the export of a running server (GET /api/_export).
func exportRemote(ctx context.Context, rf *remoteFlags, out, dir string, stdout io.Writer) error {
	if dir != "" {
		resp, err := rf.do(ctx, "GET", "/api/_export", nil, nil)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		return writeDir(dir, func(emit func(documents.Record) error) error {
			dec := json.NewDecoder(resp.Body)
			for {
				var r documents.Record
				if err := dec.Decode(&r); err == io.EOF {
					return nil
				} else if err != nil {
					return fmt.Errorf("GET /api/_export: %w", err)
				}
				if err := emit(r); err != nil {
					return err
				}
			}
		})
	}
	if out == "" {
		return rf.copyFrom(ctx, "/api/_export", nil, stdout)
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := rf.copyFrom(ctx, "/api/_export", nil, f); err != nil {
		f.Close()
		os.Remove(out) // never leave a short export that looks whole
		return err
	}
	return f.Close()
}

func exportDir(ctx context.Context, svc *documents.Service, dir string) error {
	return writeDir(dir, func(emit func(documents.Record) error) error { return svc.Export(ctx, emit) })
}

// writeDir writes the records each gives into one NDJSON file per
// collection in dir.
func writeDir(dir string, each func(emit func(documents.Record) error) error) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	// An old export's files would be imported with the new one's.
	if old, _ := filepath.Glob(filepath.Join(dir, "*.ndjson")); len(old) > 0 {
		return fmt.Errorf("%s already holds an export (%s): choose an empty folder", dir, filepath.Base(old[0]))
	}
	type output struct {
		f   *os.File
		w   *bufio.Writer
		enc *json.Encoder
	}
	outs := map[string]*output{}
	defer func() {
		for _, o := range outs {
			o.f.Close()
		}
	}()
	err := each(func(r documents.Record) error {
		o, ok := outs[r.Collection]
		if !ok {
			if r.Collection == "" || strings.ContainsAny(r.Collection, `/\.`) {
				return fmt.Errorf("the export names a collection %q, which is no collection name", r.Collection)
			}
			f, err := os.Create(filepath.Join(dir, r.Collection+".ndjson"))
			if err != nil {
				return err
			}
			o = &output{f: f, w: bufio.NewWriter(f)}
			// As WriteNDJSON: the stored bytes as they are, not
			// HTML-escaped, or the import would store other bytes.
			o.enc = json.NewEncoder(o.w)
			o.enc.SetEscapeHTML(false)
			outs[r.Collection] = o
		}
		return o.enc.Encode(r)
	})
	if err != nil {
		return err
	}
	for c, o := range outs {
		if err := o.w.Flush(); err != nil {
			return err
		}
		if err := o.f.Close(); err != nil {
			return err
		}
		delete(outs, c)
	}
	return nil
}

// importCmd reads what export wrote: a file, a folder, or standard input.
func importCmd(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("import", stderr)
	sf, err := addStoreFlags(fs)
	if err != nil {
		return err
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return errors.New("import takes one file or folder")
	}
	src := "-"
	if fs.NArg() == 1 {
		src = fs.Arg(0)
	}
	svc, closeStore, err := openService(ctx, sf, false)
	if err != nil {
		return err
	}
	defer closeStore()
	r, closeSrc, err := openSource(src, stdin)
	if err != nil {
		return err
	}
	defer closeSrc()
	stats, err := svc.ReadNDJSON(ctx, r)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "imported %d schemas, %d documents and %d files\n", stats.Schemas, stats.Documents, stats.Files)
	return nil
}

// openSource opens a file, standard input ("-"), or a folder written by
// export --dir, whose _schemas.ndjson is read first.
func openSource(src string, stdin io.Reader) (io.Reader, func(), error) {
	if src == "-" {
		return stdin, func() {}, nil
	}
	fi, err := os.Stat(src)
	if err != nil {
		return nil, nil, err
	}
	if !fi.IsDir() {
		f, err := os.Open(src)
		if err != nil {
			return nil, nil, err
		}
		return f, func() { f.Close() }, nil
	}
	names, err := filepath.Glob(filepath.Join(src, "*.ndjson"))
	if err != nil {
		return nil, nil, err
	}
	sort.Slice(names, func(i, j int) bool {
		si := strings.HasPrefix(filepath.Base(names[i]), "_schemas.")
		sj := strings.HasPrefix(filepath.Base(names[j]), "_schemas.")
		if si != sj {
			return si
		}
		return names[i] < names[j]
	})
	var readers []io.Reader
	var files []*os.File
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			for _, f := range files {
				f.Close()
			}
			return nil, nil, err
		}
		files = append(files, f)
		readers = append(readers, f, strings.NewReader("\n"))
	}
	return io.MultiReader(readers...), func() {
		for _, f := range files {
			f.Close()
		}
	}, nil
}

// openService opens the selected store and the document service on it.
func openService(ctx context.Context, sf *storeFlags, readOnly bool) (*documents.Service, func(), error) {
	if readOnly && !isPostgres(*sf.data) {
		if _, err := os.Stat(*sf.data); err != nil {
			return nil, nil, fmt.Errorf("no data file: %w", err)
		}
	}
	st, err := sf.open(ctx, readOnly, nil)
	if err != nil {
		return nil, nil, err
	}
	// The commands on this service save no webhook (import restores
	// documents as exported, unchecked; the runner checks every call):
	// the default policy will do.
	svc, err := documents.New(ctx, st, documents.Options{System: systemCollections(automations.Egress{})})
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return svc, func() { st.Close() }, nil
}
