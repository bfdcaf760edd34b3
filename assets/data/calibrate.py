#!/usr/bin/env python3
"""Calibration and validation of the model against the record.

Runs the game headless over an ensemble of seeds (history's choices) with
trial values of the parameters marked `calibration` in
assets/data/params.csv, and compares the mean of the ensemble with the record:

* national: the registered death rates 1958-62 and birth rates (S01), excess
  deaths 1959-61 (S17), the town death rate of 1960 (S11), the Ministry of
  Grain's output 1958-61 and state procurement and sales by grain year (P04);
* provincial, on the TRAINING half of the 27 units with a register (every
  other unit in alphabetical order): the registered death rates 1958-62 (P01)
  and the harvests 1958-61 (P04).

The other half is never fitted: `score` reports the same statistics on it.
Provincial *reconstructions* of famine deaths are not used anywhere.

Usage:
  calibrate.py score [SEEDS]       statistics of the current parameters, both halves
  calibrate.py docs                rewrite the tables of docs/calibration.md (seeds 1-10)
  calibrate.py fit [ROUNDS]        fit on the training half (params.csv is not
                                   changed: copy the printed values in by hand,
                                   so each change is reviewed and committed)
Needs build/greatleap (cmake --build build).
"""
import csv
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GAME = os.environ.get("GREATLEAP", os.path.join(ROOT, "build", "greatleap"))
HIST = os.path.join(ROOT, "assets", "data", "history")
FIT_SEEDS = 5
JIN_T = 1e8 * 0.5 / 1000.0  # t per 亿斤


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


NAT = {int(r["year"]): r for r in rows(os.path.join(HIST, "national.csv"))}

# ---- The provincial record (P01 rates, P04 grain), on the map's units. ----
_pop, _cdr, _grain = {}, {}, {}
for r in rows(os.path.join(HIST, "provinces", "population_yearend_1955_1966.csv")):
    if r["population_10k_yearend"]:
        _pop[(r["province_id"], int(r["year"]))] = float(r["population_10k_yearend"])
for r in rows(os.path.join(HIST, "provinces", "vital_rates_1955_1966.csv")):
    if r["source_id"] == "P01" and r["crude_death_rate"]:
        _cdr[(r["province_id"], int(r["year"]))] = float(r["crude_death_rate"])
for r in rows(os.path.join(HIST, "provinces", "grain_1957_1962.csv")):
    if r["source_id"] == "P04" and r["value"] and r["variable"] in ("output", "procurement", "sales"):
        _grain[(r["province_id"], r["variable"], r["period"])] = float(r["value"]) * JIN_T / 1e6  # Mt


def parts(pid):
    return ("hebei", "tianjin") if pid == "hebei" else (pid,)


def rec_cdr(pid, y):
    """Registered death rate of a map unit (Hebei with Tianjin, by population)."""
    w = [(_pop[(q, y)] + _pop[(q, y - 1)]) / 2 for q in parts(pid)]
    return sum(_cdr[(q, y)] * x for q, x in zip(parts(pid), w)) / sum(w)


def rec_grain(pid, variable, period):
    return sum(_grain[(q, variable, period)] for q in parts(pid))


UNITS = sorted({p for (p, _y) in _cdr if p != "tianjin"})
TRAIN = UNITS[0::2]
VALIDATE = UNITS[1::2]
YEARS_CDR = range(1958, 1963)
YEARS_GRAIN = range(1958, 1962)
GRAIN_YEARS = {1958: "1958-59", 1959: "1959-60", 1960: "1960-61", 1961: "1961-62"}


def read_params():
    with open(os.path.join(ROOT, "assets/data/params.csv")) as f:
        return list(csv.reader(f))


