// Package locale settles the language variables before Fyne reads them.
//
// Fyne's lang package reads the system locale in its package init, before
// main runs, and prints "Error parsing user locale C" when LANG is C.UTF-8
// (the default of many containers and CI machines). Go initialises packages
// in import-path order once their imports are done; this package imports
// only the standard library and its path (autocities/…) sorts before
// fyne.io/…, so its init runs first. Import it from main, for its effect.
package locale

import (
	"os"
	"strings"
)

// Override is the variable the app sets to force its UI language after a
// restart; it is read here, before Fyne, and copied into LANGUAGE.
const Override = "AUTOCITIES_LANGUAGE"

func init() { settle(os.Getenv, os.Setenv) }

// settle sets LANGUAGE (read by Fyne before LANG when the locale is not
// plain C or POSIX) to the user's choice, or to English when the locale is
// C.UTF-8 or POSIX.UTF-8, which Fyne cannot parse.
func settle(getenv func(string) string, setenv func(string, string) error) {
	if lang := getenv(Override); lang != "" {
		_ = setenv("LANGUAGE", lang)
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
