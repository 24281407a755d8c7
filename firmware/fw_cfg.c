/* fw_cfg device access: DMA when QEMU offers it, else port I/O. */
#include "fw_cfg.h"
#include "io.h"

struct fw_cfg_dma {
	uint32_t control; /* big-endian, like the other two */
	uint32_t length;
	uint64_t address;
} __attribute__((aligned(16)));

static volatile struct fw_cfg_dma dma_desc;
static bool has_dma;
static uint8_t dir_buf[FW_CFG_DIR_BUF_SIZE] __noinit; /* read up to its count */
static bool dir_loaded;

/* One access: QEMU fw_cfg DMA is synchronous and clears dma_addr after each
 * transfer, so the high half never needs writing for a descriptor below 4G. */
static uint32_t dma_run(uint32_t control, uint64_t addr, uint32_t len)
{
	dma_desc.address = bswap64(addr);
	dma_desc.length = bswap32(len);
	dma_desc.control = bswap32(control);
	__asm__ volatile("" : : : "memory");
	outl(FW_CFG_PORT_DMA_LO, bswap32((uint32_t)(uintptr_t)&dma_desc));
	__asm__ volatile("" : : : "memory");
	return bswap32(dma_desc.control);
}

int fw_cfg_init(void)
{
	uint32_t sig;

	/* One inl: the DMA address register reads back "QEMU CFG". */
	if (inl(FW_CFG_PORT_DMA_HI) == FW_CFG_DMA_SIGNATURE_HI) {
		has_dma = true;
		return 0;
	}
	outw(FW_CFG_PORT_SEL, FW_CFG_SIGNATURE);
	insb(FW_CFG_PORT_DATA, &sig, 4);
	return sig == FW_CFG_DMA_SIGNATURE_HI ? 0 : -1;
}

bool fw_cfg_dma_available(void)
{
	return has_dma;
}

void fw_cfg_read_phys(uint16_t key, uint64_t addr, uint32_t len)
{
	if (has_dma) {
		dma_run((uint32_t)key << 16 | FW_CFG_DMA_CTL_SELECT | FW_CFG_DMA_CTL_READ, addr,
			len);
		return;
	}
	outw(FW_CFG_PORT_SEL, key);
	insb(FW_CFG_PORT_DATA, (void *)(uintptr_t)addr, len);
}

void fw_cfg_read(uint16_t key, void *dst, uint32_t len)
{
	fw_cfg_read_phys(key, (uintptr_t)dst, len);
}

uint32_t fw_cfg_read32(uint16_t key)
{
	uint32_t v = 0;

	fw_cfg_read(key, &v, sizeof(v));
	return v; /* integer items are little-endian */
}

/* Writes need DMA: QEMU ignores data-port writes since 2.4. */
int fw_cfg_write_file(uint16_t key, uint32_t offset, const void *src, uint32_t len)
{
	if (!has_dma)
		return -1;
	if (dma_run((uint32_t)key << 16 | FW_CFG_DMA_CTL_SELECT | FW_CFG_DMA_CTL_SKIP, 0, offset) &
	    FW_CFG_DMA_CTL_ERROR)
		return -1;
	return dma_run(FW_CFG_DMA_CTL_WRITE, (uintptr_t)src, len) & FW_CFG_DMA_CTL_ERROR ? -1 : 0;
}

static void load_dir(void)
{
	fw_cfg_read(FW_CFG_FILE_DIR, dir_buf, has_dma ? sizeof(dir_buf) : 4);
	if (!has_dma) {
		/* Port I/O costs one access per byte: read only what is there. */
		uint32_t n = MIN(get_be32(dir_buf, 0), (uint32_t)FW_CFG_DIR_MAX_FILES);
		insb(FW_CFG_PORT_DATA, dir_buf + 4, n * FW_CFG_DIR_ENTRY_SIZE);
		put32(dir_buf, 0, bswap32(n));
	}
	dir_loaded = true;
}

bool fw_cfg_find(const char *name, uint16_t *select, uint32_t *size)
{
	if (!dir_loaded)
		load_dir();
	return fw_cfg_dir_find(dir_buf, sizeof(dir_buf), name, select, size);
}
