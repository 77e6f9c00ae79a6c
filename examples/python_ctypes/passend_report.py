# SPDX-License-Identifier: EUPL-1.2
"""passend from Python through ctypes alone (no compiled binding): the C example, line for line.

    python3 passend_report.py LIBPASSEND_C [DATA_DIR]

Loads libpassend_c, opens the demo region (or DATA_DIR), prints three KPIs for the last school
year nationally and per partnership, and shows how a bad folder is handled.
"""

import ctypes as C
import math
import sys

ABI_VERSION = 1  # PASSEND_ABI_VERSION of the passend.h this script follows
OK, NOT_FOUND = 0, 4
HIDDEN_NUMERATOR, HIDDEN_DENOMINATOR, HIDDEN_VALUE = 1, 2, 4


class EvaluateOptions(C.Structure):
    """passend_evaluate_options (version 1)."""

    _fields_ = [
        ("version", C.c_uint),
        ("year", C.c_int32),
        ("units", C.c_char_p),
        ("levels", C.c_char_p),
        ("kpis", C.c_char_p),
        ("schoolgaand", C.c_int),
        ("suppress", C.c_int),
        ("threads", C.c_uint),
    ]


def load(path):
    lib = C.CDLL(path)
    handle = C.c_void_p
    out = C.POINTER(C.c_void_p)
    sigs = {
        "passend_version": (C.c_char_p, []),
        "passend_abi_version": (C.c_int, []),
        "passend_check_abi": (C.c_int, [C.c_int]),
        "passend_errstr": (C.c_char_p, [C.c_int]),
        "passend_last_error": (C.c_char_p, []),
        "passend_dataset_open_folder": (C.c_int, [C.c_char_p, C.c_void_p, out, out]),
        "passend_dataset_open_demo": (C.c_int, [C.c_void_p, out]),
        "passend_dataset_school_years": (
            C.c_int, [handle, C.POINTER(C.c_int32), C.POINTER(C.c_int32)]),
        "passend_dataset_free": (None, [out]),
        "passend_evaluate": (C.c_int, [handle, handle, C.POINTER(EvaluateOptions), out]),
        "passend_result_count": (C.c_size_t, [handle]),
        "passend_result_row": (C.c_int, [
            handle, C.c_size_t, C.POINTER(C.c_char_p), C.POINTER(C.c_int32),
            C.POINTER(C.c_char_p), C.POINTER(C.c_char_p), C.POINTER(C.c_double),
            C.POINTER(C.c_double), C.POINTER(C.c_double), C.POINTER(C.c_char_p),
            C.POINTER(C.c_uint32)]),
        "passend_result_free": (None, [out]),
    }
    for name, (restype, argtypes) in sigs.items():
        fn = getattr(lib, name)
        fn.restype, fn.argtypes = restype, argtypes
    return lib


def number(v, hidden, decimals):
    """As the C example prints it: x when suppressed, - when absent."""
    if hidden:
        return "x"
    if math.isnan(v):
        return "-"
    return f"{v:.{decimals}f}"


def main(argv):
    lib = load(argv[1])

    def fail(what, status):
        print(f"{what}: {lib.passend_errstr(status).decode()}: "
              f"{lib.passend_last_error().decode()}", file=sys.stderr)
        return 1

    if lib.passend_check_abi(ABI_VERSION) != OK:
        return fail("passend", lib.passend_check_abi(ABI_VERSION))
    print(f"passend {lib.passend_version().decode()} (ABI {lib.passend_abi_version()})")

    data = C.c_void_p()
    s = lib.passend_dataset_open_folder(b"/no/such/folder", None, C.byref(data), None)
    print(f"bad folder: {lib.passend_errstr(s).decode()}: {lib.passend_last_error().decode()}")
    if s != NOT_FOUND:
        return 1

    if len(argv) > 2:
        s = lib.passend_dataset_open_folder(argv[2].encode(), None, C.byref(data), None)
    else:
        s = lib.passend_dataset_open_demo(None, C.byref(data))
    if s != OK:
        return fail("open", s)
    first, last = C.c_int32(), C.c_int32()
    if (s := lib.passend_dataset_school_years(data, C.byref(first), C.byref(last))) != OK:
        return fail("years", s)

    options = EvaluateOptions(1, last.value, None, b"swv",
                              b"leerlingen_totaal,deelname_sbo,deelname_so", 0, 1, 0)
    result = C.c_void_p()
    if (s := lib.passend_evaluate(data, None, C.byref(options), C.byref(result))) != OK:
        return fail("evaluate", s)
    count = lib.passend_result_count(result)
    print(f"school year {last.value}-{last.value + 1}: {count} rows")
    kpi, unit, status = C.c_char_p(), C.c_char_p(), C.c_char_p()
    year, hidden = C.c_int32(), C.c_uint32()
    num, den, value = C.c_double(), C.c_double(), C.c_double()
    for i in range(count):
        lib.passend_result_row(result, i, C.byref(kpi), C.byref(year), None, C.byref(unit),
                               C.byref(num), C.byref(den), C.byref(value), None,
                               C.byref(hidden))
        h = hidden.value
        print(f"KPI {kpi.value.decode()} {year.value}-{year.value + 1} {unit.value.decode()} "
              f"{number(num.value, h & HIDDEN_NUMERATOR, 0)} "
              f"{number(den.value, h & HIDDEN_DENOMINATOR, 0)} "
              f"{number(value.value, h & HIDDEN_VALUE, 2)}")
    lib.passend_result_free(C.byref(result))
    lib.passend_dataset_free(C.byref(data))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
