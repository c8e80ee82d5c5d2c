#include "question_bank/bank.h"
