-- stg_products: the product catalogue in force (optional enrichment:
-- product lines, and unit costs for sales lines without a cost).
-- grain: product. key: product_id. inputs: stg_products_checked
-- materialized: view
select product_id, product_name, product_line, list_price, unit_cost
from staging.stg_products_checked
where row_status = 'loaded'
