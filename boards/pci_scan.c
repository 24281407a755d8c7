/* Bus enumeration: bridges get bus numbers, functions with an interrupt pin
 * get INTERRUPT_LINE, every BAR is sized (pci_bars.c). Every register access
 * here is a device access: a function costs its ID read, then either what
 * the board's table says it has, or the header type, the pin and its BARs. */
#include "pci.h"
#include "pci_bars.h"

/* Devices behind a bridge reach bus 0 through the PCI-to-PCI bridge swizzle
 * (PCI-to-PCI Bridge Architecture spec, table 9-1): pin' = (pin - 1 + slot) % 4. */
struct bus_path {
	int root_slot; /* slot on bus 0 of the bridge leading here; -1 on bus 0 */
	uint8_t add;   /* sum of the slots of the bridges below the root one */
};

static void scan_bus(struct pci_scan *s, uint8_t bus, struct bus_path path);

static void route_pin(struct pci_scan *s, uint16_t bdf, uint8_t pin, uint8_t slot,
		      struct bus_path path)
{
	uint8_t root = path.root_slot < 0 ? slot : (uint8_t)path.root_slot;
	uint8_t add = path.root_slot < 0 ? 0 : (uint8_t)(path.add + slot);

	if (pin < 1 || pin > 4)
		return;
	pin = (uint8_t)((pin - 1 + add) % 4 + 1);
	pci_write8(bdf, PCI_INTERRUPT_LINE, s->irq_for(root, pin));
}

static void setup_bridge(struct pci_scan *s, uint16_t bdf, uint8_t bus, uint8_t slot,
			 struct bus_path path)
{
	uint8_t secondary;
	struct bus_path child;
	bool windows;

	if (s->max_bus == 0xff)
		return; /* out of bus numbers: leave it unconfigured */
	secondary = ++s->max_bus;
	/* Subordinate 0xff while the buses below are scanned, so no number
	 * handed out below can alias anything else; then the real one. */
	pci_write32(bdf, PCI_PRIMARY_BUS, (uint32_t)bus | (uint32_t)secondary << 8 | 0xffu << 16);
	child.root_slot = path.root_slot < 0 ? slot : path.root_slot;
	child.add = path.root_slot < 0 ? 0 : (uint8_t)(path.add + slot);
	windows = pci_bars_bus_enter(bdf);
	scan_bus(s, secondary, child);
	if (windows)
		pci_bars_bus_exit(bdf);
	pci_write8(bdf, PCI_SUBORDINATE_BUS, s->max_bus);
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

static void scan_bus(struct pci_scan *s, uint8_t bus, struct bus_path path)
{
	for (uint8_t slot = (bus == 0 && s->skip_slot0) ? 1 : 0; slot < 32; slot++) {
		for (uint8_t fn = 0; fn < 8; fn++) {
			uint16_t bdf = PCI_BDF(bus, slot, fn);
			const struct pci_known *k;
			uint32_t id;
			uint8_t hdr;

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
				pci_bars_size_known(bdf, k->bars);
				if (k->line & 0x80)
					pci_write8(bdf, PCI_INTERRUPT_LINE, k->line & 0x7f);
				else
					route_pin(s, bdf, k->line, slot, path);
				continue;
			}
			hdr = (uint8_t)(pci_read32(bdf, PCI_HEADER_DWORD) >> 16);
			route_pin(s, bdf, (uint8_t)(pci_read32(bdf, PCI_INTERRUPT_LINE) >> 8), slot, path);
			pci_bars_size(bdf, hdr);
			if ((hdr & 0x7f) == 1)
				setup_bridge(s, bdf, bus, slot, path);
			if (fn == 0 && !(hdr & 0x80))
				break;
		}
	}
}

void pci_scan(struct pci_scan *s)
{
	struct bus_path root = { -1, 0 };

	s->max_bus = 0;
	scan_bus(s, 0, root);
}
