#!/bin/sh
# Makes the Word 97-2003 (.doc) and WPS (.wps) fixtures of the outline tests from committed sources.
# HWPF cannot write a .doc from nothing, so LibreOffice does it once; the binaries are committed beside this
# script, which is the tool that made them. Run it from anywhere after
#   apt-get install -y --no-install-recommends libreoffice-writer-nogui
# Fixtures made here:
#   sample-2022.doc                     the sample outline (../outlines/sample-2022.txt), one paragraph per line
#   sample-2022-ole-word.wps            the same OLE Word document under the .wps name WPS Office gives it
#   2021-ziranziyuan-ju-styled.doc      2021-ziranziyuan-ju-styled.html: heading styles, a table
#   2020-tongji-ju-numbered.doc         2020-tongji-ju-numbered.txt with its section numbers 一、二、… turned into
#                                       Word automatic numbering (flat ODF written by python3 below, then converted)
# Encrypted documents are not made here: the tests encrypt these with POI at run time.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/../outlines/sample-2022.txt" "$work/sample-2022.txt"
cp "$here/2021-ziranziyuan-ju-styled.html" "$work/"
cd "$work"
# the numbered outline as flat ODF: lines "一、…" in one continued list "Sections" (Chinese counting, suffix 、); the
# （一） numbers stay typed (LibreOffice's .doc export does not restart a list that starts again at （一）)
python3 - "$here/2020-tongji-ju-numbered.txt" "$work/2020-tongji-ju-numbered.fodt" <<'PY'
import re, sys
from xml.sax.saxutils import escape
lines = [l.strip() for l in open(sys.argv[1], encoding='utf-8') if l.strip()]
body = []
for line in lines:
    section = re.match(r'^[一二三四五六七八九十]+、(.*)$', line)
    if section:
        body.append('<text:list text:style-name="Sections" text:continue-numbering="true"><text:list-item>'
                    '<text:p>%s</text:p></text:list-item></text:list>' % escape(section.group(1)))
    else:
        body.append('<text:p>%s</text:p>' % escape(line))
open(sys.argv[2], 'w', encoding='utf-8').write('''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
<text:list-style style:name="Sections"><text:list-level-style-number text:level="1" style:num-format="一, 二, 三, ..." style:num-suffix="、"/></text:list-style>
</office:automatic-styles>
<office:body><office:text>
%s
</office:text></office:body></office:document>
''' % '\n'.join(body))
PY
soffice --headless --norestore -env:UserInstallation=file://$work/profile \
    --infilter='Text (encoded):UTF8,LF,,,' --convert-to 'doc:MS Word 97' --outdir "$work" sample-2022.txt >/dev/null
soffice --headless --norestore -env:UserInstallation=file://$work/profile \
    --infilter='HTML (StarWriter)' --convert-to 'doc:MS Word 97' --outdir "$work" 2021-ziranziyuan-ju-styled.html >/dev/null
cp sample-2022.doc "$here/sample-2022.doc"
cp sample-2022.doc "$here/sample-2022-ole-word.wps"
soffice --headless --norestore -env:UserInstallation=file://$work/profile \
    --convert-to 'doc:MS Word 97' --outdir "$work" 2020-tongji-ju-numbered.fodt >/dev/null
cp 2021-ziranziyuan-ju-styled.doc "$here/2021-ziranziyuan-ju-styled.doc"
cp 2020-tongji-ju-numbered.doc "$here/2020-tongji-ju-numbered.doc"
ls -l "$here"/*.doc "$here"/*.wps
