/* Shared by the probe's files: one console line per fact, small file reads. */
#ifndef PROBE_IO_H
#define PROBE_IO_H

#include <sys/types.h>

/* Prints one line with a single write(), so it never interleaves. */
void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Reads a small file into buf (NUL-terminated); its length or -1. */
ssize_t read_file(const char *path, char *buf, size_t size);

#endif
