/* Memory map editing: every change goes through e820_set, which keeps the
 * table in the form the kernel's sanitizer would produce anyway. */
#include "e820.h"

static void sort(struct e820_entry *e, uint32_t n)
{
	for (uint32_t i = 1; i < n; i++) {
		struct e820_entry t = e[i];
		uint32_t j = i;

		while (j && e[j - 1].addr > t.addr) {
			e[j] = e[j - 1];
			j--;
		}
		e[j] = t;
	}
}

int e820_set(struct e820_map *m, uint64_t addr, uint64_t size, uint32_t type)
{
	/* At most one old entry splits in two, plus the new one. */
	struct e820_entry out[E820_MAX + 2], merged[E820_MAX + 2];
	uint64_t end = addr + size;
	uint32_t n = 0, k = 0, i;

	if (size == 0)
		return 0;
	if (end < addr)
		return -1;
	for (i = 0; i < m->n; i++) {
		struct e820_entry *e = &m->e[i];
		uint64_t eend = e->addr + e->size;

		if (eend <= addr || e->addr >= end) {
			out[n++] = *e;
			continue;
		}
		if (e->addr < addr)
			out[n++] = (struct e820_entry){ e->addr, addr - e->addr, e->type };
		if (eend > end)
			out[n++] = (struct e820_entry){ end, eend - end, e->type };
	}
	if (type != E820_REMOVE)
		out[n++] = (struct e820_entry){ addr, size, type };
	sort(out, n);
	/* merge neighbours of one type; only then is the size known */
	for (i = 0; i < n; i++) {
		struct e820_entry *last = k ? &merged[k - 1] : NULL;

		if (last && last->type == out[i].type && last->addr + last->size == out[i].addr)
			last->size += out[i].size;
		else
			merged[k++] = out[i];
	}
	if (k > E820_MAX)
		return -1; /* the map is left as it was */
	memcpy(m->e, merged, k * sizeof(merged[0]));
	m->n = k;
	return 0;
}

int e820_parse_records(struct e820_map *m, const void *buf, uint32_t count, uint32_t stride)
{
	const uint8_t *p = buf;

	m->n = 0;
	if (count == 0 || stride < 20)
		return -1;
	for (uint32_t i = 0; i < count; i++) {
		uint64_t addr = get64(p, (size_t)i * stride), size = get64(p, (size_t)i * stride + 8);
		uint32_t type = get32(p, (size_t)i * stride + 16);

		if (type == E820_REMOVE || addr + size < addr)
			return -1;
		if (e820_set(m, addr, size, type))
			return -1;
	}
	return m->n ? 0 : -1;
}

int e820_parse_qemu(struct e820_map *m, const void *buf, size_t len)
{
	if (len == 0 || len % 20) {
		m->n = 0;
		return -1;
	}
	return e820_parse_records(m, buf, (uint32_t)(len / 20), 20);
}

bool e820_is_ram(const struct e820_map *m, uint64_t addr, uint64_t size)
{
	if (addr + size < addr)
		return false;
	for (uint32_t i = 0; i < m->n; i++) {
		const struct e820_entry *e = &m->e[i];

		if (e->type == E820_RAM && addr >= e->addr && addr + size <= e->addr + e->size)
			return true;
	}
	return false;
}

uint64_t e820_lowmem_top(const struct e820_map *m)
{
	const uint64_t mib = 0x100000, four_g = 0x100000000ull;

	for (uint32_t i = 0; i < m->n; i++) {
		const struct e820_entry *e = &m->e[i];

		if (e->type == E820_RAM && e->addr <= mib && e->addr + e->size > mib)
			return MIN(e->addr + e->size, four_g);
	}
	return 0;
}

int e820_place_high(const struct e820_map *m, uint64_t floor, uint64_t top, uint64_t size,
		    uint64_t *addr)
{
	bool found = false;

	if (size == 0)
		return -1;
	for (uint32_t i = 0; i < m->n; i++) {
		const struct e820_entry *e = &m->e[i];
		uint64_t lo = MAX(e->addr, floor), hi = MIN(e->addr + e->size, top), a;

		if (e->type != E820_RAM || hi < lo || hi - lo < size)
			continue;
		a = ALIGN_DOWN(hi - size, 4096);
		if (a >= lo && (!found || a > *addr)) {
			*addr = a;
			found = true;
		}
	}
	return found ? 0 : -1;
}
