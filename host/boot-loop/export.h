/*
 * Files written after the loop: --export-json (hyperfine's field names plus
 * ours), --export-csv, --export-markdown, and the --plot SVG histogram.
 */
#ifndef EXPORT_H
#define EXPORT_H

#include "analysis.h"
#include "session.h"

#include <stdio.h>

/* Writes every file asked for; -1 (after saying why) if one failed. */
int export_all(const struct session *s, const struct analysis *an);

void export_json(FILE *f, const struct session *s, const struct analysis *an);
void export_csv(FILE *f, const struct session *s, const struct analysis *an);
void export_markdown(FILE *f, const struct session *s, const struct analysis *an);
void export_svg(FILE *f, const struct session *s, const struct analysis *an);

#endif
