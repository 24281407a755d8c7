/* Finds the kit's files and programs; see kit-files.h. */
#include "kit-files.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define INSTALLED_DATA "share/bootkit"

char *kit_data_dir(void)
{
	char exe[PATH_MAX], *top, *installed = NULL;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	/* bin/TOOL or host/TOOL: the folder above the tool's own. */
	top = dirname(dirname(exe));
	if (asprintf(&installed, "%s/" INSTALLED_DATA, strcmp(top, "/") ? top : "") < 0)
		return NULL;
	if (access(installed, F_OK) == 0)
		return installed;
	free(installed);
	return strdup(top);
}

char *kit_file(const char *dir, const char *rel)
{
	char *p = NULL;

	if (!dir || asprintf(&p, "%s/%s", strcmp(dir, "/") ? dir : "", rel) < 0)
		return NULL;
	return p;
}

char *kit_find_program(const char *name)
{
	const char *path = getenv("PATH");
	char *copy, *dir, *save = NULL, *full = NULL;

	if (strchr(name, '/'))
		return access(name, X_OK) == 0 ? strdup(name) : NULL;
	copy = strdup(path && *path ? path : "/usr/local/bin:/usr/bin:/bin");
	for (dir = copy ? strtok_r(copy, ":", &save) : NULL; dir;
	     dir = strtok_r(NULL, ":", &save)) {
		if (asprintf(&full, "%s/%s", dir, name) < 0) {
			full = NULL;
			break;
		}
		if (access(full, X_OK) == 0)
			break;
		free(full);
		full = NULL;
	}
	free(copy);
	if (!full)
		errno = ENOENT;
	return full;
}
