#!/usr/bin/env python3
"""Writes tests/golden/sme-size-2011.json: boundary pairs for every threshold of every industry.

The limits are read from sme-size-2011-limits.json beside this script, transcribed by hand from
the standard's text (工信部联企业〔2011〕300号 第四条), not from policies/, so the golden file checks
the policy data against the standard. Each case says in its note the arithmetic that decides it.
Run it again after editing the table:
    python3 tests/golden/tools/make_size_cases.py
"""
import json
import pathlib

# industry: {indicator: (large, medium, small)}; X people, Y revenue 万元, Z assets 万元. The table
# is data in the repository, transcribed from the standard's text: sme-size-2011-limits.json.
LIMITS = {k: {i: tuple(v) for i, v in d.items()}
          for k, d in json.loads((pathlib.Path(__file__).parent / "sme-size-2011-limits.json").read_text(encoding="utf-8"))["limits"].items()}
FIELD = {"X": "employees", "Y": "revenue", "Z": "total_assets"}
WORD = {"X": "staff", "Y": "revenue", "Z": "assets"}
CLASSES = ["large", "medium", "small"]
BELOW = {"large": "medium", "medium": "small", "small": "micro"}


def fen(wan):  # 万元 -> yuan string, exact
    return f"{wan * 10000}.00"


def a(word):
    return ("An " if word[0] in "aeiou" else "A ") + word


def show(k, v, below=False):
    if k == "X":
        return f"{v - 1 if below else v} {WORD[k]}"
    return f"{'%d万 − 0.01元' % v if below else '%d万' % v} {WORD[k]}"


def profile(industry, values):
    p = {"industry": industry}
    for k, (v, below) in values.items():
        if k == "X":
            p["employees"] = v - 1 if below else v
        else:
            yuan = v * 10000 * 100 - (1 if below else 0)  # in fen
            text = f"{yuan // 100}.{yuan % 100:02d}"
            if k == "Y":
                p["revenue"] = {"last": text}
            else:
                p["total_assets"] = text
    return p


cases = []
for industry, lim in LIMITS.items():
    for ci, cls in enumerate(CLASSES):
        rid = f"sme2011.{industry}.{cls}"
        at = {k: (v[ci], False) for k, v in lim.items()}
        arith = " and ".join(f"{show(k, v[ci])} ≥ {show(k, v[ci])}" for k, v in lim.items())
        cases.append({
            "name": f"{a(industry)} firm exactly at every {cls} limit is {cls}",
            "note": f"{arith}: 以上/及以上 include the number, so the {cls} rule holds"
                    + ("" if cls == "large" else "; the larger classes' limits are not all reached"),
            "profile": profile(industry, at),
            "expect": {"/size/class": cls, "/size/missing": []},
            "met": [rid],
            "not_met": [f"sme2011.{industry}.{c}" for c in CLASSES[:ci]],
        })
        for k, v in lim.items():
            values = dict(at)
            values[k] = (v[ci], True)
            below = BELOW[cls]
            cases.append({
                "name": f"{a(industry)} firm just under the {cls} {WORD[k]} limit is {below}",
                "note": f"{show(k, v[ci], True)} < {show(k, v[ci])}, the other limits met exactly: "
                        f"the {cls} rule fails on {WORD[k]} alone, so the firm falls to {below}",
                "profile": profile(industry, values),
                "expect": {"/size/class": below, "/size/missing": []},
                "not_met": [rid],
            })

