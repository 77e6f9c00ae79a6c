#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# `passend import`: round trips on hand-made UWLR and OSO fixtures compared byte for byte with
# hand-checked contract CSVs and validated, the privacy grep, pseudonyms that are stable across
# files and formats and change with the secret, and located errors that leave nothing written.
# Usage: import_cli.sh PASSEND DATA_DIR (DATA_DIR: tests/data/import)
set -euo pipefail
passend=$1
cd "$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

uwlr_files=(uwlr/10AA_2023-2024.xml uwlr/10AA_2024-2025.xml uwlr/30CC_2024-2025.xml)
oso_files=(oso/poswv_full.xml oso/voswv_full.xml oso/poswv_opt_out.xml oso/voswv_opt_out.xml)

# 1. Round trips: exactly the expected folders, and valid contract folders.
"$passend" import uwlr "${uwlr_files[@]}" --schools uwlr/schools.csv --secret-file secret.txt \
  --out "$work/uwlr" 2>"$work/uwlr.log" || fail "uwlr import: $(cat "$work/uwlr.log")"
"$passend" import oso "${oso_files[@]}" --secret-file secret.txt \
  --out "$work/oso" 2>"$work/oso.log" || fail "oso import: $(cat "$work/oso.log")"
diff -r expected/uwlr "$work/uwlr" || fail "uwlr output differs from expected/uwlr"
diff -r expected/oso "$work/oso" || fail "oso output differs from expected/oso"
"$passend" validate "$work/uwlr" >"$work/v1" || fail "uwlr output not valid: $(cat "$work/v1")"
"$passend" validate "$work/oso" >"$work/v2" || fail "oso output not valid: $(cat "$work/v2")"
grep -q "valid: 3 schools, 6 pupils, 7 enrolments" "$work/v1" || fail "uwlr counts: $(cat "$work/v1")"
grep -q "valid: 5 schools, 3 pupils, 5 enrolments" "$work/v2" || fail "oso counts: $(cat "$work/v2")"

# 2. Privacy: no personal value of the inputs in any output file nor in what was logged.
while IFS= read -r value; do
  [ -z "$value" ] && continue
  if grep -rlF -- "$value" "$work/uwlr" "$work/oso" "$work/uwlr.log" "$work/oso.log"; then
    fail "personal value '$value' was written"
  fi
done < personal_values.txt

