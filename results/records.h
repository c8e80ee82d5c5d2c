// Score records: plain structs that travel in signed bundles.
#pragma once
