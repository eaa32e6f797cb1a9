#!/bin/sh
# Makes the Word 97-2003 (.doc) and WPS (.wps) fixtures of the outline tests from committed sources.
# HWPF cannot write a .doc from nothing, so LibreOffice does it once; the binaries are committed beside this
# script, which is the tool that made them. Run it from anywhere after
#   apt-get install -y --no-install-recommends libreoffice-writer-nogui
# Fixtures made here:
#   sample-2022.doc                     the sample outline (../outlines/sample-2022.txt), one paragraph per line
#   sample-2022-ole-word.wps            the same OLE Word document under the .wps name WPS Office gives it
#   2021-ziranziyuan-ju-styled.doc      2021-ziranziyuan-ju-styled.html: heading styles, a table
# Encrypted documents are not made here: the tests encrypt these with POI at run time.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/../outlines/sample-2022.txt" "$work/sample-2022.txt"
cp "$here/2021-ziranziyuan-ju-styled.html" "$work/"
cd "$work"
soffice --headless --norestore -env:UserInstallation=file://$work/profile \
    --infilter='Text (encoded):UTF8,LF,,,' --convert-to 'doc:MS Word 97' --outdir "$work" sample-2022.txt >/dev/null
soffice --headless --norestore -env:UserInstallation=file://$work/profile \
    --infilter='HTML (StarWriter)' --convert-to 'doc:MS Word 97' --outdir "$work" 2021-ziranziyuan-ju-styled.html >/dev/null
cp sample-2022.doc "$here/sample-2022.doc"
cp sample-2022.doc "$here/sample-2022-ole-word.wps"
cp 2021-ziranziyuan-ju-styled.doc "$here/2021-ziranziyuan-ju-styled.doc"
ls -l "$here"/*.doc "$here"/*.wps
