/*
 * The firmware's start from QEMU's first guest instruction, for firmwares
 * that write no fw_start (stock SeaBIOS) under TCG. Such a variant's runs
 * get `-trace exec_tb -D /dev/fd/N` (a pipe) and an HMP monitor on a
 * socket: the first exec_tb line (the reset vector) is point first_insn,
 * timed when boot-loop reads it like a trace byte (launch.h); then QEMU is killed
 * (--phases' first_insn runs) or the trace is switched off through the
 * monitor, so the rest of the boot runs untraced and at full speed.
 */
#ifndef FIRSTINSN_H
#define FIRSTINSN_H

#include "launch.h"
#include "session.h"

#include <stdbool.h>
#include <stddef.h>

/* Sent on the monitor once the first line is in. */
#define FIRSTINSN_TRACE_OFF "trace-event exec_tb off\n"

/* Port 0: the point comes from QEMU's log, not a trace port. */
extern const struct exit_point firstinsn_point;

/*
 * After each variant's discovery run (disc[v], reached[v]: it saw the
 * jump), sets variants[].first_insn as --fw-start says and notes why in
 * s->fw_start_note. One variant without fw_start moves all of them to
 * first_insn, so --compare compares like with like.
 */
void firstinsn_decide(struct session *s, const struct launch_result *disc);

#endif
