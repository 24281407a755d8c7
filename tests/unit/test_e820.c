/* e820.c: QEMU's etc/e820 parser and the map editing the firmware does.
 * Expected maps are written out by hand. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "e820.h"

#define KIB 0x400ull
#define MIB 0x100000ull
#define GIB 0x40000000ull
#define RAM E820_RAM
#define RES E820_RESERVED

/* QEMU's record: le64 addr, le64 size, le32 type (20 bytes, packed). */
static size_t rec(uint8_t *buf, size_t i, uint64_t addr, uint64_t size, uint32_t type)
{
	uint8_t *r = buf + 20 * i;

	for (int b = 0; b < 8; b++) {
		r[b] = (uint8_t)(addr >> (8 * b));
		r[8 + b] = (uint8_t)(size >> (8 * b));
	}
	for (int b = 0; b < 4; b++)
		r[16 + b] = (uint8_t)(type >> (8 * b));
	return 20 * (i + 1);
}

static void expect(const struct e820_map *m, const struct e820_entry *want, uint32_t n)
{
	assert_int_equal(m->n, n);
	for (uint32_t i = 0; i < n; i++) {
		assert_int_equal(m->e[i].addr, want[i].addr);
		assert_int_equal(m->e[i].size, want[i].size);
		assert_int_equal(m->e[i].type, want[i].type);
	}
}

/* -M pc -m 512M (with KVM: kvm_arch_init reserves 4 pages, identity map + TSS). */
static void pc_512m(struct e820_map *m)
{
	uint8_t buf[40];

	rec(buf, 0, 0, 512 * MIB, RAM);
	assert_int_equal(e820_parse_qemu(m, buf, rec(buf, 1, 0xfeffc000, 0x4000, RES)), 0);
}

static void test_parse_pc_512m(void **state)
{
	static const struct e820_entry want[] = { { 0, 512 * MIB, RAM },
						  { 0xfeffc000, 0x4000, RES } };
	struct e820_map m;

	(void)state;
	pc_512m(&m);
	expect(&m, want, 2);
	assert_int_equal(e820_lowmem_top(&m), 512 * MIB);
}

static void test_parse_pc_6g(void **state)
{
	/* -m 6G on pc: 3 GiB below 4G (gigabyte_align), the other 3 GiB from 4G;
	 * QEMU lists the reservation last, out of address order. */
	static const struct e820_entry want[] = { { 0, 3 * GIB, RAM },
						  { 0xfeffc000, 0x4000, RES },
						  { 4 * GIB, 3 * GIB, RAM } };
	uint8_t buf[60];
	struct e820_map m;

	(void)state;
	rec(buf, 0, 0, 3 * GIB, RAM);
	rec(buf, 1, 4 * GIB, 3 * GIB, RAM);
	assert_int_equal(e820_parse_qemu(&m, buf, rec(buf, 2, 0xfeffc000, 0x4000, RES)), 0);
	expect(&m, want, 3);
	assert_int_equal(e820_lowmem_top(&m), 3 * GIB);
	assert_true(e820_is_ram(&m, 4 * GIB, 3 * GIB));
	assert_true(e820_is_ram(&m, 3 * GIB - 4 * KIB, 4 * KIB));
	assert_false(e820_is_ram(&m, 3 * GIB - 4 * KIB, 8 * KIB));
	assert_false(e820_is_ram(&m, 4 * GIB - 4 * KIB, 8 * KIB));
}

static void test_parse_rejects(void **state)
{
	uint8_t buf[60] = { 0 };
	struct e820_map m;

	(void)state;
	rec(buf, 0, 0, 512 * MIB, RAM);
	assert_int_equal(e820_parse_qemu(&m, buf, 0), -1);
	assert_int_equal(e820_parse_qemu(&m, buf, 19), -1);
	assert_int_equal(e820_parse_qemu(&m, buf, 21), -1);
	rec(buf, 1, 1 * GIB, 4 * KIB, 0); /* type 0 is not a type */
	assert_int_equal(e820_parse_qemu(&m, buf, 40), -1);
	rec(buf, 1, 0xfffffffffffff000ull, 0x2000, RES); /* wraps past 2^64 */
	assert_int_equal(e820_parse_qemu(&m, buf, 40), -1);
	rec(buf, 1, 0xfffffffffffff000ull, 0x1000, RES); /* ends exactly at 2^64 */
	assert_int_equal(e820_parse_qemu(&m, buf, 40), -1);
	rec(buf, 0, 0, 0, RAM); /* nothing but an empty record */
	assert_int_equal(e820_parse_qemu(&m, buf, 20), -1);
}

