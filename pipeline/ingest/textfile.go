package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"kam/pipeline/ingest/schema"
)

// Encodings as named in the manifest.
const (
	encUTF8    = "utf-8"
	encUTF8BOM = "utf-8-bom"
	encUTF16LE = "utf-16le"
	encUTF16BE = "utf-16be"
	encCP1252  = "windows-1252"
	encMixed   = "utf-8+windows-1252" // valid UTF-8 with stray Windows-1252 bytes
)

const headSize = 256 << 10

// textFile is a CSV-like file after its single pass: its encoding and
// layout, and where its UTF-8 text is (the original file when it already was
// plain UTF-8, else a decoded copy in the run's temporary folder).
type textFile struct {
	Encoding string
	// EncodingAlt is the code page a file read as Windows-1252 is likely
	// in, by too little evidence to read it so.
	EncodingAlt string
	// EncodingGuessed: Encoding is a code page told by the file's letters.
	EncodingGuessed bool
	sniffed
	Scan     *scanner
	TextPath string
	SHA256   string // of the file's bytes
	Cleaned  cleaned
	Forms    colForms        // the columns' native forms, for checkNative
	Stacked  []*stackedTable // tables written under the first, by the line of their header
}

// notUTF8 stops a pass that assumed UTF-8 when a later byte is invalid.
type notUTF8 struct{ multibyteBefore bool }

func (notUTF8) Error() string { return "invalid utf-8" }

// errNeedsCopy stops a pass that meant to let DuckDB read the original file
// when the text cleaner dropped bytes from it: the clean text needs a copy.
var errNeedsCopy = errors.New("the clean text differs from the file")

// errCROnly stops a pass whose head has carriage returns and no line feed:
// line ends of old Mac software, read again as line feeds.
var errCROnly = errors.New("line ends are CR only")

// passOptions are what an earlier pass over the same file found out.
type passOptions struct {
	enc    string // the encoding, "" to detect it
	copy   bool   // write the decoded copy even for plain UTF-8
	crOnly bool   // carriage returns are the line ends
}

// readText decodes a text container (csv, csv.gz) in one streaming pass:
// gunzip, transcode to UTF-8 (Windows-1252 and UTF-16 in Go, because DuckDB's
// own latin-1 rejects the euro sign), sniff the layout from the head, and
// scan the structure of the whole text. tmpDir receives the decoded copy when
// one is needed.
//
// The surprises that need another pass are rare and found on the way: a
// UTF-8 head with invalid bytes later, bytes the cleaner drops (a byte
// order mark in the middle, zero bytes) from a file that had no copy, and
// CR-only line ends.
func readText(ctx context.Context, f InputFile, tmpDir string, missing []string) (*textFile, error) {
	var opt passOptions
	for {
		tf, err := decodePass(ctx, f, tmpDir, opt, missing)
		var nu notUTF8
		switch {
		case errors.As(err, &nu) && opt.enc == "":
			// The head was UTF-8 but a later byte is not. Valid multi-byte
			// characters before it mean a UTF-8 file with stray
			// Windows-1252 bytes; none mean a Windows-1252 file whose
			// first accent came late.
			opt.enc = encCP1252
			if nu.multibyteBefore {
				opt.enc = encMixed
			}
		case errors.Is(err, errNeedsCopy) && !opt.copy:
			opt.copy = true
		case errors.Is(err, errCROnly) && !opt.crOnly:
			opt.crOnly, opt.copy = true, true
		default:
			if err == nil {
				err = findStacked(tf)
			}
			return tf, err
		}
	}
}

// container reads a text container's bytes, hashing the file's bytes on
// the way (the fingerprint costs no second read).
type container struct {
	io.Reader
	file *os.File
	hash hash.Hash
}

func (c *container) Close() error { return c.file.Close() }

