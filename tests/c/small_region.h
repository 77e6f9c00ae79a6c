/* SPDX-License-Identifier: EUPL-1.2 */
/* A region of four pupils whose numbers are known by hand, built through the appender. */
#ifndef PASSEND_TEST_SMALL_REGION_H
#define PASSEND_TEST_SMALL_REGION_H

#include "check.h"

/* At teldatum 2022-10-01: p1 in S1 (bao, PO3104), p2 in S2 (sbo, PO3104) after a move from S1
 * on 2022-08-01 (a verwijzing into sbo), p3 in S3 (bao, PO3105), p4 in S2 (sbo). Exported on
 * 31 July 2023 (the as_of load option): 2022-2023 is a whole year. */
static passend_dataset* small_region(void) {
    static const char* schools[][6] = {{"S1", "De Linde", "B1", "PO3104", "bao", "GM0935"},
                                       {"S2", "SBO Het Anker", "B1", "PO3104", "sbo", "GM0935"},
                                       {"S3", "De Es", "B2", "PO3105", "bao", "GM0917"}};
    static const char* pupils[][2] = {
        {"p1", "2015-03-14"}, {"p2", "2014-06-01"}, {"p3", "2016-01-20"}, {"p4", "2014-11-11"}};
    static const char* enrolments[][4] = {{"p1", "S1", "2021-08-01", ""},
                                          {"p2", "S1", "2020-08-01", "2022-07-31"},
                                          {"p2", "S2", "2022-08-01", ""},
                                          {"p3", "S3", "2022-08-01", ""},
                                          {"p4", "S2", "2022-09-01", ""}};
    static const char* school_cols[] = {"school_id", "name",    "board_id",
                                        "swv_id",    "setting", "municipality"};
    static const char* pupil_cols[] = {"pupil_id", "birth_date"};
    static const char* enrolment_cols[] = {"pupil_id", "school_id", "start_date", "end_date"};
    passend_appender* app = NULL;
    passend_dataset* ds = NULL;
    passend_load_options options = PASSEND_LOAD_OPTIONS_INIT;
    options.as_of = "2023-07-31";
    CHECK_STATUS(passend_appender_create(&options, &app), PASSEND_OK);
    CHECK_STATUS(passend_appender_begin_table(app, "schools", school_cols, 6), PASSEND_OK);
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 6; ++c) passend_appender_append_text(app, schools[r][c]);
        CHECK_STATUS(passend_appender_end_row(app), PASSEND_OK);
    }
    CHECK_STATUS(passend_appender_begin_table(app, "pupils", pupil_cols, 2), PASSEND_OK);
    for (int r = 0; r < 4; ++r) {
        for (int c = 0; c < 2; ++c) passend_appender_append_text(app, pupils[r][c]);
        CHECK_STATUS(passend_appender_end_row(app), PASSEND_OK);
    }
    CHECK_STATUS(passend_appender_begin_table(app, "enrolments", enrolment_cols, 4), PASSEND_OK);
    for (int r = 0; r < 5; ++r) {
        for (int c = 0; c < 4; ++c) passend_appender_append_text(app, enrolments[r][c]);
        CHECK_STATUS(passend_appender_end_row(app), PASSEND_OK);
    }
    CHECK_STATUS(passend_appender_finish(app, &ds, NULL), PASSEND_OK);
    passend_appender_free(&app);
    return ds;
}

#endif
