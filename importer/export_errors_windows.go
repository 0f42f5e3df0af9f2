package importer

import "syscall"

// platformProblem names the failures Windows reports with its own codes:
// a full disk (ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL) and a file open in
// another program (ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION).
func platformProblem(e syscall.Errno) string {
	switch e {
	case 112, 39:
		return "disk_full"
	case 32, 33:
		return "in_use"
	case 19: // ERROR_WRITE_PROTECT
		return "read_only"
	}
	return ""
}
