/* Placeholder until this command lands. */
#include <stdio.h>

#include "commands.h"

int solieu_cmd_run(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("solieu: run is not built yet\n", stderr);
    return SOLIEU_EXIT_FATAL;
}
