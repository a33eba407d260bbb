-- hierarchy_cycles: no account is its own ancestor; fix parent_account_id in the accounts file for the accounts listed.
-- The accounts on a cycle come first (their chain returns to them), then
-- those below one; a long chain is shown by its ends.
select
    account_id,
    parent_id,
    case
        when len(path) > 12
            then array_to_string(path[1:5], ' → ') || ' → … ' || (len(path) - 8) || ' more … → ' || array_to_string(path[-3:], ' → ')
        else array_to_string(path, ' → ')
    end as chain
from intermediate.int_account_hierarchy
where is_cycle
order by path[1] = path[-1] desc, account_id
