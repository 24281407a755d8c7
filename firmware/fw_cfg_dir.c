/* fw_cfg file directory look-up (docs/specs/fw_cfg.rst, "File Directory"). */
#include "fw_cfg.h"

/* Inlined into the look-up; the tests call it through fw_cfg_dir_count. */
static inline uint32_t dir_count(const void *dir, size_t buf_len)
{
	uint32_t count, fit;

	if (buf_len < 4)
		return 0;
	count = get_be32(dir, 0);
	fit = (uint32_t)((buf_len - 4) / FW_CFG_DIR_ENTRY_SIZE);
	return count < fit ? count : fit;
}

uint32_t fw_cfg_dir_count(const void *dir, size_t buf_len)
{
	return dir_count(dir, buf_len);
}

bool fw_cfg_dir_find(const void *dir, size_t buf_len, const char *name, uint16_t *select,
		     uint32_t *size)
{
	uint32_t i, n = dir_count(dir, buf_len);
	size_t len = strnlen(name, FW_CFG_MAX_FILE_PATH);

	if (len == 0 || len >= FW_CFG_MAX_FILE_PATH)
		return false;
	for (i = 0; i < n; i++) {
		const uint8_t *e = (const uint8_t *)dir + 4 + i * FW_CFG_DIR_ENTRY_SIZE;
		const char *ename = (const char *)e + 8;

		/* The name need not be NUL-terminated inside its 56 bytes. */
		if (memcmp(ename, name, len) == 0 && ename[len] == '\0') {
			if (select)
				*select = get_be16(e, 4);
			if (size)
				*size = get_be32(e, 0);
			return true;
		}
	}
	return false;
}
