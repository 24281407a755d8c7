#include "console.h"
#include "io.h"
#include "boot-trace.h"

void console_write(const char *s, size_t len)
{
	outsb(DEBUGCON_PORT, s, (uint32_t)len);
	/* QEMU's 16550 accepts bytes without set-up; no COM1 means no device. */
	outsb(COM1_PORT, s, (uint32_t)len);
}

/* One line: "bios.bin: " head, then the message. */
static void emit(uint8_t code, const char *fmt, va_list ap)
{
	char line[160];
	int n = code ? fw_snprintf(line, sizeof(line), "bios.bin: fatal error %u (exit status %u): ",
				   code, TRACE_EXIT_STATUS(code))
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
