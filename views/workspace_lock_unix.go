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
// as another user's).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// processStart is a process's start time in clock ticks since boot
// (/proc/PID/stat, field 22), which tells a process from a later one
// given the same PID; 0 where there is no /proc.
func processStart(pid int) uint64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	s := string(b)
	if i := strings.LastIndexByte(s, ')'); i >= 0 { // the name may hold spaces
		s = s[i+1:]
	}
	f := strings.Fields(s)
	if len(f) < 20 {
		return 0
	}
	v, _ := strconv.ParseUint(f[19], 10, 64) // field 22, counting from state (field 3)
	return v
}
