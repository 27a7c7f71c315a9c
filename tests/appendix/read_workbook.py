#!/usr/bin/python3
"""Reads an Excel appendix the way a user's spreadsheet program would, with openpyxl, and checks it against the
expectations the C++ test wrote from the content model.

usage: /usr/bin/python3 read_workbook.py WORKBOOK.xlsx EXPECTED.json

Prints one line per problem and exits 1 when there is any; prints "ok: ..." and exits 0 otherwise. Run with
Debian's /usr/bin/python3 (python3-openpyxl 3.0.9).
"""

import datetime
import json
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

import openpyxl

FORBIDDEN = set('[]:*?/\\')
DANISH = set('æøåÆØÅ')
TOLERANCE = 1e-12

problems = []


def problem(message):
    problems.append(message)


def utf16_units(text):
    return sum(2 if ord(c) > 0xFFFF else 1 for c in text)


def valid_sheet_name(name):
    return (0 < utf16_units(name) <= 31 and not (set(name) & FORBIDDEN) and not name.startswith("'")
            and not name.endswith("'") and name.lower() != 'history')


def parse_ref(ref):
    """"'Figure 4'!$B$8:$B$12" -> ("Figure 4", "B8:B12")."""
    sheet, cells = ref.lstrip('=').rsplit('!', 1)
    if sheet.startswith("'"):
        sheet = sheet[1:-1].replace("''", "'")
    return sheet, cells.replace('$', '')


def cells_of(wb, ref):
    sheet, cells = parse_ref(ref)
    if sheet not in wb.sheetnames:
        problem(f'chart reference {ref} names no sheet of the workbook')
        return []
    found = wb[sheet][cells]
    if not isinstance(found, tuple):
        return [found]
    return [c for row in found for c in (row if isinstance(row, tuple) else (row,))]


def rich_text(title):
    if title is None or title.tx is None or title.tx.rich is None:
        return None
    return ''.join(r.t for p in title.tx.rich.p for r in (p.r or []))


def strings_of(ws):
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str):
                yield c


def column_a(ws):
    return [(c.row, c.value) for c in ws['A'] if c.value is not None]


def check_properties(wb, path, exp):
    p = wb.properties
    if exp['title'] not in (p.title or ''):
        problem(f'document title {p.title!r} does not contain the edition title {exp["title"]!r}')
    if p.creator != exp['publisher']:
        problem(f'author {p.creator!r} != publisher {exp["publisher"]!r}')
    if p.keywords != exp['keywords']:
        problem(f'keywords {p.keywords!r} != {exp["keywords"]!r}')
    created = datetime.datetime.fromisoformat(exp['created'].rstrip('Z'))
    if p.created != created:
        problem(f'created {p.created} != publication date {created}')
    if not p.subject:
        problem('no subject')
    if not p.description:
        problem('no comments')
    with zipfile.ZipFile(path) as z:
        company = ET.fromstring(z.read('docProps/app.xml')).find(
            '{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Company')
        if company is None or company.text != exp['publisher']:
            problem(f'company is not the publisher: {None if company is None else company.text!r}')
        custom = {}
        if 'docProps/custom.xml' in z.namelist():
            for prop in ET.fromstring(z.read('docProps/custom.xml')):
                custom[prop.get('name')] = ''.join(prop.itertext())
        if custom.get('Language') != exp['locale']:
            problem(f'custom property Language is {custom.get("Language")!r}, expected {exp["locale"]!r}')
    if exp['forbid_danish_letters']:
        for name in ('title', 'subject', 'creator', 'keywords', 'description', 'category'):
            value = getattr(p, name) or ''
            if set(value) & DANISH:
                problem(f'document property {name} has Danish letters: {value!r}')


def check_names(wb, exp):
    expected = [exp['contents_sheet']] + [f['sheet'] for f in exp['figures']]
    if wb.sheetnames != expected:
        problem(f'sheets {wb.sheetnames} != {expected}')
    folded = [n.casefold() for n in wb.sheetnames]
    if len(set(folded)) != len(folded):
        problem(f'sheet names are not unique: {wb.sheetnames}')
    for name in wb.sheetnames:
        if not valid_sheet_name(name):
            problem(f'sheet name {name!r} is not valid in Excel')
    if exp['forbid_danish_letters']:
        for ws in wb.worksheets:
            if set(ws.title) & DANISH:
                problem(f'sheet name {ws.title!r} has Danish letters')
            for c in strings_of(ws):
                if set(c.value) & DANISH:
                    problem(f'{ws.title}!{c.coordinate} has Danish letters: {c.value!r}')