# 3. Pseudonyms: HMAC-SHA-256 of the key under the secret (checked with Python's hmac, an
# implementation independent of OpenSSL), the same pupil in two files and in both formats.
expect=$(python3 -c 'import hmac,hashlib,sys
k=open("secret.txt","rb").read().rstrip(b"\n")
print("p-"+hmac.new(k,sys.argv[1].encode(),hashlib.sha256).hexdigest()[:20])' bsn:111222333)
# Every id of the outputs is the HMAC of the key the rules name (docs/import.md).
ids_of() { # KEY... -> the pseudonyms, sorted
  python3 -c 'import hmac,hashlib,sys
k=open("secret.txt","rb").read().rstrip(b"\n")
for key in sys.argv[1:]:
  kind, text = key.split("=", 1)
  print(kind+hmac.new(k,text.encode(),hashlib.sha256).hexdigest()[:20])' "$@" | sort
}
column_ids() { tail -n +2 "$1" | cut -d, -f1 | sort -u; }
[ "$(column_ids "$work/uwlr/pupils.csv")" = "$(ids_of p-=bsn:111222333 p-=onderwijsnummer:102030405 \
  p-=bsn:777888999 p-=bsn:444555666 p-=bsn:123123123 p-=bsn:321321321)" ] || fail "uwlr pupil ids"
[ "$(column_ids "$work/oso/pupils.csv")" = "$(ids_of p-=bsn:555666777 p-=school:40DD:LL-4471 \
  p-=onderwijsnummer:102030405)" ] || fail "oso pupil ids"
[ "$(column_ids "$work/oso/tlvs.csv")" = "$(ids_of t-=PO3104:TLV-2019-0042 t-=PO3104:TLV-2022-0107 \
  t-=VO3105:VSO-2024-0008)" ] || fail "oso tlv ids"
[ "$(column_ids "$work/oso/arrangements.csv")" = "$(ids_of a-=arrangement:ARR-2023-015)" ] \
  || fail "oso arrangement ids"
[ "$(grep -c "^$expect," "$work/uwlr/pupils.csv")" = 1 ] \
  || fail "Sanne (in both 10AA exports) is not the one pupil $expect"
daan_uwlr=$(grep ',10AA00,2015-08-17,' "$work/uwlr/enrolments.csv" | cut -d, -f1)
daan_oso=$(grep ',50EE01,' "$work/oso/enrolments.csv" | cut -d, -f1)
[ -n "$daan_uwlr" ] && [ "$daan_uwlr" = "$daan_oso" ] \
  || fail "the same onderwijsnummer gave $daan_uwlr (UWLR) and $daan_oso (OSO)"
"$passend" import uwlr "${uwlr_files[@]}" --schools uwlr/schools.csv \
  --secret-file secret_other.txt --out "$work/other" 2>/dev/null || fail "import with another secret"
cut -d, -f1 "$work/uwlr/pupils.csv" | tail -n +2 | sort >"$work/ids1"
cut -d, -f1 "$work/other/pupils.csv" | tail -n +2 | sort >"$work/ids2"
[ "$(wc -l <"$work/ids2")" = 6 ] || fail "another secret: not 6 pupils"
[ -z "$(comm -12 "$work/ids1" "$work/ids2")" ] || fail "another secret gave the same ids"

# 4. Errors: located (file:line:column: error: /element/path: ...), exit 1, nothing written.
expect_error() { # FORMAT EXPECTED-LINE ARGS...
  local format=$1 line=$2
  shift 2
  if "$passend" import "$format" "$@" --secret-file secret.txt --out "$work/bad" 2>"$work/err"; then
    fail "import $* succeeded"
  fi
  grep -qxF -- "$line" "$work/err" || fail "import $*: expected '$line', got: $(cat "$work/err")"
  [ ! -e "$work/bad" ] || fail "import $* left $work/bad behind"
  ! ls -a "$work" | grep -q '^\.bad\.' || fail "import $* left a temporary folder"
}
s=(--schools uwlr/schools.csv)
expect_error uwlr "errors/malformed.xml:11:7: error: not well-formed XML: Start-end tags mismatch" \
  errors/malformed.xml "${s[@]}"
expect_error uwlr "errors/truncated.xml:18:17: error: not well-formed XML: Error parsing start element tag (the file ends too early)" \
  errors/truncated.xml "${s[@]}"
expect_error uwlr "errors/wrong_namespace.xml:2:1: error: /leerlinggegevens: namespace 'http://example.org/some/other/leerlinggegevens' is not the expected http://www.edustandaard.nl/leerresultaten/2/leerlinggegevens" \
  errors/wrong_namespace.xml "${s[@]}"
expect_error oso "errors/other_version.xml:2:1: error: /dossier: namespace http://www.edustandaard.nl/oso_gegevensset/2018/dossier is version 2018; passend reads version 2019 (http://www.edustandaard.nl/oso_gegevensset/2019/dossier)" \
  errors/other_version.xml
expect_error oso "errors/missing_element.xml:12:3: error: /dossier/huidigeschool: required element <brincode> is missing" \
  errors/missing_element.xml
expect_error oso "oso/poswv_full.xml: error: is larger than 0 bytes (the limit for a file read whole)" \
  oso/poswv_full.xml --max-size 0
expect_error uwlr "uwlr/30CC_2024-2025.xml:11:5: error: pupil p-8eb29e6cd9988e21aa65 is enrolled at 30CC00-so from 2024-09-02 to open here and at 10AA00 from 2019-08-19 to open at errors/conflict_10AA.xml:8:5 (/leerlinggegevens/leerlingen/leerling): two schools on the same days" \
  errors/conflict_10AA.xml uwlr/30CC_2024-2025.xml "${s[@]}"
# With a schools table every school must be in it.
expect_error oso "oso/voswv_opt_out.xml:16:3: error: /dossier/huidigeschool: school 50EE01 is not in the schools table uwlr/schools.csv" \
  oso/voswv_opt_out.xml --schools uwlr/schools.csv
# A builder rule broken by an imported row is located in the export: a pupil aged 1.
sed 's/2018-09-01/2023-09-01/' uwlr/10AA_2024-2025.xml >"$work/baby.xml"
"$passend" import uwlr "$work/baby.xml" "${s[@]}" --secret-file secret.txt --out "$work/bad" \
  2>"$work/err" && fail "a pupil aged 1 was accepted"
grep -q "^$work/baby.xml:19:7: error: /leerlinggegevens_antwoord/leerlinggegevens/leerlingen/leerling\[2\]: " "$work/err" \
  || fail "the age error is not located in the export: $(cat "$work/err")"
# A file that is fine next to a broken one: still nothing written.
expect_error oso "errors/missing_element.xml:12:3: error: /dossier/huidigeschool: required element <brincode> is missing" \
  oso/poswv_full.xml errors/missing_element.xml
# No secret, no import; UWLR needs the schools table.
printf 'short\n' >"$work/short"
! "$passend" import oso oso/poswv_full.xml --secret-file "$work/short" --out "$work/bad" 2>"$work/err" \
  || fail "a 5-byte secret was accepted"
grep -q "pseudonyms need at least 16" "$work/err" || fail "short secret: $(cat "$work/err")"
! "$passend" import uwlr uwlr/10AA_2024-2025.xml --secret-file secret.txt --out "$work/bad" 2>"$work/err" \
  || fail "uwlr without --schools was accepted"
grep -q "schools table (--schools) is required" "$work/err" || fail "no schools: $(cat "$work/err")"
[ ! -e "$work/bad" ] || fail "a refused import left $work/bad"
echo "import: all checks passed"
