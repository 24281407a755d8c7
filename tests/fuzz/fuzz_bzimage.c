/* bzimage_check, bzimage_place and bzimage_zero_page on any setup bytes
 * (copied to an exact-size buffer for ASan). The image's first 12 bytes (the
 * boot sector, which no header field uses) drive the layout: kernel size,
 * initrd size, top. The memory map is pc's with -m 512M after the firmware's
 * edits. zero_page runs for any image of at least 0x202 bytes: shorter ones
 * hit the bug test_bzimage_zero_page.c reports. */
#include <stdint.h>
#include <string.h>
#include "bzimage.h"
#include "fuzz_check.h"

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void check_layout(const struct bzimage_info *info, const struct e820_map *m, uint64_t top,
			 const struct bzimage_layout *lay)
{
	uint64_t limit = (uint64_t)info->initrd_addr_max + 1;

	FUZZ_CHECK(lay->kernel_end >= (uint64_t)lay->kernel_addr + lay->kernel_size);
	FUZZ_CHECK(lay->kernel_end <= top);
	FUZZ_CHECK(e820_is_ram(m, lay->kernel_addr, lay->kernel_end - lay->kernel_addr));
	if (!lay->initrd_size) {
		FUZZ_CHECK(lay->initrd_addr == 0);
		return;
	}
	FUZZ_CHECK(lay->initrd_addr % 4096 == 0 && lay->initrd_addr >= lay->kernel_end);
	FUZZ_CHECK(lay->initrd_addr + lay->initrd_size <= (top < limit ? top : limit));
	FUZZ_CHECK(e820_is_ram(m, lay->initrd_addr, lay->initrd_size));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t bp[BP_SIZE];
	uint8_t *setup = malloc(size ? size : 1);
	struct e820_map m = { 0 };
	struct bzimage_info info;
	struct bzimage_layout lay = { .kernel_addr = 0x100000 };
	enum bzimage_status st;
	uint64_t top = 0x1ff00000;

	memcpy(setup, data, size);
	e820_set(&m, 0, 0x9fc00, E820_RAM);
	e820_set(&m, 0x100000, 0x1fe00000, E820_RAM);
	e820_set(&m, 0x1ff00000, 0x100000, E820_RESERVED);

	st = bzimage_check(setup, size, &info);
	FUZZ_CHECK(st == BZIMAGE_OK || st == BZIMAGE_NOT_LINUX || st == BZIMAGE_TOO_OLD);
	if (st == BZIMAGE_OK) {
		FUZZ_CHECK(size >= 0x264 && memcmp(data + 0x202, "HdrS", 4) == 0);
		FUZZ_CHECK(info.version >= 0x020a && (data[0x211] & 1));
		FUZZ_CHECK(info.init_size == le32(data + 0x260));
		lay.kernel_size = le32(data);
		lay.initrd_size = le32(data + 4);
		top = le32(data + 8) ? le32(data + 8) : top;
		if (bzimage_place(&info, &m, top, &lay) == 0)
			check_layout(&info, &m, top, &lay);
	}
	if (size >= 0x202) {
		memset(bp, 0x5a, sizeof(bp));
		bzimage_zero_page(bp, setup, size, &lay, 0x20000, 0xe0000, &m);
		FUZZ_CHECK(bp[0x210] == 0xff && bp[0x1fa] == 0xff && bp[0x1fb] == 0xff);
		FUZZ_CHECK(bp[0x1e8] == m.n && bp[0] == 0 && bp[BP_SIZE - 1] == 0);
		FUZZ_CHECK(le32(bp + 0x228) == 0x20000 && le32(bp + 0x214) == lay.kernel_addr);
	}
	free(setup);
	return 0;
}
