"""Soft-violence collection analyzer: who harasses debtors and their contacts, and as which operation.

Input is columnar (Polars) so that ten million call records fit in a minute:
    calls: record_id, at (aware datetime), caller, callee (E.164), kind ("call" | "sms"), text
    contacts: owner, contact (E.164): phone books, the debtor's own or seized from a loan app

Method (DOMAIN.md §1.3 (c)):
1. Acquaintances are set aside: a call between a phone-book owner and someone in that book is
   private life, not collection.
2. A number *works* a debtor when it contacts a phone-book owner who does not know it, or sends a
   debt-related text to someone. Messages to people in a worked debtor's phone book are contact
   bombing (third-party disclosure, the clearest violation in FDCPA §1692c(b), RBI, SEC MC 18 and
   the SPP 赵某 case).
3. Per number and debtor: contacts per day and per 7 days (more than 7 in 7 days is the US Reg F
   presumption; both limits are configurable), the share of contacts at night (default window
   21:00-08:00 local, the FDCPA one), abusive or threatening texts (collection_text).
4. Numbers working overlapping debtor sets are one operation (connected components over shared
   debtors with a Jaccard threshold); a rotating number of a harassing operation is harassing.
A licensed lender's daytime reminder to the debtor alone meets none of these and is never flagged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import igraph
import polars as pl

from netwarden.core.analyzers.collection_text import TextLabeller, label_text, text_key_expr

EVIDENCE_RECORDS = 20


@dataclass(frozen=True, slots=True)
class CollectionRules:
    max_per_7_days: int = 7  # Reg F: more than 7 calls in 7 days is presumed harassment
    max_per_day: int | None = None  # no Chinese numeric line; set one for a jurisdiction that has it
    zone: str = "Asia/Shanghai"
    night_starts_hour: int = 21  # FDCPA 21:00-08:00; RBI 19:00-08:00; Philippines SEC 22:00-06:00
    night_ends_hour: int = 8
    night_min_share: float = 0.3
    night_min_events: int = 3
    min_contacts_reached: int = 2  # third parties of the debtors (one could be a guarantor)
    min_contacts_of_one_debtor: int = 5  # a stranger reaching this many of one book, even silently
    operation_min_jaccard: float = 0.1
    max_numbers_per_target: int = 500  # a target shared by more numbers is a hub, not an operation


@dataclass(frozen=True, slots=True)
class CallerResult:
    caller: str
    operation_id: str | None
    harassing: bool
    debtors: tuple[str, ...]
    contacts_reached: int
    max_per_day: int
    max_per_7_days: int
    night_share: float
    abusive_messages: int
    flags: tuple[str, ...]
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "caller": self.caller, "operation_id": self.operation_id, "harassing": self.harassing,
            "debtors": list(self.debtors), "contacts_reached": self.contacts_reached, "max_per_day": self.max_per_day,
            "max_per_7_days": self.max_per_7_days, "night_share": self.night_share,
            "abusive_messages": self.abusive_messages, "flags": list(self.flags), "evidence": self.evidence,
        }


def _labelled(calls: pl.DataFrame, labeller: TextLabeller) -> pl.DataFrame:
    """Adds debt / abusive columns; each distinct text (numbers masked) is labelled once."""
    key = pl.when(pl.col("kind") == "sms").then(text_key_expr(pl.col("text")))
    with_key = calls.with_columns(key.alias("key"))
    keys = with_key.filter(pl.col("key").is_not_null()).unique("key").select("key", "text")
    labels = [labeller(text) for text in keys["text"]]
    table = pl.DataFrame({
        "key": keys["key"], "debt": [lab.debt for lab in labels], "abusive": [lab.abusive for lab in labels],
    }, schema={"key": pl.Utf8, "debt": pl.Boolean, "abusive": pl.Boolean})
    return with_key.join(table, on="key", how="left").with_columns(
        pl.col("debt").fill_null(False), pl.col("abusive").fill_null(False)).drop("key")


def _strangers(calls: pl.DataFrame, contacts: pl.DataFrame) -> pl.DataFrame:
    books = contacts.select("owner", "contact")
    known = pl.concat([books.select(pl.col("contact").alias("caller"), pl.col("owner").alias("callee")),
                       books.select(pl.col("owner").alias("caller"), pl.col("contact").alias("callee"))]).unique()
    return calls.join(known, on=["caller", "callee"], how="anti")


def _worked_owners(
    ev: pl.DataFrame, book_pairs: pl.DataFrame, contacts: pl.DataFrame, rules: CollectionRules
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(caller, owner) pairs: owners contacted directly, and owners whose debt the caller works through
    their phone book (a debt text to one of their contacts, or many of their contacts reached)."""
    owners = contacts.select("owner").unique()
    direct = ev.join(owners, left_on="callee", right_on="owner", how="semi").select(
        "caller", pl.col("callee").alias("owner")).unique()
    via_book = book_pairs.group_by("caller", "owner").agg(
        pl.col("callee").n_unique().alias("reached"), pl.col("debt").any().alias("debt"))
    via_book = via_book.filter((pl.col("reached") >= rules.min_contacts_of_one_debtor) | pl.col("debt")).select(
        "caller", "owner")
    return direct, pl.concat([direct, via_book]).unique()


