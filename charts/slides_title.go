package charts

import (
	"strings"
	"unicode/utf8"
)

// A slide's title is laid out here, not left to the program showing the
// deck: a title that wraps by itself breaks after any dash ("… (2024:
// Jan–" / "Jun)"), since the dash is a break opportunity. It shrinks to fit
// one line; if even the smallest size does not fit, it is broken in two
// at a space, balanced, outside parentheses where it can be, so a phrase
// such as "Jan–Jun" or "(2024: Jan–Jun)" stays whole.
const (
	titleMinOneLinePt = 22 // the smallest size a one-line title shrinks to
	titleTwoLinePt    = 24 // the largest size of two lines in the title box
	titleMinPt        = 20
)

// titleFit is the share of the title box's width a line may take, to
// leave room for another renderer's rounding and kerning.
const titleFit = 0.94

// titleLayout is a title's lines and size in points.
func titleLayout(text string, lf *loadedFont) ([]string, int) {
	fm := metricsFor(lf.font)
	room := float64(slideContentW) / slidePoint * titleFit
	fits := func(s string, pt int) bool { return fm.width(s, float64(pt)) <= room }
	for pt := slideTitlePt; pt >= titleMinOneLinePt; pt-- {
		if fits(text, pt) {
			return []string{text}, pt
		}
	}
	for pt := titleTwoLinePt; pt >= titleMinPt; pt-- {
		if a, b, ok := titleBreak(text, func(s string) float64 { return fm.width(s, float64(pt)) }); ok && fits(a, pt) && fits(b, pt) {
			return []string{a, b}, pt
		}
	}
	// No space to break at (Chinese): one line, wrapped where it must be,
	// between characters.
	return []string{text}, titleMinPt
}

// titleBreak splits text at the space that makes the longer line
// shortest, preferring spaces outside parentheses.
func titleBreak(text string, width func(string) float64) (string, string, bool) {
	best, bestW, bestOutside := -1, 0.0, false
	depth := 0
	for i, r := range text {
		switch r {
		case '(', '（':
			depth++
		case ')', '）':
			depth = max(0, depth-1)
		}
		if r != ' ' {
			continue
		}
		a, b := text[:i], text[i+utf8.RuneLen(r):]
		if strings.TrimSpace(a) == "" || strings.TrimSpace(b) == "" {
			continue
		}
		w, outside := max(width(a), width(b)), depth == 0
		if best < 0 || outside && !bestOutside || outside == bestOutside && w < bestW {
			best, bestW, bestOutside = i, w, outside
		}
	}
	if best < 0 {
		return "", "", false
	}
	return text[:best], text[best+1:], true
}
