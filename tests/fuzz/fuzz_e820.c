/* e820_parse_qemu, then e820_set calls driven by the input; after each, the
 * map must be sorted, non-overlapping, merged, with n <= E820_MAX, and a
 * successful set must show in the map.
 * Input: byte 0 = number of 20-byte QEMU records, the records, then
 * 17-byte operations {u8 op, u64 addr, u64 size}: type = op % 6 (0 removes);
 * op bit 7 takes addr/size raw, else as 4 KiB page numbers (low 32 bits) so
 * the interesting small maps come up often. */
#include <stdint.h>
#include <string.h>
#include "e820.h"
#include "fuzz_check.h"

static void check_map(const struct e820_map *m)
{
	FUZZ_CHECK(m->n <= E820_MAX);
	for (uint32_t i = 0; i < m->n; i++) {
		const struct e820_entry *e = &m->e[i];

		FUZZ_CHECK(e->size != 0 && e->type != E820_REMOVE);
		FUZZ_CHECK(e->addr + e->size > e->addr); /* no wrap past 2^64 */
		if (i) {
			const struct e820_entry *p = &m->e[i - 1];

			FUZZ_CHECK(p->addr + p->size <= e->addr);
			FUZZ_CHECK(p->addr + p->size != e->addr || p->type != e->type);
		}
	}
}

/* After a successful e820_set: [addr, end) is gone, or inside one entry of type. */
static void check_set(const struct e820_map *m, uint64_t addr, uint64_t size, uint32_t type)
{
	uint64_t end = addr + size;
	bool inside = false;

	for (uint32_t i = 0; i < m->n; i++) {
		const struct e820_entry *e = &m->e[i];
		bool overlaps = e->addr < end && addr < e->addr + e->size;

		if (type == E820_REMOVE)
			FUZZ_CHECK(!overlaps);
		else if (overlaps)
			inside = e->type == type && e->addr <= addr && end <= e->addr + e->size;
		if (overlaps && type != E820_REMOVE)
			FUZZ_CHECK(inside);
	}
	FUZZ_CHECK(type == E820_REMOVE || inside);
	FUZZ_CHECK((type == E820_RAM) == e820_is_ram(m, addr, size));
}

static void check_queries(const struct e820_map *m, uint64_t floor, uint64_t top, uint64_t size)
{
	uint64_t low = e820_lowmem_top(m), a = 0;

	if (low)
		FUZZ_CHECK(low > 0x100000 && low <= 0x100000000ull && e820_is_ram(m, 0x100000, 1));
	if (e820_place_high(m, floor, top, size, &a) == 0)
		FUZZ_CHECK(a % 4096 == 0 && a >= floor && a + size <= top &&
			   e820_is_ram(m, a, size));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct e820_map m;
	size_t len, off;

	if (size < 1)
		return 0;
	len = (size_t)data[0] * 20;
	if (len > size - 1)
		len = (size - 1) / 20 * 20;
	/* A refused map must still be well-formed; go on with what is there. */
	(void)e820_parse_qemu(&m, data + 1, len);
	check_map(&m);
	for (off = 1 + len; off + 17 <= size; off += 17) {
		uint8_t op = data[off];
		uint64_t addr, sz;
		uint32_t type = op % 6u;

		memcpy(&addr, data + off + 1, 8);
		memcpy(&sz, data + off + 9, 8);
		if (!(op & 0x80)) {
			addr = (addr & 0xffffffffu) << 12;
			sz = (sz & 0xffffffffu) << 12;
		}
		if (e820_set(&m, addr, sz, type) == 0 && sz)
			check_set(&m, addr, sz, type);
		check_map(&m);
		check_queries(&m, addr, addr + sz, sz >> 4);
	}
	return 0;
}