def _operations(targets: pl.DataFrame, rules: CollectionRules) -> dict[int, str]:
    """Connected components of numbers whose target sets overlap (Jaccard at least the threshold).

    Targets are debtors and the owners of single-book contacts: a contact found in several phone
    books would chain unrelated operations together.
    """
    callers = targets["caller"].unique().sort().to_list()
    index = {number: i for i, number in enumerate(callers)}
    sizes = targets.group_by("caller").agg(pl.len().alias("size"))
    shared = targets.filter(pl.len().over("target") <= rules.max_numbers_per_target)
    pairs = shared.join(shared, on="target").filter(pl.col("caller") < pl.col("caller_right")).group_by(
        "caller", "caller_right").agg(pl.len().alias("shared"))
    pairs = pairs.join(sizes, on="caller").join(sizes.rename({"caller": "caller_right", "size": "size_right"}),
                                                on="caller_right")
    pairs = pairs.with_columns((pl.col("shared") / (pl.col("size") + pl.col("size_right") - pl.col("shared")))
                               .alias("jaccard")).filter(pl.col("jaccard") >= rules.operation_min_jaccard)
    graph = igraph.Graph(n=len(callers), edges=[(index[a], index[b]) for a, b in
                                                zip(pairs["caller"], pairs["caller_right"], strict=True)])
    membership = graph.connected_components().membership
    members: dict[int, list[str]] = {}
    for number, community in zip(callers, membership, strict=True):
        members.setdefault(community, []).append(_number_text(number))
    names = {c: _operation_name(m) for c, m in members.items()}
    return {number: names[c] for number, c in zip(callers, membership, strict=True)}


def _operation_name(numbers: list[str]) -> str:
    """Stable while the same numbers form the operation."""
    return "OP-" + hashlib.sha1("|".join(sorted(numbers)).encode()).hexdigest()[:10]


def _rates(work: pl.DataFrame, rules: CollectionRules) -> pl.DataFrame:
    """Per caller: the worst day and the worst 7 days towards one debtor."""
    per_day = work.group_by("caller", "callee", "day").agg(pl.len().alias("n")).group_by("caller").agg(
        pl.col("n").max().alias("max_per_day"))
    rolling = work.sort("caller", "callee", "at").rolling(
        index_column="at", period="7d", group_by=["caller", "callee"]).agg(pl.len().alias("n"))
    per_week = rolling.group_by("caller").agg(pl.col("n").max().alias("max_per_7_days"))
    return per_day.join(per_week, on="caller", how="full", coalesce=True)


def _number_code(column: str) -> pl.Expr:
    """E.164 as an integer (service numbers such as 95588 negative): joins on integers are several
    times faster than on strings, which matters at ten million records."""
    digits = pl.col(column).str.strip_prefix("+").cast(pl.Int64, strict=False)
    return pl.when(pl.col(column).str.starts_with("+")).then(digits).otherwise(-digits).alias(column)


def _number_text(code: int) -> str:
    return f"+{code}" if code > 0 else str(-code)


