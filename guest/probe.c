/*
 * probe: a static /init for an initramfs. It marks "user space reached" on the
 * trace port, prints what the guest saw as "PROBE key=value" lines on the
 * console, and powers the VM off so QEMU exits by itself (without ACPI it
 * reboots instead: give QEMU -no-reboot).
 *
 * Build: gcc -static -Os -Wall -Wextra -Werror -I include guest/probe*.c
 */
#include "boot-trace.h"
#include "probe_devices.h"
#include "probe_io.h"
#include "probe_symbols.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/io.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <unistd.h>

/* Mounted already if the directory lives on another device than "/". */
static int is_mounted(const char *dir)
{
	struct stat root, st;

	return stat("/", &root) == 0 && stat(dir, &st) == 0 && st.st_dev != root.st_dev;
}

static void mount_fs(const char *type, const char *dir)
{
	if (mkdir(dir, 0755) < 0 && errno != EEXIST)
		say("PROBE mkdir %s failed: %s", dir, strerror(errno));
	if (is_mounted(dir))
		return;
	if (mount(type, dir, type, 0, NULL) < 0 && errno != EBUSY)
		say("PROBE mount %s failed: %s", dir, strerror(errno));
}

/* The kernel leaves fds 0-2 closed if it could not open /dev/console. */
static void ensure_console(void)
{
	int missing[3], any = 0, fd, i;

	for (i = 0; i < 3; i++) {
		missing[i] = fcntl(i, F_GETFD) < 0;
		any |= missing[i];
	}
	if (!any)
		return;
	fd = open("/dev/console", O_RDWR | O_NOCTTY);
	if (fd < 0)
		fd = open("/dev/ttyS0", O_RDWR | O_NOCTTY);
	if (fd < 0)
		return;
	for (i = 0; i < 3; i++)
		if (missing[i] && i != fd)
			dup2(fd, i);
	if (fd > 2)
		close(fd);
}

/* "0-3,5" -> 5 */
static long count_cpus(void)
{
	char buf[1024], *p;
	long count = 0, lo, hi;

	if (read_file("/sys/devices/system/cpu/online", buf, sizeof(buf)) <= 0)
		return -1;
	for (p = buf; *p && *p != '\n';) {
		lo = hi = strtol(p, &p, 10);
		if (*p == '-')
			hi = strtol(p + 1, &p, 10);
		if (hi < lo)
			return -1;
		count += hi - lo + 1;
		if (*p == ',')
			p++;
		else if (*p && *p != '\n')
			return -1;
	}
	return count ? count : -1;
}

static long long mem_total_kb(void)
{
	char buf[8192], *p;

	if (read_file("/proc/meminfo", buf, sizeof(buf)) <= 0)
		return -1;
	p = strstr(buf, "MemTotal:");
	return p ? strtoll(p + strlen("MemTotal:"), NULL, 10) : -1;
}

static int read_hex(const char *dir, const char *name, unsigned long long *val)
{
	char path[512], buf[64], *end;

	snprintf(path, sizeof(path), "/sys/firmware/memmap/%s/%s", dir, name);
	if (read_file(path, buf, sizeof(buf)) <= 0)
		return -1;
	*val = strtoull(buf, &end, 16);
	return end == buf ? -1 : 0;
}

/* Sum of the firmware's "System RAM" ranges; end addresses are inclusive. */
static long long e820_ram_kb(void)
{
	char path[512], type[64];
	unsigned long long start, end, total = 0;
	struct dirent *de;
	DIR *d = opendir("/sys/firmware/memmap");

	if (!d)
		return -1;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/sys/firmware/memmap/%s/type", de->d_name);
		if (read_file(path, type, sizeof(type)) < 0 ||
		    read_hex(de->d_name, "start", &start) < 0 ||
		    read_hex(de->d_name, "end", &end) < 0 || end < start) {
			closedir(d);
			return -1;
		}
		if (strcmp(type, "System RAM\n") == 0 || strcmp(type, "System RAM") == 0)
			total += end - start + 1;
	}
	closedir(d);
	return total / 1024;
}