// sum finishes the fingerprint: bytes the decoders did not need (after a
// gzip stream, say) still count.
func (c *container) sum() (string, error) {
	if _, err := io.Copy(c.hash, c.file); err != nil {
		return "", err
	}
	return hex.EncodeToString(c.hash.Sum(nil)), nil
}

func openContainer(f InputFile) (*container, error) {
	file, err := os.Open(f.Abs)
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	tee := io.TeeReader(file, h)
	c := &container{Reader: tee, file: file, hash: h}
	if f.Container != "csv.gz" {
		return c, nil
	}
	gz, err := gzip.NewReader(bufio.NewReaderSize(tee, 1<<20))
	if err != nil {
		file.Close()
		return nil, fmt.Errorf("not a valid gzip file (%v); re-compress it or drop the uncompressed .csv", err)
	}
	c.Reader = gz
	return c, nil
}

func decodePass(ctx context.Context, f InputFile, tmpDir string, opt passOptions, missing []string) (*textFile, error) {
	src, err := openContainer(f)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	h, err := decodeHead(f, src, opt)
	if err != nil {
		return nil, err
	}
	enc, clean, tb, sn := h.enc, h.clean, h.text, h.sniffed
	tf := &textFile{Encoding: enc, EncodingAlt: h.alt, EncodingGuessed: h.guessed, sniffed: sn, TextPath: f.Abs}
	sc := newScanner(sn.Delim, sn.HeaderLine, sn.Fields)
	tf.Scan = sc
	// The columns' forms are found on the other core, from copies of the
	// chunks, while this goroutine decodes, scans and hashes.
	forms := startForms(newFormScanner(sn.Delim, sn.HeaderLine, sn.Fields, missing))
	defer forms.stop()

	// A copy is needed when the bytes DuckDB would read differ from the text.
	var out *bufio.Writer
	if enc != encUTF8 && enc != encUTF8BOM || f.Container != "csv" || opt.copy {
		tmp, err := os.CreateTemp(tmpDir, "text-*.csv")
		if err != nil {
			return nil, fmt.Errorf("decoded copy: %w", err)
		}
		defer tmp.Close()
		tf.TextPath = tmp.Name()
		out = bufio.NewWriterSize(tmp, 1<<20)
	}
	var check *utf8Check
	if enc == encUTF8 || enc == encUTF8BOM {
		check = &utf8Check{}
	}
	buf := make([]byte, 1<<20)
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		n, rerr := tb.Read(buf)
		chunk := buf[:n]
		if clean.dropped() && out == nil {
			return nil, errNeedsCopy
		}
		if check != nil && !check.write(chunk) {
			return nil, notUTF8{check.multibyte}
		}
		sc.write(chunk)
		forms.write(chunk)
		if out != nil {
			if _, err := out.Write(chunk); err != nil {
				return nil, fmt.Errorf("decoded copy: %w", err)
			}
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return nil, truncatedErr(f, rerr)
		}
	}
	if check != nil && len(check.carry) > 0 {
		return nil, notUTF8{check.multibyte}
	}
	sc.finish()
	tf.Forms = forms.result()
	tf.Cleaned = clean.cleaned
	if out != nil {
		if err := out.Flush(); err != nil {
			return nil, fmt.Errorf("decoded copy: %w", err)
		}
	}
	if tf.Cleaned.NULs > 0 {
		if tf.Cleaned.FirstNULLine, err = lineAt(tf.TextPath, tf.Cleaned.firstNUL); err != nil {
			return nil, err
		}
	}
	if tf.SHA256, err = src.sum(); err != nil {
		return nil, err
	}
	return tf, nil
}

// decodedHead is a text container opened for reading as UTF-8 text, with
// the layout its head shows.
type decodedHead struct {
	enc     string
	alt     string // see textFile.EncodingAlt
	guessed bool   // see textFile.EncodingGuessed
	clean   *textCleaner
	text    *bufio.Reader // the clean UTF-8 text from the start
	sniffed
}

