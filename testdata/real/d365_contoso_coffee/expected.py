#!/usr/bin/env python3
"""Expected figures for d365_contoso_coffee, computed from the raw Dynamics 365
demo files with the standard library only (independent of kam).

Business definitions (SOURCE.md of the dataset):
- A CRM export only: no invoice lines, so no revenue, margin or per-KAM
  revenue: kam must say those are unavailable (KAM revenue NULL, never 0)
  and still report the pipeline.
- Opportunity.csv has no ids: every row is one opportunity (1,154 topics
  repeat). Status Open / Won / Lost; the amount is Est. revenue (equal to
  Actual Revenue on won deals), the close date Est. close date (US order,
  M/D/YYYY, sometimes with a time), Probability 0-100. Amounts are in
  US Dollar (the one currency of the data: kam takes it, no kam.yaml line).
- Accounts are named, not numbered: Potential Customer is an Account Name.
- Weighted pipeline: open deals closing from the first day of the period to
  12 months later (pipeline_horizon_months), amount × probability / 100,
  of known accounts.
- Sellers (User.csv) are named by First + Last Name, as Owner names them.
- Goal.csv: quarterly revenue goals per seller (From/To dates). A team goal
  is the parent of the sellers' goals (Parent Goal): their roll-up, not a
  goal of its own (a duplicate); a goal without a Target amount is a reject
  (11 of 220: kam.yaml raises reject_limit to 6 %).

Usage: expected.py [DATASET_DIR] — prints expected.json.
"""
import csv
import datetime
import json
import sys
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

NAME = "d365_contoso_coffee"
PERIOD = "2025-09"
CUR = "USD"
HORIZON_MONTHS = 12


def cents(d):
    return str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def us_date(s):
    m, d, y = s.split()[0].split("/")
    return datetime.date(int(y), int(m), int(d))


def main():
    if len(sys.argv) > 1:
        src = Path(sys.argv[1])
    else:  # ../shared/real-exports beside the repository
        src = Path(__file__).resolve().parents[3].parent / "shared" / "real-exports" / NAME

    def rows(name):
        with open(src / name, newline="", encoding="utf-8-sig") as f:
            return list(csv.DictReader(f))

    accounts = rows("Account.csv")
    names = {a["Account Name"] for a in accounts}
    users = rows("User.csv")
    opps = rows("Opportunity.csv")
    goals = rows("Goal.csv")
    parents = {g["Parent Goal"] for g in goals if g["Parent Goal"]}
    goal_dup = sum(1 for g in goals if g["Name"] in parents)
    goal_rej = sum(1 for g in goals if g["Name"] not in parents and not g["Target"].strip())
    own = [(g["Goal Owner"], g["From"]) for g in goals if g["Name"] not in parents and g["Target"].strip()]
    if len(own) != len(set(own)):
        raise SystemExit("two goals of one seller for one period: kam would keep one")
    if {o["Currency"] for o in opps} != {"US Dollar"}:
        raise SystemExit("another currency: kam would not take USD as the one currency of the data")

    y, m = map(int, PERIOD.split("-"))
    start = datetime.date(y, m, 1)
    end_y, end_m = divmod(m - 1 + HORIZON_MONTHS, 12)
    end = datetime.date(y + end_y, end_m + 1, 1)
    count = {"Open": 0, "Won": 0, "Lost": 0}
    won_amount = open_amount = weighted = Decimal(0)
    for o in opps:
        status = o["Status"]
        count[status] += 1
        amount = Decimal(o["Est. revenue"])
        if status == "Won":
            won_amount += amount
        if status == "Open":
            open_amount += amount
            close = us_date(o["Est. close date"])
            if start <= close < end and o["Potential Customer"] in names and o["Probability"] != "":
                weighted += amount * Decimal(o["Probability"]) / 100

    out = {
        "dataset": NAME,
        "period": PERIOD,
        "currency": CUR,
        # No currency in kam.yaml: the one currency of the data is taken, and said.
        "messages": [f"every amount in the data is in {CUR}: {CUR} is the reporting currency"],
        "files": {
            "Opportunity.csv": {"kind": "opportunities", "read": len(opps), "loaded": len(opps), "rejected": 0, "duplicate": 0},
            "Account.csv": {"kind": "accounts", "read": len(accounts), "loaded": len(accounts), "rejected": 0, "duplicate": 0},
            "User.csv": {"kind": "kams", "read": len(users), "loaded": len(users), "rejected": 0, "duplicate": 0},
            "Goal.csv": {"kind": "targets", "read": len(goals), "loaded": len(goals) - goal_dup - goal_rej, "rejected": goal_rej, "duplicate": goal_dup},
            "Contact.csv": {"kind": "skipped"},
            "Campaign.csv": {"kind": "skipped"},
            "Territory.csv": {"kind": "skipped"},
        },
        "kams": [{"kam_id": f"{u['First Name']} {u['Last Name']}", "revenue": None} for u in users],
        "pipeline": {
            "open_count": count["Open"],
            "won_count": count["Won"],
            "lost_count": count["Lost"],
            "won_amount": cents(won_amount),
            "open_amount": cents(open_amount),
            "weighted_pipeline": cents(weighted),
        },
        "unavailable": ["activities"],
        "exit_code": 0,
    }
    json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
