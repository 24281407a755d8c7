/* BAR sizing and assignment. Sizing costs a write and a read per BAR (plus
 * the CF8 select); assignment one write per BAR, so functions whose BARs the
 * board knows skip the probes of unimplemented ones (pci_bars_size_known). */
#include "pci.h"
#include "pci_bars.h"
#include "fw_features.h"

#define PCI_COMMAND 0x04
#define PCI_BAR0 0x10
#define PCI_ROM_TYPE0 0x30
#define PCI_ROM_TYPE1 0x38
#define PCI_IO_BASE 0x1c     /* + I/O limit, secondary status */
#define PCI_MEMORY_BASE 0x20 /* + memory limit */
#define PCI_PREF_BASE 0x24   /* + prefetchable limit */
#define PCI_PREF_BASE_UPPER 0x28
#define PCI_PREF_LIMIT_UPPER 0x2c
#define CMD_IO 1
#define CMD_MEM 2
#define CMD_MASTER 4 /* a bridge forwards its devices' DMA upstream */
#define ROM_ADDR_MASK 0xfffff800u
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

static void add(uint16_t bdf, uint8_t reg, uint8_t flags, uint8_t order)
{
	struct pci_res *r = &res[nres++];

	r->bdf = bdf;
	r->reg = reg;
	r->flags = flags;
	r->order = order;
}

/* Writes all ones, reads back the writable address bits: the lowest is the
 * size. Returns the offset of the BAR's last dword (a 64-bit BAR uses two). */
static uint8_t probe(uint16_t bdf, uint8_t reg)
{
	uint32_t v, lo, hi = 0;
	uint8_t fl;

	pci_write32(bdf, reg, ~0u);
	v = pci_read32(bdf, reg);
	if (!v)
		return reg; /* not implemented */
	if (v & 1) {
		fl = PCI_RES_IO;
		lo = v & ~3u;
	} else {
		fl = (uint8_t)(PCI_RES_MEM | (v & 8 ? PCI_RES_PREF : 0));
		lo = v & ~0xfu;
		if ((v & 6) == 4) {
			fl |= PCI_RES_64;
			pci_write32(bdf, (uint8_t)(reg + 4), ~0u);
			hi = pci_read32(bdf, (uint8_t)(reg + 4));
		}
	}
	if (lo)
		add(bdf, reg, fl, (uint8_t)__builtin_ctz(lo));
	else if (hi)
		add(bdf, reg, fl, (uint8_t)(32 + __builtin_ctz(hi)));
	return (fl & PCI_RES_64) ? (uint8_t)(reg + 4) : reg;
}

void pci_bars_size(uint16_t bdf, uint8_t header_type)
{
	bool bridge = (header_type & 0x7f) == 1;
	uint8_t rom = bridge ? PCI_ROM_TYPE1 : PCI_ROM_TYPE0;
	uint32_t v;

	if (!FW_HAS_PCI_BARS || (header_type & 0x7f) > 1 || !room(8))
		return; /* CardBus: left to the kernel */
	add(bdf, 0, PCI_RES_FUNC, 0);
	for (uint8_t reg = PCI_BAR0; reg < (bridge ? 0x18 : 0x28); reg += 4)
		reg = probe(bdf, reg);
	pci_write32(bdf, rom, ROM_ADDR_MASK);
	v = pci_read32(bdf, rom) & ROM_ADDR_MASK;
	if (v)
		add(bdf, rom, PCI_RES_MEM, (uint8_t)__builtin_ctz(v));
}

void pci_bars_size_known(uint16_t bdf, uint8_t bar_mask)
{
	if (!FW_HAS_PCI_BARS || !room(7))
		return;
	add(bdf, 0, PCI_RES_FUNC, 0);
	for (uint8_t i = 0; i < 6; i++)
		if (bar_mask >> i & 1)
			probe(bdf, (uint8_t)(PCI_BAR0 + 4 * i));
}

bool pci_bars_bus_enter(uint16_t bdf)
{
	if (!FW_HAS_PCI_BARS || depth >= MAX_DEPTH)
		full = true;
	if (!room(2))
		return false;
	add(bdf, 0, PCI_RES_BUS_ENTER, 0);
	depth++;
	return true;
}

void pci_bars_bus_exit(uint16_t bdf)
{
	depth--;
	add(bdf, 0, PCI_RES_BUS_EXIT, 0); /* its slot was kept free by room() */
}

/* ---- assignment ---------------------------------------------------------- */

/* Four moving pointers, all 32-bit: I/O in bytes, memory in 4 KiB pages
 * (no memory BAR gets less than a page, so no two devices share one). The
 * prefetchable one grows down from the top of the 32-bit window towards the
 * memory one, so the two never interleave. */
enum { K_IO, K_MEM, K_PREF, K_HIGH, K_N };
#define PAGE_SHIFT 12
#define HIGH_LIMIT (1u << (40 - PAGE_SHIFT)) /* QEMU's default 40-bit guest addresses */
/* Bridge window granularity: 4 KiB of I/O, 1 MiB of memory. */
static const uint32_t win_align[K_N] = { 0x1000, 0x100, 0x100, 0x100 };

struct alloc {
	uint32_t p[K_N];
	const struct pci_windows *w;
	bool high, commit;
	unsigned failed, mem_failed, next; /* next: index into res */
	uint16_t func;
	uint8_t cmd, bad;
};

