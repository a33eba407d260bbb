package excel

import "testing"

func TestUnordered(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"trailing order", "select a, b from t where x = ?\norder by a desc, b", "select a, b from t where x = ?"},
		{"upper case", "SELECT a FROM t ORDER BY a", "SELECT a FROM t"},
		{"top-N kept", "select a from t order by a desc limit 10", "select a from t order by a desc limit 10"},
		{"offset kept", "select a from t order by a offset 5", "select a from t order by a offset 5"},
		{"no order", "select a from t where b = 'x'", "select a from t where b = 'x'"},
		{"window untouched", "select a, row_number() over (partition by b order by c) as r from t",
			"select a, row_number() over (partition by b order by c) as r from t"},
		{"aggregate order untouched, outer removed", "select string_agg(a, ',' order by a) as s from t group by b order by s",
			"select string_agg(a, ',' order by a) as s from t group by b"},
		{"subquery's top-N untouched", "select * from (select a from t order by a limit 3) as x order by a",
			"select * from (select a from t order by a limit 3) as x"},
		{"in a literal", "select 'order by a' as s from t", "select 'order by a' as s from t"},
		{"escaped quote", "select 'it''s order by' as s from t order by s", "select 'it''s order by' as s from t"},
		{"quoted name", `select "order" as o, "by" from t order by o`, `select "order" as o, "by" from t`},
		{"line comment", "select a from t -- order by a\n", "select a from t -- order by a\n"},
		{"comment inside", "select a from t order /* x */ by a", "select a from t"},
		{"block comment", "select a /* order by a */ from t", "select a /* order by a */ from t"},
		{"order then union", "select a from (select a from t order by a) union all select a from u",
			"select a from (select a from t order by a) union all select a from u"},
		{"union's order", "select a from t union all select a from u order by a", "select a from t union all select a from u"},
		{"column named order_by", "select order_by from t", "select order_by from t"},
		{"order, then by", "select a as order, by from t", "select a as order, by from t"},
		{"unterminated quote", "select 'a from t order by a", "select 'a from t order by a"},
		{"unbalanced", "select (a from t order by a", "select (a from t order by a"},
		{"parameter in the order", "select a from t where b = ? order by abs(a - ?)", "select a from t where b = ? order by abs(a - ?)"},
		{"unbalanced close", "select a) from t order by a", "select a) from t order by a"},
	} {
		if got := unordered(c.in); got != c.want {
			t.Errorf("%s: unordered(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}
