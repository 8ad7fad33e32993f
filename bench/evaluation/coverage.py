"""How often each evaluation's 95% interval holds the county's realised value (or no difference, for placebos)."""
import glob
import json
import os
import sys


def load(folder, name):
    with open(os.path.join(folder, name), encoding="utf-8") as f:
        return json.load(f)


def effect(effects, name):
    return next(e for e in effects["effects"] if e["effect"] == name)


def inside(value, low, high):
    return low is not None and high is not None and low <= value <= high


checks = {}


def check(name, ok, detail):
    checks.setdefault(name, []).append((ok, detail))


for folder in sorted(glob.glob(os.path.join(sys.argv[1], "seed-*")), key=lambda f: int(f.rsplit("-", 1)[1])):
    effects = load(folder, "effects.json")
    fp = effect(effects, "family_preservation_dosage")
    short, long_ = fp["under_3_months"]["realised_rate"], fp["3_months_or_more"]["realised_rate"]
    dose = load(folder, "dosage.json")["dose_response"]
    ratio = dose["contrasts"][0]["adjusted_ratio"]
    check("family preservation: long/short ratio (adjusted)", inside(long_ / short, ratio["low"], ratio["high"]), f"{long_ / short:.3f} in [{ratio['low']:.3f}, {ratio['high']:.3f}]")
    training = effect(effects, "training_completion_employment")
    lift = training["completers"]["realised_rate"] - training["noncompleters"]["realised_rate"]
    diff = load(folder, "training.json")["dose_response"]["contrasts"][0]["difference"]
    check("training -> employment: lift", inside(lift, diff["low"], diff["high"]), f"{lift:.3f} in [{diff['low']:.3f}, {diff['high']:.3f}]")
    subsidy = effect(effects, "child_care_subsidy_parent_employment")
    rise = subsidy["after_subsidy"]["realised_rate"] - subsidy["before_subsidy"]["realised_rate"]
    d = load(folder, "subsidy.json")["before_after"]["difference"]
    check("child-care subsidy -> parent employment: rise", inside(rise, d["low"], d["high"]), f"{rise:.3f} in [{d['low']:.3f}, {d['high']:.3f}]")
    disparity = effect(effects, "racial_disparity")
    realised = disparity["black"]["realised_rate"] / disparity["other"]["realised_rate"]
    black = next(r for r in load(folder, "disparity.json")["disparity"] if r["group"].startswith("Black"))["ratio"]
    check("HMIS racial disparity: ratio", inside(realised, black["low"], black["high"]), f"{realised:.3f} in [{black['low']:.3f}, {black['high']:.3f}]")
    cutoff = effect(effects, "risk_score_cutoff")
    rdd = load(folder, "cutoff.json")["rdd"]
    check("risk-score cut-off: jump", inside(cutoff["realised_jump"], rdd["ci_low"], rdd["ci_high"]), f"{cutoff['realised_jump']:.3f} in [{rdd['ci_low']:.3f}, {rdd['ci_high']:.3f}]")
    for c in (22, 72):
        p = load(folder, f"placebo-cutoff-{c}.json")["rdd"]
        check(f"placebo: cut-off {c}", inside(0, p["ci_low"], p["ci_high"]), f"0 in [{p['ci_low']:.3f}, {p['ci_high']:.3f}]")
    p = load(folder, "placebo-providers.json")["dose_response"]["contrasts"][0]["ratio"]
    check("placebo: family-preservation providers (ratio 1)", inside(1, p["low"], p["high"]), f"1 in [{p['low']:.3f}, {p['high']:.3f}]")
    p = load(folder, "placebo-training.json")["dose_response"]["contrasts"][0]["adjusted_difference"]
    check("placebo: job training -> permanent housing", inside(0, p["low"], p["high"]), f"0 in [{p['low']:.3f}, {p['high']:.3f}]")
    for r in load(folder, "placebo-rearrest.json")["disparity"]:
        if r["units"] >= 30:
            q = r["ratio"]
            check("placebo: re-arrest by race (ratio 1)", inside(1, q["low"], q["high"]), f"{r['group']}: 1 in [{q['low']:.3f}, {q['high']:.3f}]")

print(f"{'check':<55} covered")
for name, results in checks.items():
    covered = sum(ok for ok, _ in results)
    print(f"{name:<55} {covered}/{len(results)}")
    for ok, detail in results:
        if not ok:
            print(f"    missed: {detail}")
