/*
 * Function names for guest addresses: ELF symbol tables (build/bios.elf, a
 * vmlinux, a guest binary) and nm-style text (System.map, /proc/kallsyms,
 * with a module name in brackets). Addresses no symbol covers fall into a
 * region of the x86 boot (symbols_region).
 */
#ifndef SYMBOLS_H
#define SYMBOLS_H

#include <stddef.h>
#include <stdint.h>

struct symbol {
	uint64_t addr, end; /* [addr, end) */
	const char *name;
	const char *module; /* "bios.elf", "vmlinux", a kernel module, ... */
};

struct symbols {
	struct symbol *s;
	size_t n, cap;
	char **strings; /* owned names */
	const char *last_module;
	size_t n_strings, cap_strings;
	int sorted;
};

/*
 * Adds the symbols of FILE: an ELF (by its magic) or symbol text. 0, or -1
 * with errno (ENOEXEC: neither, or no text symbol in it).
 */
int symbols_load(struct symbols *t, const char *path);

/* The same from len bytes at buf, which has room for a NUL at buf[len] (it is changed). */
int symbols_load_buffer(struct symbols *t, char *buf, size_t len, const char *module);

/* Adds one function (text and tests); -1 if out of memory. */
int symbols_add(struct symbols *t, uint64_t addr, uint64_t size, const char *name,
		const char *module);

/* The function covering addr, or NULL. Sorts on first use after adds. */
const struct symbol *symbols_find(struct symbols *t, uint64_t addr);

/*
 * What an address no symbol covers is: "firmware", "low memory (decompressor
 * or early boot)", "kernel text", "kernel modules", "user space". after_kernel:
 * the kernel's own text had already run when this code first did (low
 * addresses are then user space).
 */
const char *symbols_region(uint64_t addr, int after_kernel);

/* Whether addr is in the kernel's text or module area (x86-64). */
int symbols_is_kernel(uint64_t addr);

void symbols_free(struct symbols *t);

#endif
