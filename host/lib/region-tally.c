/* Device accesses per memory region; see region-tally.h. */
#include "region-tally.h"

#include <stdbool.h>
#include <string.h>

void region_tally_add(struct region_tally *t, const char *name, size_t len)
{
	char buf[sizeof(t->r[0].name)];
	size_t k;
	int i = 0;

	/* Keep "a=1,b=2" parseable. */
	for (k = 0; k < len && k + 1 < sizeof(buf); k++)
		buf[k] = strchr(" ,=\t", name[k]) ? '_' : name[k];
	buf[k] = '\0';
	while (i < t->n && strcmp(t->r[i].name, buf))
		i++;
	if (i == REGION_TALLY_MAX) /* table full: the last slot collects the rest */
		strcpy(t->r[--i].name, "other");
	else if (i == t->n)
		strcpy(t->r[t->n++].name, buf);
	t->r[i].n++;
}

void region_tally_print(const struct region_tally *t, FILE *f)
{
	bool used[REGION_TALLY_MAX] = { false };

	/* Largest first. */
	for (int k = 0; k < t->n; k++) {
		int best = -1;

		for (int i = 0; i < t->n; i++)
			if (!used[i] && (best < 0 || t->r[i].n > t->r[best].n))
				best = i;
		used[best] = true;
		fprintf(f, "%s%s=%lu", k ? "," : "", t->r[best].name, t->r[best].n);
	}
	fputs(t->n ? "\n" : "none\n", f);
}
