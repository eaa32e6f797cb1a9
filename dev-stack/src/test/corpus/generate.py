#!/usr/bin/env python3
"""Writes ../resources/bad-input-corpus.json: every write endpoint of the gateway's API with the bad inputs of
issue 11 (item 9/10). The JSON file is the corpus (read by BadInputCorpusTest); this script only saves typing.
Edit the tables below and run it again: python3 dev-stack/src/test/corpus/generate.py"""
import json, os

# method, path (through the gateway), user, a valid-looking body with at least one string field (None: no body)
JSON_ENDPOINTS = [
    ("POST", "/api/meetings", "demo-party", {"title": "2022年度民主生活会", "year": 2022, "notice": "通知"}),
    ("POST", "/api/reports", "demo-dept", {"title": "2022年度民主生活会个人发言提纲", "year": 2022}),
    ("POST", "/api/reports/{report}/problems", "demo-dept", {"theme": "理论学习", "ordinal": 1, "statement": "问题。"}),
    ("PUT", "/api/reports/{report}/problems/{problem}", "demo-dept", {"theme": "理论学习", "ordinal": 1, "statement": "问题。"}),
    ("POST", "/api/reports/{report}/root-causes", "demo-dept", {"title": "根源", "analysis": "分析"}),
    ("PUT", "/api/reports/{report}/root-causes/{rootCause}", "demo-dept", {"title": "根源", "analysis": "分析"}),
    ("POST", "/api/reports/{report}/measures", "demo-dept", {"title": "措施", "content": "内容"}),
    ("PUT", "/api/reports/{report}/measures/{measure}", "demo-dept", {"title": "措施", "content": "内容"}),
    ("PUT", "/api/reports/{report}/clean-areas", "demo-dept", {"areas": ["廉洁自律"]}),
    ("PUT", "/api/reports/{report}/carry-over", "demo-dept", {"groups": [{"heading": "标题", "items": ["一项"]}]}),
    ("POST", "/api/reports/{report}/return", "demo-org", {"reasons": ["请补充"]}),
    ("PUT", "/api/reports/{report}/personal-matters", "demo-dept", {"text": "本人没有配备秘书。"}),
    ("POST", "/api/reports/{report}/delegations", "demo-dept", {"delegate": "demo-head"}),
    ("POST", "/api/measures/msr-corpus/assignment", "demo-dept", {"leadDepartment": "XZSPJ", "owner": "王某"}),
    ("POST", "/api/measures/msr-corpus/progress", "demo-dept", {"note": "进展"}),
    ("POST", "/api/measures/msr-corpus/completion", "demo-dept", {"summary": "完成"}),
    ("POST", "/api/measures/msr-corpus/rejection", "demo-audit", {"reason": "不合格"}),
    ("POST", "/api/measures/msr-corpus/reopening", "demo-audit", {"reason": "重新整改"}),
    ("POST", "/api/measures/msr-corpus/extension-request", "demo-dept", {"reason": "延期", "deadline": "2030-01-01"}),
    ("POST", "/api/measures/msr-corpus/supervision", "demo-audit", {"note": "督办"}),
    ("POST", "/api/directory/users", "demo-org", {"username": "corpus-user", "displayName": "语料用户",
                                                  "department": "XZSPJ", "password": "Corpus-2026-pass", "roles": ["CADRE"]}),
    ("PUT", "/api/directory/users/demo-cadre", "demo-org", {"displayName": "干部", "department": "XZSPJ", "roles": ["CADRE"]}),
    ("POST", "/api/directory/users/demo-cadre/password", "demo-org", {"password": "Corpus-2026-pass"}),
    ("POST", "/api/directory/departments", "demo-org", {"code": "CORPUS", "name": "语料局"}),
    ("PUT", "/api/directory/departments/XZSPJ", "demo-org", {"name": "行政审批局"}),
    ("POST", "/api/directory/grants/grt-corpus/reject", "demo-party", {"reason": "不同意"}),
    ("POST", "/api/auth/login", None, {"username": "demo-dept", "password": "demo"}),
    ("POST", "/api/auth/refresh", None, {"refreshToken": "not-a-token"}),
    ("POST", "/api/auth/logout", None, {"refreshToken": "not-a-token"}),
]

