/*
 * Linux x86 boot protocol (Documentation/x86/boot.rst): the setup header at
 * offset 0x1f1 of the image, and the zero page (struct boot_params) that the
 * 32-bit boot protocol hands to the protected-mode entry in %esi.
 */
#ifndef BZIMAGE_H
#define BZIMAGE_H

#include "fwlib.h"
#include "e820.h"

#define BP_SIZE 4096
/* struct boot_params offsets (arch/x86/include/uapi/asm/bootparam.h) */
#define BP_ACPI_RSDP_ADDR 0x070
#define BP_EXT_RAMDISK_IMAGE 0x0c0
#define BP_EXT_RAMDISK_SIZE 0x0c4
#define BP_EXT_CMD_LINE_PTR 0x0c8
#define BP_E820_ENTRIES 0x1e8
#define BP_HDR 0x1f1
#define BP_E820_TABLE 0x2d0
#define BP_E820_MAX 128
/* setup header fields, as offsets in the image / zero page */
#define HDR_SETUP_SECTS 0x1f1
#define HDR_SYSSIZE 0x1f4 /* protected-mode size in 16-byte units */
#define HDR_VID_MODE 0x1fa
#define HDR_BOOT_FLAG 0x1fe
#define HDR_HEADER_END_BYTE 0x201 /* the header ends at 0x202 + this byte */
#define HDR_MAGIC 0x202           /* "HdrS" */
#define HDR_MAGIC_HDRS 0x53726448 /* "HdrS" as a little-endian dword */
#define HDR_VERSION 0x206
#define HDR_TYPE_OF_LOADER 0x210
#define HDR_LOADFLAGS 0x211
#define HDR_CODE32_START 0x214
#define HDR_RAMDISK_IMAGE 0x218
#define HDR_RAMDISK_SIZE 0x21c
#define HDR_CMD_LINE_PTR 0x228
#define HDR_INITRD_ADDR_MAX 0x22c
#define HDR_RELOCATABLE 0x234
#define HDR_XLOADFLAGS 0x236
#define HDR_CMDLINE_SIZE 0x238
#define HDR_SETUP_DATA 0x250
#define HDR_PREF_ADDRESS 0x258
#define HDR_INIT_SIZE 0x260
#define HDR_MIN_LEN 0x264 /* through init_size, i.e. protocol 2.10 */

#define LOADFLAG_LOADED_HIGH 0x01
#define XLF_CAN_BE_LOADED_ABOVE_4G 0x02
/* 2.06: cmdline_size; 2.10: pref_address, init_size; needed to place memory. */
#define BZIMAGE_MIN_VERSION 0x020a
#define BZIMAGE_RSDP_VERSION 0x020e /* 2.14: acpi_rsdp_addr */

struct bzimage_info {
	uint16_t version;
	bool relocatable;
	uint32_t initrd_addr_max;
	uint32_t cmdline_size;
	uint64_t pref_address;
	uint32_t init_size;
	uint32_t syssize; /* protected-mode code the image should carry, in 16-byte units */
	bool initrd_above_4g;
};

enum bzimage_status {
	BZIMAGE_OK = 0,
	BZIMAGE_NOT_LINUX, /* no "HdrS" / boot flag: not a bzImage */
	BZIMAGE_TOO_OLD,   /* a bzImage, but a protocol we cannot use */
};

/* Checks the setup header in the first len bytes of an image; fills info
 * (on BZIMAGE_TOO_OLD only version, on BZIMAGE_NOT_LINUX nothing). */
enum bzimage_status bzimage_check(const void *setup, size_t len, struct bzimage_info *info);

/* Where things go; computed by the caller, checked by bzimage_place. */
struct bzimage_layout {
	uint32_t kernel_addr, kernel_size; /* protected-mode part */
	uint64_t kernel_end;               /* end of what the kernel may use while unpacking */
	uint64_t initrd_addr;
	uint32_t initrd_size;
	bool initrd_high_ok; /* the loader can write above 4 GiB (fw_cfg DMA) */
};

/* Picks the initrd address: as high as possible below min(top, initrd_addr_max),
 * page aligned, above the kernel's unpacking area, in RAM; when it does not
 * fit there, above 4 GiB if the kernel says it can take it there
 * (XLF_CAN_BE_LOADED_ABOVE_4G) and lay->initrd_high_ok. -1 if impossible. */
int bzimage_place(const struct bzimage_info *info, const struct e820_map *m, uint64_t top,
		  struct bzimage_layout *lay);

/* Builds the zero page at bp (BP_SIZE bytes) from the image's setup header. */
void bzimage_zero_page(void *bp, const void *setup, size_t setup_len,
		       const struct bzimage_layout *lay, uint32_t cmdline_addr, uint64_t rsdp,
		       const struct e820_map *m);

#endif
