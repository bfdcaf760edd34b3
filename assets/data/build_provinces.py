#!/usr/bin/env python3
"""Derives assets/data/provinces.csv, the starting figures of every 1958
province, from the provincial record in assets/data/history/provinces/ (P01,
P04: Yang Jisheng's tables from the 《中国人口》 provincial volumes and the
Ministry of Grain's 1962 summary) and a few figures in
assets/data/research/findings.csv.

Every figure is either copied from a source (provenance "recorded") or
derived by one of the methods below (provenance "modelled"); the method and
the source ids are written next to it. Nothing here is fitted to outcomes,
and no figure is shared out of a national total: every province's figures
come from its own record, or (Tibet, urban shares) from a method that uses
provincial evidence.
Run from the repository root:  python3 assets/data/build_provinces.py
The output is committed; tests check that the engine loads it.
"""
import csv
import os
import statistics
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HIST = os.path.join(ROOT, "assets", "data", "history")
PROV = os.path.join(HIST, "provinces")
RESEARCH = os.path.join(ROOT, "assets", "data", "research", "findings.csv")
OUT = os.path.join(ROOT, "assets", "data", "provinces.csv")

JIN_KG = 0.5            # 1 jin = 0.5 kg
YI = 1e8                # 1 亿 = 100 million
# Tibet's neighbours: the provinces whose record stands in for Tibet's.
TIBET_NEIGHBOURS = ("xinjiang", "qinghai", "sichuan", "yunnan")


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def research(unit, variable, year=None, source=None):
    """The value of one research finding; exits if it is not there (a missing
    input must never turn silently into a guess)."""
    for r in read_csv(RESEARCH):
        if r["unit_id"] == unit and r["variable"] == variable and (year is None or r["year"] == str(year)) \
                and (source is None or r["source_id"] == source):
            return float(r["value"]), r["source_id"]
    sys.exit(f"build_provinces: no research finding {unit}/{variable}/{year}/{source}")


def need(table, key, what):
    if key not in table:
        sys.exit(f"build_provinces: no {what} for {key}")
    return table[key]


