#!/usr/bin/env python3
"""Table of delay-bench.sh: each boot-loop method's tFW and tKernel for the
calibration firmware (tests/bench/delay-fw.asm) against the known delays,
and whether exit mode and timeline agree within 5 %.

  delay-report.py DIR   reads DIR/<method>-r<round>.json (boot-loop's exports,
                        rounds pooled) and DIR/pit-*.log (QEMU trace logs);
                        writes DIR/delay.txt and DIR/delay.json
"""
import glob
import json
import random
import re
import statistics
import sys

TICK_MS = 1000 / 1193182                  # one PIT input clock
EXPECTED = {"tFW": 4 * 59659 * TICK_MS,   # delay-fw.asm: 4 chunks of 59659 ticks
            "tKernel": 2 * 59659 * TICK_MS}
SPANS = {"tFW": ("fw_start", "jump"), "tKernel": ("jump", "probe")}
AGREE = 0.05                              # the limit, for phases > 50 ms
REPS, SEED = 2000, 0x64656c6179           # percentile bootstrap, fixed seed: reruns agree


def times(d, name):
    """{point: {(round, iteration): seconds}} over all rounds of one method."""
    pts = {}
    for path in sorted(glob.glob(f"{d}/{name}-r*.json")):
        rnd = int(re.search(r"-r(\d+)\.json$", path)[1])
        for r in json.load(open(path))["results"]:
            pts.setdefault(r["point"], {}).update(
                {(rnd, it): t for it, t in zip(r["iterations"], r["times"])})
    return pts


def ms_median(v):
    return 1e3 * statistics.median(v) if v else None


def interval(a, b, paired):
    """median(b) - median(a) in ms with a 95 % bootstrap interval: pairs
    resampled together (one run, or one iteration of --phases), or the two
    samples independently (separate exit-mode invocations)."""
    rnd = random.Random(SEED)
    if paired:
        keys = sorted(set(a) & set(b))
        if not keys:
            return None, None, None
        x, y = [a[k] for k in keys], [b[k] for k in keys]

        def draw():
            idx = rnd.choices(range(len(keys)), k=len(keys))
            return statistics.median(y[i] for i in idx) - statistics.median(x[i] for i in idx)
    else:
        x, y = list(a.values()), list(b.values())
        if not x or not y:
            return None, None, None

        def draw():
            return statistics.median(rnd.choices(y, k=len(y))) - statistics.median(rnd.choices(x, k=len(x)))
    d = sorted(draw() for _ in range(REPS))
    return (1e3 * (statistics.median(y) - statistics.median(x)),
            1e3 * d[int(0.025 * REPS)], 1e3 * d[int(0.975 * REPS) - 1])


def exit_points(d, prefix):
    """The three exit-mode invocations of one kind as one set of points."""
    get = lambda n: next(iter(times(d, f"{prefix}-{n}").values()), {})
    return {"fw_start": get("f5"), "jump": get("f4"), "probe": get("probe")}


def qemu_stamps(d):
    """Intervals from QEMU's own trace stamps (CLOCK_REALTIME, us) of the
    writes 1 on 0xf5, 3 and 8 on 0xf4, one pair per DIR/pit-*.log."""
    res = {"tFW": [], "tKernel": []}
    for log in sorted(glob.glob(f"{d}/pit-*.log")):
        at = {}
        for line in open(log, errors="replace"):
            m = re.match(r"\d+@([\d.]+):memory_region_ops_write .* addr (0x[0-9a-f]+) "
                         r"value (0x[0-9a-f]+) ", line)
            if m:
                at.setdefault((int(m[2], 16), int(m[3], 16)), float(m[1]))
        a, b, c = at.get((0xf5, 1)), at.get((0xf4, 3)), at.get((0xf4, 8))
        if a and b:
            res["tFW"].append(1e3 * (b - a))
        if b and c:
            res["tKernel"].append(1e3 * (c - b))
    return res


