/* Lines of QEMU's log and the events in them; see qemu-log.h. */
#include "qemu-log.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

bool qemu_log_feed(struct qemu_log_lines *l, const void *buf, size_t n, qemu_log_line_fn fn,
		   void *ctx)
{
	const char *p = buf, *end = p + n;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t take = (size_t)((nl ? nl : end) - p);

		if (!l->overlong && l->len + take < sizeof(l->line)) {
			memcpy(l->line + l->len, p, take);
			l->len += take;
		} else {
			l->overlong = true;
		}
		p += take;
		if (!nl)
			break;
		p++;
		if (l->overlong) {
			l->dropped++;
		} else {
			l->line[l->len] = '\0';
			if (fn(ctx, l->line)) {
				l->len = 0;
				return true;
			}
		}
		l->len = 0;
		l->overlong = false;
	}
	return false;
}

int qemu_log_read_file(const char *path, qemu_log_line_fn fn, void *ctx)
{
	struct qemu_log_lines *l = calloc(1, sizeof(*l));
	char buf[65536];
	int fd = open(path, O_RDONLY | O_CLOEXEC), e = 0;
	ssize_t n = 0;

	if (fd < 0 || !l) {
		e = errno;
		goto out;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0 || (n < 0 && errno == EINTR))
		if (n > 0 && qemu_log_feed(l, buf, (size_t)n, fn, ctx))
			break;
	if (n < 0)
		e = errno;
	else if (n == 0 && l->len && !l->overlong)
		qemu_log_feed(l, "\n", 1, fn, ctx); /* a last line without its newline */
out:
	if (fd >= 0)
		close(fd);
	free(l);
	errno = e;
	return e ? -1 : 0;
}

/*
 * The number in base (16 or 10) right after key in s, ending at a blank, ','
 * or the end; -1 if there is none.
 */
static int number_after(const char *s, const char *key, int base, uint64_t *v)
{
	const char *p = strstr(s, key);
	char *end;

	if (!p)
		return -1;
	p += strlen(key);
	/* strtoull would take a sign, blanks or (base 16) a second 0x. */
	if (!(base == 16 ? isxdigit((unsigned char)*p) : isdigit((unsigned char)*p)))
		return -1;
	errno = 0;
	*v = strtoull(p, &end, base);
	return !errno && (*end == ' ' || *end == ',' || *end == '\0') ? 0 : -1;
}

/* "'NAME'" right after key: its start and length (up to the last quote). */
static int quoted_after(const char *s, const char *key, bool last, const char **name, size_t *len)
{
	const char *p = strstr(s, key), *q;

	if (!p)
		return -1;
	p += strlen(key);
	q = last ? strrchr(p, '\'') : strchr(p, '\'');
	if (!q)
		return -1;
	*name = p;
	*len = (size_t)(q - p);
	return 0;
}

static int parse_mr(const char *a, struct qemu_log_event *e)
{
	uint64_t size;
	char *end;
	long cpu;

	if (strncmp(a, "cpu ", 4))
		return -1;
	errno = 0;
	cpu = strtol(a + 4, &end, 10);
	if (errno || end == a + 4 || *end != ' ' || cpu < -1 || cpu > 1 << 20)
		return -1;
	e->cpu = (int)cpu;
	if (number_after(end, " addr 0x", 16, &e->addr) ||
	    number_after(end, " value 0x", 16, &e->value) ||
	    number_after(end, " size ", 10, &size) || size > 64)
		return -1;
	e->size = (unsigned)size;
	/* The region's name comes last: a line cut there still has the access. */
	if (quoted_after(end, " name '", true, &e->region, &e->region_len)) {
		e->region = "?";
		e->region_len = 1;
	}
	return 0;
}

static int parse_args(struct qemu_log_event *e)
{
	uint64_t v;

	switch (e->kind) {
	case QLOG_EXEC_TB:
		return number_after(e->args - 1, " pc=0x", 16, &e->pc);
	case QLOG_MR_READ:
	case QLOG_MR_WRITE:
		return parse_mr(e->args, e);
	case QLOG_FW_CFG_SELECT: {
		const char *key = strstr(e->args, " key 0x"), *q, *r;

		if (!key || number_after(key, " key 0x", 16, &v) || v > 0xffff ||
		    !(q = strchr(key, '\'')) || !(r = strstr(q + 1, "', ret: ")))
			return -1;
		e->key = (unsigned)v;
		e->key_name = q + 1;
		e->key_name_len = (size_t)(r - q - 1);
		return 0;
	}
	case QLOG_FW_CFG_READ:
		return number_after(e->args, " = 0x", 16, &e->value);
	case QLOG_OTHER:
		break;
	}
	return 0;
}

static const struct {
	const char *name;
	enum qemu_log_kind kind;
} known[] = {
	{ "exec_tb", QLOG_EXEC_TB },
	{ "memory_region_ops_read", QLOG_MR_READ },
	{ "memory_region_ops_write", QLOG_MR_WRITE },
	{ "fw_cfg_select", QLOG_FW_CFG_SELECT },
	{ "fw_cfg_read", QLOG_FW_CFG_READ },
};

int qemu_log_parse(const char *line, struct qemu_log_event *e)
{
	const char *p = line;

	*e = (struct qemu_log_event){ .kind = QLOG_OTHER, .cpu = -1 };
	/* "PID@SEC.USEC:", as -msg timestamp=on writes it. */
	while (isdigit((unsigned char)*p))
		p++;
	if (p > line && *p == '@' && isdigit((unsigned char)p[1])) {
		const char *q = p + 1;
		char *end;

		/* SECONDS.MICROSECONDS exactly: strtod alone would take 0x10 or 1e3. */
		while (isdigit((unsigned char)*q))
			q++;
		if (*q++ != '.' || !isdigit((unsigned char)*q))
			return -1;
		while (isdigit((unsigned char)*q))
			q++;
		if (*q != ':')
			return -1;
		e->realtime = strtod(p + 1, &end);
		e->stamped = true;
		p = q + 1;
	} else {
		p = line;
	}
	e->name = p;
	e->name_len = strcspn(p, " ");
	e->args = p[e->name_len] ? p + e->name_len + 1 : p + e->name_len;
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strlen(known[i].name) == e->name_len && !strncmp(p, known[i].name, e->name_len))
			e->kind = known[i].kind;
	return parse_args(e);
}

bool qemu_log_is(const struct qemu_log_event *e, const char *name)
{
	return strlen(name) == e->name_len && !strncmp(e->name, name, e->name_len);
}
