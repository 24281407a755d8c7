#include "console.h"
#include "io.h"
#include "boot-trace.h"

void console_write(const char *s, size_t len)
{
	outsb(DEBUGCON_PORT, s, (uint32_t)len);
	/* QEMU's 16550 accepts bytes without set-up; no COM1 means no device. */
	outsb(COM1_PORT, s, (uint32_t)len);
}

/*
 * The errors' ids from the list, "no_fwcfg\0no_kernel\0...": the one for value
 * v is the (v - TRACE_ERR_BASE)th; the literal's own NUL (an empty id) ends
 * them. The list is in value order without gaps (checked here at build time).
 */
#define ERROR_ID(n, v, id, meaning) id "\0"
#define ERROR_POS(n, v, id, meaning) ERROR_POS_##n,
#define ERROR_IN_ORDER(n, v, id, meaning)                     \
	_Static_assert(ERROR_POS_##n + TRACE_ERR_BASE == (v), \
		       "BOOT_TRACE_ERRORS: " id " out of order");
enum { BOOT_TRACE_ERRORS(ERROR_POS) };
BOOT_TRACE_ERRORS(ERROR_IN_ORDER)

/* One line: "bios.bin: " head (with the error's value, id and QEMU's exit
 * status if code is one), then the message. */
static void emit(uint8_t code, const char *fmt, va_list ap)
{
	char line[192];
	const char *id = BOOT_TRACE_ERRORS(ERROR_ID); /* a literal: not 32-byte aligned */
	int n;

	/* Any code not in the list (0 for console_log) stops at the empty id. */
	for (unsigned i = code - TRACE_ERR_BASE; i && *id; i--)
		while (*id++)
			;
	n = code ? fw_snprintf(line, sizeof(line),
			       "bios.bin: fatal error 0x%x %s (exit status %u): ", code, id,
			       TRACE_EXIT_STATUS(code))
		 : fw_snprintf(line, sizeof(line), "bios.bin: ");

	n += fw_vsnprintf(line + n, sizeof(line) - (size_t)n - 1, fmt, ap);
	line[n++] = '\n';
	console_write(line, (size_t)n);
}

void console_log(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(0, fmt, ap);
	va_end(ap);
}

void fatal(uint8_t code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	emit(code, fmt, ap);
	va_end(ap);
	outb(TRACE_PORT_FW, code);
	outb(TRACE_PORT_LINUX, code);
	for (;;)
		__asm__ volatile("cli; hlt");
}
