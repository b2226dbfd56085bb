package engine

import (
	"bytes"
	lru "container/list"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/image/draw"

	"github.com/credence/credence/documents"
	"github.com/credence/credence/engine/files"
	_ "golang.org/x/image/webp" // thumbnails of WebP uploads
)

// Bounds of thumbnails.
const (
	// MaxThumbSide is the largest width or height a thumbnail may ask for.
	MaxThumbSide = 1024
	// thumbCacheBytes bounds the thumbnails a node keeps in memory.
	thumbCacheBytes = 32 << 20
)

// parseThumb reads ?thumb=WxH.
func parseThumb(s string) (w, h int, err error) {
	ws, hs, ok := strings.Cut(s, "x")
	if ok {
		w, err = strconv.Atoi(ws)
		if err == nil {
			h, err = strconv.Atoi(hs)
		}
	}
	if !ok || err != nil || w < 1 || h < 1 || w > MaxThumbSide || h > MaxThumbSide {
		return 0, 0, badRequest("thumb must be WIDTHxHEIGHT, each from 1 to %d: ?thumb=200x200", MaxThumbSide)
	}
	return w, h, nil
}

// thumbCache keeps recent thumbnails, least recently used out first.
type thumbCache struct {
	mu    sync.Mutex
	size  int
	order *lru.List // of *thumbEntry, most recent first
	byKey map[string]*lru.Element
}

type thumbEntry struct {
	key  string
	body []byte
	typ  string
}

func newThumbCache() *thumbCache {
	return &thumbCache{order: lru.New(), byKey: map[string]*lru.Element{}}
}

func (c *thumbCache) get(key string) (*thumbEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byKey[key]; ok {
		c.order.MoveToFront(el)
		return el.Value.(*thumbEntry), true
	}
	return nil, false
}

func (c *thumbCache) put(e *thumbEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byKey[e.key]; ok || len(e.body) > thumbCacheBytes/8 {
		return
	}
	c.byKey[e.key] = c.order.PushFront(e)
	c.size += len(e.body)
	for c.size > thumbCacheBytes {
		last := c.order.Back()
		old := last.Value.(*thumbEntry)
		c.order.Remove(last)
		delete(c.byKey, old.key)
		c.size -= len(old.body)
	}
}

// thumbnail serves a scaled copy of an image file that fits in w×h, its
// proportions kept: PNG for PNG and GIF, JPEG otherwise. The image's
// header is read first: one of more than maxPixels is refused undecoded.
func (h *handlers) thumbnail(w http.ResponseWriter, r *http.Request, sha string, maxPixels int64, tw, th int) {
	key := fmt.Sprintf("%s/%dx%d", sha, tw, th)
	etag := `"` + sha + "-" + strconv.Itoa(tw) + "x" + strconv.Itoa(th) + `"`
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	e, ok := h.thumbs.get(key)
	if !ok {
		f, err := h.cfg.Files.Open(r.Context(), sha)
		if errors.Is(err, files.ErrNotFound) {
			err = &documents.Error{Kind: documents.KindNotFound, Message: "the file is no longer stored"}
		}
		if err != nil {
			h.error(w, r, err)
			return
		}
		cfg, format, err := image.DecodeConfig(f)
		if err != nil {
			h.error(w, r, badRequest("thumb: the file is not an image this server reads (PNG, JPEG, GIF, WebP)"))
			return
		}
		if int64(cfg.Width)*int64(cfg.Height) > maxPixels {
			h.error(w, r, fieldProblem("thumb", fmt.Sprintf("the image is %d×%d pixels, more than the %d a thumbnail reads", cfg.Width, cfg.Height, maxPixels)))
			return
		}
		if _, err := f.Seek(0, 0); err != nil {
			h.error(w, r, err)
			return
		}
		src, _, err := image.Decode(f)
		if err != nil {
			h.error(w, r, badRequest("thumb: the image does not decode: %v", err))
			return
		}
		b := src.Bounds()
		scale := min(float64(tw)/float64(b.Dx()), float64(th)/float64(b.Dy()), 1)
		dw, dh := max(1, int(float64(b.Dx())*scale)), max(1, int(float64(b.Dy())*scale))
		dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Src, nil)
		var buf bytes.Buffer
		e = &thumbEntry{key: key}
		if format == "png" || format == "gif" {
			err, e.typ = png.Encode(&buf, dst), "image/png"
		} else {
			err, e.typ = jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 85}), "image/jpeg"
		}
		if err != nil {
			h.error(w, r, err)
			return
		}
		e.body = buf.Bytes()
		h.thumbs.put(e)
	}
	hdr := w.Header()
	hdr.Set("Content-Type", e.typ)
	hdr.Set("ETag", etag)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Cache-Control", "private, max-age=3600")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(e.body))
}
