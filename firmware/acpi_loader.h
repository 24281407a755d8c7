/*
 * QEMU's ACPI linker/loader (hw/acpi/bios-linker-loader.c): etc/table-loader is
 * an array of 128-byte commands that tell the firmware where to put the table
 * blobs and how to patch pointers and checksums into them.
 */
#ifndef ACPI_LOADER_H
#define ACPI_LOADER_H

#include "fwlib.h"

#define LOADER_ENTRY_SIZE 128
#define LOADER_FILESZ 56
#define LOADER_CMD_ALLOCATE 1
#define LOADER_CMD_ADD_POINTER 2
#define LOADER_CMD_ADD_CHECKSUM 3
#define LOADER_CMD_WRITE_POINTER 4
#define LOADER_ZONE_HIGH 1
#define LOADER_ZONE_FSEG 2
#define LOADER_MAX_BLOBS 16
#define LOADER_MAX_ALIGN 0x10000

/* What the interpreter needs from the machine, each handed the ctx given to
 * acpi_loader_run: acpi_env.c has the firmware's, the host tests link
 * tests/unit/fake_env.c instead.
 * ctx comes last so that the firmware's can jump straight to fw_cfg. */
/* Find an fw_cfg file. */
bool acpi_loader_find(const char *name, uint16_t *select, uint32_t *size, void *ctx);
/* Read a whole fw_cfg file to dst. */
void acpi_loader_read(uint16_t select, void *dst, uint32_t size, void *ctx);
/* Write into an fw_cfg file at offset (WRITE_POINTER); 0 on success. */
int acpi_loader_write(uint16_t select, uint32_t offset, const void *src, uint32_t len, void *ctx);
/* Guest memory for a blob: returns where to write it, and its guest physical
 * address in *phys; NULL when it does not fit. */
void *acpi_loader_alloc(uint32_t size, uint32_t align, uint8_t zone, uint64_t *phys, void *ctx);

struct acpi_blob {
	char name[LOADER_FILESZ];
	uint8_t *data;
	uint64_t phys;
	uint32_t size;
};

struct acpi_loader {
	struct acpi_blob blob[LOADER_MAX_BLOBS];
	uint32_t nblobs;
	uint64_t rsdp; /* physical address of the blob holding "RSD PTR " */
	char error[96];
};

/* Runs every command of script[0..len). 0 on success; -1 with ld->error set
 * to one line saying which command and why. Never writes outside a blob. */
int acpi_loader_run(struct acpi_loader *ld, const void *script, size_t len, void *ctx);

#endif
