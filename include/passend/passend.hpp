// passend: the whole public C++ API in one include.
#pragma once

#include "passend/attribution.hpp"
#include "passend/builder.hpp"
#include "passend/calendar.hpp"
#include "passend/continuum.hpp"
#include "passend/dataset.hpp"
#include "passend/demo.hpp"
#include "passend/error.hpp"
#include "passend/ids.hpp"
#include "passend/load.hpp"
#include "passend/progress.hpp"
#include "passend/schema.hpp"
#include "passend/transitions.hpp"
#include "passend/version.hpp"
