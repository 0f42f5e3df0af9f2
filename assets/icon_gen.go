//go:build ignore

// icon_gen draws the app icon: three rising bars in the city palette's first
// colours over a dark-blue rounded square, with a trend line across them.
// Run with `go generate ./assets`.
package main

import (
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

const size = 512

var (
	bg1  = color.RGBA{0x12, 0x2b, 0x4a, 0xff}
	bg2  = color.RGBA{0x1f, 0x4e, 0x79, 0xff}
	bars = []struct {
		x0, x1, top float64
		c           color.RGBA
	}{
		{112, 188, 300, color.RGBA{0x56, 0xb4, 0xe9, 0xff}},
		{218, 294, 220, color.RGBA{0x00, 0x9e, 0x73, 0xff}},
		{324, 400, 124, color.RGBA{0xe6, 0x9f, 0x00, 0xff}},
	}
)

func main() {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			img.SetRGBA(x, y, pixel(float64(x)+0.5, float64(y)+0.5))
		}
	}
	f, err := os.Create("icon.png")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
}

// pixel is the icon's colour at a point (premultiplied by the rounded
// square's coverage).
func pixel(fx, fy float64) color.RGBA {
	a := roundedRectCoverage(fx, fy, 16, 16, 496, 496, 96)
	if a == 0 {
		return color.RGBA{}
	}
	c := mix(bg1, bg2, fy/size)
	for _, b := range bars {
		if fx >= b.x0 && fx < b.x1 && fy >= b.top && fy < 412 {
			c = b.c
		}
	}
	if fy >= 412 && fy < 424 && fx >= 96 && fx < 416 {
		c = color.RGBA{0xee, 0xf2, 0xf7, 0xff}
	}
	if d := segDist(fx, fy); d < 9 {
		c = mix(c, color.RGBA{0xff, 0xff, 0xff, 0xff}, math.Min(1, 9.5-d))
	}
	c.A = uint8(255 * a)
	c.R, c.G, c.B = uint8(float64(c.R)*a), uint8(float64(c.G)*a), uint8(float64(c.B)*a)
	return c
}

// segDist is the distance to the trend line through the bar tops.
func segDist(x, y float64) float64 {
	pts := [][2]float64{{150, 262}, {256, 182}, {362, 92}}
	best := math.Inf(1)
	for i := 0; i+1 < len(pts); i++ {
		ax, ay, bx, by := pts[i][0], pts[i][1], pts[i+1][0], pts[i+1][1]
		dx, dy := bx-ax, by-ay
		t := math.Max(0, math.Min(1, ((x-ax)*dx+(y-ay)*dy)/(dx*dx+dy*dy)))
		best = math.Min(best, math.Hypot(x-ax-t*dx, y-ay-t*dy))
	}
	for _, p := range pts {
		if d := math.Hypot(x-p[0], y-p[1]) - 10; d < best {
			best = d
		}
	}
	return best
}

func roundedRectCoverage(x, y, x0, y0, x1, y1, r float64) float64 {
	cx := math.Max(x0+r, math.Min(x, x1-r))
	cy := math.Max(y0+r, math.Min(y, y1-r))
	d := math.Hypot(x-cx, y-cy)
	return math.Max(0, math.Min(1, r+0.5-d))
}

func mix(a, b color.RGBA, t float64) color.RGBA {
	l := func(p, q uint8) uint8 { return uint8(float64(p)*(1-t) + float64(q)*t) }
	return color.RGBA{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B), 0xff}
}
