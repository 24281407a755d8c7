/* Runs a case that may crash (a sanitizer report aborts the process) in a
 * forked child, so one memory error fails one test, not the whole program. */
#ifndef CHILD_H
#define CHILD_H

/* The child's exit status as waitpid gives it; 0 when fn returned. The
 * child's stderr (the sanitizer report) is dropped unless CHILD_STDERR=1. */
int run_in_child(void (*fn)(void *arg), void *arg);

#endif
