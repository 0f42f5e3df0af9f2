package views

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"autocities/assets"
	"autocities/importer"
	"autocities/views/chartspec"
)

var codeShape = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-zA-Z0-9_]+)+$`)

// usedCodes collects every string literal shaped like a code ("ui.compare",
// "cell.not_number") in the sources of views, chartspec and importer, plus
// the codes made from data: metrics, units, tiers, qualifiers, kinds,
// months, levels.
func usedCodes(t *testing.T) map[string]bool {
	t.Helper()
	codes := map[string]bool{}
	var files []string
	for _, g := range []string{"*.go", "chartspec/*.go", "../importer/*.go"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(token.NewFileSet(), f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, _ := strconv.Unquote(lit.Value); codeShape.MatchString(s) {
					codes[s] = true
				}
			}
			return true
		})
	}
	for _, c := range generatedCodes() {
		codes[c] = true
	}
	return codes
}

// generatedCodes are the codes the sources build from data.
func generatedCodes() []string {
	var out []string
	add := func(prefix string, names ...string) {
		for _, n := range names {
			out = append(out, prefix+n)
		}
	}
	for _, m := range importer.Metrics {
		add("metric.", string(m))
	}
	for _, u := range chartspec.DisplayUnits {
		add("unit.d.", u.Key)
	}
	for m := 1; m <= 12; m++ {
		add("month.", strconv.Itoa(m))
	}
	add("unit.", "vehicles", "CNY", "USD", "people", "percent", "tonnes", "count", "rank")
	add("tier.", "report", "official", "media", "other")
	add("tier.a.", "report", "official", "media")
	add("qualifier.", importer.Exact, importer.Approx, importer.Nearly, importer.MoreThan, importer.Estimate)
	add("type.", "policy", "company", "ranking", "milestone", "city", "district", "plan", "corridor", "concept")
	add("level.", "city", "province", "municipality", "country", "aggregate", "unknown")
	fileErrs := []string{"legacy_xls", "encrypted", "wrong_password", "too_large", "not_spreadsheet", "truncated", "unsupported",
		"empty", "no_numbers", "unreadable", "too_many_rows", "too_many_cells", "cell_too_large", "pipe_silent", "pipe_too_large"}
	add("file.", fileErrs...)
	add("hint.", fileErrs...)
	add("encoding.", "utf8", "utf8bom", "utf16", "gb18030")
	add("delimiter.", "comma", "semicolon", "tab")
	add("dim.", "regions", "years", "periods", "months", "metrics", "values")
	add("when.ctx.", "current", "cumulative")
	add("kind.", "ods", "odf", "numbers", "word", "pptx", "xlsb", "wps", "excel2003xml", "html", "rtf")
	add("", "list.sep", "and.sep", "and.last")
	add("confidence.", importer.Normal, importer.Low)
	for _, r := range roleOrder {
		add("role.", string(r))
	}
	// what the report counts beyond its list: every skip reason's short form
	for _, c := range []string{"region.unknown", "cell.footnote", "cell.empty", "cell.missing", "cell.not_number",
		"cell.percent", "cell.no_region", "cell.usd", "cell.percent_of", "cell.unit_mismatch", "cell.growth_not_number",
		"row.no_figures", "row.growth", "row.unknown_indicator", "row.region_above", "row.total", "when.none", "when.no_year"} {
		add("", c+".short")
	}
	add("guess.", "vehicles.note", "10k.note")
	return out
}

func loadTable(t *testing.T, file string) map[string]string {
	t.Helper()
	b, err := fs.ReadFile(assets.Files(), "translations/"+file)
	if err != nil {
		t.Fatal(err)
	}
	var words map[string]string
	if err := json.Unmarshal(b, &words); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return words
}

var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// verbs counts a text's fmt verbs by argument: "%[2]d %s" uses 2 and 1.
func verbs(s string) string {
	var out []string
	n := 0
	for _, v := range verb.FindAllStringSubmatch(s, -1) {
		if v[0] == "%%" {
			continue
		}
		if v[1] != "" {
			n, _ = strconv.Atoi(strings.Trim(v[1], "[]"))
		} else {
			n++
		}
		out = append(out, fmt.Sprint(n))
	}
	slicesSortStrings(out)
	return strings.Join(out, ",")
}

func slicesSortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// TestOneVocabulary: every code the app uses is in both tables, with the
// same values (fmt verbs) in English and Chinese, and every code in the
// tables is used.
func TestOneVocabulary(t *testing.T) {
	en, zh := loadTable(t, "en.json"), loadTable(t, "zh-Hans.json")
	codes := map[string]bool{}
	spaces := map[string]bool{}
	for k := range en {
		ns, _, _ := strings.Cut(k, ".")
		spaces[ns] = true
	}
	for c := range usedCodes(t) { // literals of the tables' namespaces: not file names
		if ns, _, _ := strings.Cut(c, "."); spaces[ns] {
			codes[c] = true
		}
	}
	if len(codes) < 350 {
		t.Fatalf("found only %d codes; the scan is broken", len(codes))
	}
	for c := range codes {
		for name, table := range map[string]map[string]string{"en.json": en, "zh-Hans.json": zh} {
			if _, ok := table[c]; !ok {
				t.Errorf("%s lacks %q", name, c)
			}
		}
	}
	for k, v := range en {
		if !codes[k] {
			t.Errorf("en.json has %q, which nothing uses", k)
		}
		z, ok := zh[k]
		if !ok {
			t.Errorf("zh-Hans.json lacks %q (%q)", k, v)
			continue
		}
		if verbs(v) != verbs(z) {
			t.Errorf("%q: English %q and Chinese %q take different values", k, v, z)
		}
	}
	for k := range zh {
		if _, ok := en[k]; !ok {
			t.Errorf("zh-Hans.json has %q, which en.json lacks", k)
		}
	}
}

// englishWord is a word of three or more Latin letters.
var englishWord = regexp.MustCompile(`[A-Za-z]{3,}`)

// allowedInChinese are the Latin words a Chinese text may hold: names of
// formats, programs, the app and units as written in files.
var allowedInChinese = map[string]bool{"Auto": true, "Cities": true, "CSV": true, "UTF": true, "BOM": true, "GBK": true,
	"Excel": true, "PowerPoint": true, "Word": true, "OpenDocument": true, "Apple": true, "Numbers": true, "WPS": true,
	"XML": true, "HTML": true, "RTF": true, "PDF": true, "PNG": true, "SVG": true, "xlsx": true, "xlsm": true, "csv": true,
	"ods": true, "numbers": true, "xlsb": true, "Office": true, "URL": true, "YTDnn": true, "Mnn": true, "city": true,
	"province": true, "municipality": true, "country": true, "aggregate": true, "asiacity": true, "news": true,
	"xls": true, "English": true, "Esc": true, "max": true, "rows": true} // max, rows: the --max-rows flag

// TestChineseTableHasNoEnglishSentence: the Chinese table writes every
// text in Chinese; Latin letters only for names of formats and programs.
func TestChineseTableHasNoEnglishSentence(t *testing.T) {
	for k, v := range loadTable(t, "zh-Hans.json") {
		clean := verb.ReplaceAllString(v, "")
		for _, w := range englishWord.FindAllString(clean, -1) {
			if !allowedInChinese[w] {
				t.Errorf("zh-Hans.json %q: %q has the English word %q", k, v, w)
				break
			}
		}
	}
}
