-- macros: the SQL that several models share, defined once. pipeline creates
-- them (beside param and param_text) before any model runs, so a model or a
-- view left in the warehouse may call them.

-- shared_score(scores, weights): the weighted mean of a unit's component
-- scores where a NULL component has its weight shared out over the others
-- in proportion (the weights of the present components are the divisor);
-- NULL when no component is present. Both lists are in the same order.
create or replace macro shared_score(scores, weights) as
    list_reduce(
        list_transform(range(1, len(scores) + 1), i -> coalesce(weights[i] * scores[i], 0)),
        (a, b) -> a + b
    )
    / nullif(
        list_reduce(
            list_transform(range(1, len(scores) + 1), i -> case when scores[i] is not null then weights[i] else 0 end),
            (a, b) -> a + b
        ),
        0
    );

-- missing_components(scores, names): the names of the NULL scores, in order
-- (a mart's score_missing_inputs).
create or replace macro missing_components(scores, names) as
    list_filter(
        list_transform(range(1, len(scores) + 1), i -> case when scores[i] is null then names[i] end),
        x -> x is not null
    );

-- hhi(revenue): the Herfindahl–Hirschman index of an aggregate's values,
-- 10,000 × Σ share², as a double; NULL values do not count.
create or replace macro hhi(revenue) as
    10000 * sum(cast(revenue as double) * cast(revenue as double))
    / (sum(cast(revenue as double)) * sum(cast(revenue as double)));

-- newest_wins(key, recency_rank, source_line): 1 for the row that a
-- snapshot kind keeps per key — the newest file's (stg_files.recency_rank
-- 1) last row — and 2, 3, … for the rows it supersedes (duplicates).
create or replace macro newest_wins(key, recency_rank, source_line) as
    row_number() over (partition by key order by recency_rank, source_line desc);

-- row_fate(key_rank, rejected, reason, reject_column, reject_value,
-- reject_detail): a loaded row's fate, the five columns every
-- stg_<kind>_checked ends with (expand them with unnest(row_fate(…))):
-- row_status is duplicate when key_rank > 1 (a newer row of its key wins),
-- rejected when rejected holds, else loaded; the reject_* columns say why,
-- on a rejected row only. Only key_rank is required: a kind without checks
-- rejects nothing, an event kind without a key passes key_rank 1.
create or replace macro row_fate(
    key_rank, rejected := false, reason := null, reject_column := null, reject_value := null, reject_detail := null
) as {
    'row_status': case when key_rank > 1 then 'duplicate' when rejected then 'rejected' else 'loaded' end,
    'reject_reason': cast(case when key_rank = 1 and rejected then reason end as varchar),
    'reject_column': cast(case when key_rank = 1 and rejected then reject_column end as varchar),
    'reject_value': cast(case when key_rank = 1 and rejected then reject_value end as varchar),
    'reject_detail': cast(case when key_rank = 1 and rejected then reject_detail end as varchar)
};

-- percentile(x): x's percentile rank, 0–100, over the rows of the query
-- that have an x (ties share a rank); NULL where x is NULL.
create or replace macro percentile(x) as
    case when x is not null then percent_rank() over (partition by x is null order by x) * 100 end;

-- profit_unavailable(has_sales, has_cost, has_activities, has_service_costs):
-- the inputs an account's margin waterfall lacks, in the order the waterfall
-- needs them (sales.cost_amount only when sales are loaded without it); the
-- unavailable_inputs of account_months and account_profitability.
create or replace macro profit_unavailable(has_sales, has_cost, has_activities, has_service_costs) as
    list_filter(
        [
            case when not has_sales then 'sales' end,
            case when not has_cost and has_sales then 'sales.cost_amount' end,
            case when not has_activities then 'activities' end,
            case when not has_service_costs then 'service_costs' end
        ],
        x -> x is not null
    );

-- target_months(period_start, period_months): the first days of the months
-- a plan target spans, the months its value is spread evenly over.
create or replace macro target_months(period_start, period_months) as
    list_transform(
        generate_series(0, period_months - 1),
        k -> cast(period_start + to_months(cast(k as integer)) as date)
    );

-- finest_target(key, month, period_months, period_start, period): 1 for the
-- target that a key's month takes when targets overlap — the finest grain,
-- then the one starting latest, then the label — so that no month counts
-- twice; 2, 3, … for the targets it hides (int_plan_months, int_kam_plan_ytd).
create or replace macro finest_target(key, month, period_months, period_start, period) as
    row_number() over (partition by key, month order by period_months, period_start desc, period);

-- running_total(x, key): the sum of x over the rows up to this one, largest x
-- first and key breaking ties — the cumulative curve of a Pareto or whale
-- chart and the stretches that a rebalance lays end to end.
create or replace macro running_total(x, key) as
    sum(x) over (order by x desc, key rows unbounded preceding);

-- ref_code(ref), ref_name(ref): the code and the name of a reference to an
-- account written as both — HubSpot's "Acme SA (111)" (the name, then the
-- record id in brackets), Odoo's "[C001] Acme SA" (the internal reference
-- first) —, NULL when it is not written so. The code is the last bracketed
-- part, so a name with brackets of its own ("Beta (Iberia) SL (222)") keeps
-- them. Several references in one cell ("Acme SA (111);Beta SL (222)", a
-- deal associated with two companies) name no one account.
create or replace macro ref_code(ref) as
    case when not regexp_matches(ref, '\)\s*[;,]\s*\S') then nullif(trim(coalesce(
        nullif(regexp_extract(ref, '^\s*\[([^\[\]]+)\]\s*\S.*$', 1), ''),
        nullif(regexp_extract(ref, '^.*\S\s*\(([^()]+)\)\s*$', 1), '')
    )), '') end;

