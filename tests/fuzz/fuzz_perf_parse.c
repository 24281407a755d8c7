/* `perf script` lines (boot-loop perf-report's input), one per input line:
 * the parser never reads past the line, and a point it names maps to a
 * value of the current trace ABI or to none. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "boot-trace.h"
#include "perf-parse.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), *line, *save = NULL;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		struct perf_event e;
		int rc = perf_parse_line(line, &e);

		FUZZ_CHECK(rc >= -1 && rc <= 1);
		if (rc == 1 && e.kind == PERF_PIO_WRITE) {
			int v = perf_point_value(e.port, e.value, e.value & 1);

			FUZZ_CHECK(v >= 0 && v < TRACE_ERR_BASE);
		}
	}
	free(text);
	return 0;
}
