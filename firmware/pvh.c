/* PVH: the ELF check and hvm_start_info (version 1, with the memory map). */
#include "pvh.h"

_Static_assert(offsetof(struct e820_entry, type) == 16, "e820 records are copied whole");

bool pvh_elf_header_ok(const void *hdr, size_t len)
{
	const uint8_t *h = hdr;

	if (len < 52 || get32(h, 0) != ELF_MAGIC)
		return false;
	if ((h[4] != 1 && h[4] != 2) || h[5] != 1) /* 32/64-bit, little-endian */
		return false;
	/* e_type ET_EXEC (2) and e_machine, read together */
	return get32(h, 16) == (EM_386 << 16 | 2) || get32(h, 16) == (EM_X86_64 << 16 | 2);
}

void pvh_start_info(void *page, uint32_t page_phys, uint32_t cmdline_addr, uint64_t initrd_addr,
		    uint64_t initrd_size, uint64_t rsdp, const struct e820_map *m)
{
	uint8_t *p = page;

	/* Zeroed first: flags stay 0, and the 64-bit fields that hold our 32-bit
	 * addresses need only their low half written. */
	memset(p, 0, PVH_PAGE_SIZE);
	put32(p, 0, HVM_START_MAGIC);
	put32(p, 4, HVM_START_VERSION);
	if (initrd_size) {
		put32(p, 12, 1);
		put32(p, 16, page_phys + PVH_MODLIST_OFF);
		put64(p, PVH_MODLIST_OFF + 0, initrd_addr);
		put64(p, PVH_MODLIST_OFF + 8, initrd_size);
	}
	put32(p, 24, cmdline_addr);
	put64(p, 32, rsdp);
	put32(p, 40, page_phys + PVH_MEMMAP_OFF);
	put32(p, 48, m->n);
	for (uint32_t i = 0; i < m->n; i++) {
		/* struct e820_entry starts with the same addr, size, type (asserted above) */
		memcpy(p + PVH_MEMMAP_OFF + i * PVH_MEMMAP_ENTRY, &m->e[i], 20);
	}
}