static void test_parse_overlapping(void **state)
{
	/* Later records win, as e820_set would do it. */
	static const struct e820_entry want[] = { { 0, 0x9fc00, RAM },
						  { 0x9fc00, 0x400, RES },
						  { 0xa0000, 1 * GIB - 0xa0000, RAM } };
	static const struct e820_entry merged[] = { { 0, 2 * MIB, RAM } };
	uint8_t buf[60];
	struct e820_map m;

	(void)state;
	rec(buf, 0, 0, 1 * GIB, RAM);
	assert_int_equal(e820_parse_qemu(&m, buf, rec(buf, 1, 0x9fc00, 0x400, RES)), 0);
	expect(&m, want, 3);
	rec(buf, 0, 1 * MIB, 1 * MIB, RAM);
	rec(buf, 1, 0, 1 * MIB, RAM);
	assert_int_equal(e820_parse_qemu(&m, buf, rec(buf, 2, 512 * KIB, 1 * MIB, RAM)), 0);
	expect(&m, merged, 1);
}

static void test_punch_holes(void **state)
{
	/* What memmap_finish does to low memory, then holes at the edges. */
	static const struct e820_entry low[] = { { 0, 0xa0000, RAM },
						 { 0xf0000, 0x10000, RES },
						 { 1 * MIB, 511 * MIB, RAM },
						 { 0xfeffc000, 0x4000, RES } };
	static const struct e820_entry edges[] = { { 0x1000, 0x9f000, RAM },
						   { 1 * MIB, 510 * MIB, RAM } };
	struct e820_map m;

	(void)state;
	pc_512m(&m);
	assert_int_equal(e820_set(&m, 0xa0000, 0x50000, E820_REMOVE), 0);
	assert_int_equal(e820_set(&m, 0xf0000, 0x10000, RES), 0);
	expect(&m, low, 4);
	assert_int_equal(e820_set(&m, 0, 0x1000, E820_REMOVE), 0);             /* start */
	assert_int_equal(e820_set(&m, 511 * MIB, 1 * MIB, E820_REMOVE), 0);    /* end */
	assert_int_equal(e820_set(&m, 0xf0000, 0x10000, E820_REMOVE), 0);      /* whole */
	assert_int_equal(e820_set(&m, 0xfe000000, 0x2000000, E820_REMOVE), 0); /* around */
	assert_int_equal(e820_set(&m, 8 * GIB, 1 * GIB, E820_REMOVE), 0);      /* nothing */
	expect(&m, edges, 2);
	/* one hole across both entries */
	assert_int_equal(e820_set(&m, 0x1000, 1 * MIB, E820_REMOVE), 0);
	assert_int_equal(m.n, 1);
	assert_int_equal(m.e[0].addr, 0x101000);
}

static void test_overlapping_sets(void **state)
{
	static const struct e820_entry want[] = { { 0, 1 * GIB - 64 * KIB, RAM },
						  { 1 * GIB - 64 * KIB, 32 * KIB, RES },
						  { 1 * GIB - 32 * KIB, 64 * KIB, E820_ACPI },
						  { 1 * GIB + 32 * KIB, 32 * KIB, RES },
						  { 1 * GIB + 64 * KIB, 1 * GIB - 64 * KIB, RAM } };
	struct e820_map m = { 0 };

	(void)state;
	assert_int_equal(e820_set(&m, 0, 1 * GIB, RAM), 0);
	assert_int_equal(e820_set(&m, 1 * GIB, 1 * GIB, RAM), 0); /* merges */
	assert_int_equal(m.n, 1);
	assert_int_equal(e820_set(&m, 1 * GIB - 64 * KIB, 128 * KIB, RES), 0);
	assert_int_equal(e820_set(&m, 1 * GIB - 32 * KIB, 64 * KIB, E820_ACPI), 0);
	expect(&m, want, 5);
	/* RAM over all of it again: one entry */
	assert_int_equal(e820_set(&m, 512 * MIB, 1 * GIB, RAM), 0);
	assert_int_equal(m.n, 1);
	assert_int_equal(m.e[0].size, 2 * GIB);
}

