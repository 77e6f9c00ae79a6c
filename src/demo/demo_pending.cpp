// TEMPORARY: placeholder until the demo generator lands (issue 3).
#include "passend/demo.hpp"
#include "passend/error.hpp"

PASSEND_NAMESPACE_BEGIN
demo_options demo_options::national() {
    throw error("demo_options::national: not implemented yet");
}
dataset_ptr make_demo(const demo_options&, const progress_fn&) {
    throw error("make_demo: not implemented yet");
}
PASSEND_NAMESPACE_END