FITTED = [r[0] for r in read_params() if len(r) > 3 and r[3] == "calibration"]
# Plausible ranges: the fit may not leave them (a share stays a share, a
# threshold stays below full health, and so on). docs/calibration.md names
# every parameter the fit leaves on a bound, and why.
BOUNDS = {"mort_threshold": (0.8, 1.0), "mort_scale": (5, 150), "fert_threshold": (0.7, 1.0),
          "fert_slope": (0.5, 6), "fert_floor": (0.05, 0.9), "catchup_rate": (0.0, 0.15),
          "collect_exponent": (0.2, 1.5), "cultivation_exponent": (0.2, 1.5), "peak_labour_use": (0.5, 0.95),
          "subsistence_kg_month": (8, 24), "extraction_per_month": (0.0, 0.6), "zeal_subsistence_cut": (0.0, 1.0),
          "quota_trust_base": (0.0, 1.0), "pest_max_loss": (0.0, 0.3), "pest_growth": (0.005, 0.2),
          "mess_overeat": (1.0, 1.6), "separation_fertility": (0.0, 1.5), "cdr_decline_year": (0.0, 0.08),
          "granary_release_share": (0.0, 1.0), "granary_overflow_release": (0.0, 1.0), "zeal_gain": (0.5, 3.0), "radicalism_radical": (0.4, 1.0),
          "radicalism_ordinary": (0.0, 0.8), "inflation_max": (0.2, 2.0), "nongrain_kcal": (200, 600),
          "backyard_t_per_worker_month": (0.002, 0.1),
          "relief_base": (0.0, 1.0), "health_labour_exponent": (0.2, 2.0), "quota_alarm": (0.0, 5.0), "weather_1958_mult": (1.0, 1.2), "drought_1960_weather_mult": (0.75, 1.0), "relief_trust_base": (0.0, 1.0), "frailty_depletion": (0.0, 40.0)}