static void test_merge_neighbours(void **state)
{
	static const struct e820_entry apart[] = { { 0, 1 * MIB, RAM },
						   { 1 * MIB, 1 * MIB, RES },
						   { 2 * MIB, 1 * MIB, RAM } };
	struct e820_map m = { 0 };

	(void)state;
	assert_int_equal(e820_set(&m, 2 * MIB, 1 * MIB, RAM), 0);
	assert_int_equal(e820_set(&m, 0, 1 * MIB, RAM), 0);
	assert_int_equal(e820_set(&m, 1 * MIB, 1 * MIB, RES), 0); /* another type: no merge */
	expect(&m, apart, 3);
	assert_int_equal(e820_set(&m, 1 * MIB, 1 * MIB, RAM), 0); /* fills the gap */
	assert_int_equal(m.n, 1);
	assert_int_equal(m.e[0].size, 3 * MIB);
	/* size 0 changes nothing; a range wrapping 2^64 is refused */
	assert_int_equal(e820_set(&m, 5 * MIB, 0, RES), 0);
	assert_int_equal(e820_set(&m, 0xffffffffffff0000ull, 0x20000, RES), -1);
	assert_int_equal(m.n, 1);
}

/* E820_MAX disjoint 8 KiB RAM entries, 16 KiB apart. */
static void full_map(struct e820_map *m)
{
	memset(m, 0, sizeof(*m));
	for (uint64_t i = 0; i < E820_MAX; i++)
		assert_int_equal(e820_set(m, i * 16 * KIB, 8 * KIB, RAM), 0);
	assert_int_equal(m->n, E820_MAX);
}

static void test_overflow(void **state)
{
	struct e820_map m;

	(void)state;
	full_map(&m);
	assert_int_equal(e820_set(&m, 4 * GIB, 4 * KIB, RES), -1); /* a 129th entry */
	full_map(&m);
	assert_int_equal(e820_set(&m, 2 * KIB, 2 * KIB, E820_REMOVE), -1); /* a split */
	full_map(&m);
	assert_int_equal(e820_set(&m, 0, 8 * KIB, RES), 0);       /* replaces one: still 128 */
	assert_int_equal(e820_set(&m, 8 * KIB, 8 * KIB, RES), 0); /* joins it */
	assert_int_equal(m.n, E820_MAX);
	assert_int_equal(e820_set(&m, 0, 32 * KIB, E820_REMOVE), 0);
	assert_int_equal(m.n, E820_MAX - 2);
}

/* BUG: the header promises -1 only "if it would overflow"; RAM inside a RAM
 * entry of a full map changes nothing, yet the split pieces count first. */
static void regress_overflow_on_noop_set(void **state)
{
	struct e820_map m, before;

	(void)state;
	full_map(&m);
	before = m;
	assert_int_equal(e820_set(&m, 16 * KIB + 4 * KIB, 2 * KIB, RAM), 0);
	assert_memory_equal(&m, &before, sizeof(m));
}

