#!/usr/bin/env python3
"""Mutation test of the policy data: how many small changes to policies/ the golden cases notice.

Each mutant is a copy of policies/ with one change:
  threshold+ / threshold-  a comparison's `value` moved by its smallest unit (1 fen for money,
                           0.01 percentage point for a ratio, 1 for a count, score or year);
  op                       `>=` <-> `>` and `<=` <-> `<` (a band edge that is a contested reading
                           changes its own `edge_reading` mutant, not this one);
  amount                   an award amount's `yuan` or `cap` plus one yuan;
  flag                     a trigger's boolean `where` value, a trigger flag, or a fact's boolean
                           `equals` flipped.
The golden cases (build/dev/srdi_tests "[golden]") run against the copy through SRDI_POLICY_DIR; a
mutant is killed when a case fails, stillborn when the copy does not load (a loader check caught
it), and survives otherwise. Survivors are printed with their place, for a reason to be given
(an equivalent mutant) or a case to be added.

    python3 scripts/mutate_policies.py [--jobs 2] [--only SUBSTRING] [--report build/mutation.json]

Needs the dev build (cmake --preset dev && cmake --build --preset dev). Not part of the tests: it
takes minutes (each mutant runs every golden case).
"""
import argparse
import concurrent.futures
import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLICIES = ROOT / "policies"
TESTS = Path(os.environ.get("SRDI_TESTS", ROOT / "build" / "dev" / "srdi_tests"))
GOLDEN = ROOT / "tests" / "golden"


def golden_files_for(rel):
    """The golden files that judge a policy file: its own (by `policy`), and for the national
    criteria every file of a tier policy (a tier node or a shared definition reaches across)."""
    data = json.loads((POLICIES / rel).read_text(encoding="utf-8"))
    names = []
    for g in sorted(GOLDEN.glob("*.json")):
        policy = json.loads(g.read_text(encoding="utf-8")).get("policy", "")
        if policy == data["id"] or (data["kind"] in ("tiers", "size_standard") and policy.startswith(("miit", "sme"))):
            names.append(g.name)
    return ",".join(names)

CLI = ROOT / "build" / "dev" / "srdi"
UNITS = {}  # metric -> yuan / count / ratio / score, from the engine's own catalogue (`srdi metrics`)


def step_of(node, value):
    """The smallest unit of a comparison's threshold, and the threshold as a Decimal."""
    text = str(value)
    if text.endswith("%"):
        return Decimal("0.01"), Decimal(text[:-1]), "%"
    number = Decimal(text)
    unit = UNITS.get(str(node.get("metric", "")), "count")
    if unit == "yuan":
        return Decimal("0.01"), number, ""
    if unit == "ratio":  # a decimal ratio such as "0.03" or a percent field's "10"
        return (Decimal("0.0001") if number < 1 else Decimal("0.01")), number, ""
    return Decimal(1), number, ""


def show(number, suffix, original):
    if suffix == "%":
        return f"{number.normalize():f}%"
    if isinstance(original, int) and number == number.to_integral_value():
        return int(number)
    return f"{number:f}"


def walk(node, path, out):
    """Every mutation point below `node`: (path, kind, description, apply(node_copy))."""
    if isinstance(node, dict):
        if "metric" in node and "value" in node and "op" in node:
            unit, number, suffix = step_of(node, node["value"])
            for sign, kind in ((1, "threshold+"), (-1, "threshold-")):
                mutated = show(number + sign * unit, suffix, node["value"])
                out.append((path, kind, f"{node['value']} -> {mutated}", ("value", mutated)))
            flipped = {">=": ">", ">": ">=", "<=": "<", "<": "<="}.get(node["op"])
            if flipped and "edge_reading" not in node:
                out.append((path, "op", f"{node['op']} -> {flipped}", ("op", flipped)))
        if "score" in node and "value" in node and "op" in node:
            number = Decimal(str(node["value"]))
            for sign, kind in ((1, "threshold+"), (-1, "threshold-")):
                out.append((path, kind, f"{node['value']} -> {number + sign}", ("value", show(number + sign, "", node["value"]))))
        if "fact" in node and isinstance(node.get("equals"), bool):
            out.append((path, "flag", f"equals {node['equals']} -> {not node['equals']}", ("equals", not node["equals"])))
        for key in ("yuan", "cap"):
            if key in node and isinstance(node[key], (str, int)) and "kind" in node:
                mutated = f"{Decimal(str(node[key])) + 1:f}"
                out.append((path, "amount", f"{key} {node[key]} -> {mutated}", (key, mutated)))
        if "event" in node or "where" in node:  # a trigger
            for param, accepted in (node.get("where") or {}).items():
                if isinstance(accepted, list) and accepted and all(isinstance(v, bool) for v in accepted) and len(accepted) == 1:
                    out.append((path + ["where"], "flag", f"where {param} {accepted} -> {[not accepted[0]]}",
                                (param, [not accepted[0]])))
            for param in ("first_time", "renewal"):
                if isinstance(node.get(param), bool):
                    out.append((path, "flag", f"{param} {node[param]} -> {not node[param]}", (param, not node[param])))
        for key, value in node.items():
            walk(value, path + [key], out)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            walk(value, path + [i], out)


