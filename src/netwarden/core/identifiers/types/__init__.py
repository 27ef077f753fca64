"""One module per identifier type; each exposes `TYPE: IdentifierType`.

Modules whose name starts with an underscore are helpers shared by several types.
"""
