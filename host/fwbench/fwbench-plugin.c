/*
 * fwbench-plugin: a QEMU TCG plugin that finds the firmware's jump to the
 * kernel by address and says, in QEMU's log (-d plugin), how many guest
 * instructions ran from reset to it and how long that took.
 *
 *   -plugin fwbench-plugin.so,entry=0x100000,entry=0x10200[,count=off] -d plugin
 *
 * The jump is the first execution of an instruction at one of the entry
 * addresses (the kernel's first instruction: fw-measure passes them). Works
 * for any firmware, patched or not, which is the point: the same rule for
 * ours, qboot and SeaBIOS.
 *
 * Lines written (each flushed by QEMU's log):
 *   fwbench first pc=0x...            the first guest instruction (reset vector)
 *   fwbench jump pc=0x... insns=N tfw_ns=T
 * insns: instructions executed before the entry instruction (the entry
 * itself not counted). Counted inline, per instruction as it starts, so a
 * rep-prefixed string instruction counts once per iteration (TCG runs each
 * iteration as one pass through its block). tfw_ns: CLOCK_MONOTONIC from the
 * first instruction's start to the entry's, read inside QEMU: no process
 * start-up or teardown in it. count=off leaves the counter out (timing runs:
 * only the two callbacks cost anything).
 */
#include <qemu-plugin.h>

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define MAX_ENTRIES 8

static uint64_t entries[MAX_ENTRIES];
static int nentries;
static bool counting = true;
static bool first_armed, first_seen, jumped;
static uint64_t insns; /* updated by TCG-generated code, read in callbacks */
static struct timespec t_first;

static bool is_entry(uint64_t pc)
{
	for (int i = 0; i < nentries; i++)
		if (entries[i] == pc)
			return true;
	return false;
}

static void on_first(unsigned int vcpu, void *pc)
{
	(void)vcpu;
	if (first_seen)
		return;
	first_seen = true;
	clock_gettime(CLOCK_MONOTONIC, &t_first);
	char line[64];
	snprintf(line, sizeof line, "fwbench first pc=0x%" PRIx64 "\n", (uint64_t)(uintptr_t)pc);
	qemu_plugin_outs(line);
}

static void on_entry(unsigned int vcpu, void *pc)
{
	struct timespec t;
	(void)vcpu;
	if (jumped)
		return;
	clock_gettime(CLOCK_MONOTONIC, &t);
	jumped = true;
	int64_t ns =
		(int64_t)(t.tv_sec - t_first.tv_sec) * 1000000000 + (t.tv_nsec - t_first.tv_nsec);
	char line[128];
	snprintf(line, sizeof line,
		 "fwbench jump pc=0x%" PRIx64 " insns=%" PRIu64 " tfw_ns=%" PRId64 "\n",
		 (uint64_t)(uintptr_t)pc, insns, first_seen ? ns : -1);
	qemu_plugin_outs(line);
}

/* At translation: every instruction gets its inline add, except entries. */
static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	(void)id;
	size_t n = qemu_plugin_tb_n_insns(tb);
	for (size_t i = 0; i < n; i++) {
		struct qemu_plugin_insn *insn = qemu_plugin_tb_get_insn(tb, i);
		uint64_t pc = qemu_plugin_insn_vaddr(insn);
		void *arg = (void *)(uintptr_t)pc;
		/* The first block translated holds the reset vector. */
		if (!first_armed) {
			first_armed = true;
			qemu_plugin_register_vcpu_insn_exec_cb(insn, on_first,
							       QEMU_PLUGIN_CB_NO_REGS, arg);
		}
		if (is_entry(pc))
			qemu_plugin_register_vcpu_insn_exec_cb(insn, on_entry,
							       QEMU_PLUGIN_CB_NO_REGS, arg);
		else if (counting && !jumped)
			qemu_plugin_register_vcpu_insn_exec_inline(insn, QEMU_PLUGIN_INLINE_ADD_U64,
								   &insns, 1);
	}
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc,
					   char **argv)
{
	(void)info;
	for (int i = 0; i < argc; i++) {
		char *end;
		if (!strncmp(argv[i], "entry=", 6) && nentries < MAX_ENTRIES) {
			entries[nentries++] = strtoull(argv[i] + 6, &end, 0);
			if (end == argv[i] + 6 || *end)
				goto bad;
		} else if (!strcmp(argv[i], "count=off")) {
			counting = false;
		} else if (strcmp(argv[i], "count=on")) {
			goto bad;
		}
		continue;
bad:
		fprintf(stderr,
			"fwbench-plugin: bad argument '%s' (entry=ADDR, at most %d; "
			"count=on|off)\n",
			argv[i], MAX_ENTRIES);
		return -1;
	}
	if (!nentries) {
		fprintf(stderr, "fwbench-plugin: no entry=ADDR given\n");
		return -1;
	}
	qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
	return 0;
}
