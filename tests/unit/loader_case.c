/* See loader_case.h. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "loader_case.h"

struct fake_env lc_env;
struct acpi_loader lc_ld;
struct script lc_script;

int lc_setup(void **state)
{
	uint8_t t[256] = { 0 }, r[20] = "RSD PTR ";

	(void)state;
	fake_env_init(&lc_env, MEM, BASE);
	t[16] = 0x10;
	fake_env_add(&lc_env, T, t, sizeof(t), sizeof(t));
	fake_env_add(&lc_env, R, r, sizeof(r), sizeof(r));
	fake_env_add(&lc_env, GUID, NULL, 0, 4096);
	fake_env_add(&lc_env, ADDR, NULL, 0, 8);
	fake_env_add(&lc_env, "empty", NULL, 0, 0);
	memset(&lc_script, 0, sizeof(lc_script));
	return 0;
}

int lc_teardown(void **state)
{
	bool intact = fake_env_canary_intact(&lc_env);

	(void)state;
	fake_env_free(&lc_env);
	assert_true(intact);
	return 0;
}

struct acpi_blob *lc_blob(const char *name)
{
	for (uint32_t i = 0; i < lc_ld.nblobs; i++)
		if (strcmp(lc_ld.blob[i].name, name) == 0)
			return &lc_ld.blob[i];
	fail_msg("no blob %s", name);
	return NULL;
}

void lc_expect_fail(uint32_t idx, const char *what)
{
	char at[32];

	assert_int_equal(acpi_loader_run(&lc_ld, lc_script.b, lc_script.len, &lc_env), -1);
	snprintf(at, sizeof(at), "command %u:", idx);
	if (!strstr(lc_ld.error, at) || !strstr(lc_ld.error, what))
		fail_msg("error \"%s\" lacks \"%s\" / \"%s\"", lc_ld.error, at, what);
}

void lc_allocate_both(void)
{
	script_allocate(&lc_script, R, 16, FSEG);
	script_allocate(&lc_script, T, 64, HIGH);
}