// decodeHead detects the encoding of a container's head (unless opt says
// it), puts the decoder and the cleaner in front of it and sniffs the
// layout of the decoded head.
func decodeHead(f InputFile, src io.Reader, opt passOptions) (*decodedHead, error) {
	br := bufio.NewReaderSize(src, headSize)
	head, err := br.Peek(headSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, truncatedErr(f, err)
	}
	headComplete := err == io.EOF
	enc, alt := opt.enc, ""
	if enc == "" && f.Rule != nil && f.Rule.Encoding != "" {
		// Said in kam.yaml (files: encoding:).
		enc = f.Rule.Encoding
		if enc == encUTF8 && bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}) {
			enc = encUTF8BOM
		}
	}
	guessed := false
	if enc == "" {
		enc, err = detectEncoding(head, headComplete)
		if err != nil {
			return nil, err
		}
		if enc == encCP1252 || enc == encMixed {
			base := enc
			enc, alt = guessCodePage(head, headComplete, base)
			guessed = enc != base
		}
	}
	var text io.Reader = br
	switch enc {
	case encUTF16LE:
		text = transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder())
	case encUTF16BE:
		text = transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder())
	case encCP1252:
		text = transform.NewReader(br, charmap.Windows1252.NewDecoder())
	case encMixed:
		text = transform.NewReader(br, mixedDecoder{})
	case encUTF8BOM:
		br.Discard(3)
	case encUTF8:
	default:
		text = transform.NewReader(br, codePage(enc).NewDecoder())
	}
	clean := &textCleaner{r: text}
	clean.CROnly = opt.crOnly
	tb := bufio.NewReaderSize(clean, headSize)
	thead, err := tb.Peek(headSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, truncatedErr(f, err)
	}
	if !opt.crOnly && bytes.IndexByte(thead, '\n') < 0 && bytes.IndexByte(thead, '\r') >= 0 {
		return nil, errCROnly
	}
	tsv := hasSuffixFold(f.Rel, ".tsv") || hasSuffixFold(f.Rel, ".tsv.gz")
	complete := err == io.EOF
	var sn sniffed
	if f.Rule != nil && len(f.Rule.Headers) > 0 {
		sn, err = sniffHeaderless(thead, complete, tsv, f.Rule.Headers)
	} else {
		sn, err = sniff(thead, complete, tsv)
		if names := schema.TableLayout(f.Rel); names != nil && (err != nil || headerLooksLikeData(sn.Header)) {
			// A table of a known system written without its header row
			// (SAP's TCURR): its fields are known.
			if hl, herr := sniffHeaderless(thead, complete, tsv, names); herr == nil {
				sn, err = hl, nil
			}
		}
	}
	if err != nil {
		return nil, err
	}
	return &decodedHead{enc: enc, alt: alt, guessed: guessed, clean: clean, text: tb, sniffed: sn}, nil
}

// peekHeader reads the header of a text container from its head only (no
// fingerprint, no scan): what other files need to know of it before it is
// loaded.
func peekHeader(f InputFile) ([]string, error) {
	src, err := openContainer(f)
	if err != nil {
		return nil, err
	}
	defer func() { src.Close() }()
	opt := passOptions{}
	for {
		h, err := decodeHead(f, src, opt)
		if errors.Is(err, errCROnly) && !opt.crOnly {
			src.Close()
			if src, err = openContainer(f); err != nil {
				return nil, err
			}
			opt.crOnly = true
			continue
		}
		if err != nil {
			return nil, err
		}
		return h.Header, nil
	}
}

// utf8Check validates a stream chunk by chunk; a character cut between two
// chunks is carried over.
type utf8Check struct {
	carry     []byte
	multibyte bool // a valid non-ASCII character was seen
}

