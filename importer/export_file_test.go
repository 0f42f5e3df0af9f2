package importer

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// failingFS is the real file system with one kind of failure: every
// write, or every create, fails with err.
type failingFS struct {
	FS
	onCreate, onWrite error
}

func (f failingFS) CreateTemp(dir, pattern string) (File, error) {
	if f.onCreate != nil {
		return nil, &fs.PathError{Op: "open", Path: filepath.Join(dir, pattern), Err: f.onCreate}
	}
	tmp, err := f.FS.CreateTemp(dir, pattern)
	if err != nil || f.onWrite == nil {
		return tmp, err
	}
	return failingFile{tmp, f.onWrite}, nil
}

type failingFile struct {
	File
	err error
}

func (f failingFile) Write(p []byte) (int, error) {
	return 0, &fs.PathError{Op: "write", Path: f.Name(), Err: f.err}
}

// TestSaveFailuresSayWhy: each way a save fails at the disk says what
// failed and what to do, and leaves the file and folder as they were.
func TestSaveFailuresSayWhy(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	for _, c := range []struct {
		name string
		fsys FS
		path string
		want string
	}{
		{"full disk", failingFS{FS: OS, onWrite: syscall.ENOSPC}, path, "out.csv could not be saved: the disk is full; free some space"},
		{"read-only folder", failingFS{FS: OS, onCreate: syscall.EROFS}, path, "the folder " + dir + " is read-only; choose a folder you can write to"},
		{"no permission", failingFS{FS: OS, onCreate: syscall.EACCES}, path, "you may not write in " + dir},
		{"onto a folder", OS, dir, "that name is a folder; choose a file name"},
	} {
		err := SaveAtomicIn(c.fsys, c.path, func(w io.Writer) error { _, err := io.WriteString(w, strings.Repeat("x", 300<<10)); return err })
		var se *SaveError
		if !errors.As(err, &se) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v", c.name, err)
		}
		if strings.Contains(err.Error(), "close it in other programs") || strings.Contains(err.Error(), "download") {
			t.Errorf("%s: a misleading message: %v", c.name, err)
		}
		if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s: the target was created", c.name)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, "*.tmp")); len(left) > 0 {
			t.Errorf("%s: temporary files left: %v", c.name, left)
		}
	}
}
