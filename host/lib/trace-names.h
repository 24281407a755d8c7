/*
 * Names and meanings of the trace ABI's values (include/boot-trace.h), as
 * the host tools print them; all come from the header's two lists.
 */
#ifndef TRACE_NAMES_H
#define TRACE_NAMES_H

/* "fw_start" for TRACE_FW_START and so on; NULL if value is not a point. */
const char *trace_point_name(int value);

/* What a fatal firmware error value means; NULL if value is not one. */
const char *trace_error_name(int value);

/* The error's short name ("truncated"); NULL if value is not one. */
const char *trace_error_id(int value);

#endif
