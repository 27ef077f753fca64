"""The project's own world simulator: a campaign's input files plus the ground truth behind them.

`simulate(seed, scale, out_dir)` writes reports, transactions, calls, contacts, posts, loans
and complaints per the data contract, and `out_dir/truth/` (see truth/README.md there).
"""

from netwarden.sim.run import SimSummary, simulate

__all__ = ["SimSummary", "simulate"]
