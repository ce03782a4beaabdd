"""The citizen service number (burgerservicenummer, BSN): nine digits passing the
"elfproef" (11-test) with the last digit weighted -1."""


def bsn_valid(value: str) -> bool:
    if not isinstance(value, str) or len(value) != 9 or not value.isdigit():
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    total = sum(int(d) * w for d, w in zip(value, weights, strict=True))
    return total % 11 == 0 and value != "000000000"
