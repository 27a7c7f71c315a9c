#!/usr/bin/python3
"""Reads an Excel appendix the way a user's spreadsheet program would, with openpyxl, and checks it point by point
against the UK Analysis Function's guidance "Releasing statistics in spreadsheets" and the expectations the C++
test wrote from the content model.

usage: /usr/bin/python3 read_workbook.py WORKBOOK.xlsx EXPECTED.json
       /usr/bin/python3 read_workbook.py --languages A.xlsx B.xlsx ALLOWED.json
           (no text of one workbook appears in the other, but for the allowed strings and patterns)

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
from openpyxl.utils import range_boundaries

FORBIDDEN = set('[]:*?/\\')
DANISH = set('æøåÆØÅ')
TOLERANCE = 1e-12
NOTE_MARKER = re.compile(r'\[([^\[\]\d]+) (\d+)\]')
PHONE = re.compile(r'(\+45[ \d]{8,}|\b\d{2} \d{2} \d{2} \d{2}\b)')
CHART_NS = '{http://schemas.openxmlformats.org/drawingml/2006/chart}'
DRAWING_NS = '{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}'

problems = []


def problem(message):
    problems.append(message)


def utf16_units(text):
    return sum(2 if ord(c) > 0xFFFF else 1 for c in text)


def valid_sheet_name(name):
    return (0 < utf16_units(name) <= 31 and not (set(name) & FORBIDDEN) and not name.startswith("'")
            and not name.endswith("'") and name.lower() != 'history')


def split_refs(ref):
    """"('Figure 8'!$A$3,'Figure 8'!$A$2)" or "'Figure 8'!$A$2:$A$3" -> [(sheet, "A3"), ...] in the given order."""
    ref = ref.lstrip('=')
    if ref.startswith('(') and ref.endswith(')'):
        ref = ref[1:-1]
    parts, current, quoted = [], '', False
    for c in ref:
        if c == "'":
            quoted = not quoted
        if c == ',' and not quoted:
            parts.append(current)
            current = ''
        else:
            current += c
    parts.append(current)
    out = []
    for part in parts:
        sheet, cells = part.rsplit('!', 1)
        if sheet.startswith("'"):
            sheet = sheet[1:-1].replace("''", "'")
        out.append((sheet, cells.replace('$', '')))
    return out


def cells_of(wb, ref):
    cells = []
    for sheet, area in split_refs(ref):
        if sheet not in wb.sheetnames:
            problem(f'chart reference {ref} names no sheet of the workbook')
            return []
        found = wb[sheet][area]
        if not isinstance(found, tuple):
            cells.append(found)
        else:
            cells.extend(c for row in found for c in (row if isinstance(row, tuple) else (row,)))
    return cells


def rich_text(title):
    if title is None or title.tx is None or title.tx.rich is None:
        return None
    return ''.join(r.t for p in title.tx.rich.p for r in (p.r or []))


def strings_of(ws):
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str):
                yield c


def close(a, b):
    return isinstance(a, (int, float)) and not isinstance(a, bool) and abs(a - b) <= TOLERANCE


def fill_colour(properties):
    if properties is None or properties.solidFill is None or properties.solidFill.srgbClr is None:
        return None
    return str(properties.solidFill.srgbClr).upper()


# --- the workbook as a whole --------------------------------------------------------------------------------


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
    with zipfile.ZipFile(path) as z:
        custom = {}
        if 'docProps/custom.xml' in z.namelist():
            for prop in ET.fromstring(z.read('docProps/custom.xml')):
                custom[prop.get('name')] = ''.join(prop.itertext())
        if custom.get('Language') != exp['locale']:
            problem(f'custom property Language is {custom.get("Language")!r}, expected {exp["locale"]!r}')


def check_sheet_names(wb, exp):
    expected = [exp['cover_sheet'], exp['contents_sheet'], exp['notes_sheet']]
    for f in exp['figures']:
        expected += [f['sheet']] + ([f['chart_sheet']] if f['chart_sheet'] else [])
        expected += [s for s in (f['excluded_sheet'], f['further_sheet']) if s]
    if wb.sheetnames != expected:
        problem(f'sheets {wb.sheetnames} != {expected}')
    folded = [n.casefold() for n in wb.sheetnames]
    if len(set(folded)) != len(folded):
        problem(f'sheet names are not unique: {wb.sheetnames}')
    for name in wb.sheetnames:
        if not valid_sheet_name(name):
            problem(f'sheet name {name!r} is not valid in Excel')


def check_no_personal_contacts(wb):
    for ws in wb.worksheets:
        for c in strings_of(ws):
            if '@' in c.value or 'mailto:' in c.value or PHONE.search(c.value):
                problem(f'{ws.title}!{c.coordinate} looks like a personal e-mail address or phone number: {c.value!r}')
            if c.hyperlink is not None and (c.hyperlink.target or '').startswith('mailto:'):
                problem(f'{ws.title}!{c.coordinate} links to an e-mail address')


def check_cover(wb, exp):
    ws = wb[exp['cover_sheet']]
    if ws['A1'].value is None or exp['title'] not in ws['A1'].value:
        problem(f'cover A1 {ws["A1"].value!r} is not the publication title')
    texts = [c.value for c in strings_of(ws)]
    for key in ('about', 'source', 'publisher'):
        if exp[key] not in texts:
            problem(f'cover lacks the {key} {exp[key]!r}')
    if exp['isbn'] and exp['isbn'] not in texts:
        problem('cover lacks the ISBN')
    # The publication date is a date, shown with only the parts that are known.
    year, month, day = exp['date']
    dates = [c for row in ws.iter_rows() for c in row if isinstance(c.value, datetime.datetime)]
    wanted = (datetime.datetime(year, month or 1, day or 1), exp['date_format'])
    if [(c.value, c.number_format) for c in dates] != [wanted]:
        problem(f'cover dates {[(c.value, c.number_format) for c in dates]} != [{wanted}]')
    links = [c.hyperlink.target for row in ws.iter_rows() for c in row
             if c.hyperlink is not None and c.hyperlink.target]
    if exp['web'] not in links:
        problem(f'cover has no contact link to {exp["web"]!r}: {links}')
    internal = [c.hyperlink.location for row in ws.iter_rows() for c in row
                if c.hyperlink is not None and c.hyperlink.location]
    for sheet in (exp['contents_sheet'], exp['notes_sheet']):
        if not any(split_refs(loc)[0][0] == sheet for loc in internal):
            problem(f'cover has no link to the sheet {sheet!r}')
    if ws.tables:
        problem('the cover sheet holds a table')


def only_table(ws):
    if len(ws.tables) != 1:
        problem(f'{ws.title}: {len(ws.tables)} table objects, expected 1')
        return None
    name, ref = next(iter(ws.tables.items()))
    table = ws.tables[name]
    if not name or table.displayName != name:
        problem(f'{ws.title}: table without a proper name ({name!r})')
    if table.headerRowCount == 0:
        problem(f'{ws.title}: table {name} has no header row')
    return table


def check_table_layout(ws, table):
    """One table per sheet, starting in column A, title in A1 and descriptive lines (column A only) between them,
    no blank rows or columns and no blank cells inside the table, nothing beside or below it, no merged cells."""
    min_col, min_row, max_col, max_row = range_boundaries(table.ref)
    if min_col != 1:
        problem(f'{ws.title}: table {table.name} starts in column {min_col}, not A')
    if not isinstance(ws['A1'].value, str) or not ws['A1'].value:
        problem(f'{ws.title}: A1 holds no title')
    for r in range(1, min_row):
        if ws.cell(r, 1).value is None:
            problem(f'{ws.title}: row {r} above the table is blank')
        for c in range(2, ws.max_column + 1):
            if ws.cell(r, c).value is not None:
                problem(f'{ws.title}!{ws.cell(r, c).coordinate}: a cell beside the lines above the table')
    headers = [ws.cell(min_row, c).value for c in range(min_col, max_col + 1)]
    if any(not isinstance(h, str) or not h for h in headers) or len(set(headers)) != len(headers):
        problem(f'{ws.title}: table headers {headers} are not unique text')
    if table.tableColumns and [c.name for c in table.tableColumns] != headers:
        problem(f'{ws.title}: table columns {[c.name for c in table.tableColumns]} != header cells {headers}')
    for r in range(min_row + 1, max_row + 1):
        for c in range(min_col, max_col + 1):
            if ws.cell(r, c).value is None:
                problem(f'{ws.title}!{ws.cell(r, c).coordinate}: blank cell inside the table')
    if ws.max_row > max_row or ws.max_column > max_col:
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row):
            for c in row:
                if c.value is not None and (c.row > max_row or c.column > max_col):
                    problem(f'{ws.title}!{c.coordinate}: a cell outside the table and its lines: {c.value!r}')
    if ws.merged_cells.ranges:
        problem(f'{ws.title}: merged cells {ws.merged_cells.ranges}')
    return min_row, max_row, headers


def check_contents(wb, exp):
    ws = wb[exp['contents_sheet']]
    table = only_table(ws)
    if table is None:
        return
    header_row, last_row, _ = check_table_layout(ws, table)
    linked = []
    for r in range(header_row + 1, last_row + 1):
        c = ws.cell(r, 1)
        if c.hyperlink is None or not c.hyperlink.location:
            problem(f'contents {c.coordinate} has no link')
            continue
        sheet = split_refs(c.hyperlink.location)[0][0]
        if sheet != c.value:
            problem(f'contents {c.coordinate} shows {c.value!r} but links to {sheet!r}')
        linked.append(sheet)
        if not isinstance(ws.cell(r, 2).value, str) or not ws.cell(r, 2).value:
            problem(f'contents row {r} has no title')
    wanted = [exp['notes_sheet']] + [s for f in exp['figures']
                                     for s in (f['sheet'], f['excluded_sheet'], f['further_sheet']) if s]
    if linked != wanted:
        problem(f'contents links {linked} != every table sheet once {wanted}')
    for f in exp['figures']:
        titles = [ws.cell(r, 2).value for r in range(header_row + 1, last_row + 1) if ws.cell(r, 1).value == f['sheet']]
        if titles != [wb[f['sheet']]['A1'].value]:
            problem(f'contents title of {f["sheet"]!r} is not its A1: {titles}')


def check_notes(wb, exp):
    """Numbered notes, [note 1] to [note k] in order; every note referenced from a table sheet and every
    reference answered by a note."""
    ws = wb[exp['notes_sheet']]
    table = only_table(ws)
    if table is None:
        return
    header_row, last_row, _ = check_table_layout(ws, table)
    markers = [ws.cell(r, 1).value for r in range(header_row + 1, last_row + 1)]
    texts = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(header_row + 1, last_row + 1)}
    wanted = [f'[{exp["note_word"]} {i}]' for i in range(1, len(markers) + 1)]
    if markers != wanted:
        problem(f'notes are {markers}, expected {wanted}')
    referenced = set()
    for name in wb.sheetnames[3:]:
        if name not in [w.title for w in wb.worksheets]:
            continue
        for c in strings_of(wb[name]):
            for word, number in NOTE_MARKER.findall(c.value):
                if word == exp['note_word']:
                    referenced.add(f'[{word} {number}]')
    if referenced != set(markers):
        problem(f'notes referenced {sorted(referenced)} != notes listed {markers}')
    for f in exp['figures']:
        if f['note'] and not any(f['note'] in (t or '') for t in texts.values()):
            problem(f'the note of figure {f["number"]} is not on the notes sheet')
        for label in f.get('significant', []):
            if not any(label in (t or '') for t in texts.values()):
                problem(f'significant category {label!r} of figure {f["number"]} is not named in the notes')
    uses_x = any(c.value == '[x]' for ws2 in wb.worksheets[3:] for c in strings_of(ws2))
    if uses_x != any((t or '').startswith('[x]') for t in texts.values()):
        problem(f'[x] is {"used" if uses_x else "not used"} but its note is {"missing" if uses_x else "there"}')


# --- figure sheets -------------------------------------------------------------------------------------------


def figure_lines(ws, header_row):
    return [ws.cell(r, 1).value for r in range(2, header_row)]


def check_figure_head(ws, exp, f, header_row):
    lines = figure_lines(ws, header_row)
    if not ws['A1'].value.startswith(f'{exp["figure_word"]} {f["number"]}: {f["title"]}'):
        problem(f'{ws.title}: A1 {ws["A1"].value!r} is not "{exp["figure_word"]} {f["number"]}: {f["title"]}"')
    for key in ('question', 'population'):
        if f[key] and not any(f[key] in line for line in lines):
            problem(f'{ws.title}: the {key} is not among the lines above the table')
    if f.get('base_n_text') and not any(f['base_n_text'] in line for line in lines):
        problem(f'{ws.title}: base n {f["base_n_text"]} is not stated above the table')
    if exp['source'] not in lines:
        problem(f'{ws.title}: no source line')
    if not any(NOTE_MARKER.search(line) for line in lines):
        problem(f'{ws.title}: no note referenced above the table')


def share_rows(ws, header_row, last_row, count):
    return [[ws.cell(r, 2 + j).value for j in range(count)] for r in range(header_row + 1, last_row + 1)]


def check_shares(ws, header_row, last_row, headers, labels, values, exp, what):
    unit = exp['unit']
    for h in headers[1:1 + len(values[0] if values else [])]:
        if not h.endswith(' ' + unit):
            problem(f'{ws.title}: header {h!r} of the {what} does not give the unit {unit!r}')
    got_labels = [ws.cell(r, 1).value for r in range(header_row + 1, last_row + 1)]
    if got_labels != labels:
        problem(f'{ws.title}: {what} rows {got_labels} != {labels}')
    for r, row in zip(range(header_row + 1, last_row + 1), values):
        for j, value in enumerate(row):
            c = ws.cell(r, 2 + j)
            if not close(c.value, value):
                problem(f'{ws.title}!{c.coordinate}: {c.value!r} != {value!r}')
            if '%' not in c.number_format:
                problem(f'{ws.title}!{c.coordinate}: format {c.number_format!r} is not a percent format')
        if not ws.cell(r, 1).alignment.wrap_text:
            problem(f'{ws.title}!A{r}: row label does not wrap')


def all_shares(ws):
    return [c.value for row in ws.iter_rows() for c in row
            if isinstance(c.value, (int, float)) and '%' in c.number_format]


def figure_table(wb, exp, f, sheet):
    """A sheet of one of the figure's tables, checked for layout and head: (sheet, header row, last row, headers),
    or None when it holds no single table."""
    ws = wb[sheet]
    table = only_table(ws)
    if table is None:
        return None
    header_row, last_row, headers = check_table_layout(ws, table)
    check_figure_head(ws, exp, f, header_row)
    return ws, header_row, last_row, headers


def check_data_figure(wb, exp, f):
    found = figure_table(wb, exp, f, f['sheet'])
    if found is None:
        return
    ws, header_row, last_row, headers = found
    across = f['categories'] if f['series_down'] else f['series']
    down = f['series'] if f['series_down'] else f['categories']
    if headers[1:1 + len(across)] != [f'{label} {exp["unit"]}' for label in across]:
        problem(f'{ws.title}: headers {headers} do not name {across} with the unit')
    check_shares(ws, header_row, last_row, headers, down, f['values'], exp, 'main table')
    if f['counts_vary']:
        n_headers = headers[1 + len(across):]
        if len(n_headers) != len(across) or not all(h.endswith(exp['n_label']) for h in n_headers):
            problem(f'{ws.title}: no n column per group: {n_headers}')
        got = [[ws.cell(r, 2 + len(across) + j).value for j in range(len(across))]
               for r in range(header_row + 1, last_row + 1)]
        if got != f['n']:
            problem(f'{ws.title}: n {got} != {f["n"]}')
    elif len(headers) != 1 + len(across):
        problem(f'{ws.title}: unexpected columns {headers[1 + len(across):]}')

    shares = all_shares(ws)
    if f['excluded_sheet']:
        excluded = figure_table(wb, exp, f, f['excluded_sheet'])
        if excluded is not None:
            check_shares(*excluded, [e['label'] for e in f['excluded']], [e['values'] for e in f['excluded']], exp,
                         'excluded answers')
        shares += all_shares(wb[f['excluded_sheet']])
    if f['further_sheet']:
        figure_table(wb, exp, f, f['further_sheet'])
        shares += all_shares(wb[f['further_sheet']])
    # Every value of the figure's table is on its sheets exactly once, and no share comes from anywhere else.
    wanted = sorted(f['table_values'])
    if len(shares) != len(wanted) or not all(close(a, b) for a, b in zip(sorted(shares), wanted)):
        problem(f'{ws.title}: shares on the sheets {sorted(shares)} != table values {wanted}')
    if ws.page_setup.orientation != 'landscape':
        problem(f'{ws.title}: not landscape')
    if ws._charts:
        problem(f'{ws.title}: a chart covers the table sheet')
    check_chart(wb, exp, f, ws, header_row, last_row, len(across))


def check_chart(wb, exp, f, ws, header_row, last_row, value_columns):
    names = [c.title for c in wb.chartsheets]
    if f['chart_sheet'] not in names:
        problem(f'no chart sheet {f["chart_sheet"]!r}')
        return
    charts = wb[f['chart_sheet']]._charts
    if len(charts) != 1:
        problem(f'{f["chart_sheet"]}: {len(charts)} charts, expected 1')
        return
    chart = charts[0]
    kind = 'doughnut' if chart.tagname == 'doughnutChart' else f'{getattr(chart, "barDir", "?")}/{chart.grouping}'
    if kind != f['chart']:
        problem(f'{f["chart_sheet"]}: chart is {kind}, expected {f["chart"]}')
    if rich_text(chart.title) != f['title']:
        problem(f'{f["chart_sheet"]}: chart title {rich_text(chart.title)!r} != {f["title"]!r}')
    # Horizontal bars are listed bottom-up (series and categories reversed) so that they read top-down in the
    # figure's order with a legend in the same order; other charts list them as the table does.
    bottom_up = kind.startswith('bar/')
    series = list(reversed(chart.series)) if bottom_up else list(chart.series)
    if len(series) != value_columns:
        problem(f'{f["chart_sheet"]}: {len(series)} series for {value_columns} value columns')
    rows = list(range(header_row + 1, last_row + 1))
    if bottom_up:
        rows.reverse()
    palette = set(exp['palette'])
    for j, s in enumerate(series):
        if s.tx is None or s.tx.strRef is None or [(c.row, c.column) for c in cells_of(wb, s.tx.strRef.f)] != [
                (header_row, 2 + j)]:
            problem(f'{f["chart_sheet"]}: series {j + 1} is not named by its header cell')
        values = [(c.parent.title, c.row, c.column) for c in cells_of(wb, s.val.numRef.f)]
        if values != [(ws.title, r, 2 + j) for r in rows]:
            problem(f'{f["chart_sheet"]}: series {j + 1} values {s.val.numRef.f} are not its table column in order')
        if s.cat.strRef is None:
            problem(f'{f["chart_sheet"]}: series {j + 1} categories are not text references')
            continue
        categories = [(c.parent.title, c.row, c.column) for c in cells_of(wb, s.cat.strRef.f)]
        if categories != [(ws.title, r, 1) for r in rows]:
            problem(f'{f["chart_sheet"]}: categories {s.cat.strRef.f} are not the table\'s row labels in order')
        # The cached cells, for readers that do not calculate: the same labels and values as the cells.
        cache = s.cat.strRef.strCache
        if cache is None or [p.v for p in cache.pt] != [ws.cell(r, 1).value for r in rows]:
            problem(f'{f["chart_sheet"]}: series {j + 1} has no category cache matching the table')
        cache = s.val.numRef.numCache
        if cache is None or not all(close(float(p.v), ws.cell(r, 2 + j).value) for p, r in zip(cache.pt, rows)) \
                or len(cache.pt) != len(rows):
            problem(f'{f["chart_sheet"]}: series {j + 1} has no value cache matching the table')
        if s.dLbls is None or not s.dLbls.showVal:
            problem(f'{f["chart_sheet"]}: series {j + 1} has no data labels')
        colours = [fill_colour(s.graphicalProperties)] + [fill_colour(p.graphicalProperties) for p in s.dPt]
        colours = [c for c in colours if c]
        if not colours or not set(colours) <= palette:
            problem(f'{f["chart_sheet"]}: series {j + 1} colours {colours} are not from the palette {sorted(palette)}')
    legend = chart.legend is not None
    if legend != (kind == 'doughnut' or value_columns > 1):
        problem(f'{f["chart_sheet"]}: legend {"shown" if legend else "missing"}')


def check_zones(wb, exp, f):
    found = figure_table(wb, exp, f, f['sheet'])
    if found is None:
        return
    ws, header_row, last_row, _ = found
    got = [(ws.cell(r, 1).value, ws.cell(r, 2).value) for r in range(header_row + 1, last_row + 1)]
    wanted = [(item, zone['label']) for zone in f['zones'] for item in zone['items']]
    if got != wanted:
        problem(f'{ws.title}: zone rows {got} != {wanted}')


def check_package(path, exp):
    """Chart text runs in the workbook's language; every chart sheet's chart has an alt text with its values."""
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith('xl/charts/chart'):
                langs = set(re.findall(r'lang(?:="| val=")([^"]+)"', z.read(name).decode('utf-8')))
                if langs - {exp['locale']}:
                    problem(f'{name}: text tagged {sorted(langs)}, expected only {exp["locale"]}')
        descriptions = {}
        for name in z.namelist():
            m = re.fullmatch(r'xl/chartsheets/_rels/(sheet\d+)\.xml\.rels', name)
            if not m:
                continue
            target = re.search(r'Target="\.\./drawings/([^"]+)"', z.read(name).decode('utf-8')).group(1)
            drawing = ET.fromstring(z.read('xl/drawings/' + target))
            frames = drawing.iter(DRAWING_NS + 'cNvPr')
            descriptions[m.group(1)] = [frame.get('descr') for frame in frames]
    data_figures = [f for f in exp['figures'] if f['chart_sheet']]
    if len(descriptions) != len(data_figures):
        problem(f'{len(descriptions)} chart sheet drawings for {len(data_figures)} charts')
    for i, f in enumerate(data_figures):
        descr = (descriptions.get(f'sheet{i + 1}') or [None])[0]
        if not descr or not descr.startswith(f'{exp["figure_word"]} {f["number"]}: {f["title"]}'):
            problem(f'{f["chart_sheet"]}: alt text {descr!r} does not start with the figure and its title')
            continue
        for text in f['value_texts']:
            if text not in descr:
                problem(f'{f["chart_sheet"]}: alt text does not state {text!r}')


def check(path, exp):
    wb = openpyxl.load_workbook(path)
    check_properties(wb, path, exp)
    check_sheet_names(wb, exp)
    check_no_personal_contacts(wb)
    if not problems:
        check_cover(wb, exp)
        check_contents(wb, exp)
        check_notes(wb, exp)
        for f in exp['figures']:
            if f['chart']:
                check_data_figure(wb, exp, f)
            else:
                check_zones(wb, exp, f)
        check_package(path, exp)
    return f'{exp["language"]}: {len(wb.sheetnames)} sheets, {len(wb.chartsheets)} chart sheets'


# --- two languages -------------------------------------------------------------------------------------------


def texts_of(path):
    """Every text a reader meets: cells, sheet names, chart titles, document properties."""
    wb = openpyxl.load_workbook(path)
    texts = {}
    for ws in wb.worksheets:
        texts[ws.title] = 'sheet name'
        for c in strings_of(ws):
            texts[c.value] = f'{ws.title}!{c.coordinate}'
    for cs in wb.chartsheets:
        texts[cs.title] = 'sheet name'
        for chart in cs._charts:
            if rich_text(chart.title):
                texts[rich_text(chart.title)] = f'{cs.title} chart title'
    for name in ('title', 'subject', 'keywords', 'description', 'category'):
        value = getattr(wb.properties, name)
        if value:
            texts[value] = f'document property {name}'
    return texts


def check_languages(first, second, allowed_path):
    with open(allowed_path, encoding='utf-8') as stream:
        allowed = json.load(stream)
    patterns = [re.compile(p) for p in allowed['patterns']]
    a, b = texts_of(first), texts_of(second)
    for text, where in a.items():
        if text in b and text not in allowed['strings'] and not any(p.fullmatch(text) for p in patterns):
            problem(f'{where} of {first} is also in {second}: {text!r}')
    for path, texts in ((first, a), (second, b)):
        if path.endswith(allowed['no_danish_letters']):
            for text, where in texts.items():
                if set(text) & DANISH:
                    problem(f'{where} of {path} has Danish letters: {text!r}')
    return f'{len(a)} and {len(b)} texts, none shared but the allowed'


def main():
    if sys.argv[1] == '--languages':
        summary = check_languages(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        with open(sys.argv[2], encoding='utf-8') as stream:
            summary = check(sys.argv[1], json.load(stream))
    for message in problems:
        print(message)
    if problems:
        return 1
    print(f'ok: {summary}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
