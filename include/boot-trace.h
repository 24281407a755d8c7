/*
 * Trace ABI: the one header every part of the kit includes (firmware, option
 * ROMs, guest probe, boot-loop; kernel and SeaBIOS patches carry a checked copy).
 *
 * One byte is written with outb to a trace port per point. Byte-compatible with
 * qboot's BENCHMARK_HACK and qemu-boot-time. An isa-debug-exit device on a port
 * makes QEMU exit with status (value << 1) | 1 when the point is written; give it
 * iosize=1, or a device at 0xf4 also catches 0xf5.
 */
#ifndef BOOT_TRACE_H
#define BOOT_TRACE_H

/* Points at or after the jump to Linux. */
#define TRACE_PORT_LINUX 0xf4
/* Firmware-internal points. */
#define TRACE_PORT_FW 0xf5

/* Value 0 is never used: exit status 1 would collide with QEMU's own error. */
#define TRACE_FW_START 1            /* 0xf5: firmware, first statement of C */
#define TRACE_LINUX_START_FWCFG 2   /* reserved (multiboot path) */
#define TRACE_LINUX_START_BOOT 3    /* 0xf4: bzImage loader, just before the jump */
#define TRACE_LINUX_START_PVHBOOT 4 /* 0xf4: PVH loader, just before the jump */
#define TRACE_FW_DO_BOOT 5          /* 0xf5: set-up done, kernel loading begins */
#define TRACE_LINUX_START_KERNEL 6  /* 0xf4: Linux patch, start_kernel() */
#define TRACE_LINUX_START_USER 7    /* 0xf4: Linux patch, before run_init_process */
#define TRACE_USER_PROBE 8          /* 0xf4: guest probe, first thing user space does */

/*
 * Fatal firmware errors: written to both trace ports before the firmware halts,
 * so an exit device on either port ends QEMU with status (value << 1) | 1, i.e.
 * 65..127, away from QEMU's own statuses and the shell's 128+signal.
 */
#define TRACE_ERR_BASE 0x20
#define TRACE_ERR_NO_FWCFG 0x20        /* status 65: no fw_cfg device */
#define TRACE_ERR_NO_KERNEL 0x21       /* status 67: no -kernel given */
#define TRACE_ERR_NOT_A_KERNEL 0x22    /* status 69: neither bzImage nor PVH ELF */
#define TRACE_ERR_OLD_PROTOCOL 0x23    /* status 71: boot protocol too old */
#define TRACE_ERR_FWCFG_BAD 0x24       /* status 73: fw_cfg items inconsistent */
#define TRACE_ERR_NO_MEMORY 0x25       /* status 75: kernel/initrd do not fit */
#define TRACE_ERR_ACPI_LOADER 0x26     /* status 77: bad ACPI linker/loader script */
#define TRACE_ERR_E820 0x27            /* status 79: bad or missing memory map */
#define TRACE_ERR_TRUNCATED 0x28       /* status 81: kernel image shorter than its header says */
#define TRACE_ERR_LAST 0x28

/* Exit status of QEMU when an isa-debug-exit device sees value v. */
#define TRACE_EXIT_STATUS(v) ((((v) & 0xff) << 1) | 1)

#endif
