#!/usr/bin/env python3
"""The best pairwise precision, recall and F1 any linker could reach on a synthetic county's
linkage inputs, given what the records carry.

A person's records joined by one SSN (or two SSNs a typo apart) form a group. A group whose
records carry nothing but a name and an SSN (a UI wage record: no birth date, address or phone)
and which no other record of its person shares an SSN with can join the rest of its person only
by name. For its name n (exact, standardised):
  k = the persons it could belong to: its own, and every other person with a record named n whose
      records carry no SSN or one of the group's, and who was old enough to work in the group's year;
  m = the persons with such a name-and-SSN-only group named n that could belong to the person
      (no SSN of the person's other records apart from theirs, old enough).
The two sides are indistinguishable, so a one-to-one guess is right one time in max(k, m).
Everything else is taken as linked perfectly, so the figures are ceilings. A guess either joins the
right person or one as large: it adds as many false pairs as the true pairs it misses.

  usage: bench/linkage/ceiling.py COUNTY_DIR INPUTS_DIR
         (COUNTY_DIR from `tessera synth`, INPUTS_DIR from prepare-county.py)
"""
import collections
import csv
import glob
import os
import re
import sys

YOUNGEST_WORKING_AGE = 14  # as the linker's clustering (ClusterBuilder.YoungestWorkingAge)


def norm(value):
    return (value or "").strip().upper()


def name(r):
    if r["given_name"] or r["family_name"]:
        return norm(r["given_name"]), norm(r["family_name"])
    family, _, given = r["full_name"].partition(",")
    return (norm(given).split(" ")[0] if given.strip() else ""), norm(family)


def ssn(r):
    digits = "".join(c for c in r["ssn"] if c.isdigit())
    return digits if len(digits) == 9 else None


def birth_year(r):
    found = re.search(r"\d{4}", r["birth_date"])
    return int(found.group(0)) if found else 0


def name_only(r):
    return not (r["birth_date"] or r["street"] or r["zip"] or r["phone"] or r["city"])


def typo_apart(a, b):
    diff = [i for i in range(9) if a[i] != b[i]]
    return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])


def groups_of(records, keys):
    parent = {k: k for k in keys}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_ssn = collections.defaultdict(list)
    for k in keys:
        if ssn(records[k]):
            by_ssn[ssn(records[k])].append(k)
    for same in by_ssn.values():
        for k in same[1:]:
            parent[find(k)] = find(same[0])
    numbers = list(by_ssn)
    for i, a in enumerate(numbers):
        for b in numbers[i + 1:]:
            if typo_apart(a, b):
                parent[find(by_ssn[b][0])] = find(by_ssn[a][0])
    groups = collections.defaultdict(list)
    for k in keys:
        groups[find(k)].append(k)
    return list(groups.values()), set(by_ssn)


def first_work(records, group):
    return min((int(records[k]["adult_in_year"]) for k in group if records[k]["adult_in_year"]), default=0)


def main(county, inputs):
    truth = {(r["source"], r["record_id"]): r["person_id"] for r in csv.DictReader(open(os.path.join(county, "truth", "records.csv")))}
    records = {}
    for path in sorted(glob.glob(os.path.join(inputs, "*.csv"))):
        source = os.path.basename(path)[:-4]
        for r in csv.DictReader(open(path)):
            records[(source, r["record_id"])] = r
    by_person = collections.defaultdict(list)
    for k in records:
        by_person[truth[k]].append(k)

    groups, ssns, born = {}, {}, {}
    named = collections.defaultdict(set)       # name -> persons with a record of that name
    unplaced = collections.defaultdict(dict)   # name -> person -> (SSNs, first year of work) of its name-and-SSN-only group
    for person, keys in by_person.items():
        found, numbers = groups_of(records, keys)
        groups[person] = [(g, all(name_only(records[k]) for k in g)) for g in found]
        ssns[person] = numbers
        born[person] = max(birth_year(records[k]) for k in keys)
        for k in keys:
            named[name(records[k])].add(person)
        for g, only in groups[person]:
            if only:
                entry = ({ssn(records[k]) for k in g} - {None}, first_work(records, g))
                for k in g:
                    unplaced[name(records[k])][person] = entry

    def too_young(birth, work):
        return bool(work and birth and work - birth < YOUNGEST_WORKING_AGE)

    def chance(person, group):
        """The chance a linker places this name-and-SSN-only group with its person."""
        own = {ssn(records[k]) for k in group} - {None}
        work = first_work(records, group)
        rest = ssns[person] - own
        best = 0.0
        for n in {name(records[k]) for k in group}:
            k_ = 1 + sum(1 for q in named[n] if q != person and (not ssns[q] or ssns[q] & own) and not too_young(born[q], work))
            m_ = 1 + sum(1 for q, (theirs, worked) in unplaced[n].items()
                         if q != person and not (rest and not rest & theirs) and not too_young(born[person], worked))
            best = max(best, 1 / max(k_, m_))
        return best

    total = 0
    pairs_by_chance = collections.Counter()
    for person, person_groups in groups.items():
        size = len(by_person[person])
        total += size * (size - 1) // 2
        for g, _ in person_groups:
            pairs_by_chance[1.0] += len(g) * (len(g) - 1) // 2
        chances = [chance(person, g) if only else 1.0 for g, only in person_groups]
        for i in range(len(person_groups)):
            for j in range(i + 1, len(person_groups)):
                pairs_by_chance[min(chances[i], chances[j])] += len(person_groups[i][0]) * len(person_groups[j][0])

    by_name_only = sum(v for c, v in pairs_by_chance.items() if c < 1.0)
    print(f"records {len(records)}, persons {len(by_person)}, true pairs {total}")
    print(f"true pairs only a guess can join (a name-and-SSN-only group and a namesake it cannot be told from): {by_name_only} ({by_name_only / total:.1%})")
    print("guess when right at least | precision | recall | F1 (ceilings)")
    for floor in (1.0, 0.5, 1 / 3, 0.0):
        right = wrong = 0.0
        for c, pairs in pairs_by_chance.items():
            if c >= floor:
                right += pairs * c
                wrong += pairs * (1 - c)
        p, r = right / (right + wrong), right / total
        label = "never (no guess)" if floor == 1.0 else f"{floor:.2f}" if floor else "always"
        print(f"{label} | {p:.4f} | {r:.4f} | {2 * p * r / (p + r):.4f}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
