-- account_whitespace: cross-selling gaps, as intermediate.int_whitespace
-- computes them (the columns are described there). int_growth_potential
-- reads int_whitespace, not this mart, so marts stay leaves.
-- grain: unit × product line (whitespace lines only). key: (account_id, product_line).
-- inputs: int_whitespace
-- period: yes
select * from intermediate.int_whitespace
