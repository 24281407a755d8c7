/* PCI scan + BAR assignment (boards/pci_scan.c, boards/pci_bars.c) on a
 * simulated configuration space: every BAR aligned to its size, inside the
 * board's windows, not overlapping another; bridge windows holding what is
 * behind them; decoding enabled only where everything got an address. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "fake_pci.h"
#include "pci.h"
#include "pci_bars.h"

#define IO 1
#define MEM 0
#define PREF64 0xc
#define PREF32 0x8
#define MEM64 0x4
#define GB (1ull << 30)

/* The windows, memory and high in pages. */
struct windows {
	uint32_t io_lo, io_hi, mem_lo, mem_hi, high_lo;
};

/* pc-like: I/O 0xc000-0xffff, memory 0x20000000-0xfec00000, high at 4 GiB */
static const struct windows pc_win = { PCI_IO_LO, PCI_IO_HI, 0x20000, PCI_MEM_HI, 0x100000 };

static uint8_t irq_for(uint8_t slot, uint8_t pin)
{
	return (uint8_t)(slot * 4 + pin);
}

static unsigned scan_and_assign(const struct windows *w)
{
	struct pci_scan s = { .irq_for = irq_for };

	pci_scan(&s);
	return pci_bars_assign(w->mem_lo, w->high_lo);
}

struct span {
	uint64_t lo, hi;
	bool io;
};
static struct span spans[64];
static int nspans;

/* Every assigned BAR: aligned, in a window, disjoint from all others. */
static void check_bar(const struct fake_fn *f, int bar)
{
	uint64_t a = fake_pci_bar_addr(f, bar), size = f->bar[bar].size;
	bool io = f->bar[bar].flags & 1;
	uint64_t align = io || size >= 4096 ? size : 4096;

	assert_true(a != 0);
	assert_int_equal(a % align, 0);
	if (io)
		assert_true(a >= pc_win.io_lo && a + size <= pc_win.io_hi);
	else
		assert_true((a >= (uint64_t)pc_win.mem_lo << 12 &&
			     a + size <= (uint64_t)pc_win.mem_hi << 12) ||
			    a >= (uint64_t)pc_win.high_lo << 12);
	for (int i = 0; i < nspans; i++)
		if (spans[i].io == io)
			assert_true(a + size <= spans[i].lo || a >= spans[i].hi);
	spans[nspans++] = (struct span){ a, a + size, io };
}

static void setup_virtio(struct fake_fn *f)
{
	fake_pci_bar(f, 0, 0x20, IO);
	fake_pci_bar(f, 1, 0x1000, MEM);
	fake_pci_bar(f, 4, 0x4000, PREF64);
	fake_pci_bar(f, 6, 0x40000, MEM);
	f->cfg[0x3d] = 1; /* pin A */
}

static int reset(void **state)
{
	(void)state;
	fake_pci_reset();
	nspans = 0;
	return 0;
}

static void test_devices_on_bus0(void **state)
{
	struct fake_fn *a = fake_pci_add(0, 2, 0, 0x10001af4, 0);
	struct fake_fn *b = fake_pci_add(0, 3, 0, 0x10011af4, 0);

	(void)state;
	setup_virtio(a);
	setup_virtio(b);
	fake_pci_bar(b, 2, 0x100, MEM); /* smaller than a page: gets one */
	assert_int_equal(scan_and_assign(&pc_win), 0);
	for (int bar = 0; bar < 7; bar++) {
		if (a->bar[bar].size)
			check_bar(a, bar);
		if (b->bar[bar].size)
			check_bar(b, bar);
	}
	assert_int_equal(a->cfg[0x04], 3); /* I/O and memory decoding */
	assert_int_equal(b->cfg[0x04], 3);
	assert_int_equal(a->cfg[0x3c], 2 * 4 + 1);
	/* everything fits: the 64-bit BARs stay below 4 GiB, ROMs stay disabled */
	assert_true(fake_pci_bar_addr(a, 4) < 1ull << 32);
	assert_int_equal(fake_pci_cfg32(a, 0x30) & 1, 0);
}

/* base/limit of a bridge window, decoded from its registers */
static void io_window(const struct fake_fn *br, uint64_t *lo, uint64_t *hi)
{
	*lo = (uint64_t)(br->cfg[0x1c] & 0xf0) << 8;
	*hi = ((uint64_t)(br->cfg[0x1d] & 0xf0) << 8) + 0x1000;
}

