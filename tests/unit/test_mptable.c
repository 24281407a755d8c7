/* MP tables (Intel MultiProcessor Specification 1.4, chapter 4) and the APIC
 * IDs QEMU gives CPUs, checked against values worked out by hand. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "mptable.h"
#include "smp.h"

static uint8_t sum(const uint8_t *p, size_t n)
{
	uint8_t s = 0;

	while (n--)
		s += *p++;
	return s;
}

static uint16_t le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static void test_table_for_64_cpus(void **state)
{
	static uint8_t buf[8192], ids[64];
	struct mp_cpus cpus = { 64, ids, 0x663, 0x078bfbfd };
	size_t len;

	(void)state;
	for (int i = 0; i < 64; i++)
		ids[i] = (uint8_t)i;
	/* 44 header + 64 * 20 CPUs + bus + I/O APIC + ExtINT + 15 IRQs + 2 local */
	assert_int_equal(mptable_size(64), 44 + 1280 + 20 * 8);
	len = mptable_build(buf, sizeof(buf), &cpus);
	assert_int_equal(len, 1484);
	assert_memory_equal(buf, "PCMP", 4);
	assert_int_equal(le16(buf + 4), 1484);
	assert_int_equal(buf[6], 4);
	assert_int_equal(sum(buf, len), 0);
	assert_int_equal(le16(buf + 34), 64 + 2 + 16 + 2);
	/* CPU 0 is the boot processor, CPU 63 only enabled */
	assert_int_equal(buf[44], 0);
	assert_int_equal(buf[44 + 3], 3);
	assert_int_equal(buf[44 + 63 * 20 + 1], 63);
	assert_int_equal(buf[44 + 63 * 20 + 3], 1);
	/* after the CPUs: the ISA bus, then the I/O APIC with an ID of its own */
	assert_int_equal(buf[1324], 1);
	assert_memory_equal(buf + 1326, "ISA   ", 6);
	assert_int_equal(buf[1332], 2);
	assert_int_equal(buf[1333], 64);
	/* ISA IRQ 0 arrives on I/O APIC pin 2 (QEMU's wiring) */
	assert_int_equal(buf[1348 + 0], 3);
	assert_int_equal(buf[1348 + 5], 0);
	assert_int_equal(buf[1348 + 7], 2);
}

static void test_too_small_or_too_many(void **state)
{
	static uint8_t buf[8192], ids[255];
	struct mp_cpus cpus = { 41, ids, 0, 0 };

	(void)state;
	/* qboot's fixed 1 KiB overflows at 41 CPUs: 44 + 820 + 160 = 1024 + 0 */
	assert_int_equal(mptable_build(buf, 1023, &cpus), 0);
	assert_int_equal(mptable_build(buf, 1024, &cpus), 1024);
	cpus.count = 0;
	assert_int_equal(mptable_build(buf, sizeof(buf), &cpus), 0);
}

static void test_floating_pointer(void **state)
{
	uint8_t fp[16];

	(void)state;
	mptable_floating(fp, 0x1ffe0010);
	assert_memory_equal(fp, "_MP_", 4);
	assert_int_equal(fp[4] | fp[5] << 8 | fp[6] << 16 | (uint32_t)fp[7] << 24, 0x1ffe0010);
	assert_int_equal(fp[8], 1);
	assert_int_equal(fp[9], 4);
	assert_int_equal(fp[11], 0); /* a configuration table follows */
	assert_int_equal(sum(fp, 16), 0);
}

static void test_apic_ids(void **state)
{
	(void)state;
	/* -smp 6,sockets=2,cores=3,threads=1: 2 core bits, IDs 0,1,2,4,5,6 */
	assert_int_equal(smp_apic_id(2, 1, 3, 0, 2), 2);
	assert_int_equal(smp_apic_id(3, 1, 3, 0, 2), 4);
	assert_int_equal(smp_apic_id(5, 1, 3, 0, 2), 6);
	/* -smp 8,sockets=2,cores=2,threads=2: 1 thread bit, 1 core bit */
	assert_int_equal(smp_apic_id(3, 2, 4, 1, 2), 3);
	assert_int_equal(smp_apic_id(4, 2, 4, 1, 2), 4);
	assert_int_equal(smp_apic_id(7, 2, 4, 1, 2), 7);
	/* -smp 4 (one socket, four cores): contiguous */
	assert_int_equal(smp_apic_id(3, 1, 4, 0, 2), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_for_64_cpus),
		cmocka_unit_test(test_too_small_or_too_many),
		cmocka_unit_test(test_floating_pointer),
		cmocka_unit_test(test_apic_ids),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
