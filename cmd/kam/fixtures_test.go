package main

import (
	"bytes"
	"compress/gzip"
	"database/sql"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// kamfix turns the text files of a script into the binary shapes real
// exports arrive in, so that the scripts stay readable:
//
//	kamfix cp1252 IN OUT      UTF-8 text → Windows-1252 bytes
//	kamfix utf16le IN OUT     → UTF-16 LE with BOM (utf16be likewise)
//	kamfix utf16le-nobom IN OUT → UTF-16 LE without BOM
//	kamfix mixed IN OUT       → UTF-8 with one Windows-1252 "Peña €" in place of PEÑA_CP1252
//	kamfix bom IN OUT         → UTF-8 with BOM
//	kamfix crlf IN OUT        → CRLF line ends
//	kamfix gzip IN OUT        → gzip
//	kamfix truncate N IN OUT  → the first N bytes
//	kamfix xlsx IN OUT [SHEET] [hidden=COLS] [title=TEXT]  CSV (;) → workbook; numbers as numeric cells,
//	                          ISO dates as date cells, hidden columns and a title row on request
//	kamfix parquet IN OUT     CSV (,) → Parquet through DuckDB's type detection
//	kamfix mtime TIME FILE    set the modification time (RFC 3339), for "the newest file wins"
func kamfix(args []string) int {
	if err := fix(args); err != nil {
		fmt.Fprintln(os.Stderr, "kamfix:", err)
		return 1
	}
	return 0
}

func fix(args []string) error {
	if len(args) == 3 && args[0] == "mtime" {
		t, err := time.Parse(time.RFC3339, args[1])
		if err != nil {
			return err
		}
		return os.Chtimes(args[2], t, t)
	}
	if len(args) < 3 {
		return fmt.Errorf("usage: kamfix OP [N] IN OUT")
	}
	op := args[0]
	if op == "truncate" {
		n, err := strconv.Atoi(args[1])
		if err != nil {
			return err
		}
		b, err := os.ReadFile(args[2])
		if err != nil {
			return err
		}
		os.MkdirAll(filepath.Dir(args[3]), 0o755)
		return os.WriteFile(args[3], b[:min(n, len(b))], 0o644)
	}
	if op == "repeat" {
		return repeatLines(args[1:])
	}
	in, out := args[1], args[2]
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	b, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	switch op {
	case "cp1252":
		enc, err := charmap.Windows1252.NewEncoder().Bytes(b)
		if err != nil {
			return err
		}
		return os.WriteFile(out, enc, 0o644)
	case "utf16le", "utf16be":
		order := unicode.LittleEndian
		if op == "utf16be" {
			order = unicode.BigEndian
		}
		enc, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().Bytes(b)
		if err != nil {
			return err
		}
		return os.WriteFile(out, enc, 0o644)
	case "utf16le-nobom":
		enc, err := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes(b)
		if err != nil {
			return err
		}
		return os.WriteFile(out, enc, 0o644)
	case "mixed":
		// UTF-8 text where the marker PEÑA_CP1252 becomes "Peña €" in
		// Windows-1252 bytes: a file edited by two programs.
		return os.WriteFile(out, bytes.ReplaceAll(b, []byte("PEÑA_CP1252"), []byte("Pe\xf1a \x80")), 0o644)
	case "bom":
		return os.WriteFile(out, append([]byte{0xEF, 0xBB, 0xBF}, b...), 0o644)
	case "crlf":
		return os.WriteFile(out, bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")), 0o644)
	case "gzip":
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(b)
		zw.Close()
		return os.WriteFile(out, buf.Bytes(), 0o644)
	case "xlsx":
		return toXLSX(b, out, args[3:])
	case "parquet":
		db, err := sql.Open("duckdb", "")
		if err != nil {
			return err
		}
		defer db.Close()
		_, err = db.Exec(fmt.Sprintf("copy (select * from read_csv('%s')) to '%s' (format parquet)",
			strings.ReplaceAll(in, "'", "''"), strings.ReplaceAll(out, "'", "''")))
		return err
	}
	return fmt.Errorf("unknown op %s", op)
}

func toXLSX(b []byte, out string, opts []string) error {
	r := csv.NewReader(bytes.NewReader(b))
	r.Comma = ';'
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Sheet1"
	var hidden []string
	title := ""
	for _, o := range opts {
		switch {
		case strings.HasPrefix(o, "hidden="):
			hidden = strings.Split(strings.TrimPrefix(o, "hidden="), ",")
		case strings.HasPrefix(o, "title="):
			title = strings.TrimPrefix(o, "title=")
		default:
			f.SetSheetName(sheet, o)
			sheet = o
		}
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	moneyStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 4})
	row := 1
	if title != "" {
		f.SetCellStr(sheet, "A1", title)
		row = 3
	}
	for i, rec := range recs {
		for j, v := range rec {
			cell, _ := excelize.CoordinatesToCellName(j+1, row)
			if i == 0 {
				f.SetCellStr(sheet, cell, v)
				continue
			}
			if n, err := strconv.ParseFloat(v, 64); err == nil {
				f.SetCellFloat(sheet, cell, n, -1, 64)
				f.SetCellStyle(sheet, cell, cell, moneyStyle)
			} else if d, err := parseISODate(v); err == nil {
				f.SetCellValue(sheet, cell, d)
				f.SetCellStyle(sheet, cell, cell, dateStyle)
			} else {
				f.SetCellStr(sheet, cell, v)
			}
		}
		row++
	}
	for _, c := range hidden {
		f.SetColVisible(sheet, c, false)
	}
	return f.SaveAs(out)
}

func parseISODate(s string) (time.Time, error) { return time.Parse("2006-01-02", s) }

// kamsql DB QUERY prints the rows of a query on a warehouse, one per line,
// values separated by " | " (NULL for nulls), so scripts can assert what
// was stored.
func kamsql(args []string) int {
	if len(args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: kamsql DB QUERY")
		return 2
	}
	db, err := sql.Open("duckdb", args[0]+"?access_mode=read_only")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer db.Close()
	rows, err := db.Query(args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			switch x := v.(type) {
			case nil:
				parts[i] = "NULL"
			case time.Time:
				parts[i] = x.Format("2006-01-02")
			default:
				parts[i] = fmt.Sprint(x)
			}
		}
		fmt.Println(strings.Join(parts, " | "))
	}
	if err := rows.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// kamhold DB SECONDS opens a warehouse for writing and keeps it open, as a
// second kam run or a DuckDB client would, then prints "released".
func kamhold(args []string) int {
	if len(args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: kamhold DB SECONDS")
		return 2
	}
	secs, _ := strconv.Atoi(args[1])
	db, err := sql.Open("duckdb", args[0])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer db.Close()
	if _, err := db.Exec("create table if not exists kamhold (x int)"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("holding")
	time.Sleep(time.Duration(secs) * time.Second)
	fmt.Println("released")
	return 0
}

// repeatLines (kamfix repeat N IN OUT) writes IN's first line, then its
// second line N times, then the rest of IN; "{n}" in the repeated and the
// following lines is their data line number (1, 2, …). It makes files
// longer than the rows kam samples, with odd values only past them.
func repeatLines(args []string) error {
	if len(args) != 3 {
		return fmt.Errorf("usage: kamfix repeat N IN OUT")
	}
	n, err := strconv.Atoi(args[0])
	if err != nil {
		return err
	}
	b, err := os.ReadFile(args[1])
	if err != nil {
		return err
	}
	lines := strings.SplitAfter(string(b), "\n")
	if len(lines) < 2 {
		return fmt.Errorf("%s: want a header and a line to repeat", args[1])
	}
	var out strings.Builder
	out.WriteString(lines[0])
	k := 0
	for i := 0; i < n; i++ {
		k++
		out.WriteString(strings.ReplaceAll(lines[1], "{n}", strconv.Itoa(k)))
	}
	for _, l := range lines[2:] {
		if l == "" {
			continue
		}
		k++
		out.WriteString(strings.ReplaceAll(l, "{n}", strconv.Itoa(k)))
	}
	if err := os.MkdirAll(filepath.Dir(args[2]), 0o755); err != nil {
		return err
	}
	return os.WriteFile(args[2], []byte(out.String()), 0o644)
}
