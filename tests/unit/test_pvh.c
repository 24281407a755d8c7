/* pvh.c: the ELF check and hvm_start_info, laid out as Xen's
 * xen/include/public/arch-x86/hvm/start_info.h says (version 1):
 *   0 u32 magic, 4 u32 version, 8 u32 flags, 12 u32 nr_modules,
 *   16 u64 modlist_paddr, 24 u64 cmdline_paddr, 32 u64 rsdp_paddr,
 *   40 u64 memmap_paddr, 48 u32 memmap_entries, 52 u32 reserved;
 *   module: u64 paddr, size, cmdline_paddr, reserved (32 bytes);
 *   memmap entry: u64 addr, u64 size, u32 type, u32 reserved (24 bytes). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "pvh.h"
#include "fixture.h"

static uint64_t rd(const uint8_t *p, int bytes)
{
	uint64_t v = 0;

	while (bytes--)
		v = v << 8 | p[bytes];
	return v;
}

/* An ELF header: e_ident[4] class, [5] data; e_type at 16, e_machine at 18. */
static void elf(uint8_t *h, uint8_t class, uint8_t data, uint16_t type, uint16_t machine)
{
	memset(h, 0, 64);
	memcpy(h,
	       "\x7f"
	       "ELF",
	       4);
	h[4] = class;
	h[5] = data;
	h[6] = 1; /* EV_CURRENT */
	h[16] = (uint8_t)type;
	h[17] = (uint8_t)(type >> 8);
	h[18] = (uint8_t)machine;
	h[19] = (uint8_t)(machine >> 8);
}

/* Exact-size copies, so ASan sees reads past len. */
static bool ok(const uint8_t *h, size_t len)
{
	uint8_t *c = malloc(len ? len : 1);
	bool r;

	memcpy(c, h, len);
	r = pvh_elf_header_ok(c, len);
	free(c);
	return r;
}

static void test_elf_header(void **state)
{
	uint8_t h[64];

	(void)state;
	elf(h, 2, 1, 2, 62); /* ELF64, LE, ET_EXEC, EM_X86_64 */
	assert_true(ok(h, 64));
	elf(h, 1, 1, 2, 3);     /* ELF32, EM_386 */
	assert_true(ok(h, 52)); /* exactly an ELF32 header */
	assert_false(ok(h, 51));
	assert_false(ok(h, 0));
	elf(h, 2, 1, 2, 40); /* EM_ARM */
	assert_false(ok(h, 64));
	elf(h, 2, 1, 2, 0);
	assert_false(ok(h, 64));
	elf(h, 2, 1, 2, 62 << 8); /* machine byte-swapped */
	assert_false(ok(h, 64));
	elf(h, 2, 2, 2, 62); /* big-endian */
	assert_false(ok(h, 64));
	elf(h, 2, 1, 3, 62); /* ET_DYN */
	assert_false(ok(h, 64));
	elf(h, 2, 1, 1, 62); /* ET_REL */
	assert_false(ok(h, 64));
	elf(h, 0, 1, 2, 62); /* ELFCLASSNONE */
	assert_false(ok(h, 64));
	elf(h, 3, 1, 2, 62);
	assert_false(ok(h, 64));
	elf(h, 2, 1, 2, 62);
	h[0] = 0x7e; /* magic */
	assert_false(ok(h, 64));
}

static void test_debian_vmlinux(void **state)
{
	size_t len;
	uint8_t *h = fixture_read("debian-6.1-vmlinux-head.bin", &len);

	(void)state;
	assert_non_null(h);
	assert_int_equal(len, 64);
	assert_true(ok(h, len));
	free(h);
}

static struct e820_map map3(void)
{
	struct e820_map m = { .n = 3 };

	m.e[0] = (struct e820_entry){ 0, 0x9fc00, 1 };
	m.e[1] = (struct e820_entry){ 0x100000, 0x1fe00000, 1 };
	m.e[2] = (struct e820_entry){ 0x1ff00000, 0x100000, 2 };
	return m;
}

