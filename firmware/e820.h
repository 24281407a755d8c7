/* The BIOS memory map handed to the kernel (ACPI spec, "INT 15H E820H"). */
#ifndef E820_H
#define E820_H

#include "fwlib.h"

#define E820_RAM 1
#define E820_RESERVED 2
#define E820_ACPI 3
#define E820_NVS 4
#define E820_UNUSABLE 5
#define E820_REMOVE 0 /* for e820_set: punch a hole */

/* The zero page holds 128 entries (boot_params.e820_table). */
#define E820_MAX 128

struct e820_entry {
	uint64_t addr;
	uint64_t size;
	uint32_t type;
};

struct e820_map {
	uint32_t n;
	struct e820_entry e[E820_MAX];
};

/* Mark [addr, addr+size) as type, splitting and replacing what was there;
 * keeps the map sorted, non-overlapping and merged. -1 if it would overflow. */
int e820_set(struct e820_map *m, uint64_t addr, uint64_t size, uint32_t type);
/* count {le64 addr, le64 size, le32 type} records, stride bytes apart (INT 15h
 * E820 hands out 20 or 24-byte ones). */
int e820_parse_records(struct e820_map *m, const void *buf, uint32_t count, uint32_t stride);
/* QEMU's etc/e820: packed 20-byte records. */
int e820_parse_qemu(struct e820_map *m, const void *buf, size_t len);
/* True when [addr, addr+size) lies inside one RAM entry. */
bool e820_is_ram(const struct e820_map *m, uint64_t addr, uint64_t size);
/* End of the RAM entry that contains 1 MiB, clipped at 4 GiB; 0 if none. */
uint64_t e820_lowmem_top(const struct e820_map *m);

/* Highest page-aligned address for size bytes in [floor, top), inside RAM;
 * -1 when there is none. The kernel and initrd loaders place with this. */
int e820_place_high(const struct e820_map *m, uint64_t floor, uint64_t top, uint64_t size,
		    uint64_t *addr);

#endif
