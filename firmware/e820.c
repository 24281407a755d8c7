/* Memory map editing: every change goes through e820_set, which keeps the
 * table in the form the kernel's sanitizer would produce anyway. */
#include "e820.h"

/* Appends the part of e inside [lo, hi) to out, merged with the entry
 * before when that one has the same type and ends where it starts. */
static void append_clipped(struct e820_map *out, const struct e820_entry *e, uint64_t lo,
			   uint64_t hi)
{
	uint64_t a = MAX(e->addr, lo), z = MIN(e->addr + e->size, hi);
	struct e820_entry *last;

	/* Merging never shrinks the count: once past E820_MAX, stay there. */
	if (a >= z || out->n > E820_MAX)
		return;
	last = out->e + out->n; /* [-1] is the one before, when n > 0 */
	if (out->n && last[-1].type == e->type && last[-1].addr + last[-1].size == a) {
		last[-1].size = z - last[-1].addr;
		return;
	}
	if (out->n < E820_MAX)
		out->e[out->n] = (struct e820_entry){ a, z - a, e->type };
	out->n++;
}

int e820_set(struct e820_map *m, uint64_t addr, uint64_t size, uint32_t type)
{
	/* The map is sorted and disjoint, so what lies below addr, the new
	 * entry and what lies above its end come out sorted as they are. */
	static struct e820_map out;
	const struct e820_entry add = { addr, size, type };
	uint64_t end = addr + size;
	uint32_t i;

	if (size == 0)
		return 0;
	if (end < addr)
		return -1;
	out.n = 0;
	for (i = 0; i < m->n; i++)
		append_clipped(&out, &m->e[i], 0, addr);
	if (type != E820_REMOVE)
		append_clipped(&out, &add, addr, end);
	for (i = 0; i < m->n; i++)
		append_clipped(&out, &m->e[i], end, UINT64_MAX);
	if (out.n > E820_MAX)
		return -1; /* the map is left as it was */
	memcpy(m->e, out.e, out.n * sizeof(out.e[0]));
	m->n = out.n;
	return 0;
}

int e820_parse_records(struct e820_map *m, const void *buf, uint32_t count, uint32_t stride)
{
	const uint8_t *p = buf;

	m->n = 0;
	if (count == 0 || stride < 20)
		return -1;
	for (uint32_t i = 0; i < count; i++) {
		uint64_t addr = get64(p, (size_t)i * stride),
			 size = get64(p, (size_t)i * stride + 8);
		uint32_t type = get32(p, (size_t)i * stride + 16);

		/* e820_set refuses a range that wraps */
		if (type == E820_REMOVE || e820_set(m, addr, size, type))
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

/* The end of the RAM entry holding all of [addr, addr+size); 0 if none. */
static __attribute__((noinline)) uint64_t ram_end(const struct e820_map *m, uint64_t addr,
						  uint64_t size)
{
	if (addr + size < addr)
		return 0;
	for (uint32_t i = 0; i < m->n; i++) {
		const struct e820_entry *e = &m->e[i];

		if (e->type == E820_RAM && addr >= e->addr && addr + size <= e->addr + e->size)
			return e->addr + e->size;
	}
	return 0;
}

bool e820_is_ram(const struct e820_map *m, uint64_t addr, uint64_t size)
{
	return ram_end(m, addr, size) != 0;
}

uint64_t e820_lowmem_top(const struct e820_map *m)
{
	return MIN(ram_end(m, 0x100000, 1), 0x100000000ull);
}

int e820_place_high(const struct e820_map *m, uint64_t floor, uint64_t top, uint64_t size,
		    uint64_t *addr)
{
	if (size == 0)
		return -1;
	/* the map is sorted and disjoint: the first fit from the top is the highest */
	for (uint32_t i = m->n; i--;) {
		const struct e820_entry *e = &m->e[i];
		uint64_t lo = MAX(e->addr, floor), hi = MIN(e->addr + e->size, top), a;

		if (e->type != E820_RAM || hi < lo || hi - lo < size)
			continue;
		a = ALIGN_DOWN(hi - size, 4096);
		if (a >= lo) {
			*addr = a;
			return 0;
		}
	}
	return -1;
}
