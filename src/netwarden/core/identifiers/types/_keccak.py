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


# Lane i = x + 5y. For the rho and pi steps: where each lane goes and by how much it rotates.
_PI_TARGET = tuple(y + 5 * ((2 * x + 3 * y) % 5) for y in range(5) for x in range(5))
_RHO_SHIFT = tuple(_ROTATIONS[x][y] for y in range(5) for x in range(5))


def _permute(lanes: list[int]) -> list[int]:
    for constant in _ROUND_CONSTANTS:
        parity = [lanes[x] ^ lanes[x + 5] ^ lanes[x + 10] ^ lanes[x + 15] ^ lanes[x + 20] for x in range(5)]
        for x in range(5):
            right = parity[(x + 1) % 5]
            theta = parity[(x - 1) % 5] ^ (((right << 1) | (right >> 63)) & _MASK)
            for y in range(0, 25, 5):
                lanes[x + y] ^= theta
        moved = [0] * 25
        for index in range(25):
            lane, shift = lanes[index], _RHO_SHIFT[index]
            moved[_PI_TARGET[index]] = ((lane << shift) | (lane >> (64 - shift))) & _MASK if shift else lane
        for y in range(0, 25, 5):
            row = moved[y : y + 5]
            for x in range(5):
                lanes[x + y] = row[x] ^ (~row[(x + 1) % 5] & row[(x + 2) % 5])
        lanes[0] ^= constant
    return lanes


def keccak256(data: bytes) -> bytes:
    padded = bytearray(data) + b"\x01" + b"\x00" * (-(len(data) + 1) % _RATE)
    padded[-1] |= 0x80
    lanes = [0] * 25
    for offset in range(0, len(padded), _RATE):
        for index in range(_RATE // 8):
            start = offset + 8 * index
            lanes[index] ^= int.from_bytes(padded[start : start + 8], "little")
        lanes = _permute(lanes)
    return b"".join(lane.to_bytes(8, "little") for lane in lanes[:4])
