/* fmt.c: fw_snprintf, the firmware's only formatter (one log line): %s %u %x
 * (ll, 0-padded width), what the firmware's formats use. Expected strings are
 * written out; the firmware's own formats are among them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <limits.h>
#include <string.h>
#include <cmocka.h>
#include "fwlib.h"

/* No format attribute: for the inputs gcc would refuse at compile time. */
static int raw(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = fw_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

#define CHECK_RAW(want, ...)                                   \
	do {                                                   \
		char buf_[64];                                 \
		int n_ = raw(buf_, sizeof(buf_), __VA_ARGS__); \
		assert_string_equal(buf_, want);               \
		assert_int_equal(n_, strlen(want));            \
	} while (0)

/* Formats into a 64-byte buffer and checks the text and the returned length. */
#define CHECK(want, ...)                                               \
	do {                                                           \
		char buf_[64];                                         \
		int n_ = fw_snprintf(buf_, sizeof(buf_), __VA_ARGS__); \
		assert_string_equal(buf_, want);                       \
		assert_int_equal(n_, strlen(want));                    \
	} while (0)

static void test_conversions(void **state)
{
	(void)state;
	CHECK("plain text", "plain text");
	CHECK("[hello]", "[%s]", "hello");
	CHECK("4294967295 0", "%u %u", UINT_MAX, 0u);
	CHECK("deadbeef 0", "%x %x", 0xdeadbeefu, 0u);
	CHECK("123456789abcdef0", "%llx", 0x123456789abcdef0ull);
	CHECK("18446744073709551615", "%llu", (unsigned long long)UINT64_MAX);
	CHECK("ffffffffffffffff", "%llx", (unsigned long long)UINT64_MAX);
	CHECK("4294967296", "%llu", 0x100000000ull);
	CHECK("100%", "%u%%", 100u);
	CHECK_RAW("q", "%q");     /* unknown: the character after the % */
	CHECK_RAW("end", "end%"); /* a lone % at the end */
}

static void test_widths(void **state)
{
	(void)state;
	CHECK("0000beef", "%08x", 0xbeefu);
	CHECK("0007", "%4u", 7u);
	CHECK("1234", "%2x", 0x1234u); /* width smaller than the number */
	CHECK("0000000000000001", "%016llx", 1ull);
	/* the firmware's own formats (linux_boot.c, acpi_loader.c) */
	CHECK("bzImage boot protocol 2.09 is too old", "bzImage boot protocol %u.%02u is too old",
	      0x0209u >> 8, 0x0209u & 0xff);
	CHECK("below 0x1ff00000", "below 0x%llx", 0x1ff00000ull);
	CHECK("table-loader command 3: x y", "table-loader command %u: %s%s%s", 3u, "x", " ", "y");
}

static void test_truncation(void **state)
{
	char buf[16];

	(void)state;
	memset(buf, 'Z', sizeof(buf));
	assert_int_equal(fw_snprintf(buf, 5, "hello world"), 4);
	assert_string_equal(buf, "hell");
	assert_int_equal(buf[5], 'Z'); /* nothing past size */
	memset(buf, 'Z', sizeof(buf));
	assert_int_equal(fw_snprintf(buf, 4, "%u", 123456u), 3);
	assert_string_equal(buf, "123");
	assert_int_equal(fw_snprintf(buf, 4, "%s", "abcdef"), 3);
	assert_string_equal(buf, "abc");
	memset(buf, 'Z', sizeof(buf));
	assert_int_equal(fw_snprintf(buf, 1, "abc"), 0);
	assert_int_equal(buf[0], '\0');
	assert_int_equal(buf[1], 'Z');
	memset(buf, 'Z', sizeof(buf));
	assert_int_equal(fw_snprintf(buf, 0, "abc"), 0); /* nothing written at all */
	assert_int_equal(buf[0], 'Z');
	assert_int_equal(fw_snprintf(NULL, 0, "%llu", 1ull), 0);
	assert_int_equal(fw_snprintf(buf, sizeof(buf), "%llu", (unsigned long long)UINT64_MAX), 15);
	assert_string_equal(buf, "184467440737095");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_conversions),
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_truncation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
