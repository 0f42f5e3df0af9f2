//go:build !windows

package views

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// processAlive: signal 0 checks that a process exists (EPERM: it does,
// as another user's); a zombie (killed, not yet reaped by its parent)
// answers too, so on Linux its state says it is gone.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	if err != nil && !errors.Is(err, syscall.EPERM) {
		return false
	}
	f := procStat(pid)
	return len(f) == 0 || f[0] != "Z" && f[0] != "X"
}

// procStat is /proc/PID/stat from its third field (the state) on; nil
// where there is no /proc.
func procStat(pid int) []string {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return nil
	}
	s := string(b)
	if i := strings.LastIndexByte(s, ')'); i >= 0 { // the name may hold spaces
		s = s[i+1:]
	}
	return strings.Fields(s)
}

// processStart is a process's start time in clock ticks since boot
// (/proc/PID/stat, field 22), which tells a process from a later one
// given the same PID; 0 where there is no /proc.
func processStart(pid int) uint64 {
	f := procStat(pid)
	if len(f) < 20 {
		return 0
	}
	v, _ := strconv.ParseUint(f[19], 10, 64) // field 22, counting from state (field 3)
	return v
}
