/* QEMU argv vectors; see qemu-cmd.h. */
#include "qemu-cmd.h"

#include "qemu-run.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void qemu_argv_push(struct qemu_argv *a, const char *fmt, ...)
{
	va_list ap;
	char *s = NULL;

	if (a->oom)
		return;
	if (a->n + 2 > a->cap) {
		int cap = a->cap ? a->cap * 2 : 32;
		char **nv = realloc(a->v, cap * sizeof(*nv));

		if (!nv) {
			a->oom = true;
			return;
		}
		a->v = nv;
		a->cap = cap;
	}
	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	if (!s) {
		a->oom = true;
		return;
	}
	a->v[a->n++] = s;
	a->v[a->n] = NULL;
}

char *qemu_cmd_append(const char *machine, const char *append)
{
	char *s = NULL;
	const char *base = append ? append : DEFAULT_APPEND;

	/* microvm under TCG has no PIT/HPET to calibrate the TSC (DESIGN.md 6). */
	if (strcmp(machine, "microvm") == 0 && !strstr(base, "tsc_early_khz="))
		return asprintf(&s, "%s%stsc_early_khz=2000000", base, *base ? " " : "") < 0 ? NULL
											     : s;
	return strdup(base);
}

char **qemu_argv_finish(struct qemu_argv *a)
{
	if (a->oom || !a->v) {
		qemu_cmd_free(a->v);
		*a = (struct qemu_argv){ 0 };
		return NULL;
	}
	return a->v;
}

void qemu_cmd_boot(struct qemu_argv *a, const struct qemu_boot *b)
{
	qemu_argv_push(a, "%s", b->qemu);
	qemu_argv_push(a, "-accel");
	qemu_argv_push(a, "%s", b->accel);
	qemu_argv_push(a, "-machine");
	qemu_argv_push(a, "%s", b->machine);
	qemu_argv_push(a, "-nodefaults");
	qemu_argv_push(a, "-no-user-config");
	qemu_argv_push(a, "-display");
	qemu_argv_push(a, "none");
	qemu_argv_push(a, "-m");
	qemu_argv_push(a, "512M");
	qemu_argv_push(a, "-bios");
	qemu_argv_push(a, "%s", b->bios);
	/* QEMU refuses -initrd and -append without -kernel. */
	if (b->kernel) {
		qemu_argv_push(a, "-kernel");
		qemu_argv_push(a, "%s", b->kernel);
		if (b->initrd) {
			qemu_argv_push(a, "-initrd");
			qemu_argv_push(a, "%s", b->initrd);
		}
		qemu_argv_push(a, "-append");
		qemu_argv_push(a, "%s", b->append);
	}
}

void qemu_cmd_debugcon(struct qemu_argv *a, const char *prefix, int chan, unsigned port)
{
	/* /dev/fd reopens the descriptor QEMU already holds. */
	qemu_argv_push(a, "-chardev");
	qemu_argv_push(a, "file,id=%s%d,path=/dev/fd/%d", prefix, chan, QEMU_CHAN_FD + chan);
	qemu_argv_push(a, "-device");
	qemu_argv_push(a, "isa-debugcon,iobase=0x%x,chardev=%s%d", port, prefix, chan);
}

char **qemu_cmd_add(char **argv, const char *const *more)
{
	size_t n = 0, m = 0;
	char **nv;

	while (argv[n])
		n++;
	while (more[m])
		m++;
	nv = realloc(argv, (n + m + 1) * sizeof(*nv));
	if (!nv) {
		qemu_cmd_free(argv);
		return NULL;
	}
	for (size_t i = 0; i <= m; i++)
		nv[n + i] = NULL;
	for (size_t i = 0; i < m; i++)
		if (!(nv[n + i] = strdup(more[i]))) {
			qemu_cmd_free(nv);
			return NULL;
		}
	return nv;
}

void qemu_cmd_free(char **argv)
{
	if (!argv)
		return;
	for (char **s = argv; *s; s++)
		free(*s);
	free(argv);
}

/* Shell-like quoting, for reading only: the runs themselves use no shell. */
char *qemu_cmd_join(char *const *argv)
{
	size_t len = 1;
	char *s, *w;

	for (char *const *a = argv; *a; a++)
		len += strlen(*a) + 3;
	s = malloc(len);
	if (!s)
		return NULL;
	w = s;
	for (char *const *a = argv; *a; a++) {
		bool quote = **a == '\0' || strpbrk(*a, " \t\"'\\$`") != NULL;

		w += sprintf(w, "%s%s%s%s", a == argv ? "" : " ", quote ? "'" : "", *a,
			     quote ? "'" : "");
	}
	*w = '\0';
	return s;
}
