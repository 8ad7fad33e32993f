#!/usr/bin/env python3
"""Encodes the prepared county (prepare-county.py's CSV files) the way each agency would before
sending it: names, middle name, birth date, street, phone and SSN become field-level CLKs made by
`tessera encode` with one shared secret (one run per field and file, a one-feature clkhash v3
schema: 1,024 bits, bigrams, 20 bits per bigram, double hashing; dates and numbers as positional
bigrams). Before encoding, the agency tidies its values — lower case, dates as yyyy-mm-dd, digits
only in SSN and phone, "LAST, FIRST M" split — since the hub cannot standardise what it cannot
read. Sex, city, ZIP and the wage year stay plain. Missing values stay missing.

usage: encode-county.py TESSERA PLAIN_DIR OUT_DIR
"""
import csv
import datetime
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile

tessera, plain, out = sys.argv[1:]
os.makedirs(out, exist_ok=True)
work = tempfile.mkdtemp(prefix='tessera-encode-county-')
secret = os.path.join(work, 'secret.txt')
with open(secret, 'w') as f:
    f.write(secrets.token_hex(32))

ENCODED = ['given_name', 'middle_name', 'family_name', 'birth_date', 'street', 'phone', 'ssn']
POSITIONAL = {'birth_date', 'phone', 'ssn'}
KDF = {'type': 'HKDF', 'hash': 'SHA256', 'salt': 'SCbL2zHNnmsckfzchsNkZY9XoHk96P/G5nUBrM7ybymlEFsMV6PAeDZCNp3rfNUPCtLDMOGQHG4pCQpfhiHCyA==',
       'info': 'dGVzc2VyYS1jb3VudHk=', 'keySize': 64}


def schema(field):
    feature = {'identifier': field, 'format': {'type': 'string', 'encoding': 'utf-8'},
               'hashing': {'hash': {'type': 'doubleHash'}, 'strategy': {'bitsPerToken': 20},
                           'comparison': {'type': 'ngram', 'n': 2, 'positional': field in POSITIONAL}}}
    return {'version': 3, 'clkConfig': {'l': 1024, 'kdf': KDF}, 'features': [{'identifier': 'record_id', 'ignored': True}, feature]}


def date(text):
    text = text.strip()
    for pattern in ('%Y-%m-%d', '%m/%d/%Y', '%Y%m%d', '%m/%d/%y'):
        try:
            return datetime.datetime.strptime(text, pattern).strftime('%Y-%m-%d')
        except ValueError:
            pass
    return text  # a typo such as 1994-11-81 is encoded as typed


def tidy(field, value):
    value = value.strip()
    if not value:
        return ''
    if field == 'birth_date':
        return date(value)
    if field in ('ssn', 'phone'):
        digits = re.sub(r'\D', '', value)
        return digits[-10:] if field == 'phone' else digits
    value = re.sub(r'[^\w\s\'-]', ' ', value.lower())
    return re.sub(r'\s+', ' ', value).strip()


for name in sorted(os.listdir(plain)):
    if not name.endswith('.csv') or name == 'truth.csv':
        continue
    with open(os.path.join(plain, name), newline='', encoding='utf-8') as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        full = row.get('full_name', '').strip()
        if full and not row.get('family_name'):
            family, _, rest = full.partition(',')
            parts = rest.split()
            row['family_name'], row['given_name'] = family, parts[0] if parts else ''
            row['middle_name'] = ' '.join(parts[1:])
        row['full_name'] = ''
    encoded = {}
    for field in ENCODED:
        values = [tidy(field, row.get(field, '')) for row in rows]
        if not any(values):
            continue
        extract, schema_file, clks = (os.path.join(work, f'{name}.{field}.{kind}') for kind in ('csv', 'json', 'out.csv'))
        with open(extract, 'w', newline='', encoding='utf-8') as f:
            writer = csv.writer(f)
            writer.writerow(['record_id', field])
            writer.writerows([row['record_id'], value] for row, value in zip(rows, values))
        with open(schema_file, 'w') as f:
            json.dump(schema(field), f)
        subprocess.run([tessera, 'encode', '--schema', schema_file, '--secret-file', secret, '--input', extract, '--out', clks, '--format', 'csv'],
                       check=True, stdout=subprocess.DEVNULL)
        with open(clks, newline='') as f:
            encoded[field] = [r['clk'] if value else '' for r, value in zip(csv.DictReader(f), values)]
    kept = ['sex', 'city', 'zip', 'adult_in_year']
    with open(os.path.join(out, name), 'w', newline='', encoding='utf-8') as f:
        writer = csv.writer(f)
        writer.writerow(['record_id'] + kept + [field + '_clk' for field in encoded])
        for n, row in enumerate(rows):
            writer.writerow([row['record_id']] + [row.get(k, '') for k in kept] + [encoded[field][n] for field in encoded])
