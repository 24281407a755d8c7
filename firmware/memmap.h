/* The memory map the kernel gets: QEMU's etc/e820 plus the firmware's holes
 * and reservations, and the top-down allocator for ACPI tables. */
#ifndef MEMMAP_H
#define MEMMAP_H

#include "e820.h"
#include "board.h"

struct memmap {
	struct e820_map e820;
	uint64_t lowmem_top;   /* end of RAM from 1 MiB up, below 4G */
	uint64_t high_base;    /* lowest byte handed out by memmap_alloc_high */
	uint32_t low_reserved; /* start of a reserved area ending at 640 KiB; 0: none */
};

/* Reads etc/e820; fatal when it is missing or malformed. mm starts zeroed
 * (static storage), so low_reserved is 0 until smp_mptable sets it. */
void memmap_init(struct memmap *mm);
/* The map another BIOS gave through INT 15h E820 (option ROM case): final
 * already, with that BIOS's own reservations. */
void memmap_from_bios(struct memmap *mm, const void *records, uint32_t count, uint32_t stride);
/* Memory from the top of low RAM, growing down. NULL when exhausted. */
void *memmap_alloc_high(struct memmap *mm, uint32_t size, uint32_t align, uint64_t *phys);
/* Legacy holes, the ACPI area and the board's reservations. */
void memmap_finish(struct memmap *mm, const struct board *b);

#endif
