/*
 * A stand-in for the machine behind acpi_loader_find/read/write/alloc, whose
 * ctx is a struct fake_env: fw_cfg files served from memory and a top-down
 * allocator over a host buffer that pretends to sit at a made-up guest
 * physical address. The buffer is filled with a canary so a
 * test (or fuzzer) can check nothing outside the allocated blobs was written.
 * Shared by the unit tests and the acpi_loader fuzz target.
 */
#ifndef FAKE_ENV_H
#define FAKE_ENV_H

#include "acpi_loader.h"

#define FAKE_MAX_FILES 24
#define FAKE_MAX_ALLOCS 32
#define FAKE_MAX_WRITES 8
#define FAKE_CANARY 0xa5
#define FAKE_FIRST_SELECT 0x20 /* FW_CFG_FILE_FIRST: file items start here */

struct fake_file {
	char name[64];
	uint32_t size; /* what the directory says */
	uint8_t *data; /* size bytes: given data, zero-padded */
};

struct fake_alloc {
	size_t off; /* into mem */
	uint32_t size, align;
	uint8_t zone;
};

struct fake_write {
	uint16_t select;
	uint32_t offset, len;
	uint8_t bytes[8];
};

struct fake_env {
	struct fake_file file[FAKE_MAX_FILES];
	unsigned nfiles;
	uint8_t *mem;
	size_t mem_size, top; /* allocations go below top */
	uint64_t phys_base;
	struct fake_alloc alloc[FAKE_MAX_ALLOCS];
	unsigned nallocs;
	bool alloc_fails; /* make every alloc return NULL */
	int write_result; /* what env->write returns */
	struct fake_write write[FAKE_MAX_WRITES];
	unsigned nwrites;
};

void fake_env_init(struct fake_env *f, size_t mem_size, uint64_t phys_base);
void fake_env_free(struct fake_env *f);
/* Drops files, allocations and writes and refills the canary, keeping the
 * buffer (and its guest address, which the caller may change after). */
void fake_env_reset(struct fake_env *f);
/* Adds an fw_cfg file of size bytes whose first data_len bytes are data. */
void fake_env_add(struct fake_env *f, const char *name, const void *data, uint32_t data_len,
		  uint32_t size);
struct fake_file *fake_env_file(struct fake_env *f, const char *name);
/* Host pointer for a guest physical address inside the buffer, else NULL. */
uint8_t *fake_env_host(struct fake_env *f, uint64_t phys, size_t len);
/* True when every byte outside the allocations still holds the canary. */
bool fake_env_canary_intact(const struct fake_env *f);

#endif
