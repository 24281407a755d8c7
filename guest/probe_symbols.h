/* The running kernel's symbols to the host, for boot-profile (probe_symbols.c). */
#ifndef PROBE_SYMBOLS_H
#define PROBE_SYMBOLS_H

/* The first thing user space does: trace point 8 (a function of its own, so
 * boot-profile can end its table where it begins). */
void probe_reached(void);

/* With "bootkit.symbols" in /proc/cmdline: /proc/kallsyms's text symbols to
 * TRACE_PORT_SYMBOLS, then "# end". Says on the console what it sent. */
void send_symbols(void);

#endif