static void mem_window(const struct fake_fn *br, uint8_t off, uint64_t *lo, uint64_t *hi)
{
	uint32_t v = fake_pci_cfg32(br, off);

	*lo = (uint64_t)(v & 0xfff0) << 16;
	*hi = ((uint64_t)(v >> 16 & 0xfff0) << 16) + 0x100000;
	if (off == 0x24) {
		*lo |= (uint64_t)fake_pci_cfg32(br, 0x28) << 32;
		*hi += (uint64_t)fake_pci_cfg32(br, 0x2c) << 32;
	}
}

static void test_bridge_windows(void **state)
{
	struct fake_fn *br = fake_pci_add(0, 2, 0, 0x00011b36, 1);
	struct fake_fn *dev = fake_pci_add(1, 1, 0, 0x10001af4, 0);
	struct fake_fn *after = fake_pci_add(0, 3, 0, 0x10011af4, 0);
	struct fake_fn *empty = fake_pci_add(0, 4, 0, 0x00011b36, 1);
	struct fake_fn *last = fake_pci_add(0, 5, 0, 0x10001af4, 0);
	uint64_t lo, hi, a;

	(void)state;
	fake_pci_bar(last, 0, 0x20, IO);
	fake_pci_bar(br, 0, 0x100, MEM); /* the bridge's own BAR: outside its window */
	setup_virtio(dev);
	setup_virtio(after);
	assert_int_equal(scan_and_assign(&pc_win), 0);
	assert_int_equal(br->cfg[0x19], 1); /* secondary bus */
	assert_int_equal(br->cfg[0x1a], 1); /* subordinate bus */
	assert_int_equal(empty->cfg[0x19], 2);
	assert_int_equal(br->cfg[0x04], 7);
	/* the device's BARs lie inside the matching windows */
	io_window(br, &lo, &hi);
	a = fake_pci_bar_addr(dev, 0);
	assert_true(a >= lo && a + 0x20 <= hi);
	mem_window(br, 0x20, &lo, &hi);
	a = fake_pci_bar_addr(dev, 1);
	assert_true(a >= lo && a + 0x1000 <= hi);
	a = fake_pci_bar_addr(br, 0);
	assert_true(a + 0x100 <= lo || a >= hi);
	mem_window(br, 0x24, &lo, &hi);
	a = fake_pci_bar_addr(dev, 4);
	assert_true(a >= lo && a + 0x4000 <= hi);
	/* the device after the bridge is outside its windows */
	a = fake_pci_bar_addr(after, 1);
	mem_window(br, 0x20, &lo, &hi);
	assert_true(a + 0x1000 <= lo || a >= hi);
	for (int bar = 0; bar < 7; bar++)
		if (dev->bar[bar].size)
			check_bar(dev, bar);
	for (int bar = 0; bar < 7; bar++)
		if (after->bar[bar].size)
			check_bar(after, bar);
	/* a bridge with nothing behind gets empty windows (base > limit) */
	assert_int_equal(empty->cfg[0x1c], 0xf0);
	assert_int_equal(empty->cfg[0x1d], 0x00);
	assert_int_equal(fake_pci_cfg32(empty, 0x20), 0xfff0);
	assert_int_equal(fake_pci_cfg32(empty, 0x24), 0xfff0);
	/* ... and costs no space: the next I/O BAR follows the previous one */
	assert_int_equal(fake_pci_bar_addr(last, 0), fake_pci_bar_addr(after, 0) + 0x20);
}

static void test_64bit_pref_moves_above_4g_when_too_big(void **state)
{
	struct fake_fn *shm = fake_pci_add(0, 2, 0, 0x11101af4, 0);
	struct fake_fn *fb = fake_pci_add(0, 3, 0, 0x11111234, 0);
	struct fake_fn *rp = fake_pci_add(0, 4, 0, 0x000c1b36, 1);
	struct fake_fn *nic = fake_pci_add(1, 0, 0, 0x10411af4, 0);
	static const struct windows q35 = { PCI_IO_LO, PCI_IO_HI, 0xc0000, PCI_MEM_HI, 0x140000 };
	uint64_t lo, hi;

	(void)state;
	fake_pci_bar(nic, 4, 0x4000, PREF64);
	fake_pci_bar(shm, 0, 0x100, MEM);
	fake_pci_bar(shm, 2, 1 * GB, PREF64);
	fake_pci_bar(fb, 0, 16 << 20, PREF32); /* 32-bit prefetchable must stay low */
	assert_int_equal(scan_and_assign(&q35), 0);
	assert_int_equal(fake_pci_bar_addr(shm, 2), 5 * GB);
	assert_true(fake_pci_bar_addr(fb, 0) >= 0xc0000000u);
	assert_true(fake_pci_bar_addr(fb, 0) < 0xfec00000u);
	assert_int_equal(shm->cfg[0x04], 2);
	/* behind the root port: a 64-bit prefetchable window above 4 GiB */
	mem_window(rp, 0x24, &lo, &hi);
	assert_true(lo >= 5 * GB);
	assert_true(fake_pci_bar_addr(nic, 4) >= lo && fake_pci_bar_addr(nic, 4) + 0x4000 <= hi);
}

