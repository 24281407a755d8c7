/* fw_cfg_dir.c: the fw_cfg file directory (docs/specs/fw_cfg.rst): a be32
 * count, then 64-byte entries {be32 size, be16 select, be16 reserved,
 * char name[56]}. Buffers are malloc'd to their exact length so ASan catches
 * any read past the end. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "fw_cfg.h"
#include "fixture.h"

/* A directory of len bytes claiming count entries. */
static uint8_t *dir_new(size_t len, uint32_t count)
{
	uint8_t *d = calloc(1, len ? len : 1);

	assert_non_null(d);
	if (len >= 4) {
		d[0] = (uint8_t)(count >> 24);
		d[1] = (uint8_t)(count >> 16);
		d[2] = (uint8_t)(count >> 8);
		d[3] = (uint8_t)count;
	}
	return d;
}

/* Entry i: name copied without its NUL when it is 56 characters long. */
static void dir_entry(uint8_t *d, unsigned i, uint32_t size, uint16_t select, const char *name)
{
	uint8_t *e = d + 4 + 64 * i;
	size_t n = strlen(name);

	e[0] = (uint8_t)(size >> 24);
	e[1] = (uint8_t)(size >> 16);
	e[2] = (uint8_t)(size >> 8);
	e[3] = (uint8_t)size;
	e[4] = (uint8_t)(select >> 8);
	e[5] = (uint8_t)select;
	memset(e + 8, 0, 56);
	memcpy(e + 8, name, n < 56 ? n : 56);
}

static uint8_t *three_files(size_t *len)
{
	uint8_t *d;

	*len = 4 + 3 * 64;
	d = dir_new(*len, 3);
	dir_entry(d, 0, 0x20000, 0x0021, "etc/acpi/tables");
	dir_entry(d, 1, 40, 0x0022, "etc/e820");
	dir_entry(d, 2, 4096, 0x0123, "etc/table-loader");
	return d;
}

static void test_hit(void **state)
{
	size_t len;
	uint8_t *d = three_files(&len);
	uint16_t sel = 0;
	uint32_t size = 0;

	(void)state;
	assert_int_equal(fw_cfg_dir_count(d, len), 3);
	assert_true(fw_cfg_dir_find(d, len, "etc/acpi/tables", &sel, &size));
	assert_int_equal(sel, 0x21);
	assert_int_equal(size, 0x20000);
	assert_true(fw_cfg_dir_find(d, len, "etc/e820", &sel, &size));
	assert_int_equal(sel, 0x22);
	assert_int_equal(size, 40);
	/* the last entry, and select's high byte */
	assert_true(fw_cfg_dir_find(d, len, "etc/table-loader", &sel, &size));
	assert_int_equal(sel, 0x123);
	assert_int_equal(size, 4096);
	/* the out-parameters are optional */
	assert_true(fw_cfg_dir_find(d, len, "etc/e820", NULL, NULL));
	free(d);
}

static void test_miss(void **state)
{
	size_t len;
	uint8_t *d = three_files(&len);
	uint16_t sel = 0x5555;
	uint32_t size = 0x5555;

	(void)state;
	assert_false(fw_cfg_dir_find(d, len, "etc/acpi", &sel, &size));         /* a prefix */
	assert_false(fw_cfg_dir_find(d, len, "etc/acpi/tables2", &sel, &size)); /* longer */
	assert_false(fw_cfg_dir_find(d, len, "etc/E820", &sel, &size));         /* case */
	assert_false(fw_cfg_dir_find(d, len, "", &sel, &size));
	assert_int_equal(sel, 0x5555); /* untouched on a miss */
	assert_int_equal(size, 0x5555);
	free(d);
}

static const char name55[] = "0123456789012345678901234567890123456789012345678901234";
static const char name56[] = "01234567890123456789012345678901234567890123456789012345";

static void test_name_55_chars(void **state)
{
	size_t len = 4 + 64;
	uint8_t *d = dir_new(len, 1);
	uint16_t sel;
	uint32_t size;

	(void)state;
	assert_int_equal(strlen(name55), 55);
	dir_entry(d, 0, 7, 0x30, name55); /* 55 characters and the NUL at [55] */
	assert_true(fw_cfg_dir_find(d, len, name55, &sel, &size));
	assert_int_equal(sel, 0x30);
	assert_int_equal(size, 7);
	/* a 56-character query can never match: no room for its NUL */
	assert_false(fw_cfg_dir_find(d, len, name56, &sel, &size));
	free(d);
}

