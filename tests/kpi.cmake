# SPDX-License-Identifier: EUPL-1.2
# The built-in KPI catalog (catalog/kpis.json) is valid against its published JSON Schema
# (catalog/kpi-definition.schema.json), checked with Python's jsonschema.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND)
  add_test(NAME kpi.catalog_schema
           COMMAND ${Python3_EXECUTABLE} -c
                   "import json, sys, jsonschema; s = json.load(open(sys.argv[1])); d = json.load(open(sys.argv[2])); jsonschema.Draft202012Validator.check_schema(s); jsonschema.validate(d, s, cls=jsonschema.Draft202012Validator); print('valid:', len(d['kpis']), 'definitions')"
                   ${PROJECT_SOURCE_DIR}/catalog/kpi-definition.schema.json
                   ${PROJECT_SOURCE_DIR}/catalog/kpis.json)
endif()