/* rootfs is the initramfs; the kernel also runs it as /init. */
static const char *on_initramfs(void)
{
	char mounts[16384], exe[256], *line, *save = NULL;
	const char *root_type = NULL;
	ssize_t n;

	if (read_file("/proc/mounts", mounts, sizeof(mounts)) > 0) {
		/* The last mount on "/" is the one in effect. */
		for (line = strtok_r(mounts, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save)) {
			char *field_save = NULL;
			char *dev = strtok_r(line, " ", &field_save);
			char *dir = strtok_r(NULL, " ", &field_save);
			char *type = strtok_r(NULL, " ", &field_save);

			if (dev && dir && type && strcmp(dir, "/") == 0)
				root_type = type;
		}
		if (root_type && strcmp(root_type, "rootfs") == 0)
			return "yes";
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		if (strcmp(exe, "/init") == 0)
			return "yes";
	}
	return root_type || n > 0 ? "no" : "-1";
}

static long count_pci(void)
{
	struct dirent *de;
	long count = 0;
	DIR *d = opendir("/sys/bus/pci/devices");

	if (!d)
		return errno == ENOENT ? 0 : -1;
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.')
			count++;
	closedir(d);
	return count;
}

/* SMBIOS as the kernel found it: the entry point's anchor ("_SM_" for 2.x,
 * "_SM3_" for 3.x) and the system vendor from the tables, or -1. */
static void print_dmi(void)
{
	char buf[128];
	ssize_t n = read_file("/sys/firmware/dmi/tables/smbios_entry_point", buf, sizeof(buf));

	if (n >= 5 && memcmp(buf, "_SM3_", 5) == 0)
		say("PROBE smbios=3");
	else if (n >= 4 && memcmp(buf, "_SM_", 4) == 0)
		say("PROBE smbios=2");
	else
		say("PROBE smbios=-1");
	n = read_file("/sys/class/dmi/id/sys_vendor", buf, sizeof(buf));
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		buf[--n] = '\0';
	say("PROBE dmi_vendor=%s", n > 0 ? buf : "-1");
}

static void print_cmdline(void)
{
	char buf[4096];
	ssize_t n = read_file("/proc/cmdline", buf, sizeof(buf));

	if (n < 0) {
		say("PROBE cmdline=-1");
		return;
	}
	while (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	say("PROBE cmdline=%s", buf);
}

int main(void)
{
	/* First thing: the trace point that ends the kernel's share of the boot. */
	int io_err = ioperm(TRACE_PORT_LINUX, 1, 1) < 0 ? errno : 0;

	if (!io_err)
		probe_reached();

	mount_fs("proc", "/proc");
	mount_fs("sysfs", "/sys");
	mount_fs("devtmpfs", "/dev");
	ensure_console();
	if (io_err)
		say("PROBE ioperm failed: %s", strerror(io_err));

	say("PROBE cpus=%ld", count_cpus());
	say("PROBE mem_total_kb=%lld", mem_total_kb());
	say("PROBE e820_ram_kb=%lld", e820_ram_kb());
	print_cmdline();
	say("PROBE initrd=%s", on_initramfs());
	say("PROBE acpi=%s", access("/sys/firmware/acpi/tables", F_OK) == 0 ? "yes" : "no");
	say("PROBE pci_devices=%ld", count_pci());
	print_dmi();
	print_devices();
	send_symbols();
	say("PROBE done");

	sync();
	/* Run by hand on a host as root, it must not switch the host off. */
	if (getpid() != 1)
		return 0;
	/* Without ACPI the kernel cannot power off and would only halt; a
	 * reboot ends QEMU too when it runs with -no-reboot. */
	if (access("/sys/firmware/acpi/tables", F_OK) == 0)
		reboot(RB_POWER_OFF);
	else
		reboot(RB_AUTOBOOT);
	say("PROBE poweroff failed: %s", strerror(errno));
	for (;;)
		pause(); /* init must never exit: the kernel would panic */
}
