-- int_input_flags: int_inputs as one row of flags, the form the marts read
-- (cross joined as inputs): has_<kind> for every input kind, has_cost and
-- has_discount for the sales lines' optional amounts, has_key_accounts when
-- a file says which accounts are key, has_kam_owners when some account has
-- a KAM, and the two combinations that cost-to-serve and net contribution
-- need. Never NULL: a kind that is not loaded is false.
-- grain: one row. key: none. inputs: int_inputs
-- materialized: temp
with flags as (
    select
        coalesce(bool_or(is_loaded) filter (where kind = 'accounts'), false) as has_accounts,
        coalesce(bool_or(is_loaded) filter (where kind = 'sales'), false) as has_sales,
        coalesce(bool_or(is_loaded) filter (where kind = 'invoices'), false) as has_invoices,
        coalesce(bool_or(is_loaded) filter (where kind = 'kams'), false) as has_kams,
        coalesce(bool_or(is_loaded) filter (where kind = 'activities'), false) as has_activities,
        coalesce(bool_or(is_loaded) filter (where kind = 'opportunities'), false) as has_opportunities,
        coalesce(bool_or(is_loaded) filter (where kind = 'targets'), false) as has_targets,
        coalesce(bool_or(is_loaded) filter (where kind = 'service_costs'), false) as has_service_costs,
        coalesce(bool_or(is_loaded) filter (where kind = 'fx_rates'), false) as has_fx_rates,
        coalesce(bool_or(is_loaded) filter (where kind = 'products'), false) as has_products,
        coalesce(bool_or(is_loaded) filter (where kind = 'assessments'), false) as has_assessments,
        coalesce(bool_or(is_loaded) filter (where kind = 'cost_amount'), false) as has_cost,
        coalesce(bool_or(is_loaded) filter (where kind = 'discount_amount'), false) as has_discount,
        coalesce(bool_or(is_loaded) filter (where kind = 'key_accounts'), false) as has_key_accounts,
        coalesce(bool_or(is_loaded) filter (where kind = 'accounts.kam_id'), false) as has_kam_owners
    from intermediate.int_inputs
)

select
    *,
    has_activities and has_service_costs as has_cost_to_serve,
    has_cost and has_activities and has_service_costs as has_net_contribution
from flags