BODYLESS_ENDPOINTS = [
    ("DELETE", "/api/reports/{report}/problems/{problem}", "demo-dept"),
    ("POST", "/api/reports/{report}/submission", "demo-dept"),
    ("POST", "/api/reports/{report}/acceptance", "demo-org"),
    ("DELETE", "/api/reports/personal-matters-keys/nobody", "demo-org"),
    ("POST", "/api/measures/msr-corpus/verification", "demo-audit"),
    ("POST", "/api/measures/msr-corpus/extension-approval", "demo-party"),
    ("POST", "/api/measures/msr-corpus/extension-refusal", "demo-party"),
    ("POST", "/api/notifications/ntf-corpus/read", "demo-dept"),
    ("POST", "/api/audit/replays", "demo-audit"),
    ("POST", "/api/audit/replays/rpl-corpus/switch-over", "demo-audit"),
    ("POST", "/api/directory/users/demo-cadre/disable", "demo-org"),
    ("POST", "/api/directory/users/demo-cadre/enable", "demo-org"),
    ("DELETE", "/api/reports/{report}/delegations/demo-head", "demo-dept"),
    ("POST", "/api/directory/grants/grt-corpus/approve", "demo-party"),
]

# file endpoints: method, path, user, cap in MB (the edge's BodyLimits)
FILE_ENDPOINTS = [
    ("POST", "/api/outlines/preview", "demo-dept", 11),
    ("POST", "/api/outlines/import", "demo-dept", 11),
    ("POST", "/api/rectification/findings/import", "demo-party", 21),
    ("POST", "/api/measures/msr-corpus/evidence", "demo-dept", 21),
]

# (name, replacement text as it appears inside a JSON string, expected code)
BAD_STRINGS = [
    ("nul", "\\u0000", "INVALID_TEXT"),
    ("bell", "\\u0007", "INVALID_TEXT"),
    ("escape", "\\u001b", "INVALID_TEXT"),
    ("vertical-tab", "\\u000b", "INVALID_TEXT"),
    ("del", "\\u007f", "INVALID_TEXT"),
    ("c1-next-line", "\\u0085", "INVALID_TEXT"),
    ("lone-high-surrogate", "\\ud800", "INVALID_TEXT"),
    ("lone-low-surrogate", "\\udfff", "INVALID_TEXT"),
    ("reversed-surrogates", "\\ude00\\ud83d", "INVALID_TEXT"),
]

MB = 1024 * 1024
cases = []


def add(**case):
    cases.append(case)


def first_string_field(body):
    for k, v in body.items():
        if isinstance(v, str):
            return k
    return None


