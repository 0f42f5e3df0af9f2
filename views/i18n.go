package views

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"autocities/assets"
	"autocities/importer"
	"autocities/views/chartspec"
)

// The UI's words go through fyne's lang package: the key is the English
// text, assets/translations/en.json and zh.json give each language's words.

func init() {
	if err := lang.AddTranslationsFS(assets.Translations(), "translations"); err != nil {
		fyne.LogError("loading translations", err)
	}
}

// chinese reports whether the UI speaks Chinese: whether lang picked the
// Chinese words (the system locale may ask for a language we lack).
func chinese() bool { return lang.L("Compare") != "Compare" }

// uiLang is the UI's language code for chart text.
func uiLang() string {
	if chinese() {
		return "zh"
	}
	return "en"
}

func label(key string) *widget.Label { return widget.NewLabel(lang.L(key)) }

func metricLabel(m string) string { return lang.L(importer.MetricLabel(m)) }

// periodLabel is a period token in the UI's language: "full year",
// "Jan–Nov" / "全年", "1–11月".
func periodLabel(p string) string {
	if !chinese() {
		return importer.PeriodLabel(p)
	}
	switch {
	case p == "FY":
		return "全年"
	case strings.HasPrefix(p, "YTD"):
		n, _ := strconv.Atoi(p[3:])
		if n == 1 {
			return "1月"
		}
		return "1–" + strconv.Itoa(n) + "月"
	case strings.HasPrefix(p, "M"):
		n, _ := strconv.Atoi(p[1:])
		return strconv.Itoa(n) + "月"
	}
	return p
}

// cityLabel is a city's name in the UI's language (重庆 in Chinese).
func cityLabel(city string) string {
	if chinese() {
		if zh := importer.CityChinese(city); zh != "" {
			return zh
		}
	}
	return city
}

func unitLabel(u chartspec.DisplayUnit) string { return lang.L(u.Label) }

func unitWord(unit string) string { return lang.L(unit) }

// tierLabel names a source tier. The keys are "tier: …" because go-i18n
// reserves plural words such as "other" as keys.
func tierLabel(tier string) string { return lang.L("tier: " + tier) }

func qualifierLabel(q, confidence string) string {
	s := lang.L(strings.ReplaceAll(q, "_", " "))
	if confidence == importer.Low {
		s += " · " + lang.L("low confidence")
	}
	return s
}
