/* bzImage header checks, memory placement and the zero page (32-bit boot
 * protocol, Documentation/x86/boot.rst "32-bit BOOT PROTOCOL"). */
#include "bzimage.h"

_Static_assert(offsetof(struct e820_entry, type) == 16, "e820 records are copied whole");
_Static_assert(E820_MAX <= BP_E820_MAX, "any e820_map fits the zero page");

enum bzimage_status bzimage_check(const void *setup, size_t len, struct bzimage_info *info)
{
	if (len < HDR_MAGIC + 8 || get32(setup, HDR_MAGIC) != HDR_MAGIC_HDRS ||
	    get16(setup, HDR_BOOT_FLAG) != 0xaa55)
		return BZIMAGE_NOT_LINUX;
	info->version = get16(setup, HDR_VERSION);
	if (info->version < BZIMAGE_MIN_VERSION || len < HDR_MIN_LEN)
		return BZIMAGE_TOO_OLD;
	/* A zImage (not loaded high) needs the real-mode path. */
	if (!(((const uint8_t *)setup)[HDR_LOADFLAGS] & LOADFLAG_LOADED_HIGH))
		return BZIMAGE_TOO_OLD;
	info->relocatable = ((const uint8_t *)setup)[HDR_RELOCATABLE] != 0;
	info->initrd_addr_max = get32(setup, HDR_INITRD_ADDR_MAX);
	info->cmdline_size = get32(setup, HDR_CMDLINE_SIZE);
	info->pref_address = get64(setup, HDR_PREF_ADDRESS);
	info->init_size = get32(setup, HDR_INIT_SIZE);
	info->syssize = get32(setup, HDR_SYSSIZE);
	info->initrd_above_4g = (get16(setup, HDR_XLOADFLAGS) & XLF_CAN_BE_LOADED_ABOVE_4G) != 0;
	return BZIMAGE_OK;
}

int bzimage_place(const struct bzimage_info *info, const struct e820_map *m, uint64_t top,
		  struct bzimage_layout *lay)
{
	uint64_t run = lay->kernel_addr, limit;

	/* A relocatable kernel unpacks at pref_address (LOAD_PHYSICAL_ADDR) when
	 * loaded below it; a fixed one at its load address. */
	if (info->relocatable && info->pref_address > run)
		run = info->pref_address;
	if (run + info->init_size < run)
		return -1;
	lay->kernel_end = MAX((uint64_t)lay->kernel_addr + lay->kernel_size, run + info->init_size);
	if (!e820_is_ram(m, lay->kernel_addr, lay->kernel_end - lay->kernel_addr) ||
	    lay->kernel_end > top)
		return -1;
	lay->initrd_addr = 0;
	if (!lay->initrd_size)
		return 0;
	limit = MIN(top, (uint64_t)info->initrd_addr_max + 1);
	if (!e820_place_high(m, lay->kernel_end, limit, lay->initrd_size, &lay->initrd_addr))
		return 0;
	if (!info->initrd_above_4g || !lay->initrd_high_ok)
		return -1;
	return e820_place_high(m, 1ull << 32, ~0ull, lay->initrd_size, &lay->initrd_addr);
}

void bzimage_zero_page(void *bp, const void *setup, size_t setup_len,
		       const struct bzimage_layout *lay, uint32_t cmdline_addr, uint64_t rsdp,
		       const struct e820_map *m)
{
	size_t hdr_end = 0;
	uint32_t n = m->n;

	memset(bp, 0, BP_SIZE);
	/* boot.rst: copy the setup header from 0x1f1 to its end into a zeroed page */
	if (setup_len > HDR_HEADER_END_BYTE)
		hdr_end = 0x202 + ((const uint8_t *)setup)[HDR_HEADER_END_BYTE];
	hdr_end = MIN(hdr_end, MIN(setup_len, (size_t)BP_E820_TABLE));
	if (hdr_end > BP_HDR)
		memcpy((uint8_t *)bp + BP_HDR, (const uint8_t *)setup + BP_HDR, hdr_end - BP_HDR);

	put16(bp, HDR_VID_MODE, 0xffff);    /* "normal" */
	put8(bp, HDR_TYPE_OF_LOADER, 0xff); /* undefined boot loader ID */
	put32(bp, HDR_CODE32_START, lay->kernel_addr);
	put32(bp, HDR_CMD_LINE_PTR, cmdline_addr);
	put32(bp, HDR_RAMDISK_IMAGE, (uint32_t)lay->initrd_addr);
	put32(bp, HDR_RAMDISK_SIZE, lay->initrd_size);
	put32(bp, BP_EXT_RAMDISK_IMAGE, (uint32_t)(lay->initrd_addr >> 32));
	/* BP_EXT_RAMDISK_SIZE stays 0 from the memset: initrd_size is 32-bit */
	put64(bp, BP_ACPI_RSDP_ADDR, rsdp);

	put8(bp, BP_E820_ENTRIES, (uint8_t)n);
	for (uint32_t i = 0; i < n; i++) {
		/* struct e820_entry starts with the same addr, size, type (asserted above) */
		memcpy((uint8_t *)bp + BP_E820_TABLE + i * 20, &m->e[i], 20);
	}
}
