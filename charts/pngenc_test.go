package charts

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"testing"
)

// againstImagePNG encodes img with EncodePNG and with image/png, fails
// unless both decode to the same straight-alpha pixels, and returns both.
func againstImagePNG(t *testing.T, img *image.RGBA) (ours, stock []byte) {
	t.Helper()
	var o, s bytes.Buffer
	if err := EncodePNG(&o, img); err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(&s, img); err != nil {
		t.Fatal(err)
	}
	samePixels(t, o.Bytes(), s.Bytes())
	return o.Bytes(), s.Bytes()
}

// samePixels fails unless a and b decode to the same straight-alpha pixels.
func samePixels(t *testing.T, a, b []byte) {
	t.Helper()
	ia, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatalf("our PNG does not decode: %v", err)
	}
	ib, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("image/png's PNG does not decode: %v", err)
	}
	if ia.Bounds() != ib.Bounds() {
		t.Fatalf("bounds %v, image/png's %v", ia.Bounds(), ib.Bounds())
	}
	r := ia.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			ca := color.NRGBAModel.Convert(ia.At(x, y))
			cb := color.NRGBAModel.Convert(ib.At(x, y))
			if ca != cb {
				t.Fatalf("pixel (%d,%d) is %v, image/png writes %v", x, y, ca, cb)
			}
		}
	}
}

func TestEncodePNGSamePixelsAsImagePNG(t *testing.T) {
	tl := benchTimeline()
	for _, c := range []struct {
		name   string
		opts   Options
		colour uint8 // PNG colour type: 2 truecolour (opaque), 6 with alpha
	}{
		{"opaque light", Options{Width: 640, Height: 360}, 2},
		{"opaque dark at 2x", Options{Width: 400, Height: 300, Scale: 2, Theme: Dark}, 2},
		{"transparent for a slide", Options{Width: 640, Height: 360, Transparent: true}, 6},
	} {
		t.Run(c.name, func(t *testing.T) {
			img, err := Render(&tl, c.opts)
			if err != nil {
				t.Fatal(err)
			}
			ours, stock := againstImagePNG(t, img)
			if got := ours[25]; got != c.colour {
				t.Errorf("colour type %d, want %d", got, c.colour)
			}
			// Not much bigger than image/png's best effort at its default level.
			if len(ours) > len(stock)*5/4 {
				t.Errorf("%d bytes, image/png writes %d", len(ours), len(stock))
			}
		})
	}
}

func TestEncodePNGEdges(t *testing.T) {
	// A sub-image (Pix shared with a bigger picture, rows with a stride),
	// partly transparent, and one pixel.
	big := image.NewRGBA(image.Rect(0, 0, 9, 7))
	for i := range big.Pix {
		big.Pix[i] = uint8(i * 37)
	}
	for i := 3; i < len(big.Pix); i += 4 { // valid premultiplied: colour ≤ alpha
		big.Pix[i-3], big.Pix[i-2], big.Pix[i-1] = min(big.Pix[i-3], big.Pix[i]), min(big.Pix[i-2], big.Pix[i]), min(big.Pix[i-1], big.Pix[i])
	}
	for _, img := range []*image.RGBA{
		big.SubImage(image.Rect(2, 1, 8, 6)).(*image.RGBA),
		big.SubImage(image.Rect(4, 4, 5, 5)).(*image.RGBA),
	} {
		againstImagePNG(t, img)
	}
	if err := EncodePNG(&bytes.Buffer{}, image.NewRGBA(image.Rect(0, 0, 0, 5))); !errors.Is(err, ErrSize) {
		t.Errorf("an empty image: %v, want ErrSize", err)
	}
}

// FuzzEncodePNG: any premultiplied pixels round-trip to what image/png
// writes.
func FuzzEncodePNG(f *testing.F) {
	f.Add(uint8(3), uint8(2), []byte{255, 0, 0, 255, 10, 20, 30, 40, 0, 0, 0, 0})
	f.Add(uint8(1), uint8(1), []byte{1, 1, 1, 1})
	f.Fuzz(func(t *testing.T, w, h uint8, data []byte) {
		width, height := int(w%40)+1, int(h%40)+1
		img := image.NewRGBA(image.Rect(0, 0, width, height))
		if len(data) == 0 {
			return
		}
		for i := range img.Pix {
			img.Pix[i] = data[i%len(data)]
		}
		for i := 3; i < len(img.Pix); i += 4 {
			for k := 1; k <= 3; k++ {
				img.Pix[i-k] = min(img.Pix[i-k], img.Pix[i])
			}
		}
		againstImagePNG(t, img)
	})
}
