package views

import (
	"image/color"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"autocities/assets"
	"autocities/charts"
	"autocities/views/locale"
)

// Preference keys.
const (
	prefTheme     = "theme"     // "system", "light" or "dark"
	prefUnitCount = "unitCount" // display unit for vehicles: vehicles, 10k, million
	prefUnitMoney = "unitMoney" // display unit for money: CNY, 100m, billion
	prefMaxRows   = "maxRows"   // the most figures one imported file may give
)

// variantTheme forces the light or dark variant of the default theme (the
// zero variant follows the system) and, on a system without a CJK font,
// gives the text a CJK font to fall back to.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
	forced  bool
	cjk     fyne.Resource // nil when the system has a CJK font
}

// Font puts the bundled CJK font first for plain text when the system has
// none: it has no Latin letters, so Fyne takes those from its own font
// next, and Chinese labels draw as characters instead of boxes.
func (t *variantTheme) Font(s fyne.TextStyle) fyne.Resource {
	if t.cjk != nil && !s.Monospace && !s.Symbol {
		return t.cjk
	}
	return t.Theme.Font(s)
}

// cjkFallback is the bundled CJK font, or nil when the system has one that
// Fyne finds by itself (the charts' font finder looks in the same places).
func cjkFallback() fyne.Resource {
	if charts.HasCJKFont() {
		return nil
	}
	return fyne.NewStaticResource("DroidSansFallbackFull.ttf", assets.CJKFallbackFont)
}

// Color is the default theme's, with input borders (an unticked
// checkbox's outline, a text field's edge) dark enough to see: the
// default's #E3E3E3 on white is 1.3:1; these are 3:1 or more (WCAG's
// bound for the parts of a control).
func (t *variantTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.forced {
		v = t.variant
	}
	if n == theme.ColorNameInputBorder {
		if v == theme.VariantDark {
			return color.NRGBA{R: 0x7a, G: 0x7a, B: 0x80, A: 0xff}
		}
		return color.NRGBA{R: 0x8c, G: 0x8c, B: 0x8c, A: 0xff}
	}
	return t.Theme.Color(n, v)
}

// applyTheme sets the app's theme from a preference value.
func applyTheme(a fyne.App, name string) {
	t := &variantTheme{Theme: theme.DefaultTheme(), cjk: cjkFallback()}
	switch name {
	case "light":
		t.variant, t.forced = theme.VariantLight, true
	case "dark":
		t.variant, t.forced = theme.VariantDark, true
	}
	a.Settings().SetTheme(t)
}

// ChartTheme follows the app's theme: a forced variant, else the system's.
func (s *State) ChartTheme() charts.Theme {
	a := fyne.CurrentApp()
	if a == nil {
		return charts.Light
	}
	v := a.Settings().ThemeVariant()
	if vt, ok := a.Settings().Theme().(*variantTheme); ok && vt.forced {
		v = vt.variant
	}
	if v == theme.VariantDark {
		return charts.Dark
	}
	return charts.Light
}

// Languages the UI offers; "" follows the system.
var languages = []struct{ code, name string }{{"", "ui.system"}, {"en", "ui.english"}, {"zh", "ui.chinese"}}

func savedLanguage() string { return locale.Saved() }

// setLanguage stores the choice where views/locale reads it at the next
// start, then restarts the app so Fyne picks the language up (it reads the
// locale only once, before main).
func setLanguage(code string) error {
	if err := locale.Save(code); err != nil {
		return err
	}
	return restart(code)
}

// restart starts a new instance of the app with the language set, then quits
// this one.
func restart(code string) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	if strings.HasSuffix(filepath.Base(exe), ".test") {
		return nil // tests never restart
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), locale.Override+"="+code)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	quitting()
	fyne.CurrentApp().Quit()
	return nil
}
