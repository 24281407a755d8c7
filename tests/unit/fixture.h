/* Test fixtures under tests/fixtures (FIXTURES_DIR, set by tests/Makefile.inc). */
#ifndef FIXTURE_H
#define FIXTURE_H

#include <stddef.h>
#include <stdint.h>
#include "fake_env.h"

#ifndef FIXTURES_DIR
#define FIXTURES_DIR "tests/fixtures"
#endif

/* Reads FIXTURES_DIR/rel into a malloc'd buffer; NULL if it cannot. */
uint8_t *fixture_read(const char *rel, size_t *len);

/* Loads tests/fixtures/acpi/<machine>: returns its table-loader script
 * (malloc'd) and adds every file of its manifest to f with its original size. */
uint8_t *fixture_acpi_load(struct fake_env *f, const char *machine, size_t *script_len);

#endif
