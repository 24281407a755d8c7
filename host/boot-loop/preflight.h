/*
 * Before the first run: fills the session's variants from the options and
 * the defaults, and checks that QEMU, firmware, kernel, initrd and the output
 * directories are there, naming what is missing and how to get it.
 */
#ifndef PREFLIGHT_H
#define PREFLIGHT_H

#include "session.h"

#include <stddef.h>

/* 0, or -1 with one sentence in err (the caller exits with status 2). */
int preflight(struct session *s, char *err, size_t len);

#endif
