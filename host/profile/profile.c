/* The plugin's table and its functions; see profile.h. */
#include "profile.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int add_block(struct profile *p, size_t *cap, const struct prof_block *b)
{
	if (p->n == *cap) {
		size_t c = *cap ? 2 * *cap : 4096;
		struct prof_block *nb = realloc(p->b, c * sizeof(*nb));

		if (!nb)
			return -1;
		p->b = nb;
		*cap = c;
	}
	p->b[p->n++] = *b;
	return 0;
}

/* One line of the table; 0 if taken, -1 if malformed. */
static int parse_line(struct profile *p, size_t *cap, const char *line, bool *header)
{
	struct prof_block b;
	uint64_t v;
	char end;

	if (!*header)
		return (*header = !strcmp(line, "# profile-plugin 1")) ? 0 : -1;
	if (sscanf(line, "start %" SCNu64 " %c", &v, &end) == 1) {
		p->start_ns = v;
		return 0;
	}
	if (!strcmp(line, "stop -"))
		return 0;
	if (sscanf(line, "stop %" SCNu64 " %c", &v, &end) == 1) {
		p->stop_ns = v;
		return 0;
	}
	if (sscanf(line, "block %" SCNx64 " %" SCNu32 " %" SCNu64 " %" SCNu64 " %c", &b.pc,
		   &b.insns, &b.execs, &b.first_ns, &end) == 4 &&
	    b.insns > 0 && b.insns <= 4096)
		return add_block(p, cap, &b);
	return -1;
}

int profile_read(const char *path, struct profile *p, long *bad_line)
{
	FILE *f = fopen(path, "re");
	char line[256];
	size_t cap = 0;
	bool header = false;
	long n = 0;

	*p = (struct profile){ 0 };
	*bad_line = 0;
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		size_t len = strlen(line);

		n++;
		if (len && line[len - 1] == '\n')
			line[--len] = '\0';
		if (len == sizeof(line) - 1 || parse_line(p, &cap, line, &header)) {
			*bad_line = n;
			fclose(f);
			errno = errno == ENOMEM ? ENOMEM : EINVAL;
			return -1;
		}
	}
	fclose(f);
	if (!header) {
		*bad_line = 1;
		errno = EINVAL;
		return -1;
	}
	return 0;
}

/* A block and the function it goes to: a symbol, or a region name. */
struct owner {
	const struct symbol *sym;
	const char *region;
	size_t block;
};

static int by_owner(const void *a, const void *b)
{
	const struct owner *x = a, *y = b;
	const void *kx = x->sym ? (const void *)x->sym : x->region;
	const void *ky = y->sym ? (const void *)y->sym : y->region;

	return kx < ky ? -1 : kx > ky;
}

static int by_self_insns(const void *a, const void *b)
{
	const struct prof_func *x = a, *y = b;

	if (x->self_insns != y->self_insns)
		return x->self_insns > y->self_insns ? -1 : 1;
	return x->first_ns < y->first_ns ? -1 : x->first_ns > y->first_ns;
}

int profile_attribute(struct profile *p, struct symbols *syms)
{
	struct owner *o = calloc(p->n ? p->n : 1, sizeof(*o));
	size_t nf = 0;

	if (!o)
		return -1;
	p->kernel_ns = 0;
	for (size_t i = 0; i < p->n; i++)
		if (symbols_is_kernel(p->b[i].pc) &&
		    (!p->kernel_ns || p->b[i].first_ns < p->kernel_ns))
			p->kernel_ns = p->b[i].first_ns;
	for (size_t i = 0; i < p->n; i++) {
		const struct prof_block *b = &p->b[i];

		o[i].block = i;
		o[i].sym = symbols_find(syms, b->pc);
		if (!o[i].sym)
			o[i].region =
				symbols_region(b->pc, p->kernel_ns && b->first_ns > p->kernel_ns);
	}
	qsort(o, p->n, sizeof(*o), by_owner);
	free(p->f);
	p->f = calloc(p->n ? p->n : 1, sizeof(*p->f));
	if (!p->f) {
		free(o);
		return -1;
	}
	p->total_insns = 0;
	for (size_t i = 0; i < p->n; i++) {
		const struct prof_block *b = &p->b[o[i].block];
		struct prof_func *f;

		if (!i || by_owner(&o[i - 1], &o[i])) {
			f = &p->f[nf++];
			*f = (struct prof_func){ .first_ns = UINT64_MAX };
			f->region = !o[i].sym;
			f->name = o[i].sym ? o[i].sym->name : o[i].region;
			f->module = o[i].sym ? o[i].sym->module : "";
			f->addr = o[i].sym ? o[i].sym->addr : b->pc;
		}
		f = &p->f[nf - 1];
		f->self_insns += b->execs * b->insns;
		f->execs += b->execs;
		f->blocks++;
		if (b->first_ns < f->first_ns)
			f->first_ns = b->first_ns;
		if (f->region && b->pc < f->addr)
			f->addr = b->pc;
		p->total_insns += b->execs * b->insns;
	}
	p->nf = nf;
	qsort(p->f, p->nf, sizeof(*p->f), by_self_insns);
	free(o);
	return 0;
}

static const struct profile *sorting;

static int by_first_call(const void *a, const void *b)
{
	const struct prof_func *x = &sorting->f[*(const size_t *)a],
			       *y = &sorting->f[*(const size_t *)b];

	if (x->first_ns != y->first_ns)
		return x->first_ns < y->first_ns ? -1 : 1;
	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

size_t *profile_first_calls(const struct profile *p)
{
	size_t *order = malloc((p->nf ? p->nf : 1) * sizeof(*order));

	if (!order)
		return NULL;
	for (size_t i = 0; i < p->nf; i++)
		order[i] = i;
	sorting = p;
	qsort(order, p->nf, sizeof(*order), by_first_call);
	sorting = NULL;
	return order;
}

void profile_free(struct profile *p)
{
	free(p->b);
	free(p->f);
	*p = (struct profile){ 0 };
}
