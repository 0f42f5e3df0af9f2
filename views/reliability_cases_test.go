//go:build reliability

package views

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"golang.org/x/text/encoding/simplifiedchinese"

	"autocities/importer"
)

// smallData is a data set of n figures that says which it is.
func smallData(n int) *importer.DataSet {
	d := &importer.DataSet{}
	for i := 0; i < n; i++ {
		d.AddObservation(importer.Observation{Region: "Wuhan", Year: 1800 + i%300, Metric: importer.Production, Value: float64(i),
			Qualifier: importer.Exact, Confidence: importer.Normal})
	}
	d.Seal()
	return d
}

// mountTmpfs mounts a small tmpfs at dir, or says why it cannot.
func mountTmpfs(dir, size string) (unmount func(), why string) {
	if os.Geteuid() != 0 {
		return nil, "skipped: mounting a tmpfs needs root"
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		return nil, "skipped: mount -t tmpfs: " + strings.TrimSpace(string(out))
	}
	return func() { exec.Command("umount", "-l", dir).Run() }, ""
}

// storageCase saves a small state, breaks the storage, tries a larger
// one, and checks what the user is told and that the small one stays.
func storageCase(t *testing.T, name, expected string, root string, breakIt func() error, want string) {
	t.Helper()
	start := time.Now()
	ws := newWorkspaceAt(root, importer.OS)
	ws.open(false)
	if err := ws.commit(saveJob{data: smallData(1000), undo: []snapshot{{id: 1, data: smallData(1), label: "small"}}}); err != nil {
		t.Fatalf("the first save: %v", err)
	}
	if err := breakIt(); err != nil {
		t.Fatal(err)
	}
	err := ws.commit(saveJob{data: commitData(3), undo: []snapshot{{id: 2, data: smallData(1000), label: "big"}}})
	words := "saved"
	if err != nil {
		words = saveWords(ws.saveError(err))
	}
	r := newWorkspaceAt(root, importer.OS).peek()
	kept := r.data != nil && r.data.Count() == 1000 && r.label == "small"
	record(t, outcome{name: name, expected: expected, observed: clipText(words, 44) + keptWords(kept), took: time.Since(start)},
		err != nil && strings.Contains(words, want) && kept)
}

func keptWords(kept bool) string {
	if kept {
		return "; previous state whole"
	}
	return "; PREVIOUS STATE LOST"
}

func (s *suite) fullStorage(t *testing.T) {
	name, expected := "full storage (2 MB tmpfs)", "\"the disk is full\"; previous state kept"
	root := t.TempDir()
	unmount, why := mountTmpfs(root, "2m")
	if why != "" {
		skipCase(t, name, expected, why)
	}
	defer unmount()
	storageCase(t, name, expected, root, func() error { return nil }, "the disk is full")
}

func (s *suite) readOnlyStorage(t *testing.T) {
	name, expected := "read-only storage", "\"read-only\" or \"may not write\"; state kept"
	root := t.TempDir()
	if unmount, why := mountTmpfs(root, "64m"); why == "" {
		defer unmount()
		storageCase(t, name+" (tmpfs remounted ro)", expected, root, func() error {
			return exec.Command("mount", "-o", "remount,ro", root).Run()
		}, "is read-only")
		return
	}
	if os.Geteuid() == 0 {
		skipCase(t, name, expected, "skipped: as root, permissions do not stop writes, and no tmpfs could be mounted")
	}
	storageCase(t, name+" (chmod 0555)", expected, root, func() error {
		for _, d := range []string{filepath.Join(root, workspaceDir, objectsDir), filepath.Join(root, workspaceDir)} {
			if err := os.Chmod(d, 0o555); err != nil {
				return err
			}
		}
		t.Cleanup(func() {
			os.Chmod(filepath.Join(root, workspaceDir), 0o755)
			os.Chmod(filepath.Join(root, workspaceDir, objectsDir), 0o755)
		})
		return nil
	}, "may not write")
}

