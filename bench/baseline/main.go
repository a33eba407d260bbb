// Command baseline is DuckDB alone loading CSV files: the practical limit
// of ingest that kam's benchmark compares against. It creates a table from
// read_csv over the given files, as a user of DuckDB would write it.
package main

import (
	"database/sql"
	"fmt"
	"os"
	"strings"

	_ "github.com/duckdb/duckdb-go/v2"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: baseline DB FILE...")
		os.Exit(2)
	}
	db, err := sql.Open("duckdb", os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer db.Close()
	files := make([]string, len(os.Args)-2)
	for i, f := range os.Args[2:] {
		files[i] = "'" + strings.ReplaceAll(f, "'", "''") + "'"
	}
	q := "create or replace table sales as select * from read_csv([" + strings.Join(files, ", ") + "], ignore_errors = true)"
	if _, err := db.Exec(q); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var n int64
	db.QueryRow("select count(*) from sales").Scan(&n)
	fmt.Println(n, "rows")
}
