"""Prints the planted effects as the metrics found them, next to the truth (used by planted.sh)."""
import collections
import csv
import json
import sys

work = sys.argv[1]
effects = {e["effect"]: e for e in json.load(open(f"{work}/county/truth/effects.json"))["effects"]}


def totals(name, keep=lambda group: True):
    sums = collections.defaultdict(lambda: [0, 0])
    for row in csv.DictReader(open(f"{work}/{name}.csv")):
        if keep(row["group"]):
            sums[row["group"]][0] += int(row["numerator"])
            sums[row["group"]][1] += int(row["denominator"])
    return {g: n / d for g, (n, d) in sums.items() if d}


def ranking(name, effect, best, worst, keep=lambda group: True):
    rates = sorted(totals(name, keep).items(), key=lambda kv: -kv[1])
    ok = rates[0][0] == effect[best] and rates[-1][0] == effect[worst]
    print(f"{name}: first {rates[0][0]} ({rates[0][1]:.3f}), last {rates[-1][0]} ({rates[-1][1]:.3f}); "
          f"planted best {effect[best]}, worst {effect[worst]}: {'OK' if ok else 'NOT FOUND'}")


ranking("completion", effects["provider_performance"], "best_provider", "worst_provider")
ranking("shelter", effects["shelter_exit_to_permanent_housing"], "best_project", "worst_project", lambda g: g.startswith("ES"))

collapse = effects["referral_to_enrolment_collapse"]
rates = [(r["period_start"][:7], int(r["numerator"]) / int(r["denominator"]))
         for r in csv.DictReader(open(f"{work}/referral.csv")) if r["group"] == collapse["provider_id"] and int(r["denominator"]) > 0]
drops = sorted(((a[1] - b[1]), b[0]) for a, b in zip(rates, rates[1:]))[::-1]
print(f"referral-to-enrolment at {collapse['provider_id']}: largest month-on-month drop {drops[0][0]:.3f} in {drops[0][1]}; "
      f"planted month {collapse['collapse_month']}: {'OK' if drops[0][1] == collapse['collapse_month'] else 'NOT FOUND'}")

dosage = effects["family_preservation_dosage"]
rates = totals("dosage")
ratio = rates["3 months or more"] / rates["under 3 months"]
ok = abs(ratio - 0.5) <= dosage["tolerance"] * 0.5
print(f"family preservation: re-involvement {rates['under 3 months']:.3f} (under 3 months) vs {rates['3 months or more']:.3f} "
      f"(3 months or more), ratio {ratio:.3f}; planted 0.5 ± {dosage['tolerance'] * 0.5:.3f}: {'OK' if ok else 'NOT FOUND'}")