// helperHold holds the workspace's lock and reports hand-offs until
// killed.
func helperHold(t *testing.T, root string) {
	dir := filepath.Join(root, workspaceDir)
	l, _, _, err := acquireLock(dir)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("locked")
	watchInbox(dir, l.stop, func(files []string) { fmt.Println("got " + strings.Join(files, ",")) })
}

func (s *suite) twoInstances(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, workspaceDir)
	start := time.Now()
	first := helper("hold", root)
	stdout, _ := first.StdoutPipe()
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	out := bufio.NewScanner(stdout)
	waitFor(t, out, "locked")
	_, holder, _, err := acquireLock(dir)
	readOnly := errors.Is(err, errLockHeld) && holder.PID == first.Process.Pid
	t0 := time.Now()
	handFiles(dir, []string{"/data/rows.csv"})
	got := waitFor(t, out, "got ")
	handed := got == "got /data/rows.csv"
	handTook := time.Since(t0)
	first.Process.Kill()
	first.Wait()
	l, _, stale, err := acquireLock(dir)
	tookOver := err == nil && stale
	l.release()
	record(t, outcome{name: "two instances on one storage folder", expected: "2nd read-only; files handed to 1st; stale lock taken",
		observed: fmt.Sprintf("read-only %v; handed in %d ms %v; after kill -9 taken over %v", readOnly, handTook.Milliseconds(), handed, tookOver),
		took:     time.Since(start)}, readOnly && handed && tookOver)
}

// helperImported is a session that imports a file and ends.
func helperImported(t *testing.T, root, file string) {
	ws := newWorkspaceAt(root, importer.OS)
	r := ws.open(false)
	s := NewState(smallData(10), nil)
	s.persist(ws.store, r.undo, r.redo, ws.loadSnapshot)
	s.addImported(file)
	s.Change(smallData(20), nil, "import of "+filepath.Base(file))
	ws.wait()
}

func (s *suite) exportAfterRestart(t *testing.T) {
	root, dir := t.TempDir(), t.TempDir()
	orig := filepath.Join(dir, "imp.csv")
	os.WriteFile(orig, []byte("city,year,period,metric,value\nWuhu,2024,FY,production,1000\n"), 0o644)
	start := time.Now()
	if out, err := helper("imported", root, orig).CombinedOutput(); err != nil {
		t.Fatalf("the first session: %v\n%s", err, out)
	}
	r := newWorkspaceAt(root, importer.OS).open(false)
	refused := importer.CheckExportTarget(orig, r.imported...) != nil
	cli := s.run(t, "export", "--data", orig, "-o", orig)
	b, _ := os.ReadFile(orig)
	intact := strings.HasPrefix(string(b), "city,year")
	record(t, outcome{name: "export onto the imported file after restart", expected: "refused in the app and the CLI; file intact",
		observed: fmt.Sprintf("app refuses %v; CLI exit %d; file intact %v", refused, cli.code, intact), took: time.Since(start)},
		refused && cli.code == 2 && intact)
}

func (s *suite) silentPipe(t *testing.T) {
	name, expected := "named pipe no one writes to", "refused within 12 s, saying so"
	fifo := filepath.Join(t.TempDir(), "data.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		skipCase(t, name, expected, "skipped: no named pipes: "+err.Error())
	}
	r := s.run(t, "inspect", fifo)
	record(t, outcome{name: name, expected: expected, observed: fmt.Sprintf("exit %d: %s", r.code, clipText(firstLine(r.stderr), 66)),
		took: r.took, peakMB: r.peakMB}, r.code == 2 && r.took < 12*time.Second && strings.Contains(r.stderr, "pipe that sent nothing"))
}

