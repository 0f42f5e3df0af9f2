package charts

import "strings"

// Rank is stated national ranks over years: rank 1 at the top.
type Rank struct {
	Text
	Series    []Series // Value holds the rank
	Highlight string   // a city drawn in its colour, the others grey; "" all in colour
}

// Texts is part of Spec.
func (t Rank) Texts() Text { return t.Text }

// WithTexts is part of Spec.
func (t Rank) WithTexts(x Text) Spec { t.Text = x; return t }

func (t Rank) draw(f *frame, r surface) error { return f.rank(r, &t) }

func (t Rank) empty() bool { return seriesEmpty(t.Series) }

// AsStated is added to a rank chart's axis title (unless the subtitle
// says it): ranks are what the sources claim, not computed here.
const AsStated = "as stated by sources"

func (f *frame) rank(r surface, t *Rank) error {
	text, as := t.Text, f.words.AsStated
	switch {
	case text.ValueAxis == "":
		text.ValueAxis = f.words.Rank + " (" + as + ")"
	case !strings.Contains(text.ValueAxis, as) && !strings.Contains(text.Subtitle, as):
		text.ValueAxis += " (" + as + ")"
	}
	return f.lines(r, lineSpec{text: text, series: t.Series, rank: true, highlight: t.Highlight})
}
