#include "results/records.h"
