//go:build unix

package importer

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

const pipeCSV = "city,year,period,metric,value\nChongqing,2024,FY,production,2540000\nShanghai,2024,FY,production,1500000\n"

// TestNamedPipes: a named pipe is read as a stream; one no one writes to
// is given up with a clear message, never a hang.
func TestNamedPipes(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "data.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err == nil {
			f.WriteString(pipeCSV)
			f.Close()
		}
	}()
	d, _, err := importPath(t, fifo, ImportOptions{})
	if err != nil || d.Count() != 2 {
		t.Fatalf("a pipe with a writer: %v", err)
	}

	old := pipeWait
	pipeWait = 200 * time.Millisecond
	defer func() { pipeWait = old }()
	start := time.Now()
	_, _, err = importPath(t, fifo, ImportOptions{})
	if !errors.Is(err, ErrPipeSilent) || time.Since(start) > 3*time.Second {
		t.Errorf("a pipe no one writes to: %v after %v", err, time.Since(start))
	}
	if !strings.Contains(fmt.Sprint(err), "is a pipe that sent nothing") {
		t.Errorf("message: %v", err)
	}
}

// TestProcessSubstitution: <(cat f.xlsx) is a pipe the shell opened; a
// workbook read through it is read whole, not "has no data".
func TestProcessSubstitution(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("/proc/self/fd is Linux's")
	}
	x := writeXLSX(t, t.TempDir(), "f.xlsx", sheetSpec{name: "Data", rows: [][]any{
		{"城市", "年份", "汽车产量（万辆）"}, {"重庆", 2024, 254}, {"上海", 2024, 150}}})
	b, err := os.ReadFile(x)
	if err != nil {
		t.Fatal(err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	go func() {
		w.Write(b)
		w.Close()
	}()
	path := fmt.Sprintf("/proc/self/fd/%d", r.Fd())
	d, _, err := importPath(t, path, ImportOptions{})
	if err != nil || d.Count() != 2 {
		t.Fatalf("a workbook through a pipe: %v", err)
	}
}
