/* The kernel's entry from its image (fw-measure, boot-loop --no-patch): a
 * bzImage setup header or an ELF's PVH note, from whatever bytes: never a
 * read outside the buffer (ASan), and an entry only for what has the magic. */
#include <stdint.h>
#include <string.h>
#include "kernel-entry.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t entry = 0;

	if (kernel_entry_from_image(data, size, &entry) == 0)
		FUZZ_CHECK((size >= 4 && !memcmp(data, "\177ELF", 4)) ||
			   (size >= 0x206 && !memcmp(data + 0x202, "HdrS", 4)));
	return 0;
}
