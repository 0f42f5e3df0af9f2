package views

import (
	"image/color"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"autocities/charts"
	"autocities/views/locale"
)

// Preference keys.
const (
	prefTheme     = "theme"     // "system", "light" or "dark"
	prefUnitCount = "unitCount" // display unit for vehicles: vehicles, 10k, million
	prefUnitMoney = "unitMoney" // display unit for money: CNY, 100m, billion
)

// variantTheme forces the light or dark variant of the default theme; the
// zero variant follows the system.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
	forced  bool
}

func (t *variantTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.forced {
		v = t.variant
	}
	return t.Theme.Color(n, v)
}

// applyTheme sets the app's theme from a preference value.
func applyTheme(a fyne.App, name string) {
	switch name {
	case "light":
		a.Settings().SetTheme(&variantTheme{Theme: theme.DefaultTheme(), variant: theme.VariantLight, forced: true})
	case "dark":
		a.Settings().SetTheme(&variantTheme{Theme: theme.DefaultTheme(), variant: theme.VariantDark, forced: true})
	default:
		a.Settings().SetTheme(theme.DefaultTheme())
	}
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
var languages = []struct{ code, name string }{{"", "System"}, {"en", "English"}, {"zh", "中文"}}

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
	fyne.CurrentApp().Quit()
	return nil
}
