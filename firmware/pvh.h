/*
 * PVH boot (xen/include/public/arch-x86/hvm/start_info.h, Linux
 * arch/x86/platform/pvh): QEMU loads the ELF segments itself and hands the
 * entry (from the XEN_ELFNOTE_PHYS32_ENTRY note) in FW_CFG_KERNEL_ENTRY; the
 * firmware builds hvm_start_info and enters in 32-bit flat mode, %ebx = it.
 */
#ifndef PVH_H
#define PVH_H

#include "fwlib.h"
#include "e820.h"

#define HVM_START_MAGIC 0x336ec578
#define HVM_START_VERSION 1
/* Our page: start_info at 0, one module entry at 64, memory map at 128. */
#define PVH_INFO_SIZE 56
#define PVH_MODLIST_OFF 64
#define PVH_MEMMAP_OFF 128
#define PVH_MEMMAP_ENTRY 24
#define PVH_PAGE_SIZE (PVH_MEMMAP_OFF + E820_MAX * PVH_MEMMAP_ENTRY)

#define ELF_MAGIC 0x464c457f /* "\x7fELF" as a little-endian dword */
#define EM_386 3
#define EM_X86_64 62

/* True when hdr[0..len) starts a little-endian x86 ELF executable. */
bool pvh_elf_header_ok(const void *hdr, size_t len);

/* Fills the start-info page at page (guest physical address page_phys). */
void pvh_start_info(void *page, uint32_t page_phys, uint32_t cmdline_addr, uint64_t initrd_addr,
		    uint64_t initrd_size, uint64_t rsdp, const struct e820_map *m);

#endif
