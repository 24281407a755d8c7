/*
 * Trace ABI: the one header every part of the kit includes (firmware, option
 * ROMs, guest probe, host tools; kernel and SeaBIOS patches carry a checked copy).
 *
 * One byte is written with outb to a trace port per point. Byte-compatible with
 * qboot's BENCHMARK_HACK and qemu-boot-time. An isa-debug-exit device on a port
 * makes QEMU exit with status (value << 1) | 1 when the point is written; give it
 * iosize=1, or a device at 0xf4 also catches 0xf5.
 *
 * The two lists below are the only place values, names and meanings are
 * written: the TRACE_* constants, the firmware's error lines, the host tools'
 * names, the README's and the man page's tables (scripts/abi-doc) all come
 * from them. One entry a line, "X(NAME, VALUE, ...)", so scripts read them too
 * (hence clang-format off around them).
 */
#ifndef BOOT_TRACE_H
#define BOOT_TRACE_H

/* Points at or after the jump to Linux. */
#define TRACE_PORT_LINUX 0xf4
/* Firmware-internal points. */
#define TRACE_PORT_FW 0xf5
/*
 * Data, not points: with "bootkit.symbols" on the kernel command line the
 * probe sends the running kernel's text symbols here (boot-profile reads
 * them), as /proc/kallsyms lines ending with "# end". Nothing else writes it.
 */
#define TRACE_PORT_SYMBOLS 0xf6

/* clang-format off */
/*
 * Trace points: X(NAME, VALUE, PORT, "name", "who writes it, and when").
 * Value 0 is never used: exit status 1 would collide with QEMU's own error.
 */
#define BOOT_TRACE_POINTS(X) \
	X(FW_START, 1, TRACE_PORT_FW, "fw_start", "firmware, first statement of C") \
	X(LINUX_START_FWCFG, 2, TRACE_PORT_LINUX, "linux_start_fwcfg", "reserved (qboot's multiboot path)") \
	X(LINUX_START_BOOT, 3, TRACE_PORT_LINUX, "linux_start_boot", "bzImage loader, just before the jump") \
	X(LINUX_START_PVHBOOT, 4, TRACE_PORT_LINUX, "linux_start_pvhboot", "PVH loader, just before the jump") \
	X(FW_DO_BOOT, 5, TRACE_PORT_FW, "fw_do_boot", "firmware set-up done, kernel loading begins") \
	X(LINUX_START_KERNEL, 6, TRACE_PORT_LINUX, "linux_start_kernel", "Linux patch, first line of start_kernel()") \
	X(LINUX_START_USER, 7, TRACE_PORT_LINUX, "linux_start_user", "Linux patch, kernel_init() before run_init_process") \
	X(USER_PROBE, 8, TRACE_PORT_LINUX, "user_probe", "guest probe, the first thing user space does")

/*
 * Fatal firmware errors: X(NAME, VALUE, "name", "what is wrong"). Written to
 * both trace ports before the firmware halts, so an exit device on either port
 * ends QEMU with status (value << 1) | 1, i.e. 65..127, away from QEMU's own
 * statuses and the shell's 128+signal. Values run on from TRACE_ERR_BASE
 * without a gap.
 */
#define BOOT_TRACE_ERRORS(X) \
	X(ERR_NO_FWCFG, 0x20, "no_fwcfg", "no fw_cfg device") \
	X(ERR_NO_KERNEL, 0x21, "no_kernel", "no -kernel given") \
	X(ERR_NOT_A_KERNEL, 0x22, "not_a_kernel", "the kernel is neither a bzImage nor a PVH ELF (or an ELF without the PVH note)") \
	X(ERR_OLD_PROTOCOL, 0x23, "old_protocol", "bzImage boot protocol older than 2.10, or not loadable high") \
	X(ERR_FWCFG_BAD, 0x24, "fwcfg_bad", "fw_cfg items inconsistent (e.g. bzImage header without kernel data, PVH entry outside the image)") \
	X(ERR_NO_MEMORY, 0x25, "no_memory", "kernel or initrd does not fit in RAM below the ACPI tables (an initrd may go above 4 GiB only for a bzImage that allows it, with fw_cfg DMA)") \
	X(ERR_ACPI_LOADER, 0x26, "acpi_loader", "ACPI linker/loader script malformed, or asks for what is not there") \
	X(ERR_E820, 0x27, "e820", "memory map missing, malformed or too long") \
	X(ERR_TRUNCATED, 0x28, "truncated", "the bzImage is shorter than its header says (truncated file)")

/* clang-format on */

#define TRACE_ERR_BASE 0x20

/* The TRACE_* constants, from the lists. */
#define BOOT_TRACE_POINT_VALUE(n, v, port, name, meaning) TRACE_##n = (v),
#define BOOT_TRACE_ERROR_VALUE(n, v, name, meaning) TRACE_##n = (v),
#define BOOT_TRACE_ERROR_COUNT(n, v, name, meaning) +1
/* clang-format off */
enum boot_trace_value {
	BOOT_TRACE_POINTS(BOOT_TRACE_POINT_VALUE)
	BOOT_TRACE_ERRORS(BOOT_TRACE_ERROR_VALUE)
	TRACE_ERR_LAST = TRACE_ERR_BASE - 1 BOOT_TRACE_ERRORS(BOOT_TRACE_ERROR_COUNT)
};
/* clang-format on */

/* Exit status of QEMU when an isa-debug-exit device sees value v. */
#define TRACE_EXIT_STATUS(v) (((0xff & (v)) << 1) | 1)

#endif