def main(d):
    methods = [
        ("exit", "--exit=0xf5, 0xf4 (isa-debug-exit), 0xf4:8 (kill); spawn to reap",
         exit_points(d, "exit"), False),
        ("exit-kill", "--exit=0xf5:1, 0xf4:3, 0xf4:8 (kill at each); spawn to reap",
         exit_points(d, "kill"), False),
        ("phases", "--phases: pipes, kill at every point; spawn to reap", times(d, "phases"), True),
        ("timeline", "--timeline: one run, each byte timed when read", times(d, "timeline"), True),
    ]
    fmt = lambda v: "-" if v is None else f"{v:.2f}"
    n = {name: min((len(v) for v in pts.values()), default=0) for name, _, pts, _ in methods}
    out = [f"delay-bench: tests/bench/delay-fw.asm under TCG, machine pc; samples per point: "
           + ", ".join(f"{k} {v}" for k, v in n.items()) + " (methods interleaved in rounds)",
           f"expected: tFW {EXPECTED['tFW']:.4f} ms (4 x 59659 PIT ticks), "
           f"tKernel {EXPECTED['tKernel']:.4f} ms (2 x 59659 ticks)", "",
           f"{'method':<9}  {'tFW [ms] median [95% CI]':<28} {'error':>7}   "
           f"{'tKernel [ms] median [95% CI]':<28} {'error':>7}   how"]
    result = {"expected_ms": EXPECTED, "agree_limit": AGREE, "methods": {}}
    for name, how, pts, paired in methods:
        rec, cells = {"how": how, "n": n[name],
                      "point_medians_ms": {p: ms_median(list(v.values())) for p, v in pts.items()}}, []
        for k, (a, b) in SPANS.items():
            m, lo, hi = interval(pts.get(a, {}), pts.get(b, {}), paired)
            err = None if m is None else (m - EXPECTED[k]) / EXPECTED[k]
            cells.append(f"{fmt(m):>8} [{fmt(lo):>7}, {fmt(hi):>7}]".ljust(28) +
                         f" {'-' if err is None else f'{100 * err:+.2f}%':>7}")
            rec[k] = {"median_ms": m, "ci_low_ms": lo, "ci_high_ms": hi, "error": err}
        result["methods"][name] = rec
        out.append(f"{name:<9}  {cells[0]}   {cells[1]}   {how}")
    out += ["", f"exit mode against timeline (|exit - timeline| / timeline; limit "
                f"{100 * AGREE:.0f}% on phases longer than 50 ms; exit-kill for reference):"]
    for method in ("exit", "exit-kill"):
        key = method.replace("-", "_") + "_vs_timeline"
        result[key] = {}
        for k in EXPECTED:
            e = result["methods"][method][k]["median_ms"]
            t = result["methods"]["timeline"][k]["median_ms"]
            rel = None if e is None or not t else abs(e - t) / t
            verdict = ("n/a" if rel is None else "agree" if rel <= AGREE or EXPECTED[k] <= 50
                       else "DISAGREE")
            result[key][k] = {"relative_difference": rel, "verdict": verdict}
            out.append(f"  {k:<8} {method:<9} {fmt(e):>7} ms, timeline {fmt(t):>7} ms: "
                       f"{'-' if rel is None else f'{100 * rel:5.2f}%'}  {verdict}")
    # The PIT counts QEMU_CLOCK_VIRTUAL; does that follow the wall clock under TCG?
    out += ["", "PIT against the wall clock: per-run differences within a timeline run, and "
                "QEMU's own trace stamps"]
    tl = dict((m[0], m[2]) for m in methods)["timeline"]
    for k, (a, b) in SPANS.items():
        dif = [1e3 * (tl[b][i] - tl[a][i]) for i in sorted(set(tl.get(a, {})) & set(tl.get(b, {})))]
        if dif:
            med = statistics.median(dif)
            mad = statistics.median(abs(x - med) for x in dif)
            out.append(f"  {k:<8} timeline, {len(dif)} runs: median {med:.2f} ms, MAD {mad:.2f}, "
                       f"min {min(dif):.2f}, max {max(dif):.2f}: {100 * (med / EXPECTED[k] - 1):+.2f}%")
    stamps = qemu_stamps(d)
    result["qemu_stamps_ms"] = stamps
    for k, v in stamps.items():
        if v:
            med = statistics.median(v)
            out.append(f"  {k:<8} QEMU's -trace memory_region_ops_write stamps, {len(v)} runs: "
                       f"median {med:.2f} ms, min {min(v):.2f}, max {max(v):.2f}: "
                       f"{100 * (med / EXPECTED[k] - 1):+.2f}%")
    text = "\n".join(out) + "\n"
    with open(f"{d}/delay.txt", "w") as f:
        f.write(text)
    with open(f"{d}/delay.json", "w") as f:
        json.dump(result, f, indent=2)
    sys.stdout.write(text)


if __name__ == "__main__":
    main(sys.argv[1])
