//go:build !windows

package importer

import "syscall"

// platformProblem names the failures a system reports in its own way.
func platformProblem(e syscall.Errno) string {
	if e == syscall.EBUSY || e == syscall.ETXTBSY {
		return "in_use"
	}
	return ""
}
