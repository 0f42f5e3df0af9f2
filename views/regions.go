package views

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"autocities/importer"
)

// regionPicker is the panel beside a chart where the user picks regions:
// a level (cities, provinces, countries, all), a search box (English,
// Chinese, pinyin, aliases), the regions of that level with data as a
// checklist that scrolls through hundreds, and Top 10 / All / Clear.
type regionPicker struct {
	state   *State
	level   *widget.Select
	search  *appEntry
	list    *widget.List
	count   *widget.Label
	top     *widget.Button
	all     *widget.Button
	clear   *widget.Button
	content fyne.CanvasObject

	levels     []importer.Level // the levels offered in level, in order
	withData   []string         // regions with data, at any level
	offered    []string         // regions with data at the level chosen, by label
	shown      []string         // offered that match the search
	ticked     map[string]bool
	levelKnown bool            // a level has been chosen (or offered at first)
	changed    func()          // after the user ticks or unticks
	rank       func() []string // regions by their latest value, largest first (Top 10)
	updating   bool
}

func newRegionPicker(s *State, changed func(), rank func() []string) *regionPicker {
	p := &regionPicker{state: s, ticked: map[string]bool{}, changed: changed, rank: rank}
	p.level = widget.NewSelect(nil, func(string) { p.onLevel() })
	p.search = newAppEntry(s, T("ui.search_regions"), func(string) { p.filter() })
	p.list = widget.NewList(func() int { return len(p.shown) },
		func() fyne.CanvasObject {
			c := widget.NewCheck("", nil)
			return c
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			c, name := o.(*widget.Check), p.shown[id]
			c.OnChanged = nil
			c.Text = regionItem(name)
			c.Checked = p.ticked[name]
			c.Refresh()
			c.OnChanged = func(on bool) { p.tick(name, on) }
		})
	p.count = widget.NewLabel("")
	p.top = &widget.Button{Text: T("ui.top_10"), OnTapped: p.topTen}
	p.all = &widget.Button{Text: T("ui.all"), OnTapped: func() { p.set(p.shown) }}
	p.clear = &widget.Button{Text: T("ui.clear"), OnTapped: func() { p.set(nil) }}
	head := container.NewVBox(widget.NewLabelWithStyle(T("ui.regions"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		p.level, p.search)
	foot := container.NewVBox(p.count, container.NewGridWithColumns(3, p.top, p.all, p.clear))
	p.content = container.NewBorder(head, foot, nil, nil, p.list)
	return p
}

// regionItem is a region as the list shows it: 重庆 Chongqing in Chinese,
// Chongqing in English.
func regionItem(name string) string {
	if zh := cityLabel(name); zh != name {
		return zh + "  " + name
	}
	return name
}

// sortRegions sorts region names as a Chinese reader expects them too:
// by their English (pinyin) names, which is pinyin order for the Chinese
// ones beside them, and names only Chinese by their pinyin (CLDR's zh
// collation), after the Latin ones.
// (A collator is not safe for concurrent use: one per sort.)
func sortRegions(names []string) {
	c := collate.New(language.Chinese, collate.IgnoreCase)
	slices.SortFunc(names, func(a, b string) int { return c.CompareString(a, b) })
}

// offer shows the regions with data (any level), keeping the level and
// the ticks that still fit; when none is ticked, keep (the tab's default)
// is ticked.
func (p *regionPicker) offer(withData []string, level importer.Level, keep []string) {
	p.updating = true
	defer func() { p.updating = false }()
	d := p.state.Data()
	p.withData = withData
	p.levels = levelsOf(d, withData)
	var options []string
	for _, l := range p.levels {
		options = append(options, levelOption(l))
	}
	p.level.Options = options
	if len(p.levels) == 0 {
		p.levels = []importer.Level{importer.LevelUnknown}
	}
	if !slices.Contains(p.levels, level) {
		level = p.levels[0]
	}
	if !p.levelKnown {
		level = p.levels[0] // at first: the first level there is (cities, where any)
	}
	p.levelKnown = true
	p.level.SetSelected(levelOption(level))
	p.level.Hidden = len(p.levels) < 2
	p.offered = nil
	for _, r := range withData {
		if level == importer.LevelUnknown || level.Includes(d.Level(r)) {
			p.offered = append(p.offered, r)
		}
	}
	sortRegions(p.offered)
	ticked := map[string]bool{}
	for _, r := range keep {
		if slices.Contains(p.offered, r) {
			ticked[r] = true
		}
	}
	p.ticked = ticked
	p.filter()
}

// preferLevel offers l first, as a level chosen at the last run.
func (p *regionPicker) preferLevel(l importer.Level) {
	p.updating = true
	defer func() { p.updating = false }()
	p.levels, p.levelKnown = []importer.Level{l}, true
	p.level.Options = []string{levelOption(l)}
	p.level.SetSelected(levelOption(l))
}

// Level is the level chosen: LevelUnknown for all levels.
func (p *regionPicker) Level() importer.Level {
	i := p.level.SelectedIndex()
	if i < 0 || i >= len(p.levels) {
		return importer.LevelUnknown
	}
	return p.levels[i]
}

// Chosen lists the regions ticked, in the list's order.
func (p *regionPicker) Chosen() []string {
	var out []string
	for _, r := range p.offered {
		if p.ticked[r] {
			out = append(out, r)
		}
	}
	return out
}

// Offered lists every region offered at the level chosen.
func (p *regionPicker) Offered() []string { return p.offered }

// levelsOf lists the levels the regions have, as the level select offers
// them: cities, provinces, countries, aggregates, then all levels when
// there is more than one. A municipality counts as a city and a province.
func levelsOf(d *importer.DataSet, regions []string) []importer.Level {
	has := map[importer.Level]bool{}
	for _, r := range regions {
		l := d.Level(r)
		switch l {
		case importer.LevelMunicipality:
			has[importer.LevelCity], has[importer.LevelProvince] = true, true
		default:
			has[l] = true
		}
	}
	var out []importer.Level
	for _, l := range []importer.Level{importer.LevelCity, importer.LevelProvince, importer.LevelCountry, importer.LevelAggregate} {
		if has[l] {
			out = append(out, l)
		}
	}
	if len(out) > 1 || has[importer.LevelUnknown] {
		out = append(out, importer.LevelUnknown)
	}
	return out
}

func levelOption(l importer.Level) string {
	if l == importer.LevelUnknown {
		return T("ui.all_levels")
	}
	return T(map[importer.Level]string{importer.LevelCity: "ui.level_city", importer.LevelProvince: "ui.level_province",
		importer.LevelCountry: "ui.level_country", importer.LevelAggregate: "ui.level_aggregate"}[l])
}

func (p *regionPicker) onLevel() {
	if p.updating {
		return
	}
	p.offer(p.withData, p.Level(), p.Chosen())
	if len(p.Chosen()) == 0 {
		p.topTen()
		return
	}
	p.changed()
}

// filter shows the offered regions that match every word of the search,
// in English, Chinese, pinyin or an alias.
func (p *regionPicker) filter() {
	words := strings.Fields(strings.ToLower(p.search.Text))
	p.shown = p.shown[:0]
	for _, r := range p.offered {
		if matchesRegion(r, words) {
			p.shown = append(p.shown, r)
		}
	}
	p.list.Refresh()
	p.showCount()
}

func matchesRegion(name string, words []string) bool {
	if len(words) == 0 {
		return true
	}
	hay := strings.ToLower(name + " " + importer.RegionChinese(name))
	if pl, ok := importer.PlaceNamed(name); ok {
		hay += " " + strings.ToLower(pl.Chinese+" "+strings.Join(pl.Aliases, " "))
	}
	hay = strings.ReplaceAll(hay, "'", "")
	for _, w := range words {
		if !strings.Contains(hay, strings.ReplaceAll(w, "'", "")) {
			return false
		}
	}
	return true
}

func (p *regionPicker) showCount() {
	n := 0
	for _, r := range p.offered {
		if p.ticked[r] {
			n++
		}
	}
	p.count.SetText(T("ui.regions_ticked", n, len(p.offered)))
}

func (p *regionPicker) tick(name string, on bool) {
	if p.updating || p.ticked[name] == on {
		return
	}
	p.ticked[name] = on
	p.showCount()
	p.changed()
}

// set ticks exactly these regions (of those offered).
func (p *regionPicker) set(regions []string) {
	p.ticked = map[string]bool{}
	for _, r := range regions {
		p.ticked[r] = true
	}
	p.list.Refresh()
	p.showCount()
	if !p.updating {
		p.changed()
	}
}

// topTen ticks the ten regions with the largest latest value.
func (p *regionPicker) topTen() {
	var top []string
	for _, r := range p.rank() {
		if slices.Contains(p.offered, r) {
			top = append(top, r)
		}
		if len(top) == 10 {
			break
		}
	}
	p.set(top)
}