def check_contents(wb, exp):
    ws = wb.worksheets[0]
    texts = [c.value for c in strings_of(ws)]
    for wanted in (exp['title'], exp['source']):
        if wanted not in texts:
            problem(f'contents sheet lacks {wanted!r}')
    # The publication date exactly as far as it is known: a year stays a number, a month is shown without a day.
    year, month, day = exp['date']
    numbers = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, (int, float))]
    dates = [c for row in ws.iter_rows() for c in row if isinstance(c.value, datetime.datetime)]
    if month == 0:
        if year not in numbers:
            problem(f'contents sheet does not show the publication year {year}')
        if dates:
            problem('contents sheet shows a full date, but only the year is known')
    else:
        wanted = (datetime.datetime(year, month, day or 1), 'yyyy-mm-dd' if day else 'yyyy-mm')
        if [(c.value, c.number_format) for c in dates] != [wanted]:
            problem(f'contents sheet dates {[(c.value, c.number_format) for c in dates]} != [{wanted}]')

    linked = []
    for row in ws.iter_rows():
        for c in row:
            if c.hyperlink is None or not c.hyperlink.location:
                continue
            sheet, _ = parse_ref(c.hyperlink.location)
            if sheet not in wb.sheetnames:
                problem(f'contents {c.coordinate} links to {c.hyperlink.location!r}, which is no sheet')
            linked.append(sheet)
    if sorted(linked) != sorted(f['sheet'] for f in exp['figures']):
        problem(f'contents links {linked} do not cover each figure sheet once')

    rows = {}
    for row in ws.iter_rows():
        values = [c.value for c in row]
        if values and isinstance(values[0], int):
            rows[values[0]] = row
    for f in exp['figures']:
        row = rows.get(f['number'])
        if row is None:
            problem(f'contents has no row for figure {f["number"]}')
            continue
        if f['title'] not in [c.value for c in row]:
            problem(f'contents row of figure {f["number"]} lacks its title')
        if not any(c.hyperlink is not None and parse_ref(c.hyperlink.location)[0] == f['sheet'] for c in row):
            problem(f'contents row of figure {f["number"]} has no link to {f["sheet"]!r}')
    if ws._charts:
        problem('the contents sheet has a chart')


def close(a, b):
    return isinstance(a, (int, float)) and abs(a - b) <= TOLERANCE


def check_zones(ws, f):
    if ws._charts:
        problem(f'{ws.title}: the zones figure has a chart')
    column = [v for _, v in column_a(ws)]
    position = 0
    for zone in f['zones']:
        for text in [zone['label']] + zone['items']:
            try:
                position = column.index(text, position) + 1
            except ValueError:
                problem(f'{ws.title}: {text!r} missing or out of order')


def check_data_sheet(wb, ws, exp, f):
    column = column_a(ws)
    texts = [c.value for c in strings_of(ws)]
    if f['title'] not in [v for _, v in column]:
        problem(f'{ws.title}: no cell holds the title {f["title"]!r}')
    for key in ('question', 'population', 'note'):
        if f[key] and not any(f[key] in t for t in texts):
            problem(f'{ws.title}: the {key} is missing')
    for label in f['significant']:
        if not any(label in t for t in texts):
            problem(f'{ws.title}: significant category {label!r} is not named')
    if f['base_n'] not in [c.value for row in ws.iter_rows() for c in row]:
        problem(f'{ws.title}: base n {f["base_n"]} not shown')

    # The table: header row, categories down in the spec's order, series across.
    header = None
    for row in ws.iter_rows():
        values = [c.value for c in row]
        if values[:1 + len(f['series'])] == [exp['category_header']] + f['series']:
            header = row[0].row
            break
    if header is None:
        problem(f'{ws.title}: no header row {[exp["category_header"]] + f["series"]}')
        return
    if ws.freeze_panes != f'A{header + 1}':
        problem(f'{ws.title}: frozen at {ws.freeze_panes}, expected below the header row {header}')
    for i, (category, values) in enumerate(zip(f['categories'], f['values'])):
        r = header + 1 + i
        if ws.cell(r, 1).value != category:
            problem(f'{ws.title}!A{r}: {ws.cell(r, 1).value!r} != category {category!r}')
        if not ws.cell(r, 1).alignment.wrap_text:
            problem(f'{ws.title}!A{r}: category label does not wrap')
        for j, value in enumerate(values):
            c = ws.cell(r, 2 + j)
            if not close(c.value, value):
                problem(f'{ws.title}!{c.coordinate}: {c.value!r} != {value!r}')
            if c.number_format != '0%':
                problem(f'{ws.title}!{c.coordinate}: format {c.number_format!r} != "0%"')
    # n per series: one row when it is the same for every category, else a block of n per category.
    r = header + 1 + len(f['categories'])
    per_series = list(zip(*f['n']))
    if all(len(set(ns)) == 1 for ns in per_series):
        wanted = [ns[0] for ns in per_series]
        if ws.cell(r, 1).value != exp['n_label'] or [ws.cell(r, 2 + j).value for j in range(len(wanted))] != wanted:
            problem(f'{ws.title}: row {r} is not "{exp["n_label"]}" {wanted}')
    else:
        starts = [row for row, v in column if v == exp['n_label'] and row > header]
        block = starts[0] if starts else None
        if block is None or [ws.cell(block, 2 + j).value for j in range(len(f['series']))] != f['series']:
            problem(f'{ws.title}: no block of n per category headed "{exp["n_label"]}" {f["series"]}')
        else:
            for i, (category, ns) in enumerate(zip(f['categories'], f['n'])):
                got = [ws.cell(block + 1 + i, 1).value] + [ws.cell(block + 1 + i, 2 + j).value for j in range(len(ns))]
                if got != [category] + ns:
                    problem(f'{ws.title}: n row {block + 1 + i} is {got}, expected {[category] + ns}')

    for excluded in f['excluded']:
        rows = [r for r, v in column if v == excluded['label'] and r > header]
        if not rows or not all(close(ws.cell(rows[0], 2 + j).value, v) for j, v in enumerate(excluded['values'])):
            problem(f'{ws.title}: excluded {excluded["label"]!r} {excluded["values"]} not shown')

    # Every value of the table is on the sheet exactly once, and no share comes from anywhere else.
    shares = sorted(c.value for row in ws.iter_rows() for c in row
                    if isinstance(c.value, (int, float)) and c.number_format == '0%')
    wanted = sorted(f['table_values'])
    if len(shares) != len(wanted) or not all(close(a, b) for a, b in zip(shares, wanted)):
        problem(f'{ws.title}: shares on the sheet {shares} != table values {wanted}')

    if ws.page_setup.orientation != 'landscape':
        problem(f'{ws.title}: not landscape')
    if not (ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage):
        problem(f'{ws.title}: not fitted to the page')
    if ws.page_setup.fitToWidth not in (None, 1) or ws.page_setup.fitToHeight != 0:
        problem(f'{ws.title}: fit to {ws.page_setup.fitToWidth} x {ws.page_setup.fitToHeight} pages')
    if (ws.column_dimensions['A'].width or 0) < 40:
        problem(f'{ws.title}: label column only {ws.column_dimensions["A"].width} wide')

    check_chart(wb, ws, f)