static uint32_t align_ptr(uint32_t p, uint32_t a, bool down)
{
	return down ? p & ~(a - 1) : (p + a - 1) & ~(a - 1);
}

static unsigned kind_of(const struct alloc *a, uint8_t fl)
{
	if (fl & PCI_RES_IO)
		return K_IO;
	if ((fl & (PCI_RES_PREF | PCI_RES_64)) == (PCI_RES_PREF | PCI_RES_64) && a->high)
		return K_HIGH;
	/* With 64-bit ones above 4 GiB, 32-bit prefetchable BARs share the
	 * memory window (allowed: prefetchable may sit in non-prefetchable). */
	return (fl & PCI_RES_PREF) && !a->high ? K_PREF : K_MEM;
}

static void place(struct alloc *a, const struct pci_res *r)
{
	unsigned k = kind_of(a, r->flags);
	int order = r->order - (k == K_IO ? 0 : PAGE_SHIFT);
	uint32_t size, addr = 0, old = a->p[k];
	uint32_t limit = k == K_IO ? a->w->io_hi : k == K_MEM ? a->p[K_PREF] : HIGH_LIMIT;

	if (order < 0)
		order = 0;
	if (order < 28) {
		size = 1u << order;
		if (k == K_PREF) {
			addr = (old - size) & ~(size - 1);
			a->p[k] = size <= old && addr >= a->p[K_MEM] ? addr : 0;
		} else {
			addr = align_ptr(old, size, false);
			a->p[k] = addr + size <= limit && addr >= old ? addr + size : 0;
		}
	} else {
		a->p[k] = 0;
	}
	if (!a->p[k]) {
		a->p[k] = old;
		a->failed++;
		a->mem_failed += k != K_IO;
		a->bad |= k == K_IO ? CMD_IO : CMD_MEM;
		addr = 0; /* unassigned: the kernel will place it */
	}
	a->cmd |= k == K_IO ? CMD_IO : CMD_MEM;
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

/* Base/limit registers for [lo, hi) in units of 1 << shift bytes: the
 * address bits 31:20 (memory) or 15:12 (I/O) of both ends, limit in the
 * upper half (pos); base > limit when there is nothing behind. */
static uint32_t window(uint32_t lo, uint32_t hi, unsigned shift, unsigned pos)
{
	uint32_t mask = pos == 8 ? 0xf0 : 0xfff0;

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
	uint32_t start[K_N], before[K_N], lo[K_N], hi[K_N];
	unsigned pk = a->high ? K_HIGH : K_PREF;
	const struct pci_res *exit;
	uint16_t bdf;

	for (unsigned k = 0; k < K_N; k++) {
		before[k] = a->p[k];
		a->p[k] = start[k] = align_ptr(a->p[k], win_align[k], k == K_PREF);
	}
	a->cmd = 0; /* the bridge's COMMAND is written at its exit */
	exit = assign_bus(a);
	if (!exit)
		return; /* cannot happen: room() keeps a slot for every exit */
	bdf = exit->bdf;
	for (unsigned k = 0; k < K_N; k++) {
		uint32_t s = start[k], e = align_ptr(a->p[k], win_align[k], k == K_PREF);

		lo[k] = k == K_PREF ? e : s;
		hi[k] = k == K_PREF ? s : e;
		/* Nothing behind: give the alignment back. */
		a->p[k] = e == s ? before[k] : e;
	}
	if (!a->commit)
		return;
	pci_write32(bdf, PCI_IO_BASE, window(lo[K_IO], hi[K_IO], 8, 8));
	pci_write32(bdf, PCI_MEMORY_BASE, window(lo[K_MEM], hi[K_MEM], 4, 16));
	pci_write32(bdf, PCI_PREF_BASE, window(lo[pk], hi[pk], 4, 16));
	if (hi[pk] > 1u << (32 - PAGE_SHIFT)) {
		pci_write32(bdf, PCI_PREF_BASE_UPPER, lo[pk] >> (32 - PAGE_SHIFT));
		pci_write32(bdf, PCI_PREF_LIMIT_UPPER, (hi[pk] - 1) >> (32 - PAGE_SHIFT));
	}
	pci_write8(bdf, PCI_COMMAND, CMD_IO | CMD_MEM | CMD_MASTER);
}

static unsigned run(struct alloc *a)
{
	a->p[K_IO] = a->w->io_lo;
	a->p[K_MEM] = a->w->mem_lo;
	a->p[K_PREF] = a->w->mem_hi;
	a->p[K_HIGH] = a->w->high_lo;
	a->failed = a->mem_failed = a->next = a->cmd = a->bad = 0;
	/* an exit marker without its enter cannot be recorded */
	assign_bus(a);
	flush_func(a);
	return a->failed;
}

unsigned pci_bars_assign(const struct pci_windows *w)
{
	static struct alloc a;
	unsigned failed;

	if (!FW_HAS_PCI_BARS)
		return 0;
	a.w = w;
	a.commit = false;
	a.high = false;
	/* A dry run first: 64-bit prefetchable BARs go above 4 GiB only when
	 * everything does not fit below. */
	run(&a);
	a.high = a.mem_failed != 0;
	a.commit = true;
	failed = run(&a);
	nres = depth = 0;
	full = false;
	return failed;
}
