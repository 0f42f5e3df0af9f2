package importer

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
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

// FS is the file operations a save makes. The app uses OS; tests put in
// one that fails at a chosen step, to see that a save cut short at any
// point leaves what was there before.
type FS interface {
	CreateTemp(dir, pattern string) (File, error)
	Rename(from, to string) error
	Remove(name string) error
	MkdirAll(dir string) error
	// SyncDir makes a folder's entries (files created, renamed, removed)
	// durable.
	SyncDir(dir string) error
	ReadFile(name string) ([]byte, error)
	ReadDir(dir string) ([]fs.DirEntry, error)
	Stat(name string) (fs.FileInfo, error)
}

// File is a file being written.
type File interface {
	io.Writer
	Name() string
	Chmod(mode fs.FileMode) error
	Sync() error
	Close() error
}

// OS is the real file system.
var OS FS = osFS{}

type osFS struct{}

func (osFS) CreateTemp(dir, pattern string) (File, error) { return os.CreateTemp(dir, pattern) }
func (osFS) Rename(from, to string) error                 { return os.Rename(from, to) }
func (osFS) Remove(name string) error                     { return os.Remove(name) }
func (osFS) MkdirAll(dir string) error                    { return os.MkdirAll(dir, 0o755) }
func (osFS) ReadFile(name string) ([]byte, error)         { return os.ReadFile(name) }
func (osFS) ReadDir(dir string) ([]fs.DirEntry, error)    { return os.ReadDir(dir) }
func (osFS) Stat(name string) (fs.FileInfo, error)        { return os.Stat(name) }
func (osFS) SyncDir(dir string) error                     { return syncDir(dir) }

// syncDir fsyncs a folder. Windows cannot open a folder for syncing (and
// makes renames durable itself), so there it does nothing.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, os.ErrPermission) {
		return err
	}
	return nil
}

// SaveAtomic writes through write into a temporary file in path's folder
// and renames it over path only when everything was written and synced,
// then syncs the folder: a failed or cancelled write leaves an existing
// file untouched, and no temporary file behind. An existing file keeps its
// permissions.
func SaveAtomic(path string, write func(io.Writer) error) error {
	return SaveAtomicIn(OS, path, write)
}

// TempPattern is the name SaveAtomic gives its temporary file in path's
// folder ("*" is random digits), so that one left by a crash can be
// found and removed.
func TempPattern(path string) string { return "." + filepath.Base(path) + ".*.tmp" }

// SaveAtomicIn is SaveAtomic through the file operations of fsys.
func SaveAtomicIn(fsys FS, path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	if st, err := fsys.Stat(path); err == nil && st.IsDir() {
		return &SaveError{Path: path, Op: "replace", Err: ErrIsFolder}
	}
	tmp, err := fsys.CreateTemp(dir, TempPattern(path))
	if err != nil {
		return &SaveError{Path: path, Op: "create", Err: err}
	}
	defer func() {
		if err != nil {
			tmp.Close()
			fsys.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 256<<10)
	if err := write(bw); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) || isDiskError(err) {
			return &SaveError{Path: path, Op: "write", Err: err}
		}
		return err // the content could not be made (cancelled, bad chart data): not the disk's fault
	}
	mode := os.FileMode(0o644)
	if st, err := fsys.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	for _, step := range []func() error{bw.Flush, func() error { return tmp.Chmod(mode) }, tmp.Sync, tmp.Close} {
		if err := step(); err != nil {
			return &SaveError{Path: path, Op: "write", Err: err}
		}
	}
	if err := fsys.Rename(tmp.Name(), path); err != nil {
		return &SaveError{Path: path, Op: "replace", Err: err}
	}
	if err := fsys.SyncDir(dir); err != nil {
		return &SaveError{Path: path, Op: "sync", Err: err}
	}
	return nil
}

func isDiskError(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EROFS) || errors.Is(err, os.ErrPermission) ||
		errors.Is(err, syscall.EIO) || errors.Is(err, syscall.EDQUOT)
}
