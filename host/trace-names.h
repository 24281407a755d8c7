/*
 * Names for the values of the trace ABI (include/boot-trace.h), as boot-loop
 * prints them. The values themselves come only from that header.
 */
#ifndef TRACE_NAMES_H
#define TRACE_NAMES_H

/* "fw_start" for TRACE_FW_START and so on; NULL if value is not a point. */
const char *trace_point_name(int value);

/* What a fatal firmware error value means; NULL if value is not one. */
const char *trace_error_name(int value);

#endif
