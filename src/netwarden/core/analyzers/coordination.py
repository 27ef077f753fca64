"""Coordination analyzer: crews of accounts that act in lockstep (DOMAIN.md §1.6 (c)).

Only behaviour is evidence, never opinion: two accounts are linked when they share an *object*
within a short window, repeatedly. Objects, as in CooRTweet and the QUT coordination network
toolkit:
    co_post         the same text (case, punctuation, links, mentions and hashtags removed)
    near_duplicate  a MinHash LSH bucket of the text (a copy-paste with a word changed)
    co_link         the same URL
    co_repost       reposting the same post, or reposting each other
The `target` a post is about is never an object: independent critics of one merchant share it.
Accounts are joined by an edge weighted by the number of distinct post pairs they co-acted on;
edges of at least `min_edge_weight` form a graph whose components of at least
`min_crew_accounts` are crews. Young accounts and creation bursts are reported as evidence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import polars as pl
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from netwarden.core.analyzers.minhash import MinHasher, normalise_text

KINDS = ("co_post", "near_duplicate", "co_link", "co_repost")
EVIDENCE_PAIRS = 20


@dataclass(frozen=True, slots=True)
class CoordinationRules:
    window_seconds: int = 60  # the QUT toolkit's default; CooRTweet's is 10 s
    min_edge_weight: int = 1
    min_participation: int = 2  # as CooRTweet's: an account co-acts with at least this many of its posts
    min_crew_accounts: int = 3
    min_core_partners: int = 2  # an account co-acting once joins a crew only beside this many core members
    min_text_chars: int = 8  # "好的", "Coffee first": too short to be a shared object
    near_duplicates: bool = True
    max_object_neighbours: int = 200  # per post in one object and window (a viral link is not a crew)
    young_account_days: int = 30


@dataclass(frozen=True, slots=True)
class TrollCrew:
    crew_id: str
    accounts: list[str]
    post_ids: list[str]
    kinds: list[str]
    window_seconds: int
    targets: list[str]
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"crew_id": self.crew_id, "accounts": self.accounts, "post_ids": self.post_ids, "kinds": self.kinds,
                "window_seconds": self.window_seconds, "targets": self.targets, "evidence": self.evidence}


def _text_objects(posts: pl.DataFrame, rules: CoordinationRules) -> list[pl.DataFrame]:
    texts = posts.filter(pl.col("text").is_not_null()).select("post_id", "text")
    distinct = texts["text"].unique().to_list()
    clean = [normalise_text(t) for t in distinct]
    keep = [i for i, c in enumerate(clean) if len(c) >= rules.min_text_chars]
    table = pl.DataFrame({"text": [distinct[i] for i in keep], "clean": [clean[i] for i in keep]},
                         schema={"text": pl.Utf8, "clean": pl.Utf8})
    exact = texts.join(table, on="text").select("post_id", pl.lit("co_post").alias("kind"),
                                                pl.col("clean").alias("object"))
    frames = [exact]
    if rules.near_duplicates and table.height:
        # Near duplicates of distinct clean texts: each band bucket is one object.
        unique_clean = table["clean"].unique().to_list()
        hasher = MinHasher()
        keys = hasher.band_keys(hasher.signatures(unique_clean))
        buckets = pl.DataFrame({"clean": np.repeat(np.asarray(unique_clean, dtype=object), keys.shape[1]).tolist(),
                                "object": [f"lsh:{k}" for k in keys.ravel().tolist()]})
        frames.append(texts.join(table, on="text").join(buckets, on="clean").select(
            "post_id", pl.lit("near_duplicate").alias("kind"), "object"))
    return frames


def _objects(posts: pl.DataFrame, rules: CoordinationRules) -> pl.DataFrame:
    links = posts.select("post_id", pl.col("urls")).explode("urls").filter(pl.col("urls").is_not_null()).select(
        "post_id", pl.lit("co_link").alias("kind"), pl.col("urls").str.strip_chars().str.to_lowercase().alias("object"))
    reposts = posts.filter(pl.col("repost_of").is_not_null()).select(
        "post_id", pl.lit("co_repost").alias("kind"), pl.col("repost_of").alias("object"))
    frames = [*_text_objects(posts, rules), links, reposts]
    return pl.concat(frames).join(posts.select("post_id", "account_code", "t"), on="post_id")


def _co_actions(objects: pl.DataFrame, posts: pl.DataFrame, rules: CoordinationRules) -> pl.DataFrame:
    """Pairs of posts by different accounts on one object within the window (sorted-neighbour scan)."""
    ordered = objects.sort("kind", "object", "t")
    pairs = []
    for lag in range(1, rules.max_object_neighbours + 1):
        later = ordered.select(pl.all().shift(-lag).name.suffix("_b"))
        both = pl.concat([ordered, later], how="horizontal").filter(
            (pl.col("object") == pl.col("object_b")) & (pl.col("kind") == pl.col("kind_b"))
            & (pl.col("t_b") - pl.col("t") <= rules.window_seconds))
        if both.is_empty():
            break
        pairs.append(both.filter(pl.col("account_code") != pl.col("account_code_b")))
    return _with_direct_reposts(pl.concat(pairs) if pairs else ordered.head(0).join(
        ordered.head(0).select(pl.all().name.suffix("_b")), how="cross"), objects, posts, rules)


def _with_direct_reposts(pairs: pl.DataFrame, objects: pl.DataFrame, posts: pl.DataFrame, rules: CoordinationRules
                         ) -> pl.DataFrame:
    """A repost of another account's post within the window is a co-action with that account."""
    reposts = objects.filter(pl.col("kind") == "co_repost").unique("post_id")
    originals = posts.select(pl.col("post_id").alias("object"),
                                                 pl.col("account_code").alias("account_code_o"),
                                                 pl.col("t").alias("t_o"))
    direct = reposts.join(originals, on="object").filter(
        (pl.col("account_code") != pl.col("account_code_o")) & ((pl.col("t") - pl.col("t_o")) <= rules.window_seconds))
    direct = direct.select(pl.col("object").alias("post_id"), "kind", "object", pl.col("account_code_o")
                           .alias("account_code"), pl.col("t_o").alias("t"), pl.col("post_id").alias("post_id_b"),
                           pl.col("kind").alias("kind_b"), pl.col("object").alias("object_b"),
                           pl.col("account_code").alias("account_code_b"), pl.col("t").alias("t_b"))
    return pl.concat([pairs.select(direct.columns), direct])