static void test_start_info_with_initrd(void **state)
{
	struct e820_map m = map3();
	uint8_t *page = malloc(4096);

	(void)state;
	memset(page, 0x5a, 4096);
	pvh_start_info(page, 0x6000, 0x20000, 0x1e000000, 0x1234567, 0x1fffe000, &m);
	assert_int_equal(rd(page + 0, 4), 0x336ec578);
	assert_int_equal(rd(page + 4, 4), 1);
	assert_int_equal(rd(page + 8, 4), 0);
	assert_int_equal(rd(page + 12, 4), 1);           /* nr_modules */
	assert_int_equal(rd(page + 16, 8), 0x6000 + 64); /* modlist_paddr: our page + 64 */
	assert_int_equal(rd(page + 24, 8), 0x20000);
	assert_int_equal(rd(page + 32, 8), 0x1fffe000);
	assert_int_equal(rd(page + 40, 8), 0x6000 + 128);
	assert_int_equal(rd(page + 48, 4), 3);
	assert_int_equal(rd(page + 52, 4), 0);
	/* the module */
	assert_int_equal(rd(page + 64, 8), 0x1e000000);
	assert_int_equal(rd(page + 72, 8), 0x1234567);
	assert_int_equal(rd(page + 80, 8), 0); /* no module command line */
	assert_int_equal(rd(page + 88, 8), 0);
	/* the memory map */
	for (int i = 0; i < 3; i++) {
		const uint8_t *e = page + 128 + 24 * i;

		assert_int_equal(rd(e, 8), m.e[i].addr);
		assert_int_equal(rd(e + 8, 8), m.e[i].size);
		assert_int_equal(rd(e + 16, 4), m.e[i].type);
		assert_int_equal(rd(e + 20, 4), 0);
	}
	/* the rest of the page that start info covers is zero */
	for (int i = 56; i < 64; i++)
		assert_int_equal(page[i], 0);
	for (int i = 96; i < 128; i++)
		assert_int_equal(page[i], 0);
	for (int i = 128 + 3 * 24; i < 128 + 128 * 24; i++)
		assert_int_equal(page[i], 0);
	free(page);
}

static void test_start_info_without_initrd(void **state)
{
	struct e820_map m = map3();
	uint8_t *page = malloc(4096);

	(void)state;
	memset(page, 0x5a, 4096);
	pvh_start_info(page, 0x6000, 0x20000, 0, 0, 0, &m);
	assert_int_equal(rd(page + 12, 4), 0); /* nr_modules */
	assert_int_equal(rd(page + 16, 8), 0); /* modlist_paddr */
	for (int i = 64; i < 96; i++)
		assert_int_equal(page[i], 0);
	assert_int_equal(rd(page + 32, 8), 0); /* no RSDP: the kernel searches */
	assert_int_equal(rd(page + 48, 4), 3);
	free(page);
}

static void test_start_info_full_map(void **state)
{
	struct e820_map m = { .n = E820_MAX };
	uint8_t *page = malloc(PVH_PAGE_SIZE); /* exact: the map fills it */

	(void)state;
	for (uint32_t i = 0; i < E820_MAX; i++)
		m.e[i] = (struct e820_entry){ 0x100000000ull * i, 0x1000 + i, 1 + i % 5 };
	pvh_start_info(page, 0xfffff000u, 0x20000, 0x1e000000, 4096, 0, &m);
	assert_int_equal(PVH_PAGE_SIZE, 128 + 128 * 24);
	assert_int_equal(rd(page + 48, 4), 128);
	assert_int_equal(rd(page + 40, 8), 0xfffff080);
	assert_int_equal(rd(page + 128 + 127 * 24, 8), 0x7f00000000ull);
	assert_int_equal(rd(page + 128 + 127 * 24 + 16, 4), 1 + 127 % 5);
	free(page);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_elf_header),
		cmocka_unit_test(test_debian_vmlinux),
		cmocka_unit_test(test_start_info_with_initrd),
		cmocka_unit_test(test_start_info_without_initrd),
		cmocka_unit_test(test_start_info_full_map),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
