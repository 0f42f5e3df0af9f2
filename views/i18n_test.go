package views

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"autocities/assets"
	"autocities/importer"
	"autocities/views/chartspec"
)

// uiKeys collects every text the UI passes to lang.L (or label) as a
// literal, plus the words it translates from data: metric names, units,
// tiers, qualifiers, kinds.
func uiKeys(t *testing.T) map[string]bool {
	t.Helper()
	keys := map[string]bool{}
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(token.NewFileSet(), f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 || !isTranslateCall(call.Fun) {
				return true
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, _ := strconv.Unquote(lit.Value)
				keys[s] = true
			}
			return true
		})
	}
	for _, m := range importer.Metrics {
		keys[importer.MetricLabel(m)] = true
	}
	for _, u := range chartspec.DisplayUnits {
		keys[u.Label] = true
	}
	for _, w := range []string{"vehicles", "CNY", "rank", "tier: report", "tier: official", "tier: media", "tier: other",
		"exact", "approx", "nearly", "more than", "estimate", "normal", "low",
		"policy", "company", "ranking", "milestone", "city", "district", "plan", "corridor", "concept",
		"English", "中文", "16:9 (1920×1080)", "4:3 (1600×1200)", "1:1 (1080×1080)", "Custom"} {
		keys[w] = true
	}
	return keys
}

func isTranslateCall(fun ast.Expr) bool {
	switch f := fun.(type) {
	case *ast.SelectorExpr:
		pkg, ok := f.X.(*ast.Ident)
		return ok && pkg.Name == "lang" && f.Sel.Name == "L"
	case *ast.Ident:
		return f.Name == "label"
	}
	return false
}

func TestEveryTextIsTranslated(t *testing.T) {
	keys := uiKeys(t)
	if len(keys) < 80 {
		t.Fatalf("found only %d UI texts; the scan is broken", len(keys))
	}
	for _, file := range []string{"en.json", "zh-Hans.json"} {
		b, err := assets.Translations().ReadFile("translations/" + file)
		if err != nil {
			t.Fatal(err)
		}
		var words map[string]string
		if err := json.Unmarshal(b, &words); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for k := range keys {
			if strings.TrimSpace(words[k]) == "" {
				t.Errorf("%s lacks %q", file, k)
			}
		}
		for k := range words {
			switch strings.ToLower(k) { // go-i18n reads these as plural forms and drops the whole file
			case "id", "description", "hash", "leftdelim", "rightdelim", "zero", "one", "two", "few", "many", "other", "translation":
				t.Errorf("%s: %q is a word go-i18n reserves", file, k)
			}
			if !keys[k] {
				t.Errorf("%s has %q, which the UI no longer uses", file, k)
			}
		}
		if file == "zh-Hans.json" {
			for k, v := range words {
				if strings.Count(k, "%") != strings.Count(v, "%") || strings.Count(k, "{{") != strings.Count(v, "{{") {
					t.Errorf("zh-Hans.json: %q → %q: placeholders differ", k, v)
				}
			}
		}
	}
}
