/*
 * Device accesses per QEMU memory region, for access-count and fw-measure:
 * names kept parseable in "a=1,b=2" output, printed largest first.
 */
#ifndef REGION_TALLY_H
#define REGION_TALLY_H

#include <stddef.h>
#include <stdio.h>

#define REGION_TALLY_MAX 64

struct region_tally {
	struct {
		char name[48];
		unsigned long n;
	} r[REGION_TALLY_MAX];
	int n;
};

/*
 * One access to the region called name[0..len); a full table counts the
 * rest under "other" in its last slot.
 */
void region_tally_add(struct region_tally *t, const char *name, size_t len);
/* "name=count,..." largest first, then a newline ("none" when empty). */
void region_tally_print(const struct region_tally *t, FILE *f);

#endif
