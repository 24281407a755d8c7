/* Shared set-up for the hand-built acpi_loader tests: one fake machine with a
 * few fw_cfg files, a script to fill, and checks on the result. */
#ifndef LOADER_CASE_H
#define LOADER_CASE_H

#include "acpi_loader.h"
#include "fake_env.h"
#include "loader_script.h"

#define MEM (256 * 1024)
#define BASE 0x7ffc0000ull      /* guest address of the fake memory: below 4G, above 64K */
#define T "etc/acpi/tables"     /* 256 bytes, a pointer field at 16 holding 0x10 */
#define R "etc/acpi/rsdp"       /* 20 bytes starting "RSD PTR " */
#define GUID "etc/vmgenid_guid" /* 4096 bytes */
#define ADDR "etc/vmgenid_addr" /* 8 bytes, the 4th file */
#define HIGH LOADER_ZONE_HIGH
#define FSEG LOADER_ZONE_FSEG

extern struct fake_env lc_env;
extern struct acpi_loader lc_ld;
extern struct script lc_script;

/* cmocka set-up / tear-down: files T, R, GUID, ADDR, "empty" (size 0), an
 * empty script; the tear-down fails the test if the canary was touched. */
int lc_setup(void **state);
int lc_teardown(void **state);
struct acpi_blob *lc_blob(const char *name);
/* Runs lc_script and expects command idx to fail with what in the message. */
void lc_expect_fail(uint32_t idx, const char *what);
/* ALLOCATE R (align 16, FSEG) then T (align 64, HIGH). */
void lc_allocate_both(void);

#endif