func (u *utf8Check) write(p []byte) bool {
	data := p
	if len(u.carry) > 0 {
		data = append(u.carry, p...)
		u.carry = nil
	}
	cut := len(data)
	for i := 1; i <= utf8.UTFMax && i <= len(data); i++ {
		if c := data[len(data)-i]; utf8.RuneStart(c) {
			if !utf8.FullRune(data[len(data)-i:]) {
				cut = len(data) - i
			}
			break
		}
	}
	ok := utf8.Valid(data[:cut])
	if !ok {
		u.multibyte = u.multibyte || hasHighByte(data[:firstInvalid(data[:cut])])
		return false
	}
	if !u.multibyte && hasHighByte(data[:cut]) {
		u.multibyte = true
	}
	u.carry = append([]byte(nil), data[cut:]...)
	return true
}

func firstInvalid(p []byte) int {
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(p)
}

func hasHighByte(p []byte) bool {
	for _, c := range p {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

func truncatedErr(f InputFile, err error) error {
	if f.Container == "csv.gz" {
		return fmt.Errorf("the compressed file is damaged or truncated (%v); copy it again from the source", err)
	}
	return err
}

// detectEncoding decides from the head: a BOM, else UTF-16 by its zero
// bytes, else UTF-8 if the head is valid, else Windows-1252. Zero bytes in
// any other pattern mean a binary file.
func detectEncoding(head []byte, complete bool) (string, error) {
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		return encUTF8BOM, nil
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return encUTF16LE, nil
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return encUTF16BE, nil
	}
	if zeros := bytes.Count(head, []byte{0}); zeros > 0 {
		even, odd := 0, 0
		for i, c := range head {
			if c == 0 {
				if i%2 == 0 {
					even++
				} else {
					odd++
				}
			}
		}
		half := len(head) / 2
		switch {
		case odd*10 > half*8 && even == 0:
			return encUTF16LE, nil
		case even*10 > half*8 && odd == 0:
			return encUTF16BE, nil
		}
		if err := binaryContent(head); err != nil {
			return "", err
		}
		// Zero bytes in text with no other control bytes: the padding of
		// fixed-width fields, dropped by the cleaner.
	}
	check := head
	if !complete {
		// Drop a rune cut at the end of the head.
		for i := 0; i < utf8.UTFMax && len(check) > 0; i++ {
			if r, _ := utf8.DecodeLastRune(check); r != utf8.RuneError {
				break
			}
			check = check[:len(check)-1]
		}
	}
	if utf8.Valid(check) {
		return encUTF8, nil
	}
	// Windows-1252 text almost never forms valid multi-byte UTF-8 by chance
	// (it would take pairs like "Ã©"), so valid multi-byte characters next
	// to invalid bytes mean UTF-8 with stray Windows-1252 bytes.
	if utf8Share(head) > 0 {
		return encMixed, nil
	}
	return encCP1252, nil
}

// binaryContent tells a binary file from text with zero bytes in it: a
// known binary signature, or control bytes other than the zero byte and
// the white space of text (binary data is full of them, text padded with
// zero bytes has none).
func binaryContent(head []byte) error {
	const msg = "binary content (zero bytes), not a text export; check that the file is really a CSV"
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return errors.New(msg + " (it is a zip archive: an .xlsx workbook is one; give it its .xlsx name)")
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		return errors.New(msg + " (it is gzip-compressed: name it .csv.gz)")
	}
	controls := 0
	for _, c := range head {
		if c < 0x20 && c != 0 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1a {
			controls++
		}
	}
	if controls > 0 && controls*1000 > len(head) {
		return errors.New(msg)
	}
	return nil
}

// utf8Share is the share of non-ASCII runes that are valid UTF-8.
func utf8Share(p []byte) float64 {
	valid, invalid := 0, 0
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			invalid++
		case size > 1:
			valid++
		}
		i += size
	}
	if valid+invalid == 0 {
		return 0
	}
	return float64(valid) / float64(valid+invalid)
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && bytes.EqualFold([]byte(s[len(s)-len(suffix):]), []byte(suffix))
}
