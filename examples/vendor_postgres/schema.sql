-- SPDX-License-Identifier: EUPL-1.2
-- The input contract's tables as a student administration system might hold them in
-- PostgreSQL: typed columns (dates, integers, numerics), NULL for an absent value.
CREATE TABLE swvs (swv_id text PRIMARY KEY, name text, sector text NOT NULL);
CREATE TABLE boards (board_id text PRIMARY KEY, name text);
CREATE TABLE schools (school_id text PRIMARY KEY, name text, board_id text NOT NULL,
                      swv_id text NOT NULL, setting text NOT NULL, municipality text);
CREATE TABLE pupils (pupil_id text PRIMARY KEY, birth_date date NOT NULL, municipality text);
CREATE TABLE regions (municipality text NOT NULL, swv_id text NOT NULL);
CREATE TABLE enrolments (pupil_id text NOT NULL, school_id text NOT NULL, start_date date NOT NULL,
                         end_date date, grade integer, exit text);
CREATE TABLE tlvs (tlv_id text PRIMARY KEY, pupil_id text NOT NULL, swv_id text NOT NULL,
                   setting text NOT NULL, category text, request_date date,
                   decision_date date, outcome text, start_date date, end_date date,
                   objection text, complete_date date); -- no decision: an open request (1.1)
CREATE TABLE arrangements (arrangement_id text PRIMARY KEY, pupil_id text, school_id text NOT NULL,
                           level integer NOT NULL, kind text NOT NULL, start_date date NOT NULL,
                           end_date date, cost_eur numeric(14, 2), domain text);
CREATE TABLE opps (pupil_id text NOT NULL, school_id text NOT NULL, start_date date NOT NULL,
                   end_date date);
CREATE TABLE absences (pupil_id text NOT NULL, kind text NOT NULL, start_date date NOT NULL,
                       end_date date, article text);
CREATE TABLE funds (school_year text NOT NULL, swv_id text NOT NULL, board_id text NOT NULL,
                    stream text NOT NULL, amount_eur numeric(14, 2) NOT NULL);
CREATE TABLE allocations (school_year text NOT NULL, board_id text NOT NULL, purpose text NOT NULL,
                          amount_eur numeric(14, 2) NOT NULL, school_id text, kpi_id text);
CREATE TABLE assessments (school_year text NOT NULL, unit_id text NOT NULL, framework text NOT NULL,
                          item text NOT NULL, score text NOT NULL);
-- The day the data were exported (contract 1.1): one row.
CREATE TABLE extract (extract_date date NOT NULL, source text);
-- Funding amounts per so/vso pupil and category, and published figures (contract 1.1).
CREATE TABLE rates (school_year text NOT NULL, setting text NOT NULL, category text NOT NULL,
                    amount_eur numeric(14, 2) NOT NULL);
CREATE TABLE reference_values (kpi text NOT NULL, school_year text NOT NULL, value numeric NOT NULL,
                               source text NOT NULL);
CREATE TABLE support_offers (school_id text NOT NULL, school_year text NOT NULL, domain text NOT NULL,
                             level integer NOT NULL, places integer, tariff_eur numeric(14, 2));
CREATE TABLE finances (year integer NOT NULL, swv_id text NOT NULL, income_eur numeric(14, 2) NOT NULL,
                       reserves_eur numeric(14, 2) NOT NULL);
