#!/usr/bin/env python3
"""Expected figures for adventureworks_dpdata from the raw CSV files, standard
library only (independent of kam). Two exports that do not join, each run on
its own folder:

lt/ (AdventureWorksLT): order lines (orders.csv) worth LineItemTotal, dated
and owned by their order's OrderDate and CustomerID; customers.csv lists the
accounts (first + last name); products.csv the catalogue (no cost). No reps,
no costs.

internet_sales/: one flat file of internet order lines without customer id:
a customer is its e-mail address (39 names have several addresses, so the
name is no key); a line is worth UnitPrice x Quantity at full precision
(4 decimals; TaxAmount is tax, not revenue). No accounts file: every line's
customer is known from the line itself. No reps, no costs.

usage: expected.py [DATASET_DIR] > expected.json
"""
import csv
import json
import os
import sys
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "real-exports", "adventureworks_dpdata")


def rows(path):
    with open(os.path.join(DATA, path), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def month_index(ym):
    return int(ym[:4]) * 12 + int(ym[5:7]) - 1


def money(d):
    return str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def figures(lines, known, period):
    """lines: (date, account, amount); known: the accounts an accounts file
    (or the lines themselves) make known."""
    p = month_index(period)
    win = {"month": (p, p), "ytd": (int(period[:4]) * 12, p), "ltm": (p - 11, p)}
    revenue = {}
    for name, (a, b) in win.items():
        sel = [l for l in lines if a <= month_index(l[0]) <= b]
        total = sum((l[2] for l in sel), Decimal(0))
        attributed = sum((l[2] for l in sel if l[1] in known), Decimal(0))
        revenue[name] = {"loaded_revenue": money(total), "attributed_revenue": money(attributed),
                         "unattributed_revenue": money(total - attributed)}
    a, b = win["ltm"]
    ltm = defaultdict(Decimal)
    for d, acc, amt in lines:
        if a <= month_index(d) <= b and acc in known:
            ltm[acc] += amt
    top = sorted(ltm.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    return {
        "revenue": revenue,
        "top_accounts": [{"account_id": acc, "revenue": money(v), "gross_margin": None} for acc, v in top],
        "kams": [],
        "margin": {"ltm": {"revenue": revenue["ltm"]["attributed_revenue"], "cogs": None, "gross_margin": None}},
        "unavailable": ["sales.cost_amount", "opportunities", "activities", "targets"],
    }


def last_month(lines):
    return max(l[0] for l in lines)[:7]


# lt/
customers = {r["CustomerID"] for r in rows("lt/customers.csv")}
orders = rows("lt/orders.csv")
products = rows("lt/products.csv")
lt_lines = [(r["OrderDate"], r["CustomerID"], Decimal(r["LineItemTotal"])) for r in orders]
lt = {"dataset": "adventureworks_dpdata", "input": "lt", "period": last_month(lt_lines),
      "files": {
          "customers.csv": {"kind": "accounts", "read": len(customers), "loaded": len(customers), "rejected": 0, "duplicate": 0},
          "orders.csv": {"kind": "sales", "read": len(orders), "loaded": len(orders), "rejected": 0, "duplicate": 0},
          "products.csv": {"kind": "products", "read": len(products), "loaded": len(products), "rejected": 0, "duplicate": 0},
      }}
lt.update(figures(lt_lines, customers, lt["period"]))

# internet_sales/
sales = rows("internet_sales/sales.csv")
is_lines = [(r["OrderDate"], r["EmailAddress"], Decimal(r["UnitPrice"]) * Decimal(r["Quantity"])) for r in sales]
web = {"dataset": "adventureworks_dpdata", "input": "internet_sales", "period": last_month(is_lines),
       "files": {"sales.csv": {"kind": "sales", "read": len(sales), "loaded": len(sales), "rejected": 0, "duplicate": 0}}}
web.update(figures(is_lines, {l[1] for l in is_lines}, web["period"]))

json.dump([lt, web], sys.stdout, indent=1, ensure_ascii=False)
print()
