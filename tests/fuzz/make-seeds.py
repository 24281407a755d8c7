#!/usr/bin/env python3
"""Writes the seed corpora tests/fuzz/corpus/<target>/ from tests/fixtures
(the captured QEMU 7.2 ACPI scripts and fw_cfg directories, the Debian kernel
heads) plus a few hand-made inputs. Each seed follows the input format its
target's header comment describes. Run from anywhere; rerun after
tests/fixtures/capture-acpi.sh."""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, "..", "fixtures")
MACHINES = ["pc", "q35", "microvm", "pc-vmgenid"]


def out(target, name, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def fixture(*parts):
    with open(os.path.join(FIX, *parts), "rb") as f:
        return f.read()


def acpi_input(flags, files, script):
    """fuzz_acpi_loader: flags, count, {name NUL, le32 size, le16 len, data}, script."""
    b = bytes([flags, len(files)])
    for name, size, data in files:
        b += name.encode() + b"\0" + struct.pack("<IH", size, len(data)) + data
    return b + script


def cmd(num, *fields):
    body = b"".join(fields)
    return struct.pack("<I", num) + body + bytes(124 - len(body))


def fname(n):
    return n.encode().ljust(56, b"\0")


def acpi_seeds():
    for m in MACHINES:
        files = []
        for line in fixture("acpi", m, "files").decode().splitlines():
            name, size, file = line.split()
            files.append((name, int(size), fixture("acpi", m, file)))
        script = fixture("acpi", m, "table-loader.bin").rstrip(b"\0")
        script += bytes(-len(script) % 128)  # drop QEMU's 4 KiB padding
        out("fuzz_acpi_loader", "qemu-" + m, acpi_input(0, files, script))
    rsdp = b"RSD PTR " + bytes(12)
    script = (cmd(1, fname("r"), struct.pack("<IB", 16, 2))
              + cmd(1, fname("t"), struct.pack("<IB", 64, 1))
              + cmd(2, fname("r"), fname("t"), struct.pack("<IB", 16, 4))
              + cmd(3, fname("r"), struct.pack("<III", 8, 0, 20))
              + cmd(4, fname("a"), fname("t"), struct.pack("<IIB", 0, 8, 8)))
    files = [("r", 20, rsdp), ("t", 64, bytes(64)), ("a", 8, b"")]
    out("fuzz_acpi_loader", "hand-all-commands", acpi_input(0, files, script))
    out("fuzz_acpi_loader", "hand-below-4g", acpi_input(4, files, script))


def rec(addr, size, typ):
    return struct.pack("<QQI", addr, size, typ)


def op(typ, addr, size, raw=True):
    return bytes([typ | (0x80 if raw else 0)]) + struct.pack("<QQ", addr, size)


def e820_seeds():
    mib, gib = 1 << 20, 1 << 30
    pc512 = rec(0, 512 * mib, 1) + rec(0xFEFFC000, 0x4000, 2)
    firmware = (op(0, 0xA0000, 0x50000) + op(2, 0xF0000, 0x10000)
                + op(2, 511 * mib, mib))
    out("fuzz_e820", "pc-512m", bytes([2]) + pc512 + firmware)
    pc6g = rec(0, 3 * gib, 1) + rec(4 * gib, 3 * gib, 1) + rec(0xFEFFC000, 0x4000, 2)
    out("fuzz_e820", "pc-6g", bytes([3]) + pc6g + firmware)
    q35 = rec(0, 2 * gib, 1) + rec(4 * gib, 2 * gib, 1)
    out("fuzz_e820", "q35-ecam", bytes([2]) + q35 + firmware + op(2, 0xB0000000, 0x10000000))
    # a full map (E820_MAX = 128 disjoint entries), then a split and a merge
    full = b"".join(rec(i << 14, 1 << 13, 1 + i % 2) for i in range(128))
    out("fuzz_e820", "full-128", bytes([128]) + full
        + op(0, 0x1, 0x1, raw=False) + op(1, 0x2, 0x2, raw=False))
    out("fuzz_e820", "pages", bytes([1]) + rec(0, 64 * mib, 1)
        + op(2, 0x10, 0x1, raw=False) + op(1, 0x10, 0x1, raw=False) + op(0, 0, 0x100, raw=False))


def setup_header(version, loadflags, length):
    b = bytearray(length)
    b[0x1F1] = 0x1B
    struct.pack_into("<H", b, 0x1FE, 0xAA55)
    b[0x200:0x202] = b"\xeb\x6a"
    b[0x202:0x206] = b"HdrS"
    struct.pack_into("<H", b, 0x206, version)
    b[0x211] = loadflags
    struct.pack_into("<IIBBHI", b, 0x22C, 0x7FFFFFFF, 0x200000, 1, 0x15, 0x7F, 0x7FF)
    struct.pack_into("<QI", b, 0x258, 0x1000000, 0x3F98000)
    struct.pack_into("<III", b, 0, 0x800000, 0x1000000, 0)  # kernel, initrd size, top
    return bytes(b)


def boot_seeds():
    out("fuzz_bzimage", "debian-6.1-head", fixture("debian-6.1-bzimage-head.bin"))
    out("fuzz_bzimage", "hand-2.10", setup_header(0x020A, 1, 0x264))
    out("fuzz_bzimage", "hand-zimage", setup_header(0x020F, 0, 0x300))
    out("fuzz_pvh", "debian-6.1-vmlinux-head", fixture("debian-6.1-vmlinux-head.bin"))
    elf32 = b"\x7fELF\x01\x01\x01" + bytes(9) + struct.pack("<HH", 2, 3) + bytes(32)
    out("fuzz_pvh", "elf32", elf32)


def dir_seeds():
    for m in MACHINES:
        d = fixture("acpi", m, "fw_cfg-dir.bin")
        for name in ["etc/table-loader", "etc/acpi/tables2"]:
            out("fuzz_fw_cfg_dir", m + "-" + name.replace("/", "_"),
                bytes([len(name)]) + name.encode() + d)


acpi_seeds()
e820_seeds()
boot_seeds()
dir_seeds()
