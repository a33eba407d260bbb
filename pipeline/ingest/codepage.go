package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/saintfish/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// codePages are the code pages other than UTF and Windows-1252 that kam
// reads, as named in the manifest and in kam.yaml (files: encoding:): the
// ANSI code page Excel's plain "CSV" save writes on a PC set to another
// language, and the code pages of older Unix and ERP exports. The order is
// the preference between two readings the bytes cannot tell apart (the
// Windows code page before its ISO sister, GBK before GB18030).
var codePages = []struct {
	name string
	enc  encoding.Encoding
}{
	{"windows-1250", charmap.Windows1250}, // Central European: Polish, Czech, Hungarian…
	{"windows-1251", charmap.Windows1251}, // Cyrillic: Russian, Ukrainian, Bulgarian…
	{"windows-1253", charmap.Windows1253}, // Greek
	{"windows-1254", charmap.Windows1254}, // Turkish
	{"windows-1257", charmap.Windows1257}, // Baltic
	{"windows-1258", charmap.Windows1258}, // Vietnamese
	{"iso-8859-2", charmap.ISO8859_2},
	{"iso-8859-5", charmap.ISO8859_5},
	{"iso-8859-7", charmap.ISO8859_7},
	{"koi8-r", charmap.KOI8R},
	{"koi8-u", charmap.KOI8U},
	{"shift_jis", japanese.ShiftJIS}, // CP932 (Windows-31J)
	{"euc-jp", japanese.EUCJP},
	{"gbk", simplifiedchinese.GBK}, // CP936
	{"gb18030", simplifiedchinese.GB18030},
	{"big5", traditionalchinese.Big5}, // CP950
	{"euc-kr", korean.EUCKR},          // CP949 (Unified Hangul Code)
}

// codePage is the decoder of a code page of codePages, nil for another name.
func codePage(name string) encoding.Encoding {
	for _, c := range codePages {
		if c.name == name {
			return c.enc
		}
	}
	return nil
}

// chardetNames maps the charsets ICU's detector names to codePages.
var chardetNames = map[string]string{
	"windows-1250": "windows-1250", "ISO-8859-2": "windows-1250",
	"windows-1251": "windows-1251", "ISO-8859-5": "windows-1251", "KOI8-R": "koi8-r",
	"windows-1253": "windows-1253", "ISO-8859-7": "windows-1253",
	"windows-1254": "windows-1254", "ISO-8859-9": "windows-1254",
	"Shift_JIS": "shift_jis", "EUC-JP": "euc-jp",
	"GB-18030": "gbk", "Big5": "big5", "EUC-KR": "euc-kr",
	"windows-1252": encCP1252, "ISO-8859-1": encCP1252,
}

// cpReading is how plausible the non-ASCII characters of a head are in one
// decoding: letters of one script in words of a plausible case are good;
// symbols inside words (£ in £ódŸ), letters of two scripts in one word,
// Latin words made only of accented letters (Ìîñêâà), control characters
// and undecodable bytes are bad.
type cpReading struct {
	enc       string
	good, bad int
	words     int // distinct words with a non-ASCII letter read as good
	conf      int // the detector's confidence in the code page, 0..100
}

func (r cpReading) share() float64 {
	if r.good+r.bad == 0 {
		return 0
	}
	return float64(r.good) / float64(r.good+r.bad)
}

// Thresholds of a code page decided by evidence: most non-ASCII characters
// read as letters in words, far more than in Windows-1252, in several words.
const (
	codePageShare  = 0.9
	codePageMargin = 0.3
	codePageWords  = 3
	codePageTie    = 0.02 // readings this close are as plausible
	codePageConf   = 25   // the detector's confidence that settles a tie
)

// guessCodePage decides the code page of a head that is neither UTF-8 nor
// UTF-16. Windows-1252 stays whenever its cpReading has nothing implausible
// (every Spanish or Western file); otherwise the code page whose cpReading
// is plausible wins, the detector (ICU's, by the frequency of characters
// and letter triples of each language) deciding between readings equally
// plausible (Shift_JIS and GBK both read as ideographs). With too little
// evidence (a few names) the file stays Windows-1252 and alt names the
// code page that is likely.
//
// base is the reading detectEncoding chose: Windows-1252, or UTF-8 with
// stray Windows-1252 bytes (some pairs of a double-byte code page are
// valid UTF-8 by chance: Shift_JIS 0xDA 0x8B).
func guessCodePage(head []byte, complete bool, base string) (enc, alt string) {
	if !complete {
		// A character cut at the end of the head is no evidence.
		for i := len(head) - 1; i >= 0 && i >= len(head)-256; i-- {
			if head[i] == '\n' {
				head = head[:i+1]
				break
			}
		}
	}
	var w cpReading
	if base == encMixed {
		w = judge(encMixed, encoding.Encoding(mixedEncoding{}), head)
	} else {
		w = judge(encCP1252, charmap.Windows1252, head)
	}
	if w.bad == 0 {
		return base, ""
	}
	conf := map[string]int{}
	if res, err := chardet.NewTextDetector().DetectAll(head); err == nil {
		for _, r := range res {
			if n, ok := chardetNames[r.Charset]; ok {
				conf[n] = max(conf[n], r.Confidence)
			}
		}
	}
	var all []cpReading
	var best cpReading
	for _, c := range codePages {
		r := judge(c.name, c.enc, head)
		r.conf = conf[c.name]
		all = append(all, r)
		if better(r, best) {
			best = r
		}
	}
	if best.enc == "" || best.share() <= w.share() {
		return base, ""
	}
	if best.share() >= codePageShare && best.share()-w.share() >= codePageMargin &&
		best.words >= codePageWords && !rival(best, all) {
		return best.enc, ""
	}
	return base, best.enc
}

