#!/usr/bin/env python3
"""Expected figures for oxford_spend_over_500, computed from the raw quarterly
.csv.gz files with the standard library only (independent of kam).

Business definitions (SOURCE.md of the dataset):
- Every data row of a quarter file is one payment: the supplier plays the
  account (Supplier ID), the amount (Amount, pounds) is the "revenue", the
  day is Paid Date (dd/mm/yyyy). Credit notes (negative amounts) count.
- Headers drift between quarters: columns are found by their meaning
  (trans no, paid date, amount, supplier id), whatever their spelling.
- apr-jun-2014 has no dates at all (every Paid Date is 00:00:00): the
  kam.yaml beside this script skips that file, so it is left out here too.
- jan-mar-2014 ends with a junk row (",,xxx,,,,,,,"): no date, no amount —
  not a payment (kam rejects it with its reason).
- A payment with a blank Supplier ID is nobody's: unattributed.

Usage: expected.py [DATASET_DIR] — prints expected.json.
"""
import csv
import gzip
import io
import json
import re
import sys
from collections import defaultdict
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

NAME = "oxford_spend_over_500"
PERIOD = "2018-01"
CUR = "GBP"
SKIPPED = "expenditure-over-500-apr-jun-2014.csv.gz"


def cents(d):
    return str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def squash(h):
    return re.sub(r"[^a-z]", "", h.lower())


def column(header, *names):
    for i, h in enumerate(header):
        if squash(h) in names:
            return i
    raise SystemExit(f"no column {names} in {header}")


def main():
    if len(sys.argv) > 1:
        src = Path(sys.argv[1])
    else:  # ../shared/real-exports beside the repository
        src = Path(__file__).resolve().parents[3].parent / "shared" / "real-exports" / NAME
    py, pm = map(int, PERIOD.split("-"))
    p = py * 12 + pm - 1
    windows = {"month": (p, p), "ytd": (py * 12, p), "ltm": (p - 11, p)}
    revenue = {w: defaultdict(Decimal) for w in windows}
    by_supplier = defaultdict(Decimal)
    files = {}
    for path in sorted(src.glob("*.csv.gz")):
        if path.name == SKIPPED:
            continue
        with gzip.open(path, "rb") as f:
            rows = list(csv.reader(io.TextIOWrapper(f, encoding="utf-8", newline="")))
        header, data = rows[0], rows[1:]
        di = column(header, "paiddate")
        ai = column(header, "amount")
        si = column(header, "supplierid")
        loaded = rejected = 0
        for r in data:
            if r[di].strip() == "" and r[ai].strip() == "":
                rejected += 1  # the junk footer row
                continue
            loaded += 1
            d, m, y = map(int, r[di].split("/"))
            amount = Decimal(r[ai])
            supplier = r[si].strip()
            mi = y * 12 + m - 1
            for w, (lo, hi) in windows.items():
                if lo <= mi <= hi:
                    revenue[w]["loaded"] += amount
                    revenue[w]["attributed" if supplier else "unattributed"] += amount
            lo, hi = windows["ltm"]
            if lo <= mi <= hi and supplier:
                by_supplier[supplier] += amount
        files[path.name] = {"kind": "sales", "read": len(data), "loaded": loaded, "rejected": rejected, "duplicate": 0}

    top = sorted(by_supplier.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    out = {
        "dataset": NAME,
        "period": PERIOD,
        "currency": CUR,
        "files": files,
        "revenue": {
            w: {
                "loaded_revenue": cents(v["loaded"]),
                "attributed_revenue": cents(v["attributed"]),
                "unattributed_revenue": cents(v["unattributed"]),
            }
            for w, v in revenue.items()
        },
        "top_accounts": [{"account_id": a, "revenue": cents(r)} for a, r in top],
        "unavailable": ["sales.cost_amount", "opportunities", "activities", "targets"],
        "exit_code": 0,
    }
    json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
