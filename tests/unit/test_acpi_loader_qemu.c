/* acpi_loader.c on the real etc/table-loader scripts and files QEMU 7.2 gives
 * for -M pc, q35, microvm (and pc with -device vmgenid), captured by
 * tests/fixtures/capture-acpi.sh. The result is checked two ways: each
 * command's effect read back from the script, and an independent walk of the
 * ACPI tables from the RSDP (ACPI 6.4, 5.2.5-5.2.9) summing every table. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "acpi_loader.h"
#include "fake_env.h"
#include "fixture.h"
#include "loader_script.h"

#define MEM (1024 * 1024)
#define BASE 0x1ff00000ull /* the last MiB below 512M, as on -m 512M */

struct run {
	struct fake_env f;
	struct acpi_loader ld;
	uint8_t *script;
	size_t len;
	char sigs[128]; /* tables reached from the RSDP, in walk order */
};

static void load_and_run(struct run *r, const char *machine)
{
	memset(r, 0, sizeof(*r));
	fake_env_init(&r->f, MEM, BASE);
	r->script = fixture_acpi_load(&r->f, machine, &r->len);
	if (!r->script)
		fail_msg("fixture acpi/%s missing: run tests/fixtures/capture-acpi.sh", machine);
	assert_int_equal(acpi_loader_run(&r->ld, r->script, r->len, &r->f), 0);
	assert_string_equal(r->ld.error, "");
	assert_true(fake_env_canary_intact(&r->f));
}

static void done(struct run *r)
{
	free(r->script);
	fake_env_free(&r->f);
}

static const struct acpi_blob *blob(const struct run *r, const char *name)
{
	for (uint32_t i = 0; i < r->ld.nblobs; i++)
		if (strcmp(r->ld.blob[i].name, name) == 0)
			return &r->ld.blob[i];
	fail_msg("no blob %s", name);
	return NULL;
}

static uint8_t sum(const uint8_t *p, size_t n)
{
	uint8_t s = 0;

	while (n--)
		s = (uint8_t)(s + *p++);
	return s;
}

/* Every command, read back: blobs hold the fw_cfg bytes except where the
 * script says to patch, pointers hold original + source address, checksummed
 * ranges sum to 0. */
static void check_commands(struct run *r)
{
	unsigned allocs = 0;

	for (size_t off = 0; off < r->len; off += 128) {
		const uint8_t *c = r->script + off;
		const char *a = (const char *)c + 4, *b = (const char *)c + 60;

		switch (rd_le32(c)) {
		case 1: { /* ALLOCATE: unpatched copy, aligned */
			const struct acpi_blob *bl = blob(r, a);
			const struct fake_file *ff = fake_env_file(&r->f, a);

			allocs++;
			assert_int_equal(bl->size, ff->size);
			assert_int_equal(bl->phys % rd_le32(c + 60), 0);
			assert_ptr_equal(bl->data, fake_env_host(&r->f, bl->phys, bl->size));
			break;
		}
		case 2: { /* ADD_POINTER */
			uint32_t at = rd_le32(c + 116), size = c[120];
			uint64_t orig = 0, now = 0, want;

			for (uint32_t i = 0; i < size; i++) {
				orig |= (uint64_t)fake_env_file(&r->f, a)->data[at + i] << (8 * i);
				now |= (uint64_t)blob(r, a)->data[at + i] << (8 * i);
			}
			want = orig + blob(r, b)->phys;
			if (size < 8)
				want &= (1ull << (8 * size)) - 1;
			assert_int_equal(now, want);
			break;
		}
		case 3: /* ADD_CHECKSUM */
			assert_int_equal(sum(blob(r, a)->data + rd_le32(c + 64), rd_le32(c + 68)),
					 0);
			break;
		}
	}
	assert_int_equal(r->ld.nblobs, allocs);
}

/* Everything the script does not patch is the fw_cfg file byte for byte. */
static void check_unpatched(struct run *r)
{
	for (uint32_t i = 0; i < r->ld.nblobs; i++) {
		const struct acpi_blob *bl = &r->ld.blob[i];
		const uint8_t *orig = fake_env_file(&r->f, bl->name)->data;
		uint8_t *patched = calloc(1, bl->size);

		assert_non_null(patched);
		for (size_t off = 0; off < r->len; off += 128) {
			const uint8_t *c = r->script + off;

			if (strcmp((const char *)c + 4, bl->name))
				continue;
			if (rd_le32(c) == 2)
				memset(patched + rd_le32(c + 116), 1, c[120]);
			if (rd_le32(c) == 3)
				patched[rd_le32(c + 60)] = 1;
		}
		for (uint32_t b = 0; b < bl->size; b++)
			if (!patched[b] && bl->data[b] != orig[b])
				fail_msg("%s byte %u changed", bl->name, b);
		free(patched);
	}
}

static const uint8_t *table(struct run *r, uint64_t phys, const char *sig)
{
	const uint8_t *t = fake_env_host(&r->f, phys, 36);
	uint32_t len;

	assert_non_null(t);
	len = rd_le32(t + 4);
	assert_true(len >= 36);
	assert_non_null(fake_env_host(&r->f, phys, len));
	if (sig)
		assert_memory_equal(t, sig, 4);
	assert_int_equal(sum(t, len), 0);
	strncat(r->sigs, (const char *)t, 4);
	strcat(r->sigs, " ");
	return t;
}

