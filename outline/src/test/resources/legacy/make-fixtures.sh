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
#   sample-2022-libreoffice.pdf         the sample printed by LibreOffice (justified, indented, header, 第n页 共m页)
#   sample-2022-libreoffice-two-columns.pdf   the same set in two columns on every page
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
# the sample as LibreOffice prints it: justified, first-line indent, a page header and 第n页 共m页 in the footer
python3 - "$work/sample-2022.txt" "$work/sample-2022-libreoffice.fodt" <<'PY'
import sys
from xml.sax.saxutils import escape
lines = [l.strip() for l in open(sys.argv[1], encoding='utf-8') if l.strip()]
body = '\n'.join('<text:p text:style-name="%s">%s</text:p>' % ('Title' if i == 0 else 'Body', escape(l))
                 for i, l in enumerate(lines))
document = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="WenQuanYi Micro Hei" svg:font-family="'WenQuanYi Micro Hei'"/></office:font-face-decls>
<office:styles>
<style:style style:name="Standard" style:family="paragraph"><style:text-properties style:font-name="WenQuanYi Micro Hei" style:font-name-asian="WenQuanYi Micro Hei" fo:font-size="12pt" style:font-size-asian="12pt"/></style:style>
<style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-indent="24pt" fo:text-align="justify" fo:line-height="150%"/></style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="12pt"/><style:text-properties fo:font-size="16pt" style:font-size-asian="16pt"/></style:style>
<style:style style:name="Furniture" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.6cm" fo:margin-right="2.6cm"/><style:header-style/><style:footer-style/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p text:style-name="Furniture">XX局文件（内部）</text:p></style:header>
<style:footer><text:p text:style-name="Furniture">第<text:page-number text:select-page="current"/>页 共<text:page-count/>页</text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
BODY
</office:text></office:body></office:document>
"""
open(sys.argv[2], 'w', encoding='utf-8').write(document.replace('BODY', body))
PY
soffice --headless --norestore -env:UserInstallation=file://$work/profile \
    --convert-to pdf --outdir "$work" sample-2022-libreoffice.fodt >/dev/null
cp sample-2022-libreoffice.pdf "$here/sample-2022-libreoffice.pdf"
# the same in two columns (0.8 cm gutter) on every page
sed 's#fo:margin-right="2.6cm"/>#fo:margin-right="2.6cm"><style:columns fo:column-count="2" fo:column-gap="0.8cm"/></style:page-layout-properties>#' \
    sample-2022-libreoffice.fodt > sample-2022-libreoffice-two-columns.fodt
soffice --headless --norestore -env:UserInstallation=file://$work/profile \
    --convert-to pdf --outdir "$work" sample-2022-libreoffice-two-columns.fodt >/dev/null
cp sample-2022-libreoffice-two-columns.pdf "$here/sample-2022-libreoffice-two-columns.pdf"
ls -l "$here"/*.doc "$here"/*.wps "$here"/*.pdf
