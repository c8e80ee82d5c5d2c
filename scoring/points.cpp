#include "scoring/points.h"
