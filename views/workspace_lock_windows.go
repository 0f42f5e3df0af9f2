package views

import "syscall"

// processAlive asks Windows for the process's exit code: STILL_ACTIVE
// (259) while it runs.
func processAlive(pid int) bool {
	const queryLimitedInformation = 0x1000
	h, err := syscall.OpenProcess(queryLimitedInformation, false, uint32(pid))
	if err != nil {
		return err == syscall.ERROR_ACCESS_DENIED // it exists, as another user's
	}
	defer syscall.CloseHandle(h)
	var code uint32
	if err := syscall.GetExitCodeProcess(h, &code); err != nil {
		return true
	}
	return code == 259
}

// processStart is 0 on Windows: the lock's token and the process check
// suffice there.
func processStart(int) uint64 { return 0 }