// mixedEncoding decodes with mixedDecoder.
type mixedEncoding struct{}

func (mixedEncoding) NewDecoder() *encoding.Decoder {
	return &encoding.Decoder{Transformer: mixedDecoder{}}
}
func (mixedEncoding) NewEncoder() *encoding.Encoder { return encoding.Nop.NewEncoder() }

// rival says whether a reading of another script is about as plausible as
// best while the detector is not clearly surer of best: then the bytes do
// not tell the language (Shift_JIS and GBK both read as ideographs).
func rival(best cpReading, all []cpReading) bool {
	for _, r := range all {
		if scriptFamily(r.enc) == scriptFamily(best.enc) || r.share() < best.share()-codePageTie {
			continue
		}
		if best.conf < codePageConf || best.conf <= r.conf {
			return true
		}
	}
	return false
}

// scriptFamily groups the code pages of codePages by the script they write.
func scriptFamily(enc string) string {
	switch enc {
	case "windows-1251", "iso-8859-5", "koi8-r", "koi8-u":
		return "cyrillic"
	case "windows-1253", "iso-8859-7":
		return "greek"
	case "shift_jis", "euc-jp":
		return "japanese"
	case "gbk", "gb18030", "big5":
		return "chinese"
	case "euc-kr":
		return "korean"
	}
	return "latin"
}

// better says whether reading a beats reading b: more plausible, or as
// plausible and the detector surer of it (codePages' order on a tie).
func better(a, b cpReading) bool {
	switch sa, sb := a.share(), b.share(); {
	case b.enc == "" || sa > sb+codePageTie:
		return true
	case sa < sb-codePageTie:
		return false
	}
	return a.conf > b.conf
}

// judge decodes head with e and weighs its non-ASCII characters.
func judge(name string, e encoding.Encoding, head []byte) cpReading {
	text, err := e.NewDecoder().Bytes(head)
	r := cpReading{enc: name}
	if err != nil {
		r.bad = len(head)
		return r
	}
	words := map[string]bool{}
	s := string(text)
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(c) {
			if c >= utf8.RuneSelf {
				if symbolFits(c, s[:i], s[i+size:]) {
					// neither evidence for nor against
				} else {
					r.bad++
				}
			}
			i += size
			continue
		}
		j := i
		for j < len(s) {
			c, size := utf8.DecodeRuneInString(s[j:])
			if !isWordRune(c) {
				break
			}
			j += size
		}
		word := s[i:j]
		n := nonASCII(word)
		if n > 0 {
			if plausibleWord(word) {
				r.good += n
				words[word] = true
			} else {
				r.bad += n
			}
		}
		i = j
	}
	r.words = len(words)
	return r
}

func isWordRune(c rune) bool {
	return unicode.IsLetter(c) || unicode.Is(unicode.Mn, c)
}

func nonASCII(s string) int {
	n := 0
	for _, c := range s {
		if c >= utf8.RuneSelf {
			n++
		}
	}
	return n
}

// symbolFits says whether a non-letter character is plausible where it
// stands: the punctuation and signs of business text, and a currency sign
// that is not glued to a letter (£ before ódŸ is Ł read as Windows-1252).
func symbolFits(c rune, before, after string) bool {
	if c == utf8.RuneError || unicode.IsControl(c) || unicode.Is(unicode.Co, c) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(before)
	next, _ := utf8.DecodeRuneInString(after)
	glued := isWordRune(prev) && prev != utf8.RuneError || isWordRune(next) && next != utf8.RuneError
	switch c {
	case '€', '\u00a0', '°', '«', '»', '–', '—', '‘', '’', '‚', '“', '”', '„', '…', '•', '·',
		'±', '×', '÷', '²', '³', '¹', '½', '¼', '¾', '¿', '¡', '§', '©', '®', '™', '№', '‰', '´':
		return true
	}
	if unicode.Is(unicode.Sc, c) || unicode.IsPunct(c) || unicode.IsSymbol(c) {
		return !glued
	}
	return unicode.IsSpace(c) || unicode.IsNumber(c)
}

