#!/usr/bin/env python3
"""Generates python-cases.jsonl: values and what Python's json.dumps (default settings) prints.

Run offline from this directory:  python3 generate_python_cases.py > python-cases.jsonl
Tests read the output; they never run Python. Deterministic (fixed seed), so re-running gives the
same file on the same Python version (3.11 was used).

Each line is one JSON object: {"name": ..., "input": <typed value>, "expected": <json.dumps(value)>}.
The input is typed so Java rebuilds exactly the value Python serialised, without relying on a JSON
parser's number handling:
  {"t": "null"}                  None
  {"t": "bool", "v": true}       bool
  {"t": "int", "v": "<decimal>"} int (any size)
  {"t": "float", "v": "<float.hex()>" | "nan" | "inf" | "-inf"}
  {"t": "str", "v": "<text>"}    str (may hold lone surrogates, written as backslash-u escapes)
  {"t": "list", "v": [<typed>...]}
  {"t": "dict", "v": [[<key>, <typed>]...]}  insertion order kept
"""
import json
import math
import random
import struct
import sys

rnd = random.Random(20230619)


def typed(v):
    if v is None:
        return {"t": "null"}
    if isinstance(v, bool):
        return {"t": "bool", "v": v}
    if isinstance(v, int):
        return {"t": "int", "v": str(v)}
    if isinstance(v, float):
        if math.isnan(v):
            return {"t": "float", "v": "nan"}
        if math.isinf(v):
            return {"t": "float", "v": "inf" if v > 0 else "-inf"}
        return {"t": "float", "v": v.hex()}
    if isinstance(v, str):
        return {"t": "str", "v": v}
    if isinstance(v, list):
        return {"t": "list", "v": [typed(x) for x in v]}
    if isinstance(v, dict):
        return {"t": "dict", "v": [[k, typed(x)] for k, x in v.items()]}
    raise TypeError(type(v))


cases = []


def case(name, value):
    cases.append({"name": name, "input": typed(value), "expected": json.dumps(value)})


# Floats named in the brief, and their neighbours.
named_floats = [300.0, 0.0, -0.0, 1e-05, 0.0001, 1e16, 1e15, 123456789.123, 0.1 + 0.2, 5e-324,
                1.7976931348623157e308, 1 / 3, 0.1, 1.0, -1.5, 2.5e-7, 1e21, 1e22, 1e-7, 9.999e15,
                9999999999999998.0, 1.2345678901234567e-300, 2.2250738585072014e-308,
                2.225073858507201e-308, 4.9406564584124654e-324, 9007199254740993.0, 1e23,
                8.41e21, 5e-310, 123e-20, float("nan"), float("inf"), float("-inf")]
for f in named_floats:
    case("float %r" % f, f)

# Every power of two: where the gap below a value is half the gap above it, the shortest
# round-tripping decimal may lie on the wide side only.
for e in range(-1074, 1024):
    case("float 2**%d" % e, math.ldexp(1.0, e))
    if rnd.random() < 0.25:
        case("float -2**%d" % e, -math.ldexp(1.0, e))

# Powers of ten and their neighbours (notation switch points).
for k in range(-330, 310):
    try:
        f = float("1e%d" % k)
    except OverflowError:
        continue
    if f == 0.0 or math.isinf(f):
        continue
    case("float 1e%d" % k, f)
    case("float nextafter(1e%d, 0)" % k, math.nextafter(f, 0.0))
    case("float nextafter(1e%d, inf)" % k, math.nextafter(f, math.inf))

# Random bit patterns over the whole range (finite only).
n = 0
while n < 3000:
    bits = rnd.getrandbits(64)
    f = struct.unpack("<d", struct.pack("<Q", bits))[0]
    if math.isnan(f) or math.isinf(f):
        continue
    case("float bits %016x" % bits, f)
    n += 1

# Random short decimals, as people type them.
for _ in range(2000):
    digits = rnd.randint(1, 17)
    mantissa = rnd.randint(0, 10 ** digits - 1)
    exp = rnd.randint(-25, 25)
    f = float("%de%d" % (mantissa, exp))
    if rnd.random() < 0.3:
        f = -f
    case("float %de%d" % (mantissa, exp), f)

