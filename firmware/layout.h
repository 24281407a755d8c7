/*
 * Where the firmware puts things in guest memory. Everything below 1 MiB is
 * reserved by Linux (since 5.13; the first 64 KiB before that), and the kernel
 * copies the zero page and command line before it reuses anything there.
 *
 *   0x01000-0x07fff  .bss: zero page / PVH start info, fw_cfg directory (linker/bios.lds)
 *   0x08000-0x0efff  stack (grows down from LAYOUT_STACK_TOP)
 *   0x10000-0x1ffff  the kernel's setup blob (FW_CFG_SETUP_DATA): QEMU's
 *                    SETUP_ADDR for every boot protocol >= 2.02
 *   0x20000-0x2ffff  kernel command line: QEMU's CMDLINE_ADDR likewise
 *   0x30000-0x8ffff  scratch while the firmware runs (ACPI loader script)
 *   0x9fc00-0x9ffff  MP floating pointer when there is no ACPI (reserved)
 *   top of RAM below 4G, downwards: ACPI tables (reserved in the e820 map)
 */
#ifndef LAYOUT_H
#define LAYOUT_H

#define LAYOUT_STACK_TOP 0xf000
#define LAYOUT_BSS_LIMIT 0x8000
#define LAYOUT_SETUP 0x10000
#define LAYOUT_SETUP_MAX 0x10000
#define LAYOUT_CMDLINE 0x20000
#define LAYOUT_CMDLINE_MAX 0x10000
#define LAYOUT_SCRATCH 0x30000
#define LAYOUT_SCRATCH_MAX 0x60000
#define LAYOUT_MP_FLOATING 0x9fc00
/* 0xA0000-0xEFFFF: VGA and option ROM holes; 0xF0000-0xFFFFF: BIOS. */
#define LAYOUT_LEGACY_HOLE 0xa0000
#define LAYOUT_BIOS_SEG 0xf0000
#define LAYOUT_1M 0x100000
/* Protected-mode kernel: QEMU's prot_addr for every bzImage it loads high. */
#define LAYOUT_KERNEL 0x100000

#endif
