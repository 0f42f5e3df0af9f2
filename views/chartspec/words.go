package chartspec

import (
	"strconv"
	"strings"

	"autocities/charts"
	"autocities/importer"
)

// Chart text follows the UI's language: Choice.Lang "zh" writes titles,
// units, periods, city names and source lines in Chinese. The dictionary is
// here, not in the UI's translation files, because the command line draws
// the same charts without Fyne.

var zhWords = map[string]string{
	"%s by city, %s":                        "%s（按城市），%s",
	"China's car industry, city by city":    "逐城看中国汽车产业",
	"%s · %s %s · %s":                       "%s · %s%s · %s",
	"%s %s":                                 "%[2]s%[1]s",
	"%s: %s, %s":                            "%s：%s，%s",
	" vs ":                                  "与",
	"~ approximate or from a weaker source": "~ 约数或来源较弱",
	"> more than":                           "> 超过",
	"%s · full years · %s":                  "%s · 全年数据 · %s",
	"Rank among Chinese cities, as stated by sources · 1 = top · hollow: a rank for part of the year": "全国城市排名，来源所述 · 1 = 第一 · 空心点：非全年排名",
	"Sources: %s and %d more": "来源：%s 等 %d 个",
	"%s (%s)":                 "%s（%s）",
	"%s: %s%s":                "%s：%s%s",
	", %d–%d":                 "，%d–%d年",
	"%s · full years; hollow points are partial years · %s": "%s · 全年数据；空心点为非全年数据 · %s",
	"%d target: %s":                       "%d年目标：%s",
	"Rank among Chinese cities (1 = top)": "全国城市排名（1 = 第一）",
	"Rank among Chinese cities, as stated by sources · 1 = top": "全国城市排名，来源所述 · 1 = 第一",
	"Rank (as stated by sources)":                               "排名（来源所述）",
	"Source: none stated":                                       "来源：未注明",
	"Sources: ":                                                 "来源：",
	"Source: ":                                                  "来源：",
	"; ":                                                        "；",
	"full year":                                                 "全年",
	"Vehicle production":                                        "汽车产量",
	"NEV production":                                            "新能源汽车产量",
	"Vehicle sales":                                             "汽车销量",
	"NEV sales":                                                 "新能源汽车销量",
	"Vehicle exports (units)":                                   "汽车出口（辆）",
	"Vehicle export value":                                      "汽车出口额",
	"EV export value":                                           "电动汽车出口额",
	"National rank in vehicle production":                       "汽车产量全国排名",
	"National rank in NEV production":                           "新能源汽车产量全国排名",
	"Other stated rank":                                         "其他排名",
	"vehicles":                                                  "辆",
	"10k vehicles (万辆)":                                         "万辆",
	"million vehicles":                                          "百万辆",
	"yuan":                                                      "元",
	"100 million yuan (亿元)":                                     "亿元",
	"billion yuan":                                              "十亿元",
	"rank":                                                      "名次",
}

// tr translates a chart text for the choice's language.
func (c Choice) tr(s string) string {
	if c.Lang == "zh" {
		if z, ok := zhWords[s]; ok {
			return z
		}
	}
	return s
}

func (c Choice) metric(m string) string { return c.tr(importer.MetricLabel(m)) }

func (c Choice) unit(u DisplayUnit) string { return c.tr(u.Label) }

func (c Choice) city(name string) string {
	if c.Lang == "zh" {
		if zh := importer.CityChinese(name); zh != "" {
			return zh
		}
	}
	return name
}

// period is a period token in words: "Jan–Nov" / "1–11月".
func (c Choice) period(p string) string {
	if c.Lang != "zh" {
		return importer.PeriodLabel(p)
	}
	switch {
	case p == "FY":
		return "全年"
	case strings.HasPrefix(p, "YTD"):
		if p == "YTD01" {
			return "1月"
		}
		n, _ := strconv.Atoi(p[3:])
		return "1–" + strconv.Itoa(n) + "月"
	case strings.HasPrefix(p, "M"):
		n, _ := strconv.Atoi(p[1:])
		return strconv.Itoa(n) + "月"
	}
	return p
}

// Words are the charts package's own texts in a language.
func Words(lang string) charts.Words {
	if lang != "zh" {
		return charts.Words{}
	}
	return charts.Words{
		NoData: "无数据：%s", NoDataAtAll: "无数据", NotAvailable: "无", AsStated: "来源所述",
		Rank: "全国排名", Target: "目标 %s",
		Months:    [12]string{"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
		MonthYear: "%[2]d年%[1]s", Lighter: "%s（浅色）", Darker: "%s（深色）",
	}
}
