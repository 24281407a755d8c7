#include "fseg.h"
#include "layout.h"

/* linker/bios.lds: the image's code ends here; the init block starts at
 * BIOS_BASE + 0xff00. The same offsets below 1 MiB are free in the F segment. */
extern char _end_of_code[];
#define BIOS_BASE 0xffff0000u
#define FSEG_LIMIT (LAYOUT_BIOS_SEG + 0xff00)

static uint32_t next;
static bool opened;

void fseg_open(const struct board *b)
{
	if (opened)
		return;
	if (b->fseg_write)
		b->fseg_write(true);
	next = LAYOUT_BIOS_SEG + ALIGN_UP((uint32_t)(uintptr_t)_end_of_code - BIOS_BASE, 16u);
	opened = true;
}

void *fseg_alloc(uint32_t size, uint32_t *phys)
{
	uint32_t at = next;

	if (!opened || size > FSEG_LIMIT - at)
		return NULL;
	next = ALIGN_UP(at + size, 16u);
	*phys = at;
	return (void *)(uintptr_t)at;
}

void fseg_close(const struct board *b)
{
	if (opened && b->fseg_write)
		b->fseg_write(false);
	opened = false;
}
