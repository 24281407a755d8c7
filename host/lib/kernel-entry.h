/*
 * Where the kernel's first instruction is, from the kernel file alone: the
 * PVH entry of an ELF vmlinux (Xen note XEN_ELFNOTE_PHYS32_ENTRY) or the
 * protected-mode entry of a bzImage (setup header code32_start), which every
 * loader reaches, directly or through the kernel's real-mode setup.
 */
#ifndef KERNEL_ENTRY_H
#define KERNEL_ENTRY_H

#include <stddef.h>
#include <stdint.h>

/* 0 and *entry, or -1 if buf is neither a bzImage nor an ELF with the note. */
int kernel_entry_from_image(const uint8_t *buf, size_t len, uint64_t *entry);

/* The same for a file; -1 with errno set (ENOEXEC: no entry found). */
int kernel_entry_from_file(const char *path, uint64_t *entry);

/*
 * The address of a text symbol (a T or t line) in a System.map: 0, or -1
 * with errno set (ESRCH: the file has no such symbol, as Debian's stub).
 * The linear address the kernel links it at; KASLR moves it at boot.
 */
int kernel_symbol_from_map(const char *path, const char *name, uint64_t *addr);

#endif
