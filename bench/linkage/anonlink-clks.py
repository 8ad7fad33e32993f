#!/usr/bin/env python3
"""Writes the anonlink tutorial's golden CLKs (clkhash 0.18.3, parties 1 and 2) as record_id,clk
CSV files and a truth file, for `tessera linkage run`.

  usage: anonlink-clks.py SHARED_LINKAGE_DIR OUT_DIR
"""
import csv, json, os, sys

shared, out = sys.argv[1:]
folder = os.path.join(shared, 'anonlink_tutorial_multiparty')
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, 'truth.csv'), 'w', newline='') as truth_file:
    truth = csv.writer(truth_file)
    truth.writerow(['source', 'record_id', 'person_id'])
    for party in (1, 2):
        with open(os.path.join(folder, f'golden_clks_clkhash0.18.3_secret-secret_dataset-{party}.json')) as f:
            clks = json.load(f)['clks']
        with open(os.path.join(folder, f'dataset-{party}.csv'), newline='') as f:
            ids = [row['id'] for row in csv.DictReader(f)]
        with open(os.path.join(out, f'party{party}.csv'), 'w', newline='') as f:
            writer = csv.writer(f)
            writer.writerow(['record_id', 'clk'])
            for n, (entity, clk) in enumerate(zip(ids, clks)):
                record = f'p{party}-{n:05d}'
                writer.writerow([record, clk])
                truth.writerow([f'party{party}', record, entity])
