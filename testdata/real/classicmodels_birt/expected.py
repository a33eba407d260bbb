#!/usr/bin/env python3
"""Expected figures for classicmodels_birt from the original BIRT load files,
standard library only (independent of kam).

Business reading (SOURCE.md): the files have no header row (column order from
SOURCE.md); Customers and Products are Windows-1252; `NULL` is a missing
value. An order (Orders.txt) is an invoice: its date, customer and status;
its lines (OrderDetails.txt) are worth quantityOrdered x priceEach and cost
quantityOrdered x the product's buyPrice (Products.txt). Cancelled orders
are no sales (their lines are kept out of revenue and counted apart); the
other statuses (Shipped, Resolved, On Hold, In Process, Disputed) are
sales. Each customer is an account; its sales rep (salesRepEmployeeNumber)
is its KAM. Payments.txt and Offices.txt are no kind of kam input.

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
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "real-exports", "classicmodels_birt")
PERIOD = "2005-05"  # orders run 2003-01-06 .. 2005-05-31

COLUMNS = {
    "Customers.txt": ["customerNumber", "customerName", "contactLastName", "contactFirstName", "phone",
                      "addressLine1", "addressLine2", "city", "state", "postalCode", "country",
                      "salesRepEmployeeNumber", "creditLimit"],
    "Employees.txt": ["employeeNumber", "lastName", "firstName", "extension", "email", "officeCode",
                      "reportsTo", "jobTitle"],
    "Orders.txt": ["orderNumber", "orderDate", "requiredDate", "shippedDate", "status", "comments",
                   "customerNumber"],
    "OrderDetails.txt": ["orderNumber", "productCode", "quantityOrdered", "priceEach", "orderLineNumber"],
    "Products.txt": ["productCode", "productName", "productLine", "productScale", "productVendor",
                     "productDescription", "quantityInStock", "buyPrice", "MSRP"],
}


def rows(name):
    with open(os.path.join(DATA, name), newline="", encoding="cp1252") as f:
        out = []
        for rec in csv.reader(f):
            if not rec:
                continue
            assert len(rec) == len(COLUMNS[name]), (name, rec)
            out.append({k: (None if v == "NULL" else v.strip()) for k, v in zip(COLUMNS[name], rec)})
        return out


def month_index(ym):
    return int(ym[:4]) * 12 + int(ym[5:7]) - 1


def money(d):
    return None if d is None else str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


customers = {r["customerNumber"]: r for r in rows("Customers.txt")}
employees = rows("Employees.txt")
orders = {r["orderNumber"]: r for r in rows("Orders.txt")}
details = rows("OrderDetails.txt")
products = {r["productCode"]: r for r in rows("Products.txt")}

p = month_index(PERIOD)
win = {"month": (p, p), "ytd": (int(PERIOD[:4]) * 12, p), "ltm": (p - 11, p)}

lines = []  # month, account, revenue, cost, is_sale
for d in details:
    o = orders[d["orderNumber"]]
    qty = Decimal(d["quantityOrdered"])
    revenue = qty * Decimal(d["priceEach"])
    cost = qty * Decimal(products[d["productCode"]]["buyPrice"])
    lines.append((month_index(o["orderDate"]), o["customerNumber"], revenue, cost, o["status"] != "Cancelled"))

revenue = {}
for name, (a, b) in win.items():
    sel = [l for l in lines if a <= l[0] <= b and l[4]]
    total = sum((l[2] for l in sel), Decimal(0))
    attributed = sum((l[2] for l in sel if l[1] in customers), Decimal(0))
    revenue[name] = {"loaded_revenue": money(total), "attributed_revenue": money(attributed),
                     "unattributed_revenue": money(total - attributed)}

a, b = win["ltm"]
acc_rev, acc_cost = defaultdict(Decimal), defaultdict(Decimal)
for m, acc, rev, cost, sale in lines:
    if a <= m <= b and sale and acc in customers:
        acc_rev[acc] += rev
        acc_cost[acc] += cost
top = sorted(acc_rev.items(), key=lambda kv: (-kv[1], kv[0]))[:5]

# Every employee is a person kam lists; those without customers sell nothing.
per_rep = {e["employeeNumber"]: Decimal(0) for e in employees}
for acc, v in acc_rev.items():
    rep = customers[acc]["salesRepEmployeeNumber"]
    if rep is not None:
        per_rep[rep] += v
no_rep = sum((v for acc, v in acc_rev.items() if customers[acc]["salesRepEmployeeNumber"] is None), Decimal(0))
assert no_rep == 0, "customers without a rep have LTM revenue"

ltm_rev = sum(acc_rev.values(), Decimal(0))
ltm_cost = sum(acc_cost.values(), Decimal(0))
cancelled = [l for l in lines if not l[4]]

out = {
    "dataset": "classicmodels_birt",
    "period": PERIOD,
    "files": {
        "Customers.txt": {"kind": "accounts", "read": len(customers), "loaded": len(customers), "rejected": 0, "duplicate": 0},
        "Employees.txt": {"kind": "kams", "read": len(employees), "loaded": len(employees), "rejected": 0, "duplicate": 0},
        "Orders.txt": {"kind": "invoices", "read": len(orders), "loaded": len(orders), "rejected": 0, "duplicate": 0},
        "OrderDetails.txt": {"kind": "sales", "read": len(details), "loaded": len(details), "rejected": 0, "duplicate": 0},
        "Products.txt": {"kind": "products", "read": len(products), "loaded": len(products), "rejected": 0, "duplicate": 0},
        "ProductLines.txt": {"kind": "skipped"},
        "Payments.txt": {"kind": "skipped"},
        "Offices.txt": {"kind": "skipped"},
    },
    "revenue": revenue,
    "top_accounts": [{"account_id": acc, "revenue": money(v), "gross_margin": money(v - acc_cost[acc])} for acc, v in top],
    "kams": [{"kam_id": k, "revenue": money(v)} for k, v in sorted(per_rep.items())],
    "margin": {"ltm": {"revenue": money(ltm_rev), "cogs": money(ltm_cost), "gross_margin": money(ltm_rev - ltm_cost),
                       "revenue_without_cost": "0.00"}},
    "unavailable": ["opportunities", "activities", "targets"],
    "messages": [f"OrderDetails.txt: {len(cancelled)} sales line(s) of cancelled or returned orders"],
    "note": f"cancelled orders: {len(cancelled)} lines, {money(sum((l[2] for l in cancelled), Decimal(0)))} kept out of revenue",
}
json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
print()
