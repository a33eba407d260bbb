-- int_account_hierarchy: every account with its ultimate parent, at any
-- depth. Parents are found through account keys (ERP code or CRM id). A
-- parent that is not among the accounts ends the chain there (flagged); an
-- account on a cycle is flagged and named by the data test
-- hierarchy_cycles, which stops the run.
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

walk as (
    select account_id, account_id as ancestor_id, 0 as depth, [account_id] as path, false as is_cycle
    from edges
    union all
    select
        w.account_id,
        e.parent_id,
        w.depth + 1,
        list_append(w.path, e.parent_id),
        list_contains(w.path, e.parent_id)
    from walk as w
    inner join edges as e on e.account_id = w.ancestor_id
    where e.parent_id is not null and e.parent_id <> e.account_id and not w.is_cycle and w.depth < 100
),

deepest as (
    select
        account_id,
        arg_max(ancestor_id, depth) filter (where not is_cycle) as ultimate_parent_id,
        max(depth) filter (where not is_cycle) as depth,
        bool_or(is_cycle) as is_cycle,
        arg_max(path, depth) as path
    from walk
    group by account_id
),

final as (
    select
        d.account_id,
        d.ultimate_parent_id,
        d.depth,
        d.is_cycle or e.parent_id = e.account_id as is_cycle,
        d.path,
        e.parent_id,
        e.parent_missing
    from deepest as d
    inner join edges as e using (account_id)
)

select * from final
