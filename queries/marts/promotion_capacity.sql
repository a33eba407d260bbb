-- promotion_capacity: the strategy ↔ organisation link: the accounts the
-- selection would promote to key, ranked, and how many of them the KAMs'
-- free capacity can serve. A KAM (role kam only, int_people) has free key
-- slots = the fewer of key_per_kam_max − their key accounts and
-- floor((capacity × target_utilisation_max − LTM hours) ÷ hours per key
-- account), never below 0; hours per key account = Σ KAMs' LTM key-account
-- hours ÷ Σ their key accounts (without activities the hours bound is
-- unknown and the count bound alone applies). free_key_slots is the sum
-- over KAMs. Candidates (recommendation promote) rank by selection score,
-- then LTM revenue, then id; is_within_capacity: promotion_rank ≤
-- free_key_slots. slots_per_new_kam = the fewer of key_per_kam_max and
-- floor(kam_capacity_hours × target_utilisation_max ÷ hours per key
-- account); extra_kams_needed says how many more KAMs of the default
-- capacity would serve the promotions up to this rank (0 within capacity).
-- grain: promotion candidate. key: account_id. inputs: account_selection,
-- kam_performance
-- period: yes
with kams as (
    select * from main.kam_performance where role = 'kam'
),

workload as (
    select sum(key_hours) / nullif(sum(key_accounts), 0) as hours_per_key_account
    from kams
),

free as (
    select
        k.kam_id,
        greatest(0, param('key_per_kam_max') - k.key_accounts) as slots_by_count,
        case when w.hours_per_key_account > 0 and k.hours is not null then
            greatest(0, floor((k.capacity_hours * param('target_utilisation_max') - k.hours) / w.hours_per_key_account))
        end as slots_by_hours
    from kams as k
    cross join workload as w
),

capacity as (
    select
        cast(sum(least(slots_by_count, coalesce(slots_by_hours, slots_by_count))) as integer) as free_key_slots,
        (select hours_per_key_account from workload) as hours_per_key_account,
        cast(least(
            param('key_per_kam_max'),
            coalesce(floor(param('kam_capacity_hours') * param('target_utilisation_max')
                / nullif((select hours_per_key_account from workload), 0)), param('key_per_kam_max'))
        ) as integer) as slots_per_new_kam
    from free
),

candidates as (
    select
        account_id,
        account_name,
        segment,
        kam_id,
        revenue_ltm,
        selection_score,
        row_number() over (order by selection_score desc, revenue_ltm desc nulls last, account_id) as promotion_rank
    from main.account_selection
    where recommendation = 'promote'
),

final as (
    select
        param_text('period') as period,
        c.account_id,
        c.account_name,
        c.segment,
        c.kam_id,
        c.revenue_ltm,
        c.selection_score,
        c.promotion_rank,
        k.free_key_slots,
        k.hours_per_key_account,
        k.slots_per_new_kam,
        c.promotion_rank <= k.free_key_slots as is_within_capacity,
        case
            when c.promotion_rank <= k.free_key_slots then 0
            when k.slots_per_new_kam > 0 then cast(ceil((c.promotion_rank - k.free_key_slots) / k.slots_per_new_kam) as integer)
        end as extra_kams_needed
    from candidates as c
    cross join capacity as k
)

select * from final
