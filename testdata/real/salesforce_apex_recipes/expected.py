#!/usr/bin/env python3
"""Expected figures for salesforce_apex_recipes, computed from the raw
Salesforce sample-org CSV files with the standard library only (independent
of kam).

Business definitions (SOURCE.md of the dataset):
- A CRM export only (accounts and opportunities): no sales, so no revenue;
  kam must still report the pipeline.
- Accounts.csv has no Id: an account is named by its name; opportunities
  point at accounts as @AccountRefN, the N-th data row of Accounts.csv.
- Opportunities.csv has no Id either: every row is one opportunity (names
  repeat). Status comes from StageName: "Closed/Won" won, "Closed Lost"
  lost, any other stage open.
- There is no Probability column: the weighted pipeline is unknown (NULL),
  not 0 — a default probability per stage would be invented.

Usage: expected.py [DATASET_DIR] — prints expected.json.
"""
import csv
import json
import sys
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

NAME = "salesforce_apex_recipes"
PERIOD = "2020-12"


def cents(d):
    return str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def main():
    if len(sys.argv) > 1:
        src = Path(sys.argv[1])
    else:  # ../shared/real-exports beside the repository
        src = Path(__file__).resolve().parents[3].parent / "shared" / "real-exports" / NAME

    def rows(name):
        with open(src / name, newline="", encoding="utf-8") as f:
            return list(csv.DictReader(f))

    accounts = rows("Accounts.csv")
    opps = rows("Opportunities.csv")
    by_ref = {f"@AccountRef{i}": a["name"] for i, a in enumerate(accounts, start=1)}
    if any(o["accountId"] not in by_ref for o in opps):
        raise SystemExit("an opportunity points at no account row")
    count = {"open": 0, "won": 0, "lost": 0}
    won_amount = open_amount = Decimal(0)
    for o in opps:
        stage = o["StageName"].replace("/", " ").lower()
        status = {"closed won": "won", "closed lost": "lost"}.get(stage, "open")
        count[status] += 1
        if status == "won":
            won_amount += Decimal(o["amount"])
        if status == "open":
            open_amount += Decimal(o["amount"])

    out = {
        "dataset": NAME,
        "period": PERIOD,
        "currency": "EUR",
        "files": {
            "Accounts.csv": {"kind": "accounts", "read": len(accounts), "loaded": len(accounts), "rejected": 0, "duplicate": 0},
            "Opportunities.csv": {"kind": "opportunities", "read": len(opps), "loaded": len(opps), "rejected": 0, "duplicate": 0},
            "Contacts.csv": {"kind": "skipped"},
            "Campaigns.csv": {"kind": "skipped"},
        },
        "pipeline": {
            "open_count": count["open"],
            "won_count": count["won"],
            "lost_count": count["lost"],
            "won_amount": cents(won_amount),
            "open_amount": cents(open_amount),
            "weighted_pipeline": None,
        },
        "unavailable": ["activities", "targets"],
        "exit_code": 0,
    }
    json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
