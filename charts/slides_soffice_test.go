package charts

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// soffice finds LibreOffice. Without it the test skips on a developer's
// machine and fails in CI (CI=true), where it must be installed.
func soffice(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("soffice")
	if err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("soffice not found: CI must install libreoffice-calc-nogui and libreoffice-impress-nogui")
	}
	t.Skip("soffice not found; install LibreOffice to check that exports open there")
	return ""
}

// convertToPDF converts a file with LibreOffice in its own profile (so
// tests may run side by side) and returns the PDF. With
// AUTOCITIES_KEEP_PDF set to a folder, the PDF is also copied there.
func convertToPDF(t *testing.T, file string) []byte {
	t.Helper()
	bin := soffice(t)
	out, profile := t.TempDir(), t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation="+(&url.URL{Scheme: "file", Path: profile}).String(),
		"--headless", "--norestore", "--convert-to", "pdf", "--outdir", out, file)
	msg, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice failed: %v\n%s", err, msg)
	}
	pdf, err := os.ReadFile(filepath.Join(out, strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))+".pdf"))
	if err != nil || len(pdf) == 0 {
		t.Fatalf("soffice wrote no PDF (%v):\n%s", err, msg)
	}
	if keep := os.Getenv("AUTOCITIES_KEEP_PDF"); keep != "" {
		_ = os.WriteFile(filepath.Join(keep, filepath.Base(file)+".pdf"), pdf, 0o644)
	}
	return pdf
}

var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

func TestDeckOpensInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice conversion is slow")
	}
	path := filepath.Join(t.TempDir(), "deck.pptx")
	d := renderedDeck()
	var b bytes.Buffer
	if err := WriteDeck(&b, d); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := convertToPDF(t, path)
	if n := len(pdfPage.FindAll(pdf, -1)); n != len(d.Slides)+1 {
		t.Errorf("the PDF has %d pages, want %d (title and one per chart)", n, len(d.Slides)+1)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Error("not a PDF")
	}
}

// TestDeckTextInTheChartsFont: LibreOffice draws the slides' own text
// (titles, sources, headline cards, Chinese included) in the charts' CJK
// font, not its fallback: the PDF embeds that font and no other.
func TestDeckTextInTheChartsFont(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice conversion is slow")
	}
	lf := findFont("")
	if !lf.cjk {
		t.Skip("no CJK font installed")
	}
	d := renderedDeck()
	d.Title = "Auto Cities 汽车城市"
	d.Slides = append(d.Slides, Slide{Headline: &Headline{Title: "重庆 in figures",
		Figures: []KeyFigure{{Value: "2.79", Unit: "million vehicles", Label: "Vehicle production, 2025"}, {Value: "No. 1", Label: "全国排名"}},
		Footer:  "Sources: 重庆市统计局"}})
	path := filepath.Join(t.TempDir(), "deck.pptx")
	var b bytes.Buffer
	if err := WriteDeck(&b, d); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := convertToPDF(t, path)
	want := strings.ReplaceAll(lf.name, " ", "")
	fonts := regexp.MustCompile(`/BaseFont\s*/(?:[A-Z]{6}\+)?([^\s/<>\[\]]+)`).FindAllSubmatch(pdf, -1)
	if len(fonts) == 0 {
		t.Fatal("no font in the PDF")
	}
	for _, m := range fonts {
		if !strings.HasPrefix(string(m[1]), want) {
			t.Errorf("LibreOffice drew slide text in %s, not the charts' %s", m[1], lf.name)
		}
	}
}
