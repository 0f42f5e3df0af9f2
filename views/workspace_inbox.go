package views

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"autocities/importer"
)

// A second instance started with files ("Open with", a drop on the
// program's icon) hands them to the first: it writes their paths into the
// workspace's inbox folder, one small file per hand-off, and exits; the
// first polls the inbox and imports them with the usual prompt.
const (
	inboxDir   = "inbox"
	inboxPoll  = 500 * time.Millisecond
	exportsDir = "exports"
)

type handOff struct {
	Files []string `json:"files"`
}

// HandedOff hands files to the Auto Cities that has the workspace open,
// if one runs: true when it did (this instance should then exit). With
// no files, or no other instance, it does nothing.
func HandedOff(a fyne.App, files []string, stderr io.Writer) bool {
	if len(files) == 0 {
		return false
	}
	dir := filepath.Join(a.Storage().RootURI().Path(), workspaceDir)
	holder, state := readLock(filepath.Join(dir, lockFile))
	if state != lockLive {
		return false
	}
	if err := handFiles(dir, files); err != nil {
		fmt.Fprintf(stderr, "autocities: could not hand the files to the Auto Cities already open (%v); opening a read-only window\n", err)
		return false
	}
	fmt.Fprintf(stderr, "autocities: Auto Cities is already open (%s); it imports %s\n", holder.holderText(), strings.Join(baseNames(files), ", "))
	return true
}

// handFiles writes a hand-off into the inbox.
func handFiles(dir string, files []string) error {
	var abs []string
	for _, f := range files {
		if a, err := filepath.Abs(f); err == nil {
			f = a
		}
		abs = append(abs, f)
	}
	b, err := json.Marshal(handOff{Files: abs})
	if err != nil {
		return err
	}
	in := filepath.Join(dir, inboxDir)
	if err := os.MkdirAll(in, 0o755); err != nil {
		return err
	}
	name := fmt.Sprintf("%d-%d.json", time.Now().UnixNano(), os.Getpid())
	return importer.SaveAtomic(filepath.Join(in, name), func(w io.Writer) error { _, err := w.Write(b); return err })
}

// takeInbox returns the files handed over since the last look, oldest
// first, and removes their hand-offs.
func takeInbox(dir string) []string {
	in := filepath.Join(dir, inboxDir)
	entries, err := os.ReadDir(in)
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".json") && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	var files []string
	for _, n := range names {
		p := filepath.Join(in, n)
		b, err := os.ReadFile(p)
		os.Remove(p)
		var h handOff
		if err == nil && json.Unmarshal(b, &h) == nil {
			files = append(files, h.Files...)
		}
	}
	return files
}

// watchInbox calls take with each hand-off until stop is closed.
func watchInbox(dir string, stop <-chan struct{}, take func([]string)) {
	t := time.NewTicker(inboxPoll)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			if files := takeInbox(dir); len(files) > 0 {
				take(files)
			}
		}
	}
}

// exportEntry is an export in progress, so that the temporary file a
// crash leaves in the user's folder is removed at the next start.
type exportEntry struct {
	Path  string `json:"path"`
	PID   int    `json:"pid"`
	Token string `json:"token"`
}

// exportStarted notes an export to path; the function it returns ends
// the note.
func exportStarted(dir, path string) func() {
	ex := filepath.Join(dir, exportsDir)
	if os.MkdirAll(ex, 0o755) != nil {
		return func() {}
	}
	b, _ := json.Marshal(exportEntry{Path: path, PID: os.Getpid(), Token: processToken})
	note := filepath.Join(ex, fmt.Sprintf("%d.json", time.Now().UnixNano()))
	if os.WriteFile(note, b, 0o644) != nil {
		return func() {}
	}
	return func() { os.Remove(note) }
}

// sweepExports removes the temporary files of exports whose process is
// gone, and their notes.
func sweepExports(ex string) {
	entries, err := os.ReadDir(ex)
	if err != nil {
		return
	}
	for _, e := range entries {
		p := filepath.Join(ex, e.Name())
		b, err := os.ReadFile(p)
		var en exportEntry
		if err == nil && json.Unmarshal(b, &en) == nil {
			if (lockInfo{PID: en.PID, Token: en.Token, Host: thisProcess().Host}).alive(time.Now()) {
				continue
			}
			tmps, _ := filepath.Glob(filepath.Join(filepath.Dir(en.Path), importer.TempPattern(en.Path)))
			for _, t := range tmps {
				os.Remove(t)
			}
		}
		os.Remove(p)
	}
}

// baseNames are the files' names without their folders.
func baseNames(paths []string) []string {
	var out []string
	for _, p := range paths {
		out = append(out, filepath.Base(p))
	}
	return out
}
