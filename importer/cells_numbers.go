package importer

import (
	"math"
	"strconv"
	"strings"
	"unicode"
)

// normText folds full-width letters, digits and punctuation to ASCII, turns
// the ideographic and no-break spaces into plain spaces and trims.
func normText(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000 || r == 0xA0 || r == 0x202F || r == 0x2009 || r == 0xFEFF:
			r = ' '
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// numKind says what a value cell holds.
type numKind int

const (
	numOK      numKind = iota
	numMissing         // empty, —, -, N/A…: reported, never zero
	numPercent         // a percentage such as 12.5%
	numBad             // text that is not a number
)

// figure is a value cell as read: the figure, its qualifier ("约" → approx)
// and any unit written after it ("260万辆" → 万辆).
type figure struct {
	v    float64
	kind numKind
	qual string
	unit string
}

var missingMarks = map[string]bool{
	"": true, "-": true, "--": true, "---": true, "—": true, "——": true, "–": true, "…": true,
	"……": true, "...": true, "..": true, "/": true, "n/a": true, "na": true, "n.a.": true,
	"nan": true, "null": true, "none": true, "x": true, "*": true, "-/-": true, "#n/a": true,
	"#div/0!": true, "#value!": true, "#ref!": true, "#num!": true, "#name?": true, "#null!": true,
	"无": true, "暂无": true, "缺": true, "空": true, "不详": true, "未公布": true, "—/—": true,
}

var qualPrefixes = []struct{ p, q string }{
	{"大约", Approx}, {"约", Approx}, {"≈", Approx}, {"~", Approx}, {"about", Approx},
	{"approx.", Approx}, {"approx", Approx}, {"around", Approx}, {"接近", Nearly}, {"近", Nearly},
	{"nearly", Nearly}, {"almost", Nearly}, {"超过", MoreThan}, {"逾", MoreThan}, {"超", MoreThan},
	{">", MoreThan}, {"more than", MoreThan}, {"over", MoreThan}, {"预计", Estimate}, {"预测", Estimate},
	{"est.", Estimate},
}

var qualSuffixes = []struct{ s, q string }{
	{"左右", Approx}, {"(e)", Estimate}, {"(est.)", Estimate}, {"(预计)", Estimate}, {"e", Estimate},
}

// parseNumber reads a value cell written by a person: "1,234.5",
// "１２３４", "约260万辆", "12.5%", "—".
func parseNumber(s string) figure {
	t := normText(s)
	if missingMarks[strings.ToLower(t)] {
		return figure{kind: numMissing}
	}
	var n figure
	t, n.qual = cutQualifier(t)
	v, rest, ok := leadingValue(strings.TrimPrefix(t, "第"))
	if !ok {
		n.kind = numBad
		return n
	}
	n.v = v
	return withSuffix(n, rest)
}

// leadingValue reads the number t starts with, negative when t is in
// parentheses ("(12.5)"), and returns the text after it; ok is false when
// t does not start with a finite number.
func leadingValue(t string) (v float64, rest string, ok bool) {
	neg := false
	if strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") && len(t) > 2 {
		neg, t = true, t[1:len(t)-1]
	}
	num, rest := splitNumber(t)
	if num == "" {
		return 0, rest, false
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, rest, false
	}
	if neg {
		v = -v
	}
	return v, rest, true
}

// withSuffix reads what a value cell writes after its number: 余 or 多
// ("260余万辆": more than), a percent or per-mille sign, a counting word
// (位, 名) or a unit.
func withSuffix(n figure, rest string) figure {
	rest = strings.TrimSpace(rest)
	if strings.HasPrefix(rest, "余") || strings.HasPrefix(rest, "多") {
		n.qual, rest = MoreThan, strings.TrimSpace(rest[len("余"):])
	}
	switch {
	case rest == "%" || rest == "‰":
		n.kind = numPercent
		if rest == "‰" {
			n.v /= 10
		}
	case rest == "" || rest == "位" || rest == "名":
	default:
		n.unit = strings.Trim(rest, "() ")
	}
	return n
}

func cutQualifier(t string) (string, string) {
	lower := strings.ToLower(t)
	for _, p := range qualPrefixes {
		if strings.HasPrefix(lower, p.p) {
			return strings.TrimSpace(t[len(p.p):]), p.q
		}
	}
	for _, p := range qualSuffixes {
		if strings.HasSuffix(lower, p.s) && len(t) > len(p.s) {
			rest := strings.TrimSpace(t[:len(t)-len(p.s)])
			if p.s == "e" && (rest == "" || !unicode.IsDigit(rune(rest[len(rest)-1]))) {
				continue
			}
			return rest, p.q
		}
	}
	return t, ""
}

// splitNumber cuts the leading number off s and normalises its separators:
// thousands commas go ("1,234,567"), a lone decimal comma becomes a point
// ("12,5").
func splitNumber(s string) (num, rest string) {
	start := 0 // after the sign
	if s != "" && (s[0] == '-' || s[0] == '+') {
		start = 1
	}
	i := start
	for i < len(s) && inMantissa(s, i, start) {
		i++
	}
	i = exponentEnd(s, i)
	body := strings.ReplaceAll(s[:i], " ", "")
	if !opensNumber(body[start:]) {
		return "", s
	}
	return fixSeparators(body), s[i:]
}

// inMantissa reports whether s[i] belongs to the digits of a number that
// starts at start: a digit, a comma or point, or a space between groups
// of digits ("1 234").
func inMantissa(s string, i, start int) bool {
	switch s[i] {
	case ',', '.':
		return true
	case ' ':
		return i > start && i+1 < len(s) && isDigit(s[i+1])
	}
	return isDigit(s[i])
}

// exponentEnd returns where an exponent at s[i] ("e6", "E-3") ends, or i
// when s[i] starts none.
func exponentEnd(s string, i int) int {
	if i >= len(s) || s[i] != 'e' && s[i] != 'E' || i+1 >= len(s) {
		return i
	}
	j := i + 1
	if s[j] == '-' || s[j] == '+' {
		j++
	}
	if j >= len(s) || !isDigit(s[j]) {
		return i
	}
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	return j
}

// opensNumber reports whether digits (a number without its sign) start as
// a number does: with a digit, or with a point and more (".5").
func opensNumber(digits string) bool {
	return digits != "" && (isDigit(digits[0]) || digits[0] == '.' && len(digits) > 1)
}

func fixSeparators(b string) string {
	if !strings.Contains(b, ",") {
		return b
	}
	intPart, frac, hasDot := strings.Cut(b, ".")
	groups := strings.Split(strings.TrimLeft(intPart, "+-"), ",")
	thousands := len(groups[0]) >= 1 && len(groups[0]) <= 3
	for _, g := range groups[1:] {
		thousands = thousands && len(g) == 3
	}
	switch {
	case thousands:
		out := strings.ReplaceAll(intPart, ",", "")
		if hasDot {
			out += "." + frac
		}
		return out
	case len(groups) == 2 && !hasDot:
		return strings.Replace(intPart, ",", ".", 1)
	}
	return "x" // not a number: ParseFloat refuses it
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// looksNumeric reports whether a cell holds a number (stored or written).
func looksNumeric(c cell) bool {
	if c.num {
		return true
	}
	n := parseNumber(c.text)
	return n.kind == numOK && n.unit == ""
}
