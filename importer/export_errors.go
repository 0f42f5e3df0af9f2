package importer

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// ErrIsFolder says a save's target is a folder.
var ErrIsFolder = errors.New("is a folder")

// SaveError is a save that failed at the disk: which file, at which step
// (create, write, replace, sync) and why. Its message says what failed and
// what to do, by the kind of failure (SaveProblem).
type SaveError struct {
	Path string
	Op   string
	Err  error
	Name string // what the message calls the file; "" for its base name
}

func (e *SaveError) Error() string { return Say(e.Msg()) }

// Unwrap gives the system's error (errors.Is finds syscall.ENOSPC…).
func (e *SaveError) Unwrap() error { return e.Err }

// saveWords are each kind of failure's words: what failed, what to do.
var saveWords = map[string][2]string{
	"disk_full":  {"save.problem.disk_full", "save.hint.disk_full"},
	"read_only":  {"save.problem.read_only", "save.hint.read_only"},
	"permission": {"save.problem.permission", "save.hint.permission"},
	"is_folder":  {"save.problem.is_folder", "save.hint.is_folder"},
	"in_use":     {"save.problem.in_use", "save.hint.in_use"},
	"no_folder":  {"save.problem.no_folder", "save.hint.no_folder"},
	"other":      {"save.problem.other", "save.hint.other"},
}

// Msg is "NAME could not be saved: what failed; what to do".
func (e *SaveError) Msg() Msg {
	kind := SaveProblem(e.Err)
	w := saveWords[kind]
	what := M(w[0])
	switch kind {
	case "permission", "read_only", "no_folder":
		what = M(w[0], filepath.Dir(e.Path))
	case "other":
		what = M(w[0], systemText(e.Err))
	}
	name := e.Name
	if name == "" {
		name = filepath.Base(e.Path)
	}
	return M("save.error", name, what, M(w[1]))
}

// systemText is the system's words for an error, without the path and
// operation a *fs.PathError adds (the message names the file already).
func systemText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}

// SaveProblem names the kind of a save's failure: disk_full, read_only,
// permission, is_folder, in_use (another program holds the file),
// no_folder or other.
func SaveProblem(err error) string {
	var errno syscall.Errno
	switch {
	case errors.Is(err, ErrIsFolder) || errors.Is(err, syscall.EISDIR):
		return "is_folder"
	case errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT):
		return "disk_full"
	case errors.Is(err, syscall.EROFS):
		return "read_only"
	case errors.Is(err, os.ErrPermission):
		return "permission"
	case errors.Is(err, os.ErrNotExist):
		return "no_folder"
	case errors.As(err, &errno) && platformProblem(errno) != "":
		return platformProblem(errno)
	}
	return "other"
}
