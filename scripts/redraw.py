#!/usr/bin/env python3
"""Re-draws published Duban inspection rounds from their public data alone.

An independent implementation of docs/draw.md (algorithm duban-draw/1), written
from the specification and using only Python's standard library, so anyone can
check a draw without Duban's code:

    python3 redraw.py https://duban.example/public/inspections/R-2027-01.json
    python3 redraw.py https://duban.example/public/inspections.json   # every round
    python3 redraw.py round.json other-round.json
    python3 redraw.py --json round.json    # the re-drawn results as JSON

It recomputes the population hash, the seed and the sample with inspectors,
compares them with what was published, and exits with status 1 on any mismatch.
"""

import hashlib
import json
import math
import sys
import urllib.request

ALGORITHM = "duban-draw/1"


class DrawFailed(Exception):
    """The rules cannot be met (a body lacks inspectors free of conflicts, or no body covers an entity)."""


def sha256_hex(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def code_units(text):
    """Sort key: UTF-16 code units, as the specification orders identifiers."""
    return text.encode("utf-16-be")


class Stream:
    """SHA-256 in counter mode: blocks SHA-256(seed ":" counter), read as big-endian 32-bit words."""

    def __init__(self, seed):
        self.seed = seed
        self.counter = 0
        self.words = []

    def word(self):
        if not self.words:
            block = hashlib.sha256(f"{self.seed}:{self.counter}".encode("utf-8")).digest()
            self.counter += 1
            self.words = [int.from_bytes(block[i:i + 4], "big") for i in range(0, 32, 4)]
        return self.words.pop(0)

    def below(self, n):
        """A uniform integer in [0, n) by rejection: words at or above the largest multiple of n are discarded."""
        if n < 1 or n > 2 ** 32:
            raise ValueError(f"cannot draw below {n}")
        limit = 2 ** 32 - (2 ** 32 % n)
        while True:
            w = self.word()
            if w < limit:
                return w % n

    def pick(self, items, k):
        """The first k of a forward Fisher-Yates shuffle of items (kept in the order given)."""
        pool = list(items)
        count = min(k, len(pool))
        for i in range(count):
            j = i + self.below(len(pool) - i)
            pool[i], pool[j] = pool[j], pool[i]
        return pool[:count]


def sample_size(rule, population):
    if "size" in rule:
        return min(rule["size"], population)
    if population == 0:
        return 0
    return min(population, max(1, math.ceil(population * rule["ratio"])))


def redraw(round_):
    """Population hash, seed input, seed and sample (None if the round has no beacon yet or the rules fail) of a published round."""
    codes = sorted((entry["code"] for entry in round_["population"]), key=code_units)
    industry = {entry["code"]: entry["industry"] for entry in round_["population"]}
    population_hash = sha256_hex("\n".join(codes))
    fields = [round_["roundId"], round_["date"], population_hash]
    if round_["beacon"] is not None:
        fields.append(round_["beacon"])
    elif round_.get("beaconSource") is not None:
        return {"populationHash": population_hash, "seedInput": None, "seed": None, "sample": None, "failure": "awaiting the beacon"}
    seed_input = "|".join(fields)
    seed = sha256_hex(seed_input)
    result = {"populationHash": population_hash, "seedInput": seed_input, "seed": seed, "sample": None, "failure": None}
    stream = Stream(seed)
    entities = stream.pick(codes, sample_size(round_["sampleRule"], len(codes)))
    officers = sorted((o for o in round_["officers"] if o["active"]), key=lambda o: code_units(o["id"]))
    per_body = round_["inspectorsPerBody"]
    sample = []
    try:
        for code in entities:
            serving = [b["bodyId"] for b in round_["bodies"] if not b["industries"] or industry[code] in b["industries"]]
            if not serving:
                raise DrawFailed(f"no joining body's remit covers {code}")
            inspectors = []
            for body in serving:
                eligible = [o["id"] for o in officers if o["bodyId"] == body and code not in o["conflicts"]]
                if len(eligible) < per_body:
                    raise DrawFailed(f"{body} has fewer than {per_body} inspectors free of conflicts for {code}")
                inspectors += stream.pick(eligible, per_body)
            sample.append({"code": code, "inspectors": inspectors})
    except DrawFailed as failure:
        result["failure"] = str(failure)
        return result
    result["sample"] = sample
    return result


def load(source):
    if source.startswith(("http://", "https://")):
        with urllib.request.urlopen(source, timeout=60) as response:
            return json.load(response)
    with open(source, encoding="utf-8") as f:
        return json.load(f)


def rounds_of(source):
    """A round's JSON, or every round of a list (…/public/inspections.json)."""
    data = load(source)
    if "rounds" not in data:
        return [data]
    base = source[: -len(".json")] if source.endswith(".json") else source.rstrip("/") + "/public/inspections"
    return [load(f"{base}/{urllib.request.quote(r['roundId'], safe='')}.json") for r in data["rounds"]]


def check(round_, result):
    """Lines describing each comparison, and whether all agree."""
    lines, ok = [], True

    def compare(name, mine, published, shown=None):
        nonlocal ok
        same = mine == published
        ok = ok and same
        shown = mine if shown is None else shown
        lines.append(f"  {name:<15} {'ok' if same else 'MISMATCH'}  {shown if same else f'{mine} (published {published})'}")

    if round_.get("algorithm") != ALGORITHM:
        lines.append(f"  algorithm {round_.get('algorithm')!r} is not {ALGORITHM}: results may differ")
    compare("populationHash", result["populationHash"], round_["populationHash"])
    if result["seed"] is None:
        lines.append("  not drawn yet: the beacon has not been entered")
        return lines, ok
    compare("seed", result["seed"], round_["seed"] if round_["seed"] is not None else result["seed"])
    if result["failure"]:
        lines.append(f"  the draw cannot be made: {result['failure']}")
        compare("sample", [], round_["sample"])
    else:
        compare("sample", result["sample"], round_["sample"], f"{len(result['sample'])} entities with their inspectors, in draw order:")
        for i, entry in enumerate(result["sample"], 1):
            lines.append(f"    {i:>3}. {entry['code']}  {' '.join(entry['inspectors'])}")
    if not round_.get("recordedAtDraw", True):
        lines.append("  note: drawn before draws were recorded; industries, districts and the pool are as they stand now")
    return lines, ok


def main(argv):
    as_json = "--json" in argv
    sources = [a for a in argv if a != "--json"]
    if not sources:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    rounds = [r for source in sources for r in rounds_of(source)]
    results = [dict(roundId=r["roundId"], **redraw(r)) for r in rounds]
    if as_json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    all_ok = True
    for round_, result in zip(rounds, results):
        lines, ok = check(round_, result)
        all_ok = all_ok and ok
        print(f"{round_['roundId']} ({round_['date']}, beacon {round_['beacon']!r}): {'agrees' if ok else 'DOES NOT AGREE'}")
        print("\n".join(lines))
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
