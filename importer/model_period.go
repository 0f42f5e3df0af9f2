package importer

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
)

// Period is the part of a year a figure covers: the full year, January
// through a month (cumulative, "Jan–Nov"), or one month. It is written as
// a token: FY, YTDnn or Mnn (nn two digits). January through December is
// the full year.
type Period uint8

// FY is the full year.
const FY Period = 0

// YTD is January through month m (1–11; 12 is the full year).
func YTD(m int) Period {
	if m >= 12 || m < 1 {
		return FY
	}
	return Period(m)
}

// Month is the single month m (1–12).
func Month(m int) Period { return Period(12 + min(max(m, 1), 12)) }

// IsFullYear reports whether p is the full year.
func (p Period) IsFullYear() bool { return p == FY }

// IsCumulative reports whether p is January through a month before
// December.
func (p Period) IsCumulative() bool { return p >= 1 && p <= 11 }

// IsMonth reports whether p is a single month.
func (p Period) IsMonth() bool { return p >= 13 && p <= 24 }

// LastMonth is the last month p covers: 12 for the full year, 11 for
// Jan–Nov or November.
func (p Period) LastMonth() int {
	switch {
	case p.IsCumulative():
		return int(p)
	case p.IsMonth():
		return int(p) - 12
	}
	return 12
}

// String is the token: FY, YTD11, M11.
func (p Period) String() string {
	switch {
	case p.IsCumulative():
		return fmt.Sprintf("YTD%02d", int(p))
	case p.IsMonth():
		return fmt.Sprintf("M%02d", int(p)-12)
	}
	return "FY"
}

// ParsePeriod reads a token: FY, YTDnn, Mnn (any case; YTD12 is FY).
func ParsePeriod(s string) (Period, bool) {
	t := strings.ToUpper(strings.TrimSpace(s))
	switch {
	case t == "FY":
		return FY, true
	case strings.HasPrefix(t, "YTD"):
		if n, err := strconv.Atoi(t[3:]); err == nil && n >= 1 && n <= 12 {
			return YTD(n), true
		}
	case strings.HasPrefix(t, "M"):
		if n, err := strconv.Atoi(t[1:]); err == nil && n >= 1 && n <= 12 {
			return Month(n), true
		}
	}
	return FY, false
}

// ComparePeriods orders periods as the app lists them: the full year,
// then cumulative periods from the longest, then months from the latest.
func ComparePeriods(a, b Period) int {
	rank := func(p Period) (int, int) {
		switch {
		case p.IsFullYear():
			return 0, 0
		case p.IsCumulative():
			return 1, -p.LastMonth()
		}
		return 2, -p.LastMonth()
	}
	ka, na := rank(a)
	kb, nb := rank(b)
	return cmp.Or(cmp.Compare(ka, kb), cmp.Compare(na, nb))
}
