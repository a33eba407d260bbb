package pipeline

import (
	"reflect"
	"testing"
)

// An account the accounts file names no KAM for takes the rep of its
// newest sales line with a rep: the newest date among the lines with a
// rep (a newer line without one does not count), then the highest invoice,
// then the highest line of it. int_accounts finds that line among the
// lines of the newest date only; this pins the choice.
func TestAccountKAMFromNewestLine(t *testing.T) {
	t.Parallel()
	db := runFixture(t, map[string]string{
		"accounts.csv": csvLines("account_id,account_name,kam_id",
			"A1,Uno,",
			"A2,Dos,K9",
			"A3,Tres,"),
		"kams.csv": csvLines("kam_id,kam_name,role",
			"K1,Kim One,kam", "K2,Kim Two,kam", "K3,Kim Three,kam", "K4,Kim Four,kam", "K9,Kim Nine,kam"),
		"sales.csv": csvLines("invoice_id,line_no,invoice_date,account_id,net_amount,kam_id,currency",
			"I1,1,2026-09-30,A1,100.00,K1,EUR",  // an older date
			"I0,1,2026-10-05,A1,100.00,K2,EUR",  // the newest date, a lower invoice
			"I9,1,2026-10-05,A1,100.00,,EUR",    // the highest invoice, without a rep
			"I5,1,2026-10-05,A1,100.00,K3,EUR",  // the invoice, a lower line
			"I5,2,2026-10-05,A1,100.00,K4,EUR",  // the newest line with a rep
			"I7,1,2026-10-06,A1,100.00,,EUR",    // a newer date, without a rep
			"I2,1,2026-10-07,A2,100.00,K1,EUR"), // the accounts file's KAM wins
	}, "", nil)
	got := rows(t, db, "select account_id, coalesce(kam_id, 'NULL'), coalesce(kam_source, 'NULL') from intermediate.int_accounts order by account_id")
	want := [][]string{
		{"A1", "K4", "sales"},
		{"A2", "K9", "accounts"},
		{"A3", "NULL", "NULL"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("int_accounts KAMs: got %v, want %v", got, want)
	}
}