def mutants(only):
    for file in sorted(POLICIES.rglob("*.json")):
        rel = file.relative_to(POLICIES).as_posix()
        if only and only not in rel:
            continue
        data = json.loads(file.read_text(encoding="utf-8"))
        points = []
        walk(data, [], points)
        for path, kind, description, change in points:
            yield rel, path, kind, description, change


def apply(data, path, change):
    node = data
    for key in path:
        node = node[key]
    key, value = change
    node[key] = value
    return data


def run_one(args):
    rel, path, kind, description, change, workdir = args
    target = Path(workdir) / rel
    original = (POLICIES / rel).read_text(encoding="utf-8")
    data = apply(copy.deepcopy(json.loads(original)), path, change)
    target.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    try:
        env = dict(os.environ, SRDI_POLICY_DIR=str(workdir), SRDI_GOLDEN_ONLY=golden_files_for(rel))
        proc = subprocess.run([str(TESTS), "[golden]", "--abort"], env=env, capture_output=True, text=True, timeout=600)
        if proc.returncode == 0:
            outcome = "survived"
        elif "LoadFailure" in proc.stdout or "policy." in proc.stdout and "due to unexpected exception" in proc.stdout:
            outcome = "stillborn"
        else:
            outcome = "killed"
    finally:
        target.write_text(original, encoding="utf-8")
    return {"file": rel, "path": "/" + "/".join(str(p) for p in path), "kind": kind, "change": description, "outcome": outcome}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", default="", help="only the policy files whose path contains this")
    parser.add_argument("--report", default=str(ROOT / "build" / "mutation.json"))
    args = parser.parse_args()
    if not TESTS.exists():
        sys.exit("build/dev/srdi_tests is missing: cmake --preset dev && cmake --build --preset dev")
    for m in json.loads(subprocess.run([str(CLI), "metrics"], capture_output=True, text=True, check=True).stdout):
        UNITS[m["name"]] = m["unit"]
    todo = list(mutants(args.only))
    workdirs = []
    for _ in range(args.jobs):
        d = tempfile.mkdtemp(prefix="srdi-mutants-")
        shutil.copytree(POLICIES, d, dirs_exist_ok=True)
        workdirs.append(d)
    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        # One work directory per worker: jobs are handed out round-robin in batches.
        batches = [[] for _ in workdirs]
        for i, m in enumerate(todo):
            batches[i % len(workdirs)].append(m + (workdirs[i % len(workdirs)],))
        futures = [pool.submit(lambda batch: [run_one(m) for m in batch], b) for b in batches]
        for f in futures:
            results.extend(f.result())
    for d in workdirs:
        shutil.rmtree(d, ignore_errors=True)
    results.sort(key=lambda r: (r["file"], r["path"], r["kind"]))
    Path(args.report).parent.mkdir(parents=True, exist_ok=True)
    Path(args.report).write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    total = len(results)
    by = {k: sum(1 for r in results if r["outcome"] == k) for k in ("killed", "stillborn", "survived")}
    print(f"{total} mutants: {by['killed']} killed by a golden case, {by['stillborn']} refused by the loader, "
          f"{by['survived']} survived")
    for kind in ("threshold+", "threshold-", "op", "amount", "flag"):
        rs = [r for r in results if r["kind"] == kind]
        if rs:
            print(f"  {kind:11s} {sum(r['outcome'] != 'survived' for r in rs)}/{len(rs)}")
    for r in results:
        if r["outcome"] == "survived":
            print(f"SURVIVED {r['file']} {r['path']} {r['kind']} {r['change']}")
    print(f"report: {args.report}")


if __name__ == "__main__":
    main()
