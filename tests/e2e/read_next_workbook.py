#!/usr/bin/python3
"""Prints what the next-edition test reads from a workbook, as a spreadsheet user would see it (openpyxl).

usage: /usr/bin/python3 read_next_workbook.py WORKBOOK.xlsx

Prints one line per non-empty cell, "SHEET!CELL<TAB>VALUE", in sheet order; the C++ test looks for what it
expects. Run with Debian's /usr/bin/python3 (python3-openpyxl).
"""

import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
for sheet in book.worksheets:
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None:
                print(f"{sheet.title}!{cell.coordinate}\t{cell.value}")
