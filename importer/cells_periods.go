package importer

import (
	"cmp"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// when is what a header, title or key cell says about time.
type when struct {
	year   int    // 0: not stated
	period string // FY, YTDnn, Mnn; "" when only a year or a context word was seen
	// month is a month named with no word on whether it is cumulative (a
	// group header "2025年11月" over "本月" and "累计").
	month int
	// ctx is "current" (本月, 当月) or "cumulative" (累计): the month comes
	// from a header above.
	ctx string
	bad badWhen // a period we cannot represent (a quarter, H2): why
	// implied: period FY only because a bare year was written ("2025年"
	// in a title); a month stated elsewhere for that year wins over it.
	implied bool
}

// badWhen is why a written time cannot be a period: a when.* code and
// up to two values.
type badWhen struct{ code, a, b string }

func (b badWhen) msg() Msg {
	var args []any
	for _, s := range []string{b.a, b.b} {
		if s != "" {
			args = append(args, s)
		}
	}
	return M(b.code, args...)
}

func (w when) empty() bool {
	return w.year == 0 && w.period == "" && w.month == 0 && w.ctx == "" && w.bad.code == ""
}

var (
	reYear      = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})(?:[^0-9]|$)`)
	reMonthRng  = regexp.MustCompile(`(?:^|[^0-9])([0-9]{1,2})-([0-9]{1,2})月`)
	reMonthZh   = regexp.MustCompile(`(?:^|[^0-9-])([0-9]{1,2})月`)
	reMonthNum  = regexp.MustCompile(`^(?:19|20)[0-9]{2}[-/.]([0-9]{1,2})(?:[-/.][0-9]{1,2})?(?:[t ].*)?$`)
	reToken     = regexp.MustCompile(`^(fy|ytd([0-9]{2})|m([0-9]{2}))$`)
	reQuarterRg = regexp.MustCompile(`q1-q([1-4])`)
	reWords     = regexp.MustCompile(`[a-z][a-z0-9]*`)
)

var monthNames = map[string]int{"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3,
	"march": 3, "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
	"nov": 11, "november": 11, "dec": 12, "december": 12}

var dashes = strings.NewReplacer("—", "-", "–", "-", "－", "-", "~", "-", "～", "-", "至", "-",
	"到", "-", " to ", "-", " through ", "-", " - ", "-")

// parseWhen reads time from text: "2024", "FY2024", "2025年1-11月",
// "Jan–Nov 2025", "H1 2024", "2025-11", "11月", "本月", "累计".
func parseWhen(s string) when {
	t := strings.ToLower(normText(s))
	if f, err := strconv.ParseFloat(t, 64); err == nil {
		if f == float64(int(f)) && f >= 1900 && f <= 2100 {
			return when{year: int(f), period: "FY", implied: true}
		}
		return when{}
	}
	t = dashes.Replace(t)
	var w when
	if m := reMonthNum.FindStringSubmatch(t); m != nil {
		w.year, _ = strconv.Atoi(t[:4])
		return withMonth(w, m[1], "M")
	}
	years := reYear.FindAllStringSubmatch(t, -1)
	if len(years) > 0 {
		w.year, _ = strconv.Atoi(years[0][1])
		if len(years) > 1 && years[1][1] != years[0][1] {
			return when{} // a span of years says nothing about one value
		}
		t = strings.ReplaceAll(t, years[0][1], " ")
	}
	w = periodWords(t, w)
	if w.year != 0 && w.period == "" && w.month == 0 && w.ctx == "" && w.bad.code == "" {
		w.period, w.implied = "FY", true
	}
	return w
}

// periodWords reads the part of a period after its year is taken out.
func periodWords(t string, w when) when {
	t = strings.TrimSpace(t)
	if w2, ok := periodToken(t, w); ok {
		return w2
	}
	if m := reMonthRng.FindStringSubmatch(t); m != nil {
		return monthRange(w, m[1], m[2])
	}
	if w2, ok := quarterWords(t, w); ok {
		return w2
	}
	if w2, ok := englishMonths(t, w); ok {
		return w2
	}
	if m := reMonthZh.FindStringSubmatch(t); m != nil {
		w.month, _ = strconv.Atoi(m[1])
		if w.month < 1 || w.month > 12 {
			return when{bad: badWhen{"when.month_range", m[1], ""}}
		}
	}
	return contextWords(t, w)
}

// periodToken reads the app's own period tokens: "FY", "YTD11", "M03".
func periodToken(t string, w when) (when, bool) {
	m := reToken.FindStringSubmatch(strings.Trim(t, " 年"))
	switch {
	case m == nil:
		return w, false
	case m[2] != "":
		return withMonth(w, m[2], "YTD"), true
	case m[3] != "":
		return withMonth(w, m[3], "M"), true
	}
	w.period = "FY"
	return w, true
}

// contextWords reads the words that say whether a month is the month alone
// (本月, 当月) or cumulative (累计, YTD), or that the period is the full
// year (全年, annual, FY).
func contextWords(t string, w when) when {
	switch {
	case strings.Contains(t, "本月") || strings.Contains(t, "当月"):
		w.ctx = "current"
	case strings.Contains(t, "累计") || strings.Contains(t, "cumulative") || strings.Contains(t, "ytd"):
		w.ctx = "cumulative"
	case strings.Contains(t, "全年") || strings.Contains(t, "full year") || strings.Contains(t, "annual") || strings.Contains(t, "fy"):
		w.period = "FY"
	}
	return w
}

func withMonth(w when, mm, kind string) when {
	n, _ := strconv.Atoi(mm)
	if n < 1 || n > 12 {
		return when{bad: badWhen{"when.month_range", mm, ""}}
	}
	w.period = fmt.Sprintf("%s%02d", kind, n)
	if w.period == "YTD12" {
		w.period = "FY"
	}
	return w
}

func monthRange(w when, from, to string) when {
	if from != "1" && from != "01" {
		w.bad = badWhen{"when.not_from_january", from, to}
		return w
	}
	return withMonth(w, to, "YTD")
}

var quarterTable = []struct{ word, period, bad string }{ // bad: a when.* code
	{"前三季度", "YTD09", ""}, {"1-3季度", "YTD09", ""}, {"上半年", "YTD06", ""},
	{"下半年", "", "when.h2"},
	{"第一季度", "YTD03", ""}, {"一季度", "YTD03", ""}, {"1季度", "YTD03", ""},
	{"二季度", "", "when.quarter"},
	{"三季度", "", "when.quarter"},
	{"四季度", "", "when.quarter"},
}

func quarterWords(t string, w when) (when, bool) {
	for _, q := range quarterTable {
		if strings.Contains(t, q.word) {
			w.period = q.period
			if q.bad != "" {
				w.bad = badWhen{code: q.bad}
			}
			return w, true
		}
	}
	if m := reQuarterRg.FindStringSubmatch(t); m != nil {
		n, _ := strconv.Atoi(m[1])
		return withMonth(w, strconv.Itoa(3*n), "YTD"), true
	}
	for _, wd := range reWords.FindAllString(t, -1) {
		switch wd {
		case "h1":
			w.period = "YTD06"
			return w, true
		case "q1":
			w.period = "YTD03"
			return w, true
		case "h2", "q2", "q3", "q4":
			w.bad = badWhen{"when.not_from_january_word", strings.ToUpper(wd), ""}
			return w, true
		}
	}
	return w, false
}

// englishMonths reads "Jan-Nov", "January-November" and "Nov".
func englishMonths(t string, w when) (when, bool) {
	var months []int
	for _, wd := range reWords.FindAllString(t, -1) {
		if m, ok := monthNames[wd]; ok {
			months = append(months, m)
		}
	}
	switch len(months) {
	case 0:
		return w, false
	case 1:
		if strings.Contains(t, "ytd") || strings.Contains(t, "year to date") || strings.Contains(t, "cumulative") {
			return withMonth(w, strconv.Itoa(months[0]), "YTD"), true // "YTD Nov 2025"
		}
		return withMonth(w, strconv.Itoa(months[0]), "M"), true
	}
	return monthRange(w, strconv.Itoa(months[0]), strconv.Itoa(months[len(months)-1])), true
}

// resolveWhen turns the time stated in a cell's row, its column header and
// the sheet's titles (nearest first) into a year and period. A month stated
// anywhere beats a full year implied by a bare year; a month with no year
// anywhere is an error, never a guess.
func resolveWhen(parts ...when) (int, Period, error) {
	var year int
	for _, p := range parts {
		year = cmp.Or(year, p.year)
	}
	period, err := statedPeriod(year, parts)
	if err != nil {
		return 0, FY, err
	}
	if year == 0 {
		if period == "" {
			return 0, FY, msgErr("when.none")
		}
		return 0, FY, msgErr("when.no_year", period)
	}
	p, ok := ParsePeriod(period)
	if !ok {
		return 0, FY, msgErr("when.unreadable", period)
	}
	return year, p, nil
}

// statedPeriod is the period that the parts stating year, or no year, say
// together: the first one written out (not implied by a bare year), else
// the one their month and its context make; a period that cannot be
// represented is an error.
func statedPeriod(year int, parts []when) (string, error) {
	var month int
	var period, ctx string
	for _, p := range parts {
		if p.year != 0 && p.year != year {
			continue // a title's "2025年1-11月" says nothing about a row's 2024
		}
		if p.bad.code != "" {
			return "", msgError{p.bad.msg()}
		}
		if !p.implied && period == "" {
			period = p.period
		}
		month = cmp.Or(month, p.month)
		ctx = cmp.Or(ctx, p.ctx)
	}
	if period != "" {
		return period, nil
	}
	return impliedPeriod(year, month, ctx)
}

// impliedPeriod is the period when none is written out: the month, to date
// when its context is cumulative (累计); else FY when a year is known; ""
// when nothing is. A context with no month (本月 alone) is an error.
func impliedPeriod(year, month int, ctx string) (string, error) {
	switch {
	case month != 0 && ctx == "cumulative":
		return withMonth(when{}, strconv.Itoa(month), "YTD").period, nil
	case month != 0:
		return fmt.Sprintf("M%02d", month), nil
	case ctx != "":
		return "", msgErr("when.no_month", M("when.ctx."+ctx))
	case year != 0:
		return "FY", nil
	}
	return "", nil
}