def find_troll_crews(
    posts: pl.DataFrame, rules: CoordinationRules | None = None,
    other_targets: Mapping[str, Sequence[str]] | None = None,
) -> list[TrollCrew]:
    """Crews in ``posts`` (columns post_id, account, account_created_at, created_at, text, urls,
    repost_of, target). ``other_targets`` maps a merchant to the ids of malicious-claim crews or
    pay-to-delete reports aimed at it; a crew's evidence names those that share its targets."""
    rules = rules or CoordinationRules()
    if posts.is_empty():
        return []
    posts = posts.with_columns(pl.col("account").rank("dense").cast(pl.Int64).alias("account_code"),
                               pl.col("created_at").dt.epoch("s").alias("t"))
    pairs = _co_actions(_objects(posts, rules), posts, rules)
    a, b = pl.min_horizontal("account_code", "account_code_b"), pl.max_horizontal("account_code", "account_code_b")
    pairs = pairs.with_columns(a.alias("a"), b.alias("b"), (pl.col("t_b") - pl.col("t")).abs().alias("dt"))
    edges = pairs.group_by("a", "b").agg(
        pl.struct("post_id", "post_id_b").n_unique().alias("weight"), pl.col("kind").unique().alias("kinds"),
        pl.col("dt").median().alias("median_dt"),
    ).filter(pl.col("weight") >= rules.min_edge_weight)
    # Participation counts an account's own posts that co-act: one burst is one, however many join it.
    participation = pl.concat([pairs.select(pl.col("account_code").alias("code"), "post_id"),
                               pairs.select(pl.col("account_code_b").alias("code"),
                                            pl.col("post_id_b").alias("post_id"))
                               ]).group_by("code").agg(pl.col("post_id").n_unique().alias("posts")).filter(
        pl.col("posts") >= rules.min_participation)["code"]
    all_edges = edges
    edges = edges.filter(pl.col("a").is_in(participation.implode()) & pl.col("b").is_in(participation.implode()))
    if edges.is_empty():
        return []
    size = int(posts["account_code"].max()) + 1  # type: ignore[arg-type]
    graph = coo_matrix((np.ones(edges.height), (edges["a"].to_numpy(), edges["b"].to_numpy())), shape=(size, size))
    _, component = connected_components(graph, directed=False)
    in_edges = np.zeros(size, dtype=bool)
    in_edges[edges["a"].to_numpy()] = True
    in_edges[edges["b"].to_numpy()] = True
    members = pl.DataFrame({"account_code": np.flatnonzero(in_edges), "crew": component[in_edges]})
    members = pl.concat([members, _periphery(all_edges, members, rules)])
    members = members.filter(pl.len().over("crew") >= rules.min_crew_accounts)
    kept = pairs.join(members, left_on="a", right_on="account_code").join(
        edges.select("a", "b"), on=["a", "b"], how="semi")
    return _crews(posts, members, kept, rules, other_targets or {})


