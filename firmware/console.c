#include "console.h"
#include "io.h"
#include "boot-trace.h"

void console_write(const char *s, size_t len)
{
	outsb(DEBUGCON_PORT, s, (uint32_t)len);
	/* QEMU's 16550 accepts bytes without set-up; no COM1 means no device. */
	outsb(COM1_PORT, s, (uint32_t)len);
}

void fatal(uint8_t code, const char *fmt, ...)
{
	char line[160];
	va_list ap;
	int n;

	n = fw_snprintf(line, sizeof(line), "bios.bin: fatal error %u (exit status %u): ", code,
			TRACE_EXIT_STATUS(code));
	va_start(ap, fmt);
	n += fw_vsnprintf(line + n, sizeof(line) - (size_t)n - 1, fmt, ap);
	va_end(ap);
	line[n++] = '\n';
	console_write(line, (size_t)n);
	outb(TRACE_PORT_FW, code);
	outb(TRACE_PORT_LINUX, code);
	for (;;)
		__asm__ volatile("cli; hlt");
}
