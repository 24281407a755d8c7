/* acpi_rsdp_scan: finding the RSDP another BIOS left (ACPI 6.x, 5.2.5.1). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "acpi_rsdp.h"

static uint8_t mem[0x2000];

/* A revision-2 RSDP at off, checksums written as the spec says:
 * bytes 0-19 sum to 0, bytes 0-35 sum to 0. */
static void put_rsdp(size_t off, uint8_t rev)
{
	uint8_t *r = mem + off, s = 0;

	memcpy(r, "RSD PTR ", 8);
	memcpy(r + 9, "BOCHS ", 6);
	r[15] = rev;
	r[16] = 0x00, r[17] = 0x10, r[18] = 0xfe, r[19] = 0x1f; /* RSDT address */
	r[20] = 36;                                             /* length */
	r[8] = 0;
	for (int i = 0; i < 20; i++)
		s += r[i];
	r[8] = (uint8_t)(0x100 - s);
	s = 0;
	for (int i = 0; i < 36; i++)
		s += r[i];
	r[32] = (uint8_t)(0x100 - s);
}

static void test_found_on_16_byte_boundary(void **state)
{
	(void)state;
	memset(mem, 0, sizeof(mem));
	put_rsdp(0x1230, 2);
	assert_int_equal(acpi_rsdp_scan(mem, 0xe0000, sizeof(mem)), 0xe1230);
}

static void test_misaligned_signature_ignored(void **state)
{
	(void)state;
	memset(mem, 0, sizeof(mem));
	put_rsdp(0x1238, 2);
	assert_int_equal(acpi_rsdp_scan(mem, 0xe0000, sizeof(mem)), 0);
}

static void test_bad_checksums_skipped(void **state)
{
	(void)state;
	memset(mem, 0, sizeof(mem));
	put_rsdp(0x100, 2);
	mem[0x100 + 8]++; /* first checksum wrong */
	put_rsdp(0x200, 2);
	mem[0x200 + 32]++;  /* extended checksum wrong */
	put_rsdp(0x300, 0); /* ACPI 1.0: 20 bytes only */
	mem[0x300 + 32] = 0x55;
	assert_int_equal(acpi_rsdp_scan(mem, 0xe0000, sizeof(mem)), 0xe0300);
}

static void test_truncated_at_end(void **state)
{
	(void)state;
	memset(mem, 0, sizeof(mem));
	put_rsdp(0x1000, 2);
	/* its 36 bytes do not fit in the scanned range; 20 would */
	assert_int_equal(acpi_rsdp_scan(mem, 0xe0000, 0x1000 + 32), 0);
	assert_int_equal(acpi_rsdp_scan(mem, 0xe0000, 0x1000 + 36), 0xe1000);
	assert_int_equal(acpi_rsdp_scan(mem, 0xe0000, 10), 0);
}

static void test_unaligned_base(void **state)
{
	(void)state;
	memset(mem, 0, sizeof(mem));
	put_rsdp(0x18, 2); /* physical 0x9fc08 + 0x18 = 0x9fc20, aligned */
	assert_int_equal(acpi_rsdp_scan(mem + 0, 0x9fc08, 0x400), 0x9fc20);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_found_on_16_byte_boundary),
		cmocka_unit_test(test_misaligned_signature_ignored),
		cmocka_unit_test(test_bad_checksums_skipped),
		cmocka_unit_test(test_truncated_at_end),
		cmocka_unit_test(test_unaligned_base),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