def analyse_collection(
    calls: pl.DataFrame, contacts: pl.DataFrame, rules: CollectionRules | None = None,
    labeller: TextLabeller = label_text,
) -> list[CallerResult]:
    rules = rules or CollectionRules()
    calls = calls.select("record_id", "at", _number_code("caller"), _number_code("callee"), "kind", "text").drop_nulls(
        ["caller", "callee"])
    contacts = contacts.select(_number_code("owner"), _number_code("contact")).drop_nulls().unique()
    local = pl.col("at").dt.convert_time_zone(rules.zone)
    hour = local.dt.hour()
    night = (hour >= rules.night_starts_hour) | (hour < rules.night_ends_hour) if rules.night_starts_hour > \
        rules.night_ends_hour else (hour >= rules.night_starts_hour) & (hour < rules.night_ends_hour)
    # Texts are read once by the labeller; carrying them through every join would only copy strings.
    labelled = _labelled(calls, labeller).select("record_id", "at", "caller", "callee", "debt", "abusive")
    ev = _strangers(labelled, contacts).with_columns(local.dt.date().alias("day"), night.alias("night"))
    # Who reached whose phone book: one (caller, callee) row per distinct pair, joined to the books once.
    pair_debt = ev.group_by("caller", "callee").agg(pl.col("debt").any())
    book_pairs = pair_debt.join(contacts.select("owner", "contact"), left_on="callee", right_on="contact")
    direct, worked = _worked_owners(ev, book_pairs, contacts, rules)
    third = book_pairs.join(
        worked, on=["caller", "owner"], how="semi").select("caller", "callee", "owner").unique(["caller", "callee"])
    # A debt text to someone in no worked debtor's book is to the debtor (a lender's own customer).
    in_worked_books = contacts.join(worked.select("owner").unique(), on="owner", how="semi").select(
        pl.col("contact").alias("callee")).unique()
    texted = ev.filter(pl.col("debt")).select("caller", "callee").unique().join(in_worked_books, on="callee",
                                                                                 how="anti")
    debtors = pl.concat([direct.rename({"owner": "callee"}), texted]).unique()
    # A contact in several books says nothing about whose debt is worked: only single-book contacts
    # tie a number to a debtor for grouping numbers into operations.
    single_book = contacts.group_by("contact").agg(pl.col("owner").n_unique().alias("books")).filter(
        pl.col("books") == 1).select(pl.col("contact").alias("callee"))
    bombed = third.join(single_book, on="callee", how="semi").select("caller", pl.col("owner").alias("target"))
    targets = pl.concat([debtors.rename({"callee": "target"}), bombed]).unique()
    if targets.is_empty():
        return []
    operations = _operations(targets, rules)
    to_debtors = ev.join(debtors, on=["caller", "callee"], how="semi")
    to_third = ev.join(third.select("caller", "callee"), on=["caller", "callee"], how="semi")
    debt_work = pl.concat([to_debtors, to_third])
    stats = debt_work.group_by("caller").agg(
        pl.len().alias("events"), pl.col("night").sum().alias("night_events"),
        pl.col("abusive").sum().alias("abusive_messages"),
        pl.col("record_id").filter(pl.col("abusive")).head(EVIDENCE_RECORDS).alias("abusive_ids"),
        pl.col("record_id").filter(pl.col("night")).head(EVIDENCE_RECORDS).alias("night_ids"),
    ).join(_rates(to_debtors, rules), on="caller", how="left").join(
        third.group_by("caller").agg(pl.col("callee").n_unique().alias("contacts_reached"),
                                     pl.col("owner").unique().alias("bombed_debtors")), on="caller", how="left")
    bomb_ids = to_third.group_by("caller").agg(
        pl.col("record_id").head(EVIDENCE_RECORDS).alias("bomb_ids"))
    stats = stats.join(bomb_ids, on="caller", how="left")
    debtor_lists = debtors.group_by("caller").agg(pl.col("callee").sort().alias("debtors"))
    rows = {r["caller"]: r for r in stats.join(debtor_lists, on="caller", how="left").iter_rows(named=True)}
    return list(_results(rows, operations, rules))


def _own_flags(row: dict[str, Any], rules: CollectionRules) -> list[str]:
    flags = []
    if (row["max_per_7_days"] or 0) > rules.max_per_7_days:
        flags.append("frequency_7_days")
    if rules.max_per_day is not None and (row["max_per_day"] or 0) > rules.max_per_day:
        flags.append("frequency_day")
    if (row["contacts_reached"] or 0) >= rules.min_contacts_reached:
        flags.append("contact_bombing")
    if row["abusive_messages"]:
        flags.append("abusive_messages")
    if row["night_events"] >= rules.night_min_events and row["night_events"] / row["events"] >= rules.night_min_share:
        flags.append("night_contact")
    return flags


def _results(rows: dict[int, dict[str, Any]], operations: dict[int, str], rules: CollectionRules
             ) -> Iterator[CallerResult]:
    own = {caller: _own_flags(row, rules) for caller, row in rows.items()}
    operations = {c: operations.get(c) or _operation_name([_number_text(c)]) for c in rows}
    harassing_operations = {operations[c] for c, flags in own.items() if flags}
    for code, row in sorted(rows.items()):
        caller = _number_text(code)
        flags = list(own[code])
        operation = operations[code]
        if not flags and operation in harassing_operations:
            flags.append("rotating_number")
        evidence = {
            "rules": {"max_per_7_days": rules.max_per_7_days, "max_per_day": rules.max_per_day,
                      "night_window": [rules.night_starts_hour, rules.night_ends_hour], "zone": rules.zone,
                      "min_contacts_reached": rules.min_contacts_reached},
            "debt_events": row["events"], "night_events": row["night_events"],
            "bombed_debtors": sorted(_number_text(n) for n in row["bombed_debtors"] or []),
            "abusive_record_ids": list(row["abusive_ids"] or []), "night_record_ids": list(row["night_ids"] or []),
            "contact_record_ids": list(row["bomb_ids"] or []),
        }
        yield CallerResult(
            caller, operation, bool(flags), tuple(sorted(_number_text(n) for n in row["debtors"] or ())),
            int(row["contacts_reached"] or 0),
            int(row["max_per_day"] or 0), int(row["max_per_7_days"] or 0),
            round(row["night_events"] / row["events"], 4) if row["events"] else 0.0,
            int(row["abusive_messages"]), tuple(flags), evidence,
        )
