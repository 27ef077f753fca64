"""Analyzer throughput: 10,000,000 call records (collection) and 1,000,000 posts (coordination).

Run:  .venv/bin/python benchmarks/bench_analyzers.py [--calls 10000000] [--posts 1000000] [--work DIR]

Inputs are a simulated world (netwarden.sim, seed 7, scale 1) tiled until the size is reached:
copy k gets its own phone numbers / account ids and is shifted in time past the previous copy,
so each copy is an independent world with the simulator's structure (collectors, lenders,
ordinary callers; crews, organic accounts). The clock covers reading the file and analysing it.
--compare-cnt DIR runs the QUT coordination-network-toolkit (pip install coordination-network-toolkit)
on DIR/posts.jsonl beside netwarden at the same window: co-tweet (identical text after its
normalisation), co-link and co-retweet networks; toolkit crews are the components of at least
3 accounts over edges of weight >= 2 (repeated co-action), netwarden runs without near duplicates
so both see the same objects. Prints the time of each and the agreement of the flagged accounts
(and precision/recall against DIR/truth when present).
--coortweet runs netwarden on CooRTweet's two anonymised real data sets (read with the `rdata`
package from $NETWARDEN_SHARED_DATA/coortweet_coordination): russian_coord_tweets as reposts
(object_id = the reposted tweet) and german_elections as URL shares (url_id), window 10 s.
Not collected by pytest (file name does not start with test_).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import polars as pl

from netwarden.core.analyzers.collection import analyse_collection
from netwarden.core.analyzers.coordination import CoordinationRules, find_troll_crews
from netwarden.formats.calls import read_calls
from netwarden.formats.contacts import read_contacts
from netwarden.formats.posts import read_posts
from netwarden.sim import simulate

ZONE = ZoneInfo("Asia/Shanghai")


def _world(work: Path) -> Path:
    world = work / "world"
    if not (world / "calls.csv").exists():
        simulate(7, 1, world)
    return world


def _renumber(column: str, copy: int) -> pl.Expr:
    # +86 1xx 000 xxxxx → +86 1xx kkk xxxxx: a distinct, still valid mobile number per copy.
    return pl.col(column).str.slice(0, 6) + pl.lit(f"{copy:03d}") + pl.col(column).str.slice(9)


def _tiled_calls(world: Path, target: int, out: Path) -> None:
    calls = read_calls(world / "calls.csv", zone=ZONE).frame
    contacts = read_contacts(world / "contacts.csv").frame
    span = calls["at"].max() - calls["at"].min()  # type: ignore[operator]
    copies = -(-target // calls.height)
    big = pl.concat([calls.with_columns(_renumber("caller", k), _renumber("callee", k),
                                        pl.col("record_id") + f"-{k}", pl.col("at") + span * k)
                     for k in range(copies)]).head(target)
    big.select("record_id", pl.col("at").dt.convert_time_zone("Asia/Shanghai").dt.strftime("%Y-%m-%dT%H:%M:%S%:z")
               .alias("timestamp"), "caller", "callee", "kind", "duration_s", "text").write_csv(out / "calls.csv")
    pl.concat([contacts.with_columns(_renumber("owner", k), _renumber("contact", k)) for k in range(copies)]).select(
        "owner", "contact", "contact_name").write_csv(out / "contacts.csv")


def _tiled_posts(world: Path, target: int, out: Path) -> None:
    posts = pl.read_ndjson(world / "posts.jsonl", infer_schema_length=None)
    times = pl.col("created_at").str.to_datetime("%Y-%m-%dT%H:%M:%S%:z")
    span = posts.select(times.max() - times.min()).item()
    copies = -(-target // posts.height)
    parts = []
    for k in range(copies):
        shift = span * k
        parts.append(posts.with_columns(
            (pl.col("post_id") + f"-{k}"), (pl.col("account_id") + f"-{k}"),
            (pl.col("repost_of") + f"-{k}"), (pl.col("reply_to") + f"-{k}"),
            (times + shift).dt.strftime("%Y-%m-%dT%H:%M:%S%:z").alias("created_at")))
    pl.concat(parts).head(target).write_ndjson(out / "posts.jsonl")


def _cnt_crews(posts: pl.DataFrame, window: int, db: Path) -> set[str]:
    from coordination_network_toolkit import compute_networks as networks
    from coordination_network_toolkit.graph import get_edge_rows
    from coordination_network_toolkit.preprocess import preprocess_data

    db.unlink(missing_ok=True)
    rows = ((r["post_id"], r["account"], r["account"], r["repost_of"] or "", "", r["text"] or "",
             int(r["created_at"].timestamp()), list(r["urls"] or [])) for r in posts.iter_rows(named=True))
    preprocess_data(str(db), rows)
    networks.compute_co_tweet_network(str(db), window, min_edge_weight=2, n_threads=2)
    networks.compute_co_link_network(str(db), window, min_edge_weight=2, n_threads=2)
    networks.compute_co_retweet_parallel(str(db), window, min_edge_weight=2, n_threads=2)
    graph: dict[str, set[str]] = {}
    for command in ("co_tweet", "co_link", "co_retweet"):
        for user_1, user_2, *_ in get_edge_rows(str(db), command):
            graph.setdefault(user_1, set()).add(user_2)
            graph.setdefault(user_2, set()).add(user_1)
    flagged: set[str] = set()
    seen: set[str] = set()
    for start in graph:
        if start in seen:
            continue
        component, stack = set(), [start]
        while stack:
            node = stack.pop()
            if node not in component:
                component.add(node)
                stack.extend(graph[node] - component)
        seen |= component
        if len(component) >= 3:
            flagged |= component
    return flagged


def compare_cnt(world: Path, window: int, work: Path) -> None:
    import json

    posts = read_posts(world / "posts.jsonl", zone=ZONE).frame
    start = time.perf_counter()
    ours = {a for crew in find_troll_crews(posts, CoordinationRules(window_seconds=window, near_duplicates=False))
            for a in crew.accounts}
    ours_s = time.perf_counter() - start
    start = time.perf_counter()
    theirs = _cnt_crews(posts, window, work / "cnt.sqlite")
    theirs_s = time.perf_counter() - start
    union = ours | theirs
    print(f"window {window} s: netwarden {len(ours)} accounts in {ours_s:.2f} s; toolkit {len(theirs)} accounts in "
          f"{theirs_s:.2f} s (time ratio toolkit/netwarden {theirs_s / ours_s:.1f}); agreement (Jaccard of flagged "
          f"accounts) {len(ours & theirs) / len(union) if union else 1:.3f}")
    truth = world / "truth" / "coordination.jsonl"
    if truth.is_file():
        crew = {a for line in truth.read_text(encoding="utf-8").splitlines() if line.strip()
                for a in json.loads(line)["accounts"]} & set(posts["account"].to_list())
        for name, found in (("netwarden", ours), ("toolkit", theirs)):
            hit = len(found & crew)
            print(f"  {name}: precision {hit / len(found) if found else 1:.3f}, recall {hit / len(crew):.3f} "
                  f"(crew accounts that posted: {len(crew)})")


def _rda(path: Path) -> pl.DataFrame:
    import rdata

    converted = rdata.conversion.convert(rdata.parser.parse_file(path))
    return pl.from_pandas(next(iter(converted.values())))


def _as_posts(frame: pl.DataFrame, *, post: str, time_col: str, repost: str | None, url: str | None) -> pl.DataFrame:
    none = pl.lit(None, pl.Utf8)
    return frame.select(
        pl.col(post).cast(pl.Utf8).alias("post_id"), pl.col("account_id").cast(pl.Utf8).alias("account"),
        pl.lit(None, pl.Datetime("us", "UTC")).alias("account_created_at"),
        pl.from_epoch(pl.col(time_col).cast(pl.Int64), time_unit="s").dt.replace_time_zone("UTC").alias("created_at"),
        none.alias("text"),
        (pl.concat_list(pl.lit("url:") + pl.col(url).cast(pl.Utf8)) if url else pl.lit([], pl.List(pl.Utf8)))
        .list.drop_nulls().alias("urls"),
        (pl.col(repost).cast(pl.Utf8) if repost else none).alias("repost_of"), none.alias("target"))


def coortweet(window: int) -> None:
    import os

    shared = Path(os.environ.get("NETWARDEN_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
    folder = shared / "coortweet_coordination"
    sets = {"russian_coord_tweets": {"post": "content_id", "time_col": "timestamp_share", "repost": "object_id",
                                     "url": None},
            "german_elections": {"post": "post_id", "time_col": "timestamp", "repost": None, "url": "url_id"}}
    for name, columns in sets.items():
        start = time.perf_counter()
        posts = _as_posts(_rda(folder / f"{name}.rda"), **columns)  # type: ignore[arg-type]
        read_s = time.perf_counter() - start
        crews = find_troll_crews(posts, CoordinationRules(window_seconds=window))
        took = time.perf_counter() - start - read_s
        sizes = sorted((len(c.accounts) for c in crews), reverse=True)
        apart = crews[0].evidence["median_seconds_apart"] if crews else "-"
        print(f"{name}: {posts.height:,} shares by {posts['account'].n_unique():,} accounts; {len(crews)} crews, "
              f"{sum(sizes):,} accounts, largest {sizes[:8]}; median seconds apart in the largest {apart}; "
              f"read {read_s:.1f} s, analysed {took:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=10_000_000)
    parser.add_argument("--posts", type=int, default=1_000_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/netwarden-bench-analyzers"))
    parser.add_argument("--compare-cnt", type=Path, help="A world directory to compare with the QUT toolkit on.")
    parser.add_argument("--window", type=int, action="append", help="Windows for --compare-cnt (default 10, 60).")
    parser.add_argument("--coortweet", action="store_true", help="Run on CooRTweet's real data sets.")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if args.coortweet:
        coortweet((args.window or [10])[0])
        return
    if args.compare_cnt:
        for window in args.window or [10, 60]:
            compare_cnt(args.compare_cnt, window, args.work)
        return
    world = _world(args.work)
    if args.calls:
        out = args.work / f"calls-{args.calls}"
        out.mkdir(exist_ok=True)
        if not (out / "calls.csv").exists():
            _tiled_calls(world, args.calls, out)
        start, cpu = time.perf_counter(), time.process_time()
        calls = read_calls(out / "calls.csv", zone=ZONE)
        contacts = read_contacts(out / "contacts.csv")
        read_s = time.perf_counter() - start
        results = analyse_collection(calls.frame, contacts.frame)
        total = time.perf_counter() - start
        print(f"collection: {calls.frame.height:,} records read in {read_s:.1f} s, analysed in {total - read_s:.1f} s "
              f"(total {total:.1f} s wall, {time.process_time() - cpu:.1f} s CPU); "
              f"{sum(r.harassing for r in results):,} harassing numbers of {len(results):,}")
    if args.posts:
        out = args.work / f"posts-{args.posts}"
        out.mkdir(exist_ok=True)
        if not (out / "posts.jsonl").exists():
            _tiled_posts(world, args.posts, out)
        start, cpu = time.perf_counter(), time.process_time()
        posts = read_posts(out / "posts.jsonl", zone=ZONE)
        read_s = time.perf_counter() - start
        crews = find_troll_crews(posts.frame, CoordinationRules())
        total = time.perf_counter() - start
        print(f"coordination: {posts.frame.height:,} posts read in {read_s:.1f} s, analysed in {total - read_s:.1f} s "
              f"(total {total:.1f} s wall, {time.process_time() - cpu:.1f} s CPU); {len(crews):,} crews")


if __name__ == "__main__":
    main()
