//go:build windows

package views

// A package init runs before main hands os.Stdout to RunCommand, so the
// console is attached in time.

import (
	"log"
	"os"
	"syscall"
)

// Packaged Windows builds are GUI programs (-H=windowsgui): a double-click
// opens no console window, but a terminal then gives the program no output
// either. So when the first argument is not a file to open (it is a
// subcommand such as inspect or chart, or help), attach to the parent's
// console and print there. Output already redirected to a file or a pipe
// stays where it is. Opening files never attaches: closing the terminal
// would then close the window too.
func init() {
	if len(os.Args) < 2 {
		return
	}
	if _, err := os.Stat(os.Args[1]); err == nil {
		return
	}
	const attachParentProcess = uintptr(^uint32(0)) // ATTACH_PARENT_PROCESS, (DWORD)-1
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if ok, _, _ := attach.Call(attachParentProcess); ok == 0 {
		return // started from Explorer, or a console program build
	}
	os.Stdout = toConsole(os.Stdout)
	os.Stderr = toConsole(os.Stderr)
	log.SetOutput(os.Stderr)
}

// toConsole returns f when it is usable (a file, a pipe or a console), else
// the attached console's output.
func toConsole(f *os.File) *os.File {
	if f != nil {
		if t, err := syscall.GetFileType(syscall.Handle(f.Fd())); err == nil && t != syscall.FILE_TYPE_UNKNOWN {
			return f
		}
	}
	con, err := os.OpenFile("CONOUT$", os.O_RDWR, 0)
	if err != nil {
		return f
	}
	return con
}