func (s *suite) processSubstitution(t *testing.T) {
	name, expected := "inspect <(cat workbook.xlsx)", "read as a stream: exit 0, every row"
	x := filepath.Join(t.TempDir(), "default.xlsx")
	if r := s.run(t, "export", "-o", x); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if _, err := exec.LookPath("bash"); err != nil {
		skipCase(t, name, expected, "skipped: no bash")
	}
	var stdout bytes.Buffer
	cmd := exec.Command("bash", "-c", fmt.Sprintf("%q inspect <(cat %q)", s.bin, x))
	cmd.Stdout = &stdout
	start := time.Now()
	err := cmd.Run()
	rows := strings.Count(stdout.String(), "\n")
	direct := exec.Command(s.bin, "inspect", x)
	want, _ := direct.Output()
	record(t, outcome{name: name, expected: expected, observed: fmt.Sprintf("err %v; %d rows (the file itself: %d)", err, rows, strings.Count(string(want), "\n")),
		took: time.Since(start), peakMB: peakOf(cmd)}, err == nil && stdout.String() == string(want) && rows > 100)
}

func (s *suite) mixedEncoding(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("重庆,2023,全年,汽车产量,231.8,万辆\n")
	p := filepath.Join(t.TempDir(), "mixed.csv")
	os.WriteFile(p, []byte("城市,年份,时期,指标,数值,单位\n重庆,2024,全年,汽车产量,254,万辆\n上海,2024,全年,汽车产量,150,万辆\n"+gbk), 0o644)
	cmd := exec.Command(s.bin, "inspect", p)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	cmd.Run()
	mojibake := strings.Contains(stdout.String(), "閲") || !strings.Contains(stdout.String(), "Chongqing,2023")
	reported := strings.Contains(stderr.String(), "mixes encodings")
	record(t, outcome{name: "CSV mixing UTF-8 and GBK lines", expected: "each line read right; reported as mixed",
		observed: fmt.Sprintf("Chongqing 2023 read %v; reported %v", !mojibake, reported), took: time.Since(start), peakMB: peakOf(cmd)},
		!mojibake && reported)
}

// helperApp opens the window (headless driver) on 1 M imported figures,
// shows every tab and lets the charts draw.
func helperApp(t *testing.T, file string) {
	t.Setenv("TMPDIR", t.TempDir())
	limitMemory() // as NewWindow does
	a := test.NewTempApp(t)
	d, rep, err := DefaultData()
	if err != nil {
		t.Fatal(err)
	}
	u := newUI(a, NewState(d, rep), nil)
	big, brep, err := importer.ImportFile(t.Context(), file, importer.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	merged := u.state.Data().Clone()
	merged.Merge(big)
	u.state.Change(merged, brep, "import of "+filepath.Base(file))
	u.ws.wait()
	for i := range u.tabs.Items {
		u.tabs.SelectIndex(i)
		quiet(u) // the tab drawn
	}
	fmt.Printf("observations %d\n", u.state.Data().Count())
	u.win.Close()
}

func (s *suite) appMemory(t *testing.T) {
	p := s.input(t, "keys-1M.csv", func(p string) error { return writeKeysCSV(p, 1_000_000) })
	cmd := helper("app", "", p)
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	start := time.Now()
	err := cmd.Run()
	peak := peakOf(cmd)
	line := firstLineWith(stdout.String(), "observations")
	record(t, outcome{name: "app (headless driver) with 1 M observations", expected: "every tab drawn within 1 GB",
		observed: fmt.Sprintf("err %v; %s", err, line), took: time.Since(start), peakMB: peak}, err == nil && line != "" && peak <= 1024)
}

// writeKeysCSV writes n figures with a key each, as a large yearbook
// export has them: 400 regions × 100 years × 24 periods (then some sources twice).
func writeKeysCSV(path string, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	periods := []string{"FY"}
	for m := 1; m <= 12; m++ {
		periods = append(periods, fmt.Sprintf("M%02d", m))
		if m < 12 {
			periods = append(periods, fmt.Sprintf("YTD%02d", m))
		}
	}
	w.WriteString("city,year,period,metric,value\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(w, "Region %03d,%d,%s,production,%d\n", i%400, 1925+(i/400)%100, periods[(i/40000)%24], i)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

func firstLineWith(s, prefix string) string {
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), prefix) {
			return sc.Text()
		}
	}
	return ""
}
