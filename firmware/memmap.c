#include "memmap.h"
#include "fw_cfg.h"
#include "console.h"
#include "layout.h"
#include "boot-trace.h"

static uint8_t e820_raw[E820_MAX * 20] __noinit; /* read up to its size */

void memmap_init(struct memmap *mm)
{
	uint16_t sel;
	uint32_t size;

	if (!fw_cfg_find("etc/e820", &sel, &size))
		fatal(TRACE_ERR_E820, "fw_cfg has no etc/e820 memory map (QEMU older than 2.1?)");
	if (size == 0 || size > sizeof(e820_raw) || size % 20)
		fatal(TRACE_ERR_E820, "etc/e820 has a bad size of %u bytes", size);
	fw_cfg_read(sel, e820_raw, size);
	if (e820_parse_qemu(&mm->e820, e820_raw, size))
		fatal(TRACE_ERR_E820, "etc/e820 is malformed (overlapping or empty entries)");
	mm->lowmem_top = e820_lowmem_top(&mm->e820);
	if (mm->lowmem_top < 2 * LAYOUT_1M)
		fatal(TRACE_ERR_NO_MEMORY, "no RAM above 1 MiB in the memory map");
	mm->high_base = mm->lowmem_top;
}

void memmap_from_bios(struct memmap *mm, const void *records, uint32_t count, uint32_t stride)
{
	if (count > E820_MAX || e820_parse_records(&mm->e820, records, count, stride))
		fatal(TRACE_ERR_E820, "the BIOS memory map (INT 15h E820, %u entries) is unusable",
		      count);
	mm->lowmem_top = e820_lowmem_top(&mm->e820);
	if (mm->lowmem_top < 2 * LAYOUT_1M)
		fatal(TRACE_ERR_NO_MEMORY, "no RAM above 1 MiB in the memory map");
	mm->high_base = mm->lowmem_top;
}

void *memmap_alloc_high(struct memmap *mm, uint32_t size, uint32_t align, uint64_t *phys)
{
	uint64_t a;

	if (size > mm->high_base - LAYOUT_1M)
		return NULL;
	a = ALIGN_DOWN(mm->high_base - size, (uint64_t)align);
	if (a < 2 * LAYOUT_1M)
		return NULL;
	mm->high_base = a;
	*phys = a;
	return (void *)(uintptr_t)a;
}

void memmap_finish(struct memmap *mm, const struct board *b)
{
	struct e820_map *m = &mm->e820;
	uint32_t low = mm->low_reserved ? mm->low_reserved : LAYOUT_LEGACY_HOLE;
	int r;

	/* e820_set ignores the empty ranges */
	r = e820_set(m, low, LAYOUT_LEGACY_HOLE - low, E820_RESERVED);
	r |= e820_set(m, LAYOUT_LEGACY_HOLE, LAYOUT_BIOS_SEG - LAYOUT_LEGACY_HOLE, E820_REMOVE);
	r |= e820_set(m, LAYOUT_BIOS_SEG, LAYOUT_1M - LAYOUT_BIOS_SEG, E820_RESERVED);
	r |= e820_set(m, mm->high_base, mm->lowmem_top - mm->high_base, E820_RESERVED);
	if (b->reserve)
		r |= b->reserve(b, m);
	if (r)
		fatal(TRACE_ERR_E820, "memory map has more than %u entries", E820_MAX);
}
