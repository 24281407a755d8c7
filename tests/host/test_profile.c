/*
 * boot-profile's host side: symbols from text and from an ELF (this test's
 * own binary), the plugin's table read back, blocks attributed to functions
 * and regions, and the first-call order.
 */
#include "profile.h"
#include "symbols.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

static void text_symbols(void **state)
{
	char text[] = "ffffffff81000000 T _text\n"
		      "ffffffff81aec9b2 T start_kernel\n"
		      "ffffffff81aed000 D some_data\n"
		      "ffffffff81aee000 T after_data\n"
		      "garbage\n"
		      "ffffffffc0001000 t virtio_dev_probe\t[virtio]\n"
		      "ffffffffc0002000 t virtio_dev_remove\t[virtio]\n";
	struct symbols t = { 0 };
	const struct symbol *s;

	(void)state;
	assert_int_equal(symbols_load_buffer(&t, text, strlen(text), "kallsyms"), 0);
	s = symbols_find(&t, 0xffffffff81aec9b2ull + 4);
	assert_non_null(s);
	assert_string_equal(s->name, "start_kernel");
	assert_string_equal(s->module, "kallsyms");
	/* A data symbol is no function: start_kernel runs on to the next text symbol. */
	assert_string_equal(symbols_find(&t, 0xffffffff81aed004ull)->name, "start_kernel");
	/* The last of a file's symbols, or one far from the next, does not run on. */
	assert_null(symbols_find(&t, 0xffffffff81aee000ull + 0x1000));
	s = symbols_find(&t, 0xffffffffc0001010ull);
	assert_string_equal(s->name, "virtio_dev_probe");
	assert_string_equal(s->module, "virtio");
	assert_null(symbols_find(&t, 0xffffffff80ffffffull));
	symbols_free(&t);
}

static void no_symbols(void **state)
{
	char stub[] = "ffffffffffffffff B The real System.map is in the linux-image-dbg package\n";
	char junk[] = "\177ELF\2\1\1 and not much more of an ELF header";
	struct symbols t = { 0 };

	(void)state;
	errno = 0;
	assert_int_equal(symbols_load_buffer(&t, stub, strlen(stub), "System.map"), -1);
	assert_int_equal(errno, ENOEXEC);
	assert_int_equal(symbols_load_buffer(&t, junk, sizeof(junk) - 1, "x"), -1);
	assert_int_equal(symbols_load(&t, "/nonexistent/file"), -1);
	assert_int_equal(errno, ENOENT);
	symbols_free(&t);
}

/* This test's own ELF: its functions' addresses name themselves (no PIE offset: absolute). */
static void elf_symbols(void **state)
{
	struct symbols t = { 0 };
	const struct symbol *s;
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	FILE *maps = fopen("/proc/self/maps", "r");
	unsigned long long base = 0;

	(void)state;
	assert_true(n > 0 && maps);
	exe[n] = '\0';
	/* A PIE is loaded at its first mapping's address. */
	assert_int_equal(fscanf(maps, "%llx", &base), 1);
	fclose(maps);
	assert_int_equal(symbols_load(&t, exe), 0);
	s = symbols_find(&t, (uintptr_t)&text_symbols - base + 2);
	if (!s) /* not a PIE */
		s = symbols_find(&t, (uintptr_t)&text_symbols + 2);
	assert_non_null(s);
	assert_string_equal(s->name, "text_symbols");
	assert_true(s->end > s->addr);
	symbols_free(&t);
}

static void regions(void **state)
{
	(void)state;
	assert_string_equal(symbols_region(0xfffffff0, 0), "firmware");
	assert_string_equal(symbols_region(0xf0000, 0), "firmware");
	assert_string_equal(symbols_region(0x1000000, 0),
			    "low memory (decompressor or early boot)");
	assert_string_equal(symbols_region(0x401000, 1), "user space");
	assert_string_equal(symbols_region(0xffffffff81000000ull, 0), "kernel text");
	assert_string_equal(symbols_region(0xffffffffc0001000ull, 1), "kernel modules");
}

static char *write_table(const char *text)
{
	static char path[] = "/tmp/test_profile.XXXXXX";
	int fd;

	strcpy(path, "/tmp/test_profile.XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

static void table_and_functions(void **state)
{
	char text[] = "ffffffff81000000 T start_kernel\nffffffff81000100 T kernel_init\n"
		      "ffffffff81000200 T rest\n";
	const char *path = write_table("# profile-plugin 1\nstart 1000\nstop -\n"
				       "block fffffff0 1 1 1000\n"
				       "block 100000 10 500 2000\n"
				       "block ffffffff81000000 5 1 3000\n"
				       "block ffffffff81000010 4 3 3100\n"
				       "block ffffffff81000100 2 7 5000\n"
				       "block 401000 3 2 9000\n");
	struct symbols t = { 0 };
	struct profile p;
	size_t *order;
	long bad;

	(void)state;
	assert_int_equal(symbols_load_buffer(&t, text, strlen(text), "System.map"), 0);
	assert_int_equal(profile_read(path, &p, &bad), 0);
	unlink(path);
	assert_int_equal(p.n, 6);
	assert_int_equal(profile_attribute(&p, &t), 0);
	/* Every block counted once: 1 + 5000 + 5 + 12 + 14 + 6. */
	assert_int_equal(p.total_insns, 5038);
	assert_int_equal(p.nf, 5);
	assert_string_equal(p.f[0].name, "low memory (decompressor or early boot)");
	assert_int_equal(p.f[0].self_insns, 5000);
	assert_string_equal(p.f[1].name, "start_kernel");
	assert_int_equal(p.f[1].self_insns, 17);
	assert_int_equal(p.f[1].blocks, 2);
	assert_int_equal(p.f[1].first_ns, 3000);
	order = profile_first_calls(&p);
	assert_non_null(order);
	assert_string_equal(p.f[order[0]].name, "firmware");
	assert_string_equal(p.f[order[2]].name, "start_kernel");
	assert_string_equal(p.f[order[3]].name, "kernel_init");
	/* Low code after the kernel ran is user space. */
	assert_string_equal(p.f[order[4]].name, "user space");
	free(order);
	profile_free(&p);
	symbols_free(&t);
}

static void bad_tables(void **state)
{
	static const char *const bad[] = {
		"no header\n",
		"# profile-plugin 1\nblock zz 1 1 1\n",
		"# profile-plugin 1\nblock 1000 0 1 1\n",
		"# profile-plugin 1\nblock 1000 1 1\n",
		"# profile-plugin 1\nstart x\n",
		"# profile-plugin 1\nblock 1000 1 1 1 extra\n",
		"",
	};
	struct profile p;
	long line;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *path = write_table(bad[i]);

		errno = 0;
		assert_int_equal(profile_read(path, &p, &line), -1);
		assert_int_equal(errno, EINVAL);
		assert_true(line >= 1);
		unlink(path);
		profile_free(&p);
	}
	assert_int_equal(profile_read("/nonexistent", &p, &line), -1);
	assert_int_equal(errno, ENOENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(text_symbols),        cmocka_unit_test(no_symbols),
		cmocka_unit_test(elf_symbols),         cmocka_unit_test(regions),
		cmocka_unit_test(table_and_functions), cmocka_unit_test(bad_tables),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