for method, path, user, body in JSON_ENDPOINTS:
    field = first_string_field(body)
    text = json.dumps(body, ensure_ascii=False)
    for name, bad, code in BAD_STRINGS:
        if field:
            broken = dict(body)
            broken[field] = "前" + "\x00PLACEHOLDER\x00" + "后"
            raw = json.dumps(broken, ensure_ascii=False).replace("\\u0000PLACEHOLDER\\u0000", bad)
        else:
            raw = text[:-1] + ', "note": "' + bad + '"}'
        add(name=f"{method} {path}: {name} in {field}", method=method, path=path, user=user, body=raw,
            status=400, code=code)
    add(name=f"{method} {path}: control character in a field name", method=method, path=path, user=user,
        body=text[:-1] + ', "a\\u0001b": "x"}', status=400, code="INVALID_TEXT")
    add(name=f"{method} {path}: a byte that is not UTF-8", method=method, path=path, user=user,
        bodyHex=(text[:-1] + ', "note": "').encode().hex() + "c3" + '"}'.encode().hex(), status=400,
        code="MALFORMED_REQUEST")
    add(name=f"{method} {path}: a surrogate encoded as UTF-8 bytes (CESU)", method=method, path=path, user=user,
        bodyHex=(text[:-1] + ', "note": "').encode().hex() + "eda080" + '"}'.encode().hex(), status=400,
        code="MALFORMED_REQUEST")
    add(name=f"{method} {path}: NUL in a query parameter", method=method, path=path + "?x=a%00b", user=user,
        body=text, status=400, code="INVALID_TEXT")
    add(name=f"{method} {path}: JSON body just over 1 MB", method=method, path=path, user=user,
        bodyGenerated={"prefix": '{"note":"', "fill": "x", "bytes": MB + 1, "suffix": '"}'},
        status=413, code="PAYLOAD_TOO_LARGE")
    add(name=f"{method} {path}: chunked JSON body over 1 MB", method=method, path=path, user=user,
        bodyGenerated={"prefix": '{"note":"', "fill": "长", "bytes": MB + 64 * 1024, "suffix": '"}'}, chunked=True,
        status=413, code="PAYLOAD_TOO_LARGE")
    add(name=f"{method} {path}: 12 MB declared", method=method, path=path, user=user, declaredLength=12 * MB,
        status=413, code="PAYLOAD_TOO_LARGE")
    add(name=f"{method} {path}: malformed JSON", method=method, path=path, user=user, body='{"title": ',
        status=400, code="MALFORMED_REQUEST")

for method, path, user in BODYLESS_ENDPOINTS:
    add(name=f"{method} {path}: NUL in a query parameter", method=method, path=path + "?reason=%00", user=user,
        status=400, code="INVALID_TEXT")
    add(name=f"{method} {path}: an unpaired surrogate in a query parameter", method=method,
        path=path + "?reason=%ED%A0%80", user=user, status=400, code="MALFORMED_REQUEST")
    add(name=f"{method} {path}: broken UTF-8 in a query parameter", method=method, path=path + "?reason=%E4%B8",
        user=user, status=400, code="MALFORMED_REQUEST")
    add(name=f"{method} {path}: 12 MB declared", method=method, path=path, user=user, declaredLength=12 * MB,
        status=413, code="PAYLOAD_TOO_LARGE")
    add(name=f"{method} {path}: JSON body just over 1 MB", method=method, path=path, user=user,
        bodyGenerated={"prefix": '{"note":"', "fill": "x", "bytes": MB + 1, "suffix": '"}'},
        status=413, code="PAYLOAD_TOO_LARGE")

for method, path, user, cap in FILE_ENDPOINTS:
    add(name=f"{method} {path}: NUL in a query parameter", method=method, path=path + "?fileName=a%00.txt",
        user=user, contentType="multipart/form-data; boundary=x", body="--x--\r\n", status=400, code="INVALID_TEXT")
    add(name=f"{method} {path}: {cap * 3} MB declared, over its {cap} MB cap", method=method, path=path, user=user,
        contentType="multipart/form-data; boundary=x", declaredLength=cap * 3 * MB, status=413,
        code="PAYLOAD_TOO_LARGE")
    add(name=f"{method} {path}: chunked body over its {cap} MB cap", method=method, path=path, user=user,
        contentType="application/octet-stream", chunked=True,
        bodyGenerated={"prefix": "", "fill": "a", "bytes": cap * MB + 64 * 1024, "suffix": ""},
        status=413, code="PAYLOAD_TOO_LARGE")

# the cases the probe found, by name
add(name="a report title with a line break (single-line field)", method="POST", path="/api/reports", user="demo-dept",
    body='{"title":"2022年度\\n民主生活会发言提纲","year":2022}', status=400, code="VALIDATION_FAILED")
add(name="a report title with a carriage return", method="POST", path="/api/reports", user="demo-dept",
    body='{"title":"2022年度\\r民主生活会发言提纲","year":2022}', status=400, code="VALIDATION_FAILED")
