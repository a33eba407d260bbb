package warehouse

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"kam/i18n"
	"kam/queries"
)

// Check is a data test: a query that returns the offending rows.
type Check struct {
	Name        string // file name without .sql
	Description string // the header comment's first line
	SQL         string
}

// CheckResult is a data test's outcome with a few offending rows.
type CheckResult struct {
	Check
	Offending int64
	Columns   []string
	Sample    [][]string
}

// Passed reports whether the test found no offending row.
func (r CheckResult) Passed() bool { return r.Offending == 0 }

// LoadChecks reads queries/checks in name order.
func LoadChecks() ([]Check, error) {
	entries, err := fs.ReadDir(queries.FS, "checks")
	if err != nil {
		return nil, err
	}
	var out []Check
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		b, err := fs.ReadFile(queries.FS, path.Join("checks", e.Name()))
		if err != nil {
			return nil, err
		}
		c := Check{Name: strings.TrimSuffix(e.Name(), ".sql"), SQL: string(b)}
		for _, line := range strings.Split(c.SQL, "\n") {
			if d, ok := strings.CutPrefix(line, "-- "); ok {
				c.Description = strings.TrimSpace(strings.TrimPrefix(d, c.Name+":"))
				break
			}
		}
		out = append(out, c)
	}
	return out, nil
}

const checkSample = 10

// RunChecks runs every data test and records the results in
// main.data_tests, where the reports read them.
func (w *Warehouse) RunChecks(ctx context.Context) ([]CheckResult, error) {
	checks, err := LoadChecks()
	if err != nil {
		return nil, err
	}
	var out []CheckResult
	for _, c := range checks {
		r := CheckResult{Check: c}
		if err := w.QueryRow(ctx, "select count(*) from ("+c.SQL+")").Scan(&r.Offending); err != nil {
			return nil, fmt.Errorf("data test %s: %w", c.Name, err)
		}
		if r.Offending > 0 {
			rows, err := w.Query(ctx, fmt.Sprintf("select * from (%s) limit %d", c.SQL, checkSample))
			if err != nil {
				return nil, fmt.Errorf("data test %s: %w", c.Name, err)
			}
			r.Columns, _ = rows.Columns()
			for rows.Next() {
				vals := make([]any, len(r.Columns))
				ptrs := make([]any, len(vals))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				if err := rows.Scan(ptrs...); err != nil {
					rows.Close()
					return nil, err
				}
				row := make([]string, len(vals))
				for i, v := range vals {
					row[i] = fmt.Sprint(v)
					if v == nil {
						row[i] = "NULL"
					}
				}
				r.Sample = append(r.Sample, row)
			}
			rows.Close()
		}
		out = append(out, r)
	}
	if err := w.Exec(ctx, `create or replace table main.data_tests (
		period varchar, name varchar, description varchar, passed boolean, offending_rows bigint)`); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return out, nil
	}
	// One insert for all the results (one each cost about 6 ms).
	var args []any
	for _, r := range out {
		args = append(args, r.Name, r.Description, r.Passed(), r.Offending)
	}
	values := strings.TrimSuffix(strings.Repeat("(param_text('period'), ?, ?, ?, ?), ", len(out)), ", ")
	if err := w.Exec(ctx, "insert into main.data_tests values "+values, args...); err != nil {
		return nil, err
	}
	return out, nil
}

// ChecksError is a run stopped by failed data tests.
type ChecksError struct {
	Failed []CheckResult
	Lang   string // the run's language: the message is written in it
}

func (e *ChecksError) Error() string {
	var b strings.Builder
	b.WriteString(i18n.T(e.Lang, "fail.checks", len(e.Failed)))
	for _, r := range e.Failed {
		desc := r.Description
		if key := "check." + r.Name; i18n.Has(key) {
			desc = i18n.T(e.Lang, key)
		}
		b.WriteString("\n  " + i18n.T(e.Lang, "fail.checks_test", r.Name, desc, r.Offending))
		if len(r.Columns) > 0 {
			fmt.Fprintf(&b, "\n    %s", strings.Join(r.Columns, " | "))
		}
		for _, row := range r.Sample {
			fmt.Fprintf(&b, "\n    %s", strings.Join(row, " | "))
		}
		if r.Offending > int64(len(r.Sample)) {
			b.WriteString("\n    " + i18n.T(e.Lang, "fail.checks_more", r.Offending-int64(len(r.Sample))))
		}
	}
	return b.String()
}

// Language is the language the message is written in.
func (e *ChecksError) Language() string { return e.Lang }
