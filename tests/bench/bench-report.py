#!/usr/bin/env python3
"""Writes OUTDIR/REPORT.md and OUTDIR/*.svg from what `make bench` measured:
BUILD/bench/anchors (anchor-bench.sh), BUILD/bench/delay (delay-bench.sh) and
BUILD/bench/feature-cost.md (tests/bench/feature-cost.sh), when present.
    tests/bench/bench-report.py BUILD OUTDIR
Targets are reported, never enforced: the exit status says only whether the
inputs could be read."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchsvg  # noqa: E402
import benchtables  # noqa: E402
from benchstats import read_env, read_tsv, used_estimate  # noqa: E402

FIRMWARES = {
    "ours": ("ours", "{b}/bios.bin", "this kit's firmware (`make`)"),
    "qboot-bench": ("qboot BENCHMARK_HACK", "{b}/qboot/qboot-bench.rom",
                    "roms/qboot of Debian's qemu source, built here with dpkg-buildflags' CFLAGS "
                    "and -DBENCHMARK_HACK=1"),
    "qboot-deb": ("qboot (Debian)", "/usr/share/qemu/qboot.rom", "as shipped in qemu-system-data"),
    "seabios-kit": ("SeaBIOS patched + our ROMs", "{b}/seabios/bios.bin",
                    "`make seabios` (Debian's source + trace patch), with `-L {b}/optionrom "
                    "-L /usr/share/qemu` (our linuxboot_dma.bin and pvh.bin)"),
    "seabios-deb": ("SeaBIOS (Debian)", "/usr/share/seabios/bios-256k.bin",
                    "as shipped, with Debian's linuxboot_dma.bin / pvh.bin"),
}
BOARDS = ["pc", "q35", "microvm"]
FORMATS = ["bzImage", "PVH"]


def ours_used(build):
    """Exact bytes used by our image, from bios.elf (as access-bench.sh does)."""
    try:
        nm = subprocess.run(["nm", f"{build}/bios.elf"], capture_output=True, text=True, check=True)
        syms = {ln.split()[2]: int(ln.split()[0], 16) for ln in nm.stdout.splitlines()
                if len(ln.split()) == 3}
        size = subprocess.run(["size", "-A", f"{build}/bios.elf"], capture_output=True, text=True,
                              check=True)
        init = next(int(ln.split()[1]) for ln in size.stdout.splitlines()
                    if ln.startswith(".init16"))
        return syms["_end_of_code"] - 0xFFFF0000 + init + 16
    except (OSError, subprocess.CalledProcessError, KeyError, StopIteration, ValueError):
        return None


def images(build):
    rows = []
    for key, (label, path, what) in FIRMWARES.items():
        p = path.format(b=build)
        if os.path.exists(p):
            rows.append((key, label, p, what, os.path.getsize(p), used_estimate(p)))
    return rows


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: bench-report.py BUILD OUTDIR")
    build, outdir = sys.argv[1], sys.argv[2]
    anchors = f"{build}/bench/anchors"
    env = read_env(f"{anchors}/env.txt")
    counts = read_tsv(f"{anchors}/counts.tsv")
    tfw = read_tsv(f"{anchors}/tfw.tsv")
    os.makedirs(outdir, exist_ok=True)
    for f in os.listdir(outdir):
        if f.endswith(".svg"):
            os.remove(os.path.join(outdir, f))
    labels = {k: v[0] for k, v in FIRMWARES.items()}
    imgs = images(build)
    exact = ours_used(build)

    svgs = benchtables.plots(counts, tfw, labels, BOARDS, FORMATS, outdir, benchsvg)
    md = [f"# Benchmark: bootkit firmware against qboot and SeaBIOS\n",
          f"Written by `make bench` ({env.get('date', '?')}, commit {env.get('commit', '?')}); "
          "regenerate it with `make bench`. **All times and counts are under TCG** "
          "(`-accel tcg`): this machine's /dev/kvm cannot run Linux (DESIGN.md section 6). "
          "Under KVM every device access is a VM exit and times are far shorter; "
          "the ratios, not the absolute times, are what carries over.\n",
          "## Machine\n",
          f"- CPU: {env.get('cpu', '?')}, {env.get('cores', '?')} cores, shared with other work",
          f"- load average (1, 5, 15 min) before: {env.get('load_before', '?')}, after: "
          f"{env.get('load_after', '?')}",
          f"- QEMU: {env.get('qemu', '?')}, `-accel tcg`",
          f"- kernel (Debian's, the same for every firmware): {env.get('kernel', '?')} "
          f"(`{build}/kernel-debian/vmlinuz` as bzImage, `vmlinux` as PVH)",
          f"- initrd `{build}/guest/initramfs.cpio.gz` (the probe), `-m 512M`, command line "
          f"`{env.get('append', '?')}` (microvm: `{env.get('append_microvm', '?')}`)\n",
          "## Firmwares\n",
          "| name | image | what | file bytes | used bytes (estimate) |",
          "|---|---|---|---:|---:|"]
    for key, label, p, what, size, used in imgs:
        extra = f" (exact: {exact})" if key == "ours" and exact else ""
        md.append(f"| {label} | `{p}` | {what.format(b=build)} | {size} | {used}{extra} |")
    md.append("\nUsed bytes: the image size less its longest run of zero bytes (the padding), "
              "the same estimate for every image; ours also exactly, from `bios.elf`'s symbols. "
              f"{benchtables.qboot_build_note(build)}\n")
    md += benchtables.summary(counts, tfw, imgs, labels, BOARDS, FORMATS)
    md += benchtables.access_tables(counts, labels, BOARDS, FORMATS, svgs)
    md += benchtables.insn_table(counts, labels, BOARDS, FORMATS)
    md += benchtables.tfw_tables(tfw, labels, BOARDS, FORMATS, svgs, env)
    md += benchtables.total_section(anchors)
    md += ["## Known-delay check (tests/bench/delay-bench.sh)\n",
           "A firmware that waits 200 ms on the PIT between fw_start and the jump and 100 ms "
           "from the jump to the probe, measured by every boot-loop method:\n"]
    delay = f"{build}/bench/delay/delay.txt"
    md += ["```", open(delay).read().rstrip() if os.path.exists(delay) else "(not run)", "```\n"]
    fc = f"{build}/bench/feature-cost.md"
    if os.path.exists(fc):
        md += ["## Feature cost (tests/bench/feature-cost.sh)\n", open(fc).read().rstrip() + "\n"]
    md += benchtables.method_section(anchors, build)
    with open(f"{outdir}/REPORT.md", "w") as f:
        f.write("\n".join(md) + "\n")
    print(f"bench-report: {outdir}/REPORT.md and {len(svgs)} SVG files")


if __name__ == "__main__":
    main()
