/*
 * A QEMU run whose -D log is read line by line as it comes: the supervisor
 * (qemu-run.h) with one channel, QEMU_CHAN_FD, fed to the line reader
 * (qemu-log.h). The caller puts "-D /dev/fd/3" (LOG_RUN_PATH) in argv.
 */
#ifndef LOG_RUN_H
#define LOG_RUN_H

#include "qemu-log.h"
#include "qemu-run.h"

#define LOG_RUN_PATH "/dev/fd/3" /* QEMU_CHAN_FD */

/*
 * Runs argv until fn says stop (QEMU is then killed: e->stopped), QEMU
 * exits and its log is read to the end, the timeout, or a stop signal.
 * 0, or -1 with errno if the tool itself failed. *dropped: overlong lines.
 */
int log_run(char *const *argv, double timeout_s, qemu_log_line_fn fn, void *ctx,
	    struct qemu_exit *e, unsigned long *dropped);

#endif
