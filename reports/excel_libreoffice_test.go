package reports

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestExcelLibreOffice: a real spreadsheet program opens the workbook and
// prints every sheet of it to PDF without error (it refuses, for one, a
// workbook whose boolean cells carry a formula rule). make test installs
// LibreOffice (make deps-libreoffice); without it the test skips.
func TestExcelLibreOffice(t *testing.T) {
	soffice := ""
	for _, name := range []string{"libreoffice", "soffice"} {
		if p, err := exec.LookPath(name); err == nil {
			soffice = p
			break
		}
	}
	if soffice == "" {
		t.Skip("LibreOffice is not installed (make deps-libreoffice)")
	}
	for _, lang := range []string{"en", "es"} {
		r := runExcel(t, excelFixture, lang)
		out := t.TempDir()
		// A profile of its own, so that a LibreOffice already running does not take the job.
		profile := "file://" + filepath.ToSlash(filepath.Join(out, "profile"))
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation="+profile, "--headless", "--norestore",
			"--convert-to", "pdf", "--outdir", out, r.xlsx)
		log, err := cmd.CombinedOutput()
		cancel()
		pdf := filepath.Join(out, strings.TrimSuffix(filepath.Base(r.xlsx), ".xlsx")+".pdf")
		info, statErr := os.Stat(pdf)
		if err != nil || statErr != nil || info.Size() == 0 || strings.Contains(string(log), "Error") {
			t.Fatalf("%s: LibreOffice did not print the workbook (%v): %s", lang, err, log)
		}
		if pdfinfo, err := exec.LookPath("pdfinfo"); err == nil {
			b, _ := exec.Command(pdfinfo, pdf).Output()
			m := regexp.MustCompile(`Pages:\s+(\d+)`).FindSubmatch(b)
			if n := 0; m != nil {
				n, _ = strconv.Atoi(string(m[1]))
				if n < len(sheetIDs()) {
					t.Errorf("%s: the PDF has %d pages for %d sheets", lang, n, len(sheetIDs()))
				}
			}
		}
		if pdftotext, err := exec.LookPath("pdftotext"); err == nil {
			b, _ := exec.Command(pdftotext, pdf, "-").Output()
			f := r.open(t)
			for _, s := range xlVisibleSheets(t, f) {
				if !strings.Contains(string(b), s) {
					t.Errorf("%s: sheet %s is not in the printed workbook", lang, s)
				}
			}
		}
	}
}
