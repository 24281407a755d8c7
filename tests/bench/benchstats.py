"""Statistics and data loading for bench-report.py (no third-party modules).

Medians get a distribution-free 95% interval from order statistics (the
binomial method, as boot-loop uses), so no normality is assumed for boot
times, which are skewed by a shared machine's noise.
"""
import csv
import math

# QEMU memory region name -> device class. Names are QEMU 7.2's; anything
# unlisted is shown under its own name in the "other" column's breakdown.
DEVICE_OF = {
    "pci-conf-idx": "PCI config CF8/CFC", "pci-conf-data": "PCI config CF8/CFC",
    "pcie-mmcfg-mmio": "PCI config MMCONFIG",
    "fwcfg": "fw_cfg (port I/O)", "fwcfg.dma": "fw_cfg DMA", "fwcfg.ctl": "fw_cfg (port I/O)",
    "fwcfg.data": "fw_cfg (port I/O)",
    "pic": "PIC", "elcr": "PIC",
    "rtc": "CMOS/RTC", "rtc-index": "CMOS/RTC",
    "acpi-tmr": "ACPI PM timer",
    "io": "unassigned ports (incl. trace points)",
    "ahci": "AHCI (SATA)", "ide": "IDE",
    "i8042-cmd": "keyboard controller", "i8042-data": "keyboard controller",
}
DEVICES = ["PCI config CF8/CFC", "PCI config MMCONFIG", "fw_cfg (port I/O)", "fw_cfg DMA", "PIC",
           "CMOS/RTC", "ACPI PM timer", "unassigned ports (incl. trace points)",
           "AHCI (SATA)", "IDE", "keyboard controller", "other"]


def by_device(regions):
    """'a=1,b=2' -> ({device: n}, {other region: n})."""
    dev, other = {}, {}
    for item in filter(None, (regions or "").split(",")):
        if "=" not in item:
            continue
        name, n = item.rsplit("=", 1)
        d = DEVICE_OF.get(name, "other")
        dev[d] = dev.get(d, 0) + int(n)
        if d == "other":
            other[name] = other.get(name, 0) + int(n)
    return dev, other


def read_tsv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def read_env(path):
    env = {}
    with open(path) as f:
        for line in f:
            if ": " in line:
                k, v = line.rstrip("\n").split(": ", 1)
                env[k] = v
    return env


def median(xs):
    s = sorted(xs)
    n = len(s)
    if not n:
        return None
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def median_ci(xs, level=0.95):
    """(lo, hi) order-statistic interval of the median, or None below 6 samples."""
    s = sorted(xs)
    n = len(s)
    if n < 6:
        return None
    alpha = (1 - level) / 2
    cum, j = 0.0, 0
    # largest j with P(B <= j - 1) <= alpha, B ~ Bin(n, 1/2)
    for k in range(n + 1):
        p = math.comb(n, k) / 2 ** n
        if cum + p > alpha:
            j = k
            break
        cum += p
    j = max(j, 1)
    return s[j - 1], s[n - j]


def used_estimate(path):
    """Image size minus its longest run of zero bytes (the padding)."""
    data = open(path, "rb").read()
    best = run = 0
    for b in data:
        run = run + 1 if b == 0 else 0
        best = max(best, run)
    return len(data) - best


def fmt_num(x, digits=0):
    if x is None:
        return "n/a"
    return f"{x:,.{digits}f}"
