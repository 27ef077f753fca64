"""Keep split reports apart: union-find with cannot-link sides, inside one component at a time.

Only components that contain both sides of a split judgement are redone here (per-component
work, small). Evidence is added strongest first: analysts' merges, then identifiers by weight,
then victim duplicates; a union that would put both sides of a split in one series is refused,
so the split holds whatever new reports arrive, until it is withdrawn.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


class _Sides:
    def __init__(self, size: int, splits: Sequence[tuple[set[int], set[int]]]) -> None:
        self.parent = list(range(size))
        self.tags: list[set[tuple[int, int]]] = [set() for _ in range(size)]
        for number, (apart, rest) in enumerate(splits):
            for node in apart:
                self.tags[node].add((number, 0))
            for node in rest:
                self.tags[node].add((number, 1))

    def find(self, node: int) -> int:
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return
        tags_a, tags_b = self.tags[root_a], self.tags[root_b]
        if any((number, 1 - side) in tags_b for number, side in tags_a):
            return
        small, large = (root_a, root_b) if root_a > root_b else (root_b, root_a)
        self.parent[small] = large
        self.tags[large] = tags_a | tags_b
        self.tags[small] = set()


def split_component(
    nodes: Sequence[int],
    edges: Iterable[tuple[float, int, int]],
    splits: Sequence[tuple[set[int], set[int]]],
) -> dict[int, int]:
    """Label each node of one component (report indices, or identifier nodes) after the splits.

    ``edges`` are (priority, u, v); higher priority is joined first, ties by the nodes, so the
    result does not depend on input order. Returns node -> the smallest node of its part.
    """
    position = {node: i for i, node in enumerate(sorted(nodes))}
    local_splits = [
        ({position[n] for n in apart if n in position}, {position[n] for n in rest if n in position})
        for apart, rest in splits
    ]
    sides = _Sides(len(position), local_splits)
    for _, u, v in sorted(edges, key=lambda e: (-e[0], min(e[1], e[2]), max(e[1], e[2]))):
        if u in position and v in position:
            sides.union(position[u], position[v])
    ordered = sorted(position)
    smallest: dict[int, int] = {}
    labels: dict[int, int] = {}
    for node in ordered:
        root = sides.find(position[node])
        smallest.setdefault(root, node)
        labels[node] = smallest[root]
    return labels
