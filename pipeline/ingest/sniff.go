package ingest

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
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

// The tilde is last: Mexico's SAT writes its CFDI metadata files
// (Uuid~RfcEmisor~…~Monto~EfectoComprobante~Estatus) with it.
var delimiters = []byte{';', ',', '\t', '|', '~'}

// columnNameRe is what the only header of a one-column file must look like.
var columnNameRe = regexp.MustCompile(`^[\pL\pN _.#º°()/-]{1,64}$`)

// errNoTable is a text file in which no delimiter gives a consistent table.
var errNoTable = errors.New("no delimiter (; , tab | ~) gives the lines a consistent number of fields")

// noHeaderError is a text file whose lines split consistently into fields,
// none of them a row of column names: a table exported without its header
// (the original load files of sample databases, bcp and COPY output).
type noHeaderError struct {
	fields int
	delim  byte
	file   string // base name, for the example rule
}

func (e noHeaderError) Error() string {
	name := e.file
	if name == "" {
		name = "<file name>"
	}
	return fmt.Sprintf("the lines have %d fields separated by %q but no row of column names; if it is data, list its column names in kam.yaml: files: - {match: %q, headers: [<name 1>, …, <name %d>]}", e.fields, delimName(e.delim), name, e.fields)
}

// Is lets a headerless file be handled like any file that is no table when
// nothing says it is data (skipped with the reason).
func (e noHeaderError) Is(target error) bool { return target == errNoTable }

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
		order = []byte{'\t', ';', ',', '|', '~'}
	}
	best, bestScore := sniffed{}, -1.0
	var headerless *noHeaderError
	for _, d := range order {
		recs, lines := readHead(head, d, 200)
		if complete && len(recs) < 200 {
			recs = withoutFooter(recs)
		}
		if len(recs) == 0 {
			continue
		}
		fields := modalFields(recs)
		if fields < 2 {
			continue
		}
		h := headerIndex(recs, fields)
		if h < 0 {
			same := 0
			for _, r := range recs {
				if len(r) == fields {
					same++
				}
			}
			if headerless == nil && len(recs) > 1 && same*10 >= len(recs)*9 {
				headerless = &noHeaderError{fields: fields, delim: d}
			}
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
		if headerless != nil {
			return sniffed{}, *headerless
		}
		return sniffed{}, errNoTable
	}
	return best, nil
}

// sniffHeaderless decides the delimiter of a file without a header row
// whose column names the configuration lists (files: headers:): the
// delimiter that splits the most records into exactly that many fields.
// Every line is data (HeaderLine 0).
func sniffHeaderless(head []byte, complete bool, preferTab bool, names []string) (sniffed, error) {
	if !complete {
		if i := bytes.LastIndexByte(head, '\n'); i > 0 {
			head = head[:i+1]
		}
	}
	order := delimiters
	if preferTab {
		order = []byte{'\t', ';', ',', '|', '~'}
	}
	best, bestShare := byte(0), 0.0
	var seen []string
	for _, d := range order {
		recs, _ := readHead(head, d, 200)
		if len(recs) == 0 {
			continue
		}
		same := 0
		for _, r := range recs {
			if len(r) == len(names) {
				same++
			}
		}
		if share := float64(same) / float64(len(recs)); share > bestShare {
			best, bestShare = d, share
		}
		if f := modalFields(recs); f > 1 {
			seen = append(seen, fmt.Sprintf("%d with %q", f, delimName(d)))
		}
	}
	if best == 0 || bestShare < 0.5 {
		return sniffed{}, fmt.Errorf("the configuration lists %d column names (files: headers:) but no delimiter splits the lines into %d fields (the lines have %s); list one name per column", len(names), len(names), strings.Join(seen, ", "))
	}
	header := make([]string, len(names))
	for i, n := range names {
		header[i] = cleanHeader(n)
	}
	return sniffed{Delim: best, HeaderLine: 0, Header: header, Fields: len(names)}, nil
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

// maxFooterLines is the longest block of one-field lines after the data
// that is read as a report's footer (Salesforce writes "Total",
// "Confidential Information - Do Not Distribute", the copyright, "Generated
// By: …" and the organisation's name); the scanner decides on the same rule.
const maxFooterLines = 20

// withoutFooter drops the block of one-field records that ends a complete
// file after records of several fields, so that a short report's footer,
// longer than its data, does not outvote the table's number of fields. The
// lines are not lost: the scanner counts them as the footer.
func withoutFooter(recs [][]string) [][]string {
	n := len(recs)
	for n > 0 && len(recs[n-1]) == 1 {
		n--
	}
	if run := len(recs) - n; run == 0 || run > maxFooterLines || n == 0 {
		return recs
	}
	return recs[:n]
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
