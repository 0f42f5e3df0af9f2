package charts

import (
	"math"
	"strconv"
	"strings"
)

// FormatValue writes v with the given decimals and thousands separators:
// 2540000 → "2,540,000", 2.5353 with 2 decimals → "2.54".
func FormatValue(v float64, decimals int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "n/a"
	}
	if decimals < 0 {
		decimals = 0
	}
	s := strconv.FormatFloat(roundHalfUp(v, decimals), 'f', decimals, 64)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	if neg && strings.Trim(intPart+frac, "0.") == "" {
		neg = false // no "-0.00"
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	b.WriteString(frac)
	return b.String()
}

// roundHalfUp rounds as people and Excel do: 0.865 → 0.87, although the
// float nearest 0.865 is a hair below it. Fifteen significant digits drop
// that binary noise before rounding half away from zero.
func roundHalfUp(v float64, decimals int) float64 {
	p := math.Pow(10, float64(decimals))
	x, err := strconv.ParseFloat(strconv.FormatFloat(v*p, 'g', 15, 64), 64)
	if err != nil {
		return v
	}
	return math.Round(x) / p
}

// niceScale picks axis ticks from lo to hi (lo ≤ hi) with about maxTicks
// intervals, steps of 1, 2, 2.5 or 5 × 10ⁿ, never finer than 10^-decimals.
// It returns the rounded bounds, the step and the decimals the step needs.
func niceScale(lo, hi float64, maxTicks, decimals int) (min, max, step float64, stepDecimals int) {
	if maxTicks < 1 {
		maxTicks = 1
	}
	if hi <= lo {
		hi = lo + 1
	}
	raw := (hi - lo) / float64(maxTicks)
	floor := math.Pow(10, -float64(decimals))
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step = 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw*(1-1e-9) {
			step = m * mag
			break
		}
	}
	if step < floor {
		step = floor
	}
	min = math.Floor(lo/step+1e-9) * step
	max = math.Ceil(hi/step-1e-9) * step
	for stepDecimals = 0; stepDecimals < 10; stepDecimals++ {
		scaled := step * math.Pow(10, float64(stepDecimals))
		if math.Abs(scaled-math.Round(scaled)) < 1e-6 {
			break
		}
	}
	return min, max, step, stepDecimals
}
