/* QEMU's log as the host tools read it: the input, split at random points
 * (its first byte seeds the cuts), through the line buffer into the parser.
 * Every line passed on is NUL-terminated and shorter than the buffer; every
 * pointer the parser returns lies inside the line; a cut line never comes out
 * as two; the same bytes in one piece give the same lines. */
#include <stdint.h>
#include <string.h>
#include "qemu-log.h"
#include "fuzz_check.h"

struct tally {
	unsigned long lines;
	uint64_t sum;
};

static bool take(void *ctx, const char *line)
{
	struct tally *t = ctx;
	size_t len = strlen(line);
	struct qemu_log_event e;

	FUZZ_CHECK(len < QEMU_LOG_LINE_MAX);
	FUZZ_CHECK(!memchr(line, '\n', len));
	t->lines++;
	t->sum = t->sum * 31 + len;
	if (qemu_log_parse(line, &e))
		return false;
	FUZZ_CHECK(e.name >= line && e.name + e.name_len <= line + len);
	FUZZ_CHECK(e.args >= line && e.args <= line + len);
	if (e.kind == QLOG_MR_READ || e.kind == QLOG_MR_WRITE) {
		FUZZ_CHECK(e.cpu >= -1 && e.size <= 64);
		FUZZ_CHECK((e.region >= line && e.region + e.region_len <= line + len) ||
			   !strcmp(e.region, "?"));
	}
	if (e.kind == QLOG_FW_CFG_SELECT)
		FUZZ_CHECK(e.key <= 0xffff && e.key_name >= line &&
			   e.key_name + e.key_name_len <= line + len);
	return false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct qemu_log_lines whole, cut;
	struct tally a = { 0 }, b = { 0 };
	unsigned seed = size ? data[0] : 0;
	size_t at = 0;

	memset(&whole, 0, sizeof(whole));
	memset(&cut, 0, sizeof(cut));
	qemu_log_feed(&whole, data, size, take, &a);
	while (at < size) {
		size_t n = 1 + (seed = seed * 1103515245u + 12345u) % 97;

		n = n > size - at ? size - at : n;
		qemu_log_feed(&cut, data + at, n, take, &b);
		at += n;
	}
	FUZZ_CHECK(a.lines == b.lines && a.sum == b.sum);
	FUZZ_CHECK(whole.dropped == cut.dropped);
	return 0;
}
