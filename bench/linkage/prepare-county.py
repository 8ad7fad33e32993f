#!/usr/bin/env python3
"""Maps a synthetic county (tessera synth --out DIR) to one CSV per source with Tessera's standard
identity columns, for `tessera linkage run`, the way each source's data dictionary maps them in a
workspace. A record delivered in several months keeps its latest version. The truth stays in
DIR/truth/records.csv (source,record_id,person_id) and is never read here.

usage: prepare-county.py COUNTY_DIR OUT_DIR
"""
import csv
import glob
import io
import os
import sys
import zipfile

COLUMNS = ["given_name", "middle_name", "family_name", "full_name", "birth_date", "sex", "ssn", "street", "city", "zip", "phone", "adult_in_year"]


def months(county, source, name):
    for path in sorted(glob.glob(os.path.join(county, source, "*", name))):
        with open(path, encoding="utf-8", newline="") as f:
            yield from csv.DictReader(f)


def hmis_clients(county):
    for path in sorted(glob.glob(os.path.join(county, "homelessness", "*", "*.zip"))):
        with zipfile.ZipFile(path) as z:
            with z.open("Client.csv") as f:
                yield from csv.DictReader(io.TextIOWrapper(f, encoding="utf-8-sig"))


def latest(rows, key):
    records = {}
    for row in rows:
        records[row[key]] = row
    return records


def write(out, source, records):
    with open(os.path.join(out, source + ".csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["record_id"] + COLUMNS)
        for rid, values in records:
            w.writerow([rid] + [values.get(c, "") for c in COLUMNS])


def main(county, out):
    os.makedirs(out, exist_ok=True)
    addresses = latest(months(county, "benefits", "addresses.csv"), "case_number")
    members = latest(months(county, "benefits", "members.csv"), "member_id")
    write(out, "benefits", ((m["member_id"], {
        "given_name": m["first_name"], "middle_name": m["middle_initial"], "family_name": m["last_name"], "birth_date": m["dob"],
        "ssn": m["ssn"], "sex": m["sex"], "street": addresses.get(m["case_number"], {}).get("address_line", ""),
        "city": addresses.get(m["case_number"], {}).get("city", ""), "zip": addresses.get(m["case_number"], {}).get("zip", "")})
        for m in members.values()))

    children = latest(months(county, "child_care", "children.csv"), "child_id")
    parents = latest(months(county, "child_care", "parents.csv"), "parent_id")
    write(out, "child_care", [(c["child_id"], {"given_name": c["first_name"], "family_name": c["last_name"], "birth_date": c["birth_date"], "sex": c["gender"]})
                              for c in children.values()]
          + [(p["parent_id"], {"given_name": p["first_name"], "middle_name": p["middle_name"], "family_name": p["last_name"], "birth_date": p["birth_date"],
                               "ssn": p["ssn"], "phone": p["phone"], "street": p["street"], "city": p["city"], "zip": p["zip"]}) for p in parents.values()])

    persons = latest(months(county, "child_welfare", "persons.csv"), "cw_person_id")
    write(out, "child_welfare", ((p["cw_person_id"], {"given_name": p["first_name"], "middle_name": p["middle_name"], "family_name": p["last_name"],
                                                      "birth_date": p["dob"], "ssn": p["ssn"], "sex": p["gender"]}) for p in persons.values()))

    participants = latest(months(county, "workforce", "participants.csv"), "participant_id")
    wages = latest(months(county, "workforce", "ui_wages.csv"), "wage_record_id")
    write(out, "workforce", [(p["participant_id"], {"full_name": p["participant_name"], "birth_date": p["birth_date"], "ssn": p["ssn"], "sex": p["gender"],
                                                    "zip": p["zip"], "phone": p["phone"]}) for p in participants.values()]
          + [(w["wage_record_id"], {"given_name": w["first_name"], "family_name": w["last_name"], "ssn": w["ssn"], "adult_in_year": w["year"]}) for w in wages.values()])

    inmates = latest(months(county, "corrections", "inmates.csv"), "doc_number")
    arrests = latest(months(county, "corrections", "arrests.csv"), "arrest_id")
    write(out, "corrections", [(i["doc_number"], {"given_name": i["first_name"], "middle_name": i["middle_name"], "family_name": i["last_name"],
                                                  "birth_date": i["dob"], "ssn": i["ssn"], "sex": i["sex"]}) for i in inmates.values()]
          + [(a["arrest_id"], {"given_name": a["first_name"], "family_name": a["last_name"], "birth_date": a["dob"], "sex": a["sex"]}) for a in arrests.values()])

    clients = latest(hmis_clients(county), "PersonalID")

    def hmis_sex(c):
        return "F" if c.get("Woman") == "1" and c.get("Man") != "1" else "M" if c.get("Man") == "1" and c.get("Woman") != "1" else ""

    write(out, "homelessness", ((c["PersonalID"], {"given_name": c["FirstName"], "middle_name": c["MiddleName"], "family_name": c["LastName"],
                                                   "birth_date": c["DOB"] if c["DOBDataQuality"] in ("1", "2") else "",
                                                   "ssn": c["SSN"] if c["SSNDataQuality"] in ("1", "2") else "", "sex": hmis_sex(c)})
                                for c in clients.values()))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
