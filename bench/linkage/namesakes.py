#!/usr/bin/env python3
"""Counts father/Jr. namesakes that a linkage put into one person: for every true person with the
suffix JR whose parent has the same given and family name, whether any record of the one and any
record of the other share a predicted person. Reads the synthetic county's truth (persons.csv,
relationships.csv, records.csv) and a clusters.csv from `tessera linkage run`.

usage: namesakes.py CLUSTERS_CSV TRUTH_DIR
prints: namesake_pairs merged
"""
import csv
import os
import sys

clusters_path, truth = sys.argv[1:]
with open(os.path.join(truth, 'persons.csv'), newline='') as f:
    persons = {r['person_id']: r for r in csv.DictReader(f)}
with open(os.path.join(truth, 'relationships.csv'), newline='') as f:
    parents = [(r['person_id_a'], r['person_id_b']) for r in csv.DictReader(f) if r['relation'] == 'parent']
with open(os.path.join(truth, 'records.csv'), newline='') as f:
    person_of = {(r['source'], r['record_id']): r['person_id'] for r in csv.DictReader(f)}
found = {}
with open(clusters_path, newline='') as f:
    for r in csv.DictReader(f):
        person = person_of.get((r['source'], r['record_id']))
        if person is not None:
            found.setdefault(person, set()).add(r['person_id'])

pairs = merged = 0
for parent, child in parents:
    p, c = persons.get(parent), persons.get(child)
    if not p or not c or c['suffix'] != 'JR' or (p['given_name'], p['family_name']) != (c['given_name'], c['family_name']):
        continue
    if parent not in found or child not in found:
        continue
    pairs += 1
    merged += bool(found[parent] & found[child])
print(pairs, merged)
