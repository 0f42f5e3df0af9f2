package charts

import (
	"math"
	"strings"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Pencil is the mark of a figure the user corrected. Few fonts have a
// glyph for it (WenQuanYi and Roboto do not), so it is drawn as a small
// shape wherever a label holds it, in PNG and SVG alike.
const Pencil = "✎"

// pencilWidth is the room the pencil takes in a line of text of a size.
func pencilWidth(size float64) float64 { return 0.9 * size }

// textWidth measures a line of text, pencils included.
func (f *frame) textWidth(s string, size float64) float64 {
	n := strings.Count(s, Pencil)
	if n == 0 {
		return f.fm.width(s, size)
	}
	return f.fm.width(strings.ReplaceAll(s, Pencil, ""), size) + float64(n)*pencilWidth(size)
}

// drawPencilText draws a line holding pencils piece by piece, left to
// right from x (the anchor already applied).
func (f *frame) drawPencilText(r surface, s string, x, y, size float64, c drawing.Color) {
	parts := strings.Split(s, Pencil)
	for i, p := range parts {
		if p != "" {
			r.textF(p, x, y, "")
			x += f.fm.width(p, size)
		}
		if i < len(parts)-1 {
			drawPencil(r, x, y, size, c)
			x += pencilWidth(size)
		}
	}
}

// drawPencil draws a slanted pencil in a box of width pencilWidth(size)
// standing on the baseline y.
func drawPencil(r surface, x, y, size float64, c drawing.Color) {
	w, h := pencilWidth(size), 0.8*size
	// The pencil runs from the lower left (its tip) to the upper right.
	tipX, tipY := x+0.08*w, y
	endX, endY := x+0.92*w, y-h
	dx, dy := endX-tipX, endY-tipY
	// A unit normal to the pencil's axis, for its thickness.
	l := math.Hypot(dx, dy)
	nx, ny := -dy/l*0.13*size, dx/l*0.13*size
	at := func(t float64) (float64, float64) { return tipX + dx*t, tipY + dy*t }
	bx, by := at(0.28) // where the sharpened tip meets the body
	ex, ey := at(1)
	r.SetFillColor(c)
	r.SetStrokeWidth(0)
	r.SetStrokeColor(drawing.Color{})
	r.moveToF(tipX, tipY)
	r.lineToF(bx+nx, by+ny)
	r.lineToF(ex+nx, ey+ny)
	r.lineToF(ex-nx, ey-ny)
	r.lineToF(bx-nx, by-ny)
	r.lineToF(tipX, tipY)
	r.Fill()
}