def check_chart(wb, ws, f):
    if len(ws._charts) != 1:
        problem(f'{ws.title}: {len(ws._charts)} charts, expected 1')
        return
    chart = ws._charts[0]
    kind = 'doughnut' if chart.tagname == 'doughnutChart' else f'{getattr(chart, "barDir", "?")}/{chart.grouping}'
    if kind != f['chart']:
        problem(f'{ws.title}: chart is {kind}, expected {f["chart"]}')
    if rich_text(chart.title) != f['title']:
        problem(f'{ws.title}: chart title {rich_text(chart.title)!r} != {f["title"]!r}')
    by_row = f['chart'] == 'bar/percentStacked'  # one chart series per category, as the figure stacks them
    names = f['categories'] if by_row else f['series']
    if len(chart.series) != len(names):
        problem(f'{ws.title}: chart has {len(chart.series)} series, expected {len(names)}')
    all_values = [v for row in f['values'] for v in row]
    for s, name in zip(chart.series, names):
        if s.tx is None or s.tx.strRef is None:
            problem(f'{ws.title}: a chart series name is not taken from a cell')
        elif [c.value for c in cells_of(wb, s.tx.strRef.f)] != [name]:
            problem(f'{ws.title}: chart series name {s.tx.strRef.f} is not {name!r}')
        if s.dLbls is None or not s.dLbls.showVal:
            problem(f'{ws.title}: chart series {name!r} has no data labels')
        values = [c.value for c in cells_of(wb, s.val.numRef.f)]
        if parse_ref(s.val.numRef.f)[0] != ws.title or not all(any(close(v, a) for a in all_values) for v in values):
            problem(f'{ws.title}: chart values {s.val.numRef.f} are not the table cells')
        ref = s.cat.strRef if s.cat.strRef is not None else s.cat.numRef
        categories = [c.value for c in cells_of(wb, ref.f)]
        if categories != (f['series'] if by_row else f['categories']):
            problem(f'{ws.title}: chart categories {categories} are not the table labels')


def main():
    path, expected_path = sys.argv[1], sys.argv[2]
    with open(expected_path, encoding='utf-8') as stream:
        exp = json.load(stream)
    wb = openpyxl.load_workbook(path)
    check_properties(wb, path, exp)
    check_names(wb, exp)
    check_contents(wb, exp)
    charts = 0
    for f in exp['figures']:
        if f['sheet'] not in wb.sheetnames:
            continue
        ws = wb[f['sheet']]
        if f['chart']:
            check_data_sheet(wb, ws, exp, f)
        else:
            check_zones(ws, f)
        charts += len(ws._charts)
    data_sheets = sum(1 for f in exp['figures'] if f['chart'])
    if charts != data_sheets:
        problem(f'{charts} charts for {data_sheets} data sheets')
    for message in problems:
        print(message)
    if problems:
        return 1
    print(f'ok: {exp["language"]}: {len(wb.sheetnames)} sheets, {data_sheets} data sheets with charts')
    return 0


if __name__ == '__main__':
    sys.exit(main())
