#!/usr/bin/env python3
"""The profitability sheet as an analyst would build it with pandas and
openpyxl, from the same exports kam reads (the English rendering of the
generated sample): last twelve months per customer group, revenue, COGS,
gross margin, service costs, KAM activity cost, net contribution, KAM ROI.
It is the peer kam's speed is compared with (make bench); it has none of
kam's checks (encodings, rejects, duplicates, missing rates)."""
import glob
import os
import sys

import pandas as pd

src, out = sys.argv[1], sys.argv[2]

# Invoice lines: the yearly exports plus the last month split into headers and lines.
sales = pd.concat(
    [pd.read_csv(f, dtype={"Invoice No": str, "Customer Code": str}, low_memory=False) for f in sorted(glob.glob(os.path.join(src, "erp", "sales_*.csv*")))],
    ignore_index=True,
)
heads = pd.read_csv(os.path.join(src, "erp", "2026-10", "invoices.csv"), dtype=str)
lines = pd.read_csv(os.path.join(src, "erp", "2026-10", "lines.csv"), dtype={"Invoice No": str})
last = lines.merge(heads, on="Invoice No")
sales = pd.concat([sales, last], ignore_index=True)
sales["Invoice Date"] = pd.to_datetime(sales["Invoice Date"], errors="coerce")
sales = sales.drop_duplicates(subset=["Invoice No", "Line"], keep="last")

# Convert to EUR with the rate of the month.
fx = pd.read_csv(os.path.join(src, "finance", "fx_rates.csv"))
sales["Period"] = sales["Invoice Date"].dt.strftime("%Y-%m")
sales = sales.merge(fx, left_on=["Currency", "Period"], right_on=["Currency", "Period"], how="left")
sales["rate"] = sales["Exchange Rate"].where(sales["Currency"] != "EUR", 1.0)
for c in ["Net Amount", "Cost"]:
    sales[c] = pd.to_numeric(sales[c], errors="coerce") * sales["rate"]

end = pd.Timestamp("2026-10-31")
start = end - pd.DateOffset(months=12) + pd.Timedelta(days=1)
ltm = sales[(sales["Invoice Date"] >= start) & (sales["Invoice Date"] <= end)]

# Accounts and their ultimate parent (two levels are enough for most groups).
acc = pd.read_csv(os.path.join(src, "crm", "Account.csv"), dtype=str, encoding="utf-8-sig")
parent = dict(zip(acc["Id"], acc["ParentId"]))
code = dict(zip(acc["Id"], acc["AccountNumber"]))
def top(i):
    seen = set()
    while isinstance(parent.get(i), str) and parent.get(i) and i not in seen:
        seen.add(i)
        i = parent[i]
    return i
acc["Group"] = acc["Id"].map(lambda i: code.get(top(i)))
group = dict(zip(acc["AccountNumber"], acc["Group"]))
names = dict(zip(acc["AccountNumber"], acc["Name"]))
ltm = ltm.assign(Group=ltm["Customer Code"].map(group))

pl = ltm.groupby("Group").agg(Revenue=("Net Amount", "sum"), COGS=("Cost", "sum")).reset_index()
pl["Gross margin"] = pl["Revenue"] - pl["COGS"]

svc = pd.read_csv(os.path.join(src, "finance", "service_costs.csv"), dtype={"Customer Code": str})
svc["Date"] = pd.to_datetime(svc["Date"])
svc = svc[(svc["Date"] >= start) & (svc["Date"] <= end)]
svc["Group"] = svc["Customer Code"].map(group)
pl = pl.merge(svc.groupby("Group")["Amount"].sum().rename("Service costs"), on="Group", how="left")

users = pd.read_csv(os.path.join(src, "crm", "User.csv"), dtype=str, encoding="utf-8-sig")
users["rate"] = pd.to_numeric(users["Annual_Cost__c"]) / pd.to_numeric(users["Capacity_Hours__c"]).fillna(1600)
rate = dict(zip(users["Id"], users["rate"]))
acts = []
for f, dur, div in [("Event.csv", "DurationInMinutes", 60), ("Task.csv", "CallDurationInSeconds", 3600)]:
    a = pd.read_csv(os.path.join(src, "crm", f), dtype=str, encoding="utf-8-sig")
    a["hours"] = pd.to_numeric(a[dur], errors="coerce").fillna(0) / div
    a["expense"] = pd.to_numeric(a.get("Expense__c"), errors="coerce").fillna(0) if "Expense__c" in a else 0
    acts.append(a)
acts = pd.concat(acts, ignore_index=True)
acts["ActivityDate"] = pd.to_datetime(acts["ActivityDate"], errors="coerce")
acts = acts[(acts["ActivityDate"] >= start) & (acts["ActivityDate"] <= end)]
acts["cost"] = acts["hours"] * acts["OwnerId"].map(rate).fillna(0) + acts["expense"]
acts["Group"] = acts["AccountId"].map(lambda i: code.get(top(i)))
pl = pl.merge(acts.groupby("Group")["cost"].sum().rename("KAM cost"), on="Group", how="left")

pl = pl.fillna({"Service costs": 0, "KAM cost": 0})
pl["Net contribution"] = pl["Gross margin"] - pl["Service costs"] - pl["KAM cost"]
pl["KAM ROI"] = pl["Net contribution"] / pl["KAM cost"].where(pl["KAM cost"] > 0)
pl.insert(1, "Name", pl["Group"].map(names))
pl = pl.sort_values("Net contribution", ascending=False)

with pd.ExcelWriter(out, engine="openpyxl") as xw:
    pl.to_excel(xw, sheet_name="Profitability", index=False)
print(len(ltm), "LTM lines,", len(pl), "groups")
