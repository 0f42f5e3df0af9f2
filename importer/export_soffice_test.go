package importer

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
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

// sofficeConvert converts file to format ("pdf", "csv") with LibreOffice
// in its own profile, so tests may run side by side. With
// AUTOCITIES_KEEP_PDF set to a folder, the result is also copied there.
func sofficeConvert(t *testing.T, file, format string) []byte {
	t.Helper()
	bin := soffice(t)
	out, profile := t.TempDir(), t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation="+(&url.URL{Scheme: "file", Path: profile}).String(),
		"--headless", "--norestore", "--convert-to", format, "--outdir", out, file)
	msg, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice failed: %v\n%s", err, msg)
	}
	b, err := os.ReadFile(filepath.Join(out, strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))+"."+format))
	if err != nil || len(b) == 0 {
		t.Fatalf("soffice wrote no %s (%v):\n%s", format, err, msg)
	}
	if keep := os.Getenv("AUTOCITIES_KEEP_PDF"); keep != "" {
		_ = os.WriteFile(filepath.Join(keep, filepath.Base(file)+"."+format), b, 0o644)
	}
	return b
}

func TestWorkbookOpensInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("LibreOffice conversion is slow")
	}
	soffice(t)
	path := filepath.Join(t.TempDir(), "export.xlsx")
	if err := exportData(t).SaveWorkbook(path, testWorkbookOptions(t)); err != nil {
		t.Fatal(err)
	}
	pdf := sofficeConvert(t, path, "pdf")
	if !strings.HasPrefix(string(pdf[:5]), "%PDF-") {
		t.Error("not a PDF")
	}
}
