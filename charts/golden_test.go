package charts

import (
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden images in testdata/")

// goldenTolerance is the largest per-channel difference accepted, and
// goldenBudget the share of pixels allowed to exceed it: rasterizing on
// another CPU (FMA on arm64) may move a few anti-aliased edge pixels.
const (
	goldenTolerance = 3
	goldenBudget    = 0.0001
)

// assertGolden compares img with testdata/<name>.png. On a mismatch it
// writes img to testdata/failed/<name>.png and fails; with -update it
// rewrites the golden instead.
func assertGolden(t *testing.T, name string, img image.Image) {
	t.Helper()
	path := filepath.Join("testdata", name+".png")
	if *update {
		if err := writePNGFile(path, img); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := readPNGFile(path)
	if err != nil {
		t.Fatalf("golden %s: %v (run go test ./charts -update to create it)", name, err)
	}
	if msg := imageDiff(want, img); msg != "" {
		failed := filepath.Join("testdata", "failed", name+".png")
		if err := writePNGFile(failed, img); err != nil {
			t.Errorf("writing %s: %v", failed, err)
		}
		t.Fatalf("%s differs from its golden: %s; actual image in %s", name, msg, failed)
	}
}

func imageDiff(want, got image.Image) string {
	if want.Bounds().Size() != got.Bounds().Size() {
		return "size " + got.Bounds().Size().String() + ", want " + want.Bounds().Size().String()
	}
	wb, gb := want.Bounds(), got.Bounds()
	bad := 0
	for y := 0; y < wb.Dy(); y++ {
		for x := 0; x < wb.Dx(); x++ {
			r1, g1, b1, a1 := want.At(wb.Min.X+x, wb.Min.Y+y).RGBA()
			r2, g2, b2, a2 := got.At(gb.Min.X+x, gb.Min.Y+y).RGBA()
			if far(r1, r2) || far(g1, g2) || far(b1, b2) || far(a1, a2) {
				bad++
			}
		}
	}
	if float64(bad) > goldenBudget*float64(wb.Dx()*wb.Dy()) {
		return itoa(bad) + " pixels differ"
	}
	return ""
}

func far(a, b uint32) bool {
	d := int(a>>8) - int(b>>8)
	return d > goldenTolerance || d < -goldenTolerance
}

func readPNGFile(path string) (image.Image, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return png.Decode(f)
}

func writePNGFile(path string, img image.Image) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
