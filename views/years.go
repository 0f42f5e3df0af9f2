package views

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// yearsPicker chooses one year or several (grouped bars): a button that
// names the years chosen and opens a checklist of the years with data.
type yearsPicker struct {
	button  *widget.Button
	checks  *widget.CheckGroup
	years   []int
	chosen  []int
	changed func()
	popup   *widget.PopUp
}

func newYearsPicker(changed func()) *yearsPicker {
	p := &yearsPicker{changed: changed}
	p.checks = widget.NewCheckGroup(nil, func([]string) { p.onChecks() })
	p.button = &widget.Button{Text: "—", OnTapped: p.open}
	return p
}

// offer lists the years with data, newest first, and chooses keep.
func (p *yearsPicker) offer(years, keep []int) {
	p.years = years
	var options []string
	for _, y := range years {
		options = append(options, strconv.Itoa(y))
	}
	p.checks.OnChanged = nil
	p.checks.Options = options
	p.set(keep)
	p.checks.OnChanged = func([]string) { p.onChecks() }
}

func (p *yearsPicker) set(years []int) {
	p.chosen = slices.Sorted(slices.Values(years))
	var sel []string
	for _, y := range p.chosen {
		sel = append(sel, strconv.Itoa(y))
	}
	p.checks.Selected = sel
	p.checks.Refresh()
	p.button.SetText(yearsText(p.chosen) + "  ▾")
}

// Chosen lists the years chosen, oldest first.
func (p *yearsPicker) Chosen() []int { return p.chosen }

func yearsText(years []int) string {
	if len(years) == 0 {
		return "—"
	}
	return strings.Trim(fmt.Sprint(years), "[]")
}

func (p *yearsPicker) onChecks() {
	var years []int
	for _, s := range p.checks.Selected {
		if y, err := strconv.Atoi(s); err == nil {
			years = append(years, y)
		}
	}
	if len(years) == 0 && len(p.chosen) > 0 { // at least one year: keep the last one
		years = p.chosen[len(p.chosen)-1:]
	}
	p.set(years)
	p.changed()
}

// open shows the checklist under the button.
func (p *yearsPicker) open() {
	c := fyne.CurrentApp().Driver().CanvasForObject(p.button)
	if c == nil {
		return
	}
	body := container.NewVScroll(p.checks)
	body.SetMinSize(fyne.NewSize(120, min(float32(len(p.years))*36+8, 320)))
	p.popup = widget.NewPopUp(body, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(p.button)
	p.popup.ShowAtPosition(pos.AddXY(0, p.button.Size().Height))
}
