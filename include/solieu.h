/* solieu: Vietnamese party and government reports into checked statistics.
 * The umbrella header; see include/solieu/ for each stage. */
#ifndef SOLIEU_H
#define SOLIEU_H

#include "solieu/common.h"
#include "solieu/limits.h"
#include "solieu/csv.h"
#include "solieu/number.h"
#include "solieu/document.h"
#include "solieu/rules.h"
#include "solieu/extract.h"
#include "solieu/check.h"
#include "solieu/aggregate.h"
#include "solieu/bench.h"
#include "solieu/batch.h"

#endif