def data_dir_with(params, tmp):
    """A data folder like the repository's, with params.csv replaced. The
    game reads a scenario's data files only from inside its folders (no
    symbolic link out of them), so the scripts and the data are copied, once
    per temporary folder; the rest of assets/ (map, fonts) is linked."""
    os.makedirs(os.path.join(tmp, "assets"), exist_ok=True)
    if not os.path.exists(os.path.join(tmp, "scripts")):
        shutil.copytree(os.path.join(ROOT, "scripts"), os.path.join(tmp, "scripts"))
    if not os.path.exists(os.path.join(tmp, "assets", "data")):
        shutil.copytree(os.path.join(ROOT, "assets", "data"), os.path.join(tmp, "assets", "data"))
    for name in os.listdir(os.path.join(ROOT, "assets")):
        if name != "data" and not os.path.exists(os.path.join(tmp, "assets", name)):
            os.symlink(os.path.join(ROOT, "assets", name), os.path.join(tmp, "assets", name))
    with open(os.path.join(tmp, "assets", "data", "params.csv"), "w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(params)


def run(values, tmp, seeds):
    """The ensemble's means (and spreads) of a run with these parameter values."""
    params = read_params()
    for row in params[1:]:
        if row and row[0] in values:
            row[1] = "%.6g" % values[row[0]]
    data_dir_with(params, tmp)
    out = os.path.join(tmp, "out")
    subprocess.run([GAME, "--headless", "--data", tmp, "--out", out, "--quiet", "--seeds", f"1-{seeds}"], check=True)
    ens = {}
    num = lambda x: float(x) if x else float("nan")  # empty: a grain year the run does not finish
    for r in rows(os.path.join(out, "ensemble.csv")):
        ens[(r["province"], int(r["year"]), r["figure"])] = (num(r["mean"]), num(r["p5"]), num(r["p95"]))
    return {"ens": ens}


def m(run_, unit, year, figure):
    return run_["ens"][(unit, year, figure)][0]


def grain_year(run_, figure, y):
    """The state's procurement or sales over the grain year from July of y,
    Mt, mean of the ensemble (national.csv's grain_year_* columns)."""
    return m(run_, "china", y, figure)


OTHER_USE_MT = 1.25  # state_other_use_t_year (params.csv), army and other state use
# The weights of three groups of targets (environment variables, to try
# others): the state's stocks change per grain year (a residual of 5 Mt
# counts as a log ratio of 1), the harvests (national and provincial) and the
# claims of 1958. The harvests and the claims are what the famine's main
# channel, procurement on inflated reports, runs on: left at the other
# targets' weight, the fit trades them for the stock balance and finds an
# optimum with claims of 275 Mt (docs/calibration.md, "The state's stocks").
STOCK_WEIGHT = float(os.environ.get("GL_STOCK_WEIGHT", "0.2"))
GRAIN_WEIGHT = float(os.environ.get("GL_GRAIN_WEIGHT", "3"))
RANK_WEIGHT = float(os.environ.get("GL_RANK_WEIGHT", "10"))  # the provinces' order by their famine
CLAIMS_WEIGHT = float(os.environ.get("GL_CLAIMS_WEIGHT", "3"))


def granary(run_, y):
    """The state's stocks at the end of June of y (Mt, mean of the ensemble)."""
    return m(run_, "china", y, "granary_june_mt")


def targets(units):
    """(name, source, weight, simulated(run), recorded)."""
    t = []
    for y in YEARS_CDR:
        t.append((f"death rate {y}", "S01", 3.0, lambda r, y=y: m(r, "china", y, "registered_death_rate"),
                  float(NAT[y]["crude_death_rate"])))
    for y in YEARS_CDR:
        t.append((f"birth rate {y}", "S01", 1.0, lambda r, y=y: m(r, "china", y, "crude_birth_rate"),
                  float(NAT[y]["crude_birth_rate"])))
    t.append(("excess deaths 1959-61 (M)", "S17", 1.0,
              lambda r: sum(m(r, "china", y, "excess_deaths") for y in (1959, 1960, 1961)) / 1e6, 30.0))
    t.append(("town death rate 1958", "S11", 2.0, lambda r: m(r, "china", 1958, "urban_death_rate"), 9.22))
    t.append(("town death rate 1960", "S11", 4.0, lambda r: m(r, "china", 1960, "urban_death_rate"), 13.77))
    for y in YEARS_GRAIN:
        t.append((f"grain {y} (Mt)", "P04", 5.0 * GRAIN_WEIGHT, lambda r, y=y: m(r, "china", y, "grain_actual_mt"),
                  rec_grain("china", "output", str(y))))
    for y, gy in GRAIN_YEARS.items():
        t.append((f"procurement {gy} (Mt)", "P04", 1.0, lambda r, y=y: grain_year(r, "grain_year_procured_mt", y),
                  rec_grain("china", "procurement", gy)))
        t.append((f"state sales {gy} (Mt)", "P04", 1.0,
                  lambda r, y=y: grain_year(r, "grain_year_sales_mt", y),
                  rec_grain("china", "sales", gy)))
    # The state's stocks: what procurement, sales and trade left in them over
    # each grain year (derived: P04's procurement less its sales, less the
    # net exports of the two calendar years by halves (S04), less the state's
    # other use). Procurement and sales each within a tenth can still leave
    # a buffer of 15 Mt a year that no one ate, so the balance is a target
    # of its own, in Mt.
    for y, gy in GRAIN_YEARS.items():
        net = (float(NAT[y]["net_grain_exports_mt"]) + float(NAT[y + 1]["net_grain_exports_mt"])) / 2
        rec = rec_grain("china", "procurement", gy) - rec_grain("china", "sales", gy) - net - OTHER_USE_MT
        t.append((f"stocks change {gy} (Mt)", "P04+S04", STOCK_WEIGHT,
                  lambda r, y=y: granary(r, y + 1) - granary(r, y), rec))
    t.append(("reported harvest 1958 (Mt)", "spence1999", CLAIMS_WEIGHT, lambda r: m(r, "china", 1958, "grain_reported_mt"), 375.0))
    # The target of 10.7 Mt set at Beidaihe (E08, R24); the usable share is a
    # stated assumption (params.csv), no published figure having been found.
    t.append(("steel reported 1958 (Mt)", "E08", 0.5,
              lambda r: m(r, "china", 1958, "steel_reported_mt"), 10.7))
    w_cdr = 12.0 / max(1, len(units))
    w_grain = 10.0 * GRAIN_WEIGHT / max(1, len(units))
    for p in units:
        for y in YEARS_CDR:
            t.append((f"{p} death rate {y}", "P01", w_cdr, lambda r, p=p, y=y: m(r, p, y, "registered_death_rate"),
                      rec_cdr(p, y)))
        for y in YEARS_GRAIN:
            t.append((f"{p} grain {y}", "P04", w_grain, lambda r, p=p, y=y: m(r, p, y, "grain_actual_mt"),
                      rec_grain(p, "output", str(y))))
    return t


TRAIN_TARGETS = targets(TRAIN)


def signed(name):
    """A target that can be negative (a change of stocks): compared in Mt."""
    return name.startswith("stocks change")


def miss(name, v, rec):
    """How far a simulated figure is from the record: a log ratio, or for a
    signed target the difference in units of 5 Mt."""
    return (v - rec) / 5.0 if signed(name) else math.log(max(v, 1e-6) / rec)


def residual(name, v, rec):
    """The residual as printed: per cent, or Mt for a signed target."""
    return "%+7.1f Mt" % (v - rec) if signed(name) else "%+8.1f%%" % (100 * (v / rec - 1))


def score(r, tlist=TRAIN_TARGETS):
    total = 0.0
    for name, src, w, sim, rec in tlist:
        total += w * miss(name, sim(r), rec) ** 2
    # The shape of the birth rate matters more than its level: the trough
    # is in 1961 (conceptions of the worst year), the rebound in 1962.
    cbr = {y: m(r, "china", y, "crude_birth_rate") for y in YEARS_CDR}
    total += 5 * max(0.0, (cbr[1961] - cbr[1960]) / cbr[1960] + 0.03) ** 2
    # The order of the training provinces by their famine (P01), not only
    # the levels: rank correlation of 1960 and of 1959-61.
    if tlist is TRAIN_TARGETS:
        st = provincial_stats(r, TRAIN)
        total += RANK_WEIGHT * ((1 - st["spearman_1960"]) ** 2 + (1 - st["spearman_1959_61"]) ** 2)
    return total


def spearman(a, b):
    def rank(v):
        order = sorted(range(len(v)), key=lambda i: v[i])
        rk = [0.0] * len(v)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
                j += 1
            for k in range(i, j + 1):
                rk[order[k]] = (i + j) / 2
            i = j + 1
        return rk
    ra, rb = rank(a), rank(b)
    ma, mb = statistics.mean(ra), statistics.mean(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    return cov / math.sqrt(sum((x - ma) ** 2 for x in ra) * sum((y - mb) ** 2 for y in rb))


def provincial_stats(r, units):
    """The validation statistics of issue 10 over a set of units."""
    sim60 = [m(r, p, 1960, "registered_death_rate") for p in units]
    rec60 = [rec_cdr(p, 1960) for p in units]
    sim3 = [sum(m(r, p, y, "registered_death_rate") for y in (1959, 1960, 1961)) for p in units]
    rec3 = [sum(rec_cdr(p, y) for y in (1959, 1960, 1961)) for p in units]
    cdr_err = [abs(m(r, p, y, "registered_death_rate") / rec_cdr(p, y) - 1) for p in units for y in YEARS_CDR]
    grain_err = [abs(m(r, p, y, "grain_actual_mt") / rec_grain(p, "output", str(y)) - 1) for p in units
                 for y in YEARS_GRAIN]
    return {"spearman_1960": spearman(sim60, rec60), "spearman_1959_61": spearman(sim3, rec3),
            "median_cdr_error": statistics.median(cdr_err), "median_grain_error": statistics.median(grain_err)}


def current_values():
    return {row[0]: float(row[1]) for row in read_params()[1:] if row and row[0] in FITTED}


def report(r, seeds):
    print(f"Ensemble of seeds 1-{seeds}: mean, and in brackets the 5th-95th percentile over seeds")
    print("%-28s %-6s %9s %9s %9s" % ("national target", "source", "recorded", "simulated", "residual"))
    for name, src, w, sim, rec in TRAIN_TARGETS:
        if name[0].isupper() or name.split()[0] in UNITS:
            continue
        v = sim(r)
        print("%-28s %-6s %9.2f %9.2f %s" % (name, src, rec, v, residual(name, v, rec)))
    print()
    print("%-12s %12s %12s %12s %12s" % ("half", "rho 1960", "rho 1959-61", "CDR error", "grain error"))
    for label, units in (("training", TRAIN), ("validation", VALIDATE), ("all 27", UNITS)):
        st = provincial_stats(r, units)
        print("%-12s %12.2f %12.2f %11.1f%% %11.1f%%" % (label, st["spearman_1960"], st["spearman_1959_61"],
                                                       100 * st["median_cdr_error"], 100 * st["median_grain_error"]))
    print()
    print("%-14s %s" % ("unit", "registered death rate 1958-62: simulated mean [p5-p95] / recorded"))
    for p in UNITS:
        cells = []
        for y in YEARS_CDR:
            mean, lo, hi = r["ens"][(p, y, "registered_death_rate")]
            cells.append("%5.1f [%4.1f-%4.1f] /%5.1f" % (mean, lo, hi, rec_cdr(p, y)))
        print("%-14s %s  %s" % (p + ("*" if p in TRAIN else ""), " ".join(cells), ""))
    print("(* training half)")
    print("score (training) %.4f" % score(r))


def on_bound(values):
    out = []
    for k, v in values.items():
        lo, hi = BOUNDS.get(k, (None, None))
        if lo is not None and (abs(v - lo) <= 1e-9 * max(1, abs(lo)) or abs(v - hi) <= 1e-9 * max(1, abs(hi))):
            out.append(k)
    return out


def fit(rounds):
    values = current_values()
    for k, (lo, hi) in BOUNDS.items():
        if k in values:
            values[k] = min(hi, max(lo, values[k]))
    step = {k: 0.10 for k in values}
    with tempfile.TemporaryDirectory() as tmp:
        best = score(run(values, tmp, FIT_SEEDS))
        print("start score %.4f" % best, flush=True)
        for rnd in range(rounds):
            improved = False
            for k in FITTED:
                lo, hi = BOUNDS.get(k, (0, float("inf")))
                for direction in (1, -1):
                    trial = dict(values)
                    base = values[k] if values[k] != 0 else (hi - lo) * 0.05
                    trial[k] = min(hi, max(lo, values[k] + direction * step[k] * abs(base)))
                    if trial[k] == values[k]:
                        continue
                    try:
                        s = score(run(trial, tmp, FIT_SEEDS))
                    except subprocess.CalledProcessError:
                        continue  # a value the game refuses (out of range)
                    if s < best - 1e-6:
                        best, values, improved = s, trial, True
                        step[k] = min(step[k] * 1.5, 0.3)
                        break
                else:
                    step[k] = max(step[k] / 2, 0.005)
            print("round %d score %.4f" % (rnd + 1, best), flush=True)
            if not improved and max(step.values()) <= 0.005:
                break
    for k in FITTED:
        print("%s,%.4g" % (k, values[k]))
    print("on a bound:", ", ".join(on_bound(values)) or "none")


def markdown(r, seeds):
    """The tables of docs/calibration.md, between its two markers."""
    out = [f"Ensemble of seeds 1-{seeds}: the mean, and the 5th to 95th percentile over the seeds.", ""]
    out += ["| target | source | weight | recorded | simulated | 5-95% | residual |", "|---|---|---|---|---|---|---|"]
    spread = {"death rate": "registered_death_rate", "birth rate": "crude_birth_rate", "grain": "grain_actual_mt"}
    for name, src, w, sim, rec in TRAIN_TARGETS:
        if name.split()[0] in UNITS:
            continue
        v = sim(r)
        band = ""
        for key, fig in spread.items():
            if name.startswith(key) and name.split()[-1 if key != "grain" else 1].isdigit():
                y = int(name.split()[-1] if key != "grain" else name.split()[1])
                _, lo, hi = r["ens"][("china", y, fig)]
                band = "%.1f-%.1f" % (lo, hi)
        out.append("| %s | %s | %g | %.2f | %.2f | %s | %s |" % (name, src, w, rec, v, band, residual(name, v, rec).strip()))
    out += ["", "| provinces | Spearman, 1960 | Spearman, 1959-61 | median error, death rates 1958-62 | median error, harvests 1958-61 |",
            "|---|---|---|---|---|"]
    for label, units in (("training half (fitted)", TRAIN), ("validation half (never fitted)", VALIDATE),
                         ("all 27", UNITS)):
        st = provincial_stats(r, units)
        out.append("| %s | %.2f | %.2f | %.1f%% | %.1f%% |" % (label, st["spearman_1960"], st["spearman_1959_61"],
                                                          100 * st["median_cdr_error"], 100 * st["median_grain_error"]))
    out += ["", "Registered death rates, simulated mean [5th-95th percentile] / recorded (P01); * the training half:", "",
            "| province | 1958 | 1959 | 1960 | 1961 | 1962 |", "|---|---|---|---|---|---|"]
    for p in UNITS:
        cells = []
        for y in YEARS_CDR:
            mean, lo, hi = r["ens"][(p, y, "registered_death_rate")]
            cells.append("%.1f [%.1f-%.1f] / %.1f" % (mean, lo, hi, rec_cdr(p, y)))
        out.append("| %s%s | %s |" % (p, "*" if p in TRAIN else "", " | ".join(cells)))
    values = current_values()
    out += ["", "| parameter | value | range the fit may use | on a bound |", "|---|---|---|---|"]
    for k in FITTED:
        lo, hi = BOUNDS.get(k, (None, None))
        rng = "%g-%g" % (lo, hi) if lo is not None else "unbounded"
        out.append("| `%s` | %.4g | %s | %s |" % (k, values[k], rng, "yes" if k in on_bound(values) else ""))
    path = os.path.join(ROOT, "docs", "calibration.md")
    with open(path) as f:
        text = f.read()
    a, b = "<!-- calibrate.py docs: begin -->", "<!-- calibrate.py docs: end -->"
    text = text[:text.index(a) + len(a)] + "\n" + "\n".join(out) + "\n" + text[text.index(b):]
    with open(path, "w") as f:
        f.write(text)
    print(f"{path}: tables rewritten")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "score"
    if not os.path.exists(GAME):
        sys.exit(f"calibrate: {GAME} not found; build first (cmake --build build)")
    if cmd == "fit":
        fit(int(sys.argv[2]) if len(sys.argv) > 2 else 20)
    elif cmd == "docs":
        with tempfile.TemporaryDirectory() as tmp:
            markdown(run(current_values(), tmp, 10), 10)
    else:
        seeds = int(sys.argv[2]) if len(sys.argv) > 2 else 10
        with tempfile.TemporaryDirectory() as tmp:
            report(run(current_values(), tmp, seeds), seeds)
