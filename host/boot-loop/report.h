/* The readable summary on the terminal (stdout). */
#ifndef REPORT_H
#define REPORT_H

#include "analysis.h"
#include "session.h"

#include <stdio.h>

void report_print(FILE *f, const struct session *s, const struct analysis *an);

/* "A fw_start" style label of an arm, for every output format. */
const char *report_arm_label(const struct session *s, int arm, char *buf, size_t len);

/* What --compare varies, e.g. "--bios". */
const char *report_vary_option(const struct config *c);

#endif
