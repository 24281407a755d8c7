/* The firmware's start from the first exec_tb line; see firstinsn.h. */
#include "firstinsn.h"

#include "boot-trace.h"

#include <stdio.h>
#include <string.h>

const struct exit_point firstinsn_point = { 0, TRACE_FW_START, STOP_KILL };

/* A byte of value (any non-error one if value < 0) on pipe w of run r. */
static bool wrote(const struct launch_result *r, int w, int value)
{
	for (int i = 0; i < r->n_bytes; i++) {
		int v = r->bytes[i].value;

		if (r->bytes[i].watch == w && (v < TRACE_ERR_BASE || v > TRACE_ERR_LAST) &&
		    (value < 0 || v == value))
			return true;
	}
	return false;
}

void firstinsn_decide(struct session *s, const struct launch_result *disc)
{
	const struct config *c = s->cfg;
	bool missing = false, use;

	/*
	 * Channels 0 and 1 are 0xf5 and 0xf4 (command.h). A run that never got to
	 * the jump says nothing about the firmware: its failure shows at fw_start.
	 */
	for (int v = 0; v < s->n_variants; v++)
		if (!wrote(&disc[v], 0, TRACE_FW_START) && wrote(&disc[v], 1, -1))
			missing = true;
	use = c->fw_start == FWSTART_EXEC_TB || (c->fw_start == FWSTART_AUTO && missing);
	if (use && !strcmp(s->variants[0].boot.accel, "kvm")) {
		snprintf(s->fw_start_note, sizeof(s->fw_start_note),
			 "the first run wrote no fw_start (1 on 0xf5) and QEMU's exec_tb trace "
			 "needs TCG: under KVM tQEMU and tFW cannot be split");
		use = false;
	} else if (use) {
		snprintf(s->fw_start_note, sizeof(s->fw_start_note),
			 "%s: the firmware's start is first_insn, QEMU's first guest instruction "
			 "(-trace exec_tb), measured differently from fw_start",
			 c->fw_start == FWSTART_EXEC_TB
				 ? "--fw-start=exec_tb"
				 : "the first run wrote no fw_start (1 on 0xf5)");
	}
	for (int v = 0; v < s->n_variants; v++)
		s->variants[v].first_insn = use;
	if (s->fw_start_note[0])
		fprintf(stderr, "boot-loop: note: %s\n", s->fw_start_note);
}
