"""Keccak-256 (the pre-SHA-3 padding Ethereum uses), for EIP-55 address checksums.

hashlib's sha3_256 pads differently and gives other digests, so this small pure-Python version
is used; it runs only for mixed-case addresses, which are rare in reports.
"""

from __future__ import annotations

_ROUND_CONSTANTS = (
    0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
    0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
    0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
    0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
    0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
    0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
)  # fmt: skip
# Rotation offsets r[x][y] of the rho step.
_ROTATIONS = ((0, 36, 3, 41, 18), (1, 44, 10, 45, 2), (62, 6, 43, 15, 61), (28, 55, 25, 21, 56), (27, 20, 39, 8, 14))
_MASK = (1 << 64) - 1
_RATE = 136  # bytes: 1600-bit state minus 512-bit capacity


def _rotate(lane: int, shift: int) -> int:
    return ((lane << shift) | (lane >> (64 - shift))) & _MASK if shift else lane


def _permute(state: list[list[int]]) -> list[list[int]]:
    for constant in _ROUND_CONSTANTS:
        parity = [state[x][0] ^ state[x][1] ^ state[x][2] ^ state[x][3] ^ state[x][4] for x in range(5)]
        theta = [parity[(x - 1) % 5] ^ _rotate(parity[(x + 1) % 5], 1) for x in range(5)]
        state = [[state[x][y] ^ theta[x] for y in range(5)] for x in range(5)]
        moved = [[0] * 5 for _ in range(5)]
        for x in range(5):
            for y in range(5):
                moved[y][(2 * x + 3 * y) % 5] = _rotate(state[x][y], _ROTATIONS[x][y])
        state = [[moved[x][y] ^ (~moved[(x + 1) % 5][y] & moved[(x + 2) % 5][y]) for y in range(5)] for x in range(5)]
        state[0][0] ^= constant
    return state


def keccak256(data: bytes) -> bytes:
    padded = bytearray(data) + b"\x01" + b"\x00" * (-(len(data) + 1) % _RATE)
    padded[-1] |= 0x80
    state = [[0] * 5 for _ in range(5)]
    for offset in range(0, len(padded), _RATE):
        block = padded[offset : offset + _RATE]
        for index in range(_RATE // 8):
            x, y = index % 5, index // 5
            state[x][y] ^= int.from_bytes(block[8 * index : 8 * index + 8], "little")
        state = _permute(state)
    return b"".join(state[index % 5][index // 5].to_bytes(8, "little") for index in range(4))
