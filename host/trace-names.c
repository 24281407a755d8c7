/* Names of the trace points and firmware errors, indexed by the ABI's values. */
#include "trace-names.h"

#include "boot-trace.h"

#include <stddef.h>

static const char *const point_names[] = {
	[TRACE_FW_START] = "fw_start",
	[TRACE_LINUX_START_FWCFG] = "linux_start_fwcfg",
	[TRACE_LINUX_START_BOOT] = "linux_start_boot",
	[TRACE_LINUX_START_PVHBOOT] = "linux_start_pvhboot",
	[TRACE_FW_DO_BOOT] = "fw_do_boot",
	[TRACE_LINUX_START_KERNEL] = "linux_start_kernel",
	[TRACE_LINUX_START_USER] = "linux_start_user",
	[TRACE_USER_PROBE] = "user_probe",
};

static const char *const error_names[] = {
	[TRACE_ERR_NO_FWCFG - TRACE_ERR_BASE] = "no fw_cfg device",
	[TRACE_ERR_NO_KERNEL - TRACE_ERR_BASE] = "no -kernel given",
	[TRACE_ERR_NOT_A_KERNEL - TRACE_ERR_BASE] = "neither bzImage nor PVH ELF",
	[TRACE_ERR_OLD_PROTOCOL - TRACE_ERR_BASE] = "boot protocol too old",
	[TRACE_ERR_FWCFG_BAD - TRACE_ERR_BASE] = "fw_cfg items inconsistent",
	[TRACE_ERR_NO_MEMORY - TRACE_ERR_BASE] = "kernel/initrd do not fit",
	[TRACE_ERR_ACPI_LOADER - TRACE_ERR_BASE] = "bad ACPI linker/loader script",
	[TRACE_ERR_E820 - TRACE_ERR_BASE] = "bad or missing memory map",
};

const char *trace_point_name(int value)
{
	if (value < 0 || value >= (int)(sizeof(point_names) / sizeof(point_names[0])))
		return NULL;
	return point_names[value];
}

const char *trace_error_name(int value)
{
	if (value < TRACE_ERR_BASE || value > TRACE_ERR_LAST)
		return NULL;
	return error_names[value - TRACE_ERR_BASE];
}