create or replace macro ref_name(ref) as
    case
        when regexp_matches(ref, '^\s*\[[^\[\]]+\]\s*\S') then trim(regexp_extract(ref, '^\s*\[[^\[\]]+\]\s*(\S.*)$', 1))
        else trim(regexp_extract(ref, '^(.*\S)\s*\([^()]+\)\s*$', 1))
    end;

-- vat_national(ref): the national tax id of a VAT number written with its
-- country's prefix, as the EU's VIES, TED notices and e-invoices write it
-- (ESB12345678 for the NIF B12345678, PT501234567, EL for Greece), NULL
-- when ref is not written so: two capital letters of an EU VAT prefix (or
-- GB, XI, CH) before 8 to 12 letters and digits, at least 7 of them digits.
create or replace macro vat_national(ref) as
    case when length(ref) between 10 and 14
        and substr(ref, 1, 2) in ('AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'GR', 'ES', 'FI', 'FR', 'HR', 'HU', 'IE',
            'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'GB', 'XI', 'CH')
        and regexp_full_match(substr(ref, 3), '[0-9A-Z]{8,12}')
        and length(regexp_replace(substr(ref, 3), '[^0-9]', '', 'g')) >= 7
    then substr(ref, 3) end;

-- tax_id_key(ref): a tax id as compared with another system's writing of
-- it: in capitals, without the spaces, dots, dashes and slashes registers
-- print in it (B-12.345.678, b12345678) and without a VAT number's country
-- prefix (ESB12345678); NULL when what is left is no tax id (8 to 12
-- letters and digits, at least 7 of them digits).
create or replace macro tax_id_bare(ref) as
    upper(regexp_replace(trim(ref), '[ .\-/]', '', 'g'));

create or replace macro tax_id_checked(n) as
    case when regexp_full_match(n, '[0-9A-Z]{8,12}') and length(regexp_replace(n, '[^0-9]', '', 'g')) >= 7 then n end;

create or replace macro tax_id_key(ref) as
    tax_id_checked(coalesce(vat_national(tax_id_bare(ref)), tax_id_bare(ref)));

-- name_match_key(name): a name as compared with another system's writing of
-- it: letters and digits only, lower case, without accents ("ACME, S.A." and
-- "Acme SA" agree).
create or replace macro name_match_key(name) as
    nullif(regexp_replace(lower(strip_accents(name)), '[^a-z0-9]+', '', 'g'), '');

-- sf_id_suffix(id15), sf_id_cased(id18): Salesforce writes a record's id in
-- two forms: 15 characters where case tells records apart (reports, the
-- page's address) and the same 15 followed by three more (Data Loader, the
-- API, the weekly Data Export), each of which spells which of five of the
-- 15 are capitals (bit i for the i-th, as A–Z then 0–5), so that the id
-- survives a tool that ignores case. sf_id_suffix gives those three;
-- sf_id_cased the first 15 of an 18 in the case its three spell, whatever
-- case the 18 is written in.
-- Written out character by character, not with list lambdas: the
-- lambdas cost about 7 µs a row, 0.7 s of every run for 100,000 accounts.
create or replace macro sf_id_bit(id15, n, b) as
    case when substr(id15, n, 1) between 'A' and 'Z' then b else 0 end;

create or replace macro sf_id_chunk(id15, c) as
    substr('ABCDEFGHIJKLMNOPQRSTUVWXYZ012345',
        1 + sf_id_bit(id15, c * 5 + 1, 1) + sf_id_bit(id15, c * 5 + 2, 2) + sf_id_bit(id15, c * 5 + 3, 4)
            + sf_id_bit(id15, c * 5 + 4, 8) + sf_id_bit(id15, c * 5 + 5, 16),
        1);

create or replace macro sf_id_suffix(id15) as
    sf_id_chunk(id15, 0) || sf_id_chunk(id15, 1) || sf_id_chunk(id15, 2);

create or replace macro sf_id_char(id18, p) as
    case
        when (((instr('ABCDEFGHIJKLMNOPQRSTUVWXYZ012345', upper(substr(id18, 16 + p // 5, 1))) - 1) >> (p % 5)) & 1) = 1
            then upper(substr(id18, p + 1, 1))
        else lower(substr(id18, p + 1, 1))
    end;

create or replace macro sf_id_cased(id18) as
    sf_id_char(id18, 0) || sf_id_char(id18, 1) || sf_id_char(id18, 2) || sf_id_char(id18, 3) || sf_id_char(id18, 4)
    || sf_id_char(id18, 5) || sf_id_char(id18, 6) || sf_id_char(id18, 7) || sf_id_char(id18, 8) || sf_id_char(id18, 9)
    || sf_id_char(id18, 10) || sf_id_char(id18, 11) || sf_id_char(id18, 12) || sf_id_char(id18, 13) || sf_id_char(id18, 14);
