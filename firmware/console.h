/* The firmware's only output: one line on a fatal error, to QEMU's debug
 * console (port 0x402) and to COM1. The boot path prints nothing, since
 * every byte is a device access. */
#ifndef CONSOLE_H
#define CONSOLE_H

#include "fwlib.h"

#define DEBUGCON_PORT 0x402
#define COM1_PORT 0x3f8

void console_write(const char *s, size_t len);
/* Logs "bios.bin: <message>": something the user should know, not fatal. */
__attribute__((format(printf, 1, 2))) void console_log(const char *fmt, ...);
/* Logs "bios.bin: fatal error 0x<code> <id> (exit status <code*2+1>): <message>"
 * (id from BOOT_TRACE_ERRORS), writes code to both trace ports (an
 * isa-debug-exit device ends QEMU with status code*2+1), halts. */
__attribute__((noreturn, format(printf, 2, 3))) void fatal(uint8_t code, const char *fmt, ...);

#endif
