/* Parses and prints exit points ("PORT" or "PORT:VALUE"). */
#include "point.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A whole number in C notation (0x.., decimal) within [min, max], nothing after. */
static int parse_number(const char *s, const char *end, long min, long max, long *out)
{
	char *stop;
	long v;

	if (s == end || *s == '-' || *s == '+' || *s == ' ')
		return -1;
	errno = 0;
	v = strtol(s, &stop, 0);
	if (errno || stop != end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int point_parse(const char *text, struct exit_point *p)
{
	const char *colon = strchr(text, ':');
	const char *port_end = colon ? colon : text + strlen(text);
	long port, value = POINT_FIRST_WRITE;

	if (parse_number(text, port_end, 1, 0xffff, &port))
		return -1;
	/* Value 0 is never a trace point (DESIGN.md section 3). */
	if (colon && parse_number(colon + 1, colon + 1 + strlen(colon + 1), 1, 255, &value))
		return -1;
	p->port = (unsigned)port;
	p->value = (int)value;
	p->stop = colon ? STOP_KILL : STOP_EXIT_DEVICE;
	return 0;
}

void point_format(const struct exit_point *p, char *buf, size_t len)
{
	if (p->value == POINT_FIRST_WRITE)
		snprintf(buf, len, "0x%x", p->port);
	else
		snprintf(buf, len, "0x%x:%d", p->port, p->value);
}
