# make install / make uninstall, with PREFIX (default /usr/local) and DESTDIR.
# Included by the top-level Makefile, which defines BUILD.
#
#   PREFIX/bin/                  boot-loop, fw-measure, access-count
#   PREFIX/share/bootkit/        bios.bin, optionrom/{linuxboot_dma,pvh}.bin,
#                                guest/{initramfs.cpio.gz,probe},
#                                kernel-debian/{vmlinuz,vmlinux} if fetched
#   PREFIX/lib/bootkit/          fwbench-plugin.so if built (make bench)
#   PREFIX/share/man/man1/       boot-loop.1
#   install-test                 tests/install.sh: installs into a scratch
#                                DESTDIR, boots from there, uninstalls
#
# share/bootkit mirrors BUILD: a tool at PREFIX/bin finds its files under
# PREFIX/share/bootkit when that folder exists (host/lib/kit-files.c), by the
# same names it uses in the build tree. So BINDIR and DATADIR are derived from
# PREFIX, not set on their own.

install_saved_goal := $(.DEFAULT_GOAL)

BUILD ?= build
PREFIX ?= /usr/local
DESTDIR ?=
INSTALL ?= install
INSTALL_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
INSTALL_TOP := $(patsubst %/,%,$(dir $(INSTALL_DIR)))

INSTALL_BINDIR := $(DESTDIR)$(PREFIX)/bin
INSTALL_DATADIR := $(DESTDIR)$(PREFIX)/share/bootkit
INSTALL_LIBDIR := $(DESTDIR)$(PREFIX)/lib/bootkit
INSTALL_MAN1DIR := $(DESTDIR)$(PREFIX)/share/man/man1

INSTALL_TOOLS := boot-loop fw-measure access-count
# Always built by all: paths relative to BUILD and to share/bootkit alike.
INSTALL_DATA := bios.bin optionrom/linuxboot_dma.bin optionrom/pvh.bin \
	guest/initramfs.cpio.gz
INSTALL_DATA_EXEC := guest/probe
# Installed when present: make debian-kernel fetches them.
INSTALL_KERNEL := kernel-debian/vmlinuz kernel-debian/vmlinux
INSTALL_PLUGIN := fwbench-plugin.so
INSTALL_MAN := boot-loop.1

.PHONY: install uninstall install-test
install: all host-tools
	@for t in $(INSTALL_TOOLS); do \
		echo "$(INSTALL) -D -m 0755 $(BUILD)/host/$$t $(INSTALL_BINDIR)/$$t"; \
		$(INSTALL) -D -m 0755 $(BUILD)/host/$$t $(INSTALL_BINDIR)/$$t || exit 1; \
	done
	@for f in $(INSTALL_DATA); do \
		echo "$(INSTALL) -D -m 0644 $(BUILD)/$$f $(INSTALL_DATADIR)/$$f"; \
		$(INSTALL) -D -m 0644 $(BUILD)/$$f $(INSTALL_DATADIR)/$$f || exit 1; \
	done
	@for f in $(INSTALL_DATA_EXEC); do \
		echo "$(INSTALL) -D -m 0755 $(BUILD)/$$f $(INSTALL_DATADIR)/$$f"; \
		$(INSTALL) -D -m 0755 $(BUILD)/$$f $(INSTALL_DATADIR)/$$f || exit 1; \
	done
	@for f in $(INSTALL_KERNEL); do \
		if [ -e $(BUILD)/$$f ]; then \
			echo "$(INSTALL) -D -m 0644 $(BUILD)/$$f $(INSTALL_DATADIR)/$$f"; \
			$(INSTALL) -D -m 0644 $(BUILD)/$$f $(INSTALL_DATADIR)/$$f || exit 1; \
		else \
			echo "install: $(BUILD)/$$f not fetched (make debian-kernel): not installed"; \
		fi; \
	done
	@if [ -e $(BUILD)/host/$(INSTALL_PLUGIN) ]; then \
		echo "$(INSTALL) -D -m 0755 $(BUILD)/host/$(INSTALL_PLUGIN) $(INSTALL_LIBDIR)/$(INSTALL_PLUGIN)"; \
		$(INSTALL) -D -m 0755 $(BUILD)/host/$(INSTALL_PLUGIN) $(INSTALL_LIBDIR)/$(INSTALL_PLUGIN); \
	else \
		echo "install: $(BUILD)/host/$(INSTALL_PLUGIN) not built (make bench): not installed"; \
	fi
	$(INSTALL) -D -m 0644 $(INSTALL_TOP)/host/boot-loop/$(INSTALL_MAN) $(INSTALL_MAN1DIR)/$(INSTALL_MAN)

# Removes every file install may have put there, and the kit's own folders
# once empty; PREFIX/bin and the man folder stay.
uninstall:
	rm -f $(addprefix $(INSTALL_BINDIR)/,$(INSTALL_TOOLS))
	rm -f $(addprefix $(INSTALL_DATADIR)/,$(INSTALL_DATA) $(INSTALL_DATA_EXEC) $(INSTALL_KERNEL))
	rm -f $(INSTALL_LIBDIR)/$(INSTALL_PLUGIN)
	rm -f $(INSTALL_MAN1DIR)/$(INSTALL_MAN)
	@for d in $(addprefix $(INSTALL_DATADIR)/,optionrom guest kernel-debian) \
			$(INSTALL_DATADIR) $(INSTALL_LIBDIR); do \
		[ ! -d $$d ] || rmdir --ignore-fail-on-non-empty $$d || exit 1; \
	done

install-test: all host-tools
	$(INSTALL_TOP)/tests/install.sh $(BUILD)

.DEFAULT_GOAL := $(install_saved_goal)
