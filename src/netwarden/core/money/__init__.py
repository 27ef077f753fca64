"""Follow the money: trace victims' payments, classify the accounts, rank freeze requests.

Pure: works on a Polars frame of transactions (``netwarden.formats.transactions`` reads the file).
"""

from netwarden.core.money.freeze import freeze_requests
from netwarden.core.money.tracing import TraceResult, trace

__all__ = ["TraceResult", "freeze_requests", "trace"]
