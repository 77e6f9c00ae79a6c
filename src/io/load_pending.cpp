// TEMPORARY: placeholders until the loaders land (issue 3); each throws so nothing pretends.
#include "passend/load.hpp"

PASSEND_NAMESPACE_BEGIN
load_result load_folder(const std::filesystem::path&, const load_options&, const progress_fn&) {
    throw error("load_folder: not implemented yet");
}
load_result load_json(std::string_view, std::string, const load_options&) {
    throw error("load_json: not implemented yet");
}
load_result load_json_file(const std::filesystem::path&, const load_options&) {
    throw error("load_json_file: not implemented yet");
}
void write_folder(const dataset&, const std::filesystem::path&) {
    throw error("write_folder: not implemented yet");
}
std::string to_json(const dataset&) {
    throw error("to_json: not implemented yet");
}
PASSEND_NAMESPACE_END
