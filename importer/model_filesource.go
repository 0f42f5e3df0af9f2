package importer

import (
	"net/url"
	"os"
	"path/filepath"
)

// FileSourcePrefix starts the ID of the source AttachFileSource makes for
// an imported file: "file:yearbook.xlsx".
const FileSourcePrefix = "file:"

// AttachFileSource makes the file a source for every row read from it that
// names none, so a figure from a user's spreadsheet still says where it
// came from: "yearbook.xlsx (imported file)". Rows with a Source ID keep it.
func (d *DataSet) AttachFileSource(path string) {
	id := FileSourcePrefix + filepath.Base(path)
	used := d.fillSource(id)
	for i := range d.Targets {
		if d.Targets[i].SourceID == "" {
			d.Targets[i].SourceID, used = id, true
		}
	}
	for i := range d.Events {
		if d.Events[i].SourceID == "" {
			d.Events[i].SourceID, used = id, true
		}
	}
	if _, ok := d.Source(id); !used || ok {
		return
	}
	src := Source{ID: id, Title: filepath.Base(path), Publisher: "Imported file", Tier: TierOther}
	if abs, err := filepath.Abs(path); err == nil {
		src.URL = (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
	}
	if fi, err := os.Stat(path); err == nil {
		src.Date = fi.ModTime().Format("2006-01-02")
	}
	d.Sources = append(d.Sources, src)
}
