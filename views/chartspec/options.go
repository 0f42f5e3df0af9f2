package chartspec

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"autocities/charts"
	"autocities/importer"
)

// Backgrounds of an exported picture, chosen apart from the app's theme:
// light, dark, or none — transparent, with dark text for a light slide or
// light text for a dark one.
const (
	BackgroundLight            = "light"
	BackgroundDark             = "dark"
	BackgroundTransparent      = "transparent"      // for a light slide: dark text
	BackgroundTransparentLight = "transparent-dark" // for a dark slide: light text
)

// Backgrounds lists the backgrounds, as --background takes them.
var Backgrounds = []string{BackgroundLight, BackgroundDark, BackgroundTransparent, BackgroundTransparentLight}

// SetBackground sets the theme and transparency of a picture's options.
func SetBackground(o *charts.Options, name string) error {
	switch name {
	case BackgroundLight:
		o.Theme, o.Transparent = charts.Light, false
	case BackgroundDark:
		o.Theme, o.Transparent = charts.Dark, false
	case BackgroundTransparent:
		o.Theme, o.Transparent = charts.Light, true
	case BackgroundTransparentLight:
		o.Theme, o.Transparent = charts.Dark, true
	default:
		return fmt.Errorf("background %q is not one of %s", name, strings.Join(Backgrounds, ", "))
	}
	return nil
}

// chartFlags are the chart command's flags each kind of chart uses; the
// others (--period on a timeline) do not apply to it.
var chartFlags = map[string][]string{
	KindCompare:  {"year", "period", "cities", "unit", "highlight"},
	KindTimeline: {"cities", "unit", "highlight", "same-period"},
	KindRank:     {"cities", "highlight"},
}

// IgnoredFlags lists the flags set on the command line that a kind of
// chart does not use: --period on a timeline is used only with
// --same-period, to name the period.
func IgnoredFlags(kind string, set []string, samePeriod bool) []string {
	use := chartFlags[kind]
	var out []string
	for _, f := range set {
		if _, chartFlag := flagOwners()[f]; !chartFlag || slices.Contains(use, f) {
			continue
		}
		if kind == KindTimeline && f == "period" && samePeriod {
			continue
		}
		out = append(out, f)
	}
	return out
}

func flagOwners() map[string]bool {
	m := map[string]bool{}
	for _, fs := range chartFlags {
		for _, f := range fs {
			m[f] = true
		}
	}
	return m
}

// FileName suggests a file name for a chart, without extension, in
// English whatever the chart's language: what it shows and the years
// drawn ("vehicle-production-2023-2025", "chongqing-vehicle-production-2014-2025").
func FileName(d *importer.DataSet, c Choice) string {
	c.Lang = "en"
	spec, err := Build(d, c)
	if err != nil || !charts.HasData(spec) {
		return slug(c.metric(c.Metric))
	}
	var words []string
	if c.Kind != KindCompare && len(c.Cities) == 1 {
		words = append(words, c.Cities[0])
	}
	words = append(words, c.metric(c.Metric))
	lo, hi := yearsDrawn(spec)
	if lo > 0 {
		words = append(words, fmt.Sprint(lo))
	}
	if hi > lo {
		words = append(words, fmt.Sprint(hi))
	}
	return slug(strings.Join(words, " "))
}

// yearsDrawn is the first and last year a chart shows.
func yearsDrawn(spec charts.Spec) (lo, hi int) {
	var series []charts.Series
	switch s := spec.(type) {
	case charts.Compare:
		for _, g := range s.Groups {
			var y int
			if _, err := fmt.Sscan(g, &y); err == nil {
				lo, hi = minYear(lo, y), max(hi, y)
			}
		}
		return lo, hi
	case charts.Timeline:
		series = s.Series
	case charts.Rank:
		series = s.Series
	}
	for _, ser := range series {
		for _, p := range ser.Points {
			lo, hi = minYear(lo, p.Year), max(hi, p.Year)
		}
	}
	return lo, hi
}

func minYear(a, b int) int {
	if a == 0 {
		return b
	}
	return min(a, b)
}

// slug writes words as a file name: lower case, letters and digits, hyphens.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}
