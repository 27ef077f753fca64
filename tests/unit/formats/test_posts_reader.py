"""Reading posts.jsonl: accounts as platform:account_id, times in UTC, bad rows rejected."""

from __future__ import annotations

import json
from pathlib import Path
from zoneinfo import ZoneInfo

from netwarden.formats.posts import read_posts

GOOD = {"post_id": "p1", "platform": "Weibo", "account_id": "u123", "account_created_at": "2026-02-01T00:00:00",
        "created_at": "2026-03-01T10:00:00+08:00", "text": "...", "urls": ["https://x.example/a"],
        "repost_of": None, "reply_to": None, "target": "merchant:some-shop"}


def test_posts_become_columns_and_bad_rows_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    rows = [GOOD, {**GOOD, "post_id": "p2", "created_at": "later"}, {**GOOD, "post_id": "p3", "urls": "x"},
            GOOD, "{bad", {k: v for k, v in GOOD.items() if k != "account_id"} | {"post_id": "p4"}]
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    table = read_posts(path, zone=ZoneInfo("Asia/Shanghai"))
    assert table.frame["account"].to_list() == ["weibo:u123"]
    assert table.frame["created_at"][0].hour == 2 and table.frame["urls"][0].to_list() == ["https://x.example/a"]
    assert [(r.line, r.code) for r in table.rejections] == [
        (2, "timestamp"), (3, "wrong_type"), (4, "duplicate_id"), (5, "bad_json"), (6, "missing_field")]
