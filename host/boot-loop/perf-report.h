/*
 * `boot-loop perf-report [--old-numbering] FILE`: boot phases from `perf
 * script` text of kvm:kvm_entry, kvm:kvm_pio and sched:sched_process_exec
 * (the qemu-boot-time method; KVM and root only, so recorded elsewhere).
 */
#ifndef PERF_REPORT_H
#define PERF_REPORT_H

#include <stdio.h>

/* argv[0] is "perf-report". Returns the exit status. */
int perf_report_main(int argc, char **argv);

/* The report for the perf script text in `in`; -1 if it holds no boot. */
int perf_report(FILE *in, FILE *out, int old_numbering, const char *name);

#endif