/* FADT: FIRMWARE_CTRL (FACS) at 36, DSDT at 40, X_DSDT at 140 (ACPI 2.0+). */
static void walk_fadt(struct run *r, const uint8_t *fadt)
{
	uint32_t len = rd_le32(fadt + 4), facs = rd_le32(fadt + 36), dsdt = rd_le32(fadt + 40);
	uint64_t x_dsdt = len >= 148 ? rd_le64(fadt + 140) : 0;

	if (facs) { /* no checksum in the FACS */
		const uint8_t *p = fake_env_host(&r->f, facs, 64);

		assert_non_null(p);
		assert_memory_equal(p, "FACS", 4);
		strcat(r->sigs, "FACS ");
	}
	if (x_dsdt && dsdt)
		assert_int_equal(x_dsdt, dsdt);
	table(r, dsdt ? dsdt : x_dsdt, "DSDT");
}

/* RSDP: 20-byte checksum, and for revision 2 the extended one over length. */
static void walk(struct run *r, uint64_t *rsdt, uint64_t *xsdt)
{
	const uint8_t *rsdp = fake_env_host(&r->f, r->ld.rsdp, 20), *sdt;
	uint32_t width;

	assert_non_null(rsdp);
	assert_memory_equal(rsdp, "RSD PTR ", 8);
	assert_int_equal(sum(rsdp, 20), 0);
	*rsdt = rd_le32(rsdp + 16);
	*xsdt = 0;
	if (rsdp[15] >= 2) {
		assert_int_equal(rd_le32(rsdp + 20), 36);
		assert_int_equal(sum(rsdp, 36), 0);
		*xsdt = rd_le64(rsdp + 24);
	}
	sdt = *xsdt ? table(r, *xsdt, "XSDT") : table(r, *rsdt, "RSDT");
	width = *xsdt ? 8 : 4;
	for (uint32_t off = 36; off + width <= rd_le32(sdt + 4); off += width) {
		uint64_t p = width == 8 ? rd_le64(sdt + off) : rd_le32(sdt + off);
		const uint8_t *t = table(r, p, NULL);

		if (memcmp(t, "FACP", 4) == 0)
			walk_fadt(r, t);
	}
}

/* machine, RSDT or XSDT offset in etc/acpi/tables (from the RSDP fixture),
 * and the tables QEMU 7.2 builds for it. */
static void check_machine(const char *machine, uint32_t sdt_off, bool xsdt_only, const char *sigs)
{
	struct run r;
	uint64_t rsdt, xsdt, tables;

	load_and_run(&r, machine);
	check_commands(&r);
	check_unpatched(&r);
	assert_int_equal(r.ld.rsdp, blob(&r, "etc/acpi/rsdp")->phys);
	tables = blob(&r, "etc/acpi/tables")->phys;
	walk(&r, &rsdt, &xsdt);
	if (xsdt_only) {
		assert_int_equal(rsdt, 0);
		assert_int_equal(xsdt, tables + sdt_off);
	} else {
		assert_int_equal(rsdt, tables + sdt_off);
		assert_int_equal(xsdt, 0);
	}
	assert_string_equal(r.sigs, sigs);
	done(&r);
}

static void test_pc(void **state)
{
	(void)state;
	check_machine("pc", 0x1a49, false, "RSDT FACP FACS DSDT APIC HPET WAET ");
}

static void test_q35(void **state)
{
	(void)state;
	check_machine("q35", 0x223c, false, "RSDT FACP FACS DSDT APIC HPET MCFG WAET ");
}

static void test_microvm(void **state)
{
	(void)state;
	check_machine("microvm", 0x27a, true, "XSDT FACP DSDT APIC ");
}

/* -device vmgenid: its SSDT points at etc/vmgenid_guid, and WRITE_POINTER
 * hands the GUID's address (blob + 40, VMGENID_GUID_OFFSET) back to QEMU. */
static void test_pc_vmgenid(void **state)
{
	static const uint8_t guid[16] = { 0xaf, 0x6e, 0x4e, 0x32, 0xd1, 0xd1, 0xf6, 0x4b,
					  0xbf, 0x41, 0xb9, 0xbb, 0x6c, 0x91, 0xfb, 0x87 };
	struct run r;
	uint64_t rsdt, xsdt, g;

	(void)state;
	check_machine("pc-vmgenid", 0x1b13, false, "RSDT FACP FACS DSDT APIC SSDT HPET WAET ");
	load_and_run(&r, "pc-vmgenid");
	walk(&r, &rsdt, &xsdt);
	g = blob(&r, "etc/vmgenid_guid")->phys;
	assert_int_equal(g % 4096, 0);
	assert_memory_equal(blob(&r, "etc/vmgenid_guid")->data + 40, guid, 16);
	assert_int_equal(r.f.nwrites, 1);
	assert_int_equal(r.f.write[0].select, FAKE_FIRST_SELECT + 3); /* 4th in the manifest */
	assert_string_equal(r.f.file[3].name, "etc/vmgenid_addr");
	assert_int_equal(r.f.write[0].offset, 0);
	assert_int_equal(r.f.write[0].len, 8);
	assert_int_equal(rd_le64(r.f.write[0].bytes), g + 40);
	done(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pc),
		cmocka_unit_test(test_q35),
		cmocka_unit_test(test_microvm),
		cmocka_unit_test(test_pc_vmgenid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
