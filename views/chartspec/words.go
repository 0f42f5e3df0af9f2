package chartspec

import (
	"autocities/charts"
	"autocities/importer"
)

// Chart text follows the choice's language (Choice.Lang: "en" or "zh"):
// titles, units, periods, region names and source lines come from that
// language's table in assets/translations, which the app (and the command
// line) hand to importer.AddVocabulary at start.

func (c Choice) words() *importer.Vocabulary { return importer.VocabularyFor(c.Lang) }

// tr is a code's text in the choice's language.
func (c Choice) tr(code string, args ...any) string { return c.words().T(code, args...) }

func (c Choice) metric(m importer.Metric) string { return c.words().Metric(m) }

func (c Choice) unit(u DisplayUnit) string {
	if u.Written != "" {
		return u.Written
	}
	return c.tr("unit.d." + u.Key)
}

func (c Choice) city(name string) string { return c.words().Region(name) }

// period is a period in words: "Jan–Nov" / "1–11月".
func (c Choice) period(p importer.Period) string { return c.words().Period(p) }

// Words are the charts package's own texts in a language.
func Words(lang string) charts.Words {
	v := importer.VocabularyFor(lang)
	w := charts.Words{
		NoData: v.T("chart.nodata", "%s"), NoDataAtAll: v.T("chart.nodata_all"), NotAvailable: v.T("chart.na"),
		AsStated: v.T("chart.as_stated"), Rank: v.T("chart.rank"), Target: v.T("chart.target_line", "%s"),
		Lighter: v.T("chart.lighter", "%s"), Darker: v.T("chart.darker", "%s"),
		SourcesInNotes: v.T("chart.sources_in_notes"),
	}
	if f, ok := v.Text("chart.month_year"); ok {
		w.MonthYear = f
	}
	for i := range w.Months {
		w.Months[i] = v.MonthShort(i + 1)
	}
	return w
}

// eventTitle is an event's title in the choice's language, where the data
// gives it.
func (c Choice) eventTitle(e importer.Event) string {
	if c.Lang == "zh" && e.TitleZh != "" {
		return e.TitleZh
	}
	return e.Title
}
