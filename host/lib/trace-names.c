/* Looks the trace ABI's values up in its lists; see trace-names.h. */
#include "trace-names.h"

#include "boot-trace.h"

#include <stddef.h>

#define POINT_NAME(n, v, port, name, meaning) [v] = name,
#define ERROR_ID(n, v, name, meaning) [v - TRACE_ERR_BASE] = name,
#define ERROR_MEANING(n, v, name, meaning) [v - TRACE_ERR_BASE] = meaning,

static const char *const point_names[] = { BOOT_TRACE_POINTS(POINT_NAME) };
static const char *const error_ids[] = { BOOT_TRACE_ERRORS(ERROR_ID) };
static const char *const error_meanings[] = { BOOT_TRACE_ERRORS(ERROR_MEANING) };

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

_Static_assert(COUNT(error_ids) == TRACE_ERR_LAST - TRACE_ERR_BASE + 1, "errors without a gap");

const char *trace_point_name(int value)
{
	return value >= 0 && value < COUNT(point_names) ? point_names[value] : NULL;
}

/* Compared before subtracting: no overflow whatever the value. */
const char *trace_error_name(int value)
{
	if (value < TRACE_ERR_BASE || value > TRACE_ERR_LAST)
		return NULL;
	return error_meanings[value - TRACE_ERR_BASE];
}

const char *trace_error_id(int value)
{
	if (value < TRACE_ERR_BASE || value > TRACE_ERR_LAST)
		return NULL;
	return error_ids[value - TRACE_ERR_BASE];
}
