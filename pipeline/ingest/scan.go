package ingest

import (
	"bytes"
)

// scanner walks decoded UTF-8 CSV text once and records its structure:
// how many records follow the header, which ones have the wrong number of
// fields, whether quoted fields span lines, blank lines and footers. It
// decides whether DuckDB's read_csv can take the file as it is (every record
// regular, one record per line, so line = header line + row number) or
// whether the Go reader must handle it.
type scanner struct {
	delim, quote byte
	headerLine   int64 // 1-based; records on or before it are not counted
	fields       int   // expected fields per record

	line       int64 // current physical line (1-based) at the start of rec
	inQuotes   bool
	recFields  int
	recStart   int64
	recBytes   int
	recQuoted  bool // the record had a quoted field spanning lines
	recEmpty   bool // nothing but the newline
	recBare    bool // a quote inside an unquoted field
	fieldStart bool
	afterQuote bool // just closed a quoted field
	quoteAtEnd bool // a quote inside a quoted field ended the last chunk: escaped or closing, the next byte tells

	records        int64 // data records after the header, not counting blank lines
	lastGoodLine   int64
	irregular      []badRecord
	irregularCount int64
	tailIrregular  int64 // irregular records since the last good one
	tailBlank      int64
	tailOpensBlank bool // a blank line follows the last good record
	tailMaxFields  int
	tailBare       bool  // a record after the last good one has stray quotes: not a footer
	footerFrom     int64 // first line of the footer, 0 if none
	footerLines    int64
	blankLines     int64
	quotedNewlines int64
	bareQuotes     int64
	maxRecordBytes int
	sawCR, sawLF   bool
	// afterBlank are the first lines of the records that follow a blank
	// line (the first maxStackedKept): where a table stacked under another
	// would start with its header.
	afterBlank []int64
	lastBlank  bool
	titleNext  bool
	// stackAt are the lines of the headers of tables stacked under the
	// first (found by findStacked), with their number of fields: the
	// records after one are counted against it; 0 for a title line above
	// such a header.
	stackAt   map[int64]int
	pendingCR bool
	prevCR    bool // the last byte outside quotes was a carriage return
	endsCRLF  bool // a record ended with CR LF
	endsLF    bool // a record ended with a bare LF

	// special marks the bytes that change the state outside quotes; runs of
	// other bytes are taken at once. byteByByte turns that off (the tests
	// compare both ways).
	special    [256]bool
	byteByByte bool
}

type badRecord struct {
	Line   int64
	Fields int
}

const maxIrregularKept = 10000

// maxStackedKept bounds the records after blank lines looked at as the
// possible header of a stacked table.
const maxStackedKept = 100

func newScanner(delim byte, headerLine int64, fields int) *scanner {
	s := &scanner{delim: delim, quote: '"', headerLine: headerLine, fields: fields,
		line: 1, recStart: 1, fieldStart: true, recEmpty: true}
	for _, c := range []byte{delim, s.quote, '\n', '\r'} {
		s.special[c] = true
	}
	return s
}

// write consumes the next chunk of text.
func (s *scanner) write(p []byte) {
	if s.quoteAtEnd && len(p) > 0 {
		s.quoteAtEnd = false
		if p[0] == s.quote {
			p = p[1:] // escaped quote, still inside the field
			s.recBytes++
		} else {
			s.inQuotes = false
			s.afterQuote = true
		}
	}
	for len(p) > 0 {
		if !s.inQuotes && s.fieldStart && s.recEmpty && !s.recBare {
			// Fast path: a whole line without quotes.
			nl := bytes.IndexByte(p, '\n')
			if nl >= 0 && bytes.IndexByte(p[:nl], s.quote) < 0 {
				line := p[:nl]
				if len(line) > 0 && line[len(line)-1] == '\r' {
					s.sawCR = true
					line = line[:len(line)-1]
					s.endsCRLF = true
				} else if len(line) == 0 && s.prevCR {
					s.endsCRLF = true // the CR ended the last chunk
				} else {
					s.endsLF = true
				}
				s.prevCR = false
				s.sawLF = true
				// A carriage return alone does not make a record (the
				// byte-by-byte path below ignores it too).
				if len(bytes.Trim(line, "\r")) > 0 {
					s.recFields = bytes.Count(line, []byte{s.delim})
					s.recEmpty = false
				}
				s.recBytes = len(line)
				s.endRecord()
				s.line++
				s.recStart = s.line
				p = p[nl+1:]
				continue
			}
		}
		if !s.byteByByte && s.skipRun(&p) {
			continue
		}
		c := p[0]
		p = p[1:]
		s.recBytes++
		wasCR := s.prevCR
		s.prevCR = false
		if s.inQuotes {
			switch c {
			case s.quote:
				if len(p) == 0 {
					s.quoteAtEnd = true
					continue
				}
				if p[0] == s.quote {
					p = p[1:] // escaped quote
					s.recBytes++
					continue
				}
				s.inQuotes = false
				s.afterQuote = true
			case '\n':
				s.line++
				s.recQuoted = true
			}
			continue
		}
		switch c {
		case s.delim:
			s.recFields++
			s.recEmpty = false
			s.fieldStart = true
			s.afterQuote = false
		case '\n':
			s.sawLF = true
			if wasCR {
				s.endsCRLF = true
			} else {
				s.endsLF = true
			}
			s.recBytes--
			s.endRecord()
			s.line++
			s.recStart = s.line
		case '\r':
			s.sawCR = true
			s.prevCR = true
			s.recBytes--
		case s.quote:
			s.recEmpty = false
			if s.fieldStart {
				s.inQuotes = true
				s.fieldStart = false
			} else {
				s.recBare = true
			}
		default:
			s.recEmpty = false
			if s.afterQuote {
				s.recBare = true // text after a closing quote: "ab"c
			}
			s.fieldStart = false
		}
	}
}

