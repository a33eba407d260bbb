package main

import (
	"database/sql"
	"fmt"
	"os"
	"strings"

	_ "github.com/duckdb/duckdb-go/v2"
)

func main() {
	db, err := sql.Open("duckdb", os.Args[1]+"?access_mode=read_only")
	if err != nil {
		panic(err)
	}
	for _, q := range os.Args[2:] {
		r, err := db.Query(q)
		if err != nil {
			fmt.Println("ERR", err)
			continue
		}
		cols, _ := r.Columns()
		fmt.Println(strings.Join(cols, " | "))
		for r.Next() {
			v := make([]any, len(cols))
			p := make([]any, len(cols))
			for i := range v {
				p[i] = &v[i]
			}
			r.Scan(p...)
			s := make([]string, len(v))
			for i, x := range v {
				s[i] = fmt.Sprint(x)
			}
			fmt.Println(strings.Join(s, " | "))
		}
	}
}
