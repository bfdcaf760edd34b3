#!/usr/bin/env python3
"""Calibration of the model's `calibration` parameters against the record.

Runs the game headless (history's choices, seed 1) with trial values of the
parameters marked `calibration` in assets/data/params.csv, scores each run
against the recorded series below, and improves the parameters by coordinate
descent (each parameter in turn moved up or down by a step that shrinks when
neither direction helps). Every target names its source; the weights say how
much each matters. docs/calibration.md explains the fit and gives its result.

Usage:
  calibrate.py score            the current parameters' residuals
  calibrate.py fit [ROUNDS]     fit, then print the new values (params.csv is
                                not changed: copy the values in by hand, so
                                each change is reviewed and committed)
Needs build/greatleap (cmake --build build).
"""
import csv
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GAME = os.path.join(ROOT, "build", "greatleap")


def national_record():
    """Recorded national series, keyed by year (assets/data/history/national.csv)."""
    rows = {}
    with open(os.path.join(ROOT, "assets/data/history/national.csv")) as f:
        for r in csv.DictReader(f):
            rows[int(r["year"])] = r
    return rows


REC = national_record()
# R12 (research/findings.csv): gross procurement, Mt.
PROCUREMENT_R12 = {1958: 51.83, 1959: 64.115, 1960: 46.535, 1961: 36.55, 1962: 32.42}
# R32: state grain stocks (trade grain) before the summer harvest, Mt.
STOCKS_R32 = {"1959-05": 14.311, "1960-05": 9.543}

# (name, source, weight, simulated(run), recorded)
TARGETS = []
# The recorded death rates (S01, S14) are the later official registers,
# which missed a share of the famine's excess deaths (registration_miss,
# derived in params.csv). The model's deaths are compared with them as the
# registers would have counted them: all deaths but the missed share of
# those above the normal rate.
def registered(cdr, normal, miss):
    return cdr - miss * max(0.0, cdr - normal)


NORMAL_NATIONAL = (float(REC[1956]["crude_death_rate"]) + float(REC[1957]["crude_death_rate"])) / 2
for y in range(1958, 1963):
    TARGETS.append((f"CDR registered {y}", "S01", 3.0,
                    lambda run, y=y: registered(run["nat"][y]["crude_death_rate"], NORMAL_NATIONAL, run["miss"]),
                    float(REC[y]["crude_death_rate"])))
TARGETS.append(("excess deaths 1959-61", "S17", 1.0, lambda run: run["excess_m"], 30.0))
for y in range(1958, 1963):
    TARGETS.append((f"CBR {y}", "S01", 1.0, lambda run, y=y: run["nat"][y]["crude_birth_rate"],
                    float(REC[y]["crude_birth_rate"])))
for y in range(1958, 1962):
    TARGETS.append((f"grain {y}", "S04", 10.0, lambda run, y=y: run["nat"][y]["grain_actual_mt"],
                    float(REC[y]["grain_output_mt_official_early"])))
for y, v in PROCUREMENT_R12.items():
    TARGETS.append((f"procurement {y}", "R12", 1.0, lambda run, y=y: run["nat"][y]["procurement_mt"], v))
for y in (1958, 1959):
    TARGETS.append((f"procurement share {y}", "S03", 3.0,
                    lambda run, y=y: 100 * run["nat"][y]["procurement_share"], float(REC[y]["procurement_share_pct"])))
for m, v in STOCKS_R32.items():
    TARGETS.append((f"state stocks {m}", "R32", 0.5, lambda run, m=m: run["month"][m]["granary_mt"], v))

FITTED = ["mort_threshold", "mort_scale", "fert_threshold", "fert_slope", "fert_floor", "catchup_rate",
          "collect_exponent", "cultivation_exponent", "subsistence_kg_month", "extraction_per_month",
          "resale_share", "pest_max_loss", "peak_labour_use", "mess_overeat", "separation_fertility",
          "granary_start_t", "cdr_decline_year", "health_labour_exponent", "pest_growth",
          "fert_tau_months", "zeal_subsistence_cut",
          "quota_trust_base"]
# Plausible ranges: the fit may not leave them (a share stays a share, a
# threshold stays below full health, and so on).
BOUNDS = {"mort_threshold": (0.7, 1.0), "fert_threshold": (0.7, 0.98), "fert_floor": (0.2, 0.9),
          "catchup_rate": (0.0, 0.15), "collect_exponent": (0.2, 1.5), "cultivation_exponent": (0.2, 1.5),
          "subsistence_kg_month": (8, 22), "extraction_per_month": (0.0, 0.6), "resale_share": (0.0, 0.6),
          "pest_max_loss": (0.0, 0.12), "peak_labour_use": (0.5, 0.95), "mess_overeat": (1.0, 1.6),
          "separation_fertility": (0.0, 1.0), "fert_tau_months": (6, 15), "zeal_subsistence_cut": (0.3, 1.0), "quota_trust_base": (0.2, 1.0), "granary_start_t": (10e6, 30e6), "cdr_decline_year": (0.0, 0.05),
          "health_labour_exponent": (0.2, 1.0), "pest_growth": (0.01, 0.05), "mort_scale": (5, 40),
          "fert_slope": (0.5, 5)}


# Provincial death rates where the record has them (S14), weighted lightly:
# the provinces differ through documented causes, not fitted factors.
def province_normal():
    """Each province's normal (1956-57) death rate, as the model starts from."""
    rows = {}
    with open(os.path.join(ROOT, "assets/data/provinces.csv")) as f:
        for r in csv.DictReader(line for line in f if not line.startswith("#")):
            rows[r["id"]] = float(r["cdr_base"])
    return rows


PROVINCE_NORMAL = province_normal()


