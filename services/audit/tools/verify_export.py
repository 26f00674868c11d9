#!/usr/bin/env python3
"""Re-verifies a JSON-lines audit export with nothing but Python 3: recomputes every hash from the
canonical encoding (services/audit/README.md) and checks every link between consecutive entries.
Usage: python3 verify_export.py export.jsonl"""
import base64, hashlib, json, struct, sys

def field(value):
    if value is None:
        return struct.pack('>i', -1)
    data = value if isinstance(value, bytes) else str(value).encode('utf-8')
    return struct.pack('>i', len(data)) + data

prev_seq, prev_hash = None, None
for line in open(sys.argv[1], encoding='utf-8'):
    e = json.loads(line)
    payload = e['payload']
    if payload is not None:
        payload = base64.b64decode(payload) if e['payloadEncoding'] == 'base64' else payload.encode('utf-8')
    fields = ['shouwang-audit-v1', e['sequence'], e['appendedAt'], e['occurredAt'], e['kind'],
              e['householdId'], e['actor'], e['sourceTopic'], e['sourcePartition'],
              e['sourceOffset'], e['recordKey'], e['detail'], payload, e['prevHash']]
    digest = hashlib.sha256(b''.join(field(f) for f in fields)).hexdigest()
    if digest != e['hash']:
        sys.exit(f"BROKEN at {e['sequence']}: hash mismatch")
    if prev_seq is not None and e['sequence'] == prev_seq + 1 and e['prevHash'] != prev_hash:
        sys.exit(f"BROKEN at {e['sequence']}: prev_hash mismatch")
    if e['sequence'] == 1 and e['prevHash'] != '0' * 64:
        sys.exit("BROKEN at 1: does not start from the genesis hash")
    prev_seq, prev_hash = e['sequence'], e['hash']
print(f"OK, last entry {prev_seq} {prev_hash}")
