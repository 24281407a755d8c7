/*
 * QEMU fw_cfg (docs/specs/fw_cfg.rst): selector 0x510, data 0x511, DMA address
 * 0x514 (high) / 0x518 (low, the write starts the transfer). Items are read by
 * DMA, one device access each; port I/O (one access per byte) is the fallback.
 */
#ifndef FW_CFG_H
#define FW_CFG_H

#include "fwlib.h"

#define FW_CFG_PORT_SEL 0x510
#define FW_CFG_PORT_DATA 0x511
#define FW_CFG_PORT_DMA_HI 0x514
#define FW_CFG_PORT_DMA_LO 0x518

#define FW_CFG_SIGNATURE 0x00
#define FW_CFG_ID 0x01
#define FW_CFG_NB_CPUS 0x05
#define FW_CFG_KERNEL_ADDR 0x07
#define FW_CFG_KERNEL_SIZE 0x08
#define FW_CFG_INITRD_ADDR 0x0a
#define FW_CFG_INITRD_SIZE 0x0b
#define FW_CFG_KERNEL_ENTRY 0x10
#define FW_CFG_KERNEL_DATA 0x11
#define FW_CFG_INITRD_DATA 0x12
#define FW_CFG_CMDLINE_ADDR 0x13
#define FW_CFG_CMDLINE_SIZE 0x14
#define FW_CFG_CMDLINE_DATA 0x15
#define FW_CFG_SETUP_ADDR 0x16
#define FW_CFG_SETUP_SIZE 0x17
#define FW_CFG_SETUP_DATA 0x18
#define FW_CFG_FILE_DIR 0x19

#define FW_CFG_DMA_CTL_ERROR 0x01
#define FW_CFG_DMA_CTL_READ 0x02
#define FW_CFG_DMA_CTL_SKIP 0x04
#define FW_CFG_DMA_CTL_SELECT 0x08
#define FW_CFG_DMA_CTL_WRITE 0x10

/* "QEMU" as a little-endian dword: the signature item, and what an inl of
 * the DMA address register returns. */
#define FW_CFG_DMA_SIGNATURE_HI 0x554d4551u

#define FW_CFG_MAX_FILE_PATH 56
#define FW_CFG_DIR_ENTRY_SIZE 64
/* QEMU's default is 32 file slots (x-file-slots); leave room for more. */
#define FW_CFG_DIR_MAX_FILES 128
#define FW_CFG_DIR_BUF_SIZE (4 + FW_CFG_DIR_MAX_FILES * FW_CFG_DIR_ENTRY_SIZE)

/* fw_cfg_dir.c: the directory item (key 0x19), parsed where it lies. It is a
 * big-endian count followed by {be32 size, be16 select, be16 reserved,
 * char name[56]} entries; only entries inside buf_len are looked at. */
uint32_t fw_cfg_dir_count(const void *dir, size_t buf_len);
bool fw_cfg_dir_find(const void *dir, size_t buf_len, const char *name, uint16_t *select,
		     uint32_t *size);

/* fw_cfg.c: the device. */
int fw_cfg_init(void);
bool fw_cfg_dma_available(void);
void fw_cfg_read(uint16_t key, void *dst, uint32_t len);
/* To any guest physical address; above 4 GiB only with DMA (the caller's
 * check: fw_cfg_dma_available). */
void fw_cfg_read_phys(uint16_t key, uint64_t addr, uint32_t len);
uint32_t fw_cfg_read32(uint16_t key);
int fw_cfg_write_file(uint16_t key, uint32_t offset, const void *src, uint32_t len);
bool fw_cfg_find(const char *name, uint16_t *select, uint32_t *size);

#endif
