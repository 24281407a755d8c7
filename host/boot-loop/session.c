/* Storage of runs per arm and iteration; see session.h. */
#include "session.h"

#include "trace-names.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int session_add_arm(struct session *s, int v, const struct exit_point *p, const char *name)
{
	struct arm *arms = realloc(s->arms, (s->n_arms + 1) * sizeof(*arms)), *a;
	size_t n = s->iterations;

	if (!arms)
		return session_fail(s, "out of memory");
	s->arms = arms;
	a = &arms[s->n_arms];
	*a = (struct arm){ .variant = v, .point = *p, .name = name, .n_iter = s->iterations };
	a->argv = command_build(s->cfg, &s->variants[v], p);
	a->command = a->argv ? qemu_cmd_join(a->argv) : NULL;
	a->t = malloc(n * sizeof(*a->t));
	a->code = calloc(n, sizeof(*a->code));
	a->value = calloc(n, sizeof(*a->value));
	a->user = malloc(n * sizeof(*a->user));
	a->sys = malloc(n * sizeof(*a->sys));
	s->n_arms++; /* counted even if incomplete, so session_free frees it */
	if (!a->command || !a->t || !a->code || !a->value || !a->user || !a->sys)
		return session_fail(s, "out of memory");
	for (size_t i = 0; i < n; i++)
		a->t[i] = a->user[i] = a->sys[i] = NAN;
	return 0;
}

int session_record(struct arm *a, long it, const struct outcome *o, const struct launch_result *r)
{
	a->code[it] = o->exit_code;
	if (o->ok) {
		a->t[it] = r->exit.seconds;
		a->value[it] = o->value;
		a->user[it] = r->exit.user_s;
		a->sys[it] = r->exit.sys_s;
		return 0;
	}
	if (a->n_fails == a->cap_fails) {
		size_t cap = a->cap_fails ? a->cap_fails * 2 : 8;
		struct failure *f = realloc(a->fails, cap * sizeof(*f));

		if (!f)
			return -1;
		a->fails = f;
		a->cap_fails = cap;
	}
	a->fails[a->n_fails].iteration = it;
	a->fails[a->n_fails].reason = strdup(o->reason);
	if (!a->fails[a->n_fails].reason)
		return -1;
	a->n_fails++;
	return 0;
}

long arm_samples(const struct arm *a)
{
	long n = 0;

	for (long i = 0; i < a->n_iter; i++)
		n += isfinite(a->t[i]);
	return n;
}

const char *arm_point_name(const struct arm *a, char *buf, size_t len)
{
	bool seen[256] = { false };
	size_t used = 0;

	if (a->name)
		return a->name;
	buf[0] = '\0';
	for (long i = 0; i < a->n_iter; i++)
		if (isfinite(a->t[i]))
			seen[a->value[i] & 0xff] = true;
	/* A firmware that mixes points (bzImage here, PVH there) shows both. */
	for (int v = 1; v < 256 && used < len; v++)
		if (seen[v] && trace_point_name(v))
			used += snprintf(buf + used, len - used, "%s%s", used ? "+" : "",
					 trace_point_name(v));
	if (!used)
		point_format(&a->point, buf, len);
	return buf;
}

int session_fail(struct session *s, const char *fmt, ...)
{
	va_list ap;
	int e = errno;

	if (!s->error[0]) {
		va_start(ap, fmt);
		vsnprintf(s->error, sizeof(s->error), fmt, ap);
		va_end(ap);
	}
	errno = e;
	return -1;
}

char *session_own(struct session *s, char *str)
{
	if (str && s->n_owned == (int)(sizeof(s->owned) / sizeof(s->owned[0]))) {
		free(str);
		return NULL;
	}
	if (str)
		s->owned[s->n_owned++] = str;
	return str;
}

void session_free(struct session *s)
{
	for (int i = 0; i < s->n_owned; i++)
		free(s->owned[i]);
	s->n_owned = 0;
	for (int i = 0; i < s->n_arms; i++) {
		struct arm *a = &s->arms[i];

		qemu_cmd_free(a->argv);
		free(a->command);
		free(a->t);
		free(a->code);
		free(a->value);
		free(a->user);
		free(a->sys);
		for (size_t k = 0; k < a->n_fails; k++)
			free(a->fails[k].reason);
		free(a->fails);
	}
	free(s->arms);
	s->arms = NULL;
	s->n_arms = 0;
}
