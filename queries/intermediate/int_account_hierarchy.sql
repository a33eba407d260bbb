-- int_account_hierarchy: every account with its ultimate parent, at any
-- depth. Parents are found through account keys (ERP code or CRM id). A
-- parent that is not among the accounts ends the chain there (flagged); an
-- account on a cycle, or below one, is flagged and named with its chain by
-- the data test hierarchy_cycles, which stops the run.
-- The walk goes down from the top of each tree, reaching every account once
-- from its parent, so a chain of any depth is followed to its end (walking
-- up from every account, once capped at 100 levels, split a deeper group in
-- two and failed the revenue reconciliation with no word on why).
-- grain: account. key: account_id. inputs: stg_accounts, stg_account_keys
-- materialized: temp
with recursive edges as (
    select
        a.account_id,
        k.account_id as parent_id,
        a.parent_account_id is not null and k.account_id is null as parent_missing
    from staging.stg_accounts as a
    left join staging.stg_account_keys as k on k.account_key = a.parent_account_id
),

-- The tops: no parent, a parent that is not an account, or itself (that
-- one is also flagged as a cycle below).
down as (
    select account_id, account_id as ultimate_parent_id, 0 as depth
    from edges
    where parent_id is null or parent_id = account_id
    union all
    select e.account_id, d.ultimate_parent_id, d.depth + 1
    from down as d
    inner join edges as e on e.parent_id = d.account_id and e.parent_id <> e.account_id
),

reached as (
    select account_id, arg_min(ultimate_parent_id, depth) as ultimate_parent_id, min(depth) as depth
    from down
    group by account_id
),

-- An account no top reaches is on a parent cycle or below one. Its chain,
-- walked up until an account repeats (at most 200 links: it is for the
-- message), shows where.
walk as (
    select e.account_id, e.account_id as ancestor_id, 0 as depth, [e.account_id] as path, false as is_cycle
    from edges as e
    anti join reached as r using (account_id)
    union all
    select
        w.account_id,
        e.parent_id,
        w.depth + 1,
        list_append(w.path, e.parent_id),
        list_contains(w.path, e.parent_id)
    from walk as w
    inner join edges as e on e.account_id = w.ancestor_id
    where e.parent_id is not null and not w.is_cycle and w.depth < 200
),

chains as (
    select account_id, arg_max(path, depth) as path
    from walk
    group by account_id
),

final as (
    select
        e.account_id,
        r.ultimate_parent_id,
        r.depth,
        r.account_id is null or e.parent_id = e.account_id as is_cycle,
        case when r.account_id is null then c.path when e.parent_id = e.account_id then [e.account_id] end as path,
        e.parent_id,
        e.parent_missing
    from edges as e
    left join reached as r using (account_id)
    left join chains as c using (account_id)
)

select * from final