# Unknowns: decided when the known figures already decide, undetermined (naming the field) otherwise.
cases += [
    {
        "name": "An industrial firm under the 300万 micro revenue line is micro even with headcount unknown",
        "note": "revenue 299.99万 < 300万 fails the small rule whatever the headcount, so every larger class fails too",
        "profile": {"industry": "industry", "revenue": {"last": "2999999.99"}},
        "expect": {"/size/class": "micro", "/size/missing": [], "/size/is_sme": True},
        "not_met": ["sme2011.industry.large", "sme2011.industry.medium", "sme2011.industry.small"],
    },
    {
        "name": "An industrial firm with 5000万 revenue and unknown headcount is undetermined, naming employees",
        "note": "5000万 ≥ 2000万 but < 40000万: the medium and small rules both hinge on the headcount",
        "profile": {"industry": "industry", "revenue": {"last": "50000000.00"}},
        "expect": {"/size/class": "undetermined", "/size/missing": ["employees"],
                   "/size/possible": ["medium", "small", "micro"], "/size/is_sme": True},
        "not_met": ["sme2011.industry.large"],
        "undetermined": ["sme2011.industry.medium", "sme2011.industry.small"],
    },
    {
        "name": "An industrial firm with 40000万 revenue and unknown headcount might be large",
        "note": "40000万 ≥ 40000万 meets the large revenue limit; 1000 staff or more would make it large",
        "profile": {"industry": "industry", "revenue": {"last": "400000000.00"}},
        "expect": {"/size/class": "undetermined", "/size/missing": ["employees"], "/size/is_sme": None},
        "undetermined": ["sme2011.industry.large"],
    },
    {
        "name": "An industrial firm with 1000 staff and 40000万 revenue is large and not an SME",
        "note": "1000 ≥ 1000 and 40000万 ≥ 40000万: both upper limits reached",
        "profile": {"industry": "industry", "employees": 1000, "revenue": {"last": "400000000.00"}},
        "expect": {"/size/class": "large", "/size/is_sme": False},
        "met": ["sme2011.industry.large"],
    },
    # Industry unknown: a class is possible if some industry allows it. Below every industry's large
    # limits the firm is surely an SME; the class is decided only when every industry agrees.
    {
        "name": "A firm with no industry given is an SME of undetermined class, naming industry and assets",
        "note": "10 staff and 100万 revenue: no industry's large rule holds (the lowest large limits are "
                "200 staff with 30000万 revenue, 300 staff alone (other), 20000万 revenue alone (agriculture)), "
                "so is_sme is true; no medium rule holds either (the lowest medium limits: 20 staff, 500万 revenue); "
                "small or micro depends on the industry (other: 10 ≥ 10 is small; industry: 10 < 20 is micro), "
                "and for real estate on the unknown assets (small: 100万 ≥ 100万 revenue and assets ≥ 2000万)",
        "profile": {"employees": 10, "revenue": {"last": "1000000.00"}},
        "expect": {"/size/class": "undetermined", "/size/missing": ["industry", "total_assets"], "/size/is_sme": True,
                   "/size/possible": ["small", "micro"], "/notices": []},
    },
    {
        "name": "With no industry given, figures just under every industry's large limits make a sure SME",
        "note": "299 < 300 staff (other, retail, software …: large from 300), 19999.99万 < 20000万 revenue "
                "(agriculture: large from 20000万; wholesale and warehousing need 200 staff and 40000万 / 30000万), "
                "9999.99万 assets: no industry's large rule holds, so is_sme is true whatever the industry; "
                "the class still depends on it: medium (other: 299 ≥ 100) or small (industry: 299 < 300 but ≥ 20), "
                "never micro (agriculture: 19999.99万 ≥ 500万 is medium already)",
        "profile": {"employees": 299, "revenue": {"last": "199999999.99"}, "total_assets": "99999999.99"},
        "expect": {"/size/class": "undetermined", "/size/is_sme": True, "/size/missing": ["industry"],
                   "/size/possible": ["medium", "small"], "/notices": []},
    },
    {
        "name": "With no industry given, 300 staff might be large (other industries)",
        "note": "300 ≥ 300 meets the large staff limit of the industries whose only large indicator is staff "
                "(other: 300人及以上), so large is possible and is_sme is null; elsewhere the firm is medium",
        "profile": {"employees": 300, "revenue": {"last": "199999999.99"}, "total_assets": "99999999.99"},
        "expect": {"/size/class": "undetermined", "/size/is_sme": None, "/size/missing": ["industry"],
                   "/size/possible": ["large", "medium"]},
    },
    {
        "name": "With no industry given, 20000万 revenue might be large (agriculture)",
        "note": "20000万 ≥ 20000万 meets agriculture's large revenue limit (its only indicator), so large is possible",
        "profile": {"employees": 299, "revenue": {"last": "200000000.00"}, "total_assets": "99999999.99"},
        "expect": {"/size/class": "undetermined", "/size/is_sme": None, "/size/missing": ["industry"]},
    },
    {
        "name": "With no industry given, no staff, revenue or assets is micro in every industry",
        "note": "0 staff, 0 revenue, 0 assets fail every industry's small rule (the lowest small limits: 5 staff "
                "wholesale, 50万 revenue agriculture), so every industry gives micro and the class is decided",
        "profile": {"employees": 0, "revenue": {"last": "0.00"}, "total_assets": "0.00"},
        "expect": {"/size/class": "micro", "/size/is_sme": True, "/size/missing": [], "/size/possible": ["micro"]},
    },
    {
        "name": "With no industry and no figures, every class is possible and every figure is named",
        "note": "nothing known: each industry leaves all four classes open",
        "profile": {},
        "expect": {"/size/class": "undetermined", "/size/is_sme": None,
                   "/size/missing": ["employees", "industry", "revenue.last", "total_assets"]},
    },
    {
        "name": "A software firm with 9 staff is micro even with revenue unknown",
        "note": "9 < 10 fails the small staff limit whatever the revenue",
        "profile": {"industry": "software_it", "employees": 9},
        "expect": {"/size/class": "micro", "/size/missing": []},
    },
    {
        "name": "A construction firm with unknown assets but revenue under 300万 is micro",
        "note": "revenue 299.99万 < 300万 fails the small rule (both indicators are required)",
        "profile": {"industry": "construction", "revenue": {"last": "2999999.99"}},
        "expect": {"/size/class": "micro"},
    },
]

out = {
    "policy": "sme-size-2011",
    "description": "划型 (工信部联企业〔2011〕300号): a boundary pair for every limit of all 16 industries, and unknowns.",
    "as_of": "2026-11-21",
    "cases": cases,
}
path = pathlib.Path(__file__).resolve().parent.parent / "sme-size-2011.json"
path.write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(f"{len(cases)} cases -> {path}")
