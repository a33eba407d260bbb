package report

import (
	"database/sql"
	"slices"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
)

// TestABCFirst: ordered with ABCFirst, ABC classes read A, B, C even when
// C holds the most revenue; other dimensions keep their order by revenue.
func TestABCFirst(t *testing.T) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`select dimension, value from (values
		('abc_contribution', 'C', 900), ('abc_contribution', 'A', 500), ('abc_contribution', 'B', 100),
		('segment', 'x', 10), ('segment', 'y', 20)) as m(dimension, value, revenue_ltm)
		order by dimension, ` + ABCFirst + `, revenue_ltm desc nulls last, value`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var d, v string
		if err := rows.Scan(&d, &v); err != nil {
			t.Fatal(err)
		}
		got = append(got, d+":"+v)
	}
	if want := []string{"abc_contribution:A", "abc_contribution:B", "abc_contribution:C", "segment:y", "segment:x"}; !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}
