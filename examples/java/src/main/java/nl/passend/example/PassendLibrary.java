// SPDX-License-Identifier: EUPL-1.2
package nl.passend.example;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.DoubleByReference;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/** The functions of passend.h this example uses, mapped by JNA (handles are Pointers). */
public interface PassendLibrary extends Library {
    PassendLibrary INSTANCE = Native.load("passend_c", PassendLibrary.class);

    int ABI_VERSION = 1; // PASSEND_ABI_VERSION of the header this follows
    int OK = 0;
    int NOT_FOUND = 4;
    int HIDDEN_NUMERATOR = 1, HIDDEN_DENOMINATOR = 2, HIDDEN_VALUE = 4;

    /** passend_evaluate_options, version 1. */
    @Structure.FieldOrder({"version", "year", "units", "levels", "kpis", "schoolgaand", "suppress", "threads"})
    class EvaluateOptions extends Structure {
        public int version = 1;
        public int year;
        public String units;
        public String levels;
        public String kpis;
        public int schoolgaand;
        public int suppress = 1;
        public int threads;
    }

    String passend_version();
    int passend_abi_version();
    int passend_check_abi(int abiVersion);
    String passend_errstr(int status);
    String passend_last_error();

    int passend_dataset_open_folder(String path, Pointer options, PointerByReference dataset,
                                    PointerByReference diagnostics);
    int passend_dataset_open_demo(Pointer options, PointerByReference dataset);
    int passend_dataset_school_years(Pointer dataset, IntByReference first, IntByReference last);
    void passend_dataset_free(PointerByReference dataset);

    int passend_evaluate(Pointer dataset, Pointer catalog, EvaluateOptions options,
                         PointerByReference result);
    long passend_result_count(Pointer result); // size_t: 64 bits on the platforms passend runs on
    int passend_result_row(Pointer result, long index, PointerByReference kpi, IntByReference year,
                           PointerByReference level, PointerByReference unit,
                           DoubleByReference numerator, DoubleByReference denominator,
                           DoubleByReference value, PointerByReference status,
                           IntByReference suppressed);
    void passend_result_free(PointerByReference result);
}
