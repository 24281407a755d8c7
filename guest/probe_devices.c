/*
 * What the guest saw of boot data and devices, for the device tests:
 *   PROBE setup_data=<types of the setup_data chain, e.g. 0x2> or none
 *   PROBE initrd_addr=<where the loader put the initrd, from boot_params>
 *   PROBE disk=<name>:<sectors>:<16 bytes of sector 1, '.' for unprintables>
 *   PROBE net=<interface>:<MAC>
 *   PROBE pci_resources=<n>,above_4g:<n>: PCI BARs and bridge windows the
 *         kernel holds, and how many of them start above 4 GiB
 *   PROBE pci_kernel_assigned=bars:<n>,windows:<n>: of them, how many the
 *         kernel had to place itself (its log says "assigned"); bars:0 when
 *         the firmware placed every BAR
 */
#include "probe_devices.h"
#include "probe_io.h"

#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <unistd.h>

static void chomp(char *s)
{
	size_t n = strlen(s);

	while (n && (s[n - 1] == '\n' || s[n - 1] == ' '))
		s[--n] = '\0';
}

/* /sys/kernel/boot_params/setup_data/<n>/type, one per node of the chain */
static void print_setup_data(void)
{
	char list[256] = "", path[300], buf[32];
	struct dirent *de;
	DIR *d = opendir("/sys/kernel/boot_params/setup_data");

	while (d && (de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/sys/kernel/boot_params/setup_data/%s/type",
			 de->d_name);
		if (read_file(path, buf, sizeof(buf)) <= 0)
			continue;
		chomp(buf);
		if (strlen(list) + strlen(buf) + 2 < sizeof(list))
			snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s",
				 list[0] ? "," : "", buf);
	}
	if (d)
		closedir(d);
	say("PROBE setup_data=%s", list[0] ? list : "none");
}

/* boot_params (boot.rst): ramdisk_image at 0x218, ext_ramdisk_image at 0x0c0;
 * the kernel fills them from hvm_start_info for PVH too. */
static void print_initrd_addr(void)
{
	unsigned char bp[4096];
	uint32_t lo, hi;

	if (read_file("/sys/kernel/boot_params/data", (char *)bp, sizeof(bp)) < 0x21c) {
		say("PROBE initrd_addr=unknown");
		return;
	}
	memcpy(&lo, bp + 0x218, 4);
	memcpy(&hi, bp + 0x0c0, 4);
	say("PROBE initrd_addr=0x%llx", (unsigned long long)hi << 32 | lo);
}

static void print_disk(const char *name)
{
	char path[300], size[32], data[16], shown[17];
	int fd;

	snprintf(path, sizeof(path), "/sys/block/%s/size", name);
	if (read_file(path, size, sizeof(size)) <= 0)
		return;
	chomp(size);
	snprintf(path, sizeof(path), "/dev/%s", name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	memset(data, 0, sizeof(data));
	if (fd < 0 || pread(fd, data, sizeof(data), 512) != (ssize_t)sizeof(data))
		strcpy(shown, "-1");
	else {
		for (int i = 0; i < 16; i++)
			shown[i] = isprint((unsigned char)data[i]) ? data[i] : '.';
		shown[16] = '\0';
	}
	if (fd >= 0)
		close(fd);
	say("PROBE disk=%s:%s:%s", name, size, shown);
}

static void print_net(const char *name)
{
	char path[300], mac[64];

	snprintf(path, sizeof(path), "/sys/class/net/%s/address", name);
	if (read_file(path, mac, sizeof(mac)) <= 0)
		return;
	chomp(mac);
	say("PROBE net=%s:%s", name, mac);
}

static void each(const char *dir, void (*fn)(const char *), const char *skip_prefix)
{
	struct dirent *de;
	DIR *d = opendir(dir);

	while (d && (de = readdir(d)) != NULL)
		if (de->d_name[0] != '.' &&
		    strncmp(de->d_name, skip_prefix, strlen(skip_prefix)) != 0)
			fn(de->d_name);
	if (d)
		closedir(d);
}

static long pci_resources, pci_high;

/* Each line of a device's resource file: start, end, flags; unused are 0. */
static void count_resources(const char *name)
{
	char path[300], buf[4096], *line, *save = NULL;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/resource", name);
	if (read_file(path, buf, sizeof(buf)) <= 0)
		return;
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		if (strtoull(line, NULL, 16) != 0) {
			pci_resources++;
			pci_high += strtoull(line, NULL, 16) >= 1ull << 32;
		}
}

/* The kernel logs "pci 0000:00:02.0: BAR 4: assigned [mem ...]" (6.1) or
 * "BAR 4 [mem ...]: assigned" for each BAR it had to place itself, and
 * "bridge window [io ...]: assigned" for each window. */
static void print_kernel_assigned(void)
{
	int size = klogctl(10 /* SYSLOG_ACTION_SIZE_BUFFER */, NULL, 0), n, bars = 0, windows = 0;
	char *log, *line, *save = NULL;

	log = size > 0 ? malloc((size_t)size + 1) : NULL;
	n = log ? klogctl(3 /* SYSLOG_ACTION_READ_ALL */, log, size) : -1;
	if (n < 0) {
		say("PROBE pci_kernel_assigned=unknown");
		free(log);
		return;
	}
	log[n] = 0;
	for (line = strtok_r(log, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (!strstr(line, "pci ") || !strstr(line, "assigned"))
			continue;
		if (strstr(line, " BAR ") || strstr(line, " ROM "))
			bars++;
		else if (strstr(line, "bridge window"))
			windows++;
	}
	say("PROBE pci_kernel_assigned=bars:%d,windows:%d", bars, windows);
	free(log);
}

void print_devices(void)
{
	print_initrd_addr();
	each("/sys/bus/pci/devices", count_resources, ".");
	say("PROBE pci_resources=%ld,above_4g:%ld", pci_resources, pci_high);
	print_kernel_assigned();
	print_setup_data();
	/* no RAM or loop disks: only what a controller gives */
	each("/sys/block", print_disk, "loop");
	each("/sys/class/net", print_net, "lo");
}
