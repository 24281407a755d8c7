/* acpi_loader.c on hand-built scripts: what each command does when the
 * script is well-formed (the env and helpers are in loader_case.c). Malformed
 * scripts: test_acpi_loader_errors.c; QEMU's own: test_acpi_loader_qemu.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "loader_case.h"

static void test_pointer_and_checksum(void **state)
{
	struct acpi_blob *t, *r;
	uint8_t sum = 0;

	(void)state;
	lc_allocate_both();
	script_add_pointer(&lc_script, T, T, 16, 4); /* 0x10 + phys(T) */
	script_add_pointer(&lc_script, R, T, 16, 4); /* RSDP -> RSDT-ish */
	script_add_checksum(&lc_script, T, 9, 0, 256);
	script_add_checksum(&lc_script, R, 8, 0, 20);
	assert_int_equal(acpi_loader_run(&lc_ld, lc_script.b, lc_script.len, &lc_env), 0);
	assert_string_equal(lc_ld.error, "");
	assert_int_equal(lc_ld.nblobs, 2);
	t = lc_blob(T);
	r = lc_blob(R);
	assert_int_equal(t->size, 256);
	assert_int_equal(t->phys % 64, 0);
	assert_int_equal(r->phys % 16, 0);
	assert_int_equal(lc_ld.rsdp, r->phys); /* the blob starting "RSD PTR " */
	assert_ptr_equal(t->data, fake_env_host(&lc_env, t->phys, 256));
	assert_int_equal(rd_le32(t->data + 16), t->phys + 0x10);
	assert_int_equal(rd_le32(r->data + 16), t->phys);
	for (int i = 0; i < 256; i++)
		sum = (uint8_t)(sum + t->data[i]);
	assert_int_equal(sum, 0);
	for (int i = 0; i < 20; i++)
		sum = (uint8_t)(sum + r->data[i]);
	assert_int_equal(sum, 0);
}

static void test_pointer_sizes(void **state)
{
	(void)state;
	script_allocate(&lc_script, T, 64, HIGH);
	script_add_pointer(&lc_script, T, T, 248, 8); /* last 8 bytes of the blob */
	script_add_pointer(&lc_script, T, T, 16, 4);
	assert_int_equal(acpi_loader_run(&lc_ld, lc_script.b, lc_script.len, &lc_env), 0);
	assert_int_equal(rd_le64(lc_blob(T)->data + 248), lc_blob(T)->phys);
	/* 1- and 2-byte fields cannot hold an address above 64K */
	lc_script.len = 128;
	script_add_pointer(&lc_script, T, T, 0, 2);
	lc_expect_fail(1, "ADD_POINTER: address does not fit");
	lc_script.len = 128;
	script_add_pointer(&lc_script, T, T, 0, 1);
	lc_expect_fail(1, "ADD_POINTER: address does not fit");
}

static void test_ignored_commands(void **state)
{
	uint8_t *c;

	(void)state;
	script_cmd(&lc_script, 0);     /* padding, as QEMU pads to 4 KiB */
	c = script_cmd(&lc_script, 5); /* unknown commands are skipped */
	memset(c + 4, 0xff, 124);
	script_cmd(&lc_script, 0xffffffffu);
	script_cmd(&lc_script, 0x100); /* only the whole u32 counts */
	lc_allocate_both();
	script_cmd(&lc_script, 0);
	assert_int_equal(acpi_loader_run(&lc_ld, lc_script.b, lc_script.len, &lc_env), 0);
	assert_int_equal(lc_ld.nblobs, 2);
	assert_int_equal(acpi_loader_run(&lc_ld, lc_script.b, 0, &lc_env), 0); /* empty script */
	assert_int_equal(lc_ld.nblobs, 0);
	assert_int_equal(lc_ld.rsdp, 0);
}

static void test_write_pointer(void **state)
{
	struct fake_file *addr;
	uint64_t want;

	(void)state;
	/* What -device vmgenid asks for: the GUID's address into etc/vmgenid_addr. */
	script_allocate(&lc_script, GUID, 4096, HIGH);
	script_write_pointer(&lc_script, ADDR, GUID, 0, 40, 8);
	assert_int_equal(acpi_loader_run(&lc_ld, lc_script.b, lc_script.len, &lc_env), 0);
	want = lc_blob(GUID)->phys + 40;
	assert_int_equal(lc_blob(GUID)->phys % 4096, 0);
	assert_int_equal(lc_env.nwrites, 1);
	assert_int_equal(lc_env.write[0].select, FAKE_FIRST_SELECT + 3); /* ADDR, 4th file */
	assert_int_equal(lc_env.write[0].offset, 0);
	assert_int_equal(lc_env.write[0].len, 8);
	assert_int_equal(rd_le64(lc_env.write[0].bytes), want);
	addr = fake_env_file(&lc_env, ADDR);
	assert_int_equal(rd_le64(addr->data), want);
	/* a 4-byte field at the end of the file */
	lc_env.nwrites = 0;
	lc_script.len = 128;
	script_write_pointer(&lc_script, ADDR, GUID, 4, 4095, 4);
	assert_int_equal(acpi_loader_run(&lc_ld, lc_script.b, lc_script.len, &lc_env), 0);
	assert_int_equal(lc_env.write[0].offset, 4);
	assert_int_equal(lc_env.write[0].len, 4);
	assert_int_equal(rd_le32(lc_env.write[0].bytes), lc_blob(GUID)->phys + 4095);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_pointer_and_checksum, lc_setup, lc_teardown),
		cmocka_unit_test_setup_teardown(test_pointer_sizes, lc_setup, lc_teardown),
		cmocka_unit_test_setup_teardown(test_ignored_commands, lc_setup, lc_teardown),
		cmocka_unit_test_setup_teardown(test_write_pointer, lc_setup, lc_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
