#include <stdio.h>
#include "commands.h"
int solieu_cmd_check(int argc, char **argv) { (void)argc; (void)argv; fputs("solieu: check: not built yet\n", stderr); return SOLIEU_EXIT_FATAL; }
