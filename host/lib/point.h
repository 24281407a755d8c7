/*
 * Where a run stops: the first write to a port, or the first write of one
 * value to it; and how: an isa-debug-exit device makes QEMU exit (first
 * write only), or isa-debugcon devices feed pipes and boot-loop kills QEMU
 * when the point arrives.
 */
#ifndef POINT_H
#define POINT_H

#include <stddef.h>

#define POINT_FIRST_WRITE (-1)

enum stop_method { STOP_EXIT_DEVICE, STOP_KILL };

struct exit_point {
	unsigned port; /* 1..0xffff */
	int value;     /* 1..255, or POINT_FIRST_WRITE */
	enum stop_method stop;
};

/*
 * "0xf5", "245", "0xf4:8": 0 on success, -1 if malformed or out of range.
 * A bare port stops by isa-debug-exit, PORT:VALUE by kill.
 */
int point_parse(const char *text, struct exit_point *p);

/* "0xf5" or "0xf4:8", as point_parse reads it back. */
void point_format(const struct exit_point *p, char *buf, size_t len);

#endif
