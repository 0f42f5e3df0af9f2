package views

import (
	"encoding/json"

	"fyne.io/fyne/v2"

	"autocities/importer"
)

// What the window remembers for the next start: the tab in front, and
// each chart tab's choices (metric, period, years, regions and their
// level, sort, events shown). The display units are remembered by kind
// (unitPref).
const (
	prefLastTab     = "lastTab"
	prefChoicesRoot = "choices."
)

// savedChoice is a chart tab's choices as kept in the preferences.
type savedChoice struct {
	Metric  importer.Metric `json:"metric"`
	Period  string          `json:"period"`
	Years   []int           `json:"years,omitempty"`
	Regions []string        `json:"regions,omitempty"`
	Level   string          `json:"level"`
	Sort    string          `json:"sort,omitempty"`
	Events  string          `json:"events,omitempty"`
}

func prefs() fyne.Preferences {
	if a := fyne.CurrentApp(); a != nil {
		return a.Preferences()
	}
	return nil
}

// remember keeps the tab's choices for the next start.
func (t *chartTab) remember() {
	p := prefs()
	if p == nil {
		return
	}
	c := t.choice
	b, err := json.Marshal(savedChoice{Metric: c.Metric, Period: c.Period.String(), Years: c.Years, Regions: c.Cities,
		Level: t.regions.Level().String(), Sort: c.Sort, Events: c.Events})
	if err == nil {
		p.SetString(prefChoicesRoot+c.Kind, string(b))
	}
}

// recall puts the choices kept at the last run into the tab's choice and
// region panel; what no longer fits the data is dropped as the tab fills
// its controls.
func (t *chartTab) recall() {
	p := prefs()
	if p == nil {
		return
	}
	var sc savedChoice
	if json.Unmarshal([]byte(p.String(prefChoicesRoot+t.choice.Kind)), &sc) != nil || sc.Metric == "" {
		return
	}
	c := &t.choice
	c.Metric, c.Years, c.Cities, c.Sort = sc.Metric, sc.Years, sc.Regions, sc.Sort
	if sc.Events != "" {
		c.Events = sc.Events
	}
	if per, ok := importer.ParsePeriod(sc.Period); ok {
		c.Period = per
	}
	if l, ok := importer.ParseLevel(sc.Level); ok {
		t.regions.preferLevel(l)
	}
}

// recallTab is the index of the tab in front at the last run.
func recallTab(n int) int {
	p := prefs()
	if p == nil {
		return 0
	}
	return min(max(p.Int(prefLastTab), 0), n-1)
}

func rememberTab(i int) {
	if p := prefs(); p != nil {
		p.SetInt(prefLastTab, i)
	}
}