static void test_what_does_not_fit_stays_off(void **state)
{
	struct fake_fn *f[6];

	(void)state;
	/* five 4 KiB I/O BARs in a 16 KiB window: the fifth cannot fit */
	for (int i = 0; i < 5; i++) {
		f[i] = fake_pci_add(0, (uint8_t)(2 + i), 0, 0x10001af4, 0);
		fake_pci_bar(f[i], 0, 0x1000, IO);
		fake_pci_bar(f[i], 1, 0x1000, MEM);
	}
	assert_int_equal(scan_and_assign(&pc_win), 1);
	for (int i = 0; i < 4; i++)
		assert_int_equal(f[i]->cfg[0x04], 3);
	/* no address for the I/O BAR and I/O decoding off; memory still on */
	assert_int_equal(fake_pci_bar_addr(f[4], 0), 0);
	assert_int_equal(f[4]->cfg[0x04], 2);
	assert_true(fake_pci_bar_addr(f[4], 1) != 0);
}

static void test_full_table_and_deep_bridges_are_safe(void **state)
{
	(void)state;
	/* 18 bridges deep (beyond the allocator's depth) */
	for (uint8_t bus = 0; bus < 18; bus++) {
		struct fake_fn *br = fake_pci_add(bus, 0, 0, 0x00011b36, 1);

		fake_pci_bar(br, 0, 0x1000, MEM);
	}
	setup_virtio(fake_pci_add(18, 0, 0, 0x10001af4, 0));
	/* and many functions on bus 0 to overflow the table */
	for (uint8_t d = 1; d < 32; d++)
		for (uint8_t fn = 0; fn < 8; fn++)
			setup_virtio(fake_pci_add(0, d, fn, 0x10001af4, 0x80));
	scan_and_assign(&pc_win);
	/* what was recorded is consistent: a second run on a clean table works */
	reset(NULL);
	setup_virtio(fake_pci_add(0, 2, 0, 0x10001af4, 0));
	assert_int_equal(scan_and_assign(&pc_win), 0);
	assert_int_equal(fake_pci[0][2][0].cfg[0x04], 3);
}

static void test_known_functions_skip_probes(void **state)
{
	static const struct pci_known known[] = { { 0x7010, 1 << 4, 0 },
						  { 0x7113, 0, PCI_KNOWN_IRQ(9) },
						  { 0, 0, 0 } };
	struct pci_scan s = { .irq_for = irq_for, .skip_slot0 = 1, .known = known };
	struct fake_fn *ide = fake_pci_add(0, 1, 1, 0x70108086, 0);
	struct fake_fn *pm = fake_pci_add(0, 1, 3, 0x71138086, 0);

	(void)state;
	fake_pci_add(0, 1, 0, 0x70008086, 0x80);
	fake_pci_bar(ide, 4, 0x10, IO);
	pci_scan(&s);
	assert_int_equal(pci_bars_assign(pc_win.mem_lo, pc_win.high_lo), 0);
	assert_int_equal(fake_pci_bar_addr(ide, 4), 0xc000);
	assert_int_equal(ide->cfg[0x04], 1);
	assert_int_equal(pm->cfg[0x3c], 9);
	/* IDE: BAR4 sized (write, read) and set, COMMAND; PM: its line */
	assert_int_equal(ide->writes, 3);
	assert_int_equal(pm->writes, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_devices_on_bus0, reset),
		cmocka_unit_test_setup(test_bridge_windows, reset),
		cmocka_unit_test_setup(test_64bit_pref_moves_above_4g_when_too_big, reset),
		cmocka_unit_test_setup(test_what_does_not_fit_stays_off, reset),
		cmocka_unit_test_setup(test_full_table_and_deep_bridges_are_safe, reset),
		cmocka_unit_test_setup(test_known_functions_skip_probes, reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
