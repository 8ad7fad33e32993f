#!/usr/bin/env python3
"""Scores family links (families.csv from `tessera link --out`) against the true links between
persons whom some delivery records together — on one benefit case, in one HMIS household, or as a
child-care child and the applying parent. Only those links can be found from the data: a couple
seen only in wage records shares nothing a linker could see. Reads the county's truth at run time.

usage: family-recorded.py INCOMING_DIR OUT_DIR
"""
import collections
import csv
import glob
import io
import os
import sys
import zipfile


def main(incoming, out):
    truth = {(r["source"], r["record_id"]): r["person_id"] for r in csv.DictReader(open(os.path.join(incoming, "truth", "records.csv")))}
    households = collections.defaultdict(set)
    for path in glob.glob(os.path.join(incoming, "benefits", "*", "members.csv")):
        for r in csv.DictReader(open(path)):
            households["b" + r["case_number"]].add(truth[("benefits", r["member_id"])])
    for path in glob.glob(os.path.join(incoming, "homelessness", "*", "*.zip")):
        with zipfile.ZipFile(path) as z:
            for r in csv.DictReader(io.TextIOWrapper(z.open("Enrollment.csv"), encoding="utf-8-sig")):
                if ("homelessness", r["PersonalID"]) in truth:
                    households["h" + r["HouseholdID"]].add(truth[("homelessness", r["PersonalID"])])
    for path in glob.glob(os.path.join(incoming, "child_care", "*", "authorizations.csv")):
        for r in csv.DictReader(open(path)):
            households["c" + r["parent_id"]] |= {truth[("child_care", r["child_id"])], truth[("child_care", r["parent_id"])]}
    together = {(a, b) for members in households.values() for a in members for b in members}

    def key(a, b, relation):
        return (a, b, relation) if relation == "parent" else (min(a, b), max(a, b), relation)

    true_links = set()
    for r in csv.DictReader(open(os.path.join(incoming, "truth", "relationships.csv"))):
        a, b, relation = r["person_id_a"], r["person_id_b"], r["relation"]
        if relation == "child":
            a, b, relation = b, a, "parent"
        if (a, b) in together:
            true_links.add(key(a, b, relation))

    persons = collections.defaultdict(list)
    for r in csv.DictReader(open(os.path.join(out, "clusters.csv"))):
        persons[r["person_id"]].append(truth[(r["source"], r["record_id"])])
    stands_for = {p: collections.Counter(t).most_common(1)[0][0] for p, t in persons.items()}
    found = {key(stands_for[r["person_id_a"]], stands_for[r["person_id_b"]], r["relation"]) for r in csv.DictReader(open(os.path.join(out, "families.csv")))}
    recorded = {f for f in found if (f[0], f[1]) in together}
    correct = len(recorded & true_links)
    precision, recall = correct / max(1, len(recorded)), correct / max(1, len(true_links))
    f1 = 2 * precision * recall / max(1e-12, precision + recall)
    print(f"family links between persons recorded together: precision {precision:.4f}, recall {recall:.4f}, F1 {f1:.4f} "
          f"({len(true_links):,} true, {len(recorded):,} found, {correct:,} correct)")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
