#include "legacy_tables.h"
#include "fseg.h"
#include "smbios.h"
#include "fw_features.h"
#include "fw_cfg.h"
#include "console.h"
#include "boot-trace.h"

static void *fseg_copy(const void *src, uint32_t len)
{
	uint32_t phys;
	void *dst = fseg_alloc(len, &phys);

	if (!dst)
		fatal(TRACE_ERR_NO_MEMORY, "no room left in the F segment");
	return memcpy(dst, src, len);
}

void legacy_tables(struct memmap *mm, const struct board *b, uint64_t rsdp)
{
	uint8_t anchor[SMBIOS_ANCHOR_MAX];
	uint16_t asel = 0, tsel;
	uint32_t alen = 0, tlen = 0;
	size_t eplen = 0;
	uint64_t tphys;
	void *tables;

	if (FW_HAS_SMBIOS && fw_cfg_find("etc/smbios/smbios-anchor", &asel, &alen) &&
	    fw_cfg_find("etc/smbios/smbios-tables", &tsel, &tlen) && alen <= sizeof(anchor) &&
	    tlen) {
		tables = memmap_alloc_high(mm, tlen, 16, &tphys);
		if (!tables)
			fatal(TRACE_ERR_NO_MEMORY, "no room for %u bytes of SMBIOS tables", tlen);
		fw_cfg_read(tsel, tables, tlen);
		fw_cfg_read(asel, anchor, alen);
		eplen = smbios_fix_anchor(anchor, alen, tphys);
	}
	if (!eplen && !rsdp)
		return;
	fseg_open(b);
	if (rsdp) /* 20 bytes in ACPI 1.0, 36 from revision 2 */
		fseg_copy((const void *)(uintptr_t)rsdp,
			  ((const uint8_t *)(uintptr_t)rsdp)[15] >= 2 ? 36 : 20);
	if (eplen)
		fseg_copy(anchor, (uint32_t)eplen);
	fseg_close(b);
}
