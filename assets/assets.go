// Package assets holds the files embedded in the app: the default data
// (reviewable CSV files built from the report and shared/data), the icon
// and the UI's translations. Generators are //go:build ignore programs run by go generate.
package assets

import (
	"embed"
	"io/fs"
)

//go:generate go run icon_gen.go

// CJKFallbackFont is Droid Sans Fallback (Apache 2.0, fonts/NOTICE): CJK
// glyphs and no Latin ones, for the window when the system has no CJK font.
//
//go:embed fonts/DroidSansFallbackFull.ttf
var CJKFallbackFont []byte

// Icon is the app icon, 512×512 PNG, drawn by icon_gen.go.
//
//go:embed icon.png
var Icon []byte

// DefaultData is the folder of canonical CSV files the app opens with.
func DefaultData() fs.FS {
	sub, err := fs.Sub(files, "data")
	if err != nil {
		panic(err) // the embed pattern above guarantees the folder
	}
	return sub
}

// Files is every embedded data and translation file, as the importer
// takes them (importer.UseAssets): data/… and translations/….
func Files() fs.FS { return files }

//go:embed data/*.csv translations/*.json
var files embed.FS
