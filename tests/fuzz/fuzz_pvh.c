/* pvh_elf_header_ok on any bytes (exact-size copy for ASan), checked against
 * the ELF rules written out here; then pvh_start_info with a memory map made
 * of the same bytes. */
#include <stdint.h>
#include <string.h>
#include "pvh.h"
#include "fuzz_check.h"

static bool want_ok(const uint8_t *h, size_t len)
{
	uint16_t type, machine;

	if (len < 52 || memcmp(h,
			       "\x7f"
			       "ELF",
			       4) != 0)
		return false;
	type = (uint16_t)(h[16] | h[17] << 8);
	machine = (uint16_t)(h[18] | h[19] << 8);
	return (h[4] == 1 || h[4] == 2) && h[5] == 1 && type == 2 &&
	       (machine == 3 || machine == 62);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *copy = malloc(size ? size : 1), *page;
	struct e820_map m = { 0 };
	uint32_t cmdline = 0;
	uint64_t initrd = 0;

	memcpy(copy, data, size);
	FUZZ_CHECK(pvh_elf_header_ok(copy, size) == want_ok(data, size));
	free(copy);

	/* start info: up to E820_MAX entries of 17 input bytes each */
	for (size_t off = 0; off + 17 <= size && m.n < E820_MAX; off += 17, m.n++) {
		memcpy(&m.e[m.n].addr, data + off, 8);
		memcpy(&m.e[m.n].size, data + off + 8, 8);
		m.e[m.n].type = data[off + 16];
	}
	if (size >= 12) {
		memcpy(&cmdline, data, 4);
		memcpy(&initrd, data + 4, 8);
	}
	page = malloc(PVH_PAGE_SIZE); /* exact: the largest map fills it */
	pvh_start_info(page, 0x7000, cmdline, initrd, size, 0xe0000, &m);
	FUZZ_CHECK(memcmp(page, "\x78\xc5\x6e\x33", 4) == 0);
	FUZZ_CHECK(page[48] == (uint8_t)m.n && page[12] == (size != 0));
	free(page);
	return 0;
}
