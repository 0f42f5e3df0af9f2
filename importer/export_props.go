package importer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// setDocProps fills the workbook's document properties: title, the
// sources in short, and the app's version (also as custom properties, which
// Excel shows under File → Info → Properties → Advanced).
func (d *DataSet) setDocProps(f *excelize.File, version string) error {
	now := time.Now().UTC().Format(time.RFC3339)
	src := d.sourceSummary()
	generator := strings.TrimSpace("Auto Cities " + version)
	err := f.SetDocProps(&excelize.DocProperties{
		Title:       "Auto Cities: car production of Chinese cities",
		Subject:     "Observations, targets, events, glossary and sources",
		Creator:     generator,
		Description: src,
		Keywords:    "Auto Cities; China; cities; car production; NEV",
		Category:    "Data",
		Version:     version,
		Created:     now,
		Modified:    now,
	})
	if err != nil {
		return fmt.Errorf("document properties: %w", err)
	}
	for _, p := range []excelize.CustomProperty{
		{Name: "Source", Value: src},
		{Name: "Generator", Value: generator},
		{Name: "App version", Value: cmp.Or(version, "unknown")},
	} {
		if err := f.SetCustomProps(p); err != nil {
			return fmt.Errorf("document property %s: %w", p.Name, err)
		}
	}
	return nil
}

// sourceSummary names the publishers the data comes from, the most cited
// first: "Sources: A; B; C and 12 more (see the Sources sheet)".
func (d *DataSet) sourceSummary() string {
	count := map[string]int{}
	for o := range d.Observations() {
		count[o.SourceID]++
	}
	var names []string
	cited := map[string]int{}
	for _, s := range d.Sources {
		name := cmp.Or(s.Publisher, s.Title, s.ID)
		if _, ok := cited[name]; !ok {
			names = append(names, name)
		}
		cited[name] += count[s.ID]
	}
	slices.SortStableFunc(names, func(a, b string) int { return cmp.Compare(cited[b], cited[a]) })
	switch {
	case len(names) == 0:
		return "Source: none stated"
	case len(names) > 3:
		return fmt.Sprintf("Sources: %s and %d more (see the Sources sheet)", strings.Join(names[:3], "; "), len(names)-3)
	case len(names) > 1:
		return "Sources: " + strings.Join(names, "; ")
	}
	return "Source: " + names[0]
}
