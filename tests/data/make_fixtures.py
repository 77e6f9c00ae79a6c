#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Derive two fixtures from valid_small/ (their output is committed; rerun after editing it).

allowed_inputs/  every file with a UTF-8 BOM, CRLF line ends, its columns reversed plus an unknown
                 column, codes in upper case padded with spaces and BRON's L/M/H categories: all
                 inputs the contract allows; it must load to the same dataset as valid_small/.
valid_small.json the same tables as one JSON document, written independently of passend's own
                 to_json: whole numbers and amounts as JSON numbers, empty fields as null or
                 left out (alternately).
"""
import csv, io, json, os

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, 'valid_small')
CODES = {'sector', 'setting', 'exit', 'outcome', 'category', 'objection', 'kind', 'domain'}
BRON = {'laag': 'L', 'midden': 'M', 'hoog': 'H'}
TABLES = ['swvs', 'boards', 'schools', 'pupils', 'regions', 'enrolments', 'tlvs', 'arrangements',
          'opps', 'absences', 'funds', 'allocations', 'assessments', 'extract', 'rates',
          'reference_values', 'support_offers', 'finances']


def read(name):
    rows = list(csv.reader(open(os.path.join(SRC, name), newline='', encoding='utf-8')))
    return rows[0], rows[1:]


def allowed_inputs():
    out_dir = os.path.join(HERE, 'allowed_inputs')
    os.makedirs(out_dir, exist_ok=True)
    for t in TABLES:
        header, body = read(t + '.csv')
        order = list(reversed(range(len(header))))
        out = io.StringIO()
        w = csv.writer(out, lineterminator='\r\n')
        names = [header[i].upper() if k == 0 else header[i] for k, i in enumerate(order)]
        w.writerow(names[:1] + ['opmerking'] + names[1:])
        for r in body:
            v = []
            for i in order:
                x = r[i]
                if header[i] in CODES and x:
                    x = f' {BRON.get(x, x).upper()} '
                if header[i] == 'score' and x in ('ja', 'deels', 'nee'):
                    x = x.upper()
                v.append(x)
            w.writerow(v[:1] + ['vrije tekst'] + v[1:])
        with open(os.path.join(out_dir, t + '.csv'), 'w', encoding='utf-8-sig', newline='') as f:
            f.write(out.getvalue())


def valid_json():
    doc, blank = {}, 0
    for t in TABLES:
        header, body = read(t + '.csv')
        rows = []
        for r in body:
            row = {}
            for name, x in zip(header, r):
                if x == '':
                    blank += 1
                    if blank % 2:
                        row[name] = None
                    continue
                if name in ('grade', 'level'):
                    row[name] = int(x)
                elif name in ('amount_eur', 'cost_eur', 'value') or (
                        name == 'score' and x[0].isdigit()):
                    row[name] = float(x)
                else:
                    row[name] = x
            rows.append(row)
        doc[t] = rows
    with open(os.path.join(HERE, 'valid_small.json'), 'w', encoding='utf-8') as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
        f.write('\n')


if __name__ == '__main__':
    allowed_inputs()
    valid_json()
