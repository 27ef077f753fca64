"""Claims analyzer: a serial claimant behind name variants, and honest complaints left alone."""

from __future__ import annotations

from netwarden.core.analyzers.claims import Claimant, ClaimRules, Complaint, find_claimant_crews, name_key
from netwarden.core.analyzers.minhash import MinHasher, jaccard

TEMPLATE = ("你家{item}详情页写着“全网第一”“最好”，违反广告法，我已截图公证。"
            "按消法55条退一赔三，不足五百按五百，否则直接向12315举报。")
ITEMS = ["婴儿湿巾", "月饼", "保温杯", "面膜", "充电宝", "坚果礼盒"]
VARIANTS = [("张三", "13800138000", "alipay:a@b.com"), ("张 三", "138-0013-8000", "bank_card:6222021234567890128"),
            ("zhang san", "+86 139 0013 9000", "bank_card:6222021234567890128"),
            ("ZHANG SAN", "13900139000", "alipay:c@d.com"), ("Zhang San", "13700137000", "alipay:c@d.com"),
            ("张三", "13600136000", "alipay:e@f.com")]


def _claimant(name: str, phone: str, account: str, address: str = "南山区科技路220号快递驿站") -> Claimant:
    digits = "".join(ch for ch in phone if ch.isdigit())
    return Claimant(name, "+86" + digits[-11:], account, address)


def _serial() -> list[Complaint]:
    return [Complaint(f"C{i}", None, f"merchant:shop-{i}", _claimant(*VARIANTS[i]), TEMPLATE.format(item=item), 500)
            for i, item in enumerate(ITEMS)]


def test_name_variants_share_one_key() -> None:
    assert {name_key(n) for n in ("张三", "张 三", "zhang san", "ZHANG SAN", "Zhang  San")} == {"zhangsan"}


def test_serial_claimant_behind_variants_is_one_crew_with_evidence() -> None:
    honest = [Complaint(f"H{i}", None, "merchant:shop-1", Claimant(f"李{i}", f"+861350013500{i}", None, f"{i}号"),
                        "下单一周了还没发货，想取消订单退款。", 50) for i in range(5)]
    (crew,) = find_claimant_crews(_serial() + honest)
    assert crew.complaint_ids == [f"C{i}" for i in range(6)]
    assert len(crew.merchants) == 6 and crew.template_similarity > 0.7
    assert {"many_merchants", "template_complaints", "threats", "punitive_demands"} <= set(crew.flags)
    assert len(crew.claimants) == 1 and "+8613800138000" in crew.claimants[0]["phones"]


def test_one_customer_complaining_honestly_to_many_shops_is_not_a_crew() -> None:
    texts = ["收到的{}外包装破损，申请退货。", "{}尺码不对，想换货。", "下单一周了{}还没发货，想取消订单退款。"]
    honest = [Complaint(f"C{i}", None, f"merchant:shop-{i}", _claimant("王五", "13500135000", "alipay:w@x.com"),
                        texts[i % 3].format(item), 80) for i, item in enumerate(ITEMS)]
    assert find_claimant_crews(honest) == []


def test_thresholds_are_configurable() -> None:
    assert find_claimant_crews(_serial(), ClaimRules(min_complaints=10)) == []


def test_minhash_buckets_near_duplicates_together_and_apart_from_others() -> None:
    texts = [TEMPLATE.format(item="月饼"), TEMPLATE.format(item="面膜"), "周末去爬山了，天气很好，拍了很多照片。"]
    keys = MinHasher().band_keys(MinHasher().signatures(texts))
    assert jaccard(texts[0], texts[1]) > 0.8
    assert (keys[0] == keys[1]).any() and not (keys[0] == keys[2]).any()
