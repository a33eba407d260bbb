-- decisions_keys: decision_rank is unique, not null and runs 1..n; no more rows than decision_max_rows; every row is material and ranked by its money at stake (a larger stake never ranks below a smaller one); money is counted once: no account has two decisions about its revenue, no KAM pair two rebalances, and amount_at_stake_listed is the sum of the stakes.
select decision_rank, decision_type, account_id, kam_id
from main.decisions
where decision_rank is null
    or decision_rank > param('decision_max_rows')
    or amount_at_stake < param('decision_min_amount')
    or decision_rank in (select decision_rank from main.decisions group by all having count(*) > 1)
    or decision_rank > (select count(*) from main.decisions)
union all
select a.decision_rank, a.decision_type, a.account_id, a.kam_id
from main.decisions as a
inner join main.decisions as b on a.decision_rank < b.decision_rank and a.amount_at_stake < b.amount_at_stake
union all
select min(decision_rank), any_value(decision_type), account_id, any_value(kam_id)
from main.decisions
where decision_type in ('assign_kam', 'build_plan', 'review_key_account', 'rescue_revenue', 'chase_plan_gap')
group by account_id
having count(*) > 1
union all
select min(decision_rank), 'rebalance_workload', null, kam_id
from main.decisions
where decision_type = 'rebalance_workload'
group by kam_id, to_kam_id
having count(*) > 1
union all
select decision_rank, decision_type, account_id, kam_id
from main.decisions
where amount_at_stake_listed is distinct from (select sum(amount_at_stake) from main.decisions)
