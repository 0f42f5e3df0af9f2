package chartspec

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"autocities/charts"
	"autocities/importer"
)

// Kinds of chart.
const (
	KindCompare  = "compare"
	KindTimeline = "timeline"
	KindRank     = "rank"
)

// Kind is one kind of chart: its name (as the command line's --kind says
// it), its place in the app's tabs and the deck, its default choice and the
// builder of its spec. Each kind registers itself from its own file
// (compare.go, timeline.go, rank.go), so a new kind is a new file here, a
// drawing file in charts, a tab in views and its words.
type Kind struct {
	Name     string
	Order    int                                                         // tabs and slides, ascending
	Defaults func(d *importer.DataSet, c Choice) Choice                  // adjusts the common defaults
	build    func(d *importer.DataSet, c Choice) (charts.Spec, []string) // the chart of a choice and its sources
}

var kinds []Kind

func register(k Kind) {
	kinds = append(kinds, k)
	slices.SortFunc(kinds, func(a, b Kind) int { return cmp.Compare(a.Order, b.Order) })
}

// KindNames lists the kinds' names, for messages: "compare, timeline, rank".
func KindNames() []string {
	var out []string
	for _, k := range kinds {
		out = append(out, k.Name)
	}
	return out
}

func kindNamed(name string) (Kind, error) {
	name = cmp.Or(name, KindCompare)
	for _, k := range kinds {
		if k.Name == name {
			return k, nil
		}
	}
	return Kind{}, fmt.Errorf("chart kind %q is not one of %s", name, strings.Join(KindNames(), ", "))
}

// Defaults returns the default choice for a kind of chart: production, full
// year; the kind adds its own (the latest year with three cities, or
// Chongqing). An unknown kind gives the Compare defaults.
func Defaults(d *importer.DataSet, kind string) Choice {
	k, err := kindNamed(kind)
	if err != nil {
		k, _ = kindNamed(KindCompare)
	}
	return k.Defaults(d, Choice{Kind: k.Name, Metric: importer.Production, Period: importer.FY, Event: -1})
}

// Build makes the chart of the choice, with the user's title, subtitle
// and note where they gave them (Titles).
func Build(d *importer.DataSet, c Choice) (charts.Spec, error) {
	spec, _, err := build(d, c)
	return spec, err
}

// build is Build and the IDs of the sources of what the chart draws.
func build(d *importer.DataSet, c Choice) (charts.Spec, []string, error) {
	k, err := kindNamed(c.Kind)
	if err != nil {
		return nil, nil, err
	}
	spec, sources := k.build(d, c)
	return titled(d, c, spec), sources, nil
}