def _periphery(edges: pl.DataFrame, core: pl.DataFrame, rules: CoordinationRules) -> pl.DataFrame:
    """Accounts seen co-acting once, but then with several members of one crew's core, join it."""
    both = pl.concat([edges.select(pl.col("a").alias("account_code"), pl.col("b").alias("other")),
                      edges.select(pl.col("b").alias("account_code"), pl.col("a").alias("other"))])
    outside = both.join(core.select("account_code"), on="account_code", how="anti")
    links = outside.join(core.rename({"account_code": "other"}), on="other").group_by("account_code", "crew").agg(
        pl.len().alias("partners")).filter(pl.col("partners") >= rules.min_core_partners)
    # An account tied to two crews' cores joins the one it is tied to most.
    return links.sort("partners", "crew", descending=[True, False]).unique("account_code", keep="first").select(
        "account_code", "crew")


def _crews(posts: pl.DataFrame, members: pl.DataFrame, pairs: pl.DataFrame, rules: CoordinationRules,
           other_targets: Mapping[str, Sequence[str]]) -> list[TrollCrew]:
    accounts = posts.unique("account_code").select("account_code", "account", "account_created_at")
    crew_posts = pl.concat([pairs.select("crew", "post_id"), pairs.select("crew", pl.col("post_id_b").alias("post_id"))
                            ]).unique()
    crew_posts = crew_posts.join(posts.select("post_id", "account", "target", "created_at", "account_created_at"),
                                 on="post_id")
    found = []
    # One partition per crew up front: filtering the whole frame per crew is quadratic at scale.
    by_members = members.join(accounts, on="account_code").partition_by("crew", as_dict=True)
    by_posts = crew_posts.partition_by("crew", as_dict=True)
    by_pairs = pairs.partition_by("crew", as_dict=True)
    for key in sorted(by_members):
        names, mine, links = by_members[key], by_posts[key], by_pairs[key]
        targets = sorted(t for t in mine["target"].unique().to_list() if t)
        age_days = mine.group_by("account").agg(
            (pl.col("created_at").min() - pl.col("account_created_at").first()).dt.total_days().alias("days"))
        young = age_days.filter(pl.col("days") <= rules.young_account_days)
        created = names["account_created_at"].drop_nulls().dt.date()
        busiest_day = int(created.value_counts()["count"].max()) if len(created) else 0  # type: ignore[arg-type]
        account_list = sorted(names["account"].to_list())
        found.append(TrollCrew(
            crew_id="TC-" + account_list[0], accounts=account_list, post_ids=sorted(mine["post_id"].to_list()),
            kinds=[k for k in KINDS if k in set(links["kind"].to_list())], window_seconds=rules.window_seconds,
            targets=targets,
            evidence={
                "co_actions": links.height,
                "median_seconds_apart": float(links.select(pl.col("dt").median()).item() or 0),
                "pairs": [{"posts": [p, q], "kind": k, "seconds_apart": int(d)} for p, q, k, d in
                          links.select("post_id", "post_id_b", "kind", "dt").head(EVIDENCE_PAIRS).iter_rows()],
                "young_accounts": young.height, "accounts_created_on_busiest_day": busiest_day,
                "also_targeted_by": {t: sorted(other_targets[t]) for t in targets if t in other_targets},
                "rules": {"window_seconds": rules.window_seconds, "min_edge_weight": rules.min_edge_weight,
                          "min_participation": rules.min_participation,
                          "min_crew_accounts": rules.min_crew_accounts},
            }))
    return sorted(found, key=lambda c: (-len(c.accounts), c.crew_id))
