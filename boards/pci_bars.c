/* BAR sizing and assignment. Sizing costs a write and a read per BAR (plus
 * the CF8 select); assignment one write per BAR, so functions whose BARs the
 * board knows skip the probes of unimplemented ones: pci_bars_size takes a mask. */
#include "pci.h"
#include "pci_bars.h"
#include "fw_features.h"

#define PCI_COMMAND 0x04
#define PCI_BAR0 0x10
#define PCI_IO_BASE 0x1c     /* + I/O limit, secondary status */
#define PCI_MEMORY_BASE 0x20 /* + memory limit */
#define PCI_PREF_BASE 0x24   /* + prefetchable limit */
#define PCI_PREF_BASE_UPPER 0x28
#define PCI_PREF_LIMIT_UPPER 0x2c
#define CMD_IO 1
#define CMD_MEM 2
#define CMD_MASTER 4     /* a bridge forwards its devices' DMA upstream */
#define MIN_MEM_ORDER 12 /* a page per BAR: no two devices share one */
#define MAX_DEPTH 16

static struct pci_res res[PCI_RES_MAX];
static unsigned nres, depth;
static bool full;

/* n records, plus the exit marker every open bridge still needs. */
static bool room(unsigned n)
{
	if (nres + n + depth > PCI_RES_MAX)
		full = true;
	return !full;
}

/* The record's order is for the caller to set (markers have none). */
static struct pci_res *add(uint16_t bdf, uint8_t reg, uint8_t flags)
{
	struct pci_res *r = &res[nres++];

	r->bdf = bdf;
	r->reg = reg;
	r->flags = flags;
	return r;
}

/* Writes ones, reads back the writable address bits: the lowest is the size
 * (bit 0 is written 0: read-only in a BAR, the ROM's decode enable, which
 * stays off). Returns true for a 64-bit BAR, whose upper dword is the next. */
static bool probe(uint16_t bdf, uint8_t reg)
{
	uint32_t v, hi = 0;
	uint8_t fl;

	pci_write32(bdf, reg, ~1u);
	v = pci_read32(bdf, reg);
	fl = v & 1 ? PCI_RES_IO : v & (PCI_RES_64 | PCI_RES_PREF);
	if (fl & PCI_RES_64) {
		pci_write32(bdf, (uint8_t)(reg + 4), ~0u);
		hi = pci_read32(bdf, (uint8_t)(reg + 4));
	}
	v &= fl & PCI_RES_IO ? ~3u : ~0xfu;
	/* 0 read back: not implemented */
	if (v | hi)
		add(bdf, reg, fl)->order = (uint8_t)(v ? __builtin_ctz(v) : 32 + __builtin_ctz(hi));
	return fl & PCI_RES_64;
}

void pci_bars_size(uint16_t bdf, uint8_t bar_mask, uint8_t rom)
{
	if (!FW_HAS_PCI_BARS || !room(8))
		return;
	add(bdf, 0, PCI_RES_FUNC);
	for (uint8_t reg = PCI_BAR0; bar_mask; reg += 4, bar_mask >>= 1)
		if ((bar_mask & 1) && probe(bdf, reg)) {
			reg += 4;
			bar_mask >>= 1;
		}
	if (rom)
		probe(bdf, rom);
}

bool pci_bars_bus_enter(uint16_t bdf)
{
	if (!FW_HAS_PCI_BARS || depth >= MAX_DEPTH)
		full = true;
	if (!room(2))
		return false;
	add(bdf, 0, PCI_RES_BUS_ENTER);
	depth++;
	return true;
}

void pci_bars_bus_exit(uint16_t bdf)
{
	depth--;
	add(bdf, 0, PCI_RES_BUS_EXIT); /* its slot was kept free by room() */
}

/* ---- assignment ---------------------------------------------------------- */

/* Four moving pointers, all 32-bit: I/O in bytes, memory in 4 KiB pages
 * (no memory BAR gets less than a page, so no two devices share one). The
 * prefetchable one grows down from the top of the 32-bit window towards the
 * memory one, so the two never interleave; it is kept negated, so that all
 * four grow up alike and its addresses are the negated pointer. */
enum { K_IO, K_MEM, K_PREF, K_HIGH, K_N };
#define PAGE_SHIFT 12
#define HIGH_LIMIT (1u << (40 - PAGE_SHIFT)) /* QEMU's default 40-bit guest addresses */

struct alloc {
	uint32_t p[K_N];
	bool high, commit;
	unsigned failed, mem_failed, next; /* next: index into res */
	uint16_t func;
	uint8_t cmd, bad;
};

static uint32_t align_up(uint32_t p, uint32_t a)
{
	return (p + a - 1) & ~(a - 1);
}

/* Bridge window granularity: 4 KiB of I/O, 1 MiB (256 pages) of memory. */
static uint32_t win_align(unsigned k)
{
	return k == K_IO ? 0x1000 : 0x100;
}

static unsigned kind_of(const struct alloc *a, uint8_t fl)
{
	if (fl & PCI_RES_IO)
		return K_IO;
	if (fl & PCI_RES_PREF) {
		if (!a->high)
			return K_PREF;
		if (fl & PCI_RES_64)
			return K_HIGH;
	}
	/* With 64-bit ones above 4 GiB, 32-bit prefetchable BARs share the
	 * memory window (allowed: prefetchable may sit in non-prefetchable). */
	return K_MEM;
}

