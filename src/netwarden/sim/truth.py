"""DIR/truth/: what really happened in the simulated world, for measuring every analysis stage."""

from __future__ import annotations

from collections import Counter
from importlib import resources
from pathlib import Path

from netwarden.sim.calls import CallLog
from netwarden.sim.claims import ClaimBook
from netwarden.sim.layering import Trace
from netwarden.sim.loans import LoanBook, true_rate
from netwarden.sim.posts import PostBook
from netwarden.sim.reports import ReportPlan
from netwarden.sim.world import World, iso
from netwarden.sim.writer import JsonlWriter


def _gangs(path: Path, world: World) -> int:
    with JsonlWriter(path) as out:
        for gang in world.gangs:
            series = [
                {
                    "series_key": s.key,
                    "lang": s.lang,
                    "start": iso(s.start),
                    "end": iso(s.end),
                    "report_ids": s.report_ids,
                    "rotations": [
                        {
                            "slot": name,
                            "identifier": h.ident,
                            "person_id": h.person_id,
                            "from": iso(h.start),
                            "to": iso(h.end),
                        }
                        for name, slot in s.slots.items()
                        for h in slot.holdings
                    ],
                }
                for s in gang.series
            ]
            out.write(
                {
                    "gang_id": gang.gang_id,
                    "crime_type": gang.crime_type,
                    "lang": gang.lang,
                    "members": [
                        {"person_id": p.person_id, "role": p.role, "identifiers": sorted(set(p.identifiers))}
                        for p in gang.members
                    ],
                    "series": series,
                    "series_report_ids": sorted(r for s in gang.series for r in s.report_ids),
                    "mule_accounts": [a.account for a in gang.mules],
                    "cash_out_accounts": [a.account for a in gang.cash_out],
                }
            )
        return out.count


def _money(path: Path, traces: list[Trace]) -> int:
    with JsonlWriter(path) as out:
        for tr in sorted(traces, key=lambda t: t.row[9]):
            out.write(
                {
                    "report_id": tr.row[8],
                    "txn_id": tr.row[9],
                    "amount": tr.row[3] / 100,
                    "currency": tr.row[4],
                    "at": iso(tr.row[0]),
                    "collection_account": tr.row[2],
                    "hop_txn_ids": [h[9] for h in tr.hops],
                    "reached": [{"account": a, "amount": c / 100} for a, c in sorted(tr.reached.items())],
                }
            )
        return out.count


def _accounts(path: Path, world: World) -> int:
    with JsonlWriter(path) as out:
        for key in sorted(world.accounts):
            a = world.accounts[key]
            out.write(
                {
                    "account": a.account,
                    "class": a.klass,
                    "institution": a.institution,
                    "gang_id": a.gang_id,
                    "person_id": a.person_id,
                }
            )
        return out.count


def _loans(path: Path, book: LoanBook) -> int:
    with JsonlWriter(path) as out:
        for loan in sorted(book.loans, key=lambda ln: ln.loan_id):
            out.write(true_rate(loan))
        return out.count


def _collection(path: Path, log: CallLog) -> int:
    with JsonlWriter(path) as out:
        for number in sorted(log.callers):
            c = log.callers[number]
            if not c.debtors and not c.contacts:
                continue  # a rotated-in number that never got used
            out.write(
                {
                    "caller": number,
                    "kind": c.kind,
                    "harassing": c.kind == "harassing",
                    "operation_id": c.operation_id,
                    "gang_id": c.gang_id,
                    "person_id": c.person_id,
                    "lender": c.lender,
                    "debtors": sorted(c.debtors),
                    "contacts_reached": len(c.contacts),
                }
            )
        return out.count


def _claims(path: Path, book: ClaimBook) -> int:
    with JsonlWriter(path) as out:
        for crew in book.crews:
            out.write(
                {
                    "crew_id": crew.crew_id,
                    "gang_id": crew.gang_id,
                    "claimants": [
                        {
                            "person_id": c.person_id,
                            "names": c.names,
                            "phones": c.phones,
                            "accounts": c.accounts,
                            "address": c.address,
                        }
                        for c in crew.claimants
                    ],
                    "complaint_ids": sorted(crew.complaint_ids),
                    "merchants": sorted(crew.merchants),
                }
            )
        return out.count


def _coordination(truth_dir: Path, book: PostBook) -> dict[str, int]:
    with JsonlWriter(truth_dir / "coordination.jsonl") as out:
        for crew in book.crews:
            out.write(
                {
                    "crew_id": crew["crew_id"],
                    "gang_id": crew["gang_id"],
                    "accounts": crew["accounts"],
                    "post_ids": crew["post_ids"],
                    "targets": crew["targets"],
                }
            )
        crews = out.count
    with JsonlWriter(truth_dir / "post_accounts.jsonl") as out:
        for key in sorted(book.accounts):
            a = book.accounts[key]
            out.write(
                {
                    "account": key,
                    "platform": a["platform"],
                    "account_id": a["account_id"],
                    "class": a["class"],
                    "crew_id": a["crew_id"],
                }
            )
        accounts = out.count
    return {"coordination.jsonl": crews, "post_accounts.jsonl": accounts}


def _hubs(path: Path, world: World, plans: list[ReportPlan]) -> int:
    counts = Counter(h for p in plans for h in p.hub_ids)
    with JsonlWriter(path) as out:
        for hub in world.hubs:
            kind = hub.partition(":")[0]
            out.write(
                {
                    "identifier": hub,
                    "type": kind,
                    "value": hub.partition(":")[2],
                    "reports": counts[hub],
                    "why": {
                        "phone": "service or platform customer-service line",
                        "domain": "large platform",
                        "app_name": "widely used legitimate app",
                    }[kind],
                }
            )
        return out.count


def write_all(
    truth_dir: Path,
    world: World,
    plans: list[ReportPlan],
    traces: list[Trace],
    loans: LoanBook,
    calls: CallLog,
    claims: ClaimBook,
    posts: PostBook,
) -> dict[str, int]:
    truth_dir.mkdir(parents=True, exist_ok=True)
    counts = {
        "reports.jsonl": len(plans),
        "gangs.jsonl": _gangs(truth_dir / "gangs.jsonl", world),
        "money.jsonl": _money(truth_dir / "money.jsonl", traces),
        "accounts.jsonl": _accounts(truth_dir / "accounts.jsonl", world),
        "loans.jsonl": _loans(truth_dir / "loans.jsonl", loans),
        "collection.jsonl": _collection(truth_dir / "collection.jsonl", calls),
        "claims.jsonl": _claims(truth_dir / "claims.jsonl", claims),
        "hubs.jsonl": _hubs(truth_dir / "hubs.jsonl", world, plans),
    }
    counts.update(_coordination(truth_dir, posts))
    readme = resources.files("netwarden.sim").joinpath("TRUTH_README.md").read_text(encoding="utf-8")
    (truth_dir / "README.md").write_text(readme, encoding="utf-8")
    return counts