// plausibleWord says whether a word with non-ASCII letters reads as a word:
// its letters of one script (Latin letters may stand beside ideographs and
// kana), its case lower, upper or a capital first, and, in Latin script,
// not made only of accented letters once three letters long (Ìîñêâà is
// Москва read as Windows-1252).
func plausibleWord(w string) bool {
	var script *unicode.RangeTable
	latinASCII, letters, accented := false, 0, 0
	// Runs of ideographs (or Hangul) and of Latin letters: a word may hold
	// one of each (ABC株式会社), the ideographs at least two; a lone
	// ideograph between Latin letters is a Latin accent read as the lead
	// byte of a double-byte code page (Zak砤d).
	switches, cjkRun, prevCJK, lonely := 0, 0, false, false
	upper, lower, lowerThenUpper := 0, 0, false
	prevLower := false
	for _, c := range w {
		if unicode.Is(unicode.Mn, c) {
			continue
		}
		letters++
		cjk := c >= utf8.RuneSelf && (scriptOf(c) == unicode.Han || scriptOf(c) == unicode.Hangul)
		if letters > 1 && cjk != prevCJK {
			switches++
			if prevCJK && cjkRun < 2 {
				lonely = true
			}
			cjkRun = 0
		}
		if cjk {
			cjkRun++
		}
		prevCJK = cjk
		if c < utf8.RuneSelf {
			latinASCII = true
		} else {
			t := scriptOf(c)
			if t == nil {
				return false
			}
			if script != nil && script != t {
				return false
			}
			script = t
			if t == unicode.Latin {
				accented++
			}
		}
		switch {
		case unicode.IsUpper(c):
			upper++
			if prevLower {
				lowerThenUpper = true
			}
			prevLower = false
		case unicode.IsLower(c):
			lower++
			prevLower = true
		}
	}
	if latinASCII && script != nil && script != unicode.Latin && script != unicode.Han && script != unicode.Hangul {
		return false
	}
	if switches > 1 || lonely || switches == 1 && cjkRun == 1 {
		return false
	}
	if lowerThenUpper {
		return false
	}
	if upper > 1 && lower > 0 {
		return false
	}
	if script == unicode.Latin && letters >= 3 && accented == letters {
		return false
	}
	if script == unicode.Latin && centralAsWestern(w) {
		return false
	}
	return true
}

// centralAsWestern says whether a Latin word holds letters together as no
// Western language writes them, as Central European words read in
// Windows-1252 do. Windows-1250 and Windows-1252 share á é í ó ú ý and
// even š ž (0x9A, 0x9E), so a Czech name is made of letters either code
// page reads; but č ř ě ů ň ď (0xE8 0xF8 0xEC 0xF9 0xF2 0xEF) read as
// è ø ì ù ò ï, and those stand where no Western word has them: ø beside
// another accent (Dvoøák, Jiøí: Danish and Norwegian write ø with no á or
// í), š or ž beside è ì ù ò ø ï (Western words have š and ž only as
// loans), è before a vowel (Èerný: French writes è before a consonant),
// ì or ù inside a word (Italian and French write them last: così, più,
// où), ï after a consonant or first (French and Dutch write it after a
// vowel: naïf, ruïne).
func centralAsWestern(w string) bool {
	const suspects = "èìùòøïÈÌÙÒØÏ"
	if strings.ContainsAny(w, "øØ") && strings.ContainsAny(w, "áéíóúýšžÁÉÍÓÚÝŠŽèìùòïÈÌÙÒÏ") {
		return true
	}
	if strings.ContainsAny(w, "šžŠŽ") && strings.ContainsAny(w, suspects) {
		return true
	}
	rs := []rune(w)
	for i, c := range rs {
		next := rune(0)
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch c {
		case 'è', 'È':
			if next != 0 && strings.ContainsRune("aeiouyáéíóúýAEIOUYÁÉÍÓÚÝ", next) {
				return true
			}
		case 'ì', 'Ì', 'ù', 'Ù':
			if next != 0 && unicode.IsLetter(next) {
				return true
			}
		case 'ï', 'Ï':
			if i == 0 || !strings.ContainsRune("aeiouyAEIOUY", rs[i-1]) {
				return true
			}
		}
	}
	return false
}

// scriptOf is the script of a non-ASCII letter, the Japanese kana counted
// with the ideographs; nil for a letter of no script a code page of
// codePages writes.
func scriptOf(c rune) *unicode.RangeTable {
	switch {
	case unicode.Is(unicode.Latin, c):
		return unicode.Latin
	case unicode.Is(unicode.Cyrillic, c):
		return unicode.Cyrillic
	case unicode.Is(unicode.Greek, c):
		return unicode.Greek
	case unicode.Is(unicode.Han, c), unicode.Is(unicode.Hiragana, c), unicode.Is(unicode.Katakana, c),
		c == 'ー', c == '々':
		return unicode.Han
	case unicode.Is(unicode.Hangul, c):
		return unicode.Hangul
	}
	return nil
}
