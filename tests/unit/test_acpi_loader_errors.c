/* acpi_loader.c on malformed hand-built scripts: each must end the run with
 * -1 and an error naming the command's index and kind, writing nothing
 * outside the blobs (lc_teardown checks the canary). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "loader_case.h"

/* 56 characters: the whole field, no room for a NUL */
#define NAME56 "etc/acpi/tables-name-filling-all-fifty-six-bytes-xxxxxxx"

static void test_bad_size(void **state)
{
	(void)state;
	lc_allocate_both();
	lc_script.len = 255;
	lc_expect_fail(0, "multiple of 128");
	lc_script.len = 129;
	lc_expect_fail(0, "multiple of 128");
}

static void test_unterminated_names(void **state)
{
	(void)state;
	assert_int_equal(strlen(NAME56), 56);
	script_allocate(&lc_script, NAME56, 64, HIGH);
	lc_expect_fail(0, "ALLOCATE: file name not terminated");
	lc_script.len = 0;
	lc_allocate_both();
	script_add_pointer(&lc_script, NAME56, T, 0, 4);
	lc_expect_fail(2, "ADD_POINTER: file name not terminated");
	lc_script.len = 256;
	script_add_pointer(&lc_script, T, NAME56, 0, 4);
	lc_expect_fail(2, "ADD_POINTER: file name not terminated");
	lc_script.len = 256;
	script_add_checksum(&lc_script, NAME56, 0, 0, 1);
	lc_expect_fail(2, "ADD_CHECKSUM: file name not terminated");
	lc_script.len = 256;
	script_write_pointer(&lc_script, ADDR, NAME56, 0, 0, 8);
	lc_expect_fail(2, "WRITE_POINTER: file name not terminated");
	lc_script.len = 256;
	script_allocate(&lc_script, "", 64, HIGH); /* empty name */
	lc_expect_fail(2, "ALLOCATE");
}

static void test_allocate_errors(void **state)
{
	static const uint32_t bad_align[] = { 0, 3, 1u << 20, 0x20000, 0x80000000u, 0xffffffffu };

	(void)state;
	script_allocate(&lc_script, "etc/acpi/nope", 64, HIGH);
	lc_expect_fail(0, "ALLOCATE: no such fw_cfg file: etc/acpi/nope");
	lc_script.len = 0;
	script_allocate(&lc_script, "empty", 64, HIGH);
	lc_expect_fail(0, "ALLOCATE: no such fw_cfg file: empty");
	lc_script.len = 0;
	lc_allocate_both();
	script_allocate(&lc_script, T, 64, HIGH);
	lc_expect_fail(2, "ALLOCATE: allocated twice: " T);
	for (unsigned i = 0; i < sizeof(bad_align) / sizeof(bad_align[0]); i++) {
		lc_script.len = 0;
		script_allocate(&lc_script, T, bad_align[i], HIGH);
		lc_expect_fail(0, "ALLOCATE: bad alignment for " T);
	}
	lc_script.len = 0;
	script_allocate(&lc_script, T, 0x10000, HIGH); /* LOADER_MAX_ALIGN itself is fine */
	assert_int_equal(acpi_loader_run(&lc_ld, lc_script.b, lc_script.len, &lc_env), 0);
	assert_int_equal(lc_blob(T)->phys % 0x10000, 0);
	for (unsigned zone = 0; zone < 256; zone += 3) { /* 0, 3, 6, ... 255 */
		lc_script.len = 0;
		script_allocate(&lc_script, T, 64, (uint8_t)zone);
		lc_expect_fail(0, "ALLOCATE: unknown zone for " T);
	}
	lc_script.len = 0;
	lc_allocate_both();
	lc_env.alloc_fails = true;
	lc_expect_fail(0, "ALLOCATE: out of memory for " R);
}

static void test_too_many_blobs(void **state)
{
	char name[16];

	(void)state;
	for (unsigned i = 0; i <= LOADER_MAX_BLOBS; i++) {
		snprintf(name, sizeof(name), "f%u", i);
		fake_env_add(&lc_env, name, "x", 1, 1);
		script_allocate(&lc_script, name, 1, HIGH);
	}
	lc_expect_fail(LOADER_MAX_BLOBS, "ALLOCATE: too many files at f16");
	assert_int_equal(lc_ld.nblobs, LOADER_MAX_BLOBS);
}

