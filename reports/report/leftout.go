package report

import "context"

// LeftOut is what the figures of a part lack because an input names an
// account or a KAM kam does not know (main.data_quality, summed over the
// files): plan targets left out of the plan, deals in no account's
// pipeline, activities in no account's cost to serve. The console says it
// per file; the reports say it where the figures are.
type LeftOut struct {
	Targets, TargetAmount float64 // plan targets and their revenue target
	Deals, DealAmount     float64 // deals and their amount
	Activities            float64
}

// ReadLeftOut reads LeftOut from the data_quality mart.
func ReadLeftOut(ctx context.Context, src Querier) (LeftOut, error) {
	rows, err := Rows(ctx, src, `select
			coalesce(sum(targets_unattributed), 0) as targets, coalesce(sum(revenue_target_unattributed), 0) as target_amount,
			coalesce(sum(rows_unknown_account) filter (where kind = 'opportunities'), 0) as deals,
			coalesce(sum(amount_unknown_account) filter (where kind = 'opportunities'), 0) as deal_amount,
			coalesce(sum(rows_unknown_account) filter (where kind = 'activities'), 0) as activities
		from main.data_quality`)
	if err != nil || len(rows) == 0 {
		return LeftOut{}, err
	}
	r := rows[0]
	var l LeftOut
	l.Targets, _ = ToFloat(r["targets"])
	l.TargetAmount, _ = ToFloat(r["target_amount"])
	l.Deals, _ = ToFloat(r["deals"])
	l.DealAmount, _ = ToFloat(r["deal_amount"])
	l.Activities, _ = ToFloat(r["activities"])
	return l, nil
}
