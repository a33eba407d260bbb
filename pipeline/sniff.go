package pipeline

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"regexp"
	"strings"
	"unicode"
)

// sniffed is what the first part of a text file says about its layout.
type sniffed struct {
	Delim      byte
	HeaderLine int64 // physical line of the header row (1-based)
	Header     []string
	Fields     int // fields per data record
}

var delimiters = []byte{';', ',', '\t', '|'}

// columnNameRe is what the only header of a one-column file must look like.
var columnNameRe = regexp.MustCompile(`^[\pL\pN _.#º°()/-]{1,64}$`)

// errNoTable is a text file in which no delimiter gives a consistent table.
var errNoTable = errors.New("no delimiter (; , tab |) gives the lines a consistent number of fields")

// sniff decides the delimiter and the header row from the head of a decoded
// file. complete says head is the whole file. The delimiter that splits the
// most records into the same number of fields (at least two) wins, the one
// giving more fields on a tie; the
// header is the first record with that many fields that looks like names
// (title lines above it, as some ERP reports write, are skipped).
func sniff(head []byte, complete bool, preferTab bool) (sniffed, error) {
	if !complete {
		if i := bytes.LastIndexByte(head, '\n'); i > 0 {
			head = head[:i+1]
		}
	}
	order := delimiters
	if preferTab {
		order = []byte{'\t', ';', ',', '|'}
	}
	best, bestScore := sniffed{}, -1.0
	for _, d := range order {
		recs, lines := readHead(head, d, 200)
		if len(recs) == 0 {
			continue
		}
		fields := modalFields(recs)
		if fields < 2 {
			continue
		}
		h := headerIndex(recs, fields)
		if h < 0 {
			continue
		}
		n, same := 0, 0
		for _, r := range recs[h+1:] {
			n++
			if len(r) == fields {
				same++
			}
		}
		score := 1.0
		if n > 0 {
			score = float64(same) / float64(n)
		}
		// On a tie the delimiter giving more fields wins: a text value
		// with two semicolons in a comma file is no reason to split on them.
		if score > bestScore+1e-9 || (score > bestScore-1e-9 && fields > best.Fields) {
			header := make([]string, fields)
			for i := range header {
				if i < len(recs[h]) {
					header[i] = cleanHeader(recs[h][i])
				}
			}
			best = sniffed{Delim: d, HeaderLine: lines[h], Header: header, Fields: fields}
			bestScore = score
		}
	}
	if bestScore < 0 {
		if recs, lines := readHead(head, ',', 1); len(recs) == 1 && len(recs[0]) == 1 && columnNameRe.MatchString(cleanHeader(recs[0][0])) {
			// A single-column file: still a table.
			return sniffed{Delim: ',', HeaderLine: lines[0], Header: []string{cleanHeader(recs[0][0])}, Fields: 1}, nil
		}
		return sniffed{}, errNoTable
	}
	return best, nil
}

// readHead parses up to max non-empty records, with their physical lines.
func readHead(head []byte, delim byte, max int) ([][]string, []int64) {
	r := csv.NewReader(bytes.NewReader(head))
	r.Comma = rune(delim)
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	var recs [][]string
	var lines []int64
	for len(recs) < max {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				continue
			}
			break
		}
		line, _ := r.FieldPos(0)
		recs = append(recs, rec)
		lines = append(lines, int64(line))
	}
	return recs, lines
}

// modalFields is the most common number of fields; ties go to the larger.
func modalFields(recs [][]string) int {
	counts := map[int]int{}
	for _, r := range recs {
		counts[len(r)]++
	}
	best, bestN := 0, 0
	for f, n := range counts {
		if n > bestN || (n == bestN && f > best) {
			best, bestN = f, n
		}
	}
	return best
}

// headerIndex finds the header: the first record with the table's number of
// fields (one fewer when data rows end with a trailing delimiter) whose
// filled cells are mostly names, not numbers.
func headerIndex(recs [][]string, fields int) int {
	for i, r := range recs {
		if len(r) != fields && len(r) != fields-1 {
			continue
		}
		filled, names := 0, 0
		for _, c := range r {
			c = strings.TrimSpace(c)
			if c == "" {
				continue
			}
			filled++
			if looksLikeName(c) {
				names++
			}
		}
		if filled*10 >= fields*6 && names*2 > filled {
			return i
		}
	}
	return -1
}

func looksLikeName(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func cleanHeader(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	return strings.TrimSpace(strings.Trim(s, "\u00a0"))
}
