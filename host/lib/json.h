/* JSON output shared by the tools' exports. */
#ifndef JSON_H
#define JSON_H

#include <stdio.h>

/* s as a JSON string, quoted and escaped; NULL as "". */
void json_string(FILE *f, const char *s);

#endif
