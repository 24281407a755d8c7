/* Kernel loading from fw_cfg: the Linux 32-bit boot protocol for a bzImage,
 * hvm_start_info for a PVH ELF. No real-mode code and no BIOS services. */
#include "linux_boot.h"
#include "bzimage.h"
#include "pvh.h"
#include "fw_cfg.h"
#include "console.h"
#include "layout.h"
#include "io.h"
#include "boot-trace.h"

/* The zero page or the PVH start info. */
/* Cleared by bzimage_zero_page / pvh_start_info. */
static uint8_t boot_page[4096] __attribute__((aligned(4096))) __noinit;

/* 32-bit boot protocol entry: flat CS 0x10 / DS 0x18 (ours already), IF=0,
 * %esi = zero page, %ebp = %edi = %ebx = 0. */
static __attribute__((noreturn)) void enter_bzimage(uint32_t entry, void *zero_page)
{
	__asm__ volatile("cli\n\txor %%ebx, %%ebx\n\txor %%ebp, %%ebp\n\txor %%edi, %%edi\n\t"
			 "jmp *%0"
			 :
			 : "a"(entry), "S"(zero_page)
			 : "memory");
	__builtin_unreachable();
}

/* PVH entry: 32-bit flat protected mode, paging off, %ebx = start info. */
static __attribute__((noreturn)) void enter_pvh(uint32_t entry, void *start_info)
{
	__asm__ volatile("cli\n\tjmp *%0" : : "a"(entry), "b"(start_info) : "memory");
	__builtin_unreachable();
}

/* The command line goes where QEMU would put it; reading at most max bytes
 * (the rest reads as zeros) saves the CMDLINE_SIZE access. */
static uint32_t load_cmdline(uint32_t max)
{
	char *cmdline = (char *)LAYOUT_CMDLINE;

	if (max == 0 || max > LAYOUT_CMDLINE_MAX)
		max = LAYOUT_CMDLINE_MAX;
	fw_cfg_read(FW_CFG_CMDLINE_DATA, cmdline, max);
	cmdline[max - 1] = '\0';
	return LAYOUT_CMDLINE;
}

static uint32_t initrd_size(void)
{
	return fw_cfg_read32(FW_CFG_INITRD_SIZE);
}

static void load_initrd(uint64_t addr, uint32_t size)
{
	fw_cfg_read_phys(FW_CFG_INITRD_DATA, addr, size);
}

static void boot_bzimage(struct memmap *mm, uint64_t rsdp, const void *setup,
			 enum bzimage_status status, const struct bzimage_info *info)
{
	struct bzimage_layout lay = { .kernel_addr = LAYOUT_KERNEL,
				      .initrd_high_ok = fw_cfg_dma_available() };
	uint32_t cmdline;

	if (status == BZIMAGE_TOO_OLD)
		fatal(TRACE_ERR_OLD_PROTOCOL,
		      "bzImage boot protocol %u.%02u is too old; 2.10+ is needed",
		      info->version >> 8, info->version & 0xff);
	lay.kernel_size = fw_cfg_read32(FW_CFG_KERNEL_SIZE);
	lay.initrd_size = initrd_size();
	if (lay.kernel_size == 0)
		fatal(TRACE_ERR_FWCFG_BAD, "fw_cfg has a bzImage header but no kernel data");
	/* QEMU may append setup_data after the image, never cut it short;
	 * kernel_size < syssize * 16 without the 64-bit product */
	if (lay.kernel_size / 16 < info->syssize)
		fatal(TRACE_ERR_TRUNCATED,
		      "truncated bzImage: %u bytes of kernel, header says %llu", lay.kernel_size,
		      (unsigned long long)info->syssize * 16);
	if (bzimage_place(info, &mm->e820, mm->high_base, &lay))
		fatal(TRACE_ERR_NO_MEMORY,
		      "kernel (%u bytes, unpacks to %u) and initrd (%u bytes) do not fit below 0x%llx",
		      lay.kernel_size, info->init_size, lay.initrd_size,
		      (unsigned long long)mm->high_base);
	fw_cfg_read(FW_CFG_KERNEL_DATA, (void *)LAYOUT_KERNEL, lay.kernel_size);
	if (lay.initrd_size)
		load_initrd(lay.initrd_addr, lay.initrd_size);
	cmdline = load_cmdline(info->cmdline_size ? info->cmdline_size + 1 : 256);
	bzimage_zero_page(boot_page, setup, LAYOUT_SETUP_MAX, &lay, cmdline, rsdp, &mm->e820);
	outb(TRACE_PORT_LINUX, TRACE_LINUX_START_BOOT);
	enter_bzimage(LAYOUT_KERNEL, boot_page);
}

