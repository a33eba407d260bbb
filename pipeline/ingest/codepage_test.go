package ingest

import (
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestGuessCodePage: the code page of a head that is not UTF-8, by the
// letters its readings give.
func TestGuessCodePage(t *testing.T) {
	const head = "Invoice;Invoice date;Customer;Net amount\n"
	cases := []struct {
		name      string
		enc       encoding.Encoding
		text      string
		want, alt string
	}{
		// Spanish and Western text reads as Windows-1252 with nothing odd.
		{"spanish", charmap.Windows1252, head + "F1;01/10/2026;Peña;1.234,56 €\nF2;02/10/2026;Müller;2.000,00\nF3;03/10/2026;Ibérica Nº 3;481,00\n", encCP1252, ""},
		// Polish letters before ASCII letters form valid GBK pairs; a lone
		// ideograph between Latin letters is no Chinese word.
		{"polish", charmap.Windows1250, head + "F1;05/10/2026;Łódzkie Zakłady Włókiennicze;1234,50\nF2;06/10/2026;Śląska Stal Sp. z o.o.;2000,00\nF3;08/10/2026;Żuławy Gdańsk;300,00\n", "windows-1250", ""},
		{"russian", charmap.Windows1251, head + "1;01.10.2026;ООО Ромашка;1234,56\n2;02.10.2026;Москва Трейд;2000,00\n3;03.10.2026;АО Северсталь;481,00\n", "windows-1251", ""},
		{"japanese", japanese.ShiftJIS, head + "A1;2026-10-01;ソニー表示株式会社;1234\nA2;2026-10-02;ポプラ商事;2000\nA3;2026-10-03;東京電力;481\n", "shift_jis", ""},
		{"chinese", simplifiedchinese.GBK, head + "A1;2026-10-01;北京华为科技有限公司;1234\nA2;2026-10-02;上海贸易公司;2000\nA3;2026-10-03;深圳电子;481\n", "gbk", ""},
		// Czech in Windows-1250: its á í é ý š ž are the same bytes in
		// Windows-1252, its ř č ě ů read as ø è ì ù where no Western word
		// has them (Dvoøák, Èerný, Vinaøství).
		{"czech", charmap.Windows1250, head + "F1;05/10/2026;Dvořák a syn s.r.o.;12 500,00\nF2;06/10/2026;Černý Transport a.s.;8 000,00\nF3;07/10/2026;Vinařství Mikulov;3 200,50\nF4;08/10/2026;Stavby Kuběna;100,00\n", "windows-1250", ""},
		{"czech short", charmap.Windows1250, head + "1;01/10/2026;Jiří Dvořák;10\n", encCP1252, "windows-1250"},
		// Western words with è ì ù ø ï where those languages write them.
		{"western accents", charmap.Windows1252, head + "F1;01/10/2026;Hélène Lefèvre;1,00\nF2;02/10/2026;Più Così Srl;2,00\nF3;03/10/2026;Bjørn Søren ApS;3,00\nF4;04/10/2026;Café Naïf élève;4,00\nF5;05/10/2026;Où Très Crème;5,00\n", encCP1252, ""},
		// One word: too little to read the file in another code page.
		{"short", charmap.Windows1250, head + "1;01/10/2026;Łódź;10\n", encCP1252, "windows-1250"},
		// Ideographs that Shift_JIS and GBK both read, no kana, and a
		// detector that is not sure: no code page is told.
		{"kanji only", japanese.ShiftJIS, head + "1;2026-10-01;東京;1\n2;2026-10-02;大阪;2\n3;2026-10-03;京都;3\n", encCP1252, "shift_jis"},
	}
	for _, c := range cases {
		b, err := c.enc.NewEncoder().Bytes([]byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		if enc, alt := guessCodePage(b, true, encCP1252); enc != c.want || alt != c.alt {
			t.Errorf("%s: %s (alt %q), want %s (alt %q)", c.name, enc, alt, c.want, c.alt)
		}
	}
}

// TestCentralAsWestern: Central European letters read in Windows-1252
// stand where no Western language writes them.
func TestCentralAsWestern(t *testing.T) {
	t.Parallel()
	for w, want := range map[string]bool{
		"Dvoøák": true, "Jiøí": true, "Èerný": true, "Vinaøství": true, "Kubìna": true, "Rùžena": true,
		"Láïa": true, "Šèastný": true, "Maïarsko": false,
		"Bjørn": false, "Søren": false, "Hélène": false, "élève": false, "così": false, "più": false,
		"où": false, "naïf": false, "ruïne": false, "Lefèvre": false, "Tøinec": false, "Novák": false,
	} {
		if got := centralAsWestern(w); got != want {
			t.Errorf("centralAsWestern(%q) = %v, want %v", w, got, want)
		}
	}
}
