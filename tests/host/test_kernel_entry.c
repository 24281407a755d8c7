/* --no-patch's and fw-measure's input: kernel entry addresses, System.map symbols. */
#include "kernel-entry.h"

#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

static void put32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, 4); /* x86 hosts: little endian like the images */
}

/* An ELF64 with one PT_NOTE holding a GNU note, then Xen's PHYS32_ENTRY. */
static size_t make_elf(uint8_t *buf, uint32_t entry, uint32_t note_type)
{
	Elf64_Ehdr eh = { .e_phoff = sizeof(Elf64_Ehdr),
			  .e_phentsize = sizeof(Elf64_Phdr),
			  .e_phnum = 1 };
	Elf64_Phdr ph = { .p_type = PT_NOTE, .p_offset = 0x100, .p_filesz = 48 };
	uint8_t *n = buf + 0x100;

	memset(buf, 0, 0x200);
	memcpy(eh.e_ident, ELFMAG, SELFMAG);
	eh.e_ident[EI_CLASS] = ELFCLASS64;
	memcpy(buf, &eh, sizeof(eh));
	memcpy(buf + eh.e_phoff, &ph, sizeof(ph));
	put32(n, 4), put32(n + 4, 4), put32(n + 8, 3), memcpy(n + 12, "GNU", 4);
	put32(n + 16, 0xdead);
	n += 20;
	put32(n, 4), put32(n + 4, 8), put32(n + 8, note_type), memcpy(n + 12, "Xen", 4);
	put32(n + 16, entry);
	return 0x200;
}

static void pvh_note(void **state)
{
	uint8_t buf[0x200];
	uint64_t e = 0;

	(void)state;
	assert_int_equal(kernel_entry_from_image(buf, make_elf(buf, 0x1000850, 18), &e), 0);
	assert_true(e == 0x1000850);
	/* Another Xen note type is not the entry. */
	assert_int_equal(kernel_entry_from_image(buf, make_elf(buf, 0x1000850, 17), &e), -1);
	/* A note running past the segment is refused, not read beyond. */
	make_elf(buf, 0x1000850, 18);
	put32(buf + 0x100 + 20 + 4, 0x1000);
	assert_int_equal(kernel_entry_from_image(buf, 0x200, &e), -1);
}

static void bzimage_code32_start(void **state)
{
	uint8_t buf[0x400] = { 0 };
	uint64_t e = 0;

	(void)state;
	memcpy(buf + 0x202, "HdrS", 4);
	put32(buf + 0x214, 0x100000);
	assert_int_equal(kernel_entry_from_image(buf, sizeof(buf), &e), 0);
	assert_true(e == 0x100000);
	memcpy(buf + 0x202, "HdrX", 4);
	assert_int_equal(kernel_entry_from_image(buf, sizeof(buf), &e), -1);
	assert_int_equal(kernel_entry_from_image(buf, 0x210, &e), -1);
}

/* start_kernel from a System.map: a T or t line only; ESRCH when there is none. */
static void system_map(void **state)
{
	char path[] = "/tmp/test_kernel_entry.XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	uint64_t a = 0;

	(void)state;
	assert_non_null(f);
	fputs("ffffffff81aec3ee T x86_64_start_kernel\n"
	      "ffffffff81000000 D start_kernel\n"
	      "garbage line\n"
	      "ffffffff81aec9b2 T start_kernel\n"
	      "ffffffff81aec9c0 t start_kernel_late\n",
	      f);
	fclose(f);
	assert_int_equal(kernel_symbol_from_map(path, "start_kernel", &a), 0);
	assert_true(a == 0xffffffff81aec9b2ULL);
	/* Debian's stub, in full. */
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("ffffffffffffffff B The real System.map is in the linux-image-<version>-dbg package\n",
	      f);
	fclose(f);
	errno = 0;
	assert_int_equal(kernel_symbol_from_map(path, "start_kernel", &a), -1);
	assert_int_equal(errno, ESRCH);
	unlink(path);
	assert_int_equal(kernel_symbol_from_map(path, "start_kernel", &a), -1);
	assert_int_equal(errno, ENOENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pvh_note),
		cmocka_unit_test(bzimage_code32_start),
		cmocka_unit_test(system_map),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
