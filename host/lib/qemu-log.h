/*
 * The one reader of QEMU's log (-D FILE, the "log" trace backend, -d plugin):
 * a line buffer that turns the bytes of a pipe or a file into lines however
 * they are split, and a parser of the events the kit uses. With -msg
 * timestamp=on each trace line starts "PID@SECONDS.MICROSECONDS:" (QEMU's
 * CLOCK_REALTIME); without it, with the event's name.
 *
 *   exec_tb tb:0x7f.. pc=0xfffffff0
 *   memory_region_ops_write cpu 0 mr 0x55.. addr 0xf4 value 0x4 size 1 name 'io'
 *   fw_cfg_select 0x55.. key 0x0019 'etc/table-loader', ret: 1
 *   fw_cfg_read 0x55.. = 0x1
 */
#ifndef QEMU_LOG_H
#define QEMU_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Longer lines are dropped whole (counted), never passed on cut. */
#define QEMU_LOG_LINE_MAX 1024

/* Called per complete line, newline removed; true: stop here. */
typedef bool (*qemu_log_line_fn)(void *ctx, const char *line);

struct qemu_log_lines {
	char line[QEMU_LOG_LINE_MAX];
	size_t len;
	bool overlong;         /* the line being read is too long: dropped */
	unsigned long dropped; /* lines dropped so */
};

/*
 * Adds n bytes; calls fn for each line they complete. Returns true if fn
 * said stop (the rest of buf is then left unread).
 */
bool qemu_log_feed(struct qemu_log_lines *l, const void *buf, size_t n, qemu_log_line_fn fn,
		   void *ctx);

/* Every line of a log file through fn; -1 with errno if it cannot be read. */
int qemu_log_read_file(const char *path, qemu_log_line_fn fn, void *ctx);

enum qemu_log_kind {
	QLOG_OTHER, /* any other line: name is its first word */
	QLOG_EXEC_TB,
	QLOG_MR_READ,  /* memory_region_ops_read */
	QLOG_MR_WRITE, /* memory_region_ops_write */
	QLOG_FW_CFG_SELECT,
	QLOG_FW_CFG_READ,
};

struct qemu_log_event {
	enum qemu_log_kind kind;
	bool stamped;     /* -msg timestamp=on */
	double realtime;  /* QEMU's stamp, seconds (CLOCK_REALTIME) */
	const char *name; /* the event's name (in the line), name_len long */
	size_t name_len;
	const char *args;     /* after the name and one blank */
	uint64_t pc;          /* exec_tb */
	int cpu;              /* memory_region_ops_*: -1 for QEMU's own accesses */
	uint64_t addr, value; /* memory_region_ops_* (addr: a port below 0x10000); fw_cfg_read */
	unsigned size;
	const char *region; /* memory_region_ops_*: its name, region_len long */
	size_t region_len;
	unsigned key;         /* fw_cfg_select: the item (fw_cfg_read: in value) */
	const char *key_name; /* fw_cfg_select, key_name_len long */
	size_t key_name_len;
};

/*
 * Parses one line. 0: an event of a known kind, or QLOG_OTHER; -1: a line
 * that names a known event but does not have its fields (a format QEMU
 * changed, or a cut line), so callers can count what they could not read.
 */
int qemu_log_parse(const char *line, struct qemu_log_event *e);

/* True if e is the event called name (for QLOG_OTHER lines such as a plugin's). */
bool qemu_log_is(const struct qemu_log_event *e, const char *name);

#endif
