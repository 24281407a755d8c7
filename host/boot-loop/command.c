/* The stop devices and channels of a run; see command.h. */
#include "command.h"

#include "boot-trace.h"
#include "qemu-run.h"

int command_watch_ports(const struct exit_point *p, unsigned ports[3])
{
	int n = 0;

	ports[n++] = TRACE_PORT_FW;
	ports[n++] = TRACE_PORT_LINUX;
	if (p->port && p->port != TRACE_PORT_FW && p->port != TRACE_PORT_LINUX)
		ports[n++] = p->port;
	return n;
}

int command_stop_watch(const struct exit_point *p)
{
	if (!p->port)
		return -1; /* from QEMU's log, no trace port */
	return p->port == TRACE_PORT_FW ? 0 : p->port == TRACE_PORT_LINUX ? 1 : 2;
}

/* Channels QEMU reads as /dev/fd/N or fd=N: it already holds them (qemu-run.h). */
static void add_channels(struct qemu_argv *a, const struct config *c, const struct variant *v,
			 const struct exit_point *p)
{
	unsigned ports[3];
	int n;

	if (c->qemu_trace) {
		/* The ports' writes come from QEMU's own log, on channel 0 (launch.h). */
		qemu_argv_push(a, "-trace");
		qemu_argv_push(a, "memory_region_ops_write");
		qemu_argv_push(a, "-msg");
		qemu_argv_push(a, "timestamp=on");
		qemu_argv_push(a, "-D");
		qemu_argv_push(a, "/dev/fd/%d", QEMU_CHAN_FD);
		return;
	}
	n = command_watch_ports(p, ports);
	for (int i = 0; i < n; i++)
		qemu_cmd_debugcon(a, "bootloop_trace", i, ports[i]);
	/*
	 * The first exec_tb line is the first guest instruction; boot-loop
	 * then switches the trace off through the monitor (firstinsn.h).
	 */
	if (v->first_insn) {
		qemu_argv_push(a, "-trace");
		qemu_argv_push(a, "exec_tb");
		qemu_argv_push(a, "-msg");
		qemu_argv_push(a, "timestamp=on");
		qemu_argv_push(a, "-D");
		qemu_argv_push(a, "/dev/fd/%d", QEMU_CHAN_FD + n);
		qemu_argv_push(a, "-chardev");
		qemu_argv_push(a, "socket,id=bootloop_mon,fd=%d", QEMU_CHAN_FD + n + 1);
		qemu_argv_push(a, "-mon");
		qemu_argv_push(a, "chardev=bootloop_mon,mode=readline");
	}
}

char **command_build(const struct config *c, const struct variant *v, const struct exit_point *p)
{
	struct qemu_argv a = { 0 };

	qemu_cmd_boot(&a, &v->boot);
	if (p->stop == STOP_EXIT_DEVICE) {
		/* iosize=1: the default of 2 would also catch the next port. */
		qemu_argv_push(&a, "-device");
		qemu_argv_push(&a, "isa-debug-exit,iobase=0x%x,iosize=1", p->port);
	} else {
		add_channels(&a, c, v, p);
	}
	for (int i = 0; i < c->n_extra; i++)
		qemu_argv_push(&a, "%s", c->extra[i]);
	return qemu_argv_finish(&a);
}
