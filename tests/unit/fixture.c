/* Reads the captured fixtures (see tests/fixtures/capture-acpi.sh). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fixture.h"

uint8_t *fixture_read(const char *rel, size_t *len)
{
	char path[512];
	FILE *fp;
	uint8_t *buf;
	long size;

	snprintf(path, sizeof(path), "%s/%s", FIXTURES_DIR, rel);
	fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	if (fseek(fp, 0, SEEK_END) || (size = ftell(fp)) < 0 || fseek(fp, 0, SEEK_SET)) {
		fclose(fp);
		return NULL;
	}
	buf = malloc(size ? (size_t)size : 1);
	if (buf && fread(buf, 1, (size_t)size, fp) != (size_t)size) {
		free(buf);
		buf = NULL;
	}
	fclose(fp);
	*len = (size_t)size;
	return buf;
}

/* The manifest "files" holds "<fw_cfg name> <size> <fixture file>" lines;
 * the fixture files have their trailing zeros trimmed. */
uint8_t *fixture_acpi_load(struct fake_env *f, const char *machine, size_t *script_len)
{
	char rel[256], line[256], name[64], file[128];
	size_t len, n;
	unsigned long size;
	uint8_t *man, *data;
	char *p, *save = NULL;

	snprintf(rel, sizeof(rel), "acpi/%s/files", machine);
	man = fixture_read(rel, &len);
	if (!man)
		return NULL;
	man = realloc(man, len + 1);
	man[len] = '\0';
	for (p = strtok_r((char *)man, "\n", &save); p; p = strtok_r(NULL, "\n", &save)) {
		snprintf(line, sizeof(line), "%s", p);
		if (sscanf(line, "%63s %lu %127s", name, &size, file) != 3)
			abort();
		snprintf(rel, sizeof(rel), "acpi/%s/%s", machine, file);
		data = fixture_read(rel, &n);
		if (!data || n > size)
			abort();
		fake_env_add(f, name, data, (uint32_t)n, (uint32_t)size);
		free(data);
	}
	free(man);
	snprintf(rel, sizeof(rel), "acpi/%s/table-loader.bin", machine);
	return fixture_read(rel, script_len);
}