# Random subnormals.
for _ in range(300):
    bits = rnd.getrandbits(52) or 1
    case("float subnormal %x" % bits, struct.unpack("<d", struct.pack("<Q", bits))[0])

# Integers, including ones no Java primitive holds.
ints = [0, 1, -1, 7, 2 ** 31 - 1, 2 ** 31, -2 ** 31, -2 ** 31 - 1, 2 ** 53, 2 ** 53 + 1,
        2 ** 63 - 1, 2 ** 63, -2 ** 63, -2 ** 63 - 1, 2 ** 64, 10 ** 30, -10 ** 30, 3 ** 100]
for i in ints:
    case("int %d" % i, i)
for _ in range(200):
    i = rnd.getrandbits(rnd.randint(1, 200))
    case("int random", -i if rnd.random() < 0.4 else i)

# Strings: every BMP range that escapes differently, plus astral characters.
case("str empty", "")
case("str ascii printable", "".join(chr(c) for c in range(0x20, 0x7f)))
case("str controls", "".join(chr(c) for c in range(0x00, 0x20)))
case("str del", "\x7f")
case("str slash", "a/b</script>")
case("str quotes and backslash", "\"\\'")
case("str latin1", "".join(chr(c) for c in range(0x80, 0x100)))
case("str e acute", "caf\u00e9 \u00c9t\u00e9")
case("str cjk", "\u6771\u4eac\u306e\u6e2f \ud55c\uad6d\uc5b4")
case("str emoji", "\U0001F600 \U0001F1F3\U0001F1F4 \U0001F469\u200d\U0001F4BB")
case("str line separators", "\u2028\u2029\u0085")
case("str bom and nonchars", "\ufeff\ufffe\uffff")
case("str lone high surrogate", "a\ud800b")
case("str lone low surrogate", "a\udc00b")
case("str reversed pair", "\udc00\ud800")
case("str max code point", "\U0010FFFF")

pools = [
    [chr(c) for c in range(0x20, 0x7f)],
    [chr(c) for c in range(0x00, 0x20)] + ["\x7f"],
    [chr(c) for c in range(0x80, 0x800)],
    [chr(c) for c in range(0x800, 0xd800)],
    [chr(c) for c in range(0xe000, 0x10000)],
    ["\ud800", "\udbff", "\udc00", "\udfff"],
]


def rand_str(max_len=24):
    out = []
    for _ in range(rnd.randint(0, max_len)):
        r = rnd.random()
        if r < 0.05:
            out.append(chr(rnd.randint(0x10000, 0x10FFFF)))
        else:
            pool = pools[rnd.choices(range(len(pools)), weights=[50, 10, 10, 10, 10, 2])[0]]
            out.append(rnd.choice(pool))
    return "".join(out)


for _ in range(500):
    case("str random", rand_str())

# Containers: empty values, nesting, key order that is not sorted.
case("list empty", [])
case("dict empty", {})
case("nested empties", {"a": [], "b": {}, "c": [[]], "d": [{}], "e": ""})
case("key order kept", {"z": 1, "a": 2, "m": [3, {"y": None, "b": True}]})
case("deep", [[[[[["x"]]]]]])
case("mixed list", [None, True, False, 0, -0.0, 1.5, "s", [], {}])


def rand_value(depth):
    r = rnd.random()
    if depth > 3 or r < 0.5:
        k = rnd.randint(0, 6)
        if k == 0:
            return None
        if k == 1:
            return rnd.random() < 0.5
        if k == 2:
            return rnd.randint(-10 ** 6, 10 ** 6)
        if k == 3:
            return struct.unpack("<d", struct.pack("<Q", rnd.getrandbits(62)))[0]
        if k == 4:
            return round(rnd.uniform(-1000, 1000), rnd.randint(0, 6))
        return rand_str(12)
    if r < 0.75:
        return [rand_value(depth + 1) for _ in range(rnd.randint(0, 4))]
    d = {}
    for _ in range(rnd.randint(0, 4)):
        d[rand_str(8)] = rand_value(depth + 1)
    return d


for _ in range(300):
    case("tree random", rand_value(0))

for c in cases:
    sys.stdout.write(json.dumps(c))
    sys.stdout.write("\n")