static void boot_pvh(struct memmap *mm, uint64_t rsdp, uint32_t entry)
{
	uint32_t kaddr = fw_cfg_read32(FW_CFG_KERNEL_ADDR);
	uint32_t ksize = fw_cfg_read32(FW_CFG_KERNEL_SIZE);
	uint32_t isize = initrd_size();
	uint64_t kend = (uint64_t)kaddr + ksize, iaddr = 0;
	uint32_t cmdline;

	/* QEMU has already copied the segments to [kaddr, kend). */
	if (kaddr < LAYOUT_1M || !e820_is_ram(&mm->e820, kaddr, ksize) || kend > mm->high_base)
		fatal(TRACE_ERR_NO_MEMORY,
		      "PVH kernel at 0x%x-0x%llx is outside RAM or under the ACPI tables at 0x%llx",
		      kaddr, (unsigned long long)kend, (unsigned long long)mm->high_base);
	if (entry < kaddr || entry >= kend)
		fatal(TRACE_ERR_FWCFG_BAD, "PVH entry 0x%x is outside the kernel image", entry);
	/* Below 4 GiB even though hvm_start_info's module addresses are
	 * 64-bit: Linux's PVH entry (arch/x86/platform/pvh/enlighten.c, 6.1)
	 * copies only their low half into boot_params. */
	if (isize) {
		if (e820_place_high(&mm->e820, kend, mm->high_base, isize, &iaddr))
			fatal(TRACE_ERR_NO_MEMORY,
			      "initrd (%u bytes) does not fit between 0x%llx and 0x%llx", isize,
			      (unsigned long long)kend, (unsigned long long)mm->high_base);
		load_initrd(iaddr, isize);
	}
	cmdline = load_cmdline(LAYOUT_CMDLINE_MAX);
	pvh_start_info(boot_page, (uint32_t)(uintptr_t)boot_page, cmdline, iaddr, isize, rsdp,
		       &mm->e820);
	outb(TRACE_PORT_LINUX, TRACE_LINUX_START_PVHBOOT);
	enter_pvh(entry, boot_page);
}

void linux_boot(struct memmap *mm, uint64_t rsdp)
{
	const void *setup = (const void *)LAYOUT_SETUP;
	struct bzimage_info info;
	enum bzimage_status status;
	uint32_t entry;

	/* QEMU's SETUP_DATA: a bzImage's real-mode part (header patched), or
	 * the first 8 KiB of an ELF file for PVH. Absent items read as zeros. */
	fw_cfg_read(FW_CFG_SETUP_DATA, (void *)LAYOUT_SETUP, LAYOUT_SETUP_MAX);
	status = bzimage_check(setup, LAYOUT_SETUP_MAX, &info);
	if (status != BZIMAGE_NOT_LINUX)
		boot_bzimage(mm, rsdp, setup, status, &info);
	if (pvh_elf_header_ok(setup, LAYOUT_SETUP_MAX)) {
		entry = fw_cfg_read32(FW_CFG_KERNEL_ENTRY);
		if (!entry)
			fatal(TRACE_ERR_NOT_A_KERNEL,
			      "ELF kernel without a PVH entry note (XEN_ELFNOTE_PHYS32_ENTRY)");
		boot_pvh(mm, rsdp, entry);
	}
	if (fw_cfg_read32(FW_CFG_KERNEL_SIZE) == 0)
		fatal(TRACE_ERR_NO_KERNEL,
		      "no kernel: start QEMU with -kernel (bzImage or PVH vmlinux)");
	fatal(TRACE_ERR_NOT_A_KERNEL, "the -kernel file is neither a Linux bzImage nor a PVH ELF");
}