static void test_add_pointer_errors(void **state)
{
	static const struct {
		uint32_t off;
		uint8_t size;
	} bad[] = {
		{ 253, 4 }, { 256, 1 }, { 257, 1 }, { 0xffffffffu, 4 }, { 0xfffffffcu, 8 },
		{ 0, 3 },   { 0, 0 },   { 0, 16 },  { 0, 255 },
	};

	(void)state;
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		lc_script.len = 0;
		lc_allocate_both();
		script_add_pointer(&lc_script, T, R, bad[i].off, bad[i].size);
		lc_expect_fail(2, "ADD_POINTER: pointer outside " T);
	}
	lc_script.len = 0;
	script_allocate(&lc_script, T, 64, HIGH);
	script_add_pointer(&lc_script, T, R, 0, 4); /* R exists in fw_cfg but is not allocated */
	lc_expect_fail(1, "ADD_POINTER: file not allocated: " R);
	lc_script.len = 0;
	script_allocate(&lc_script, T, 64, HIGH);
	script_add_pointer(&lc_script, R, T, 0, 4);
	lc_expect_fail(1, "ADD_POINTER: file not allocated: " R);
}

static void test_add_checksum_errors(void **state)
{
	static const uint32_t bad[][3] = {
		/* offset, start, length */
		{ 256, 0, 1 },         { 0xffffffffu, 0, 1 }, /* the field outside */
		{ 0, 257, 0 },         { 0, 0, 257 },         { 0, 200, 57 },
		{ 0, 8, 0xfffffffcu }, { 0, 0xffffffffu, 2 }, /* start + length wraps */
	};

	(void)state;
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		lc_script.len = 0;
		lc_allocate_both();
		script_add_checksum(&lc_script, T, bad[i][0], bad[i][1], bad[i][2]);
		lc_expect_fail(2, "ADD_CHECKSUM: range outside " T);
	}
	lc_script.len = 0;
	script_add_checksum(&lc_script, T, 0, 0, 1);
	lc_expect_fail(0, "ADD_CHECKSUM: file not allocated: " T);
	lc_script.len = 0;
	lc_allocate_both(); /* edges that are inside: the last byte, an empty range */
	script_add_checksum(&lc_script, T, 255, 256, 0);
	script_add_checksum(&lc_script, T, 255, 0, 256);
	assert_int_equal(acpi_loader_run(&lc_ld, lc_script.b, lc_script.len, &lc_env), 0);
}

static void test_write_pointer_errors(void **state)
{
	static const uint32_t bad[][3] = {
		/* dst_offset, src_offset, size */
		{ 1, 0, 8 },    { 8, 0, 1 },           { 0xffffffffu, 0, 8 }, { 0xfffffffcu, 0, 8 },
		{ 0, 4096, 8 }, { 0, 0xffffffffu, 8 }, { 0, 0, 3 },           { 0, 0, 0 },
	};

	(void)state;
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		lc_script.len = 0;
		script_allocate(&lc_script, GUID, 4096, HIGH);
		script_write_pointer(&lc_script, ADDR, GUID, bad[i][0], bad[i][1],
				     (uint8_t)bad[i][2]);
		lc_expect_fail(1, "WRITE_POINTER: pointer outside " ADDR);
	}
	lc_script.len = 0;
	script_allocate(&lc_script, GUID, 4096, HIGH);
	script_write_pointer(&lc_script, "etc/vmgenid_nope", GUID, 0, 0, 8);
	lc_expect_fail(1, "WRITE_POINTER: no such fw_cfg file: etc/vmgenid_nope");
	lc_script.len = 0;
	script_write_pointer(&lc_script, ADDR, GUID, 0, 0, 8);
	lc_expect_fail(0, "WRITE_POINTER: file not allocated: " GUID);
	lc_script.len = 0;
	script_allocate(&lc_script, GUID, 4096, HIGH);
	script_write_pointer(&lc_script, ADDR, GUID, 0, 40, 2); /* address > 64K */
	lc_expect_fail(1, "WRITE_POINTER: address does not fit");
	lc_script.len = 0;
	script_allocate(&lc_script, GUID, 4096, HIGH);
	script_write_pointer(&lc_script, ADDR, GUID, 0, 40, 8);
	lc_env.write_result = -1;
	lc_expect_fail(1, "WRITE_POINTER: fw_cfg write failed for " ADDR);
	assert_int_equal(lc_env.nwrites, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_bad_size, lc_setup, lc_teardown),
		cmocka_unit_test_setup_teardown(test_unterminated_names, lc_setup, lc_teardown),
		cmocka_unit_test_setup_teardown(test_allocate_errors, lc_setup, lc_teardown),
		cmocka_unit_test_setup_teardown(test_too_many_blobs, lc_setup, lc_teardown),
		cmocka_unit_test_setup_teardown(test_add_pointer_errors, lc_setup, lc_teardown),
		cmocka_unit_test_setup_teardown(test_add_checksum_errors, lc_setup, lc_teardown),
		cmocka_unit_test_setup_teardown(test_write_pointer_errors, lc_setup, lc_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
