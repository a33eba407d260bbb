#!/usr/bin/env python3
"""Expected outcome for contoso_sqlbi_xlsx from the raw workbook, standard
library only (zipfile + xml.etree; independent of kam).

Business reading (SOURCE.md): a master-data workbook, no transactions. Its
`products` sheet (the fourth, not the first; kam reads every sheet and takes
this one by its name and columns) is the product catalogue:
ProductID, ProductName, Price (list price), Cost (unit cost). With no sales
lines there is no period to report: run as a user would (no --period), the
honest outcome is a failed run that says so, after reading every product
(the files table shows them).

usage: expected.py [DATASET_DIR] > expected.json
"""
import json
import os
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "real-exports", "contoso_sqlbi_xlsx")
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def sheet_rows(book, name):
    """The rows of a sheet as lists of cell texts (shared strings resolved,
    cached values of formulas), by column letter order."""
    with zipfile.ZipFile(book) as z:
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels}
        sheet = next(s for s in wb.find("m:sheets", NS) if s.get("name") == name)
        path = "xl/" + target[sheet.get(REL)].lstrip("/").removeprefix("xl/")
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
        out = []
        for row in ET.fromstring(z.read(path)).iter("{%s}row" % NS["m"]):
            cells = {}
            for c in row.findall("m:c", NS):
                col = re.match(r"[A-Z]+", c.get("r")).group(0)
                v = c.find("m:v", NS)
                if c.get("t") == "s":
                    text = shared[int(v.text)]
                elif c.get("t") == "inlineStr":
                    text = "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
                else:
                    text = v.text if v is not None else ""
                cells[col] = text
            if any(x.strip() for x in cells.values()):
                out.append([cells.get(k, "") for k in sorted(cells, key=lambda k: (len(k), k))])
        return out


rows = sheet_rows(os.path.join(DATA, "data.xlsx"), "products")
header, data = rows[0], rows[1:]
assert header[:4] == ["ProductID", "ProductName", "Price", "Cost"], header
ids = {r[0] for r in data}
assert len(ids) == len(data)

out = {
    "dataset": "contoso_sqlbi_xlsx",
    "exit_code": 1,
    "messages": ["no sales lines are loaded", "so there is no period to report; add a sales file (invoice lines)"],
    "patterns": [rf"^\s*data\.xlsx\s+products\s+xlsx\s+\S+\s+{len(data)}\s+{len(data)}\s+0\s+0\s*$"],
    "note": f"{len(data)} products on the sheet 'products'; no transactions in the workbook",
}
json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
print()
