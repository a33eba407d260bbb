package ingest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestFormMatchers: the decode pass's matchers are the native patterns
// checkNative counts with, value for value (trimmed of spaces as its
// trim does), on hand-picked and random values.
func TestFormMatchers(t *testing.T) {
	values := []string{"", "0", "-0", "12", "-12", "1234", "1,234", "1.234", "1,234.56", "1.234,56", "12,34,5",
		"1,23", "1.2345,6", ",5", ".5", "5.", "5,", "-", "--5", "- 5", " 5 ", "\t5\t", "5\n", "\f-1,5\r",
		"123,456,789.5", "1234,567", "0001", "1_000", "1e3", "€ 12,50", "2024-01-31", "2024-1-31", "24-01-31",
		"2024-01-311", "31/01/2024", "1/1/2024", "001/01/2024", "1/1/24", "31/01/2024 ", "2024/01/31", "٣"}
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "0123456789,.-/ \t\re"
	for i := 0; i < 200000; i++ {
		var b strings.Builder
		for n := rng.IntN(12); n > 0; n-- {
			b.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		values = append(values, b.String())
	}
	patterns := []struct {
		form uint8
		re   interface{ MatchString(string) bool }
	}{
		{formYMD, nativeDates["%Y-%m-%d"]}, {formSlashDate, nativeDates["%d/%m/%Y"]}, {formSlashDate, nativeDates["%m/%d/%Y"]},
		{formNumPoint, nativeNumberPoint}, {formNumComma, nativeNumberComma},
	}
	for _, v := range values {
		trimmed := strings.Trim(v, " ")
		for _, p := range patterns {
			got := formsOf([]byte(v), p.form) != 0
			want := trimmed == "" || p.re.MatchString(trimmed)
			if got != want {
				t.Errorf("%q form %d: matcher %v, pattern %v", v, p.form, got, want)
			}
		}
	}
}

// TestFormScanner: records split into fields as the reader splits them;
// values outside a form are kept while few, markers and blanks are no
// values, and a record the scanner cannot split as the reader does makes
// it unsure.
func TestFormScanner(t *testing.T) {
	text := "pre\nid;amount;date;name\n" +
		"1;1.234,5;2024-01-02;\"a;b\"\r\n" +
		"2;-;2024-01-03;\"say \"\"hi\"\"\"\r\n" +
		"3;\"7,5\";;x\r\n" +
		"4;1e3;2024-01-0;y\r\n" +
		"\r\n" +
		"5; 8 ;2024-02-01;\"-\""
	run := func(chunk int) colForms {
		fs := newFormScanner(';', 2, 4, []string{"-"})
		for p := []byte(text); len(p) > 0; {
			n := min(chunk, len(p))
			fs.write(p[:n])
			p = p[n:]
		}
		return fs.close()
	}
	want := run(len(text))
	for chunk := 1; chunk < 12; chunk++ {
		if got := run(chunk); !equalForms(got, want) {
			t.Fatalf("chunks of %d bytes: %+v, want %+v (one chunk)", chunk, got, want)
		}
	}
	if want.unsure || want.records != 5 {
		t.Fatalf("unsure %v records %d, want a sure split of 5 records", want.unsure, want.records)
	}
	// id: whole numbers, in both number forms and no date form.
	if f := want.forms[0]; f != formNumPoint|formNumComma|formYMD|formSlashDate {
		// (five distinct ids are odd values of the date forms: fewer than maxOdd)
		t.Errorf("id forms %04b", f)
	}
	if odd, ok := want.inForm(0, formNumPoint); !ok || len(odd) != 0 {
		t.Errorf("id point numbers: odd %q ok %v", odd, ok)
	}
	// amount: "1.234,5", "7,5" (quoted) and " 8 " are decimal-comma numbers, "-"
	// is the missing marker; 1e3 is odd.
	if odd, ok := want.inForm(1, formNumComma); !ok || strings.Join(odd, "|") != "1e3" {
		t.Errorf("amount comma numbers: odd %q ok %v", odd, ok)
	}
	if odd, ok := want.inForm(1, formNumPoint); !ok || strings.Join(odd, "|") != "1.234,5|7,5|1e3" {
		t.Errorf("amount point numbers: odd %q ok %v", odd, ok)
	}
	if odd, ok := want.inForm(2, formYMD); !ok || strings.Join(odd, "|") != "2024-01-0" {
		t.Errorf("date: odd %q ok %v", odd, ok)
	}
	// name: a quoted marker may be missing or text to the reader: no form.
	if f := want.forms[3]; f != 0 {
		t.Errorf("name forms %04b, want none (a quoted marker)", f)
	}
	// The doubled quotes of a value are one quote to the reader.
	for _, bad := range []string{"1;2;3\n", "1;2;3;4;5\n", "1;\"2\"x;3;4\n", "1;2\";3;4\n", "1;\"2;3;4\n"} {
		fs := newFormScanner(';', 0, 4, nil)
		fs.write([]byte(bad))
		if cf := fs.close(); !cf.unsure {
			t.Errorf("%q: sure, want unsure", bad)
		}
	}
	fs := newFormScanner(';', 0, 4, nil)
	fs.write([]byte("a;\"x\"\"y\";c;\n"))
	if cf := fs.close(); cf.unsure || len(cf.odd[1]) != 1 || cf.odd[1][0].text != `x"y` || cf.records != 1 {
		t.Errorf("escaped quote: %+v", cf)
	}
}

func equalForms(a, b colForms) bool {
	if a.unsure != b.unsure || a.records != b.records || len(a.forms) != len(b.forms) {
		return false
	}
	for i := range a.forms {
		if a.forms[i] != b.forms[i] {
			return false
		}
		if fmt.Sprint(a.odd[i]) != fmt.Sprint(b.odd[i]) {
			return false
		}
	}
	return true
}
