#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# The licence and the metadata: LICENSE is the EUPL v1.2, which README and
# the man page name; publiccode.yml (the Standard for Public Code) has the
# keys its version requires, the same licence, and the latest release of
# CHANGELOG.md as its version and date.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
status=- out= err=

last="LICENSE"
head -n 2 LICENSE | grep -q 'EUROPEAN UNION PUBLIC LICENCE v. 1.2' || fail_check "LICENSE is not the EUPL v1.2"
for article in "1. Definitions" "5. Obligations of the Licensee" "15. Applicable Law" "Appendix"; do
	grep -qx "$article" LICENSE || fail_check "LICENSE lacks '$article'"
done
grep -q 'EUPL-1.2' README.md || { last=README.md; fail_check "README does not name the licence"; }
grep -q 'EUPL' man/opname.1 || { last=man/opname.1; fail_check "the man page does not name the licence"; }

last="publiccode.yml"
release=$(sed -n 's/^## \[\([0-9][^]]*\)\] - \([0-9-]*\)$/\1 \2/p' CHANGELOG.md | head -n 1)
out=$(python3 - "$release" <<'PY'
import sys, yaml
version, date = sys.argv[1].split()
p = yaml.safe_load(open("publiccode.yml", encoding="utf-8"))
need = ["publiccodeYmlVersion", "name", "url", "platforms", "categories",
        "developmentStatus", "softwareType", "description", "legal",
        "maintenance", "localisation"]
missing = [k for k in need if k not in p]
assert not missing, "missing: %s" % missing
assert p["legal"]["license"] == "EUPL-1.2", p["legal"]
assert p["softwareVersion"] == version, (p["softwareVersion"], version)
assert str(p["releaseDate"]) == date, (p["releaseDate"], date)
for lang in ("nl", "en"):
    d = p["description"][lang]
    assert len(d["shortDescription"]) <= 150, (lang, len(d["shortDescription"]))
    assert d["longDescription"] and d["features"], lang
assert set(p["localisation"]["availableLanguages"]) == {"nl", "en"}
PY
)
status=$?
expect_status 0

finish
