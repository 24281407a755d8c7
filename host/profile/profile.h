/*
 * One profiled boot: the plugin's table of blocks (profile-plugin.c), read
 * back and attributed to functions by the symbols, or to a region of the
 * boot where no symbol covers a block, never dropped.
 */
#ifndef PROFILE_H
#define PROFILE_H

#include "symbols.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct prof_block {
	uint64_t pc;
	uint32_t insns;
	uint64_t execs, first_ns;
};

struct prof_func {
	const char *name;    /* a symbol's, or the region's */
	const char *module;  /* the symbol's file or kernel module; "" for a region */
	uint64_t addr;       /* the symbol's, or the region's first block */
	uint64_t self_insns; /* guest instructions run in its blocks */
	uint64_t execs;      /* block executions */
	uint64_t first_ns;   /* its first block's first translation */
	size_t blocks;
	bool region;
};

struct profile {
	uint64_t start_ns; /* the first block (the reset vector), CLOCK_MONOTONIC */
	uint64_t stop_ns;  /* the table froze at stop=ADDR; 0 if not */
	struct prof_block *b;
	size_t n;
	struct prof_func *f; /* by self_insns, largest first */
	size_t nf;
	uint64_t total_insns;
	uint64_t kernel_ns; /* first kernel-text block, 0 if none */
};

/*
 * Reads the plugin's file. 0, or -1 with errno (EINVAL: not a table, with
 * the line in *bad_line).
 */
int profile_read(const char *path, struct profile *p, long *bad_line);

/* Adds the functions from the blocks; -1 if out of memory. */
int profile_attribute(struct profile *p, struct symbols *syms);

/* The functions in order of first call (a malloc'd array of indices into p->f). */
size_t *profile_first_calls(const struct profile *p);

void profile_free(struct profile *p);

#endif
