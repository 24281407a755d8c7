/*
 * The kernel's own names for its code, from the running kernel: with KASLR
 * and modules they are where this boot put them, which no file on the host
 * knows. Only text symbols go (t, T, w, W), as "ADDR T NAME [MODULE]" lines,
 * a block at a time through rep outsb.
 */
#include "probe_symbols.h"

#include "boot-trace.h"
#include "probe_io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/io.h>
#include <unistd.h>

__attribute__((noinline)) void probe_reached(void)
{
	outb(TRACE_USER_PROBE, TRACE_PORT_LINUX);
}

static void put(const char *s, size_t n)
{
	outsb(TRACE_PORT_SYMBOLS, s, (unsigned long)n);
}

/* Keeps the text symbols of one line; returns the bytes kept in out. */
static size_t text_line(const char *line, size_t len, char *out)
{
	const char *type = memchr(line, ' ', len);

	if (!type || type + 2 >= line + len || !strchr("tTwW", type[1]) || type[2] != ' ')
		return 0;
	memcpy(out, line, len);
	out[len] = '\n';
	return len + 1;
}

void send_symbols(void)
{
	static char in[65536], out[65536 + 512];
	char cmdline[4096];
	size_t have = 0, lines = 0, bytes = 0;
	ssize_t n;
	int fd;

	if (read_file("/proc/cmdline", cmdline, sizeof(cmdline)) < 0 ||
	    !strstr(cmdline, "bootkit.symbols"))
		return;
	if (ioperm(TRACE_PORT_SYMBOLS, 1, 1) < 0 || (fd = open("/proc/kallsyms", O_RDONLY)) < 0) {
		say("PROBE symbols failed: %s", strerror(errno));
		return;
	}
	while ((n = read(fd, in + have, sizeof(in) - have)) > 0) {
		size_t used = 0, o = 0, end = have + (size_t)n;
		char *nl;

		while ((nl = memchr(in + used, '\n', end - used)) && o + 512 < sizeof(out)) {
			size_t len = (size_t)(nl - (in + used));

			if (len < 500 && (len = text_line(in + used, len, out + o))) {
				o += len;
				lines++;
			}
			used = (size_t)(nl - in) + 1;
		}
		put(out, o);
		bytes += o;
		memmove(in, in + used, end - used);
		have = end - used;
	}
	close(fd);
	put("# end\n", 6);
	say("PROBE symbols=%zu lines, %zu bytes", lines, bytes);
}
