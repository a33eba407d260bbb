package parse

import (
	"strconv"
	"testing"
	"time"
)

// benchValues is the size of the generated columns: the bulk path is for
// millions of values, and below that DuckDB's fixed costs blur the ratio.
const benchValues = 1_000_000

// benchSQL times expr over the column v of a generated table against plain
// casts of the column iso, which holds the same values as ISO text, in
// the same iterations so that a busy machine slows both alike. It reports
// nanoseconds per value for each and the ratio of expr to each cast.
func benchSQL(b *testing.B, setup, expr string, casts map[string]string) {
	db := duck(b)
	if _, err := db.Exec(setup); err != nil {
		b.Fatal(err)
	}
	count := func(e string) time.Duration {
		t0 := time.Now()
		var n int64
		if err := db.QueryRow("select count(" + e + ") from bench").Scan(&n); err != nil {
			b.Fatal(err)
		}
		if n != benchValues {
			b.Fatalf("%d of %d values converted by %s", n, benchValues, e)
		}
		return time.Since(t0)
	}
	var parse time.Duration
	spent := map[string]time.Duration{}
	for b.Loop() {
		parse += count(expr)
		for name, c := range casts {
			spent[name] += count(c)
		}
	}
	per := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / float64(b.N) / benchValues }
	b.ReportMetric(per(parse), "ns/value")
	for name, d := range spent {
		b.ReportMetric(per(d), "ns/"+name)
		b.ReportMetric(float64(parse)/float64(d), "x_"+name)
	}
	b.ReportMetric(0, "ns/op")
}

// BenchmarkNumberSQL parses a comma-decimal column in the forms of a
// Spanish export (grouped, plain, currency, negative, parentheses,
// percentages) and compares with try_cast of 1234.56-style text to
// DECIMAL(38,10), the brief's reference, and to DECIMAL(18,2), which
// DuckDB casts a hundred times faster.
func BenchmarkNumberSQL(b *testing.B) {
	setup := `create or replace table bench as
		select iso, case i % 6
			when 0 then grouped
			when 1 then replace(iso, '.', ',')
			when 2 then '€ ' || grouped
			when 3 then '-' || grouped || ' EUR'
			when 4 then '(' || grouped || ')'
			else replace(((i % 1000) / 10.0)::varchar, '.', ',') || ' %' end as v
		from (select i, iso, translate(format('{:,.2f}', x), ',.', '.,') as grouped
			from (select i, x, x::varchar as iso
				from (select i, ((i * 7919) % 100000000) / 100.0 as x from range(` + strconv.Itoa(benchValues) + `) r(i))))`
	benchSQL(b, setup, NumberFormat{Decimal: ','}.SQL("v"), map[string]string{
		"cast38": "try_cast(iso as DECIMAL(38,10))",
		"cast18": "try_cast(iso as DECIMAL(18,2))",
	})
}

// BenchmarkDateSQL parses a day-first column in the forms exports mix
// (numeric, with a time, ISO, ISO timestamps, month names) and compares
// with try_cast(... as DATE) of ISO text.
func BenchmarkDateSQL(b *testing.B) {
	setup := `create or replace table bench as
		select strftime(d, '%Y-%m-%d') as iso, case i % 5
			when 0 then strftime(d, '%d/%m/%Y')
			when 1 then strftime(d, '%d/%m/%Y %H:%M')
			when 2 then strftime(d, '%Y-%m-%d')
			when 3 then strftime(d, '%Y-%m-%dT%H:%M:%S.000Z')
			else strftime(d, '%d-%b-%Y') end as v
		from (select i, DATE '1990-01-01' + (i * 7919 % 40000)::INTEGER as d from range(` + strconv.Itoa(benchValues) + `) r(i))`
	benchSQL(b, setup, DateFormat{Order: "dmy"}.SQL("v"), map[string]string{"cast": "try_cast(iso as DATE)"})
}