def main():
    # The 28 units of the 1958 map, with their names (history/provinces.csv).
    ids, names = [], {}
    for r in read_csv(os.path.join(HIST, "provinces.csv")):
        if r["id"] not in names:
            ids.append(r["id"])
            names[r["id"]] = (r["name_en"], r["name_zh"])

    # P01: year-end populations (10k) and the registered rates.
    popx = {}
    for r in read_csv(os.path.join(PROV, "population_yearend_1955_1966.csv")):
        if r["population_10k_yearend"]:
            popx[(r["province_id"], int(r["year"]))] = float(r["population_10k_yearend"]) * 1e4
    vital = {}
    for r in read_csv(os.path.join(PROV, "vital_rates_1955_1966.csv")):
        if r["source_id"] == "P01" and r["crude_death_rate"] and r["crude_birth_rate"]:
            vital[(r["province_id"], int(r["year"]))] = (float(r["crude_birth_rate"]), float(r["crude_death_rate"]))
    # P04: output (raw grain, calendar year), procurement and sales (trade
    # grain, grain year), in 亿斤.
    grain = {}
    for r in read_csv(os.path.join(PROV, "grain_1957_1962.csv")):
        if r["source_id"] == "P04" and r["variable"] in ("output", "procurement", "sales") and r["value"]:
            grain[(r["province_id"], r["variable"], r["period"])] = float(r["value"]) * YI * JIN_KG / 1000.0  # t

    # The map's Hebei held Tianjin from February 1958 (S30); P01 and P04
    # list them apart (1980s boundaries), so the two are added.
    def parts(pid):
        return ("hebei", "tianjin") if pid == "hebei" else (pid,)

    def pop_of(pid, year):
        return sum(need(popx, (q, year), "year-end population") for q in parts(pid))

    def grain_of(pid, variable, period):
        return sum(need(grain, (q, variable, period), f"P04 {variable} {period}") for q in parts(pid))

    def rates_of(pid, year):
        """Birth and death rates of a unit, weighted by the parts' populations."""
        w = [pop_of(q, year) for q in parts(pid)]
        b = sum(need(vital, (q, year), "P01 rates")[0] * x for q, x in zip(parts(pid), w)) / sum(w)
        d = sum(need(vital, (q, year), "P01 rates")[1] * x for q, x in zip(parts(pid), w)) / sum(w)
        return b, d

    rec = [p for p in ids if p != "xizang"]  # the 27 units with a record
    row = {p: {} for p in ids}

    # ---- Population, year-end 1957 (P01). ----
    for p in rec:
        row[p]["pop"] = pop_of(p, 1957)
        row[p]["pop_prov"], row[p]["pop_src"] = "recorded", "P01"
        row[p]["pop_method"] = "year-end 1957 as recorded" + (" (Hebei plus Tianjin)" if p == "hebei" else "")
    row["sichuan"]["pop_method"] += " (the series includes Chongqing)"
    row["ningxia"]["pop_method"] += " (the series lists Ningxia apart from Gansu in every year)"
    # Guangdong: P01's series leaves Hainan out, as its 1964 year-end figure
    # shows: it is below the 1964 census (S40, with Hainan), where every other
    # province with a census figure is 1-2 % above it. Modelled: P01's 1957
    # figure scaled by census / year-end for 1964, times the median ratio of
    # year-end to census of the other provinces.
    census = {r["id"]: r for r in read_csv(os.path.join(HIST, "provinces_census.csv"))}
    ratios = [pop_of(p, 1964) / float(census[p]["census_1964_persons"]) for p in rec
              if p not in ("guangdong", "guangxi") and census.get(p, {}).get("census_1964_persons")]
    m = statistics.median(ratios)
    scale = float(census["guangdong"]["census_1964_persons"]) * m / pop_of("guangdong", 1964)
    row["guangdong"]["pop"] = pop_of("guangdong", 1957) * scale
    row["guangdong"]["pop_prov"], row["guangdong"]["pop_src"] = "modelled", "P01+S40"
    row["guangdong"]["pop_method"] = (
        f"year-end 1957 (P01, without Hainan) x {scale:.4f}: the 1964 census with Hainan (S40) over P01's "
        f"1964 year-end figure, times the median year-end/census ratio of {len(ratios)} other provinces ({m:.4f})")
    # Tibet: no registered series. Geometric interpolation from the 1952
    # count (about 1.15 million, T12) to the 1964 census (S40) to 31 Dec 1957.
    t52, s52 = research("xizang", "population_verified_approx", 1952)
    t64 = float(census["xizang"]["census_1964_persons"])
    row["xizang"]["pop"] = t52 * 1e4 * (t64 / (t52 * 1e4)) ** (5.5 / 12.0)
    row["xizang"]["pop_prov"], row["xizang"]["pop_src"] = "modelled", f"{s52}+S40"
    row["xizang"]["pop_method"] = ("no register: geometric interpolation from the 1952 count to the 1964 census, "
                                   "to 31 Dec 1957")

    # ---- Birth and death rates: the mean of 1956 and 1957 (P01). ----
    for p in rec:
        b = (rates_of(p, 1956)[0] + rates_of(p, 1957)[0]) / 2
        d = (rates_of(p, 1956)[1] + rates_of(p, 1957)[1]) / 2
        row[p].update(cbr=b, cdr=d, vit_prov="recorded", vit_src="P01",
                      vit_method="mean of 1956 and 1957 as registered" +
                      (" (Hebei and Tianjin, weighted by population)" if p == "hebei" else ""))

    # ---- Grain: 1957 output, and the state's 1957/58 procurement and sales (P04). ----
    for p in rec:
        row[p]["grain"] = grain_of(p, "output", "1957")
        row[p]["procured"] = grain_of(p, "procurement", "1957-58")
        row[p]["sales"] = grain_of(p, "sales", "1957-58")
        row[p].update(gr_prov="recorded", gr_src="P04",
                      gr_method="1957 output, 1957/58 procurement and sales as recorded" +
                      (" (Hebei plus Tianjin)" if p == "hebei" else ""))

    # ---- Tibet: outside the state's grain system and the Leap until the 1960s. ----
    nb = TIBET_NEIGHBOURS
    row["xizang"]["cbr"] = statistics.mean(row[q]["cbr"] for q in nb)
    row["xizang"]["cdr"] = statistics.mean(row[q]["cdr"] for q in nb)
    row["xizang"].update(vit_prov="modelled", vit_src="P01",
                         vit_method="no register: mean of the 1956-57 rates of the four bordering provinces "
                                    "(Xinjiang, Qinghai, Sichuan, Yunnan)")
    per_head = statistics.mean(row[q]["grain"] / row[q]["pop"] for q in nb)
    row["xizang"]["grain"] = per_head * row["xizang"]["pop"]
    row["xizang"]["procured"] = row["xizang"]["sales"] = 0.0
    row["xizang"].update(gr_prov="modelled", gr_src="P04",
                         gr_method="no record: output per head of the four bordering provinces; no state "
                                   "procurement or sales (Tibet was outside the unified purchase and sale of grain)")

    # ---- Urban shares (modelled from the state's grain sales, P04). ----
    # State sales fed the towns (R16: 59 billion jin to 130 million town
    # people in 1959/60, U kg per head a year) and were resold to the
    # countryside. With one resale rate r per rural head, a province's town
    # population is (sales - r x population) / (U - r); r is set so that the
    # towns add up to the national urban population of 1957 (R11).
    U, u_src = research("china_mainland", "urban_grain_sales", "1959/60")
    served, _ = research("china_mainland", "urban_population_served", "1960 (grain year 1959/60)")
    U = U * YI * JIN_KG / (served * YI)                       # kg per town person a year
    nat_urban, r11 = research("china_mainland", "urban_population", 1957, "R11")
    nat_urban *= 1e6
    sh_nonag, r03 = research("shandong", "population_nonagricultural", 1957)
    sh_tot, _ = research("shandong", "population_yearend_total", 1957)
    nx_town, r06 = research("ningxia", "population_urban_shizhen", 1958)
    nx_rural, _ = research("ningxia", "population_rural", 1958)
    fixed = {"shandong": sh_nonag / sh_tot, "ningxia": nx_town / (nx_town + nx_rural)}
    free = [p for p in rec if p not in fixed]

    def towns(r):
        return {p: max(0.0, (row[p]["sales"] * 1000 - r * row[p]["pop"]) / (U - r)) for p in free}

    lo, hi = 0.0, U * 0.9
    target = nat_urban - sum(fixed[p] * row[p]["pop"] for p in fixed)
    for _ in range(80):
        r = (lo + hi) / 2
        if sum(towns(r).values()) > target:
            lo = r
        else:
            hi = r
    t = towns(r)
    for p in free:
        row[p]["urban"] = t[p] / row[p]["pop"]
        row[p].update(urb_prov="modelled", urb_src=f"P04+{u_src}+{r11}",
                      urb_method=f"(1957/58 state sales - {r:.1f} kg x population) / ({U:.1f} - {r:.1f}) kg: "
                                 f"sales feed the towns at {U:.0f} kg a head ({u_src}) and the countryside at "
                                 f"{r:.1f} kg a head, set so that the towns add up to {nat_urban / 1e6:.2f} M ({r11})")
    row["shandong"].update(urban=fixed["shandong"], urb_prov="recorded", urb_src=r03,
                           urb_method="non-agricultural / total population, 1957")
    row["ningxia"].update(urban=fixed["ningxia"], urb_prov="modelled", urb_src=r06,
                          urb_method="town share of 1958, used for 1957")
    row["xizang"]["urban"] = statistics.mean(row[q]["urban"] for q in nb)
    row["xizang"].update(urb_prov="modelled", urb_src="P04",
                         urb_method="no record: mean of the four bordering provinces")
    check = (row["shandong"]["sales"] * 1000 - r * row["shandong"]["pop"]) / (U - r) / row["shandong"]["pop"]

    # ---- Leadership (R19) and the Leap's reach. ----
    # Cui Min (R19) lists the provincial committees' "第一把手" who followed
    # Mao most closely. A name that is not the province's first secretary in
    # a published work (Hebei: R19 names Liu Zihou, Yang ch. 11 names Lin Tie,
    # S44) leaves the list's judgement of that province without its ground:
    # the province is not counted radical.
    secretary, secretary_src, overruled = {}, {}, {}
    for rr in read_csv(RESEARCH):
        if rr["variable"] == "first_secretary":
            secretary[rr["unit_id"]] = rr["value"].split(" ")[0]
            secretary_src[rr["unit_id"]] = rr["source_id"]
    radical = set()
    for rr in read_csv(RESEARCH):
        if rr["variable"] == "top_leader_named_as_closely_following_Mao" and rr["source_id"] == "R19":
            named = rr["value"].split(" ")[0]
            if rr["unit_id"] in secretary and secretary[rr["unit_id"]] != named:
                print(f"R19 names {named} for {rr['unit_id']}, whose first secretary was "
                      f"{secretary[rr['unit_id']]}: not counted radical", file=sys.stderr)
                overruled[rr["unit_id"]] = "R19+" + secretary_src[rr["unit_id"]]
                continue
            radical.add(rr["unit_id"])

    cols = ["id", "name_en", "name_zh", "pop_1957", "pop_provenance", "pop_source", "pop_method",
            "urban_share", "urban_provenance", "urban_source", "urban_method",
            "grain_1957_t", "procurement_1957_t", "sales_1957_t", "grain_provenance", "grain_source", "grain_method",
            "cbr_base", "cdr_base", "vital_provenance", "vital_source", "vital_method",
            "leadership", "leadership_source", "leap_reached", "leap_source"]
    with open(OUT, "w", newline="", encoding="utf-8") as f:
        f.write("# Starting figures of the 1958 provinces. Generated by assets/data/build_provinces.py from\n")
        f.write("# assets/data/history/provinces/ (P01, P04) and assets/data/research/ -- do not edit by hand.\n")
        f.write("# provenance: recorded = copied from the source; modelled = derived by the method given.\n")
        f.write("# grain_1957_t: raw grain, calendar 1957; procurement_1957_t, sales_1957_t: trade grain,\n")
        f.write("# grain year 1957/58 (P04). leap_reached: 0 where the communes and campaigns of 1958-62 never came.\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(cols)
        for p in ids:
            x = row[p]
            tibet = p == "xizang"
            w.writerow([p, names[p][0], names[p][1], round(x["pop"]), x["pop_prov"], x["pop_src"], x["pop_method"],
                        f"{x['urban']:.4f}", x["urb_prov"], x["urb_src"], x["urb_method"],
                        round(x["grain"]), round(x["procured"]), round(x["sales"]),
                        x["gr_prov"], x["gr_src"], x["gr_method"],
                        f"{x['cbr']:.3f}", f"{x['cdr']:.3f}", x["vit_prov"], x["vit_src"], x["vit_method"],
                        "radical" if p in radical else "ordinary", "R19" if p in radical else overruled.get(p, "R19 (not named)"),
                        0 if tibet else 1, "shakya1999" if tibet else "P04"])
    total = sum(row[p]["pop"] for p in ids)
    print(f"wrote {OUT}: {len(ids)} provinces, population {total / 1e6:.2f} M, "
          f"urban {sum(row[p]['urban'] * row[p]['pop'] for p in ids) / 1e6:.2f} M, "
          f"grain {sum(row[p]['grain'] for p in ids) / 1e6:.2f} Mt, procured {sum(row[p]['procured'] for p in ids) / 1e6:.2f} Mt, "
          f"sold {sum(row[p]['sales'] for p in ids) / 1e6:.2f} Mt; rural resale {r:.1f} kg a head; "
          f"Shandong's urban share by the sales method {check:.4f} against {fixed['shandong']:.4f} recorded (R03)")


if __name__ == "__main__":
    main()