static void test_lowmem_top_and_is_ram(void **state)
{
	struct e820_map m = { 0 };

	(void)state;
	assert_int_equal(e820_lowmem_top(&m), 0);
	assert_int_equal(e820_set(&m, 0, 1 * MIB, RAM), 0); /* ends at 1 MiB: does not contain it */
	assert_int_equal(e820_lowmem_top(&m), 0);
	assert_int_equal(e820_set(&m, 0xa0000, 0x60000, RES), 0);
	assert_int_equal(e820_set(&m, 1 * MIB, 6 * GIB, RAM), 0); /* starts at 1 MiB */
	assert_int_equal(e820_lowmem_top(&m), 4 * GIB);           /* clipped */
	assert_int_equal(e820_set(&m, 1 * MIB, 4 * KIB, RES), 0);
	assert_int_equal(e820_lowmem_top(&m), 0); /* 1 MiB is not RAM */
	assert_true(e820_is_ram(&m, 0, 0xa0000));
	assert_false(e820_is_ram(&m, 0, 0xa0001));
	assert_false(e820_is_ram(&m, 0xa0000, 4 * KIB)); /* reserved */
	assert_true(e820_is_ram(&m, 1 * MIB + 4 * KIB, 6 * GIB - 4 * KIB));
	assert_false(e820_is_ram(&m, 1 * MIB + 4 * KIB, 6 * GIB));
	assert_false(e820_is_ram(&m, 2 * MIB, UINT64_MAX)); /* wraps */
}

static void test_place_high(void **state)
{
	struct e820_map m = { 0 };
	uint64_t a = 0;

	(void)state;
	assert_int_equal(e820_set(&m, 1 * MIB, 511 * MIB, RAM), 0);
	assert_int_equal(e820_place_high(&m, 1 * MIB, 512 * MIB, 1 * MIB, &a), 0);
	assert_int_equal(a, 511 * MIB);
	/* top not page aligned: 0x20000000 - 123 - 0x100000 rounds down */
	assert_int_equal(e820_place_high(&m, 1 * MIB, 512 * MIB - 123, 1 * MIB, &a), 0);
	assert_int_equal(a, 0x1feff000);
	assert_int_equal(e820_place_high(&m, 1 * MIB, 512 * MIB, 5000, &a), 0);
	assert_int_equal(a, 0x1fffe000);
	/* floor: exactly the candidate is fine, one page above is not */
	assert_int_equal(e820_place_high(&m, 511 * MIB, 512 * MIB, 1 * MIB, &a), 0);
	assert_int_equal(e820_place_high(&m, 511 * MIB + 1, 512 * MIB, 1 * MIB, &a), -1);
	assert_int_equal(e820_place_high(&m, 1 * MIB, 1 * MIB, 1 * MIB, &a), -1);
	/* top below size, size 0 */
	assert_int_equal(e820_place_high(&m, 0, 4 * KIB, 8 * KIB, &a), -1);
	assert_int_equal(e820_place_high(&m, 1 * MIB, 512 * MIB, 0, &a), -1);
	/* no RAM at all in [floor, top) */
	assert_int_equal(e820_place_high(&m, 1 * GIB, 2 * GIB, 4 * KIB, &a), -1);
	assert_int_equal(e820_place_high(&m, 0, 1 * MIB, 4 * KIB, &a), -1);
}

/* BUG: "Highest page-aligned address ... inside RAM; -1 when there is none",
 * but only the very top candidate is tried: with a reserved area (e.g. the
 * ACPI tables) just under top, it gives up although RAM lies below. */
static void regress_place_high_below_reserved(void **state)
{
	struct e820_map m = { 0 };
	uint64_t a = 0;

	(void)state;
	assert_int_equal(e820_set(&m, 1 * MIB, 511 * MIB, RAM), 0);
	assert_int_equal(e820_set(&m, 511 * MIB, 1 * MIB, RES), 0);
	assert_int_equal(e820_place_high(&m, 1 * MIB, 512 * MIB, 64 * KIB, &a), 0);
	assert_int_equal(a, 511 * MIB - 64 * KIB);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_pc_512m),
		cmocka_unit_test(test_parse_pc_6g),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_parse_overlapping),
		cmocka_unit_test(test_punch_holes),
		cmocka_unit_test(test_overlapping_sets),
		cmocka_unit_test(test_merge_neighbours),
		cmocka_unit_test(test_overflow),
		cmocka_unit_test(regress_overflow_on_noop_set),
		cmocka_unit_test(test_lowmem_top_and_is_ram),
		cmocka_unit_test(test_place_high),
		cmocka_unit_test(regress_place_high_below_reserved),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
