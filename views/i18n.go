package views

import (
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"autocities/assets"
	"autocities/importer"
	"autocities/views/chartspec"
)

// The app's words: one table per language in assets/translations (en.json,
// zh-Hans.json), keyed by codes ("ui.compare", "metric.production",
// "why.tier", "cell.not_number"), read once at start into the importer's
// vocabularies. The UI, the charts (views/chartspec) and the reasons the
// importer gives (codes with values) all put their words through them, so
// what the Chinese UI shows is as complete as zh-Hans.json. The language
// follows the system (Fyne reads it, with the user's saved choice first:
// views/locale); tests set it with useUILanguage.

func init() {
	if err := importer.UseAssets(assets.Files()); err != nil {
		fyne.LogError("loading the gazetteer and translations", err)
	}
	useUILanguage(systemLanguage())
}

// systemLanguage is "zh" when the system (or the user's saved choice)
// asks for Chinese, else "en".
func systemLanguage() string {
	if strings.HasPrefix(strings.ToLower(lang.SystemLocale().LanguageString()), "zh") {
		return "zh"
	}
	return "en"
}

var uiLanguage atomic.Value // "en" or "zh"

// useUILanguage sets the language of the UI, the charts and the importer's
// messages.
func useUILanguage(code string) {
	uiLanguage.Store(code)
	importer.UseLanguage(code)
}

// uiLang is the UI's language code: "en" or "zh".
func uiLang() string {
	if l, ok := uiLanguage.Load().(string); ok {
		return l
	}
	return "en"
}

// chinese reports whether the UI speaks Chinese.
func chinese() bool { return uiLang() == "zh" }

func words() *importer.Vocabulary { return importer.VocabularyFor(uiLang()) }

// T is a code's text in the UI's language, with its values.
func T(code string, args ...any) string { return words().T(code, args...) }

// say puts an importer message into the UI's language.
func say(m importer.Msg) string { return words().Say(m) }

func label(code string) *widget.Label { return widget.NewLabel(T(code)) }

func metricLabel(m importer.Metric) string { return words().Metric(m) }

// periodLabel is a period in the UI's language: "full year", "Jan–Nov" /
// "全年", "1–11月".
func periodLabel(p importer.Period) string { return words().Period(p) }

// cityLabel is a region's name in the UI's language (重庆 in Chinese).
func cityLabel(region string) string { return words().Region(region) }

func unitLabel(u chartspec.DisplayUnit) string {
	if u.Written != "" {
		return u.Written
	}
	return T("unit.d." + u.Key)
}

// unitWord names a canonical unit: vehicles, yuan, rank.
func unitWord(unit string) string {
	if words().Has("unit." + unit) {
		return T("unit." + unit)
	}
	return unit
}

// tierLabel names a source tier.
func tierLabel(tier string) string { return T("tier." + tier) }

// typeLabel names a kind of event or glossary term (policy, company, city…).
func typeLabel(kind string) string {
	if words().Has("type." + kind) {
		return T("type." + kind)
	}
	return kind
}

func qualifierLabel(q, confidence string) string {
	s := T("qualifier." + q)
	if confidence == importer.Low {
		s += " · " + T("ui.low_confidence")
	}
	return s
}

// eventTitle is an event's title in the UI's language (the data carries
// Chinese titles beside the English ones).
func eventTitle(e importer.Event) string {
	if chinese() && e.TitleZh != "" {
		return e.TitleZh
	}
	return e.Title
}

func eventDetail(e importer.Event) string {
	if chinese() && e.DetailZh != "" {
		return e.DetailZh
	}
	return e.Detail
}

// termSense and termSummary are a glossary term's sense and summary in the
// UI's language, where the data gives them.
func termSense(t importer.Term) string {
	if chinese() && t.SenseZh != "" {
		return t.SenseZh
	}
	return t.Sense
}

func termSummary(t importer.Term) string {
	if chinese() && t.SummaryZh != "" {
		return t.SummaryZh
	}
	return t.Summary
}

// levelLabel names a region's level: city, province-level municipality…
func levelLabel(l importer.Level) string { return T("level." + l.String()) }
