#!/usr/bin/env python3
"""Derives assets/data/provinces.csv, the starting figures of every 1958
province, from the recorded data in assets/data/history/ and
assets/data/research/findings.csv.

Every figure is either copied from a source (provenance "recorded") or
derived by one of the methods below (provenance "modelled"); the method and
the source ids are written next to it. Nothing here is fitted to outcomes.
Run from the repository root:  python3 assets/data/build_provinces.py
The output is committed; tests check that the engine loads it.
"""
import csv
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HIST = os.path.join(ROOT, "assets", "data", "history")
RESEARCH = os.path.join(ROOT, "assets", "data", "research", "findings.csv")
OUT = os.path.join(ROOT, "assets", "data", "provinces.csv")

# Census dates: 30 June 1953 and 30 June 1964; the start is 31 Dec 1957.
YEARS_53_TO_57 = 4.5
YEARS_53_TO_64 = 11.0


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def national():
    rows = {int(r["year"]): r for r in read_csv(os.path.join(HIST, "national.csv"))}
    return rows


def research(unit, variable, year=None, source=None):
    """The value of one research finding; exits if it is not there (a missing
    input must never turn silently into a guess)."""
    for r in read_csv(RESEARCH):
        if r["unit_id"] == unit and r["variable"] == variable and (year is None or r["year"] == str(year)) \
                and (source is None or r["source_id"] == source):
            return float(r["value"]), r["source_id"]
    sys.exit(f"build_provinces: no research finding {unit}/{variable}/{year}/{source}")