static void test_name_without_nul(void **state)
{
	/* The unterminated entry is last, so reading past its 56 bytes leaves
	 * the buffer. */
	size_t len = 4 + 2 * 64;
	uint8_t *d = dir_new(len, 2);
	uint16_t sel = 0;
	uint32_t size = 0;

	(void)state;
	assert_int_equal(strlen(name56), 56);
	dir_entry(d, 0, 1, 0x20, "etc/e820");
	dir_entry(d, 1, 2, 0x21, name56);
	assert_false(fw_cfg_dir_find(d, len, name55, &sel, &size)); /* its first 55 chars */
	assert_false(fw_cfg_dir_find(d, len, name56, &sel, &size));
	assert_true(fw_cfg_dir_find(d, len, "etc/e820", &sel, &size));
	assert_int_equal(sel, 0x20);
	free(d);
}

static void test_count_larger_than_buffer(void **state)
{
	/* Two whole entries and half of a third fit; the count says 1000. */
	size_t len = 4 + 2 * 64 + 32;
	uint8_t *d = dir_new(len, 1000);
	uint16_t sel;
	uint32_t size;

	(void)state;
	dir_entry(d, 0, 1, 0x20, "a");
	dir_entry(d, 1, 2, 0x21, "b");
	memcpy(d + 4 + 2 * 64 + 8, "c", 2); /* name of the cut-off third entry */
	assert_int_equal(fw_cfg_dir_count(d, len), 2);
	assert_true(fw_cfg_dir_find(d, len, "b", &sel, &size));
	assert_false(fw_cfg_dir_find(d, len, "c", &sel, &size));
	assert_false(fw_cfg_dir_find(d, len, "zzz", &sel, &size));
	/* count 0xffffffff as well */
	d[0] = d[1] = d[2] = d[3] = 0xff;
	assert_int_equal(fw_cfg_dir_count(d, len), 2);
	free(d);
}

static void test_count_smaller_than_buffer(void **state)
{
	/* Entries past the count are stale: not looked at. */
	size_t len = 4 + 3 * 64;
	uint8_t *d = dir_new(len, 1);

	(void)state;
	dir_entry(d, 0, 1, 0x20, "a");
	dir_entry(d, 1, 2, 0x21, "b");
	assert_int_equal(fw_cfg_dir_count(d, len), 1);
	assert_false(fw_cfg_dir_find(d, len, "b", NULL, NULL));
	d[3] = 0; /* count 0 */
	assert_int_equal(fw_cfg_dir_count(d, len), 0);
	assert_false(fw_cfg_dir_find(d, len, "a", NULL, NULL));
	free(d);
}

static void test_short_buffers(void **state)
{
	uint8_t *d = dir_new(3, 0);

	(void)state;
	/* Zero length: not even the count may be read. */
	assert_int_equal(fw_cfg_dir_count(NULL, 0), 0);
	assert_false(fw_cfg_dir_find(NULL, 0, "etc/e820", NULL, NULL));
	d[0] = d[1] = d[2] = 0xff;
	assert_int_equal(fw_cfg_dir_count(d, 3), 0);
	assert_false(fw_cfg_dir_find(d, 3, "etc/e820", NULL, NULL));
	free(d);
	/* A count and no room for one entry. */
	d = dir_new(4 + 63, 1);
	assert_int_equal(fw_cfg_dir_count(d, 4 + 63), 0);
	free(d);
}

/* The directory QEMU 7.2 gave our firmware on -M q35 (capture-acpi.sh). */
static void test_real_q35_directory(void **state)
{
	size_t len;
	uint8_t *d = fixture_read("acpi/q35/fw_cfg-dir.bin", &len);
	uint16_t sel;
	uint32_t size;

	(void)state;
	assert_non_null(d);
	assert_int_equal(len, 4 + 15 * 64);
	assert_int_equal(fw_cfg_dir_count(d, len), 15);
	assert_true(fw_cfg_dir_find(d, len, "etc/table-loader", &sel, &size));
	assert_int_equal(size, 4096);
	assert_true(sel >= 0x20); /* FW_CFG_FILE_FIRST */
	assert_true(fw_cfg_dir_find(d, len, "etc/acpi/tables", &sel, &size));
	assert_int_equal(size, 131072);
	assert_true(fw_cfg_dir_find(d, len, "etc/acpi/rsdp", &sel, &size));
	assert_int_equal(size, 20);
	assert_true(fw_cfg_dir_find(d, len, "etc/e820", &sel, &size));
	assert_int_equal(size % 20, 0);
	assert_false(fw_cfg_dir_find(d, len, "etc/acpi/tables2", &sel, &size));
	free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hit),
		cmocka_unit_test(test_miss),
		cmocka_unit_test(test_name_55_chars),
		cmocka_unit_test(test_name_without_nul),
		cmocka_unit_test(test_count_larger_than_buffer),
		cmocka_unit_test(test_count_smaller_than_buffer),
		cmocka_unit_test(test_short_buffers),
		cmocka_unit_test(test_real_q35_directory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