static void place(struct alloc *a, const struct pci_res *r)
{
	unsigned k = kind_of(a, r->flags);
	int order = r->order - (k == K_IO ? 0 : PAGE_SHIFT);
	uint32_t base, end, addr = 0, old = a->p[k];
	/* memory and prefetchable end where the other one is */
	uint32_t limit = k == K_IO     ? PCI_IO_HI
			 : k == K_HIGH ? HIGH_LIMIT
				       : -a->p[K_MEM + K_PREF - k];
	uint8_t dec = k == K_IO ? CMD_IO : CMD_MEM;

	/* Sizes below a page take one; 1 << 31 pages never fit, and make the
	 * end wrap, which the end > old test catches too. */
	order = order < 0 ? 0 : order > 31 ? 31 : order;
	base = align_up(old, 1u << order);
	end = base + (1u << order);
	if (end > old && end <= limit) {
		a->p[k] = end;
		addr = k == K_PREF ? -end : base;
	} else {
		a->failed++;
		a->mem_failed += k != K_IO;
		a->bad |= dec; /* unassigned: the kernel will place it */
	}
	a->cmd |= dec;
	if (!a->commit)
		return;
	/* memory: the page number split into the BAR's two dwords */
	pci_write32(r->bdf, r->reg, k == K_IO ? addr : addr << PAGE_SHIFT);
	if (r->flags & PCI_RES_64)
		pci_write32(r->bdf, (uint8_t)(r->reg + 4), addr >> (32 - PAGE_SHIFT));
}

static void flush_func(struct alloc *a)
{
	uint8_t cmd = a->cmd & (uint8_t)~a->bad;

	if (a->commit && cmd)
		pci_write8(a->func, PCI_COMMAND, cmd);
	a->cmd = a->bad = 0;
}

/* Base/limit registers of kind k for [lo, hi) in the pointer's units (bytes
 * of I/O, pages of memory): the address bits 15:12 (I/O) or 31:20 (memory)
 * of both ends, limit in the upper byte (I/O) or half; base > limit when
 * there is nothing behind. */
static uint32_t window(uint32_t lo, uint32_t hi, unsigned k)
{
	unsigned shift = k == K_IO ? 8 : 4, pos = k == K_IO ? 8 : 16;
	uint32_t mask = k == K_IO ? 0xf0 : 0xfff0;

	if (hi == lo)
		return mask;
	return (lo >> shift & mask) | ((hi - 1) >> shift & mask) << pos;
}

static void bridge(struct alloc *a);

/* Records from a->next on, up to the exit marker of the bus they are on
 * (returned; 0 at the end of the table). */
static const struct pci_res *assign_bus(struct alloc *a)
{
	while (a->next < nres) {
		const struct pci_res *r = &res[a->next++];

		if (r->flags & (PCI_RES_FUNC | PCI_RES_BUS_EXIT))
			flush_func(a);
		if (r->flags & PCI_RES_FUNC)
			a->func = r->bdf;
		else if (r->flags & PCI_RES_BUS_ENTER)
			bridge(a);
		else if (r->flags & PCI_RES_BUS_EXIT)
			return r;
		else
			place(a, r);
	}
	return 0;
}

/* A bridge's windows: the pointers aligned to the window granularity
 * before what lies behind it and after; then its base/limit registers. */
static void bridge(struct alloc *a)
{
	static const uint8_t win_reg[K_N] = { PCI_IO_BASE, PCI_MEMORY_BASE, PCI_PREF_BASE,
					      PCI_PREF_BASE };
	uint32_t before[K_N];
	const struct pci_res *exit;

	for (unsigned k = 0; k < K_N; k++) {
		before[k] = a->p[k];
		a->p[k] = align_up(a->p[k], win_align(k));
	}
	a->cmd = 0; /* the bridge's COMMAND is written at its exit */
	exit = assign_bus(a);
	if (!exit)
		return; /* cannot happen: room() keeps a slot for every exit */
	for (unsigned k = 0; k < K_N; k++) {
		uint32_t lo = align_up(before[k], win_align(k)),
			 hi = align_up(a->p[k], win_align(k));

		/* Nothing behind: give the alignment back. */
		a->p[k] = hi == lo ? before[k] : hi;
		if (k == K_PREF) { /* negated: [-hi, -lo) */
			uint32_t t = -lo;

			lo = -hi;
			hi = t;
		}
		/* one prefetchable window: above 4 GiB or below */
		if (!a->commit || (k >= K_PREF && (k == K_HIGH) != a->high))
			continue;
		pci_write32(exit->bdf, win_reg[k], window(lo, hi, k));
		if (hi > 1u << (32 - PAGE_SHIFT)) {
			pci_write32(exit->bdf, PCI_PREF_BASE_UPPER, lo >> (32 - PAGE_SHIFT));
			pci_write32(exit->bdf, PCI_PREF_LIMIT_UPPER, (hi - 1) >> (32 - PAGE_SHIFT));
		}
	}
	if (a->commit)
		pci_write8(exit->bdf, PCI_COMMAND, CMD_IO | CMD_MEM | CMD_MASTER);
}

unsigned pci_bars_assign(uint32_t mem_lo, uint32_t high_lo)
{
	struct alloc a = { .commit = false, .high = false };

	if (!FW_HAS_PCI_BARS)
		return 0;
	/* A dry run first: 64-bit prefetchable BARs go above 4 GiB only when
	 * everything does not fit below. */
	for (;;) {
		a.p[K_IO] = PCI_IO_LO;
		a.p[K_MEM] = mem_lo;
		a.p[K_PREF] = -PCI_MEM_HI;
		a.p[K_HIGH] = high_lo;
		/* cmd and bad: 0 from flush_func */
		a.failed = a.next = 0;
		/* an exit marker without its enter cannot be recorded */
		assign_bus(&a);
		flush_func(&a);
		if (a.commit)
			break;
		a.high = a.mem_failed != 0;
		a.commit = true;
	}
	nres = depth = 0;
	full = false;
	return a.failed;
}
