package ingest

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"strings"

	"kam/pipeline/ingest/schema"
)

// stackedTable is a table written under another in one text file: open-data
// portals and report tools save several tables to one CSV (a year's table,
// a blank line, the next year's with its own header), and their columns
// need not be the first table's nor in its order. Its rows were read in the
// first header's columns, each value under whatever name held its position
// (VAT read as the net amount), or, with another number of fields, taken
// for the file's footer and dropped.
type stackedTable struct {
	Line   int64 // the line of its header
	Title  int64 // the line of a one-field title above it ("Ejercicio 2025"), 0 for none
	Header []string
	// perm gives, for each column of the file's header, the index of the
	// column of this table's header of the same name, -1 when it has none.
	perm    []int
	Missing []string // the file's columns its header lacks: blank in its rows
	Extra   []string // its columns the file's header lacks: not read
}

// noteStacked says how the stacked table t is read.
func (r *rawTable) noteStacked(t *stackedTable) {
	r.note("note.stacked_table", t.Line)
	if t.Title > 0 {
		r.note("note.stacked_table_title", t.Title)
	}
	if len(t.Missing) > 0 {
		r.note("note.stacked_table_lacks", t.Line, quoteList(t.Missing))
	}
	if len(t.Extra) > 0 {
		r.note("note.stacked_table_extra", t.Line, quoteList(t.Extra))
	}
}

// realign puts a record of the stacked table into the file's columns.
func (t *stackedTable) realign(rec []string) []string {
	out := make([]string, len(t.perm))
	for i, j := range t.perm {
		if j >= 0 && j < len(rec) {
			out[i] = rec[j]
		}
	}
	return out
}

// stackedHeader tells whether rec, a record after a blank line, is the
// header of a table stacked under the file's: at least two of its cells,
// and at least half of those not blank, are names of the file's columns.
// It returns the table, nil when rec is a row.
func stackedHeader(header, rec []string, line int64) *stackedTable {
	names := make([]string, len(header))
	for i, h := range header {
		names[i] = schema.Normalize(strings.TrimSpace(h))
	}
	used := make([]bool, len(rec))
	perm := make([]int, len(header))
	matched, filled := 0, filledFields(rec)
	for i := range perm {
		perm[i] = -1
		if names[i] == "" {
			continue
		}
		for j, c := range rec {
			if !used[j] && schema.Normalize(strings.TrimSpace(c)) == names[i] {
				perm[i], used[j] = j, true
				matched++
				break
			}
		}
	}
	if matched < 2 || matched*2 < filled {
		return nil
	}
	t := &stackedTable{Line: line, Header: append([]string(nil), rec...), perm: perm}
	for i, j := range perm {
		if j < 0 && strings.TrimSpace(header[i]) != "" {
			t.Missing = append(t.Missing, header[i])
		}
	}
	for j, c := range rec {
		if !used[j] && strings.TrimSpace(c) != "" {
			t.Extra = append(t.Extra, c)
		}
	}
	return t
}

// findStacked looks at the records that follow blank lines for the header
// of a stacked table; when there is one, the text is scanned again counting
// each table's records against its own header (so the rows of a narrower
// table are no footer, nor a wider one's rejected for their fields).
func findStacked(tf *textFile) error {
	sc := tf.Scan
	if len(sc.afterBlank) == 0 {
		return nil
	}
	file, err := os.Open(tf.TextPath)
	if err != nil {
		return err
	}
	defer file.Close()
	r := csv.NewReader(file)
	r.Comma = rune(tf.Delim)
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	want := make(map[int64]bool, len(sc.afterBlank))
	for _, l := range sc.afterBlank {
		want[l] = true
	}
	var found []*stackedTable
	var title int64 // the last record read, when it was a one-field line after a blank one
	for len(want) > 0 {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if err != nil && !errors.As(err, &pe) {
			return err
		}
		if err != nil {
			continue
		}
		line, _ := r.FieldPos(0)
		above := title
		title = 0
		if !want[int64(line)] {
			continue
		}
		delete(want, int64(line))
		if t := stackedHeader(tf.Header, rec, int64(line)); t != nil {
			t.Title = above
			found = append(found, t)
		} else if filledFields(rec) <= 1 {
			title = int64(line)
		}
	}
	if len(found) == 0 {
		return nil
	}
	again := newScanner(tf.Delim, tf.HeaderLine, tf.Fields)
	again.stackAt = make(map[int64]int, len(found))
	for _, t := range found {
		again.stackAt[t.Line] = len(t.Header)
		if t.Title > 0 {
			again.stackAt[t.Title] = 0
		}
	}
	if _, err := file.Seek(0, io.SeekStart); err != nil {
		return err
	}
	buf := make([]byte, 1<<20)
	for {
		n, err := file.Read(buf)
		again.write(buf[:n])
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
	}
	again.finish()
	tf.Scan = again
	tf.Stacked = found
	return nil
}

// filledFields counts the fields of rec that are not blank.
func filledFields(rec []string) int {
	n := 0
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}