def main():
    nat = national()
    nat_1957 = float(nat[1957]["population_millions_yearend"]) * 1e6            # S01
    census = {r["id"]: r for r in read_csv(os.path.join(HIST, "provinces_census.csv"))}
    nat_1964_census = float(census["china_mainland"]["census_1964_persons"])  # S40;S41
    hist = read_csv(os.path.join(HIST, "provinces.csv"))
    ids, names = [], {}
    for r in hist:
        if r["id"] not in names:
            ids.append(r["id"])
            names[r["id"]] = (r["name_en"], r["name_zh"])
    by_year = {(r["id"], int(r["year"])): r for r in hist}

    pop, pop_src, pop_prov, pop_method = {}, {}, {}, {}

    def set_pop(pid, value, prov, src, method):
        pop[pid], pop_prov[pid], pop_src[pid], pop_method[pid] = value, prov, src, method

    # 1. Recorded year-end 1957 populations.
    for pid in ("henan", "sichuan"):
        r = by_year[(pid, 1957)]
        set_pop(pid, float(r["population_10k_yearend"]) * 1e4, "recorded", r["population_source"],
                "year-end 1957 as recorded")
    v, s = research("fujian", "population_yearend", 1957)
    set_pop("fujian", v * 1e4, "recorded", s, "year-end 1957 as recorded")
    v, s = research("shandong", "population_yearend_total", 1957)
    set_pop("shandong", v * 1e4, "recorded", s, "year-end 1957 as recorded")

    # 2. Geometric interpolation between the 1953 and 1964 censuses.
    def interpolate(pid, p53, s53, p64, s64):
        value = p53 * (p64 / p53) ** (YEARS_53_TO_57 / YEARS_53_TO_64)
        set_pop(pid, value, "modelled", f"{s53}+{s64}",
                "geometric interpolation between the 1953 and 1964 censuses to 31 Dec 1957")

    for pid, r in census.items():
        if pid in pop or pid == "china_mainland":
            continue
        if r["census_1953_persons"] and r["census_1964_persons"]:
            interpolate(pid, float(r["census_1953_persons"]), r["census_1953_source"].split()[0],
                        float(r["census_1964_persons"]), r["census_1964_source"].split()[0])
    for pid, a, b in (("heilongjiang", "census_1953_persons", "census_1964_persons"),
                      ("jilin", "census_1953_persons", "census_1964_persons")):
        p53, s53 = research(pid, a, 1953)
        p64, s64 = research(pid, b, 1964)
        interpolate(pid, p53, s53, p64, s64)
    g53h, s = research("guizhou", "census_1953_total", 1953)
    g64h, s2 = research("guizhou", "census_1964_total", 1964)
    interpolate("guizhou", g53h * 1e4, s, g64h * 1e4, s2)
    # Gansu without Ningxia: Han plus minorities in each census (R09).
    h53, s = research("gansu", "census_1953_han", 1953)
    m53, _ = research("gansu", "census_1953_minorities", 1953)
    h64, _ = research("gansu", "census_1964_han", 1964)
    m64, _ = research("gansu", "census_1964_minorities", 1964)
    interpolate("gansu", (h53 + m53) * 1e4, s, (h64 + m64) * 1e4, s)
    pop_method["gansu"] += " (each census: Han plus minorities)"

    # 3. Back-projection of a later figure with the national growth ratio.
    def back_project(pid, value, nat_then, src, what):
        set_pop(pid, value * nat_1957 / nat_then, "modelled", f"{src}+S01",
                f"{what} scaled back to 1957 with the national population ratio")

    for pid in ("guangxi", "xizang"):
        back_project(pid, float(census[pid]["census_1964_persons"]), nat_1964_census,
                     census[pid]["census_1964_source"].split()[0] + "+S40", "1964 census")
    v, s = research("shanghai", "population_after_expansion", 1959)
    back_project("shanghai", v * 1e4, float(nat[1959]["population_millions_yearend"]) * 1e6, s,
                 "1959 population within the expanded 1958 boundary")
    v, s = research("beijing", "population_registered_then_boundary", 1959)
    back_project("beijing", v * 1e4, float(nat[1959]["population_millions_yearend"]) * 1e6, s,
                 "1959 registered population within the 1959 boundary")
    town, s = research("ningxia", "population_urban_shizhen", 1958)
    rural, _ = research("ningxia", "population_rural", 1958)
    back_project("ningxia", town + rural, float(nat[1958]["population_millions_yearend"]) * 1e6, s,
                 "1958 population (towns plus countryside)")

    # 4. No figure at all: equal shares of the national remainder.
    missing = [pid for pid in ids if pid not in pop]
    remainder = nat_1957 - sum(pop.values())
    for pid in missing:
        set_pop(pid, remainder / len(missing), "modelled", "S01",
                f"no provincial figure found: the national 1957 total minus all other provinces, "
                f"split equally among {len(missing)} provinces ({', '.join(missing)})")

    # Urban shares.
    urban_total, s_urb = research("china_mainland", "urban_population", 1957, "R11")
    urban_total *= 1e6
    urb, urb_src, urb_prov, urb_method = {}, {}, {}, {}
    nonag, s = research("shandong", "population_nonagricultural", 1957)
    tot, _ = research("shandong", "population_yearend_total", 1957)
    urb["shandong"], urb_src["shandong"], urb_prov["shandong"] = nonag / tot, s, "recorded"
    urb_method["shandong"] = "non-agricultural / total population, 1957"
    town, s = research("ningxia", "population_urban_shizhen", 1958)
    urb["ningxia"], urb_src["ningxia"], urb_prov["ningxia"] = town / (town + rural), s, "modelled"
    urb_method["ningxia"] = "town share of 1958 used for 1957"
    su, s1 = research("shanghai", "urban_population", 1958)
    st, s2 = research("shanghai", "population_after_expansion", 1959)
    urb["shanghai"], urb_src["shanghai"], urb_prov["shanghai"] = su / st, f"{s1}+{s2}", "modelled"
    urb_method["shanghai"] = "1958 urban population / 1959 population of the expanded city"
    known_urban = sum(urb[p] * pop[p] for p in urb)
    rest = [p for p in ids if p not in urb]
    share = (urban_total - known_urban) / sum(pop[p] for p in rest)
    for p in rest:
        urb[p], urb_src[p], urb_prov[p] = share, s_urb, "modelled"
        urb_method[p] = "national 1957 urban population minus the provinces above, same share everywhere else"

    # Grain output 1957.
    nat_grain_t = float(nat[1957]["grain_output_mt_official_early"]) * 1e6
    grain, gr_src, gr_prov, gr_method = {}, {}, {}, {}
    v, s = research("fujian", "grain_output", 1957, "R02")
    grain["fujian"], gr_src["fujian"], gr_prov["fujian"] = v * 1e4, s, "recorded"
    gr_method["fujian"] = "1957 output as recorded"
    rural_pop = {p: pop[p] * (1 - urb[p]) for p in ids}
    rest = [p for p in ids if p not in grain]
    left = nat_grain_t - sum(grain.values())
    per_rural = left / sum(rural_pop[p] for p in rest)
    for p in rest:
        grain[p], gr_src[p], gr_prov[p] = per_rural * rural_pop[p], "S03+S05", "modelled"
        gr_method[p] = "national 1957 output minus the provinces above, shared by rural population"

    # Birth and death rates, 1956-57.
    vital = {}
    for pid in ("henan", "sichuan"):
        a, b = by_year[(pid, 1956)], by_year[(pid, 1957)]
        vital[pid] = ((float(a["crude_birth_rate"]) + float(b["crude_birth_rate"])) / 2,
                      (float(a["crude_death_rate"]) + float(b["crude_death_rate"])) / 2,
                      "recorded", b["vital_source"], "mean of 1956 and 1957 as recorded")
    cbr, s = research("fujian", "crude_birth_rate", 1957)
    cdr, _ = research("fujian", "crude_death_rate", 1957)
    vital["fujian"] = (cbr, cdr, "recorded", s, "1957 as recorded")
    nat_cbr = (float(nat[1956]["crude_birth_rate"]) + float(nat[1957]["crude_birth_rate"])) / 2
    nat_cdr = (float(nat[1956]["crude_death_rate"]) + float(nat[1957]["crude_death_rate"])) / 2
    for p in ids:
        vital.setdefault(p, (nat_cbr, nat_cdr, "modelled", "S01", "national mean of 1956 and 1957"))

    # Leadership: the first secretaries named as closely following Mao (R19).
    radical = set()
    for r in read_csv(RESEARCH):
        if r["variable"] == "top_leader_named_as_closely_following_Mao" and r["source_id"] == "R19":
            radical.add(r["unit_id"])

    cols = ["id", "name_en", "name_zh", "pop_1957", "pop_provenance", "pop_source", "pop_method",
            "urban_share", "urban_provenance", "urban_source", "urban_method",
            "grain_1957_t", "grain_provenance", "grain_source", "grain_method",
            "cbr_base", "cdr_base", "vital_provenance", "vital_source", "vital_method",
            "leadership", "leadership_source"]
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        f.write("# Starting figures of the 1958 provinces. Generated by assets/data/build_provinces.py from\n")
        f.write("# assets/data/history/ and assets/data/research/ -- do not edit by hand.\n")
        f.write("# provenance: recorded = copied from the source; modelled = derived by the method given.\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(cols)
        for p in ids:
            cb, cd, vp, vs, vm = vital[p]
            w.writerow([p, names[p][0], names[p][1], round(pop[p]), pop_prov[p], pop_src[p], pop_method[p],
                        f"{urb[p]:.4f}", urb_prov[p], urb_src[p], urb_method[p],
                        round(grain[p]), gr_prov[p], gr_src[p], gr_method[p],
                        f"{cb:.3f}", f"{cd:.3f}", vp, vs, vm,
                        "radical" if p in radical else "ordinary", "R19" if p in radical else "R19 (not named)"])
    total = sum(pop.values())
    print(f"wrote {OUT}: {len(ids)} provinces, population {total / 1e6:.2f} M (S01: {nat_1957 / 1e6:.2f} M), "
          f"urban {sum(urb[p] * pop[p] for p in ids) / 1e6:.2f} M, grain {sum(grain.values()) / 1e6:.2f} Mt")


if __name__ == "__main__":
    main()
