/* Fake fw_cfg + guest memory for acpi_loader_run; see fake_env.h. */
#include <stdio.h>
#include <stdlib.h>
#include "fake_env.h"

bool acpi_loader_find(const char *name, uint16_t *select, uint32_t *size, void *ctx)
{
	struct fake_env *f = ctx;

	for (unsigned i = 0; i < f->nfiles; i++) {
		if (strcmp(f->file[i].name, name) == 0) {
			*select = (uint16_t)(FAKE_FIRST_SELECT + i);
			*size = f->file[i].size;
			return true;
		}
	}
	return false;
}

/* Aborts rather than asserts: a bad select or size is a loader bug that must
 * stop a fuzzer as well as a unit test. */
void acpi_loader_read(uint16_t select, void *dst, uint32_t size, void *ctx)
{
	struct fake_env *f = ctx;
	unsigned i = select - FAKE_FIRST_SELECT;

	if (select < FAKE_FIRST_SELECT || i >= f->nfiles || size > f->file[i].size) {
		fprintf(stderr, "fake_env: bad read of select 0x%x size %u\n", select, size);
		abort();
	}
	memcpy(dst, f->file[i].data, size);
}

int acpi_loader_write(uint16_t select, uint32_t offset, const void *src, uint32_t len, void *ctx)
{
	struct fake_env *f = ctx;
	unsigned i = select - FAKE_FIRST_SELECT;
	struct fake_write *w;

	if (select < FAKE_FIRST_SELECT || i >= f->nfiles || len > 8 || offset > f->file[i].size ||
	    len > f->file[i].size - offset) {
		fprintf(stderr, "fake_env: bad write to select 0x%x at %u+%u\n", select, offset,
			len);
		abort();
	}
	if (f->write_result)
		return f->write_result;
	memcpy(f->file[i].data + offset, src, len);
	if (f->nwrites < FAKE_MAX_WRITES) {
		w = &f->write[f->nwrites++];
		w->select = select;
		w->offset = offset;
		w->len = len;
		memcpy(w->bytes, src, len);
	}
	return 0;
}

/* Top-down like the firmware's memmap_alloc_high, aligned in guest terms. */
void *acpi_loader_alloc(uint32_t size, uint32_t align, uint8_t zone, uint64_t *phys, void *ctx)
{
	struct fake_env *f = ctx;
	uint64_t p;

	if (f->alloc_fails || f->nallocs == FAKE_MAX_ALLOCS || size > f->top || align == 0)
		return NULL;
	p = (f->phys_base + f->top - size) & ~((uint64_t)align - 1);
	if (p < f->phys_base)
		return NULL;
	f->top = (size_t)(p - f->phys_base);
	f->alloc[f->nallocs++] = (struct fake_alloc){ f->top, size, align, zone };
	*phys = p;
	return f->mem + f->top;
}

void fake_env_init(struct fake_env *f, size_t mem_size, uint64_t phys_base)
{
	memset(f, 0, sizeof(*f));
	f->mem = malloc(mem_size); /* exact size: ASan sees any overrun */
	if (!f->mem)
		abort();
	f->mem_size = mem_size;
	f->phys_base = phys_base;
	fake_env_reset(f);
}

/* Back to no files, no allocations, all canary; the buffer is kept. */
void fake_env_reset(struct fake_env *f)
{
	uint8_t *mem = f->mem;
	size_t size = f->mem_size;
	uint64_t base = f->phys_base;

	for (unsigned i = 0; i < f->nfiles; i++)
		free(f->file[i].data);
	memset(f, 0, sizeof(*f));
	memset(mem, FAKE_CANARY, size);
	f->mem = mem;
	f->mem_size = f->top = size;
	f->phys_base = base;
}

void fake_env_free(struct fake_env *f)
{
	fake_env_reset(f);
	free(f->mem);
	f->mem = NULL;
}

void fake_env_add(struct fake_env *f, const char *name, const void *data, uint32_t data_len,
		  uint32_t size)
{
	struct fake_file *file;

	if (f->nfiles == FAKE_MAX_FILES || strlen(name) >= sizeof(file->name) || data_len > size)
		abort();
	file = &f->file[f->nfiles++];
	strcpy(file->name, name);
	file->size = size;
	file->data = calloc(1, size ? size : 1);
	if (!file->data)
		abort();
	if (data_len)
		memcpy(file->data, data, data_len);
}

struct fake_file *fake_env_file(struct fake_env *f, const char *name)
{
	for (unsigned i = 0; i < f->nfiles; i++)
		if (strcmp(f->file[i].name, name) == 0)
			return &f->file[i];
	return NULL;
}

uint8_t *fake_env_host(struct fake_env *f, uint64_t phys, size_t len)
{
	if (phys < f->phys_base || phys - f->phys_base > f->mem_size ||
	    len > f->mem_size - (phys - f->phys_base))
		return NULL;
	return f->mem + (phys - f->phys_base);
}

/* memcmp against a canary block: far faster than a byte loop under ASan,
 * which matters to the fuzzer. */
static bool all_canary(const uint8_t *p, size_t n)
{
	static uint8_t block[4096];

	if (!block[0])
		memset(block, FAKE_CANARY, sizeof(block));
	for (size_t step; n; p += step, n -= step) {
		step = n < sizeof(block) ? n : sizeof(block);
		if (memcmp(p, block, step))
			return false;
	}
	return true;
}

/* Allocations are top-down, so alloc[] is sorted by descending offset and
 * the gaps between neighbours are the bytes nobody may write. */
bool fake_env_canary_intact(const struct fake_env *f)
{
	size_t end = f->mem_size;

	for (unsigned a = 0; a < f->nallocs; a++) {
		size_t top = f->alloc[a].off + f->alloc[a].size;

		if (!all_canary(f->mem + top, end - top))
			return false;
		end = f->alloc[a].off;
	}
	return all_canary(f->mem, end);
}