// skipRun takes the bytes up to the next one that matters at once, with
// the effect the byte-by-byte loop would have had, and reports whether it
// took any: inside quotes everything up to the next quote (newlines there
// are counted), outside them a run of ordinary field text. Most lines of ERP
// exports quote a name with a comma, so the whole-line fast path misses them.
func (s *scanner) skipRun(p *[]byte) bool {
	b := *p
	if s.inQuotes {
		j := bytes.IndexByte(b, s.quote)
		if j < 0 {
			j = len(b)
		}
		if j == 0 {
			return false
		}
		if n := bytes.Count(b[:j], []byte{'\n'}); n > 0 {
			s.line += int64(n)
			s.recQuoted = true
		}
		s.recBytes += j
		s.prevCR = false
		*p = b[j:]
		return true
	}
	j := 0
	for j < len(b) && !s.special[b[j]] {
		j++
	}
	if j == 0 {
		return false
	}
	s.recBytes += j
	s.prevCR = false
	s.recEmpty = false
	if s.afterQuote {
		s.recBare = true // text after a closing quote: "ab"c
	}
	s.fieldStart = false
	*p = b[j:]
	return true
}

// close ends the last record when the text does not end with a newline.
func (s *scanner) close() {
	if s.quoteAtEnd {
		s.quoteAtEnd, s.inQuotes = false, false
	}
	if !s.recEmpty || s.inQuotes {
		if s.inQuotes {
			s.recBare = true // unbalanced quote up to the end of the file
		}
		s.endRecord()
	}
}

func (s *scanner) endRecord() {
	fields := s.recFields
	if !s.recEmpty {
		fields++ // the last field has no delimiter after it
	}
	empty, quoted, bare := s.recEmpty, s.recQuoted, s.recBare
	start, size := s.recStart, s.recBytes
	s.recFields, s.recEmpty, s.recQuoted, s.recBare, s.fieldStart, s.afterQuote, s.recBytes = 0, true, false, false, true, false, 0
	if start <= s.headerLine {
		return
	}
	if size > s.maxRecordBytes {
		s.maxRecordBytes = size
	}
	if empty {
		s.lastBlank = true
		if s.tailIrregular == 0 && s.tailBlank == 0 {
			s.tailOpensBlank = true
		}
		s.tailBlank++
		return
	}
	if (s.lastBlank || s.titleNext) && len(s.afterBlank) < maxStackedKept {
		s.afterBlank = append(s.afterBlank, start)
	}
	// A one-field line after a blank one may be a stacked table's title:
	// its header is the next record.
	s.titleNext = s.lastBlank && fields <= 1
	s.lastBlank = false
	if n, ok := s.stackAt[start]; ok && n == 0 {
		return // a stacked table's title: no record
	} else if ok {
		// The header of a stacked table: no record; those after it have
		// its number of fields.
		s.fields = n
		s.blankLines += s.tailBlank
		s.tailBlank, s.tailIrregular, s.tailMaxFields, s.tailOpensBlank, s.tailBare = 0, 0, 0, false, false
		s.lastGoodLine = start
		return
	}
	if quoted {
		s.quotedNewlines++
	}
	if bare {
		s.bareQuotes++
	}
	s.records++
	if fields == s.fields {
		s.blankLines += s.tailBlank
		s.tailBlank, s.tailIrregular, s.tailMaxFields, s.tailOpensBlank, s.tailBare = 0, 0, 0, false, false
		s.lastGoodLine = start
		return
	}
	s.irregularCount++
	s.tailIrregular++
	s.tailMaxFields = max(s.tailMaxFields, fields)
	s.tailBare = s.tailBare || bare
	if len(s.irregular) < maxIrregularKept {
		s.irregular = append(s.irregular, badRecord{Line: start, Fields: fields})
	}
}

// finish ends the text and tells footers from data: what follows the last
// regular record is a footer (Salesforce report exports end with a blank line
// and one-field lines such as "Confidential Information") when it opens with
// a blank line or when every line of it is a single field; any other short
// or long record is data with the wrong number of fields, rejected later.
func (s *scanner) finish() {
	s.close()
	if s.tailIrregular == 0 || s.tailIrregular > maxFooterLines || s.tailMaxFields >= s.fields || s.tailBare {
		return
	}
	if !s.tailOpensBlank && s.tailMaxFields > 1 {
		return
	}
	first := max(s.lastGoodLine, s.headerLine) + 1
	s.footerFrom = first
	s.footerLines = s.tailIrregular
	s.records -= s.tailIrregular
	s.irregularCount -= s.tailIrregular
	for len(s.irregular) > 0 && s.irregular[len(s.irregular)-1].Line >= first {
		s.irregular = s.irregular[:len(s.irregular)-1]
	}
	s.tailIrregular = 0
}

// regular reports whether DuckDB's reader can take the file: one record per
// line, every record with the header's number of fields, no stray quotes,
// no blank lines between records, one kind of line end (the reader settles
// on CR LF or LF and stops at the other).
func (s *scanner) regular() bool {
	return s.irregularCount == 0 && s.quotedNewlines == 0 && s.blankLines == 0 && s.bareQuotes == 0 && s.footerLines == 0 && len(s.stackAt) == 0 &&
		!(s.endsCRLF && s.endsLF)
}
