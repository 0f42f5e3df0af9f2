package importer

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// ErrExportOntoSource refuses an export onto a file the data was imported
// from: Auto Cities never writes to the user's own files.
var ErrExportOntoSource = errors.New("is the file the data was imported from; Auto Cities never overwrites it: choose another name")

// SameFile reports whether two paths name the same existing file (also
// through links or a different spelling of the path). A path that does not
// exist is the same as no other.
func SameFile(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	if err != nil {
		return false
	}
	return os.SameFile(sa, sb)
}

// CheckExportTarget returns an error wrapping ErrExportOntoSource when
// target is one of the imported files, so the caller can refuse before it
// asks about overwriting.
func CheckExportTarget(target string, imported ...string) error {
	for _, src := range imported {
		if SameFile(target, src) {
			return fmt.Errorf("%s %w", filepath.Base(target), ErrExportOntoSource)
		}
	}
	return nil
}

// SaveAtomic writes through write into a temporary file in path's folder
// and renames it over path only when everything was written and synced:
// a failed or cancelled write leaves an existing file untouched, and no
// temporary file behind. An existing file keeps its permissions.
func SaveAtomic(path string, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write in %s (%w); choose a folder you can write to", filepath.Dir(path), err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 256<<10)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing %s: %w", filepath.Base(path), err)
	}
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	if err := tmp.Chmod(mode); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", filepath.Base(path), err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", filepath.Base(path), err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot replace %s (%w); close it in other programs and try again", filepath.Base(path), err)
	}
	return nil
}
