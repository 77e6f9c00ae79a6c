// SPDX-License-Identifier: EUPL-1.2
package nl.passend.example;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.DoubleByReference;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * passend from Java: the C example, line for line. Opens the demo region (or the folder given),
 * prints three KPIs for the last school year nationally and per partnership, and shows how a
 * bad folder is handled. Run with -Djna.library.path=DIR_OF_libpassend_c.
 */
public final class PassendReport {
    private static final PassendLibrary P = PassendLibrary.INSTANCE;

    /** As the C example prints it: x when suppressed, - when absent; rounding as C's printf. */
    static String number(double v, boolean hidden, int decimals) {
        if (hidden) return "x";
        if (Double.isNaN(v)) return "-";
        return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    static int fail(String what, int status) {
        System.err.println(what + ": " + P.passend_errstr(status) + ": " + P.passend_last_error());
        return 1;
    }

    static int run(String[] args) {
        int s = P.passend_check_abi(PassendLibrary.ABI_VERSION);
        if (s != PassendLibrary.OK) return fail("passend", s);
        System.out.println("passend " + P.passend_version() + " (ABI " + P.passend_abi_version() + ")");

        PointerByReference data = new PointerByReference();
        s = P.passend_dataset_open_folder("/no/such/folder", null, data, null);
        System.out.println("bad folder: " + P.passend_errstr(s) + ": " + P.passend_last_error());
        if (s != PassendLibrary.NOT_FOUND) return 1;

        s = args.length > 0 ? P.passend_dataset_open_folder(args[0], null, data, null)
                            : P.passend_dataset_open_demo(null, data);
        if (s != PassendLibrary.OK) return fail("open", s);
        Pointer dataset = data.getValue();
        IntByReference first = new IntByReference(), last = new IntByReference();
        s = P.passend_dataset_school_years(dataset, first, last);
        if (s != PassendLibrary.OK) return fail("years", s);

        PassendLibrary.EvaluateOptions options = new PassendLibrary.EvaluateOptions();
        options.year = last.getValue();
        options.levels = "swv";
        options.kpis = "leerlingen_totaal,deelname_sbo,deelname_so";
        PointerByReference res = new PointerByReference();
        s = P.passend_evaluate(dataset, null, options, res);
        if (s != PassendLibrary.OK) return fail("evaluate", s);
        Pointer result = res.getValue();
        long count = P.passend_result_count(result);
        System.out.println("school year " + last.getValue() + "-" + (last.getValue() + 1) + ": " + count + " rows");

        PointerByReference kpi = new PointerByReference(), unit = new PointerByReference();
        IntByReference year = new IntByReference(), hidden = new IntByReference();
        DoubleByReference num = new DoubleByReference(), den = new DoubleByReference(),
                          value = new DoubleByReference();
        for (long i = 0; i < count; ++i) {
            P.passend_result_row(result, i, kpi, year, null, unit, num, den, value, null, hidden);
            int h = hidden.getValue();
            System.out.println("KPI " + kpi.getValue().getString(0, "UTF-8") + " " + year.getValue() + "-"
                               + (year.getValue() + 1) + " " + unit.getValue().getString(0, "UTF-8") + " "
                               + number(num.getValue(), (h & PassendLibrary.HIDDEN_NUMERATOR) != 0, 0) + " "
                               + number(den.getValue(), (h & PassendLibrary.HIDDEN_DENOMINATOR) != 0, 0) + " "
                               + number(value.getValue(), (h & PassendLibrary.HIDDEN_VALUE) != 0, 2));
        }
        P.passend_result_free(res);
        P.passend_dataset_free(data);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
