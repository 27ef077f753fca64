"""Cash-out points: where traced money leaves the traceable banking system, so tracing stops.

An account is a cash-out point when money paid into it turns into something a transfer record no
longer follows:
- a crypto address held at a custodial exchange (the receiving institution is named and is not
  a blockchain network): the exchange converts the deposit and can freeze the customer account;
- cash: an account of type ``cash`` or any payment on the ``cash`` rail (ATM or counter withdrawal);
- a merchant (type ``merchant``): money spent on goods (gold, phone cards, gift cards) leaves the
  account trail.
Whether a cash-out point that received victim money is a *suspect* is a separate question
(``typology``): a big shop is a cash-out point for tracing and an ordinary account all the same.
"""

from __future__ import annotations

import polars as pl

# Names a crypto "institution" takes when the address is a self-held wallet on a chain, not a
# deposit address at an exchange.
CHAIN_NAMES = ("on-chain", "onchain", "tron", "trc20", "ethereum", "erc20", "bitcoin", "bsc", "bnb chain",
               "polygon", "solana", "self-custody", "wallet")
CASH_TYPES = ("cash",)
MERCHANT_TYPES = ("merchant",)


def of_type(column: str, types: tuple[str, ...]) -> pl.Expr:
    """``type:value`` accounts of one of ``types`` (prefix tests: cheap over millions of rows)."""
    return pl.any_horizontal(pl.col(column).str.starts_with(kind + ":") for kind in types)


def is_exchange_deposit(account: str, institution: str) -> pl.Expr:
    """A crypto address whose institution names a custodial service rather than a chain."""
    named = pl.col(institution).str.strip_chars().str.to_lowercase()
    return (
        pl.col(account).str.starts_with("crypto")
        & named.is_not_null()
        & (named != "")
        & ~named.is_in(CHAIN_NAMES)
    ).fill_null(False)


def cash_out_points(transactions: pl.DataFrame, *, key: str = "to_account") -> pl.DataFrame:
    """``key`` (the receiver column, or its integer code) → ``cash_out_kind`` for every cash-out point."""
    transactions = transactions.select(key, "to_account", "rail", "to_institution") if key != "to_account" else (
        transactions.select("to_account", "rail", "to_institution"))
    cash = transactions.filter(of_type("to_account", CASH_TYPES) | (pl.col("rail") == "cash")).select(
        pl.col(key).alias("account"), pl.lit("cash").alias("cash_out_kind")
    )
    merchant = transactions.filter(of_type("to_account", MERCHANT_TYPES)).select(
        pl.col(key).alias("account"), pl.lit("merchant").alias("cash_out_kind")
    )
    # Crypto rows are few; the institution test (strip, lower-case, look-up) runs on them only.
    crypto = transactions.filter(pl.col("to_account").str.starts_with("crypto")).filter(
        is_exchange_deposit("to_account", "to_institution")
    ).select(pl.col(key).alias("account"), pl.lit("exchange").alias("cash_out_kind"))
    # A receiver that is several kinds at once (a card that also took a cash-rail row) counts as
    # the first of cash, exchange, merchant.
    rank = {"cash": 0, "exchange": 1, "merchant": 2}
    return (
        pl.concat([cash.unique(), crypto.unique(), merchant.unique()])
        .with_columns(pl.col("cash_out_kind").replace_strict(rank, return_dtype=pl.Int8).alias("_rank"))
        .sort("account", "_rank")
        .unique("account", keep="first", maintain_order=True)
        .drop("_rank")
    )
