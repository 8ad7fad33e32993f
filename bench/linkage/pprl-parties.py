#!/usr/bin/env python3
"""Two data partners' extracts for an encoded two-party link at scale, from a synthetic county's
true persons (truth/persons.csv): party A holds persons 0 … N-1 as recorded, party B holds persons
OVERLAP_START … OVERLAP_START+N-1 as a second agency types them (seeded): a typo in the given name
(15%) or family name (15%), a married family name for some women (3%), a birth date with two
digits swapped or day and month exchanged (8%), sex missing (5%). Writes a.csv and b.csv
(record_id,given_name,family_name,birth_date,sex) and truth.csv (source,record_id,person_id).

usage: pprl-parties.py PERSONS_CSV N OVERLAP_START OUT_DIR
"""
import csv
import os
import random
import string
import sys

persons_path, n, start, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
os.makedirs(out, exist_ok=True)
with open(persons_path, newline='', encoding='utf-8') as f:
    persons = [(r['person_id'], r['given_name'], r['family_name'], r['birth_date'], r['sex']) for _, r in zip(range(start + n), csv.DictReader(f))]
if len(persons) < start + n:
    sys.exit(f'{persons_path} has {len(persons)} persons; {start + n} are needed')
random.seed(25)
families = [p[2] for p in persons[:50000]]


def typo(text):
    if len(text) < 2:
        return text
    i = random.randrange(len(text))
    kind = random.random()
    if kind < 0.4:
        return text[:i] + random.choice(string.ascii_lowercase) + text[i + 1:]
    if kind < 0.7 and i < len(text) - 1:
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    if kind < 0.85:
        return text[:i] + text[i + 1:]
    return text[:i] + random.choice(string.ascii_lowercase) + text[i:]


def date(text):
    y, m, d = text.split('-')
    if random.random() < 0.5 and int(d) <= 12:
        return f'{y}-{d}-{m}'
    digits = list(y + m + d)
    i = random.randrange(len(digits) - 1)
    digits[i], digits[i + 1] = digits[i + 1], digits[i]
    s = ''.join(digits)
    return f'{s[:4]}-{s[4:6]}-{s[6:]}'


with open(os.path.join(out, 'truth.csv'), 'w', newline='') as truth_file:
    truth = csv.writer(truth_file)
    truth.writerow(['source', 'record_id', 'person_id'])
    for party, rows in (('a', persons[:n]), ('b', persons[start:start + n])):
        order = list(range(len(rows)))
        random.shuffle(order)
        with open(os.path.join(out, f'{party}.csv'), 'w', newline='', encoding='utf-8') as f:
            writer = csv.writer(f)
            writer.writerow(['record_id', 'given_name', 'family_name', 'birth_date', 'sex'])
            for k, j in enumerate(order):
                person, given, family, born, sex = rows[j]
                given, family = given.lower(), family.lower()
                if party == 'b':
                    if random.random() < 0.15:
                        given = typo(given)
                    if sex == 'F' and random.random() < 0.03:
                        family = random.choice(families).lower()
                    elif random.random() < 0.15:
                        family = typo(family)
                    if random.random() < 0.08:
                        born = date(born)
                    if random.random() < 0.05:
                        sex = ''
                record = f'{party}{k:07d}'
                writer.writerow([record, given, family, born, sex])
                truth.writerow([party, record, person])
