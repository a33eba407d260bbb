-- account_growth: the growth potential of each portfolio unit and its
-- growth_potential_score, as intermediate.int_growth_potential computes
-- them (the columns are described there). The marts that use the score
-- read int_growth_potential, not this mart, so marts stay leaves.
-- grain: unit. key: account_id. inputs: int_growth_potential
-- period: yes
select * from intermediate.int_growth_potential
