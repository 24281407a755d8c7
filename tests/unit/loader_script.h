/*
 * Builds etc/table-loader scripts by hand. Offsets are written out from QEMU's
 * hw/acpi/bios-linker-loader.c (BiosLinkerLoaderEntry, 128 bytes, packed):
 *   0   u32 command
 *   ALLOCATE:      4 file[56], 60 u32 align, 64 u8 zone
 *   ADD_POINTER:   4 dest_file[56], 60 src_file[56], 116 u32 offset, 120 u8 size
 *   ADD_CHECKSUM:  4 file[56], 60 u32 offset, 64 u32 start, 68 u32 length
 *   WRITE_POINTER: 4 dest_file[56], 60 src_file[56], 116 u32 dst_offset,
 *                  120 u32 src_offset, 124 u8 size
 */
#ifndef LOADER_SCRIPT_H
#define LOADER_SCRIPT_H

#include <stddef.h>
#include <stdint.h>

#define SCRIPT_MAX_CMDS 40

struct script {
	uint8_t b[SCRIPT_MAX_CMDS * 128];
	size_t len;
};

/* Each returns the new command's bytes, for tests that poke at them. */
uint8_t *script_cmd(struct script *s, uint32_t command);
uint8_t *script_allocate(struct script *s, const char *file, uint32_t align, uint8_t zone);
uint8_t *script_add_pointer(struct script *s, const char *dst, const char *src, uint32_t offset,
			    uint8_t size);
uint8_t *script_add_checksum(struct script *s, const char *file, uint32_t offset, uint32_t start,
			     uint32_t length);
uint8_t *script_write_pointer(struct script *s, const char *dst, const char *src,
			      uint32_t dst_offset, uint32_t src_offset, uint8_t size);
/* Little-endian field writers for the tests (independent of fwlib.h). */
void le32(uint8_t *p, uint32_t v);
uint32_t rd_le32(const uint8_t *p);
uint64_t rd_le64(const uint8_t *p);

#endif
