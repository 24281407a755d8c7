# The one entry point: make, make test, make demo, make bench.
BUILD ?= build
.DEFAULT_GOAL := all

# ---- firmware: bios.bin -------------------------------------------------
FW_CC ?= gcc
FW_CFLAGS := -m32 -march=i686 -Oz -std=gnu11 -ffreestanding -fno-pic -fno-pie \
	-fno-stack-protector -fno-asynchronous-unwind-tables -fno-unwind-tables \
	-fno-common -mgeneral-regs-only -mregparm=3 -mpreferred-stack-boundary=2 -ffunction-sections -fdata-sections \
	-Wall -Wextra -Werror -Iinclude -Ifirmware -Iboards -Ioptionrom $(FW_CFLAGS_EXTRA)
FW_LDFLAGS := -m elf_i386 -nostdlib --gc-sections -T linker/bios.lds

FW_C := firmware/main.c firmware/fw_cfg.c firmware/fw_cfg_dir.c firmware/e820.c \
	firmware/memmap.c firmware/acpi.c firmware/acpi_env.c firmware/acpi_loader.c firmware/bzimage.c \
	firmware/pvh.c firmware/linux_boot.c firmware/console.c firmware/fmt.c \
	firmware/string.c firmware/acpi_rsdp.c firmware/mptable.c firmware/smp.c \
	firmware/smbios.c firmware/checksum.c firmware/fseg.c firmware/legacy_tables.c boards/board.c boards/detect.c boards/pc.c boards/q35.c boards/microvm.c \
	boards/pci.c boards/pci_scan.c boards/pci_bars.c
FW_OBJ := $(patsubst %.c,$(BUILD)/fw/%.o,$(FW_C)) $(BUILD)/fw/firmware/entry.o
FW_HDR := $(wildcard include/*.h firmware/*.h boards/*.h optionrom/*.h)

$(BUILD)/fw/%.o: %.c $(FW_HDR) Makefile
	@mkdir -p $(@D)
	$(FW_CC) $(FW_CFLAGS) -c -o $@ $<

$(BUILD)/fw/firmware/entry.o: firmware/entry.asm firmware/start32.inc
	@mkdir -p $(@D)
	nasm -f elf32 -Werror -Ifirmware/ -o $@ $<

$(BUILD)/bios.elf: $(FW_OBJ) linker/bios.lds
	ld $(FW_LDFLAGS) -Map=$(BUILD)/bios.map -o $@ $(FW_OBJ)

$(BUILD)/bios.bin: $(BUILD)/bios.elf linker/check-image.sh
	objcopy -O binary -j .text -j .rodata -j .init16 -j .resetvector $< $@.tmp
	linker/check-image.sh $@.tmp $<
	mv $@.tmp $@

# ---- option ROMs for SeaBIOS ---------------------------------------------
include optionrom/Makefile.inc

# ---- guest: probe, initramfs, Debian kernel ------------------------------
include guest/Makefile.inc

# ---- host tools: boot-loop, fw-measure, access-count, the plugin ----------
include host/Makefile.inc

# ---- instrumented kernel and SeaBIOS --------------------------------------
include kernel-patches/Makefile.inc

# ---- tests ---------------------------------------------------------------
include tests/Makefile.inc
include tests/bench/Makefile.inc
include scripts/Makefile.inc
include scripts/install.mk

# Boots under TCG with the Debian kernel: the matrix and the bad-input cases.
qemu-test: all debian-kernel $(BUILD)/kernel/bzImage
	tests/qemu/bad-input.sh $(BUILD)
	tests/qemu/boot-matrix.sh $(BUILD)
	tests/qemu/optionrom.sh $(BUILD)
	tests/qemu/smp-memory.sh $(BUILD)
	tests/qemu/devices.sh $(BUILD)
	tests/qemu/pci.sh $(BUILD)
	tests/qemu/summary.sh $(BUILD) >$(BUILD)/tests/qemu/summary.md

# boot-loop's runs include the three instrumented stacks (kernel, SeaBIOS, ROMs).
host-qemu-test: all debian-kernel $(BUILD)/kernel/bzImage $(BUILD)/seabios/bios.bin

.PHONY: all deps demo test bench clean qemu-test
all: $(BUILD)/bios.bin optionroms guest $(BUILD)/host/boot-loop

deps:
	scripts/install-deps.sh

demo: deps
	$(MAKE) all debian-kernel
	tests/qemu/demo.sh $(BUILD)

test: deps
	$(MAKE) all debian-kernel
	$(MAKE) abi-doc-check format-check unit-test host-unit-test fuzz-smoke qemu-test chain-test \
		host-qemu-test install-test

# Anchors (qboot, SeaBIOS) against ours, the known-delay check, and the
# other engineer's feature costs when present; bench/REPORT.md from all of it.
bench: deps
	$(MAKE) all debian-kernel seabios bench-tools
	tests/bench/anchor-bench.sh $(BUILD)
	tests/bench/delay-bench.sh $(BUILD)
	tests/bench/feature-cost.sh $(BUILD)
	python3 tests/bench/bench-report.py $(BUILD) bench

clean:
	rm -rf $(BUILD)
