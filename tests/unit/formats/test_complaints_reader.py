"""Reading complaints.jsonl: claimant phones become E.164; bad rows are rejected with a reason."""

from __future__ import annotations

import json
from pathlib import Path
from zoneinfo import ZoneInfo

from netwarden.core.analyzers.claims import Complaint
from netwarden.formats.complaints import read_complaints
from netwarden.formats.rejections import Rejection

GOOD = {"complaint_id": "C1", "filed_at": "2026-03-01T10:00:00+08:00", "merchant": "merchant:some-shop",
        "claimant": {"name": "张三", "phone": "１３８ 0013 8000", "account": "alipay:x@y.com", "address": "某路1号"},
        "channel": "platform", "text": "不赔就投诉12315", "amount_claimed": 500}


def test_good_and_bad_complaints(tmp_path: Path) -> None:
    path = tmp_path / "complaints.jsonl"
    rows = [GOOD, {**GOOD, "complaint_id": "C2", "amount_claimed": -1}, {**GOOD, "complaint_id": "C3", "merchant": ""},
            GOOD, "[]", {**GOOD, "complaint_id": "C4", "filed_at": "soon"}]
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    out = list(read_complaints(path, zone=ZoneInfo("Asia/Shanghai")))
    good = [c for c in out if isinstance(c, Complaint)]
    assert [c.complaint_id for c in good] == ["C1"] and good[0].claimant.phone == "+8613800138000"
    assert [(r.line, r.code) for r in out if isinstance(r, Rejection)] == [
        (2, "invalid_value"), (3, "invalid_value"), (4, "duplicate_id"), (5, "not_object"), (6, "timestamp")]
