/*
 * abi-doc FORMAT TABLE: prints one of the trace ABI's tables from the lists in
 * include/boot-trace.h, so the README and the man page cannot drift from it.
 *   FORMAT  markdown (README.md) or roff (host/boot-loop/boot-loop.1)
 *   TABLE   points (BOOT_TRACE_POINTS) or errors (BOOT_TRACE_ERRORS)
 * scripts/abi-doc.sh puts the output between the files' abi-doc markers.
 */
#include "boot-trace.h"

#include <stdio.h>
#include <string.h>

struct point {
	int value, port;
	const char *name, *meaning;
};

struct error {
	int value;
	const char *id, *meaning;
};

#define POINT(n, v, port, name, meaning) { v, port, name, meaning },
#define ERROR(n, v, id, meaning) { v, id, meaning },
static const struct point points[] = { BOOT_TRACE_POINTS(POINT) };
static const struct error errors[] = { BOOT_TRACE_ERRORS(ERROR) };
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Text in a Markdown table cell: a | would end the cell. */
static void md_text(const char *s)
{
	for (; *s; s++) {
		if (*s == '|' || *s == '\\')
			putchar('\\');
		putchar(*s);
	}
}

/* Text in roff: \ is the escape character, an option's leading - a minus
 * (\-), and a line must not start with a control character. */
static void roff_text(const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", stdout);
	for (const char *p = s; *p; p++) {
		if (*p == '\\')
			fputs("\\e", stdout);
		else if (*p == '-' && (p == s || p[-1] == ' ' || p[-1] == '('))
			fputs("\\-", stdout);
		else
			putchar(*p);
	}
}

static void markdown_points(void)
{
	puts("| value | port | exit status | name | written by, when |");
	puts("|---:|---|---:|---|---|");
	for (size_t i = 0; i < COUNT(points); i++) {
		const struct point *p = &points[i];

		printf("| %d | 0x%02x | %d | `%s` | ", p->value, p->port,
		       TRACE_EXIT_STATUS(p->value), p->name);
		md_text(p->meaning);
		puts(" |");
	}
}

static void markdown_errors(void)
{
	puts("| value | exit status | id | meaning |");
	puts("|---:|---:|---|---|");
	for (size_t i = 0; i < COUNT(errors); i++) {
		const struct error *e = &errors[i];

		printf("| 0x%02x | %d | `%s` | ", e->value, TRACE_EXIT_STATUS(e->value), e->id);
		md_text(e->meaning);
		puts(" |");
	}
}

/* A tagged paragraph per entry (.TP): no tbl needed. */
static void roff_points(void)
{
	for (size_t i = 0; i < COUNT(points); i++) {
		const struct point *p = &points[i];

		printf(".TP\n.BR %d \" (port 0x%02x, status %d) \" %s\n", p->value, p->port,
		       TRACE_EXIT_STATUS(p->value), p->name);
		roff_text(p->meaning);
		putchar('\n');
	}
}

static void roff_errors(void)
{
	for (size_t i = 0; i < COUNT(errors); i++) {
		const struct error *e = &errors[i];

		printf(".TP\n.BR 0x%02x \" (status %d) \" %s\n", e->value,
		       TRACE_EXIT_STATUS(e->value), e->id);
		roff_text(e->meaning);
		putchar('\n');
	}
}

int main(int argc, char **argv)
{
	static const struct {
		const char *format, *table;
		void (*print)(void);
	} tables[] = {
		{ "markdown", "points", markdown_points },
		{ "markdown", "errors", markdown_errors },
		{ "roff", "points", roff_points },
		{ "roff", "errors", roff_errors },
	};

	for (size_t i = 0; argc == 3 && i < COUNT(tables); i++) {
		if (!strcmp(argv[1], tables[i].format) && !strcmp(argv[2], tables[i].table)) {
			tables[i].print();
			return fflush(stdout) || ferror(stdout) ? 1 : 0;
		}
	}
	fprintf(stderr, "usage: %s markdown|roff points|errors\n", argc ? argv[0] : "abi-doc");
	return 2;
}
