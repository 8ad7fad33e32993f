#!/usr/bin/env python3
"""Maps the labelled linkage benchmarks in ../shared/data/linkage to Tessera's standard identity
columns, at run time (the data are never copied into the repository).

For each set it writes OUT/<set>/<source>.csv (record_id + standard columns) and
OUT/<set>/truth.csv (source,record_id,person_id). Every id that reveals the truth (FEBRL rec_id,
historical_50k unique_id/cluster, NCVR recid, fake_1000 cluster, RLdata true_id) is replaced by an
opaque one, rows are shuffled (file order reveals clusters in some sets), and truth columns are
dropped from the inputs.

usage: prepare-sets.py SHARED_LINKAGE_DIR OUT_DIR
"""
import csv
import gzip
import os
import random
import sys

STANDARD = ["given_name", "middle_name", "family_name", "birth_date", "sex", "ssn", "street", "city", "zip", "phone", "email"]


def read_csv(path, header=None, strip=False):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        reader = csv.reader(f, skipinitialspace=strip)
        rows = list(reader)
    if header is not None:
        return [dict(zip(header, [v.strip() for v in r])) for r in rows[1:] if r]
    names = [h.strip() for h in rows[0]]
    return [dict(zip(names, [v.strip() for v in r])) for r in rows[1:] if r]


def write_set(out, name, sources, seed=7):
    """sources: list of (source_name, [(entity, {standard column: value})])."""
    folder = os.path.join(out, name)
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(seed)
    counter = 0
    truth = []
    for source, records in sources:
        records = list(records)
        rng.shuffle(records)
        columns = [c for c in STANDARD if any(r.get(c) for _, r in records)]
        with open(os.path.join(folder, source + ".csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["record_id"] + columns)
            for entity, record in records:
                counter += 1
                rid = "r%07d" % counter
                w.writerow([rid] + [record.get(c, "") for c in columns])
                truth.append((source, rid, entity))
    with open(os.path.join(folder, "truth.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "record_id", "person_id"])
        w.writerows(truth)


def febrl(rows):
    for r in rows:
        entity = r["rec_id"].split("-")[1]
        street = " ".join(v for v in (r["street_number"], r["address_1"]) if v)
        yield entity, {
            "given_name": r["given_name"], "family_name": r["surname"], "street": street,
            "city": r["suburb"], "zip": r["postcode"], "birth_date": r["date_of_birth"], "ssn": r["soc_sec_id"],
        }


def main(shared, out):
    d = lambda *p: os.path.join(shared, *p)
    write_set(out, "febrl3", [("febrl3", febrl(read_csv(d("febrl", "dataset3.csv"), strip=True)))])
    write_set(out, "febrl4", [("febrl4a", febrl(read_csv(d("febrl", "dataset4a.csv"), strip=True))),
                              ("febrl4b", febrl(read_csv(d("febrl", "dataset4b.csv"), strip=True)))])
    write_set(out, "fake_1000", [("fake_1000", (
        (r["cluster"], {"given_name": r["first_name"], "family_name": r["surname"], "birth_date": r["dob"], "city": r["city"], "email": r["email"]})
        for r in read_csv(d("splink_fake_1000", "fake_1000.csv"))))])
    write_set(out, "historical_50k", [("historical_50k", (
        (r["cluster"], {"given_name": r["first_name"], "family_name": r["surname"], "birth_date": r["dob"],
                        "city": r["birth_place"], "zip": r["postcode_fake"], "sex": r["gender"]})
        for r in read_csv(d("splink_historical_50k", "historical_figures_with_errors_50k.csv.gz"))))])
    ncvr_header = ["recid", "givenname", "surname", "suburb", "postcode"]
    for corrupted in (0, 20, 40):
        write_set(out, "ncvr_%d" % corrupted, [("ncvr_party%d" % party, (
            (r["recid"], {"given_name": r["givenname"], "family_name": r["surname"], "city": r["suburb"], "zip": r["postcode"]})
            for r in read_csv(d("ncvr_leipzig_5party_5k", "ncvr_numrec_5000_modrec_2_ocp_%d_myp_%d_nump_5.csv" % (corrupted, party)), header=ncvr_header)))
            for party in range(5)])

    def rldata(rows):
        for r in rows:
            date = "%s-%02d-%02d" % (r["by"], int(r["bm"]), int(r["bd"])) if r["by"] and r["bm"] and r["bd"] else ""
            family = " ".join(v for v in (r["lname_c1"], r["lname_c2"]) if v and v != "NA")
            middle = r["fname_c2"] if r["fname_c2"] != "NA" else ""
            yield r["true_id"], {"given_name": r["fname_c1"], "middle_name": middle, "family_name": family, "birth_date": date}
    write_set(out, "rldata10000", [("rldata10000", rldata(read_csv(d("rldata_recordlinkage_r", "RLdata10000.csv"))))])
    write_set(out, "rldata500", [("rldata500", rldata(read_csv(d("rldata_recordlinkage_r", "RLdata500.csv"))))])


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
