#!/usr/bin/env python3
"""Expected figures for chinook_prql, computed from the raw CSV files with the
standard library only (independent of kam).

Business reading (SOURCE.md): a sale is an invoice line, revenue =
unit_price x quantity; the invoice header gives the date and the customer;
each customer is an account, its support rep (support_rep_id) its KAM. No
cost anywhere, so margins are unknown. The Parquet folder holds the same
tables: kam must give the same figures from it, so both runs share them.

usage: expected.py [DATASET_DIR]   (default ../shared/real-exports/chinook_prql
from the repository root) > expected.json
"""
import csv
import json
import os
import sys
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "real-exports", "chinook_prql")
PERIOD = "2013-12"  # the last month with invoices (2009-01 .. 2013-12)


def rows(name):
    with open(os.path.join(DATA, "csv", name + ".csv"), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def month_index(ym):
    y, m = ym.split("-")
    return int(y) * 12 + int(m) - 1


def windows(period):
    """month, fiscal year to date (January start) and last twelve months, as
    inclusive ranges of month indexes."""
    p = month_index(period)
    y = int(period[:4])
    return {"month": (p, p), "ytd": (y * 12, p), "ltm": (p - 11, p)}


def money(d):
    return str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


invoices = {r["invoice_id"]: r for r in rows("invoices")}
customers = {r["customer_id"]: r for r in rows("customers")}
items = rows("invoice_items")

lines = []  # (month index, account, amount)
for it in items:
    inv = invoices[it["invoice_id"]]
    amount = Decimal(it["unit_price"]) * Decimal(it["quantity"])
    lines.append((month_index(inv["invoice_date"][:7]), inv["customer_id"], amount))

win = windows(PERIOD)
revenue = {}
for name, (a, b) in win.items():
    total = sum((amt for m, _, amt in lines if a <= m <= b), Decimal(0))
    attributed = sum((amt for m, acc, amt in lines if a <= m <= b and acc in customers), Decimal(0))
    revenue[name] = {
        "loaded_revenue": money(total),
        "attributed_revenue": money(attributed),
        "unattributed_revenue": money(total - attributed),
    }

a, b = win["ltm"]
ltm = defaultdict(Decimal)
for m, acc, amt in lines:
    if a <= m <= b and acc in customers:
        ltm[acc] += amt
top = sorted(ltm.items(), key=lambda kv: (-kv[1], kv[0]))[:5]

# Every employee is a person kam lists; those without customers sell nothing.
per_rep = {r["employee_id"]: Decimal(0) for r in rows("employees")}
for acc, amt in ltm.items():
    rep = customers[acc]["support_rep_id"].strip()
    if rep:
        per_rep[rep] += amt

common = {
    "dataset": "chinook_prql",
    "period": PERIOD,
    "revenue": revenue,
    "top_accounts": [{"account_id": acc, "revenue": money(v), "gross_margin": None} for acc, v in top],
    "kams": [{"kam_id": k, "revenue": money(v)} for k, v in sorted(per_rep.items())],
    "margin": {"ltm": {"revenue": revenue["ltm"]["attributed_revenue"], "cogs": None, "gross_margin": None}},
    "unavailable": ["sales.cost_amount", "opportunities", "activities", "targets"],
}

counts = {"invoice_items": ("sales", len(items)), "invoices": ("invoices", len(invoices)),
          "customers": ("accounts", len(customers)), "employees": ("kams", len(rows("employees")))}
# The product tables hold no column kam reads as a kind of its own (tracks
# are products only through album/genre ids): listed as skipped, not loaded.
skipped = ["albums", "artists", "genres", "media_types", "tracks"]

out = []
for fmt in ("csv", "parquet"):
    files = {f"{name}.{fmt}": {"kind": kind, "read": n, "loaded": n, "rejected": 0, "duplicate": 0}
             for name, (kind, n) in counts.items()}
    for name in skipped:
        files[f"{name}.{fmt}"] = {"kind": "skipped"}
    run = {"dataset": common["dataset"], "input": fmt}
    run.update((k, v) for k, v in common.items() if k != "dataset")
    run["files"] = files
    out.append(run)

json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
print()
