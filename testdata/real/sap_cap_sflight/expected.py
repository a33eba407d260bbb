#!/usr/bin/env python3
"""Expected outcome for sap_cap_sflight, computed from the raw CAP files with
the standard library only (independent of kam).

Business definitions (SOURCE.md of the dataset):
- A travel (Travel.csv) is the order of a travel agency (the account); its
  bookings (Booking.csv, FlightPrice) and booking supplements
  (BookingSupplement.csv, Price) are its lines, each in its own currency.
- Bookings are in EUR, USD, SGD and JPY; the dataset has no exchange rates
  ("fx_rates must come from elsewhere"). Reporting in EUR, every line in
  another currency has no rate: that is a reject, never a silent 1.0, and
  with more than 2 % of the booking file rejected the run must fail with a
  message naming the currencies and the way out (an fx_rates file).
- So the honest outcome is exit 1 and that message; the figures the data
  cannot give are not asserted.

Usage: expected.py [DATASET_DIR] — prints expected.json.
"""
import csv
import json
import sys
from pathlib import Path

NAME = "sap_cap_sflight"
PERIOD = "2025-12"
CUR = "EUR"


def main():
    if len(sys.argv) > 1:
        src = Path(sys.argv[1])
    else:  # ../shared/real-exports beside the repository
        src = Path(__file__).resolve().parents[3].parent / "shared" / "real-exports" / NAME

    def rows(name):
        with open(src / name, newline="", encoding="utf-8") as f:
            return list(csv.DictReader(f, delimiter=";"))

    travels = {t["TravelUUID"] for t in rows("sap.fe.cap.travel-Travel.csv")}
    bookings = rows("sap.fe.cap.travel-Booking.csv")
    supplements = rows("sap.fe.cap.travel-BookingSupplement.csv")
    no_rate = [b for b in bookings if b["CurrencyCode_code"] != CUR and b["to_Travel_TravelUUID"] in travels]
    currencies = sorted({b["CurrencyCode_code"] for b in no_rate})
    sup_no_rate = [s for s in supplements if s["CurrencyCode_code"] != CUR]
    if sup_no_rate:
        raise SystemExit("supplements in other currencies: the message below would list their file too")
    share = 100 * len(no_rate) / len(bookings)
    out = {
        "dataset": NAME,
        "period": PERIOD,
        "exit_code": 1,
        "messages": [
            f"sap.fe.cap.travel-Booking.csv (sales): {len(no_rate)} of {len(bookings)} rows rejected ({share:.1f} %)",
            f"amounts in {', '.join(currencies)} and no fx_rates file",
        ],
        "note": "no exchange rates in the dataset: bookings in USD, SGD and JPY cannot be reported in EUR; kam fails the run and says which currencies need rates",
    }
    json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
