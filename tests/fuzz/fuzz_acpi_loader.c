/* acpi_loader_run on any script and fw_cfg files. The fake env (tests/unit/
 * fake_env.c) aborts on a read or write outside a file, and its buffer is
 * canary-filled: after the run, every byte outside the allocated blobs must
 * still hold the canary.
 *
 * Input: byte 0 = flags (bit 0: alloc fails, bit 1: fw_cfg write fails, bit 2:
 * memory just below 4G instead of at 512M), byte 1 = number of files (mod 21,
 * so "too many" is reachable); per file: its name NUL-terminated (at most 56
 * bytes with the NUL), le32 size (mod 256 KiB + 1), le16 length, that many
 * data bytes (the rest of the file is zeros); then the script, to the end.
 * tests/fuzz/make-seeds.py writes the captured QEMU scripts in this form. */
#include <stdint.h>
#include <string.h>
#include "acpi_loader.h"
#include "fake_env.h"
#include "fuzz_check.h"

#define MEM (512 * 1024)
#define MAX_FILE (256 * 1024)

/* Parses one file; returns the bytes it took, 0 when the input ends. */
static size_t add_file(struct fake_env *f, const uint8_t *p, size_t left)
{
	size_t nlen = strnlen((const char *)p, left < 56 ? left : 56), take, avail;
	const uint8_t *q = p + nlen + 1;
	uint32_t fsize;

	if (nlen == left || nlen == 56 || left - nlen - 1 < 6)
		return 0;
	fsize = (q[0] | q[1] << 8 | q[2] << 16 | (uint32_t)q[3] << 24) % (MAX_FILE + 1);
	take = (size_t)(q[4] | q[5] << 8);
	avail = left - nlen - 7;
	if (take > avail)
		take = avail;
	fake_env_add(f, (const char *)p, q + 6, (uint32_t)(take < fsize ? take : fsize), fsize);
	return nlen + 7 + take;
}

static void check_result(struct fake_env *f, const struct acpi_loader *ld, int r)
{
	bool rsdp_seen = ld->rsdp == 0;

	FUZZ_CHECK(fake_env_canary_intact(f));
	FUZZ_CHECK(r == 0 || r == -1);
	FUZZ_CHECK(memchr(ld->error, 0, sizeof(ld->error)) != NULL);
	if (r == 0)
		FUZZ_CHECK(ld->error[0] == '\0');
	else
		FUZZ_CHECK(strncmp(ld->error, "table-loader command ", 21) == 0);
	FUZZ_CHECK(ld->nblobs <= LOADER_MAX_BLOBS && ld->nblobs <= f->nallocs);
	for (uint32_t i = 0; i < ld->nblobs; i++) {
		const struct acpi_blob *b = &ld->blob[i];
		const struct fake_file *file = fake_env_file(f, b->name);

		FUZZ_CHECK(file && file->size == b->size);
		FUZZ_CHECK(b->data == fake_env_host(f, b->phys, b->size));
		if (b->phys == ld->rsdp) /* later commands may patch its signature */
			rsdp_seen = true;
	}
	FUZZ_CHECK(rsdp_seen);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fake_env f;
	static struct acpi_loader ld;
	size_t off = 2, used;
	unsigned nfiles;
	int r;

	if (size < 2)
		return 0;
	if (!f.mem)
		fake_env_init(&f, MEM, 0);
	fake_env_reset(&f);
	f.phys_base = data[0] & 4 ? 0x100000000ull - MEM : 0x1ff00000;
	f.alloc_fails = data[0] & 1;
	f.write_result = data[0] & 2 ? -1 : 0;
	nfiles = data[1] % 21u;
	for (unsigned i = 0; i < nfiles && i < FAKE_MAX_FILES; i++, off += used)
		if (!(used = add_file(&f, data + off, size - off)))
			break;
	r = acpi_loader_run(&ld, data + off, size - off, &f);
	check_result(&f, &ld, r);
	return 0;
}