add(name="a root cause title with a line break", method="POST", path="/api/reports/{report}/root-causes",
    user="demo-dept", body='{"title":"根源\\n第二行","analysis":"分析\\n可以多行"}', status=400, code="VALIDATION_FAILED")
add(name="a measure title with a line break", method="POST", path="/api/reports/{report}/measures",
    user="demo-dept", body='{"title":"措施\\n第二行"}', status=400, code="VALIDATION_FAILED")
add(name="a problem theme with a line break", method="POST", path="/api/reports/{report}/problems",
    user="demo-dept", body='{"theme":"主题\\n二","ordinal":2,"statement":"问题。"}', status=400, code="VALIDATION_FAILED")
add(name="a line break in a department's name", method="POST", path="/api/directory/departments", user="demo-org",
    body='{"code":"LBJ","name":"换行\\n局"}', status=400, code="VALIDATION_FAILED")
add(name="a line break in a renamed department's name", method="PUT", path="/api/directory/departments/XZSPJ",
    user="demo-org", body='{"name":"行政\\n审批局"}', status=400, code="VALIDATION_FAILED")
add(name="a line break in a user's display name", method="PUT", path="/api/directory/users/demo-cadre",
    user="demo-org", body='{"displayName":"干部\\n二","department":"XZSPJ","roles":["CADRE"]}', status=400,
    code="VALIDATION_FAILED")
add(name="NUL in a new user's username", method="POST", path="/api/directory/users", user="demo-org",
    body='{"username":"a\\u0000b","displayName":"某","department":"XZSPJ","password":"Corpus-2026-pass","roles":["CADRE"]}',
    status=400, code="INVALID_TEXT")
add(name="NUL in a new department's name", method="POST", path="/api/directory/departments", user="demo-org",
    body='{"code":"NULJ","name":"局\\u0000"}', status=400, code="INVALID_TEXT")
add(name="an unpaired surrogate in a report title (reached the audit log as ?)", method="POST", path="/api/reports",
    user="demo-dept", body='{"title":"标题\\udbff","year":2022}', status=400, code="INVALID_TEXT")
add(name="a 12 MB JSON body actually sent", method="POST", path="/api/reports/{report}/problems", user="demo-dept",
    bodyGenerated={"prefix": '{"theme":"t","ordinal":1,"statement":"', "fill": "x", "bytes": 12 * MB, "suffix": '"}'},
    status=413, code="PAYLOAD_TOO_LARGE")
for raw_name, raw in [
    ("a malformed percent-encoding in the path", "POST /api/reports/%zz/problems HTTP/1.1\r\nHost: x\r\n"
     "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"),
    ("a request line with spaces in the path", "POST /api/reports/a b HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
     "Connection: close\r\n\r\n"),
    ("an invalid header name", "POST /api/reports HTTP/1.1\r\nHost: x\r\nBad Header: y\r\nContent-Length: 0\r\n"
     "Connection: close\r\n\r\n"),
    ("a control character in a header value", "POST /api/reports HTTP/1.1\r\nHost: x\r\nX-Note: a\x01b\r\n"
     "Content-Length: 0\r\nConnection: close\r\n\r\n"),
    ("a malformed percent-encoding in the query", "POST /api/reports?x=%zz HTTP/1.1\r\nHost: x\r\n"
     "Content-Length: 0\r\nConnection: close\r\n\r\n"),
]:
    add(name=raw_name, raw=raw, status=400, code="MALFORMED_REQUEST")

out = os.path.join(os.path.dirname(__file__), "..", "resources", "bad-input-corpus.json")
with open(out, "w", encoding="utf-8") as f:
    json.dump({"description": "Bad inputs to every write endpoint through the gateway (issue 11, items 9 and 10). "
                              "Placeholders: {report} {problem} {rootCause} {measure} are created by the test.",
               "cases": cases}, f, ensure_ascii=False, indent=1)
print(len(cases), "cases")
