/* fw_cfg_dir_count / fw_cfg_dir_find on any directory and name.
 * Input: byte 0 = name length (mod 64), the name, then the directory, copied
 * to a buffer of exactly its size so ASan sees any read past it. The result
 * is compared with a plain scan written here. */
#include <stdint.h>
#include <string.h>
#include "fw_cfg.h"
#include "fuzz_check.h"

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char name[64];
	size_t nlen, len, fit;
	uint8_t *dir;
	uint32_t n, want_n = 0;
	uint16_t sel = 0;
	uint32_t sz = 0;
	bool found, want = false;

	if (size < 1 || (nlen = data[0] % 64u) > size - 1)
		return 0;
	memcpy(name, data + 1, nlen);
	name[nlen] = '\0';
	len = size - 1 - nlen;
	dir = malloc(len ? len : 1);
	memcpy(dir, data + 1 + nlen, len);

	n = fw_cfg_dir_count(dir, len);
	if (len >= 4) {
		fit = (len - 4) / 64;
		want_n = be32(dir) < fit ? be32(dir) : (uint32_t)fit;
	}
	FUZZ_CHECK(n == want_n);

	found = fw_cfg_dir_find(dir, len, name, &sel, &sz);
	/* first entry whose 56-byte name field holds exactly name and a NUL */
	for (uint32_t i = 0; i < want_n && !want && name[0]; i++) {
		const uint8_t *e = dir + 4 + 64 * (size_t)i;
		size_t l = strlen(name);

		if (l < 56 && memcmp(e + 8, name, l) == 0 && e[8 + l] == 0) {
			want = true;
			FUZZ_CHECK(found && sz == be32(e) && sel == (uint16_t)(e[4] << 8 | e[5]));
		}
	}
	FUZZ_CHECK(found == want);
	free(dir);
	return 0;
}
