/* Parses QEMU's memory_region_ops_write log lines; see qemu-trace.h. */
#include "qemu-trace.h"

#include "boot-trace.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* The hex number after key in s, which must end at a space; -1 if none. */
static int hex_after(const char *s, const char *key, unsigned long long *v)
{
	const char *p = strstr(s, key);
	char *end;

	if (!p)
		return -1;
	p += strlen(key);
	if (!isxdigit((unsigned char)*p))
		return -1;	/* strtoull would take a sign or blanks */
	*v = strtoull(p, &end, 16);
	return *end == ' ' || *end == '\n' || *end == '\0' ? 0 : -1;
}

int qtrace_parse(const char *line, double *realtime, unsigned *port, int *value)
{
	static const char event[] = "memory_region_ops_write ";
	unsigned long long addr, val, size;
	const char *p = line;
	char *end;
	double rt;

	/* The PID, then the stamp -msg timestamp=on puts there. */
	while (isdigit((unsigned char)*p))
		p++;
	if (p == line || *p != '@' || !isdigit((unsigned char)p[1]))
		return -1;
	rt = strtod(p + 1, &end);
	if (*end != ':' || strncmp(end + 1, event, sizeof(event) - 1))
		return -1;
	p = end + sizeof(event);
	/* In this order; a debugcon device's own name is no matter, its address is. */
	if (hex_after(p, " addr 0x", &addr) || hex_after(p, " value 0x", &val) ||
	    hex_after(p, " size ", &size))
		return -1;
	if (size != 1 || val > 0xff || (addr != TRACE_PORT_LINUX && addr != TRACE_PORT_FW))
		return -1;
	*realtime = rt;
	*port = (unsigned)addr;
	*value = (int)val;
	return 0;
}
