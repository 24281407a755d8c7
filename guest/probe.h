/* Shared by the probe's files: one console line per fact, small file reads. */
#ifndef PROBE_H
#define PROBE_H

#include <sys/types.h>

/* Prints one line with a single write(), so it never interleaves. */
void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Reads a small file into buf (NUL-terminated); its length or -1. */
ssize_t read_file(const char *path, char *buf, size_t size);
/* probe_devices.c: setup_data the kernel received, disks, network interfaces. */
void print_devices(void);

#endif
