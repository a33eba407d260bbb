package ingest

import (
	"errors"
	"testing"

	"kam/pipeline/ingest/parse"
	"kam/pipeline/ingest/schema"
)

// TestGrossLessTax: a register's amount with tax and its tax make the net
// amount when every sampled row's tax could be included in its amount (a
// credit note has both negative, a row may have no tax); a tax larger than
// its amount, equal to it, of the other sign or above 30 % of the rest
// fails the file, naming that row's values.
func TestGrossLessTax(t *testing.T) {
	t.Parallel()
	k, _ := schema.KindByName(schema.Sales)
	dot := parse.NumberFormat{Decimal: '.'}
	headers := []string{"Invoice", "Date", "Customer", "Gross amount", "VAT amount"}
	m, err := schema.Map("r.csv", schema.Sales, headers, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		recs [][]string // gross, tax
		bad  string     // the gross value named, "" when the file reads
	}{
		{"standard, reduced and no tax", [][]string{{"1190.00", "190.00"}, {"107.00", "7.00"}, {"50.00", "0.00"}, {"80.00", ""}}, ""},
		{"a credit note written negative", [][]string{{"1190.00", "190.00"}, {"-119.00", "-19.00"}}, ""},
		{"27 % of the net", [][]string{{"127.00", "27.00"}}, ""},
		{"tax larger than the amount", [][]string{{"1190.00", "190.00"}, {"100.00", "120.00"}}, "100.00"},
		{"tax equal to the amount", [][]string{{"190.00", "190.00"}}, "190.00"},
		{"tax of the other sign", [][]string{{"-119.00", "19.00"}}, "-119.00"},
		{"tax on nothing", [][]string{{"0.00", "19.00"}}, "0.00"},
		{"no VAT rate is 50 %", [][]string{{"150.00", "50.00"}}, "150.00"},
	} {
		ty := &typing{kind: k, mapping: m, cols: map[string]*column{}}
		for name, i := range map[string]int{"gross_amount": 3, "tax_amount": 4} {
			c, _ := k.Column(name)
			ty.cols[name] = &column{Name: name, Col: c, Index: i, Header: headers[i], numberFormat: dot}
		}
		var recs [][]string
		for _, r := range tc.recs {
			recs = append(recs, []string{"F1", "2026-10-03", "C1", r[0], r[1]})
		}
		err := ty.decideGrossLessTax(recs)
		var ge *grossTaxError
		switch {
		case tc.bad == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.bad == "" && (len(ty.notes) != 1 || ty.notes[0].Key != "note.net_gross_less_tax"):
			t.Errorf("%s: notes %v, want note.net_gross_less_tax", tc.name, ty.notes)
		case tc.bad != "" && !errors.As(err, &ge):
			t.Errorf("%s: err %v, want a grossTaxError", tc.name, err)
		case tc.bad != "" && (ge.grossValue != tc.bad || ge.gross != "Gross amount" || ge.tax != "VAT amount"):
			t.Errorf("%s: %+v, want gross value %s", tc.name, ge, tc.bad)
		}
	}
}