def province_record():
    rows = {}
    with open(os.path.join(ROOT, "assets/data/history/provinces.csv")) as f:
        for r in csv.DictReader(f):
            if r["crude_death_rate"]:
                rows[(r["id"], int(r["year"]))] = float(r["crude_death_rate"])
    return rows


for (pid, y), v in sorted(province_record().items()):
    if pid in ("sichuan", "henan") and 1958 <= y <= 1962:
        TARGETS.append((f"CDR {pid} {y}", "S14", 0.3, lambda run, pid=pid, y=y: run["prov"][(pid, y)], v))


def read_params():
    with open(os.path.join(ROOT, "assets/data/params.csv")) as f:
        return list(csv.reader(f))


def data_dir_with(params, tmp):
    """A data folder like the repository's, with params.csv replaced."""
    os.makedirs(os.path.join(tmp, "assets", "data"), exist_ok=True)
    for name in ("scripts",):
        if not os.path.exists(os.path.join(tmp, name)):
            os.symlink(os.path.join(ROOT, name), os.path.join(tmp, name))
    for name in os.listdir(os.path.join(ROOT, "assets")):
        if name != "data" and not os.path.exists(os.path.join(tmp, "assets", name)):
            os.symlink(os.path.join(ROOT, "assets", name), os.path.join(tmp, "assets", name))
    for name in os.listdir(os.path.join(ROOT, "assets", "data")):
        dst = os.path.join(tmp, "assets", "data", name)
        if name != "params.csv" and not os.path.exists(dst):
            os.symlink(os.path.join(ROOT, "assets", "data", name), dst)
    with open(os.path.join(tmp, "assets", "data", "params.csv"), "w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(params)


def run(values, tmp):
    params = read_params()
    values_used = {row[0]: float(row[1]) for row in params[1:] if row and row[0] == "registration_miss"}
    for row in params[1:]:
        if row and row[0] in values:
            row[1] = "%.6g" % values[row[0]]
    data_dir_with(params, tmp)
    out = os.path.join(tmp, "out")
    subprocess.run([GAME, "--headless", "--data", tmp, "--out", out, "--quiet"], check=True)
    nat = {}
    with open(os.path.join(out, "national.csv")) as f:
        for r in csv.DictReader(f):
            row = {k: float(v) for k, v in r.items() if k != "year"}
            nat[int(r["year"])] = row
    base = (float(REC[1956]["crude_death_rate"]) + float(REC[1957]["crude_death_rate"])) / 2
    excess = sum(nat[y]["deaths"] - base / 1000 * nat[y]["deaths"] / nat[y]["crude_death_rate"] * 1000
                 for y in (1959, 1960, 1961)) / 1e6
    prov = {}
    with open(os.path.join(out, "provinces.csv")) as f:
        for r in csv.DictReader(f):
            prov[(r["province"], int(r["year"]))] = registered(float(r["crude_death_rate"]), PROVINCE_NORMAL[r["province"]],
                                                               values_used["registration_miss"])
    month = {}
    with open(os.path.join(out, "monthly.csv")) as f:
        for r in csv.DictReader(f):
            month[r["date"]] = {k: float(v) for k, v in r.items() if k != "date"}
    return {"nat": nat, "month": month, "prov": prov, "excess_m": excess, "miss": values_used["registration_miss"]}


def score(result):
    total = 0.0
    for name, src, w, sim, rec in TARGETS:
        total += w * (sim(result) / rec - 1.0) ** 2
    # The shape of the birth rate matters more than its level: the trough
    # is in 1961 (conceptions of the worst year), the rebound in 1962.
    cbr = {y: result["nat"][y]["crude_birth_rate"] for y in range(1958, 1963)}
    total += 5 * max(0.0, (cbr[1961] - cbr[1960]) / cbr[1960] + 0.03) ** 2
    return total


def current_values():
    values = {row[0]: float(row[1]) for row in read_params()[1:] if row and row[0] in FITTED}
    for k, (lo, hi) in BOUNDS.items():
        if k in values:
            values[k] = min(hi, max(lo, values[k]))
    return values


def report(result):
    print("%-22s %-6s %10s %10s %9s" % ("target", "source", "recorded", "simulated", "residual"))
    for name, src, w, sim, rec in TARGETS:
        v = sim(result)
        print("%-22s %-6s %10.2f %10.2f %+8.1f%%" % (name, src, rec, v, 100 * (v / rec - 1)))
    print("score %.4f" % score(result))


def fit(rounds):
    values = current_values()
    step = {k: 0.10 for k in values}
    with tempfile.TemporaryDirectory() as tmp:
        best = score(run(values, tmp))
        print("start score %.4f" % best, flush=True)
        for r in range(rounds):
            improved = False
            for k in FITTED:
                for direction in (1, -1):
                    trial = dict(values)
                    lo, hi = BOUNDS.get(k, (0, float("inf")))
                    trial[k] = min(hi, max(lo, values[k] * (1 + direction * step[k])))
                    if trial[k] == values[k]:
                        continue
                    try:
                        s = score(run(trial, tmp))
                    except subprocess.CalledProcessError:
                        continue  # a value the game refuses (out of range)
                    if s < best - 1e-6:
                        best, values, improved = s, trial, True
                        break
                else:
                    step[k] = max(step[k] / 2, 0.005)
            print("round %d score %.4f" % (r + 1, best), flush=True)
            if not improved and max(step.values()) <= 0.005:
                break
        report(run(values, tmp))
    for k in FITTED:
        print("%s,%.4g" % (k, values[k]))


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "score"
    if cmd == "fit":
        fit(int(sys.argv[2]) if len(sys.argv) > 2 else 20)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            report(run(current_values(), tmp))
