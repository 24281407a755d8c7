/* Builds QEMU's argv for one run; no shell is involved anywhere. */
#include "qemu-cmd.h"

#include "boot-trace.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vec {
	char **v;
	int n, cap;
	int oom;
};

static void push(struct vec *a, const char *fmt, ...)
{
	va_list ap;
	char *s = NULL;

	if (a->oom)
		return;
	if (a->n + 2 > a->cap) {
		int cap = a->cap ? a->cap * 2 : 32;
		char **nv = realloc(a->v, cap * sizeof(*nv));

		if (!nv) {
			a->oom = 1;
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
		a->oom = 1;
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
		return asprintf(&s, "%s%stsc_early_khz=2000000", base, *base ? " " : "") < 0 ? NULL : s;
	return strdup(base);
}

int qemu_cmd_watch_ports(const struct exit_point *p, unsigned ports[3])
{
	int n = 0;

	ports[n++] = TRACE_PORT_FW;
	ports[n++] = TRACE_PORT_LINUX;
	if (p->port && p->port != TRACE_PORT_FW && p->port != TRACE_PORT_LINUX)
		ports[n++] = p->port;
	return n;
}

int qemu_cmd_stop_watch(const struct exit_point *p)
{
	if (!p->port)
		return -1;	/* from QEMU's log, no trace port */
	return p->port == TRACE_PORT_FW ? 0 : p->port == TRACE_PORT_LINUX ? 1 : 2;
}

char **qemu_cmd_build(const struct config *c, const struct variant *v,
		      const struct exit_point *p)
{
	struct vec a = { 0 };

	push(&a, "%s", v->qemu);
	push(&a, "-accel");
	push(&a, "%s", v->accel);
	push(&a, "-machine");
	push(&a, "%s", c->machine);
	push(&a, "-nodefaults");
	push(&a, "-no-user-config");
	push(&a, "-display");
	push(&a, "none");
	push(&a, "-m");
	push(&a, "512M");
	push(&a, "-bios");
	push(&a, "%s", v->bios);
	/* QEMU refuses -initrd and -append without -kernel. */
	if (v->kernel) {
		push(&a, "-kernel");
		push(&a, "%s", v->kernel);
		if (v->initrd) {
			push(&a, "-initrd");
			push(&a, "%s", v->initrd);
		}
		push(&a, "-append");
		push(&a, "%s", v->append);
	}
	if (p->stop == STOP_EXIT_DEVICE) {
		/* iosize=1: the default of 2 would also catch the next port. */
		push(&a, "-device");
		push(&a, "isa-debug-exit,iobase=0x%x,iosize=1", p->port);
	} else if (c->qemu_trace) {
		/* The ports' writes come from QEMU's own log, on pipe 0 (qemu-trace.h). */
		push(&a, "-trace");
		push(&a, "memory_region_ops_write");
		push(&a, "-msg");
		push(&a, "timestamp=on");
		push(&a, "-D");
		push(&a, "/dev/fd/%d", QEMU_WATCH_FD);
	} else {
		unsigned ports[3];
		int n = qemu_cmd_watch_ports(p, ports);

		/* QEMU already holds pipe i as QEMU_WATCH_FD + i; /dev/fd reopens it. */
		for (int i = 0; i < n; i++) {
			push(&a, "-chardev");
			push(&a, "file,id=bootloop_trace%d,path=/dev/fd/%d", i, QEMU_WATCH_FD + i);
			push(&a, "-device");
			push(&a, "isa-debugcon,iobase=0x%x,chardev=bootloop_trace%d", ports[i], i);
		}
		/*
		 * The first exec_tb line is the first guest instruction; boot-loop
		 * then switches the trace off through the monitor (firstinsn.h).
		 */
		if (v->first_insn) {
			push(&a, "-trace");
			push(&a, "exec_tb");
			push(&a, "-msg");
			push(&a, "timestamp=on");
			push(&a, "-D");
			push(&a, "/dev/fd/%d", QEMU_WATCH_FD + n);
			push(&a, "-chardev");
			push(&a, "socket,id=bootloop_mon,fd=%d", QEMU_WATCH_FD + n + 1);
			push(&a, "-mon");
			push(&a, "chardev=bootloop_mon,mode=readline");
		}
	}
	for (int i = 0; i < c->n_extra; i++)
		push(&a, "%s", c->extra[i]);
	if (a.oom) {
		qemu_cmd_free(a.v);
		return NULL;
	}
	return a.v;
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
