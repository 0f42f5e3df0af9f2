// Package locale settles the language variables before Fyne reads them.
//
// Fyne's lang package reads the system locale in its package init, before
// main runs, and prints "Error parsing user locale C" when LANG is C.UTF-8
// (the default of many containers and CI machines); it also offers no call
// to switch language at run time. Go initialises packages in import-path
// order once their imports are done; this package imports only the standard
// library and its path (autocities/…) sorts before fyne.io/…, so its init
// runs first and can set LANGUAGE, which Fyne reads before LANG, from the
// user's choice saved by Save.
package locale

import (
	"os"
	"path/filepath"
	"strings"
)

// Override is the variable that forces the UI language for one run (the
// app sets it when it restarts itself); it wins over the saved choice.
const Override = "AUTOCITIES_LANGUAGE"

func init() { settle(os.Getenv, os.Setenv, Saved()) }

// settle sets LANGUAGE to the forced or saved language, or to English when
// the locale is C.UTF-8 or POSIX.UTF-8, which Fyne cannot parse.
func settle(getenv func(string) string, setenv func(string, string) error, saved string) {
	if lang := getenv(Override); lang != "" {
		_ = setenv("LANGUAGE", lang)
		return
	}
	if saved != "" {
		_ = setenv("LANGUAGE", saved)
		return
	}
	locale := ""
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = getenv(v); locale != "" {
			break
		}
	}
	base, _, _ := strings.Cut(locale, ".")
	if (base == "C" || base == "POSIX") && locale != base && getenv("LANGUAGE") == "" {
		_ = setenv("LANGUAGE", "en")
	}
}

// file is where the choice is kept: a one-word file in the user's config
// folder (Fyne's preferences are not readable this early).
func file() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "autocities", "language"), nil
}

// Saved is the language the user chose ("en", "zh"), or "" for the system's.
func Saved() string {
	f, err := file()
	if err != nil {
		return ""
	}
	b, err := os.ReadFile(f)
	if err != nil {
		return ""
	}
	switch code := strings.TrimSpace(string(b)); code {
	case "en", "zh":
		return code
	}
	return ""
}

// Save keeps the user's choice for the next start; "" returns to the
// system's language.
func Save(code string) error {
	f, err := file()
	if err != nil {
		return err
	}
	if code == "" {
		if err := os.Remove(f); err != nil && !os.IsNotExist(err) {
			return err
		}
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
		return err
	}
	return os.WriteFile(f, []byte(code+"\n"), 0o644)
}
