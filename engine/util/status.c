/* Status strings and the library version. */
#include <solieu/common.h>

const char *solieu_strerror(int status)
{
    switch ((solieu_status)status) {
    case SOLIEU_OK: return "success";
    case SOLIEU_ERR_NOMEM: return "out of memory";
    case SOLIEU_ERR_IO: return "input/output error";
    case SOLIEU_ERR_UTF8: return "invalid UTF-8";
    case SOLIEU_ERR_EMPTY: return "empty document";
    case SOLIEU_ERR_BINARY: return "binary file, not text";
    case SOLIEU_ERR_TOO_BIG: return "input exceeds the size limit";
    case SOLIEU_ERR_RULE: return "malformed rule file";
    case SOLIEU_ERR_REGEX: return "rule pattern does not compile";
    case SOLIEU_ERR_MATCH_LIMIT: return "regular expression hit its match limit";
    case SOLIEU_ERR_CSV: return "malformed CSV";
    case SOLIEU_ERR_USAGE: return "invalid arguments";
    case SOLIEU_ERR_MATH: return "statistic could not be computed";
    case SOLIEU_ERR_INTERNAL: return "internal error";
    }
    return "unknown status";
}

const char *solieu_version(void)
{
    return SOLIEU_VERSION_STRING;
}
