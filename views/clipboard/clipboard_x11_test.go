//go:build (linux || freebsd) && cgo && !ci

package clipboard

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"image/png"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"autocities/charts"
)

// These tests need an X display and xclip, which reads the clipboard as a
// pasting app does: .ci/clipboard-x11 runs them under Xvfb.
//   DISPLAY=:N go test ./views/clipboard/

func needX(t *testing.T) {
	t.Helper()
	if os.Getenv("DISPLAY") == "" {
		t.Skip("no X display (DISPLAY is not set)")
	}
	if _, err := exec.LookPath("xclip"); err != nil {
		t.Skip("no xclip")
	}
}

// paste reads the clipboard in a format with xclip.
func paste(t *testing.T, target string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, "xclip", "-selection", "clipboard", "-t", target, "-o")
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("xclip -t %s -o: %v: %s", target, err, stderr.String())
	}
	return out
}

func randomBytes(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// TestX11EveryFormat: one Write offers the picture, the SVG and the text,
// and each comes back as written; 3 MB of PNG go in pieces (INCR).
func TestX11EveryFormat(t *testing.T) {
	needX(t)
	pic, svg := randomBytes(3<<20), []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)
	text := "Region\t2025 (10k vehicles)\n重庆\t253.2\nSão Paulo\t1\n"
	if err := Write(Content{PNG: pic, SVG: svg, Text: text}); err != nil {
		t.Fatal(err)
	}
	targets := strings.Fields(string(paste(t, "TARGETS")))
	if len(targets) < 2 || targets[3] != "image/png" {
		t.Errorf("TARGETS = %q, want image/png first after TARGETS, TIMESTAMP, MULTIPLE", targets)
	}
	for _, want := range []string{"image/svg+xml", "UTF8_STRING", "text/plain;charset=utf-8", "STRING"} {
		if !strings.Contains(" "+strings.Join(targets, " ")+" ", " "+want+" ") {
			t.Errorf("TARGETS %q lack %s", targets, want)
		}
	}
	if got := paste(t, "image/png"); !bytes.Equal(got, pic) {
		t.Errorf("image/png: got %d bytes, want the %d written", len(got), len(pic))
	}
	if got := paste(t, "image/svg+xml"); !bytes.Equal(got, svg) {
		t.Errorf("image/svg+xml = %q", got)
	}
	for _, target := range []string{"UTF8_STRING", "text/plain;charset=utf-8"} {
		if got := string(paste(t, target)); got != text {
			t.Errorf("%s = %q, want %q", target, got, text)
		}
	}
	if got, want := paste(t, "STRING"), "Region\t2025 (10k vehicles)\n??\t253.2\nS\xe3o Paulo\t1\n"; string(got) != want {
		t.Errorf("STRING = %q, want Latin-1 %q", got, want)
	}
}

// TestX11Chart: a real chart at 1920×1080 and at 2× comes back byte for
// byte, and decodes to its size.
func TestX11Chart(t *testing.T) {
	needX(t)
	spec := charts.Compare{Text: charts.Text{Title: "Vehicle production by city, 2025", Footer: "Source: test"},
		Groups: []string{"2025"}, Bars: []charts.CompareBar{{City: "Chongqing", Values: []float64{2.5}}, {City: "Shanghai", Values: []float64{1.6}}}}
	for _, scale := range []float64{1, 2} {
		var b bytes.Buffer
		if err := charts.WritePNG(&b, spec, charts.Options{Width: 1920, Height: 1080, Scale: scale}); err != nil {
			t.Fatal(err)
		}
		if err := Write(Content{PNG: b.Bytes(), Text: "x"}); err != nil {
			t.Fatal(err)
		}
		got := paste(t, "image/png")
		if !bytes.Equal(got, b.Bytes()) {
			t.Fatalf("scale %g: got %d bytes back, want %d", scale, len(got), b.Len())
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(got))
		if err != nil || cfg.Width != int(1920*scale) || cfg.Height != int(1080*scale) {
			t.Errorf("scale %g: %dx%d, %v", scale, cfg.Width, cfg.Height, err)
		}
		t.Logf("scale %g: %d KiB of PNG", scale, len(got)>>10)
	}
}

// TestX11AnotherAppCopies: when another app copies, the clipboard is
// theirs; the next Write takes it back.
func TestX11AnotherAppCopies(t *testing.T) {
	needX(t)
	if err := Write(Content{Text: "ours"}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("xclip", "-selection", "clipboard", "-i")
	cmd.Stdin = strings.NewReader("theirs")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(200 * time.Millisecond)
	if got := string(paste(t, "UTF8_STRING")); got != "theirs" {
		t.Errorf("after another copy: %q", got)
	}
	if err := Write(Content{Text: "ours again"}); err != nil {
		t.Fatal(err)
	}
	if got := string(paste(t, "UTF8_STRING")); got != "ours again" {
		t.Errorf("after Write: %q", got)
	}
	start := time.Now()
	Keep(3 * time.Second) // no clipboard manager under Xvfb: at once
	if d := time.Since(start); d > time.Second {
		t.Errorf("Keep without a clipboard manager took %v", d)
	}
}

// TestX11KeepToClipboardManager: as the app closes, Keep hands every
// format to the desktop's clipboard manager, which takes them with
// MULTIPLE as GNOME's does (the 3 MB picture in pieces);
// testdata/clipboard-manager.c stands in for it.
func TestX11KeepToClipboardManager(t *testing.T) {
	needX(t)
	dir := t.TempDir()
	manager := dir + "/clipboard-manager"
	if out, err := exec.Command("gcc", "-o", manager, "testdata/clipboard-manager.c", "-lxcb").CombinedOutput(); err != nil {
		t.Skipf("cannot build the stand-in clipboard manager: %v\n%s", err, out)
	}
	cmd := exec.Command(manager, dir)
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	out := bufio.NewReader(pipe)
	if line, err := out.ReadString('\n'); line != "ready\n" {
		t.Fatalf("the clipboard manager did not start: %q, %v", line, err)
	}
	c := Content{PNG: randomBytes(3 << 20), SVG: []byte("<svg/>"), Text: "Region\t2025\n重庆\t253.2\n"}
	if err := Write(c); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	Keep(5 * time.Second)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Keep took %v", d)
	}
	log, _ := io.ReadAll(out)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("the clipboard manager: %v\n%s", err, log)
	}
	for name, want := range map[string][]byte{"image_png": c.PNG, "image_svg+xml": c.SVG, "UTF8_STRING": []byte(c.Text),
		"text_plain_charset=utf-8": []byte(c.Text), "STRING": latin1(c.Text)} {
		if got, err := os.ReadFile(dir + "/" + name); err != nil || !bytes.Equal(got, want) {
			t.Errorf("the manager saved %s: %d bytes (%v), want %d", name, len(got), err, len(want))
		}
	}
	t.Logf("clipboard manager:\n%s", log)
}

// TestX11NoDisplay: a session without X says so.
func TestX11NoDisplay(t *testing.T) {
	for _, display := range []string{"", ":9876"} {
		t.Setenv("DISPLAY", display)
		if _, err := connect(); !errors.Is(err, ErrUnavailable) {
			t.Errorf("DISPLAY=%q: %v, want ErrUnavailable", display, err)
		} else {
			t.Logf("DISPLAY=%q: %v", display, err)
		}
	}
}
