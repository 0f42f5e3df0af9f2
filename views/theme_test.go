package views

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/golang/freetype/truetype"

	"autocities/assets"
)

// TestCJKFallbackFont: on a system without a CJK font the window's text
// falls back to the bundled font, which must really have the characters.
func TestCJKFallbackFont(t *testing.T) {
	f, err := truetype.Parse(assets.CJKFallbackFont)
	if err != nil {
		t.Fatalf("the bundled CJK font does not parse: %v", err)
	}
	for _, r := range "重庆广州深圳西安合肥汽车产量对比" {
		if f.Index(r) == 0 {
			t.Errorf("the bundled CJK font has no glyph for %q", r)
		}
	}
	res := fyne.NewStaticResource("cjk.ttf", assets.CJKFallbackFont)
	th := &variantTheme{Theme: theme.DefaultTheme(), cjk: res}
	if th.Font(fyne.TextStyle{}) != res || th.Font(fyne.TextStyle{Bold: true}) != res {
		t.Error("plain and bold text do not fall back to the CJK font")
	}
	if th.Font(fyne.TextStyle{Monospace: true}) == res {
		t.Error("monospace text must keep its own font")
	}
	if (&variantTheme{Theme: theme.DefaultTheme()}).Font(fyne.TextStyle{}) != theme.DefaultTheme().Font(fyne.TextStyle{}) {
		t.Error("with a system CJK font the theme must keep Fyne's font")
	}
}
