/* Reads perf script lines into events; see perf-parse.h. */
#include "perf-parse.h"

#include "boot-trace.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* "55061.467070650" at s: exact nanoseconds, whatever the number of digits. */
static int parse_time(const char *s, int64_t *ns)
{
	char *end;
	long long sec = strtoll(s, &end, 10);
	int64_t frac = 0, scale = 1000000000;

	/* A stamp past 2^63 ns (292 years of uptime) is no perf stamp. */
	if (end == s || *end != '.' || sec < 0 || sec > INT64_MAX / 1000000000LL)
		return -1;
	for (s = end + 1; isdigit((unsigned char)*s); s++) {
		scale /= 10;
		frac += (*s - '0') * scale; /* digits beyond ns fall to 0 */
	}
	*ns = sec * 1000000000LL + frac;
	return 0;
}

/* The number after key in line (base 0), or -1. */
static long field(const char *line, const char *key)
{
	const char *p = strstr(line, key);
	char *end;
	long v;

	if (!p)
		return -1;
	v = strtol(p + strlen(key), &end, 0);
	return end == p + strlen(key) ? -1 : v;
}

static int pio(const char *args, struct perf_event *e)
{
	long port, val;

	if (strstr(args, "pio_read") || strstr(args, "rw=0"))
		return 0;
	if (strstr(args, "pio_write")) {
		port = field(args, " at ");
		val = field(args, " val ");
	} else if (strstr(args, "rw=1")) {
		port = field(args, "port=");
		val = field(args, "val=");
	} else {
		return -1;
	}
	if (port < 0 || val < 0)
		return -1;
	e->kind = PERF_PIO_WRITE;
	e->port = (unsigned)port;
	e->value = (unsigned)val;
	return 1;
}

int perf_parse_line(const char *line, struct perf_event *e)
{
	static const struct {
		const char *handler, *tracepoint;
		enum perf_kind kind;
	} names[] = {
		{ "sched__sched_process_exec", "sched:sched_process_exec:", PERF_EXEC },
		{ "kvm__kvm_entry", "kvm:kvm_entry:", PERF_ENTRY },
		{ "kvm__kvm_pio", "kvm:kvm_pio:", PERF_PIO_WRITE },
	};

	while (isspace((unsigned char)*line))
		line++;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const char *tp = strstr(line, names[i].tracepoint);
		size_t hl = strlen(names[i].handler);
		const char *t = NULL, *args;

		if (!strncmp(line, names[i].handler, hl) && isspace((unsigned char)line[hl])) {
			/* handler form: name cpu secs tid comm [fields] */
			char *end;

			strtol(line + hl, &end, 10);
			t = end;
			while (isspace((unsigned char)*t))
				t++;
			args = t;
		} else if (tp) {
			/* default form: comm tid [cpu] secs: event: fields; secs is the
			 * token before the event whichever fields come first. */
			for (t = tp; t > line && isspace((unsigned char)t[-1]); t--)
				;
			while (t > line && !isspace((unsigned char)t[-1]))
				t--;
			args = tp + strlen(names[i].tracepoint);
		} else {
			continue;
		}
		if (parse_time(t, &e->ns))
			return -1;
		e->kind = names[i].kind;
		if (names[i].kind == PERF_PIO_WRITE)
			return pio(args, e);
		return 1;
	}
	return 0;
}

int perf_point_value(unsigned port, unsigned value, bool old)
{
	static const struct {
		unsigned port, old, now;
	} renumber[] = {
		{ TRACE_PORT_FW, 1, TRACE_FW_START },
		{ TRACE_PORT_FW, 4, TRACE_FW_DO_BOOT },
		{ TRACE_PORT_LINUX, 2, TRACE_LINUX_START_FWCFG },
		{ TRACE_PORT_LINUX, 3, TRACE_LINUX_START_BOOT },
		{ TRACE_PORT_LINUX, 5, TRACE_LINUX_START_KERNEL },
		{ TRACE_PORT_LINUX, 6, TRACE_LINUX_START_USER },
	};

	if (port != TRACE_PORT_FW && port != TRACE_PORT_LINUX)
		return 0;
	if (!old)
		return value >= 1 && value < TRACE_ERR_BASE ? (int)value : 0;
	for (size_t i = 0; i < sizeof(renumber) / sizeof(renumber[0]); i++)
		if (renumber[i].port == port && renumber[i].old == value)
			return renumber[i].now;
	return 0;
}
