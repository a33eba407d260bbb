package pipeline

import (
	"fmt"
	"testing"
)

// comparableFixture: one key account C1 buying 1,000 (cost 600) every
// month from salesFrom (YYYY-MM, at the earliest 2024-11) to 2026-10, with
// service costs of 100 a month and a one-hour visit a month from costsFrom
// to 2026-10.
func comparableFixture(salesFrom, costsFrom string) map[string]string {
	sales := []string{"invoice_id,invoice_date,account_id,net_amount,cost_amount"}
	costs := []string{"account_id,cost_date,cost_type,amount"}
	visits := []string{"activity_date,account_id,kam_id,activity_type,duration_hours,expense_amount"}
	for i := 0; i < 24; i++ {
		y, m := 2024+(10+i)/12, (10+i)%12+1
		month := fmt.Sprintf("%d-%02d", y, m)
		if month >= salesFrom {
			sales = append(sales, fmt.Sprintf("F%02d,%s-15,C1,1000,600", i, month))
		}
		if month >= costsFrom {
			costs = append(costs, fmt.Sprintf("C1,%s-20,logistics,100", month))
			visits = append(visits, fmt.Sprintf("%s-10,C1,K1,visit,1,", month))
		}
	}
	return map[string]string{
		"clientes.csv":    csvLines("account_id,account_name,kam_id,is_key_account", "C1,Uno,K1,yes"),
		"gestores.csv":    csvLines("kam_id,kam_name,role,annual_cost,capacity_hours", "K1,Ana,kam,16000,1600"),
		"ventas.csv":      csvLines(sales...),
		"costes.csv":      csvLines(costs...),
		"actividades.csv": csvLines(visits...),
	}
}

// TestKPIComparability: a change across two windows whose inputs differ is
// not shown as a change. Period 2026-10; its LTM is 2025-11..2026-10, the
// previous month's 2025-10..2026-09, a year before's 2024-11..2025-10.
func TestKPIComparability(t *testing.T) {
	t.Parallel()
	q := `select kpi, is_comparable_prior_month, coalesce(not_comparable_reason_prior_month, '-'), change_prior_month is null,
			is_comparable_prior_year, coalesce(not_comparable_reason_prior_year, '-'), change_prior_year is null,
			change_pct_prior_year is null, value_prior_year is null
		from kpi_summary where kpi in ('revenue_ltm', 'gross_margin_pct_ltm', 'net_contribution_ltm', 'key_accounts') order by kpi`

	// Costs and visits from 2025-07, as on the sample: the LTM a year
	// before has 4 of its 12 months costed, now 12 → the contribution is
	// not comparable with a year before (service costs, the first input
	// that differs), its change NULL while the earlier value stays; with
	// the previous month (12 of 12 both) it is. Revenue and gross margin
	// (sales lines with their cost, all 24 months) compare in both.
	db := runFixture(t, comparableFixture("2024-11", "2025-07"), "2026-10", nil)
	kamAssertRows(t, "costs from 2025-07", rows(t, db, q),
		"gross_margin_pct_ltm | true | - | false | true | - | false | false | false",
		"key_accounts | true | - | false | true | - | false | false | false",
		"net_contribution_ltm | true | - | false | false | service_costs | true | true | false",
		"revenue_ltm | true | - | false | true | - | false | false | false",
	)
	kamAssertRows(t, "coverage a year before", rows(t, db, `select kind, months_covered from history_input_coverage
		where period = '2025-10' and time_window = 'ltm' order by kind`),
		"activities | 4", "cost_amount | 12", "sales | 12", "service_costs | 4")

	// Costs from 2026-03, inside even the previous month's LTM: 7 of 12
	// months then, 8 now — not comparable with the previous month either.
	db = runFixture(t, comparableFixture("2024-11", "2026-03"), "2026-10", nil)
	kamAssertRows(t, "costs from 2026-03", rows(t, db, q),
		"gross_margin_pct_ltm | true | - | false | true | - | false | false | false",
		"key_accounts | true | - | false | true | - | false | false | false",
		"net_contribution_ltm | false | service_costs | true | false | service_costs | true | true | false",
		"revenue_ltm | true | - | false | true | - | false | false | false",
	)

	// Sales from 2025-05: the LTM a year ago (2024-11..2025-10) has 6 of its
	// 12 months, now 12: the LTM revenue is not comparable with a year ago,
	// the month's revenue is.
	db = runFixture(t, comparableFixture("2025-05", "2025-05"), "2026-10", nil)
	kamAssertRows(t, "KPIs with sales from 2025-05", rows(t, db, `select kpi, is_comparable_prior_year, coalesce(not_comparable_reason_prior_year, '-')
		from kpi_summary where kpi in ('revenue_month', 'revenue_ltm') order by kpi`),
		"revenue_ltm | false | sales", "revenue_month | true | -")
}
