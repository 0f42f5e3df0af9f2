package views

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"autocities/importer"
)

// glossary is the Glossary tab: search, a list of terms and the detail of
// the one selected, with related terms as links.
type glossary struct {
	state   *State
	current string // the term shown ("term/sense"); "" none
	empty   *widget.Label
	tab     *container.TabItem
	search  *appEntry
	list    *widget.List
	detail  *widget.RichText
	related *fyne.Container
	shown   []importer.Term
}

func newGlossaryTab(s *State) *glossary {
	g := &glossary{state: s, empty: widget.NewLabel("")}
	g.empty.Wrapping = fyne.TextWrapWord
	g.empty.Hide()
	g.search = newAppEntry(s, T("ui.search_terms_chinese_names_aliases"), func(string) { g.filter() })
	g.detail = widget.NewRichTextFromMarkdown("")
	g.detail.Wrapping = fyne.TextWrapWord
	g.related = container.NewHBox()
	g.list = widget.NewList(
		func() int { return len(g.shown) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(termLabel(g.shown[id])) })
	g.list.OnSelected = func(id widget.ListItemID) { g.show(g.shown[id]) }
	s.OnChanged(g.filter)
	g.filter()
	if len(g.shown) > 0 {
		g.show(g.shown[0]) // shown, not selected: selecting before layout scrolls the list
	}
	left := container.NewBorder(container.NewVBox(g.search, g.empty), nil, nil, nil, g.list)
	right := container.NewBorder(nil, container.NewHScroll(g.related), nil, nil, container.NewVScroll(g.detail))
	split := container.NewHSplit(left, right)
	split.Offset = 0.32
	g.tab = container.NewTabItem(T("ui.glossary"), split)
	return g
}

// termLabel names a term in the list and the detail: the Chinese name
// first in the Chinese UI, the English first otherwise.
func termLabel(t importer.Term) string {
	label := t.Term
	if sense := termSense(t); sense != "" {
		label += " (" + sense + ")"
	}
	switch {
	case t.Chinese == "":
	case chinese():
		label = t.Chinese + "  " + label
	default:
		label += "  " + t.Chinese
	}
	return label
}

// relatedLabel names a related term's link: its Chinese name in the
// Chinese UI, where the glossary has one.
func (g *glossary) relatedLabel(name string) string {
	if chinese() {
		for _, t := range g.state.Data().Terms {
			if strings.EqualFold(t.Term, name) && t.Chinese != "" {
				return t.Chinese
			}
		}
	}
	return name
}

// matches reports whether a term fits the search across English, Chinese
// and aliases, case ignored.
func matches(t importer.Term, q string) bool {
	q = strings.ToLower(strings.TrimSpace(q))
	if q == "" {
		return true
	}
	for _, s := range append([]string{t.Term, t.Sense, t.Chinese, t.SenseZh}, t.Aliases...) {
		if strings.Contains(strings.ToLower(s), q) {
			return true
		}
	}
	return false
}

func (g *glossary) filter() {
	g.shown = g.shown[:0]
	for _, t := range g.state.Data().Terms {
		if matches(t, g.search.Text) {
			g.shown = append(g.shown, t)
		}
	}
	g.list.UnselectAll()
	g.list.Refresh()
	g.empty.Hidden = len(g.shown) > 0
	if len(g.shown) == 0 {
		g.empty.SetText(T("ui.no_term_matches", strings.TrimSpace(g.search.Text)))
	}
	if !slices.ContainsFunc(g.state.Data().Terms, func(t importer.Term) bool { return termID(t) == g.current }) {
		g.clear() // the term shown is gone from the data
	}
}

func termID(t importer.Term) string { return t.Term + "/" + t.Sense }

// clear empties the detail: no term is shown.
func (g *glossary) clear() {
	g.current = ""
	g.detail.ParseMarkdown("")
	g.related.Objects = nil
	g.related.Refresh()
}

func (g *glossary) show(t importer.Term) {
	d := g.state.Data()
	g.current = termID(t)
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", termLabel(t))
	b.WriteString(T("ui.md_field", T("ui.kind"), typeLabel(t.Kind)))
	if len(t.Aliases) > 0 {
		b.WriteString(" · " + T("ui.md_field", T("ui.also"), strings.Join(t.Aliases, T("and.sep"))))
	}
	if senses := g.senses(t.Term); senses > 1 {
		fmt.Fprintf(&b, "\n\n*%s*", fmt.Sprintf(T("ui.one_of_d_senses_of_s"), senses, t.Term))
	}
	fmt.Fprintf(&b, "\n\n%s\n\n", termSummary(t))
	if src, ok := d.Source(t.SourceID); ok {
		b.WriteString(T("ui.md_field", T("ui.source"), fmt.Sprintf("[%s](%s)", src.Title, src.URL)) + "\n\n")
	}
	if refs := appearances(d, t); len(refs) > 0 {
		b.WriteString(T("ui.md_field", T("ui.appears_in"), "") + "\n\n")
		for _, r := range refs {
			fmt.Fprintf(&b, "- %s\n", r)
		}
	}
	g.detail.ParseMarkdown(b.String())
	g.related.Objects = nil
	if len(t.Related) > 0 {
		g.related.Add(widget.NewLabel(T("ui.related")))
	}
	for _, r := range t.Related {
		name := r
		g.related.Add(&widget.Hyperlink{Text: g.relatedLabel(name), OnTapped: func() { g.jump(name) }})
	}
	g.related.Refresh()
}

func (g *glossary) senses(term string) int {
	n := 0
	for _, t := range g.state.Data().Terms {
		if t.Term == term {
			n++
		}
	}
	return n
}

// jump selects a related term, clearing the search so it is listed.
func (g *glossary) jump(term string) {
	g.search.SetText("")
	for i, t := range g.shown {
		if strings.EqualFold(t.Term, term) {
			g.list.Select(i)
			g.list.ScrollTo(i)
			return
		}
	}
}

// appearances lists where a term is mentioned: events naming it, and the
// city's figures when the term is a city.
func appearances(d *importer.DataSet, t importer.Term) []string {
	names := append([]string{t.Term, t.Chinese}, t.Aliases...)
	var out []string
	for _, e := range d.Events {
		for _, n := range names {
			if len([]rune(n)) > 1 && (strings.Contains(e.Title, n) || strings.Contains(e.Detail, n)) {
				out = append(out, fmt.Sprintf(T("ui.event_s_s"), e.Date, eventTitle(e)))
				break
			}
		}
	}
	n := 0
	for o := range d.Observations() {
		if o.Region == t.Term {
			n++
		}
	}
	if n > 0 {
		out = append(out, fmt.Sprintf(T("ui.d_figures_for_s_compare_timeline"), n, cityLabel(t.Term)))
	}
	return out
}
