-- hierarchy_cycles: no account is its own ancestor; fix parent_account_id in the accounts file for the accounts listed.
select account_id, parent_id, array_to_string(path, ' → ') as chain
from intermediate.int_account_hierarchy
where is_cycle
