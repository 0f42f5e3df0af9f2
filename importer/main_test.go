package importer

import (
	"os"
	"testing"
)

// TestMain gives the tests what the app gives the package at start: the
// gazetteer and the English and Chinese words, from ../assets.
func TestMain(m *testing.M) {
	if err := UseAssets(os.DirFS("../assets")); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}
