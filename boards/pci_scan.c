/* Bus enumeration: bridges get bus numbers, functions with an interrupt pin
 * get INTERRUPT_LINE, every BAR is sized (pci_bars.c). Every register access
 * here is a device access: a function costs its ID read, then either what
 * the board's table says it has, or the header type, the pin and its BARs. */
#include "pci.h"
#include "pci_bars.h"

/* Devices behind a bridge reach bus 0 through the PCI-to-PCI bridge swizzle
 * (PCI-to-PCI Bridge Architecture spec, table 9-1): pin' = (pin - 1 + slot) % 4
 * at every bridge below the one in the root slot. A path holds the slot on
 * bus 0 that leads to a function (bits 7:0) and the sum of the slots below
 * it (bits 15:8): on bus 0 a function's own slot, behind a bridge its bus's
 * path plus its slot. */
static void scan_bus(const struct pci_scan *s, uint8_t bus, unsigned path);

/* pin: 1-4, or a fixed line PCI_KNOWN_IRQ(n) from the board's table */
static void route_pin(const struct pci_scan *s, uint16_t bdf, uint8_t pin, unsigned path)
{
	uint8_t line = pin & 0x7f;

	if (!(pin & 0x80)) {
		if (pin < 1 || pin > 4)
			return;
		pin = (uint8_t)((pin - 1 + (path >> 8)) % 4 + 1);
		line = s->irq_for((uint8_t)path, pin);
	}
	pci_write8(bdf, PCI_INTERRUPT_LINE, line);
}

static uint8_t max_bus;

static void setup_bridge(const struct pci_scan *s, uint16_t bdf, uint8_t bus, unsigned child)
{
	uint8_t secondary;
	bool windows;

	if (max_bus == 0xff)
		return; /* out of bus numbers: leave it unconfigured */
	secondary = ++max_bus;
	/* Subordinate 0xff while the buses below are scanned, so no number
	 * handed out below can alias anything else; then the real one. */
	pci_write32(bdf, PCI_PRIMARY_BUS, (uint32_t)bus | (uint32_t)secondary << 8 | 0xffu << 16);
	windows = pci_bars_bus_enter(bdf);
	scan_bus(s, secondary, child);
	if (windows)
		pci_bars_bus_exit(bdf);
	pci_write8(bdf, PCI_SUBORDINATE_BUS, max_bus);
}

static const struct pci_known *known(const struct pci_scan *s, uint32_t id)
{
	const struct pci_known *k = s->known;

	if ((uint16_t)id != PCI_VENDOR_INTEL || !k)
		return 0;
	for (; k->device; k++)
		if (k->device == id >> 16)
			return k;
	return 0;
}

static void scan_bus(const struct pci_scan *s, uint8_t bus, unsigned path)
{
	for (uint8_t slot = (bus == 0 && s->skip_slot0) ? 1 : 0; slot < 32; slot++) {
		unsigned here = bus ? path + ((unsigned)slot << 8) : slot;

		for (uint8_t fn = 0; fn < 8; fn++) {
			uint16_t bdf = PCI_BDF(bus, slot, fn);
			const struct pci_known *k;
			uint32_t id;
			uint8_t hdr, pin, bars = 0, rom = 0;

			if (s->isa_bridge && bdf == s->isa_bridge)
				continue; /* multi-function, no pin, no BARs: go on to fn 1 */
			id = pci_read32(bdf, PCI_VENDOR_ID);
			if ((uint16_t)id == 0xffff) {
				if (fn == 0)
					break;
				continue;
			}
			k = known(s, id);
			if (k) {
				hdr = 0x80; /* a multi-function chipset device: go on */
				pin = k->line;
				bars = k->bars;
			} else {
				hdr = (uint8_t)(pci_read32(bdf, PCI_HEADER_DWORD) >> 16);
				pin = (uint8_t)(pci_read32(bdf, PCI_INTERRUPT_LINE) >> 8);
				/* six BARs, two on a bridge; CardBus is left to the kernel */
				if ((hdr & 0x7f) <= 1) {
					bars = hdr & 0x7f ? 0x03 : 0x3f;
					rom = hdr & 0x7f ? PCI_ROM_TYPE1 : PCI_ROM_TYPE0;
				}
			}
			route_pin(s, bdf, pin, here);
			pci_bars_size(bdf, bars, rom);
			if ((hdr & 0x7f) == 1)
				setup_bridge(s, bdf, bus, here);
			if (fn == 0 && !(hdr & 0x80))
				break;
		}
	}
}

void pci_scan(const struct pci_scan *s)
{
	max_bus = 0;
	scan_bus(s, 0, 0);
}
